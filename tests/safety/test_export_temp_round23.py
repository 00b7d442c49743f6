"""An export is minimised in memory: SQLite's own temporary files (VACUUM's copy, a big sort) are kept in memory too,
so nothing of the office's, referrals included when asked for, is ever written to the system's temporary folder
(the guide: "nothing is staged in the system's temporary folder"). Round 23: VACUUM wrote an etilqs_* file there."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from safer_desk.exchange.county_export import export_in_memory


def test_the_in_memory_export_keeps_sqlites_temporary_files_in_memory(demo_store, tmp_path):
    out, _ = export_in_memory(demo_store, tmp_path / "x.xlsx", sign=False)
    try:
        assert out.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    finally:
        out.close()


@pytest.mark.skipif(not shutil.which("strace"), reason="strace is not installed (apt-get install strace)")
@pytest.mark.parametrize("target", ["county.xlsx", "county.sqlite"])
def test_an_export_opens_no_file_in_the_temporary_folder(demo_path, process_env, tmp_path, target):
    temp = tmp_path / "sqlite-temp"
    temp.mkdir()
    env = {**process_env, "SQLITE_TMPDIR": str(temp), "TMPDIR": str(temp)}
    trace = tmp_path / "trace.txt"
    done = subprocess.run(["strace", "-f", "-e", "trace=open,openat", "-o", str(trace), sys.executable, "-m",
                           "safer_desk", "export", str(demo_path), str(tmp_path / target), "--include-referrals"],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    # SQLite's temporary files are named etilqs_*; Python's check that the folder can be written (a file made and
    # removed at once, nothing in it) and the look for leftovers of earlier runs are not the office's data
    opened = [line for line in trace.read_text(errors="replace").splitlines() if "etilqs" in line]
    assert opened == []


def test_every_connection_to_an_office_file_keeps_sqlites_temporary_files_in_memory(demo_path, tmp_path):
    """Not only the export's: a big sort or a temporary table of any command or screen (the History of Changes over a
    long trail, a merge, the referrals' listing) would otherwise spill the office's rows into the system's temporary
    folder, where nothing of the office's is kept (the guide)."""
    from safer_desk.services.files import open_office_file, reading_connection

    store = open_office_file(demo_path).store
    try:
        assert store.scalar("PRAGMA temp_store") == 2
        with reading_connection(store) as own:  # a worker thread's
            assert own.scalar("PRAGMA temp_store") == 2
    finally:
        store.close()
    looking = open_office_file(demo_path, read_only=True).store
    try:
        assert looking.scalar("PRAGMA temp_store") == 2
    finally:
        looking.close()
