"""S71 (privacy4): an export with individual referrals, its program killed (a real SIGKILL, the task manager) while
the export is being written, leaves no copy of them that anyone but the officer can read, and the next start of
Safer Desk, ``safer-desk check`` included, removes the copy it did leave.

The export is built in memory and written straight into its one temporary file beside the target, which is moved
into place when whole: there is no other file. But that temporary file, made owner-only, was given the target's
ordinary mode (rw-r--r--) once it was whole and flushed, before it was moved into place: killed then, the
victim-level export was left readable by every user of the computer (or of the shared folder) until the next start.
The mode is now given once the file is in place; until then it stays owner-only.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from safer_desk.storage.leftovers import TEMP_PATTERN
from tests.safety.helpers import REPO, _child_env, run_cli, victim_data_in

# The child runs the real command; at the boundary named it says so and waits (for ever) for the kill.
CHILD = """
import sys
from safer_desk import faults
from safer_desk.cli import main

real = faults.boundary


def boundary(name):
    real(name)
    if name == sys.argv[1]:
        print("AT " + name, flush=True)
        sys.stdin.read()  # until killed


faults.boundary = boundary
sys.exit(main(sys.argv[2:]))
"""


def _killed_at(boundary: str, argv: list[str], home: Path) -> None:
    """Run ``safer-desk ARGV`` in a child process and kill it (SIGKILL) once it reaches ``boundary``."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, boundary, *argv], cwd=REPO, env=_child_env(home),
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        said = child.stdout.readline()
        assert said.strip() == f"AT {boundary}", (said, child.stderr.read() if child.poll() is not None else "")
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=60) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdin.close()
        child.stdout.close()
        child.stderr.close()


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes and SIGKILL")
@pytest.mark.parametrize(("boundary", "name"), [("export:temp-written", "county.sqlite"),
                                                ("export:before-replace", "county.sqlite"),
                                                ("workbook:before-replace", "county.xlsx")])
def test_a_killed_export_with_referrals_leaves_only_an_owner_only_copy_and_the_next_start_removes_it(
        boundary, name, tmp_path, private_home, demo_master):
    office = tmp_path / "office" / "office.sqlite"
    office.parent.mkdir()
    shutil.copyfile(demo_master, office)
    out = tmp_path / "out"
    out.mkdir()
    target = out / name

    _killed_at(boundary, ["export", str(office), str(target), "--include-referrals"], private_home)

    assert not target.exists()
    left = [p for p in out.iterdir() if TEMP_PATTERN.match(p.name)]
    assert left and victim_data_in([out]), left  # the referrals
    for path in left:  # no one but the officer can read it
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, (path.name, oct(path.stat().st_mode))
    assert [p for p in out.iterdir() if p not in left] == []  # and no other file

    # The next start, here `safer-desk check` of the office file, removes it.
    result = run_cli(["check", str(office)], home=private_home)
    assert result.returncode == 0, result.stderr
    assert list(out.iterdir()) == []
    assert victim_data_in([out, private_home], allowed=[]) == []


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_an_export_written_whole_has_the_folders_ordinary_mode(tmp_path, private_home, demo_master):
    """The mode given once the file is in place: an export the county reads from a shared folder is as readable
    as any file made there (an export replacing another keeps that one's mode)."""
    office = tmp_path / "office.sqlite"
    shutil.copyfile(demo_master, office)
    target = tmp_path / "county.sqlite"
    assert run_cli(["export", str(office), str(target)], home=private_home).returncode == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    target.chmod(0o640)
    assert run_cli(["export", str(office), str(target), "--replace"], home=private_home).returncode == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
