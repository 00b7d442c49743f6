"""The prebuilt example file behind `--demo`, and the temporary copies it makes (no litter)."""

from __future__ import annotations

import gzip
import os
import re
import sqlite3
import tempfile
import time
from pathlib import Path

import pytest

from safer_desk.services import example_copy as copies
from safer_desk.services.demo import REBUILD_COMMAND

# Times of day differ between two builds; dates (board papers, periods) do not.
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")


def table_contents(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, times of day and the office id set aside: each file `demo` writes is an office of its
    own (round 31), so its id, wherever it is (meta, the office's areas, their audit entries), reads <office>."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        office_id = conn.execute("SELECT value FROM meta WHERE key = 'office_id'").fetchone()[0]
        assert len(office_id) == 32

        def set_aside(value):
            return TIMESTAMP.sub("<time>", value).replace(office_id, "<office>") if isinstance(value, str) else value

        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        contents = {}
        for table in tables:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            if table == "audit_log":  # the chain's hashes cover each entry's time: the entries themselves must match
                columns = [c for c in columns if c not in ("at", "prev_hash", "hash")]
            rows = conn.execute(f'SELECT {", ".join(columns)} FROM "{table}"').fetchall()
            contents[table] = sorted(tuple(set_aside(v) for v in row) for row in rows)
        schema = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        contents["(schema)"] = schema
        return contents
    finally:
        conn.close()


def test_the_shipped_example_equals_what_safer_desk_demo_writes(demo_master, tmp_path):
    shipped = tmp_path / "shipped.sqlite"
    with gzip.open(copies.example_resource(), "rb") as src:
        shipped.write_bytes(src.read())
    built, ours = table_contents(demo_master), table_contents(shipped)
    differing = sorted(t for t in set(built) | set(ours) if built.get(t) != ours.get(t))
    assert not differing, (
        f"resources/example/example.sqlite.gz is out of date (tables {', '.join(differing)} differ from a "
        f"fresh build of the example data). Rebuild it with:\n    {REBUILD_COMMAND}")


def test_building_the_example_twice_gives_the_same_rows(demo_master, tmp_path):
    """The example's ids come from a seeded source, so the shipped file can be checked at all."""
    from safer_desk.services.demo import build_demo

    again = build_demo(tmp_path / "again.sqlite")
    assert table_contents(again) == table_contents(demo_master)


def test_real_offices_still_get_random_ids(tmp_path):
    from safer_desk.domain.ids import new_id, seeded_ids

    with seeded_ids(1):
        first = [new_id() for _ in range(3)]
    with seeded_ids(1):
        assert [new_id() for _ in range(3)] == first
    assert new_id() not in first and new_id() != new_id()


@pytest.fixture
def temp_folder(tmp_path, monkeypatch):
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_a_demo_copy_comes_from_the_shipped_file_not_a_build(temp_folder, monkeypatch):
    import safer_desk.services.demo as demo

    monkeypatch.setattr(demo, "build_demo", lambda *a, **k: pytest.fail("--demo built the example"))
    with copies.example_copy() as path:
        assert path.parent.parent == temp_folder and path.parent.name.startswith("safer-desk-demo-")
        assert copies.is_demo_copy(path)
        assert sqlite3.connect(path).execute("SELECT count(*) FROM projects").fetchone()[0] > 0
    assert list(temp_folder.iterdir()) == []


def test_a_demo_copy_is_removed_after_an_exception(temp_folder):
    from safer_desk.storage.store import open_store

    with pytest.raises(RuntimeError):
        with copies.example_copy() as path:
            store = open_store(path)
            store.close()
            raise RuntimeError("the window failed")
    assert list(temp_folder.iterdir()) == []


def make_stale(folder: Path, *names: str, age_s: float = 3600) -> Path:
    folder.mkdir()
    for name in names:
        (folder / name).write_bytes(b"")
    old = time.time() - age_s
    os.utime(folder, (old, old))
    return folder


def test_folders_left_by_killed_runs_are_removed_at_the_next_start(temp_folder):
    killed = make_stale(temp_folder / "safer-desk-demo-killed1", "example.sqlite", "example.sqlite-wal",
                        "example.sqlite.lock")
    older_version = make_stale(temp_folder / "safer-desk-demo-ab12cd", "example.sqlite")
    just_made = make_stale(temp_folder / "safer-desk-demo-new", "example.sqlite", age_s=0)
    not_ours = make_stale(temp_folder / "safer-desk-demo-mine", "example.sqlite", "notes.txt")
    other_name = make_stale(temp_folder / "safer-desk-smoke-x", "example.sqlite")
    a_file = temp_folder / "safer-desk-demo-file"
    a_file.write_text("not a folder", encoding="utf-8")
    removed = copies.remove_stale_copies()
    assert sorted(removed) == sorted([killed, older_version])
    assert sorted(p.name for p in temp_folder.iterdir()) == sorted(
        [just_made.name, not_ours.name, other_name.name, a_file.name])


def test_a_demo_copy_open_in_another_window_is_left_alone(temp_folder):
    from safer_desk.storage.store import open_store

    with copies.example_copy() as path:
        store = open_store(path)
        old = time.time() - 3600
        os.utime(path.parent, (old, old))
        try:
            assert copies.remove_stale_copies() == []
            assert path.exists()
        finally:
            store.close()


def test_is_demo_copy_knows_only_our_folders(temp_folder, tmp_path):
    assert copies.is_demo_copy(temp_folder / "safer-desk-demo-x1" / "example.sqlite")
    assert not copies.is_demo_copy(temp_folder / "office.sqlite")
    assert not copies.is_demo_copy(tmp_path / "safer-desk-demo-x1" / "example.sqlite")  # not the temp folder
    assert not copies.is_demo_copy(temp_folder / "reports" / "example.sqlite")


def test_open_recent_never_lists_a_demo_copy(temp_folder, qapp, tmp_path):
    from safer_desk.ui import settings

    own = str(tmp_path / "office.sqlite")
    settings.write("files/recent", [str(temp_folder / "safer-desk-demo-old" / "example.sqlite")])  # an older version's
    with copies.example_copy() as demo:
        assert settings.add_recent_file(str(demo)) == []
    assert settings.add_recent_file(own) == [own]
    assert settings.read_list("files/recent") == [own]


def test_the_window_on_a_demo_copy_leaves_open_recent_alone(temp_folder, window, tmp_path):
    from safer_desk.ui import settings

    with copies.example_copy() as demo:
        assert window.open_path(demo)
        window.session.close()
    assert settings.read_list("files/recent") == []


def test_a_build_that_straddles_a_seconds_tick_writes_the_same_rows(tmp_path, monkeypatch):
    """Found in a full test run: an updated_at moved on by a second's tick became an extra audit entry."""
    from datetime import datetime as real_datetime
    from datetime import timedelta, timezone

    from safer_desk.domain import clock
    from safer_desk.services.demo import build_demo

    steady = build_demo(tmp_path / "steady.sqlite")

    class Ticking(real_datetime):
        calls = 0

        @classmethod
        def now(cls, tz=None):
            cls.calls += 1
            return real_datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc) + timedelta(seconds=cls.calls)

    monkeypatch.setattr(clock, "datetime", Ticking)
    ticking = build_demo(tmp_path / "ticking.sqlite")
    assert table_contents(ticking) == table_contents(steady)
    assert clock.now_iso() != clock.now_iso()  # outside the build the clock moves on
