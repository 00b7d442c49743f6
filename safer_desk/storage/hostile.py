"""Opening a file that came from outside (a district's export) as hostile until it is verified.

A SQLite file can carry code of a kind: triggers, views, generated columns and indexes on expressions
run when the file is read or written. An export is opened read-only and immutable (nothing is ever
written, no -wal or -shm file appears beside it), with ``PRAGMA trusted_schema = OFF`` (its schema may
call no function that is not harmless) and, where this Python lets us reach them, SQLite's own switches:
defensive mode, triggers off, views off (``SQLITE_DBCONFIG_DEFENSIVE``, ``_ENABLE_TRIGGER``,
``_ENABLE_VIEW``, ``_TRUSTED_SCHEMA``).

Python 3.12 and later set them with ``Connection.setconfig``. Python 3.11's sqlite3 has no setconfig: on
CPython 3.11 the connection's ``sqlite3*`` handle is the first field after the object header, and
``sqlite3_db_config`` is called through ctypes from the very library ``_sqlite3`` uses; the handle is
checked first (``sqlite3_db_filename`` must name this file) and each switch read back. Where that is not
possible (another interpreter, a platform whose variadic calls ctypes cannot make) the switches are
skipped, and what protects the reader is what the caller checks besides: the county refuses any export
whose schema holds a trigger, a view or a generated column, before reading a row.
"""

from __future__ import annotations

import platform
import sqlite3
import sys
from pathlib import Path

from safer_desk.storage.store import read_only_uri, read_schema_text

DBCONFIG_ENABLE_TRIGGER = 1003
DBCONFIG_DEFENSIVE = 1010
DBCONFIG_ENABLE_VIEW = 1015
DBCONFIG_TRUSTED_SCHEMA = 1017
# (switch, value wanted, name)
SWITCHES = ((DBCONFIG_DEFENSIVE, 1, "defensive"), (DBCONFIG_ENABLE_TRIGGER, 0, "triggers off"),
            (DBCONFIG_ENABLE_VIEW, 0, "views off"), (DBCONFIG_TRUSTED_SCHEMA, 0, "untrusted schema"))


def open_hostile(path: Path | str) -> tuple[sqlite3.Connection, list[str]]:
    """A read-only, immutable connection to a file from outside; returns it and the protections in force."""
    path = Path(path)
    conn = sqlite3.connect(read_only_uri(path, immutable="1"), uri=True)
    try:
        protections = harden(conn, path)
        read_schema_text(conn)  # a spoilt schema's text is damage (sqlite3.DatabaseError), not a traceback
    except BaseException:
        conn.close()
        raise
    conn.row_factory = sqlite3.Row
    return conn, protections


def harden(conn: sqlite3.Connection, path: Path) -> list[str]:
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")  # damaged pages are reported, not followed
    conn.execute("PRAGMA mmap_size = 0")
    protections = ["read-only", "immutable", "trusted_schema off"]
    if hasattr(conn, "setconfig"):  # Python 3.12+
        for op, wanted, name in SWITCHES:
            conn.setconfig(op, bool(wanted))
            if int(conn.getconfig(op)) == wanted:
                protections.append(name)
        return protections
    return protections + _ctypes_switches(conn, path)


def _ctypes_switches(conn: sqlite3.Connection, path: Path) -> list[str]:
    if sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 11):
        return []
    if sys.platform == "darwin" and platform.machine() in ("arm64", "aarch64"):
        return []  # variadic calls use another convention there, which ctypes does not make
    try:
        import ctypes
        import _sqlite3

        lib = ctypes.CDLL(_sqlite3.__file__)
        try:
            db_config, db_filename = lib.sqlite3_db_config, lib.sqlite3_db_filename
        except AttributeError:
            # Windows: the functions live in the sqlite3.dll beside _sqlite3 (already loaded by it, so this is
            # the same library). Never another copy found elsewhere: its handles would not be ours.
            beside = Path(_sqlite3.__file__).with_name("sqlite3.dll")
            if not beside.is_file():
                return []
            lib = ctypes.CDLL(str(beside))
            db_config, db_filename = lib.sqlite3_db_config, lib.sqlite3_db_filename
        db_filename.restype = ctypes.c_char_p
        db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        db_config.restype = ctypes.c_int
        # pysqlite_Connection (CPython 3.11): PyObject_HEAD, then sqlite3 *db.
        handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
        if not handle:
            return []
        name = db_filename(ctypes.c_void_p(handle), b"main")
        if not name or Path(name.decode("utf-8", "replace")).resolve() != path.resolve():
            return []  # not the handle we think it is: touch nothing
        done = []
        for op, wanted, label in SWITCHES:
            out = ctypes.c_int(-1)
            rc = db_config(ctypes.c_void_p(handle), ctypes.c_int(op), ctypes.c_int(wanted), ctypes.byref(out))
            if rc == 0 and out.value == wanted:
                done.append(label)
        return done
    except (OSError, AttributeError, ValueError):
        return []


def schema_code(conn: sqlite3.Connection) -> list[str]:
    """Everything in a file's schema that could run when it is read: triggers, views, generated columns."""
    found = [f"{kind} {name}" for kind, name in conn.execute(
        "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY type, name")]
    # Every table's columns in one statement (a statement a table cost more than the look itself).
    for table, column in conn.execute(
            "SELECT m.name, x.name FROM sqlite_master m JOIN pragma_table_xinfo(m.name) x "
            "WHERE m.type = 'table' AND x.hidden IN (2, 3) ORDER BY m.name, x.cid"):
        found.append(f"generated column {table}.{column}")
    return found
