"""A Save a Copy… (or an export) killed while it wrote into another folder left the copy's lock file there for good
(`copy.sqlite.lock` beside no copy): the next start removes what the killed run noted (its temporary file) wherever
it was, but looked for stale locks only in the folder of the file it opened. The lock beside a file the killed run
was making goes with its temporary file; never one a living run holds, nor one beside a file that is there."""

from __future__ import annotations

import os
import subprocess
import sys

from safer_desk.storage.leftovers import remove_leftovers
from safer_desk.storage.locking import OfficeLock

KILLED_WHILE_MAKING = """
import os, sys
from pathlib import Path
from safer_desk.storage.locking import OfficeLock
from safer_desk.storage.leftovers import new_temp_path
target = Path(sys.argv[1])
OfficeLock(target).acquire()
new_temp_path(target).write_bytes(b"SQLite format 3\\x00 half a copy")
os._exit(0)  # killed: no tidying runs
"""


def _killed_while_making(target):
    subprocess.run([sys.executable, "-c", KILLED_WHILE_MAKING, str(target)], check=True, env=dict(os.environ))


def test_a_killed_copys_lock_in_another_folder_goes_at_the_next_start(tmp_path):
    elsewhere = tmp_path / "shared drive"
    elsewhere.mkdir()
    _killed_while_making(elsewhere / "copy.sqlite")
    assert (elsewhere / "copy.sqlite.lock").exists()  # what the killed run left
    remove_leftovers([tmp_path / "office folder"])  # the file opened next is in another folder
    assert sorted(p.name for p in elsewhere.iterdir()) == []


def test_the_lock_stays_when_the_file_is_there_or_a_living_run_holds_it(tmp_path):
    elsewhere = tmp_path / "shared drive"
    elsewhere.mkdir()
    _killed_while_making(elsewhere / "made.sqlite")
    (elsewhere / "made.sqlite").write_bytes(b"")  # a file of that name there now: its lock is not ours to judge
    _killed_while_making(elsewhere / "held.sqlite")
    held = OfficeLock(elsewhere / "held.sqlite")
    held.acquire()  # another window making held.sqlite again
    try:
        remove_leftovers([])
        assert (elsewhere / "made.sqlite.lock").exists() and held.lock_file.exists()
        assert not [p for p in elsewhere.iterdir() if p.name.endswith(".part")]
    finally:
        held.release()
