"""A file that goes away or changes under the open window (round 31): moved, renamed, deleted, its folder gone (a
network drive dropped, a USB stick pulled), or replaced by a colleague's copy while it is open.

Simulated on Linux, where a file open in a program can be deleted, renamed or replaced (Windows refuses those for a
file SQLite has open, but not a drive going away). The person is told in words on the next change, what they typed
stays on the screen, and the change is saved once the file is back where it was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys

import pytest
from PySide6.QtCore import Qt, QTimer

from safer_desk.storage import locking
from safer_desk.storage.safe_write import cause_of, is_write_error
from safer_desk.ui.kit import errors

pytestmark = pytest.mark.qt_no_exception_capture  # the window's own hook is what is tested


@pytest.fixture
def hook(monkeypatch, window):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    return errors.install(window.session)


@pytest.fixture
def drive(tmp_path, demo_master):
    """H:, a folder of its own holding the office file."""
    folder = tmp_path / "H"
    folder.mkdir()
    shutil.copyfile(demo_master, folder / "office.sqlite")
    return folder


def type_title(window, qtbot, title):
    page = window.show_tab("projects").register
    page.view.selectRow(0)
    w = page.editor.widgets
    w["title"].selectAll()
    qtbot.keyClicks(w["title"], title)
    return page


def save(page, qtbot):
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)


def titles(path):
    with sqlite3.connect(path) as conn:
        return {row[0] for row in conn.execute("SELECT title FROM projects")}


GONE = {
    "renamed": lambda f: f.rename(f.with_name("office (old).sqlite")),
    "deleted": lambda f: f.unlink(),
    "folder gone": lambda f: f.parent.rename(f.parent.with_name("H-dropped")),
}
BACK = {
    "renamed": lambda f: f.with_name("office (old).sqlite").rename(f),
    "folder gone": lambda f: f.parent.with_name("H-dropped").rename(f.parent),
}


def test_the_words_for_a_file_moved_while_open_say_so():
    """SQLite's "attempt to write a readonly database" for a file moved from under its connection is a refused
    write, said as what happened (it was "an error it did not expect … tell whoever looks after Safer Desk")."""
    exc = sqlite3.OperationalError("attempt to write a readonly database")
    exc.sqlite_errorname = "SQLITE_READONLY_DBMOVED"
    assert is_write_error(exc)
    assert "moved, renamed or deleted" in cause_of(exc)[1]


@pytest.mark.parametrize("how", GONE)
def test_a_change_to_a_file_gone_from_under_the_window_is_said_in_words(window, hook, prompts, qtbot, drive, how):
    office = drive / "office.sqlite"
    assert window.open_path(office)
    page = type_title(window, qtbot, "Typed while the drive was away")
    GONE[how](office)
    save(page, qtbot)
    [(title, text)] = prompts.errors
    assert title == "Change not saved"
    assert text.startswith("office.sqlite could not be written: it is no longer where it was opened")
    assert "did not expect" not in text
    assert page.editor.widgets["title"].text() == "Typed while the drive was away" and page.editor.presenter.is_dirty
    if how in BACK:  # put back (renamed back, the drive connected again): the same Save saves
        BACK[how](office)
        save(page, qtbot)
        assert len(prompts.errors) == 1 and not page.editor.presenter.is_dirty
        window.session.close()
        assert "Typed while the drive was away" in titles(office)


@pytest.mark.parametrize("how", ["deleted", "renamed"])
def test_an_open_lock_says_whether_its_path_still_names_the_file_it_locked(tmp_path, how):
    office = tmp_path / "office.sqlite"
    office.write_bytes(b"x")
    lock = locking.OfficeLock(office)
    lock.acquire()
    try:
        with open(office, "rb"):  # held open as SQLite holds it, so its inode is not given to the next file made
            _check_while_gone(lock, office, how)
    finally:
        lock.release()
    assert not locking.lock_path(office).exists()


def _check_while_gone(lock, office, how):
    """What the lock says before, while and after the file is gone from its name."""
    lock.check_still_there()  # as opened: nothing said
    GONE[how](office)
    with pytest.raises(locking.FileMoved) as gone:
        lock.check_still_there()
    assert is_write_error(gone.value)
    assert cause_of(gone.value)[1].startswith("it is no longer where it was opened")
    assert str(gone.value).startswith("office.sqlite is no longer where it was opened")
    if how in BACK:
        BACK[how](office)
        lock.check_still_there()
    else:  # another file now has the name (a colleague's copy): not the one this window has open
        office.write_bytes(b"y")
        with pytest.raises(locking.FileMoved):
            lock.check_still_there()


@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_a_save_after_the_first_to_a_file_gone_from_under_the_window_is_not_said_as_saved(
        window, hook, prompts, qtbot, drive, tmp_path, demo_master, how):
    """After the window's first save the file is in WAL mode, where SQLite no longer sees that the file it writes
    to has been deleted or replaced: every later Save "succeeded" into a file no longer on disk, and was lost when
    the window closed, without a word."""
    office = drive / "office.sqlite"
    assert window.open_path(office)
    page = type_title(window, qtbot, "First save")
    save(page, qtbot)
    assert not prompts.errors
    if how == "deleted":
        office.unlink()
    else:  # a colleague's copy put in its place
        shutil.copyfile(demo_master, tmp_path / "colleague.sqlite")
        os.replace(tmp_path / "colleague.sqlite", office)
    page = type_title(window, qtbot, "Second save")
    save(page, qtbot)
    [(title, text)] = prompts.errors
    assert title == "Change not saved" and "no longer where it was opened" in text
    assert page.editor.presenter.is_dirty and page.editor.widgets["title"].text() == "Second save"


def test_closing_the_window_when_the_save_asked_for_is_refused_keeps_it_open(window, hook, prompts, qtbot, drive):
    """Closing with unsaved edits, Save chosen, and the file gone (or the disk full): the save is refused and said,
    and the window stays open with what was typed (it closed, and the typing was lost)."""
    office = drive / "office.sqlite"
    assert window.open_path(office)
    window.show()
    page = type_title(window, qtbot, "Typed before closing")
    office.unlink()
    prompts.unsaved_answers.append("save")
    QTimer.singleShot(0, window.close)  # as the title bar's close button: through the event loop
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=3000)  # the refusal said
    assert prompts.unsaved_questions
    [(title, _text)] = prompts.errors
    assert title == "Change not saved"
    assert window.isVisible() and window.session.store is not None
    assert page.editor.widgets["title"].text() == "Typed before closing"



@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_save_a_copy_of_a_file_gone_from_under_the_window_is_not_said_as_saved(window, hook, prompts, qtbot, drive,
                                                                               tmp_path, demo_master, how):
    """Save a Copy reads through a new connection to the path: for a deleted file it made an empty office.sqlite on
    the drive and copied that (no tables), for a replaced one it copied the colleague's file, each "Copy saved".
    Since session 74 the copy is of the file as the window holds it (its own connection), said so: the window's
    file is kept, never the one now at that name."""
    office = drive / "office.sqlite"
    assert window.open_path(office)
    if how == "deleted":
        office.unlink()
    else:  # a colleague's copy put in its place
        shutil.copyfile(demo_master, tmp_path / "colleague.sqlite")
        os.replace(tmp_path / "colleague.sqlite", office)
    kept = tmp_path / "kept.sqlite"
    prompts.file_names.append(str(kept))
    window.save_copy()
    assert prompts.errors == []
    said = window.statusBar().currentMessage()
    assert said.startswith("Copy saved") and "office.sqlite is no longer where it was opened" in said
    assert titles(kept) == titles(demo_master)  # the window's file (tests/foundation/test_file_menu_s74.py tells
    # it from another copy put in its place)
    assert (how == "replaced") == office.exists()  # no empty file made where the deleted one was


def test_the_words_for_a_refused_write_give_the_disk_example_only_where_space_is_the_cause():
    import errno

    from safer_desk.storage.locking import FileMoved
    from safer_desk.ui.kit.errors import words_for

    _, moved = words_for(FileMoved("/h/office.sqlite"), "office.sqlite")
    assert "no longer where it was opened" in moved and "free some space" not in moved
    _, full = words_for(OSError(errno.ENOSPC, "No space left on device"), "office.sqlite")
    assert "the disk is full" in full and "free some space on the disk" in full
