import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest

from safer_desk.storage import schema as schema_module
from safer_desk.storage.locking import lock_path
from safer_desk.storage.schema import MigrationSet, core, known_steps, schema_version
from safer_desk.storage.store import (FileLocked, FileMissing, FileReadOnly, FileTooNew, NeedsUpgrade, NotADatabase,
                                      NotSaferDeskFile, backups_folder, inspect_file, make_backup, open_store)


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def columns(conn, table):
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def test_blank_file_migrates_to_the_exact_core_columns(store):
    conn = store.conn
    assert columns(conn, "meta") == ["key", "value"]
    assert columns(conn, "audit_log") == ["id", "at", "who", "table_name", "row_id", "action", "column_name",
                                          "old_value", "new_value", "action_id", "action_label", "prev_hash", "hash"]
    assert columns(conn, "districts") == ["id", "name", "ons_code", "county", "successor_id", "valid_from", "valid_to"]
    assert columns(conn, "partnerships") == ["id", "name", "kind", "valid_from", "valid_to", "notes"]
    assert columns(conn, "partnership_districts") == ["id", "partnership_id", "district_id", "valid_from", "valid_to"]
    assert columns(conn, "organisations") == ["id", "name", "kind"]
    assert columns(conn, "partnership_members") == ["id", "partnership_id", "organisation_id", "statutory",
                                                    "valid_from", "valid_to"]
    assert store.schema_version == schema_version() == len(known_steps())
    assert store.meta("app") == "safer-desk"
    assert len(store.office_id) == 32


def test_the_step_names_opening_checks_are_the_schema_modules_own():
    """Opening a file checks its steps against schema.STEP_NAMES, so that start-up need not import the seven modules
    of SQL (issue 16): the table is each set's steps, named and ordered as the modules declare and apply them. A step
    added to a module and not to the table would make every file it migrates refused as a newer version's."""
    assert schema_module.STEP_NAMES == tuple((s.name, tuple(s.names())) for s in schema_module.all_sets())
    assert known_steps() == {(s.name, name) for s in schema_module.all_sets() for name in s.names()}


def test_every_user_table_is_strict_and_audited(store):
    tables = [r[0] for r in store.conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\'")]
    triggers = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    for table in tables:
        strict = store.conn.execute("SELECT strict FROM pragma_table_list WHERE name = ?", (table,)).fetchone()[0]
        assert strict == 1, f"{table} is not STRICT"
        if table != "audit_log":
            for action in ("insert", "update", "delete"):
                assert f"audit_{table}_{action}" in triggers


def test_pragmas(store):
    assert store.scalar("PRAGMA foreign_keys") == 1
    assert store.scalar("PRAGMA journal_mode") == "wal"


def test_newer_file_is_refused_untouched(tmp_path):
    path = tmp_path / "newer.sqlite"
    s = open_store(path, create=True)
    with s.transaction():
        s.conn.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
                       "VALUES ('safer_desk.core', 'step_from_the_future', '2030-01-01')")
    s.close()
    before = checksum(path)
    with pytest.raises(FileTooNew, match=r"newer version of Safer Desk \(it has 1 change to the file's layout "):
        open_store(path)
    with pytest.raises(FileTooNew):
        open_store(path, read_only=True)
    assert checksum(path) == before
    from safer_desk.services.integrity import check_file

    report = check_file(path)  # `check` names what it is: one of ours, from a newer version
    assert report.kind == "Safer Desk file from a newer version"
    assert checksum(path) == before


def test_older_file_is_backed_up_then_migrated(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    first_only = MigrationSet(core.migrations.name, core.migrations.steps[:1])
    monkeypatch.setattr(schema_module, "all_sets", lambda: [first_only])
    monkeypatch.setattr("safer_desk.storage.store.all_sets", lambda: [first_only])
    monkeypatch.setattr("safer_desk.storage.store.known_steps", lambda: {(first_only.name, first_only.names()[0])})
    s = open_store(path, create=True)
    with s.transaction():
        s.conn.execute("INSERT INTO meta(key, value) VALUES ('marker', 'kept')")
    s.close()
    monkeypatch.undo()
    assert inspect_file(path).pending
    with pytest.raises(NeedsUpgrade):
        open_store(path, read_only=True)
    s = open_store(path)
    try:
        assert s.meta("marker") == "kept"
        assert "districts" in {r[0] for r in s.rows("SELECT name FROM sqlite_master")}
        assert s.schema_version == schema_version()
    finally:
        s.close()
    backups = list(backups_folder(path).glob("old.*.before-upgrade.sqlite"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == 1
    assert old.execute("SELECT value FROM meta WHERE key='marker'").fetchone()[0] == "kept"
    old.close()


def test_only_the_last_few_backups_are_kept(store):
    for _ in range(8):
        make_backup(store.path)
    assert len(list(backups_folder(store.path).glob("office.*.sqlite"))) == 5


def test_plain_sqlite_file_is_not_a_safer_desk_file(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things(a)")
    conn.commit()
    conn.close()
    before = checksum(path)
    with pytest.raises(NotSaferDeskFile, match="not a Safer Desk file"):
        open_store(path)
    assert checksum(path) == before


@pytest.mark.parametrize("content", [b"this is a spreadsheet, honest\n" * 100, b"PK\x03\x04" + b"\x00" * 400])
def test_a_file_that_is_not_sqlite_is_refused(tmp_path, content):
    path = tmp_path / "bad.sqlite"
    path.write_bytes(content)
    with pytest.raises(NotADatabase):
        open_store(path)
    assert path.read_bytes() == content


def test_a_corrupt_safer_desk_file_is_refused_untouched(tmp_path):
    path = tmp_path / "corrupt.sqlite"
    s = open_store(path, create=True)
    s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.conn.execute("PRAGMA journal_mode = DELETE")
    s.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page
    path.write_bytes(bytes(data))
    before = checksum(path)
    with pytest.raises((NotADatabase, NotSaferDeskFile)):
        open_store(path)
    assert checksum(path) == before


def test_missing_file(tmp_path):
    with pytest.raises(FileMissing):
        open_store(tmp_path / "nope.sqlite")
    with pytest.raises(FileMissing):
        open_store(tmp_path / "no-folder" / "x.sqlite", create=True)


def test_read_only_file_is_refused_for_writing_but_opens_read_only(tmp_path):
    path = tmp_path / "ro.sqlite"
    s = open_store(path, create=True)
    s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        before = checksum(path)
        with pytest.raises(FileReadOnly):
            open_store(path)
        ro = open_store(path, read_only=True)
        assert ro.read_only and ro.meta("app") == "safer-desk"
        with pytest.raises(FileReadOnly):
            with ro.transaction():
                pass
        ro.close()
        assert checksum(path) == before
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_second_writer_is_told_the_file_is_in_use(store):
    with pytest.raises(FileLocked, match="already open for writing"):
        open_store(store.path)
    reader = open_store(store.path, read_only=True)
    assert reader.read_only
    reader.close()


def test_lock_is_released_on_close(tmp_path):
    path = tmp_path / "a.sqlite"
    first = open_store(path, create=True)
    with pytest.raises(FileLocked):  # held while open
        open_store(path)
    first.close()
    assert not lock_path(path).exists()  # released, and its file removed (issue 16)
    second = open_store(path)  # a second writer once the first has closed
    assert second.path == path.resolve()
    second.close()


def test_transaction_is_all_or_nothing(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.conn.execute("INSERT INTO organisations(id, name) VALUES ('org:a', 'A')")
            raise RuntimeError("boom")
    assert store.scalar("SELECT count(*) FROM organisations") == 0
    with store.transaction():
        store.conn.execute("INSERT INTO organisations(id, name) VALUES ('org:a', 'A')")
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.conn.execute("INSERT INTO organisations(id, name) VALUES ('org:b', 'B')")
                raise RuntimeError("inner")
    assert [r[0] for r in store.rows("SELECT id FROM organisations")] == ["org:a"]


def test_save_a_copy_is_a_whole_file(store, tmp_path):
    with store.transaction():
        store.conn.execute("INSERT INTO organisations(id, name) VALUES ('org:a', 'A')")
    copy = store.backup_to(tmp_path / "copy.sqlite")
    other = open_store(copy, read_only=True)
    assert other.scalar("SELECT name FROM organisations") == "A"
    other.close()


def test_a_closed_file_is_one_self_contained_file(tmp_path):
    path = tmp_path / "office.sqlite"
    s = open_store(path, create=True)
    with s.transaction():
        s.conn.execute("INSERT INTO organisations(id, name) VALUES ('org:a', 'A')")
    assert s.scalar("PRAGMA journal_mode") == "wal"  # while open for writing
    s.close()
    assert not path.with_name("office.sqlite-wal").exists()
    reader = open_store(path, read_only=True)
    assert reader.scalar("SELECT name FROM organisations") == "A"
    reader.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("office")) == ["office.sqlite"]
    # A plain copy of the file alone holds everything.
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(path.read_bytes())
    other = open_store(copy, read_only=True)
    assert other.scalar("SELECT count(*) FROM organisations") == 1
    other.close()


def test_a_reader_while_writing_keeps_wal_until_the_last_writer_closes(tmp_path):
    path = tmp_path / "office.sqlite"
    writer = open_store(path, create=True)
    reader = open_store(path, read_only=True)
    with writer.transaction():
        writer.conn.execute("INSERT INTO organisations(id, name) VALUES ('org:a', 'A')")
    assert reader.scalar("SELECT count(*) FROM organisations") == 1
    writer.close()  # cannot leave WAL while the reader is there: must not fail
    assert reader.scalar("SELECT count(*) FROM organisations") == 1
    reader.close()


def test_closing_while_another_reads_gives_up_the_tidy_up_at_once(tmp_path):
    """With a reader mid-query, returning to a single file cannot happen: close must not sit out
    the 5 s busy timeout trying (the window would freeze), so the timeout is off before it tries."""
    path = tmp_path / "office.sqlite"
    writer = open_store(path, create=True)
    reader = open_store(path, read_only=True)
    with writer.transaction():
        writer.conn.execute("INSERT INTO organisations(id, name) VALUES ('org:a', 'A')")
    reader.conn.execute("BEGIN")  # a reader in the middle of a query
    reader.scalar("SELECT count(*) FROM organisations")
    statements: list[str] = []
    writer.conn.set_trace_callback(statements.append)
    writer.close()
    timeout_off = statements.index("PRAGMA busy_timeout = 0")
    assert timeout_off < statements.index("PRAGMA wal_checkpoint(TRUNCATE)")
    reader.conn.execute("COMMIT")
    assert reader.scalar("SELECT count(*) FROM organisations") == 1
    reader.close()
    again = open_store(path)  # the file is whole and opens normally afterwards
    assert again.scalar("SELECT count(*) FROM organisations") == 1
    again.close()


def test_read_only_uris_for_drives_shares_and_awkward_names():
    from safer_desk.storage.store import sqlite_uri_for

    assert sqlite_uri_for("/home/officer/office.sqlite", {"mode": "ro"}) == "file:///home/officer/office.sqlite?mode=ro"
    assert sqlite_uri_for("C:/Users/Officer/Safer Desk/office.sqlite", {"mode": "ro"}) == \
        "file:///C:/Users/Officer/Safer%20Desk/office.sqlite?mode=ro"
    # A council shared drive: SQLite refuses file://server/..., and wants four slashes.
    assert sqlite_uri_for("//council-fs01/community safety/office.sqlite", {"mode": "ro", "immutable": "1"}) == \
        "file:////council-fs01/community%20safety/office.sqlite?mode=ro&immutable=1"


def test_awkward_file_names_open_read_only(tmp_path):
    # "?" and "#" end a path in a URI ("%" begins an escape), and a file made elsewhere (a Mac, a shared drive) may have
    # them; Safer Desk makes no new file with "?" in its name (Windows refuses it), so the file is made, then renamed.
    made = tmp_path / "Babergh 2.sqlite"
    open_store(made, create=True).close()
    path = made.rename(tmp_path / "Babergh #2 (50% done?).sqlite")
    reader = open_store(path, read_only=True)
    assert reader.meta("app") == "safer-desk"
    reader.close()
