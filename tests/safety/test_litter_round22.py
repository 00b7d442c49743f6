"""No litter, round 22: a killed `--demo` run's copy goes at the next start of any kind (never a copy a running
window has open), a SIGTERM before the window's handler leaves no copy, and a killed run leaves no empty `work`
folder behind once the next start has tidied."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX signals")


def example_copy_killed(tmp_path: Path) -> tuple[Path, Path]:
    """A run killed between making its example copy and opening it, with its own temporary folder: (that folder,
    the copy's folder left in it)."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    code = ("import os, signal\n"
            "from safer_desk.services.example_copy import example_copy\n"
            "with example_copy() as path:\n"
            "    os.kill(os.getpid(), signal.SIGKILL)\n")
    subprocess.run([sys.executable, "-c", code], env={**os.environ, "TMPDIR": str(temp)}, timeout=60)
    [left] = list(temp.iterdir())
    return temp, left


@pytest.fixture
def env(process_env):
    return process_env


def run(env, *args, **extra):
    return subprocess.run([sys.executable, "-m", "safer_desk", *args], env={**env, **extra}, capture_output=True,
                          text=True, timeout=120)


def start_demo(env) -> tuple[subprocess.Popen, Path]:
    """A `--demo` window, once it has its copy open (the copy's lock file is there)."""
    temp = Path(env["TMPDIR"])
    proc = subprocess.Popen([sys.executable, "-m", "safer_desk", "--demo"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        locks = list(temp.glob("safer-desk-demo-*/example.sqlite.lock"))
        if locks:
            return proc, locks[0].parent
        if proc.poll() is not None:
            pytest.fail(f"safer-desk --demo ended early: {proc.communicate()}")
        time.sleep(0.05)
    proc.kill()
    pytest.fail("the demo window never opened its file")


def killed_demo(env) -> Path:
    proc, folder = start_demo(env)
    proc.kill()
    proc.wait(timeout=30)
    assert folder.exists()  # SIGKILL: nothing could run
    return folder


@posix_only
@pytest.mark.parametrize("start", ["command", "own-file-window", "demo-at-once"])
def test_a_killed_demos_copy_goes_at_the_next_start_of_any_kind(env, tmp_path, start):
    folder = killed_demo(env)
    if start == "command":
        result = run(env, "demo", str(tmp_path / "x.sqlite"))
    elif start == "own-file-window":
        result = run(env, SAFER_DESK_CLOSE_AFTER_START="1")
    else:  # restarted straight after the kill, as someone restarting a hung window would
        result = run(env, "--demo", SAFER_DESK_CLOSE_AFTER_START="1")
    assert result.returncode == 0, result.stderr
    assert not folder.exists()
    assert list(Path(env["TMPDIR"]).iterdir()) == []


@posix_only
def test_a_copy_a_running_window_has_open_is_never_removed(env, tmp_path):
    proc, folder = start_demo(env)
    try:
        assert run(env, "demo", str(tmp_path / "x.sqlite")).returncode == 0
        assert run(env, "--demo", SAFER_DESK_CLOSE_AFTER_START="1").returncode == 0
        assert (folder / "example.sqlite").exists() and proc.poll() is None
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=60)
    assert not folder.exists()


@posix_only
def test_the_copy_of_a_run_killed_before_its_window_opened_it_goes_at_the_next_start(tmp_path, private_home,
                                                                                      monkeypatch):
    """Killed between making the copy and the window taking its lock: the run's session names the copy."""
    import tempfile

    from safer_desk.storage.leftovers import remove_leftovers, work_root

    temp, left = example_copy_killed(tmp_path)
    assert (left / "example.sqlite").exists()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    remove_leftovers()
    assert list(temp.iterdir()) == []
    assert not work_root().exists()


@posix_only
def test_sigterm_before_the_windows_handler_leaves_no_copy(tmp_path, monkeypatch):
    """A logout just after the start: SIGTERM arrives once the copy is made, before run_window installs its
    handler. The run ends (128 + SIGTERM) and the copy goes on the way out."""
    import tempfile

    import safer_desk.ui.app as app
    from safer_desk.cli import main

    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    made = []

    def logout(path, **kwargs):
        made.append(path.exists())
        signal.raise_signal(signal.SIGTERM)
        pytest.fail("the run went on after SIGTERM")

    monkeypatch.setattr(app, "run_window", logout)
    with pytest.raises(SystemExit) as ended:
        main(["--demo"])
    assert ended.value.code == 128 + signal.SIGTERM and made == [True]
    assert list(temp.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


@posix_only
def test_after_a_kill_the_next_start_leaves_no_empty_work_folder(private_home):
    from safer_desk.storage.leftovers import remove_leftovers, work_root

    code = ("import os, signal\n"
            "from pathlib import Path\n"
            "from safer_desk.storage import leftovers\n"
            "leftovers.new_temp_path(Path('office.sqlite'))\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n")
    subprocess.run([sys.executable, "-c", code], env=dict(os.environ), timeout=60)
    assert any(work_root().iterdir())  # the killed run's session
    result = remove_leftovers()
    assert result.sessions == 1
    assert not work_root().exists()
    assert list(private_home.iterdir()) == []
