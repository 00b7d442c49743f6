"""Session 55: the test suite run by a user whose open-file limit is 1,024 (a CI runner's, where root's here is
20,000) failed by the hundred with "Too many open files". Each test has its own data folder, so each started a
working session (storage.leftovers) whose lock stays open until the process exits: one file a test. The program
itself has one data folder a run, but a session whose folder went (a cleaner, the user) was replaced keeping the
old one's lock open too, and every session started after the last ended registered another exit handler."""

from __future__ import annotations

import atexit
import os
import shutil

import pytest

from safer_desk.storage import leftovers


def open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts open files in Linux's /proc")


def test_ending_the_sessions_closes_their_locks(tmp_path, monkeypatch):
    leftovers.end_sessions()
    before = open_files()
    for n in range(30):
        monkeypatch.setenv("SAFER_DESK_HOME", str(tmp_path / f"home{n}"))
        leftovers.current_session()
        leftovers.end_sessions()
    assert open_files() == before
    assert leftovers.current_session_id() is None


def test_a_session_whose_folder_went_is_replaced_without_keeping_its_lock(tmp_path, monkeypatch):
    monkeypatch.setenv("SAFER_DESK_HOME", str(tmp_path / "home"))
    leftovers.end_sessions()
    first = leftovers.current_session()
    opened = open_files()
    for _ in range(10):
        shutil.rmtree(leftovers.current_session().folder)
        assert leftovers.current_session().id != first.id
    assert open_files() == opened
    assert [p.name for p in leftovers.work_root().glob("*.lock")] == [f"{leftovers.current_session_id()}.lock"]
    leftovers.end_sessions()


def test_the_exit_handler_is_registered_once(tmp_path, monkeypatch):
    registered = []
    monkeypatch.setattr(atexit, "register", lambda fn, *a, **k: registered.append(fn))
    for n in range(5):
        monkeypatch.setenv("SAFER_DESK_HOME", str(tmp_path / f"home{n}"))
        leftovers.current_session()
        leftovers.end_sessions()
    assert len(registered) <= 1


def test_a_tests_own_data_folder_stays_after_its_monkeypatch_is_undone(tmp_path, monkeypatch):
    """monkeypatch.undo() took away the data folder the test set-up gives each test (tests/conftest.py)."""
    monkeypatch.setattr(os, "sep", os.sep)
    monkeypatch.undo()
    assert os.environ["SAFER_DESK_HOME"] == str(tmp_path / "home")
