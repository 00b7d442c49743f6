"""Issue 12, no leftovers: our temporary files are recognisable by name, a killed run's are removed at the
next start (never a living run's, never anyone else's), the private workspace is private, and nothing of an
export is staged in the system's temporary folder."""

from __future__ import annotations

import os
import sqlite3
import stat
import tempfile
import time
from pathlib import Path

import pytest

from safer_desk.storage import leftovers
from safer_desk.storage.leftovers import LEGACY_AGE_S, TEMP_PATTERN, private_workspace, remove_leftovers


def _sqlite_file(path: Path) -> Path:
    conn = sqlite3.connect(str(path))
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return path


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_temporary_names_are_ours_and_say_whose_run_they_belong_to(tmp_path):
    tmp = leftovers.new_temp_path(tmp_path / "county export.sqlite")
    match = TEMP_PATTERN.match(tmp.name)
    assert match and match.group("target") == "county export.sqlite"
    assert match.group("session") == leftovers.current_session_id()
    assert tmp.parent == tmp_path
    leftovers.forget(tmp)


def test_what_earlier_versions_left_is_removed_when_old_and_only_then(tmp_path):
    old_part = _sqlite_file(tmp_path / ".office.sqlite.k2j4_x9a.part")
    old_journal = tmp_path / ".office.sqlite.k2j4_x9a.part-journal"
    old_journal.write_bytes(b"journal")
    building = _sqlite_file(tmp_path / "example.sqlite.building")
    fresh = _sqlite_file(tmp_path / ".other.sqlite.abcdefgh.part")  # could be a living old version's
    not_sqlite = tmp_path / ".notes.txt.abcdefgh.part"  # someone else's download, say
    not_sqlite.write_bytes(b"not ours")
    office = _sqlite_file(tmp_path / "office.sqlite")
    for path in (old_part, old_journal, building, not_sqlite, office):
        _age(path, LEGACY_AGE_S + 60)
    result = remove_leftovers([tmp_path])
    assert sorted(p.name for p in result.removed) == sorted([old_part.name, old_journal.name, building.name])
    assert fresh.exists() and not_sqlite.exists() and office.exists()


def test_an_old_versions_unminimised_export_in_the_system_temp_folder_is_removed(tmp_path, monkeypatch):
    systmp = tmp_path / "systmp"
    systmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(systmp))
    staged = systmp / "safer-desk-export-ab12cd34"
    staged.mkdir()
    _sqlite_file(staged / ".export.sqlite.x1y2z3w4.part")
    _age(staged, LEGACY_AGE_S + 60)
    other = systmp / "safer-desk-export-notours1"
    other.mkdir()
    (other / "holiday.jpg").write_bytes(b"x")
    _age(other, LEGACY_AGE_S + 60)
    remove_leftovers(system_temp=True)
    assert not staged.exists() and other.exists()


def test_the_private_workspace_is_the_users_own_and_goes_afterwards(private_home):
    with private_workspace() as folder:
        assert private_home in folder.parents
        (folder / "working.sqlite").write_bytes(b"x")
        if os.name == "posix":
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700
            assert stat.S_IMODE(folder.parent.stat().st_mode) == 0o700
    assert not folder.exists()


@pytest.mark.parametrize("suffix", [".sqlite", ".xlsx"])
def test_an_export_stages_nothing_in_the_system_temp_folder(demo_store, tmp_path, monkeypatch, suffix):
    from safer_desk.exchange import signing
    from safer_desk.services.county import export_for_county

    signing.officer_key()  # the officer's key is made once, in the user's own keys folder: not staging
    systmp = tmp_path / "systmp"
    systmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(systmp))
    seen = []
    real_mkstemp, real_mkdtemp = tempfile.mkstemp, tempfile.mkdtemp
    monkeypatch.setattr(tempfile, "mkstemp", lambda *a, **k: seen.append(("mkstemp", a, k)) or real_mkstemp(*a, **k))
    monkeypatch.setattr(tempfile, "mkdtemp", lambda *a, **k: seen.append(("mkdtemp", a, k)) or real_mkdtemp(*a, **k))
    out = tmp_path / "out" / f"county{suffix}"
    out.parent.mkdir()
    export_for_county(demo_store, out)
    assert out.exists() and list(systmp.iterdir()) == [] and seen == []
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]


def test_a_temporary_file_of_a_run_this_user_knows_nothing_of_is_left_for_a_day(tmp_path):
    """On a shared drive another colleague's export may be under way beside ours: its session is not in our
    data folder, so its temporary file is left alone unless it is a day old."""
    theirs = tmp_path / ".county.sqlite.sdtmp-0123456789ab-01234567.part"
    theirs.write_bytes(b"a colleague's export, still being written")
    stale = tmp_path / ".county.xlsx.sdtmp-ba9876543210-01234567.part"
    stale.write_bytes(b"from a run killed last week")
    _age(stale, leftovers.UNKNOWN_SESSION_AGE_S + 60)
    remove_leftovers([tmp_path])
    assert theirs.exists() and not stale.exists()
