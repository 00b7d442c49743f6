"""First run and file handling, round 25: a remembered window size Qt cannot bring back (the laptop undocked,
settings damaged), the example copy's neighbours, a full disk when the example is copied, and the start page's
"Set Your Districts and Partnerships…" on a new file, and Open Recent on a folder no longer readable.
"""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QDialog, QMainWindow

from safer_desk.presenters.start import Step
from safer_desk.services import example_copy as copies
from safer_desk.ui import settings


def first_start_size(qtbot):
    from safer_desk.ui.main_window import MainWindow

    w = MainWindow()
    w.persist_state = False
    qtbot.addWidget(w)
    size = w.size()
    w.session.close()
    return size


def geometry_from_another_screen(qtbot) -> QByteArray:
    """What Qt saved for a window on a 2560-pixel-wide monitor (the office's dock): a window's saved geometry
    with the screen width it records changed (Qt refuses to bring one back to a screen of another width)."""
    probe = QMainWindow()
    qtbot.addWidget(probe)
    probe.show()
    probe.move(50, 50)
    probe.resize(700, 600)
    saved = bytes(probe.saveGeometry())
    # magic 4, version 2+2, frame and normal rect 16+16, screen number 4, maximised 1, full screen 1: the width
    return QByteArray(saved[:46] + (2560).to_bytes(4, "big") + saved[50:])


@pytest.mark.parametrize("saved", ["another screen", "damaged"])
def test_a_remembered_size_qt_cannot_bring_back_gives_the_first_start_size(qtbot, saved):
    """Undocked: the window was last closed on the office monitor; Qt's restoreGeometry refuses that geometry
    (returns False, changes nothing), and the window opened at its least size (800×500) in the corner instead of
    the first start's size. A settings file damaged or written by something else did the same."""
    expected = first_start_size(qtbot)
    assert expected.height() > 500  # the first start's size on this 800×800 test screen: 800×760
    geometry = geometry_from_another_screen(qtbot) if saved == "another screen" else QByteArray(b"\x01\xd9garbage")
    settings.write("window/geometry", geometry)
    assert first_start_size(qtbot) == expected


@pytest.fixture
def temp_folder(tmp_path, monkeypatch):
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_a_copy_of_the_example_is_not_suggested_inside_the_folder_that_goes(window, store, temp_folder, qtbot,
                                                                          monkeypatch):
    """Look Around the Example, then File > Save a Copy…: the name offered was "example copy.sqlite" in the
    example's own temporary folder, removed with everything in it when the window closes; Save kept it there and
    the officer's copy was gone after closing."""
    from safer_desk.ui import prompts as prompt_module

    window.set_store(store)
    window.show()
    qtbot.mouseClick(window.start_banner.button(Step.EXAMPLE), Qt.MouseButton.LeftButton)
    example = window.session.store.path
    offered = []
    monkeypatch.setattr(prompt_module, "save_file_name",
                        lambda parent, caption, file_filter, suggested="", **options: offered.append(suggested)
                        or suggested)
    window.save_copy()
    assert offered and Path(offered[0]).parent != example.parent
    window.close()


def test_a_full_disk_when_the_example_is_copied_says_so_and_names_no_file_of_the_officer(
        window, store, temp_folder, prompts, qtbot, monkeypatch):
    """The temporary folder's disk is full: the exception went to the window's error reporter, whose words said
    the officer's own file "could not be written … your last change was not saved"."""
    def full(target):
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(copies, "copy_example", full)
    window.set_store(store)
    assert window.open_example() is False
    assert window.session.store is store
    assert prompts.errors and "example" in prompts.errors[0][1].lower()
    assert store.path.name not in prompts.errors[0][1]
    assert list(temp_folder.iterdir()) == []  # no half-made copy left


def test_set_your_districts_on_a_new_file_opens_office_details(window, tmp_path, qtbot):
    """A new file's "Set Your Districts and Partners…" opened View > Districts, Partnerships and Partners… on an
    empty Districts tab asking for a name and an ONS code; districts typed there leave the office unnamed (the
    Indicators tab still lists no area of its own). Office Details… ticks them from every district, by county."""
    assert window.open_path(tmp_path / "new office.sqlite", create=True)
    window.show()
    qtbot.mouseClick(window.start_banner.button(Step.PLACES), Qt.MouseButton.LeftButton)
    shown = [d for d in window.findChildren(QDialog) if d.isVisible()]
    assert [d.windowTitle() for d in shown] == ["Office Details"]


def test_open_recent_on_a_folder_no_longer_readable_says_why_it_cannot_be_opened(window, tmp_path, prompts,
                                                                                monkeypatch):
    """Open Recent on a file in a folder this user may no longer read: Path.exists() raised PermissionError (Python
    3.11) and the window's error reporter said the file "could not be written"."""
    gone = tmp_path / "shared" / "office.sqlite"

    def refused(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "exists", refused)
    opened = []
    monkeypatch.setattr(window, "open_path", lambda path, **kw: opened.append(path) or False)
    assert window.open_recent(str(gone)) is False
    assert opened == [gone]  # open_path, which says why the file cannot be opened
