"""A write the disk refuses half-way never leaves a half-written file with its journal beside it (round 23).

The first change of a session is written with SQLite's rollback journal (the switch to WAL comes after it). When
the disk fills while COMMIT writes the file, SQLite has written some pages and keeps the journal ("hot") for the
next opener to play back; the command line said "Nothing was changed" while the file, copied or attached alone,
was damaged. The store now plays the journal back at once on the same connection.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from tests.safety.helpers import logical_state, run_python

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX only")

# The disk refuses to write past a point inside the file (RLIMIT_FSIZE, as the tester's `ulimit -f`): the commit
# writes the changed pages below it, fails on the first above it, and SQLite's own rollback (which writes those pages
# back) fails too, so the journal stays. The refusal's signal (SIGXFSZ) lifts the limit, as room made on the disk a
# moment later would, before any Python code runs after the failed statement.
_REFUSED_COMMIT = """
import resource, signal, sys
from safer_desk.storage.store import open_store
store = open_store({path!r})
signal.signal(signal.SIGXFSZ, lambda *_: resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY,) * 2))
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, resource.RLIM_INFINITY))
try:
    with store.transaction():
        store.conn.execute("UPDATE projects SET description = coalesce(description, '') || ?", ("x" * 3000,))
except Exception as exc:
    print("refused:", type(exc).__name__, exc)
else:
    print("committed")
import os
print("beside:", sorted(os.listdir(os.path.dirname({path!r}))))
os._exit(0)  # no close, no further read: what was on disk when the command said "Nothing was changed"
"""


def _alone(path: Path, scratch: Path) -> Path:
    """A copy of the file by itself (as an email attachment or a copy to a stick would be)."""
    scratch.mkdir(exist_ok=True)
    copy = scratch / "alone.sqlite"
    shutil.copyfile(path, copy)
    return copy


def test_a_commit_the_disk_refuses_leaves_the_file_whole_with_nothing_beside_it(demo_path, private_home, tmp_path):
    before = logical_state(demo_path, tmp_path / "before")
    code = _REFUSED_COMMIT.format(path=str(demo_path), limit=demo_path.stat().st_size - 96 * 1024)
    result = run_python(code, home=private_home)
    assert "refused:" in result.stdout, result.stdout + result.stderr
    assert "refused: OperationalError disk I/O error" in result.stdout  # the original error, not a later one
    assert f"'{demo_path.name}-journal'" not in result.stdout  # played back at once, not left for the next opener
    assert not Path(f"{demo_path}-journal").exists()
    alone = _alone(demo_path, tmp_path / "alone")
    with sqlite3.connect(f"file:{alone}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert logical_state(alone, tmp_path / "after") == before


def _interrupted(path: Path, home: Path) -> Path:
    """path with a write interrupted half-way left on disk: its hot journal beside it (the disk still refusing,
    and the program gone before it could play the journal back)."""
    code = _REFUSED_COMMIT.format(path=str(path), limit=path.stat().st_size - 96 * 1024).replace(
        "signal.signal(signal.SIGXFSZ", "signal.signal(signal.SIGXFSZ, signal.SIG_IGN) or (signal.SIGXFSZ")
    result = run_python(code, home=home)
    assert Path(f"{path}-journal").exists(), result.stdout + result.stderr
    return path


def test_check_finishes_an_interrupted_write_and_never_calls_the_file_damaged(demo_path, private_home, tmp_path):
    from tests.safety.helpers import run_cli

    before = logical_state(demo_path, tmp_path / "before")
    _interrupted(demo_path, private_home)
    result = run_cli(["check", str(demo_path)], home=private_home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "damaged" not in result.stdout + result.stderr and "All checks passed." in result.stdout
    assert "interrupted" in result.stdout  # said, not silently mended
    assert not Path(f"{demo_path}-journal").exists()
    assert logical_state(_alone(demo_path, tmp_path / "alone"), tmp_path / "after") == before


def test_check_of_an_interrupted_file_it_may_not_write_says_how_it_is_finished(demo_path, private_home, monkeypatch):
    from safer_desk.services.integrity import check_file
    from safer_desk.storage import store

    _interrupted(demo_path, private_home)
    monkeypatch.setattr(store.os, "access", lambda *a, **k: False)  # read-only on disk (root writes regardless)
    report = check_file(demo_path)
    text = "\n".join(report.lines())
    assert not report.ok and "damaged" not in text, text
    assert "interrupted" in text and "opened for writing" in text, text
    assert Path(f"{demo_path}-journal").exists()  # nothing written


def _flipped(demo_path: Path) -> Path:
    """The example file with a damaged page: 13 bytes of an audit entry's recorded values turned over (XOR 0xFF), as
    the tester's flip at offset 2,100,000 did (where that falls differs with each example file made)."""
    data = bytearray(demo_path.read_bytes())
    at = data.index(b'{"id":"pv:indicator:') + 20
    for i in range(at, at + 13):
        data[i] ^= 0xFF
    demo_path.write_bytes(bytes(data))
    return demo_path


def test_check_reports_a_damaged_page_and_where_to_restore(demo_path, private_home):
    from tests.safety.helpers import run_cli

    result = run_cli(["check", str(_flipped(demo_path))], home=private_home)
    assert result.returncode != 0
    assert "damaged" in result.stderr, result.stdout + result.stderr
    assert "backups folder" in result.stderr and "ask IT" in result.stderr
    assert "decode" not in result.stdout + result.stderr and "Traceback" not in result.stderr
    assert "pv:indicator" not in result.stdout + result.stderr  # the trail's content is not quoted
    assert "Something is wrong" in result.stderr


def test_a_command_meeting_a_page_it_cannot_decode_says_the_file_is_damaged(demo_path, private_home, tmp_path):
    from tests.safety.helpers import run_cli
    from safer_desk.cli import _describe_failure

    line = _describe_failure(sqlite3.OperationalError(
        "Could not decode to UTF-8 column 'new_value' with text '{\"name\": \"x\"}'"), None)
    assert "damaged" in line and "may be full" not in line and "new_value" not in line, line
    result = run_cli(["export", str(_flipped(demo_path)), str(tmp_path / "x.xlsx")], home=private_home)
    assert result.returncode == 1
    assert "damaged" in result.stderr and "backups folder" in result.stderr, result.stderr
    assert "may be full" not in result.stderr and "new_value" not in result.stderr
