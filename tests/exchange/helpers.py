"""Stand-in tables and district files for the exchange tests.

The tabs' tables land on main one by one; these stand-ins (names starting with ``x_``, so they never
collide with a real table) give the export and merge a register, a child ledger, an indicator table
with a natural UNIQUE key, and victim-level tables with an aggregate view, whatever has landed.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sqlite3
import contextlib
from pathlib import Path

from safer_desk.domain.ids import new_id
from safer_desk.storage import audit
from safer_desk.storage.store import open_store

PRIVATE = ("x_referrals", "x_referral_spend")
# Tables of places rows are about (same ids in both); a second district office gets twins of them.
AREA_TABLES = ("districts", "indicator_areas")
SUMMARY_TABLE = "x_fund_summary"
SUMMARY_VIEW = "x_fund_summary_live"
PSEUDONYMS = ("TH-PSEUDO-0001", "TH-PSEUDO-0002", "TH-PSEUDO-0003")

STANDIN_SQL = [
    """CREATE TABLE IF NOT EXISTS x_projects (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, status TEXT NOT NULL, cost_pence INTEGER
    ) STRICT""",
    """CREATE TABLE IF NOT EXISTS x_project_lines (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES x_projects(id) ON DELETE CASCADE,
        year TEXT NOT NULL, amount_pence INTEGER NOT NULL
    ) STRICT""",
    """CREATE TABLE IF NOT EXISTS x_indicator_values (
        id TEXT PRIMARY KEY, indicator TEXT NOT NULL,
        district_id TEXT NOT NULL REFERENCES districts(id), month TEXT NOT NULL, value INTEGER NOT NULL,
        UNIQUE (indicator, district_id, month)
    ) STRICT""",
    """CREATE TABLE IF NOT EXISTS x_referrals (
        id TEXT PRIMARY KEY, reference TEXT NOT NULL UNIQUE,
        district_id TEXT NOT NULL REFERENCES districts(id), month TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE IF NOT EXISTS x_referral_spend (
        id TEXT PRIMARY KEY, referral_id TEXT NOT NULL REFERENCES x_referrals(id) ON DELETE CASCADE,
        item TEXT NOT NULL, cost_pence INTEGER NOT NULL
    ) STRICT""",
    """CREATE TABLE IF NOT EXISTS x_fund_summary (
        id TEXT PRIMARY KEY, district_id TEXT NOT NULL REFERENCES districts(id), month TEXT NOT NULL,
        victims INTEGER NOT NULL, spend_pence INTEGER NOT NULL
    ) STRICT""",
    """CREATE VIEW IF NOT EXISTS x_fund_summary_live AS
        SELECT r.district_id AS district_id, r.month AS month, count(DISTINCT r.id) AS victims,
               coalesce(sum(s.cost_pence), 0) AS spend_pence
        FROM x_referrals r LEFT JOIN x_referral_spend s ON s.referral_id = r.id
        GROUP BY r.district_id, r.month""",
]


def add_standin_tables(store) -> None:
    """Create the stand-in tables (if missing) and give them audit triggers like any table."""
    with store.transaction():
        for sql in STANDIN_SQL:
            store.conn.execute(sql)
        audit.refresh_audit_triggers(store.conn)


def fill_district(store, *, district: str = "district:babergh", prefix: str = "A") -> dict[str, str]:
    """A few projects with lines, indicator values for one district, and three referrals with spend."""
    ids: dict[str, str] = {}
    with store.transaction():
        c = store.conn
        for i, (title, cost) in enumerate([("ELEV8", 10_150_000), ("Recre8", 2_600_000), ("Hate crime", None)]):
            pid = new_id()
            ids[f"project{i}"] = pid
            c.execute("INSERT INTO x_projects VALUES (?, ?, ?, ?)", (pid, f"{prefix} {title}", "proposed", cost))
            for year, amount in (("2009/10", 4_650_000), ("2010/11", 5_500_000)):
                c.execute("INSERT INTO x_project_lines VALUES (?, ?, ?, ?)", (new_id(), pid, year, amount))
        for month, value in (("2016-04", 120), ("2016-05", 131), ("2016-06", 99)):
            vid = new_id()
            ids[f"value {month}"] = vid
            c.execute("INSERT INTO x_indicator_values VALUES (?, 'All crime', ?, ?, ?)", (vid, district, month, value))
        for n, pseudonym in enumerate(PSEUDONYMS):
            rid = new_id()
            c.execute("INSERT INTO x_referrals VALUES (?, ?, ?, ?)",
                      (rid, f"{prefix}-{pseudonym}", district, "2018-04" if n < 2 else "2018-05"))
            for item, cost in (("Door chain", 1_500), ("Fireproof letterbox", 8_999)):
                c.execute("INSERT INTO x_referral_spend VALUES (?, ?, ?, ?)", (new_id(), rid, item, cost))
    return ids


def use_standin_privacy(monkeypatch) -> None:
    import safer_desk.services.funds  # noqa: F401  bound to the real fund tables first: its sheet reads them
    from safer_desk.storage.schema import costs

    monkeypatch.setattr(costs, "PRIVATE_TABLES", PRIVATE)
    monkeypatch.setattr(costs, "FUND_SUMMARY_TABLE", SUMMARY_TABLE)
    monkeypatch.setattr(costs, "FUND_SUMMARY_VIEW", SUMMARY_VIEW)


def new_office(path: Path, name: str, *, standins: bool = True):
    store = open_store(path, create=True, office_name=name)
    if standins:
        add_standin_tables(store)
    return store


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def rows_every_new_file_has() -> set[tuple[str, str]]:
    """(table, id) of the rows a blank file starts with (settings and catalogues seeded by migrations)."""
    import tempfile

    from safer_desk.exchange.county_schema import data_tables, quote, table_info

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "blank.sqlite", create=True)
        try:
            keys = set()
            for t in data_tables(store.conn):
                if table_info(store.conn, t).primary_key == ("id",):
                    keys |= {(t, r[0]) for r in store.rows(f"SELECT id FROM {quote(t)}")}
            return keys
        finally:
            store.close()


def reidentify(path: Path, office_name: str, *, district_from: str | None = None,
               district_to: str | None = None, other_districts: bool = False) -> None:
    """Turn a copy of a district file into another office's file: new office id, new ids for every user row.

    Reference rows (deterministic ids) keep theirs; every foreign key pointing at a re-identified row
    follows it. Optionally move the rows of one district to another (district_from/district_to), or
    (other_districts) make the office about districts of its own: each district its rows use gets a
    twin "<name> B", its rows move there, and the values of its UNIQUE text keys (a fund's name, a DHR
    reference) get " B" added, so nothing it holds claims what the first office holds.
    """
    from safer_desk.exchange.county_merge import REFERENCE_ID, REFERENCE_TABLES
    from safer_desk.exchange.county_schema import data_tables, quote, table_info

    seeded = rows_every_new_file_has()
    conn = sqlite3.connect(str(path), isolation_level=None)
    audit.register_functions(conn)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("BEGIN")
    tables = [t for t in data_tables(conn) if t not in REFERENCE_TABLES]
    area_tables = [t for t in AREA_TABLES if t in data_tables(conn)]
    user_tables = [t for t in tables if t not in area_tables]

    def points_at_areas(t: str) -> bool:
        """Each row is about one area (a target: NOT NULL area): its deterministic id is made from the area."""
        not_null = {r[1] for r in conn.execute(f"PRAGMA table_info({quote(t)})") if r[3]}
        return any(fk.table in area_tables and set(fk.columns) <= not_null for fk in table_info(conn, t).foreign_keys)

    mapping: dict[tuple[str, str], str] = {}
    for t in user_tables:
        info = table_info(conn, t)
        if info.primary_key != ("id",):
            continue
        for (old,) in conn.execute(f"SELECT id FROM {quote(t)}").fetchall():
            if not isinstance(old, str) or (t, old) in seeded:
                continue
            if not REFERENCE_ID.match(old):
                mapping[(t, old)] = new_id()
            elif other_districts and points_at_areas(t):
                mapping[(t, old)] = old + "-b"  # a deterministic id made from the area (a target): the twin's
    twins: dict[str, str] = {}
    if other_districts:
        for t in user_tables:
            for fk in table_info(conn, t).foreign_keys:
                if fk.table in area_tables and len(fk.columns) == 1:
                    col = quote(fk.columns[0])
                    for (aid,) in conn.execute(f"SELECT DISTINCT {col} FROM {quote(t)} WHERE {col} IS NOT NULL"):
                        twins[aid] = aid + "-b"
        for area_table in area_tables:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({quote(area_table)})")]
            picks = ", ".join("?" if c == "id" else "name || ' B'" if c == "name" else
                              "NULL" if c in ("ons_code", "successor_id") else quote(c) for c in cols)
            for aid, twin in twins.items():
                conn.execute(f"INSERT OR IGNORE INTO {quote(area_table)} ({', '.join(map(quote, cols))}) "
                             f"SELECT {picks} FROM {quote(area_table)} WHERE id = ?", (twin, aid))
    for t in user_tables:
        info = table_info(conn, t)
        for (t2, old), new in mapping.items():
            if t2 == t:
                conn.execute(f"UPDATE {quote(t)} SET id = ? WHERE id = ?", (new, old))
        fk_columns = {c for fk in info.foreign_keys for c in fk.columns}
        for fk in info.foreign_keys:
            if len(fk.columns) != 1:
                continue
            col = fk.columns[0]
            for (t2, old), new in mapping.items():
                if t2 == fk.table:
                    conn.execute(f"UPDATE {quote(t)} SET {quote(col)} = ? WHERE {quote(col)} = ?", (new, old))
            if district_from and fk.table == "districts":
                conn.execute(f"UPDATE {quote(t)} SET {quote(col)} = ? WHERE {quote(col)} = ?",
                             (district_to, district_from))
            if twins and fk.table in area_tables:
                # Shared definitions (deterministic ids kept, such as an indicator) stay as they are.
                kept = " AND NOT (id GLOB '*:*' AND id NOT GLOB '*-b')" if "id" in info.columns else ""
                for did, twin in twins.items():
                    conn.execute(f"UPDATE {quote(t)} SET {quote(col)} = ? WHERE {quote(col)} = ?{kept}", (twin, did))
        if other_districts:
            types = {r[1]: r[2].upper() for r in conn.execute(f"PRAGMA table_info({quote(t)})")}
            for unique in info.uniques:
                if any(c in fk_columns for c in unique):
                    continue  # moved with its district or its parent
                text = [c for c in unique if types.get(c) == "TEXT"]
                if text:
                    col = quote(text[0])
                    shared_rows = " AND id NOT LIKE '%:%'" if "id" in info.columns else ""  # reference rows
                    conn.execute(f"UPDATE {quote(t)} SET {col} = {col} || ' B' WHERE {col} NOT GLOB "
                                 f"'[0-9][0-9][0-9][0-9]-[0-9][0-9]*'{shared_rows}")
    if "illustrative_marks" in data_tables(conn):  # a mark names its row by id: it follows the row's new id
        conn.executemany("UPDATE illustrative_marks SET row_id = ? WHERE table_name = ? AND row_id = ?",
                         [(new, t, old) for (t, old), new in mapping.items()])
    conn.execute("UPDATE meta SET value = ? WHERE key = 'office_id'", (new_id(),))
    conn.execute("UPDATE meta SET value = ? WHERE key = 'office_name'", (office_name,))
    audit.discard_trail_of_copy(conn)  # the copy becomes another office, with a trail of its own
    conn.execute("DELETE FROM meta WHERE key = 'export_sequence'")
    conn.execute("DELETE FROM _export_anchors")
    problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    assert not problems, problems
    conn.execute("COMMIT")
    conn.close()


def officer_keys() -> list[str]:
    """This test's officer key (every office of a test is exported by the same officer, in the same home)."""
    from safer_desk.exchange.signing import officer_key

    return [officer_key().fingerprint]


def merge_accepting(county, paths, **kwargs):
    """Merge, the county lead having confirmed the officer's key by phone with each office whose file it signs (the
    merge tests' usual case: every office of a test is exported by the same officer), as the window accepts a key
    for each office it asks about."""
    from safer_desk.services.county import merge_district_files

    accept: list = list(officer_keys())
    for path in paths:
        try:
            conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
            try:
                accept.append((accept[0], conn.execute(
                    "SELECT value FROM _export_manifest WHERE key = 'office_id'").fetchone()[0]))
            finally:
                conn.close()
        except (sqlite3.Error, TypeError, ValueError):  # not an export, or its text damaged: merge refuses it
            pass
    return merge_district_files(county, paths, accept_keys=accept, **kwargs)


def accept_key_args() -> list[str]:
    """`--accept-key FINGERPRINT` for this test's officer key, for `safer-desk merge`."""
    return ["--accept-key", officer_keys()[0]]


def resign_export(path: Path, *, key=None, edit=None, **fields: str) -> Path:
    """Make an export genuinely signed after changing it: what a forger holding a key (key, or this test's
    officer key) could make, or another version's export. edit(conn) changes rows or tables; fields
    replace manifest fields; every checksum, count and the signature are then made again."""
    from safer_desk.exchange import signing
    from safer_desk.exchange.county_schema import content_checksum, content_checksums, data_tables, row_counts, \
        schema_hash

    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.create_function("safer_desk_user", 0, lambda: "forger")
    if edit is not None:
        edit(conn)
    manifest = dict(conn.execute("SELECT key, value FROM _export_manifest").fetchall())
    manifest.pop("signed_statement", None)
    manifest.pop("signature", None)
    tables = data_tables(conn)
    total, per_table = content_checksums(conn, tables)
    internal = sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                                                  "LIKE 'sqlite%'") if r[0] not in tables and r[0] != "_export_manifest")
    steps = [f"{a}/{b}" for a, b in conn.execute("SELECT migration_set, name FROM _sqlite_migrations ORDER BY id")]
    key = key or signing.officer_key()
    manifest.update({
        "tables": json.dumps(tables), "row_counts": json.dumps(row_counts(conn, tables), sort_keys=True),
        "checksum": total, "table_checksums": json.dumps(per_table, sort_keys=True),
        "internal_tables": json.dumps(internal), "migration_steps": json.dumps(steps),
        "schema_version": str(len(steps)), "key_fingerprint": key.fingerprint, "public_key": key.public_text,
    })
    manifest.update(fields)
    conn.execute("DROP TABLE _export_manifest")
    manifest["schema_hash"] = schema_hash(conn, ["_export_manifest"])
    by_digest = json.loads(manifest.get("public_tables", "[]"))
    if by_digest:  # the police.uk counts are signed per force-month: their digests are made again too
        from safer_desk.exchange.county_schema import PUBLIC_DIGESTS_TABLE, public_digests

        conn.execute(f"DELETE FROM {PUBLIC_DIGESTS_TABLE}")
        conn.executemany(f"INSERT INTO {PUBLIC_DIGESTS_TABLE}(force, month, rows, digest) VALUES (?, ?, ?, ?)",
                         [(f, m, n, d) for (f, m), (n, d) in sorted(public_digests(conn).items())])
    manifest["internal_checksum"] = content_checksum(conn, [t for t in internal if t not in by_digest])
    statement = signing.canonical_bytes(manifest)
    conn.execute("CREATE TABLE _export_manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT")
    conn.executemany("INSERT INTO _export_manifest VALUES (?, ?)", list(manifest.items()) + [
        ("signed_statement", statement.decode("utf-8")), ("signature", key.sign(statement))])
    conn.close()
    return path


def other_officer_key():
    """Another officer's key (as if made on another computer)."""
    from safer_desk.exchange.signing import OfficerKey

    return OfficerKey.generate()


def copy_file(src: Path, dst: Path) -> Path:
    shutil.copyfile(src, dst)
    return dst


def cli_output(argv: list[str]) -> tuple[int, str, str]:
    """Run `safer-desk ARGS` in this process and return (exit code, stdout, stderr)."""
    from safer_desk.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
    return int(code or 0), out.getvalue(), err.getvalue()


def county_then_office_changes(office_path: Path, folder: Path, change) -> tuple[Path, Path]:
    """The office exported, that export merged into a new county file, then ``change(office_store)`` made at the
    office and exported again: (the county file, the second export, not yet merged)."""
    from safer_desk.services.county import export_for_county
    from safer_desk.storage.store import open_store

    office = open_store(office_path)
    try:
        first = export_for_county(office, folder / "export1.sqlite").path
        change(office)
        second = export_for_county(office, folder / "export2.sqlite").path
    finally:
        office.close()
    county = new_office(folder / "county.sqlite", "Suffolk county", standins=False)
    try:
        merge_accepting(county, [first])
    finally:
        county.close()
    return folder / "county.sqlite", second


def hold_merge_until_cancelled(monkeypatch, office: str | None = None) -> list:
    """Each file's merge (or only ``office``'s) waits at its start until the user has pressed Cancel, so a test of
    Cancel is not a race; returns the list a merge appends to once it is waiting."""
    import time

    from safer_desk.exchange import county_merge

    original, started = county_merge._Merger.run, []

    def held(self, tables):
        if office is None or self.m.office_name == office:
            started.append(True)
            for _ in range(500):
                if self.cancelled():
                    break
                time.sleep(0.01)
        return original(self, tables)

    monkeypatch.setattr(county_merge._Merger, "run", held)
    return started


def edit_outside(path, sql: str, params=()) -> None:
    """Change the file as sqlite3 (or an older version without the checks) would: the rows, straight (the audit
    trail's functions registered, so its triggers record the change as any edit)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        audit.register_functions(conn)
        conn.execute(sql, params)
    finally:
        conn.close()


def county_with_first_export(district, folder: Path) -> tuple[Path, Path]:
    """A county file (folder/county.sqlite) into which the district's export number 1 has been merged from the command
    line, its key accepted; and that export."""
    from safer_desk.services.county import export_for_county

    county = folder / "county.sqlite"
    new_office(county, "Suffolk county").close()
    first = export_for_county(district, folder / "babergh-1.sqlite").path
    code, _, err = cli_output(["merge", str(county), str(first), *accept_key_args()])
    assert code == 0, err
    return county, first
