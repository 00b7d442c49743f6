"""What the county export and merge know about a file's tables, found by looking at the schema itself.

Nothing here names a tab's table: every table a migration creates is exported and merged as it
lands, in foreign-key order, matched by its primary key and its UNIQUE constraints.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import operator
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

# A row's hash is the storage layer's (a migration step hashes a county's merged rows again with it).
from safer_desk.storage.row_hashes import ENCODE, canonical, row_hash  # noqa: F401 (row_hash: used from here)

# The file's identity and its audit trail stay with the office; everything starting with "_" is internal.
NOT_DATA = {"meta", "audit_log"}
CHECKSUM_METHOD = "sha256-rows-v1"

# Public data (issue 13): internal tables an export carries because they are shared, not owned. police.uk
# counts are keyed by force and month (one fact: its vintage row plus its count rows), identical from every
# office that imported the same file. An export signs a digest per force-month (PUBLIC_DIGESTS_TABLE) rather
# than folding the counts into its internal checksum, so the county reads and checks only the force-months it
# takes: a second office's copy of the same download costs nothing.
POLICE_COUNTS = "_police_counts"
POLICE_VINTAGES = "_police_vintages"
PUBLIC_TABLES = (POLICE_VINTAGES, POLICE_COUNTS)
PUBLIC_DIGESTS_TABLE = "_export_public_digests"
PUBLIC_DIGEST_METHOD = "sha256-police-force-month-v1"
POLICE_SOURCE = "police.uk"  # indicator_values.source of a figure made from the counts (services.police_import)

# The same shapes as services.progress (the exchange layer sits below services and cannot import it):
# services turn ExchangeCancelled into services.progress.Cancelled.
ProgressFn = Callable[..., None]
CancelCheck = Callable[[], bool]


class ExchangeCancelled(Exception):
    """The user cancelled; whatever was under way has been rolled back or removed."""


def no_progress(done: int, total: int, message: str = "") -> None:
    """Ignore progress reports."""


def never_cancelled() -> bool:
    return False


def check_cancelled(cancelled: CancelCheck) -> None:
    if cancelled():
        raise ExchangeCancelled("Cancelled; nothing was changed.")


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    table: str
    to_columns: tuple[str, ...]  # empty when the parent's primary key is meant


@dataclass(frozen=True)
class TableInfo:
    name: str
    columns: tuple[str, ...]
    primary_key: tuple[str, ...]  # ("rowid",) for a table without one
    uniques: tuple[tuple[str, ...], ...]  # UNIQUE constraints (not the primary key)
    foreign_keys: tuple[ForeignKey, ...] = field(default=())

    def key_of(self, row: dict[str, Any]) -> str:
        """The row's identity as text (one column as is; several as a JSON list)."""
        if len(self.primary_key) == 1:
            return str(row[self.primary_key[0]])
        return json.dumps([row[c] for c in self.primary_key], separators=(",", ":"))

    @property
    def order_by(self) -> str:
        return ", ".join(quote(c) for c in self.primary_key)

    @property
    def money_columns(self) -> tuple[int, ...]:
        return tuple(i for i, c in enumerate(self.columns) if c.endswith("_pence"))


def is_data_table(name: str) -> bool:
    return not (name.startswith("_") or name.startswith("sqlite_") or name in NOT_DATA)


def data_tables(conn: sqlite3.Connection, schema: str = "main") -> list[str]:
    """Every table holding the office's data (not internal, not meta, not the audit trail), by name (schema: of
    an attached file)."""
    names = [r[0] for r in conn.execute(f"SELECT name FROM {quote(schema)}.sqlite_master WHERE type = 'table' "
                                        "ORDER BY name")]
    return [n for n in names if is_data_table(n)]


def has_table(conn: sqlite3.Connection, name: str, kind: str = "table", schema: str = "main") -> bool:
    return conn.execute(f"SELECT 1 FROM {quote(schema)}.sqlite_master WHERE type = ? AND name = ?",
                        (kind, name)).fetchone() is not None


def table_info(conn: sqlite3.Connection, table: str) -> TableInfo:
    info = conn.execute(f"PRAGMA table_info({quote(table)})").fetchall()
    columns = tuple(r[1] for r in info)
    pk = tuple(r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5])) or ("rowid",)
    uniques = []
    for idx in conn.execute(f"PRAGMA index_list({quote(table)})").fetchall():
        # (seq, name, unique, origin, partial): origin 'u' is a UNIQUE constraint, 'c' a CREATE UNIQUE INDEX.
        if idx[2] and idx[3] in ("u", "c") and not idx[4]:
            cols = tuple(r[2] for r in conn.execute(f"PRAGMA index_info({quote(idx[1])})").fetchall())
            if cols and None not in cols and cols != pk:
                uniques.append(cols)
    fks: dict[int, list] = {}
    for r in conn.execute(f"PRAGMA foreign_key_list({quote(table)})").fetchall():
        fks.setdefault(r[0], []).append(r)
    foreign_keys = tuple(
        ForeignKey(tuple(r[3] for r in rows), rows[0][2], tuple(r[4] for r in rows if r[4] is not None))
        for _, rows in sorted(fks.items())
    )
    return TableInfo(table, columns, pk, tuple(uniques), foreign_keys)


# Links with no foreign key (table -> column -> the tables whose id it may hold): a cost line's earlier version names
# its line in dhr_cost_lines, or in dhr_deleted_cost_lines once deleted, so it cannot have one. A merge points them at
# the county's row as it does a foreign key, when the office's row was matched to the county's under another id (a
# review and its lines each office recorded), and merges the table after the ones linked to.
UNDECLARED_LINKS: dict[str, dict[str, tuple[str, ...]]] = {
    "dhr_cost_line_versions": {"line_id": ("dhr_cost_lines", "dhr_deleted_cost_lines")}}


def dependency_order(conn: sqlite3.Connection, tables: Iterable[str],
                     infos: dict[str, TableInfo] | None = None) -> list[str]:
    """Tables with every parent before its children (ties by name), a table an UNDECLARED_LINKS link names counted
    as a parent; self-references are ignored (infos: their table_info, when the caller has read it already)."""
    tables = sorted(set(tables))
    infos = infos or {}
    parents = {t: {fk.table for fk in (infos.get(t) or table_info(conn, t)).foreign_keys
                   if fk.table != t and fk.table in tables}
               | {p for linked in UNDECLARED_LINKS.get(t, {}).values() for p in linked if p != t and p in tables}
               for t in tables}
    ordered: list[str] = []
    placed: set[str] = set()
    while len(ordered) < len(tables):
        ready = [t for t in tables if t not in placed and parents[t] <= placed]
        if not ready:  # a cycle between tables: keep the rest by name (foreign keys are checked at commit)
            ready = [t for t in tables if t not in placed][:1]
        for t in ready:
            ordered.append(t)
            placed.add(t)
    return ordered


def row_hasher(columns: Iterable[str], plain: Iterable[str] = ()) -> Callable[[Any], str]:
    """row_hash for many rows of one table: values in the order of columns, the same hash, less work per row
    (plain: columns whose values are always integers, text or NULL, as ``plain_columns`` finds them)."""
    from json.encoder import encode_basestring

    columns = list(columns)
    plain = set(plain)
    order = sorted(range(len(columns)), key=lambda i: columns[i])
    # The JSON text row_hash builds, [["a",1],["b","x"]], with a slot for each value.
    template = "[" + ",".join("[" + ENCODE(columns[i]).replace("%", "%%") + ",%s]" for i in order) + "]"
    sha256 = hashlib.sha256

    def plain_value(v: Any) -> str:
        if v is None:
            return "null"
        if type(v) is str:
            return encode_basestring(v)
        if type(v) is int:
            return int.__repr__(v)
        return ENCODE(canonical(v))

    def any_value(v: Any) -> str:
        return ENCODE(canonical(v))

    encoders = [(i, plain_value if columns[i] in plain else any_value) for i in order]

    def hash_row(values: Any) -> str:
        text = template % tuple([encode(values[i]) for i, encode in encoders])
        return sha256(text.encode("utf-8")).hexdigest()

    return hash_row


def iter_rows(conn: sqlite3.Connection, info: TableInfo, where: str = "", schema: str = "main"
              ) -> Iterator[dict[str, Any]]:
    """The table's rows as dicts in primary-key order (a table without a primary key adds "rowid"); where, an
    SQL condition without parameters, leaves rows out (schema: of an attached file)."""
    names = info.columns + (("rowid",) if info.primary_key == ("rowid",) else ())
    cols = ", ".join(quote(c) for c in names)
    cursor = conn.execute(f"SELECT {cols} FROM {quote(schema)}.{quote(info.name)}{' WHERE ' + where if where else ''} "
                          f"ORDER BY {info.order_by}")
    for values in cursor:
        yield dict(zip(names, tuple(values)))


def plain_columns(conn: sqlite3.Connection, table: str) -> set[str]:
    """Columns whose values are always integers, text or NULL (INTEGER/INT and TEXT columns of a STRICT table):
    their canonical form is the value itself."""
    try:
        strict = conn.execute("SELECT strict FROM pragma_table_list WHERE name = ? AND schema = 'main'",
                              (table,)).fetchone()
    except sqlite3.Error:  # an SQLite older than 3.37 cannot say: every value is looked at
        return set()
    if not strict or not strict[0]:
        return set()
    return {r[1] for r in conn.execute(f"PRAGMA table_info({quote(table)})") if str(r[2]).upper() in
            ("INTEGER", "INT", "TEXT")}


def _checksum_infos(conn: sqlite3.Connection, tables: Iterable[str]) -> Iterator[tuple[TableInfo, set[str]]]:
    """(columns and key, plain columns) of each table, in name order, for the checksum: one PRAGMA a table and
    one look at which tables are STRICT (what table_info and plain_columns read takes four or more statements a
    table, and an export has some fifty tables, most of them empty)."""
    try:
        strict = {r[0] for r in conn.execute("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict")}
    except sqlite3.Error:  # an SQLite older than 3.37 cannot say: every value is looked at
        strict = set()
    for table in sorted(tables):
        rows = conn.execute(f"PRAGMA table_info({quote(table)})").fetchall()
        columns = tuple(r[1] for r in rows)
        pk = tuple(r[1] for r in sorted((r for r in rows if r[5]), key=lambda r: r[5])) or ("rowid",)
        plain = {r[1] for r in rows if str(r[2]).upper() in ("INTEGER", "INT", "TEXT")} if table in strict else set()
        yield TableInfo(table, columns, pk, ()), plain


def _canonical_lines(conn: sqlite3.Connection, info: TableInfo, chunk: int = 2000,
                     plain: set[str] | None = None) -> Iterator[bytes]:
    """The table's rows as canonical lines (method sha256-rows-v1), a chunk of lines at a time, in key order.

    SQLite writes each line itself (``canonical_row_sql``): the same bytes as Python's JSON, without building
    a Python value per column."""
    names = sorted(info.columns)
    expression = canonical_row_sql(names, plain_columns(conn, info.name) if plain is None else plain)
    register_canonical_functions(conn)
    cursor = conn.execute(f"SELECT {expression} FROM {quote(info.name)} ORDER BY {info.order_by}")
    cursor.row_factory = None
    while True:
        rows = cursor.fetchmany(chunk)
        if not rows:
            return
        yield ("\n".join([r[0] for r in rows]) + "\n").encode("utf-8")


# -- canonical forms written by SQLite ----------------------------------------------------------------------
# json_quote() escapes text exactly as Python's json with ensure_ascii=False does (\" \\ \b \f \n \r \t, other
# controls as \u00xx) and writes integers and NULL as JSON does; a real is written as Python's repr (the one
# thing SQLite cannot do: its own shortest form differs), a blob as lower-case hex. Tested against the Python
# form (tests/exchange/test_checksum_method.py).
REAL_REPR_FUNCTION = "safer_desk_real_repr"
ROW_DIGEST_FUNCTION = "safer_desk_row_digest"


def _real_repr(value: Any) -> Any:
    return repr(value) if type(value) is float else None


def _row_digest(text: Any) -> bytes | None:
    """The first 16 bytes of the SHA-256 of a canonical text (what an origin keeps of a row's hash)."""
    if text is None:
        return None
    return hashlib.sha256(str(text).encode("utf-8")).digest()[:16]


def register_canonical_functions(conn: sqlite3.Connection) -> None:
    """The two functions the canonical SQL calls (harmless: they read their argument only)."""
    conn.create_function(REAL_REPR_FUNCTION, 1, _real_repr, deterministic=True)
    conn.create_function(ROW_DIGEST_FUNCTION, 1, _row_digest, deterministic=True)


def sql_text(text: str) -> str:
    """Text as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def canonical_value_sql(column: str, plain: bool, alias: str = "") -> str:
    """SQL for a column's value as canonical JSON text (``canonical`` then JSON)."""
    c = f"{alias}.{quote(column)}" if alias else quote(column)
    if plain:
        return f"json_quote({c})"
    return (f"CASE typeof({c}) WHEN 'real' THEN '{{\"real\":' || json_quote({_real_repr_sql(c)}) || '}}' "
            f"WHEN 'blob' THEN '{{\"blob\":\"' || lower(hex({c})) || '\"}}' ELSE json_quote({c}) END")


def _real_repr_sql(c: str) -> str:
    """Python's repr of a real, written by SQLite where that is sure (a whole number under 10^15, not zero:
    repr writes "1234.0"; -0.0, fractions and larger numbers go to Python): most figures and amounts held as
    reals are whole, and a call into Python for each one was most of what hashing them cost."""
    return (f"CASE WHEN {c} = CAST({c} AS INTEGER) AND {c} <> 0 AND abs({c}) < 1e15 "
            f"THEN CAST(CAST({c} AS INTEGER) AS TEXT) || '.0' ELSE {REAL_REPR_FUNCTION}({c}) END")


def _json_value_sql(column: str, plain: bool, alias: str) -> str:
    """A column's canonical value as an argument of json_array (a plain column as itself; json() keeps the
    others' text JSON, not a string)."""
    if plain:
        return f"{alias}.{quote(column)}" if alias else quote(column)
    return f"json({canonical_value_sql(column, False, alias)})"


def _text_value_sql(column: str, plain: bool, alias: str) -> str:
    """A column's canonical value as JSON text, for printf (a plain column's value quoted as JSON)."""
    if plain:
        return f"json_quote({alias + '.' if alias else ''}{quote(column)})"
    return canonical_value_sql(column, False, alias)


# json_array() is the quicker way to write a checksum line (one call a row rather than a join per value) while
# a row's values fit in a function's arguments (SQLite allows 127 at least); wider rows are joined with ||. An
# origin's text, a pair for each column, is written by printf() (one call a row where json_array() took one
# more for each column, and a parse with json() for each value that is not plain).
_FUNCTION_ARGUMENTS = 100


def canonical_row_sql(names: list[str], plain: Iterable[str] = (), alias: str = "") -> str:
    """SQL for a row's checksum line: the JSON list of its values in the order of names (sorted column names)."""
    plain = set(plain)
    if len(names) <= _FUNCTION_ARGUMENTS:
        return "json_array(" + ", ".join(_json_value_sql(c, c in plain, alias) for c in names) + ")"
    parts = [canonical_value_sql(c, c in plain, alias) for c in names]
    return "'[' || " + " || ',' || ".join(parts) + " || ']'"


def row_hash_text_sql(columns: Iterable[str], plain: Iterable[str] = (), alias: str = "") -> str:
    """SQL for the text ``row_hash`` hashes: [["column",value],...] by column name."""
    plain = set(plain)
    names = sorted(columns)
    if len(names) <= _FUNCTION_ARGUMENTS:
        template = "[" + ",".join("[" + ENCODE(c).replace("%", "%%") + ",%s]" for c in names) + "]"
        return f"printf({sql_text(template)}, {', '.join(_text_value_sql(c, c in plain, alias) for c in names)})"
    parts = [sql_text("[" + ENCODE(c) + ",") + " || " + canonical_value_sql(c, c in plain, alias) + " || ']'"
             for c in names]
    return "'[' || " + " || ',' || ".join(parts) + " || ']'"


def row_digest_sql(columns: Iterable[str], plain: Iterable[str] = (), alias: str = "") -> str:
    """SQL for the first 16 bytes of ``row_hash`` (an origin's row_hash), worked out by SQLite and hashlib
    (``register_canonical_functions`` first)."""
    return f"{ROW_DIGEST_FUNCTION}({row_hash_text_sql(columns, plain, alias)})"


def content_checksums(conn: sqlite3.Connection, tables: Iterable[str],
                      counts: dict[str, int] | None = None) -> tuple[str, dict[str, str]]:
    """The content checksum of these tables (as ``content_checksum``) and each table's own, in one pass.

    A table's own checksum is the same method over that table alone, so a county can say which table's
    values were changed. counts: how many rows each table holds, when the caller has counted them (an empty
    table's rows are not read: it has none).
    """
    total = hashlib.sha256()
    per_table: dict[str, str] = {}
    for info, plain in _checksum_infos(conn, tables):
        table = info.name
        one = hashlib.sha256()
        names = sorted(info.columns)
        head = json.dumps({"table": table, "columns": names}, separators=(",", ":")).encode("utf-8") + b"\n"
        total.update(head)
        one.update(head)
        if counts is None or counts.get(table) != 0:
            for data in _canonical_lines(conn, info, plain=plain):
                total.update(data)
                one.update(data)
        per_table[table] = one.hexdigest()
    return total.hexdigest(), per_table


def schema_hash(conn: sqlite3.Connection, leave_out: Iterable[str] = (), schema: str = "main") -> str:
    """SHA-256 of the file's schema (type, name, table and SQL of every entry of sqlite_master, by name)."""
    skip = set(leave_out)
    rows = [list(r) for r in conn.execute(
        f"SELECT type, name, tbl_name, sql FROM {quote(schema)}.sqlite_master ORDER BY type, name") if r[2] not in skip]
    return hashlib.sha256(json.dumps(rows, separators=(",", ":"), ensure_ascii=False).encode("utf-8")).hexdigest()


def content_checksum(conn: sqlite3.Connection, tables: Iterable[str] | None = None) -> str:
    """The content checksum of an export (method sha256-rows-v1).

    SHA-256 over, for each table in name order, a line with the table name and its column names in
    name order, then one line per row in primary-key order: the row's values as canonical JSON
    (integers and text as themselves, reals as repr, blobs as hex, NULL as null). Two files with the
    same rows give the same checksum whatever their page layout, row order on disk or column order.
    """
    digest = hashlib.sha256()
    for info, plain in _checksum_infos(conn, data_tables(conn) if tables is None else tables):
        names = sorted(info.columns)
        digest.update(json.dumps({"table": info.name, "columns": names}, separators=(",", ":")).encode("utf-8")
                      + b"\n")
        for data in _canonical_lines(conn, info, plain=plain):
            digest.update(data)
    return digest.hexdigest()


def row_counts(conn: sqlite3.Connection, tables: Iterable[str] | None = None) -> dict[str, int]:
    return {t: int(conn.execute(f"SELECT count(*) FROM {quote(t)}").fetchone()[0])
            for t in sorted(data_tables(conn) if tables is None else tables)}


# -- public data: a digest per police.uk force-month ------------------------------------------------------
PUBLIC_LINE_SQL = "json_array(source_district, crime_type, area_id, count)"  # a count row's canonical line


def public_digest(lines: list[str]) -> tuple[int, str]:
    """(rows, SHA-256) of one force-month's count rows (method PUBLIC_DIGEST_METHOD): each row's canonical line
    (``PUBLIC_LINE_SQL``: SQLite's JSON array of its values after its force and month, so the digest does not
    depend on Python's or SQLite's versions) and a newline, in key order, hashed at once."""
    return len(lines), hashlib.sha256("".join(line + "\n" for line in lines).encode("utf-8")).hexdigest()


EMPTY_PUBLIC_DIGEST = public_digest([])  # a force-month with a vintage and no rows


def public_digests(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple[int, str]]:
    """(force, month) -> (rows, digest) for every force-month with a vintage (none: empty counts)."""
    if not has_table(conn, POLICE_VINTAGES) or not has_table(conn, POLICE_COUNTS):
        return {}
    found = {(r[0], r[1]): EMPTY_PUBLIC_DIGEST for r in conn.execute("SELECT force, month FROM _police_vintages")}
    # One ordered read of the counts, each force-month hashed at once (the whole of an office's ten years is read
    # when an export is checked).
    cursor = conn.execute(f"SELECT force, month, {PUBLIC_LINE_SQL} FROM _police_counts "
                          "ORDER BY force, month, source_district, crime_type")
    for key, group in itertools.groupby(cursor, key=operator.itemgetter(0, 1)):
        found[key] = public_digest([r[2] for r in group])
    return found
