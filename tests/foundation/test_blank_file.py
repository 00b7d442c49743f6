"""New files from the shipped blank file (resources/blank/blank.sqlite.gz, storage.blank): the same file the
migration steps make, in milliseconds; the steps again, silently, when the blank is missing, stale or damaged."""

from __future__ import annotations

import gzip
import importlib.util
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from safer_desk.storage import audit, blank
from safer_desk.storage import store as store_module
from safer_desk.storage.schema import MigrationSet
from safer_desk.storage.store import blank_file_problem, create_file, open_store

ROOT = Path(__file__).resolve().parents[2]
# What differs between two new files by design: each file's own identity.
IDENTITY_KEYS = ("office_id", "created_at")


def contents(path: Path) -> dict[str, object]:
    """Every table's rows (in rowid order where there is one) and the whole schema, identity values masked."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found: dict[str, object] = {
            "(schema)": conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall(),
            "(pragmas)": [conn.execute(f"PRAGMA {p}").fetchone()[0] for p in
                          ("page_size", "encoding", "auto_vacuum", "user_version", "application_id", "journal_mode")],
        }
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall():
            rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
            if table == "meta":
                rows = [(k, "<identity>" if k in IDENTITY_KEYS else v) for k, v in rows]
            elif table == store_module.MIGRATIONS_TABLE:
                rows = [row[:3] for row in rows]  # id, set, name: applied_at is the time the file was made
            found[table] = rows
        return found
    finally:
        conn.close()


def meta(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def applied_times(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT applied_at FROM _sqlite_migrations")}


@pytest.fixture
def steps_counted(monkeypatch):
    """How many times the steps ran (they need sqlite-utils; a copy of the blank does not)."""
    calls = []
    real = store_module.import_sqlite_utils

    def counting():
        calls.append(1)
        return real()

    monkeypatch.setattr(store_module, "import_sqlite_utils", counting)
    return calls


def ship(monkeypatch, tmp_path: Path, data: bytes | None, *, raw: bytes | None = None) -> Path:
    """Stand a different blank file in for the shipped one (data gzipped; raw written as it is)."""
    shipped = tmp_path / "shipped" / "blank.sqlite.gz"
    shipped.parent.mkdir(exist_ok=True)
    if raw is not None:
        shipped.write_bytes(raw)
    elif data is not None:
        shipped.write_bytes(gzip.compress(data))
    monkeypatch.setattr(blank, "resource", lambda: shipped)
    return shipped


def edited_blank(tmp_path: Path, *sql: str) -> bytes:
    """The shipped blank's bytes after running sql on a copy (in a batch: no audit entries)."""
    copy = tmp_path / "edited-blank.sqlite"
    copy.write_bytes(blank.read_resource())
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        audit.register_functions(conn).batch = audit.Batch("edit the blank")
        for statement in sql:
            conn.execute(statement)
    finally:
        conn.close()
    return copy.read_bytes()


@pytest.fixture
def current_blank():
    """The shipped blank, usable by this version (the tests of what create_file does with it need it)."""
    problem = blank_file_problem()
    assert problem is None, (
        f"resources/blank/blank.sqlite.gz is not usable ({problem}): new files are made by the steps again, "
        f"half a second each. After appending a migration step, rebuild it with:\n    {blank.REBUILD_COMMAND}")


# -- the shipped blank is what this version's steps make ---------------------------------------------------

def test_a_file_made_from_the_shipped_blank_equals_one_made_by_the_steps(current_blank, tmp_path, steps_counted):
    from_blank = create_file(tmp_path / "from-blank.sqlite", "Babergh office")
    assert steps_counted == [], "create_file ran the migration steps although the shipped blank is usable"
    by_steps = create_file(tmp_path / "by-steps.sqlite", "Babergh office", use_blank=False)
    assert steps_counted, "use_blank=False did not run the steps"
    ours, theirs = contents(from_blank), contents(by_steps)
    differing = sorted(k for k in set(ours) | set(theirs) if ours.get(k) != theirs.get(k))
    assert not differing, (
        f"a file made from resources/blank/blank.sqlite.gz differs from one made by the steps in {differing}. "
        f"Rebuild it with:\n    {blank.REBUILD_COMMAND}")
    assert meta(from_blank)["office_name"] == "Babergh office"
    with sqlite3.connect(from_blank) as conn:
        assert audit.check_triggers(conn) == []
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 0  # making a file is not a change


def test_the_shipped_blank_holds_placeholders_not_an_offices_identity(current_blank):
    data = blank.read_resource()
    assert data is not None
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    assert dict(conn.execute("SELECT key, value FROM meta").fetchall()) == {"app": "safer-desk",
                                                                             **blank.PLACEHOLDER_META}
    assert {r[0] for r in conn.execute("SELECT applied_at FROM _sqlite_migrations")} == {blank.PLACEHOLDER_APPLIED}
    assert data[18:20] == b"\x01\x01"  # rollback journal, not WAL: a copy needs no side files


def test_building_the_blank_twice_gives_the_same_bytes(tmp_path):
    """No time or id of the build is left in it (placeholders, zeroed free space, gzip without a time), so a
    rebuild with the same steps and the same SQLite changes nothing in the repository."""
    one = blank.write_resource(tmp_path / "one.sqlite.gz").read_bytes()
    two = blank.write_resource(tmp_path / "two.sqlite.gz").read_bytes()
    assert one == two
    assert blank_file_problem(gzip.decompress(one)) is None


def test_two_new_files_have_their_own_office_ids_and_are_made_now(tmp_path):
    before = datetime.now(timezone.utc).replace(microsecond=0)
    first = create_file(tmp_path / "first.sqlite", "Babergh office")
    second = create_file(tmp_path / "second.sqlite", "Mid Suffolk office")
    after = datetime.now(timezone.utc)
    ids = {meta(first)["office_id"], meta(second)["office_id"]}
    assert len(ids) == 2 and blank.PLACEHOLDER_META["office_id"] not in ids
    assert all(len(i) == 32 and int(i, 16) for i in ids)
    for path, name in ((first, "Babergh office"), (second, "Mid Suffolk office")):
        values = meta(path)
        assert values["office_name"] == name
        from safer_desk import __version__

        assert values["written_by"] == __version__
        assert before <= datetime.fromisoformat(values["created_at"]) <= after
        assert all(before <= datetime.fromisoformat(applied) <= after for applied in applied_times(path))
    with open_store(first) as store:  # and it opens as an up-to-date Safer Desk file
        assert store.office_name == "Babergh office"
        assert store.schema_version == len(store_module.known_steps())


def test_the_example_file_is_still_filled_from_seeded_ids(tmp_path):
    from safer_desk.services.demo import build_demo

    one, two = build_demo(tmp_path / "one.sqlite"), build_demo(tmp_path / "two.sqlite")
    assert meta(one)["office_id"] != meta(two)["office_id"]  # each an office of its own (round 31) ...
    projects = []
    for path in (one, two):
        with sqlite3.connect(path) as conn:
            projects.append(conn.execute("SELECT id FROM projects ORDER BY id").fetchall())
    assert projects[0] and projects[0] == projects[1]  # ... filled with the seeded ids, as when the steps ran


# -- missing, stale or damaged: the steps, silently -------------------------------------------------------

def assert_made_by_the_steps(path: Path, steps_counted: list) -> None:
    assert steps_counted, "the steps did not run"
    with open_store(path) as store:
        assert store.schema_version == len(store_module.known_steps())
        assert store.office_name == "Office" and len(store.office_id) == 32
    assert not list(path.parent.glob(".*.part"))


def test_a_missing_blank_falls_back_to_the_steps(tmp_path, monkeypatch, steps_counted):
    ship(monkeypatch, tmp_path, None)
    assert "there is no blank file" in blank_file_problem()
    assert_made_by_the_steps(create_file(tmp_path / "office.sqlite", "Office"), steps_counted)


def test_a_blank_left_behind_by_an_appended_step_falls_back_to_the_steps(tmp_path, monkeypatch, steps_counted):
    """Someone appends a step and does not rebuild the blank: new files get the new step all the same."""
    def add_a_notes_table(db) -> None:
        db.execute("CREATE TABLE office_notes (id TEXT PRIMARY KEY, note TEXT NOT NULL)")

    sets = store_module.all_sets()
    extended = MigrationSet(sets[-1].name, [*sets[-1].steps, ("add_a_notes_table", add_a_notes_table)])
    monkeypatch.setattr(store_module, "all_sets", lambda: [*sets[:-1], extended])
    assert "other migration steps" in blank_file_problem()
    path = create_file(tmp_path / "office.sqlite", "Office")
    assert steps_counted
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id DESC LIMIT 1").fetchone() == (
            "add_a_notes_table",)
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'office_notes'").fetchone()[0] == 1
        assert meta(path)["office_name"] == "Office"
        assert audit.check_triggers(conn) == []  # the new table has its audit triggers


@pytest.mark.parametrize("damage", ["not gzip", "cut short", "not SQLite", "a damaged page"])
def test_a_damaged_blank_falls_back_to_the_steps(damage, tmp_path, monkeypatch, steps_counted):
    data = blank.read_resource()
    if damage == "not gzip":
        ship(monkeypatch, tmp_path, None, raw=b"PK\x03\x04 not a gzip file")
    elif damage == "cut short":
        ship(monkeypatch, tmp_path, None, raw=gzip.compress(data)[:5000])
    elif damage == "not SQLite":
        ship(monkeypatch, tmp_path, b"x" * 4096)
    else:
        # Overwrite the middle of a page: a b-tree page whose cells no longer parse. From the last page back, until
        # SQLite finds the copy damaged (a page the blank leaves free, or room a page does not use, would be whole).
        page = 4096
        for last in range(len(data) - page, 0, -page):
            spoiled = bytearray(data)
            spoiled[last + 8:last + 208] = b"\xff" * 200
            ship(monkeypatch, tmp_path, bytes(spoiled))
            if blank_file_problem() is not None:
                break
    assert blank_file_problem() is not None
    assert_made_by_the_steps(create_file(tmp_path / "office.sqlite", "Office"), steps_counted)


def test_a_blank_holding_an_offices_identity_is_not_used(current_blank, tmp_path, monkeypatch, steps_counted):
    """An office's own new file shipped by mistake must not hand its id to every new file."""
    ship(monkeypatch, tmp_path, edited_blank(tmp_path, "UPDATE meta SET value = 'a1b2' WHERE key = 'office_id'"))
    assert "placeholders" in blank_file_problem()
    path = create_file(tmp_path / "office.sqlite", "Office")
    assert meta(path)["office_id"] != "a1b2"
    assert_made_by_the_steps(path, steps_counted)


def test_a_blank_with_a_missing_audit_trigger_gets_it_as_the_steps_would(current_blank, tmp_path, monkeypatch, steps_counted):
    ship(monkeypatch, tmp_path, edited_blank(tmp_path, "DROP TRIGGER audit_projects_update"))
    path = create_file(tmp_path / "office.sqlite", "Office")
    assert steps_counted == []
    by_steps = create_file(tmp_path / "by-steps.sqlite", "Office", use_blank=False)
    assert contents(path)["(schema)"] == contents(by_steps)["(schema)"]


# -- all or nothing ------------------------------------------------------------------------------------------

def test_a_blank_that_cannot_be_finished_falls_back_to_the_steps(tmp_path, monkeypatch, steps_counted):
    def fail(conn, office_name):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(store_module, "_finish_blank_copy", fail)
    assert_made_by_the_steps(create_file(tmp_path / "office.sqlite", "Office"), steps_counted)


def test_a_failure_while_finishing_the_blank_leaves_no_file(current_blank, tmp_path, monkeypatch):
    folder = tmp_path / "files"
    folder.mkdir()

    def fail(conn, office_name):
        conn.execute("UPDATE meta SET value = 'half' WHERE key = 'office_name'")
        raise RuntimeError("the power went")

    monkeypatch.setattr(store_module, "_finish_blank_copy", fail)
    with pytest.raises(RuntimeError, match="the power went"):
        open_store(folder / "office.sqlite", create=True)
    assert sorted(p.name for p in folder.iterdir()) in ([], ["office.sqlite.lock"])
    monkeypatch.undo()
    open_store(folder / "office.sqlite", create=True).close()


def test_a_full_disk_while_copying_the_blank_leaves_no_file(tmp_path, monkeypatch):
    folder = tmp_path / "files"
    folder.mkdir()

    def full(tmp):
        Path(tmp).write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # half written
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module, "_copy_blank", full)
    with pytest.raises(OSError, match="space|full"):
        create_file(folder / "office.sqlite", "Office")
    assert list(folder.iterdir()) == []


def test_every_new_file_boundary_is_still_passed(current_blank, tmp_path, monkeypatch):
    passed = []
    real = store_module.faults.boundary
    monkeypatch.setattr(store_module.faults, "boundary", lambda name: (passed.append(name), real(name)))
    create_file(tmp_path / "office.sqlite", "Office")
    assert [b for b in passed if b.startswith("new-file:")] == [
        "new-file:after-create", "new-file:after-migrations", "new-file:temp-written", "new-file:before-replace",
        "new-file:after-replace"]
    assert "migration:before-finish" in passed


# -- shipped in every build -----------------------------------------------------------------------------

def test_the_blank_is_a_package_resource_the_build_keeps():
    assert blank.resource() == ROOT / "resources" / "blank" / "blank.sqlite.gz" or blank.resource().is_file()
    spec = importlib.util.spec_from_file_location("spec_config_for_blank", ROOT / "packaging" / "spec_config.py")
    config = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(config)
    assert config.keep_file("safer_desk/resources/blank/blank.sqlite.gz")
    assert config.keep_file("safer_desk\\resources\\blank\\blank.sqlite.gz")
    # pyproject.toml maps resources/ into the package as safer_desk/resources (the wheel and the spec's
    # collect_data_files take it from there).
    assert '"resources" = "safer_desk/resources"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
