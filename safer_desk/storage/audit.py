"""The audit trail: SQLite triggers on every user table, chained by hashes, that cannot be switched off unnoticed.

What is recorded
    An insert records the new row as JSON, a delete the old row, an update one entry per changed
    column (old and new value). Victim-level tables (``storage.schema.costs.PRIVATE_TABLES``) are
    recorded without their free text: only the primary key, the pseudonymous ``reference``, the ids
    that link rows (``*_id``) and the amounts (``*_pence``); a change to any other column is recorded
    as "changed" with no values, so a deleted referral does not live on here with its notes.

Who and which action
    ``who`` comes from ``safer_desk_user()``, which every Safer Desk connection registers (with the
    other functions below): a program that has not registered them cannot write user data at all.
    Each entry carries the user action it belongs to (``action_id``, ``action_label``), set with
    ``user_action("Save project Suffolk Strive")`` (``Store.action``); every outermost transaction
    without one gets an unnamed action of its own, so the history reads one action per line.

Batches
    A bulk import or a merge is recorded as ONE entry (``action = 'batch'``: what, the source file,
    its SHA-256 and the rows per table and kind). While a batch is open on a connection the row
    triggers' ``WHEN safer_desk_audit_row(...)`` counts the row and returns 0, so no row entry is
    written (``Store.batch``). One big statement of a batch may be counted once from its own row
    count instead (``Store.execute_counted``: the WHEN answered in C meanwhile), and is refused if it
    changed any row but its own.

The chain
    Every entry carries ``prev_hash`` (the hash of the entry before it; 64 zeros for the first) and
    ``hash = SHA-256(prev_hash ":" digest)``, where ``digest`` is the SHA-256 of the entry's fields
    [id, at, who, table_name, row_id, action, column_name, old_value, new_value, action_id,
    action_label] written unambiguously (``canonical_entry``: type-tagged, text length-prefixed).
    The triggers compute it in SQL through ``safer_desk_chain(...)``; ``audit_chain.verify_chain`` recomputes it.
    An entry edited, removed or inserted is found by ``verify_chain`` unless whoever changed it also
    recomputed every hash after it; that is caught only against a head recorded elsewhere: each
    export records the head in ``_export_anchors`` (checked by ``safer-desk check``) and signs it
    into the export, and the county keeps each office's last head and refuses an export whose chain
    does not pass through it (so an edit made before an export is found by the county). A log
    rewritten before the first export cannot be told from a true one.

Append only, as far as SQLite allows
    Two triggers on ``audit_log`` refuse UPDATE and DELETE. Any SQLite tool can drop them; every
    open for writing checks that each user table has its three triggers with exactly the SQL this
    module writes, and that no other trigger exists (a ``BEFORE INSERT ... RAISE(IGNORE)`` on the
    log would silence it). ``audit_chain.repair`` recreates them, re-seals a broken chain from the first broken
    entry and records the gap as an ``event`` entry, so the repair itself is part of the trail.
    A migration step that needs a trigger of its own must add its name to ``OTHER_TRIGGERS``.
"""

from __future__ import annotations

import contextlib
import json
import operator
import os
import sqlite3
from contextvars import ContextVar
from typing import Any, Iterable, Iterator, NamedTuple

AUDIT_TABLE = "audit_log"
UNAUDITED = {AUDIT_TABLE}
GENESIS = "0" * 64
ENTRY_ACTIONS = ("insert", "update", "delete", "batch", "event")
# Triggers made by migration steps for their own purposes (none yet): the trigger check leaves them alone.
OTHER_TRIGGERS: set[str] = set()
GUARD_TRIGGERS = {
    "audit_log_no_update": "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN "
                           "SELECT RAISE(ABORT, 'The audit trail cannot be changed: entries are only ever added.'); END",
    "audit_log_no_delete": "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN "
                           "SELECT RAISE(ABORT, 'The audit trail cannot be changed: entries are only ever added.'); END",
}
ENTRY_FIELDS = ("id", "at", "who", "table_name", "row_id", "action", "column_name", "old_value", "new_value",
                "action_id", "action_label")
REPAIR_LABEL = "Repair the audit trail"
# who the example file's trail says made its rows (services.demo): the example's, not anyone's at the office
EXAMPLE_AUTHOR = "example"


def current_user() -> str:
    """The operating-system user, as the audit trail records it."""
    import getpass  # here: loading it (with termios and pwd) is start-up time the first screen does not need

    try:
        return getpass.getuser()
    except Exception:  # getpass raises when no user name can be found (some service accounts)
        return os.environ.get("USERNAME") or os.environ.get("USER") or "unknown"


# -- the hash chain -----------------------------------------------------------------------------------
def canonical_entry(fields: tuple) -> bytes:
    """An entry's fields as unambiguous bytes: each value tagged with its type, text with its length.

    None "n"; integer "i<digits>"; text "s<length>:<text>"; real "r<repr>"; blob "b<hex>"; joined with
    "|", UTF-8. (Length-prefixed, so no value can be mistaken for a separator; cheap, because the
    triggers hash every entry as it is written.)
    """
    parts = []
    for v in fields:
        kind = type(v)
        if v is None:
            parts.append("n")
        elif kind is str:
            parts.append(f"s{len(v)}:{v}")
        elif kind is int:
            parts.append(f"i{v}")
        elif kind is float:
            parts.append(f"r{v!r}")
        elif kind is bytes:
            parts.append(f"b{v.hex()}")
        else:
            parts.append(f"s{len(str(v))}:{v}")
    return "|".join(parts).encode("utf-8", "surrogatepass")


def _sha256(data: bytes):
    """hashlib's SHA-256, hashlib loaded on the first hash (OpenSSL's, 5 ms, is not needed for the first screen)."""
    global _sha256
    from hashlib import sha256 as _sha256

    return _sha256(data)


def entry_digest(*fields: Any) -> str:
    """SHA-256 of an entry's fields (in ENTRY_FIELDS order), as ``canonical_entry`` writes them."""
    return _sha256(canonical_entry(fields)).hexdigest()


def link_hash(prev_hash: str, digest: str) -> str:
    """An entry's hash: SHA-256 of the previous entry's hash and this entry's digest."""
    return _sha256(f"{prev_hash}:{digest}".encode("ascii", "replace")).hexdigest()


def _chain(prev_hash: str, *fields: Any) -> str:
    return link_hash(prev_hash, entry_digest(*fields))


# -- per-connection state: batches; per-thread state: the user action -----------------------------------
_ACTION: ContextVar[tuple[str, str | None] | None] = ContextVar("safer_desk_action", default=None)


def _new_action_id() -> str:
    from safer_desk.domain.ids import new_id

    return new_id()


@contextlib.contextmanager
def user_action(label: str | None) -> Iterator[str]:
    """Every entry written inside belongs to one user action (label None: an unnamed one).

    Nested calls join the outer action, so a service called by an undo command keeps the command's label.
    """
    current = _ACTION.get()
    if current is not None and (current[1] is not None or label is None):
        yield current[0]
        return
    token = _ACTION.set((_new_action_id(), label))
    try:
        yield _ACTION.get()[0]
    finally:
        _ACTION.reset(token)


def current_action() -> tuple[str, str | None] | None:
    return _ACTION.get()


class Batch:
    """An open batch: the rows its writes touched, per table and kind, instead of one entry per row. (A plain class:
    this module loads at every start, and Python 3.11 compiles a dataclass's methods as it is made, 2 M instructions;
    no batch is open before the first screen.)"""

    def __init__(self, label: str, source: str | None = None, source_hash: str | None = None) -> None:
        self.label = label
        self.source = source
        self.source_hash = source_hash
        self.rows: dict[str, dict[str, int]] = {}
        self.details: dict[str, Any] = {}

    def count(self, table: str, action: str, n: int = 1) -> None:
        per_table = self.rows.setdefault(table, {})
        per_table[action] = per_table.get(action, 0) + n

    def add_rows(self, table: str, n: int, action: str = "insert") -> None:
        """Count rows written where no trigger sees them (internal tables)."""
        self.count(table, action, n)

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {"what": self.label, "rows": {t: dict(sorted(k.items())) for t, k in sorted(self.rows.items())}}
        if self.source is not None:
            out["source"] = self.source
        if self.source_hash is not None:
            out["source_hash"] = self.source_hash
        out.update(self.details)
        return out


class AuditState:
    """What the audit functions of one connection know: who writes and the batch, if one is open."""

    def __init__(self, user: str | None = None):
        self._user = user
        self.batch: Batch | None = None

    @property
    def user(self) -> str:
        """Who writes: the one given, else the operating-system user, looked up at the first write (getpass, with
        termios and pwd, is 2 M instructions of every start, and a file opened is not written before it is shown)."""
        if self._user is None:
            self._user = current_user()
        return self._user

    @user.setter
    def user(self, user: str) -> None:
        self._user = user

    def audit_row(self, table: str, action: str) -> int:
        batch = self.batch
        if batch is None:
            return 1
        batch.count(table, action)
        return 0


def _action_id() -> str | None:
    current = _ACTION.get()
    return None if current is None else current[0]


def _action_label() -> str | None:
    current = _ACTION.get()
    return None if current is None else current[1]


@contextlib.contextmanager
def rows_counted_by_caller(conn: sqlite3.Connection, state: AuditState) -> Iterator[bool]:
    """Inside an open batch, for one statement whose rows the caller counts itself (``Store.execute_counted``):
    the row triggers' ``WHEN safer_desk_audit_row(table, action)`` is answered by a function of C,
    ``operator.eq``, which is 0 for a table's name and an action word (never the same text), instead of
    ``AuditState.audit_row``, which counts each row in Python (about 1 µs a row: 50,000 figures of a big police
    import, ~55 ms). No row entry is written either way. Yields whether the caller counts: SQLite refuses to
    replace a function while another statement of the connection is active, and then the triggers count as
    ever. Put back as the block ends (the block's statement has finished by then, so SQLite allows it)."""
    if state.batch is None:
        raise RuntimeError("rows_counted_by_caller needs an open batch: outside one each row gets its entry")
    try:
        conn.create_function("safer_desk_audit_row", 2, operator.eq)
    except sqlite3.OperationalError:
        yield False
        return
    try:
        yield True
    finally:
        conn.create_function("safer_desk_audit_row", 2, state.audit_row, deterministic=False)


def register_functions(conn: sqlite3.Connection, user: str | None = None) -> AuditState:
    """Register the functions the audit triggers call; without them no audited table can be written."""
    state = AuditState(user or None)
    conn.create_function("safer_desk_user", 0, lambda: state.user, deterministic=False)
    conn.create_function("safer_desk_action_id", 0, _action_id, deterministic=False)
    conn.create_function("safer_desk_action_label", 0, _action_label, deterministic=False)
    conn.create_function("safer_desk_audit_row", 2, state.audit_row, deterministic=False)
    conn.create_function("safer_desk_chain", 1 + len(ENTRY_FIELDS), _chain, deterministic=True)
    return state


# -- the triggers -------------------------------------------------------------------------------------------
def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def audited_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
        "AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows if r[0] not in UNAUDITED]


def private_tables() -> tuple[str, ...]:
    """The victim-level tables (read when called: tests stand other tables in)."""
    from safer_desk.storage.schema import costs

    return tuple(costs.PRIVATE_TABLES)


def kept_in_private_entries(column: str, primary_key: Iterable[str] = ("id",)) -> bool:
    """A victim-level table's audit entries keep keys, the pseudonymous reference and amounts, nothing else."""
    return column in set(primary_key) or column == "reference" or column.endswith("_id") or column.endswith("_pence")


_CHAIN_TAIL = "(SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1) AS h"
_INSERT_HEAD = ("INSERT INTO audit_log(id, at, who, table_name, row_id, action, column_name, old_value, new_value, "
                "action_id, action_label, prev_hash, hash) "
                "SELECT coalesce(h.id, 0) + 1, e.at, e.who, e.tn, e.rid, e.act, e.col, e.old, e.new, e.aid, e.alabel, "
                f"coalesce(h.hash, '{GENESIS}'), safer_desk_chain(coalesce(h.hash, '{GENESIS}'), coalesce(h.id, 0) + 1, "
                "e.at, e.who, e.tn, e.rid, e.act, e.col, e.old, e.new, e.aid, e.alabel) ")
# Every table's triggers write through this view, whose one INSTEAD OF trigger stamps and chains the entry:
# the chaining SQL is written once in the schema, not once per column of every table (each connection
# parses the whole schema when it first reads the file, so its size is paid on every open).
ENTRY_VIEW = "audit_entry"
ENTRY_VIEW_SQL = ("CREATE VIEW audit_entry AS SELECT table_name, row_id, action, column_name, old_value, new_value "
                  "FROM audit_log WHERE 0")
ENTRY_TRIGGER = "audit_entry_insert"
ENTRY_TRIGGER_SQL = (
    "CREATE TRIGGER audit_entry_insert INSTEAD OF INSERT ON audit_entry BEGIN "
    f"{_INSERT_HEAD}FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, safer_desk_user() AS who, "
    "NEW.table_name AS tn, NEW.row_id AS rid, NEW.action AS act, NEW.column_name AS col, NEW.old_value AS old, "
    "NEW.new_value AS new, safer_desk_action_id() AS aid, safer_desk_action_label() AS alabel) AS e "
    f"LEFT JOIN {_CHAIN_TAIL}; END")


def _entry_sql(table: str, row_id: str, action: str, column: str, old: str, new: str, where: str = "") -> str:
    return (f"INSERT INTO audit_entry SELECT {_literal(table)}, {row_id}, '{action}', {column}, {old}, {new}"
            f"{' WHERE ' + where if where else ''};")


def trigger_sql_for(conn: sqlite3.Connection, table: str, private: Iterable[str] | None = None) -> dict[str, str]:
    """The three audit triggers of a table, by name, exactly as this module creates them."""
    info = conn.execute(f"PRAGMA table_info({_quote(table)})").fetchall()
    columns = [row[1] for row in info]
    pks = [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]]
    is_private = table in set(private_tables() if private is None else private)
    kept = [c for c in columns if not is_private or kept_in_private_entries(c, pks or ["rowid"])]

    def row_id(alias: str) -> str:
        if len(pks) == 1:
            return f"CAST({alias}.{_quote(pks[0])} AS TEXT)"
        keys = pks or ["rowid"]
        return "json_array(" + ", ".join(f"{alias}.{_quote(k)}" for k in keys) + ")"

    def as_json(alias: str) -> str:
        if not kept:
            return "NULL"
        return "json_object(" + ", ".join(f"{_literal(c)}, {alias}.{_quote(c)}" for c in kept) + ")"

    name = {a: f"audit_{table}_{a}" for a in ("insert", "update", "delete")}
    when = {a: f"WHEN safer_desk_audit_row({_literal(table)}, '{a}')" for a in name}
    updates = " ".join(
        _entry_sql(table, row_id("new"), "update", _literal(c),
                   f"old.{_quote(c)}" if c in kept else "NULL", f"new.{_quote(c)}" if c in kept else "NULL",
                   f"old.{_quote(c)} IS NOT new.{_quote(c)}")
        for c in columns
    )
    return {
        name["insert"]: f"CREATE TRIGGER {_quote(name['insert'])} AFTER INSERT ON {_quote(table)} {when['insert']} "
                        f"BEGIN {_entry_sql(table, row_id('new'), 'insert', 'NULL', 'NULL', as_json('new'))} END",
        name["update"]: f"CREATE TRIGGER {_quote(name['update'])} AFTER UPDATE ON {_quote(table)} {when['update']} "
                        f"BEGIN {updates} END",
        name["delete"]: f"CREATE TRIGGER {_quote(name['delete'])} AFTER DELETE ON {_quote(table)} {when['delete']} "
                        f"BEGIN {_entry_sql(table, row_id('old'), 'delete', 'NULL', as_json('old'), 'NULL')} END",
    }


def chain_ready(conn: sqlite3.Connection) -> bool:
    """Whether the file's audit_log has the chained layout (files before it get it from a migration step)."""
    return "hash" in {r[1] for r in conn.execute("PRAGMA table_info(audit_log)")}


def expected_triggers(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """Every audit trigger the file should have (and the entry view): name -> (table, SQL)."""
    expected: dict[str, tuple[str, str]] = {name: (AUDIT_TABLE, sql) for name, sql in GUARD_TRIGGERS.items()}
    expected[ENTRY_VIEW] = (ENTRY_VIEW, ENTRY_VIEW_SQL)
    expected[ENTRY_TRIGGER] = (ENTRY_VIEW, ENTRY_TRIGGER_SQL)
    private = private_tables()
    for table in audited_tables(conn):
        for name, sql in trigger_sql_for(conn, table, private).items():
            expected[name] = (table, sql)
    return expected


class TriggerProblem(NamedTuple):
    """An audit trigger missing, changed, or not made by Safer Desk. (A NamedTuple, not a dataclass: this module is
    loaded at every start, and making a frozen dataclass is 3 M instructions of it; a check finds none of these.)"""
    table: str
    trigger: str
    kind: str  # "missing", "changed" or "unexpected"

    @property
    def text(self) -> str:
        if self.kind == "unexpected":
            return f"{self.table}: trigger {self.trigger} was not made by Safer Desk"
        if self.table in (AUDIT_TABLE, ENTRY_VIEW):
            return f"the audit trail's own {self.trigger} is {self.kind}"
        what = self.trigger.rsplit("_", 1)[-1]
        return f"{self.table}: the audit trigger for {what}s is {self.kind}"


def check_triggers(conn: sqlite3.Connection) -> list[TriggerProblem]:
    """Each user table's three triggers with exactly the expected SQL, the log's two guards, nothing else."""
    actual = {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' OR name = ?", (ENTRY_VIEW,))}
    expected = expected_triggers(conn)
    problems = []
    for name, (table, sql) in sorted(expected.items()):
        if name not in actual:
            problems.append(TriggerProblem(table, name, "missing"))
        elif actual[name][1] != sql:
            problems.append(TriggerProblem(table, name, "changed"))
    for name, (table, _sql) in sorted(actual.items()):
        if name not in expected and name not in OTHER_TRIGGERS:
            problems.append(TriggerProblem(table, name, "unexpected"))
    return problems


def install_triggers(conn: sqlite3.Connection, *, tables: Iterable[str] | None = None,
                     drop_unexpected: bool = False) -> list[TriggerProblem]:
    """Create every audit trigger that is missing or differs (inside the caller's transaction); return what was fixed.

    Run after each migration step, in the step's own transaction, so no table ever exists without its triggers
    (``tables``: only those the step created or changed, and any other trigger on them is dropped).
    """
    if not chain_ready(conn):
        return []  # the step that chains the trail creates them all
    if tables is not None:
        return _install_for(conn, [t for t in tables if t in set(audited_tables(conn))])
    problems = check_triggers(conn)
    expected = expected_triggers(conn)
    # The view first (its trigger needs it), then everything else.
    for p in sorted(problems, key=lambda p: p.trigger != ENTRY_VIEW):
        if p.kind == "unexpected" and not drop_unexpected:
            continue
        kind = "VIEW" if p.trigger == ENTRY_VIEW else "TRIGGER"
        conn.execute(f"DROP {kind} IF EXISTS {_quote(p.trigger)}")
        if p.kind != "unexpected":
            conn.execute(expected[p.trigger][1])
    return [p for p in problems if drop_unexpected or p.kind != "unexpected"]


def _install_for(conn: sqlite3.Connection, tables: list[str]) -> list[TriggerProblem]:
    fixed = []
    private = private_tables()
    for table in tables:
        wanted = trigger_sql_for(conn, table, private)
        actual = {r[0]: r[1] for r in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,))}
        for name, sql in actual.items():
            if name not in wanted and name not in OTHER_TRIGGERS:  # a renamed table's old triggers
                conn.execute(f"DROP TRIGGER {_quote(name)}")
        for name, sql in wanted.items():
            if actual.get(name) != sql:
                conn.execute(f"DROP TRIGGER IF EXISTS {_quote(name)}")
                conn.execute(sql)
                fixed.append(TriggerProblem(table, name, "missing" if name not in actual else "changed"))
    return fixed


def table_definitions(conn: sqlite3.Connection) -> dict[str, str]:
    """name -> CREATE TABLE text of every table (to see which ones a migration step made or changed)."""
    return {r[0]: r[1] for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")}


def refresh_audit_triggers(conn: sqlite3.Connection) -> None:
    """(Re)create the audit triggers of every user table (tables made outside a migration, as tests do)."""
    install_triggers(conn)


def drop_all_triggers(conn: sqlite3.Connection) -> None:
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER IF EXISTS {_quote(name)}")
    conn.execute(f"DROP VIEW IF EXISTS {ENTRY_VIEW}")


# -- appending entries from Python (batches, events, repairs) -------------------------------------------------
_APPEND_SQL = (f"{_INSERT_HEAD}FROM (SELECT ? AS at, ? AS who, ? AS tn, ? AS rid, ? AS act, ? AS col, ? AS old, "
               f"? AS new, safer_desk_action_id() AS aid, safer_desk_action_label() AS alabel) AS e LEFT JOIN {_CHAIN_TAIL}")


def utc_stamp() -> str:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def append_entry(conn: sqlite3.Connection, *, table: str, action: str, row_id: str | None = None,
                 column: str | None = None, old: Any = None, new: Any = None) -> int:
    """Append one entry to the chain (inside the caller's transaction); returns its id."""
    if action not in ENTRY_ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    who = conn.execute("SELECT safer_desk_user()").fetchone()[0]
    conn.execute(_APPEND_SQL, (utc_stamp(), who, table, row_id, action, column, old, new))
    return int(conn.execute("SELECT max(id) FROM audit_log").fetchone()[0])


def record_event(conn: sqlite3.Connection, table: str, row_id: str | None, what: str, details: dict[str, Any]) -> int:
    """A deliberate act the row triggers cannot see (a key accepted or withdrawn, a repair), in plain words."""
    return append_entry(conn, table=table, action="event", row_id=row_id, column=what,
                        new=json.dumps(details, sort_keys=True, ensure_ascii=False))


def record_batch(conn: sqlite3.Connection, batch: Batch) -> int:
    return append_entry(conn, table="batch", action="batch", row_id=batch.source_hash, column=batch.label,
                        new=json.dumps(batch.summary(), sort_keys=True, ensure_ascii=False))


# -- the step that chains an existing trail ---------------------------------------------------------------------
def _scrub_private(table_name: str, action: str, column: str | None, old: Any, new: Any,
                   private: set[str]) -> tuple[Any, Any]:
    if table_name not in private:
        return old, new
    if action == "update":
        return (old, new) if column and kept_in_private_entries(column) else (None, None)

    def keep(value: Any) -> Any:
        try:
            data = json.loads(value) if isinstance(value, str) else None
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        return json.dumps({k: v for k, v in data.items() if kept_in_private_entries(k)}, separators=(",", ":"),
                          ensure_ascii=False)

    return (keep(old) if old is not None else None), (keep(new) if new is not None else None)


def chain_existing_trail(conn: sqlite3.Connection) -> None:
    """Rebuild audit_log with actions and the hash chain (a migration step; inside its transaction).

    Entries of victim-level tables lose their free text on the way (issue 12: a deleted referral must not
    live on in the trail). Every trigger is dropped first and made again afterwards in the new form.
    """
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    gaps = [TriggerProblem(t, f"audit_{t}_{a}", "missing") for t in audited_tables(conn)
            for a in ("insert", "update", "delete") if f"audit_{t}_{a}" not in present]
    drop_all_triggers(conn)
    conn.execute(
        f"""CREATE TABLE audit_log_chained (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            table_name TEXT NOT NULL,
            row_id TEXT,
            action TEXT NOT NULL CHECK (action IN ({', '.join(_literal(a) for a in ENTRY_ACTIONS)})),
            column_name TEXT,
            old_value ANY,
            new_value ANY,
            action_id TEXT,
            action_label TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        ) STRICT"""
    )
    private = set(private_tables())
    prev = GENESIS
    batch: list[tuple] = []
    old_rows = conn.execute("SELECT id, at, who, table_name, row_id, action, column_name, old_value, new_value "
                            "FROM audit_log ORDER BY id")
    for entry_id, at, who, table_name, row_id, action, column, old, new in old_rows:
        old, new = _scrub_private(table_name, action, column, old, new, private)
        fields = (entry_id, at, who, table_name, row_id, action, column, old, new, None, None)
        digest_hash = _chain(prev, *fields)
        batch.append((*fields, prev, digest_hash))
        prev = digest_hash
        if len(batch) >= 5000:
            _flush_chained(conn, batch)
    _flush_chained(conn, batch)
    conn.execute("DROP TABLE audit_log")
    conn.execute("ALTER TABLE audit_log_chained RENAME TO audit_log")
    conn.execute("CREATE INDEX audit_log_table_at ON audit_log(table_name, at)")
    conn.execute("CREATE INDEX audit_log_at ON audit_log(at)")
    for sql in GUARD_TRIGGERS.values():
        conn.execute(sql)
    conn.execute(ENTRY_VIEW_SQL)
    conn.execute(ENTRY_TRIGGER_SQL)
    install_triggers(conn)
    making_the_file = conn.execute("SELECT safer_desk_audit_row('', '')").fetchone()[0] == 0
    if gaps and not making_the_file and old_rows_seen(conn):
        # The file had been written without some of its triggers (a crash before they were made, or a tool
        # that dropped them): say so in the trail itself.
        with user_action(REPAIR_LABEL):
            record_event(conn, AUDIT_TABLE, None, "repair", {
                "triggers": [p.text for p in gaps], "chain": [],
                "note": "Found when the file was upgraded: changes made while these triggers were missing were "
                        "not recorded.",
            })


def old_rows_seen(conn: sqlite3.Connection) -> bool:
    """Whether the file holds any user row (a file made a moment ago has nothing that could have been missed)."""
    for table in audited_tables(conn):
        if conn.execute(f"SELECT 1 FROM {_quote(table)} LIMIT 1").fetchone():
            return True
    return False


def _flush_chained(conn: sqlite3.Connection, batch: list[tuple]) -> None:
    conn.executemany("INSERT INTO audit_log_chained(id, at, who, table_name, row_id, action, column_name, old_value, "
                     "new_value, action_id, action_label, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     batch)
    batch.clear()


def discard_trail_of_copy(conn: sqlite3.Connection) -> None:
    """Empty the trail of a COPY that becomes another file (an export, a test's second office).

    Never for an office's own file: that is exactly what the guards and the chain are there to catch.
    """
    for name in GUARD_TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {_quote(name)}")
    conn.execute("DELETE FROM audit_log")
    if chain_ready(conn):
        for sql in GUARD_TRIGGERS.values():
            conn.execute(sql)
