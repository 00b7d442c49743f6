"""SIGTERM (a logout, a shutdown, `kill`) in the middle of a writing command, session 75: it ends the command as
Ctrl+C does, with the change rolled back and the lock let go, and says so: "stopped (the system asked it to end);
nothing was changed", exit 143 (128 + 15). Before, the command ended silently (killed by the signal), leaving a
journal and a lock for the next open to clear up.

The command runs in a process of its own and is sent a real SIGTERM once it prints that it is inside its
transaction (a line it is made to print there); nothing is timed."""

from __future__ import annotations

import hashlib
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.safety.helpers import REPO, _child_env

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32",
                                reason="POSIX SIGTERM (Windows sends no SIGTERM to a console program)")

MARKER = "inside the transaction"

# The audit trail's SQLite function runs inside the command's transaction: there the command says so and waits
# for its input, which never comes; the SIGTERM arrives while it waits.
STOPPED_INSIDE = f"""
import sys
from safer_desk.storage import audit
real = audit._chain
def chain(*fields):
    if not getattr(chain, "done", False):
        chain.done = True
        print({MARKER!r}, file=sys.stderr, flush=True)
        sys.stdin.readline()
    return real(*fields)
audit._chain = chain
from safer_desk import cli
sys.exit(cli.main(sys.argv[1:]))
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stopped_mid_write(demo_path: Path, home, signum: int, prelude: str = "") -> tuple[int, str]:
    """The awards command run in a process of its own and sent ``signum`` once inside its transaction: its exit
    code and what it said on stderr."""
    argv = ["awards", str(demo_path), "--add", "Grant stopped", "--funder", "OPCC", "--year", "2017/18=£1,000"]
    child = subprocess.Popen([sys.executable, "-c", prelude + STOPPED_INSIDE, *argv], cwd=REPO,
                             env=_child_env(home), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        seen = []
        for line in child.stderr:  # until the marker: the command is then inside its transaction
            seen.append(line)
            if MARKER in line:
                break
        assert seen and MARKER in seen[-1], "".join(seen)
        child.send_signal(signum)
        _, err = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    return child.returncode, err


@pytest.mark.parametrize(("name", "code", "why"), [
    ("SIGTERM", 143, "the system asked it to end"),
    ("SIGHUP", 129, "its terminal was closed")])  # session 76: SIGHUP (a terminal closed) still ended it silently
def test_sigterm_mid_write_rolls_back_lets_go_of_the_lock_and_says_so(demo_path, private_home, name, code, why):
    before = digest(demo_path)
    returncode, err = stopped_mid_write(demo_path, private_home, getattr(signal, name))
    assert returncode == code, (returncode, err)
    assert err == f"safer-desk: stopped ({why}); nothing was changed.\n"
    assert "Traceback" not in err
    assert not demo_path.with_name(demo_path.name + ".lock").exists()
    assert not demo_path.with_name(demo_path.name + "-journal").exists()
    conn = sqlite3.connect(demo_path)
    try:
        assert conn.execute("SELECT count(*) FROM funding_awards WHERE name = 'Grant stopped'").fetchone() == (0,)
    finally:
        conn.close()
    assert digest(demo_path) == before


def test_ctrl_break_on_windows_takes_the_same_path(demo_path, private_home):
    """Session 76: Windows' Ctrl+Break (SIGBREAK, a console's other interrupt key) killed a command silently. The
    Windows branch is forced here: SIGBREAK is given SIGUSR1's number before the command starts."""
    before = digest(demo_path)
    returncode, err = stopped_mid_write(demo_path, private_home, signal.SIGUSR1,
                                        prelude="import signal\nsignal.SIGBREAK = signal.SIGUSR1\n")
    assert returncode == 128 + signal.SIGUSR1, (returncode, err)
    assert err == "safer-desk: stopped (Ctrl+Break); nothing was changed.\n"
    assert not demo_path.with_name(demo_path.name + ".lock").exists()
    assert digest(demo_path) == before


def test_sigterm_ignored_or_handled_by_the_caller_is_left_so():
    # A command started under a handler of its caller's (or with SIGTERM ignored) keeps it, as Ctrl+C does.
    from safer_desk import cli

    previous = signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        replaced = cli._note_ctrl_c()
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
        if replaced:
            assert signal.SIGTERM not in replaced
            cli._restore_ctrl_c(replaced)
    finally:
        signal.signal(signal.SIGTERM, previous)
