"""A file held by a running command is said to be, not "open in another Safer Desk window" (session 53).

Seen: while `safer-desk import-police f.sqlite …` ran, `safer-desk office f.sqlite --name …` was refused with
"f.sqlite is already open for writing in another Safer Desk window (by process 586 …). Close it there (or make the
change in that window)": no window was open anywhere, and the county team's script had only to wait.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from safer_desk.services.demo import DemoError, replace_with_demo
from safer_desk.storage.locking import FileInUse, OfficeLock, hold_as_before, hold_as_command
from safer_desk.storage.store import FileLocked, open_store
from tests.cli_run import run

HOLD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from safer_desk.storage.locking import OfficeLock, hold_as_command
    hold_as_command("safer-desk import-police")
    lock = OfficeLock(Path(sys.argv[1]))
    lock.acquire()
    print("held", flush=True)
    sys.stdin.read()
    lock.release()
""")


@pytest.fixture
def held_by_a_command(demo_path):
    """The example, held by a `safer-desk import-police` run in another process (until the test ends)."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(demo_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        yield demo_path
    finally:
        holder.communicate("", timeout=30)


def test_a_command_refused_a_file_another_command_holds_is_told_to_wait(held_by_a_command, capsys):
    before = held_by_a_command.read_bytes()
    code, printed, err = run(capsys, "office", held_by_a_command, "--name", "Babergh office")
    assert code == 1 and printed == ""
    assert "is being written by another Safer Desk command (safer-desk import-police) (by process" in err
    assert "Wait for it to end, then run the command again. Nothing was changed." in err
    assert "window" not in err
    assert held_by_a_command.read_bytes() == before


def test_the_window_and_the_example_say_the_command_too(held_by_a_command):
    with pytest.raises(FileLocked, match="another Safer Desk command .safer-desk import-police.") as refused:
        open_store(held_by_a_command)
    assert refused.value.command and "It can be opened read-only." in str(refused.value)
    with pytest.raises(DemoError, match="open in another Safer Desk command .safer-desk import-police. .by process "
                                        r"\d+ on .*; wait for it to end\. Nothing was changed\."):
        replace_with_demo(held_by_a_command)


def test_a_window_holding_the_file_is_still_a_window_and_a_command_run_leaves_this_process_as_it_was(
        demo_path, capsys):
    before = hold_as_command(None)  # this process: a window
    try:
        code, _, _ = run(capsys, "office", demo_path)  # a command run in this process …
        assert code == 0
        lock = OfficeLock(demo_path)
        lock.acquire()  # … and after it, a lock taken here is the window's again
        try:
            with pytest.raises(FileInUse) as refused:
                OfficeLock(demo_path).acquire()
        finally:
            lock.release()
    finally:
        hold_as_before(before)
    assert not refused.value.command and "another Safer Desk window" in str(refused.value)
