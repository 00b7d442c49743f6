"""Files dropped on the real window: a Safer Desk file opens (asking first about unsaved edits, as File > Open
does), police.uk files import off the GUI thread, anything else is refused saying what can be dropped."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication


def mime_of(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drop(window, mime: QMimeData) -> bool:
    """Drag over the middle of the window and drop there, as a file manager does; True when it was accepted."""
    at = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(at.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(at, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def test_a_safer_desk_file_dropped_on_the_window_opens(demo_window, tmp_path, qtbot):
    other = tmp_path / "other office.sqlite"
    shutil.copyfile(demo_window.session.store.path, other)
    assert demo_window.acceptDrops()
    assert drop(demo_window, mime_of(other))
    qtbot.waitUntil(lambda: demo_window.session.store is not None and demo_window.session.store.path == other)


def test_text_or_a_link_is_not_taken_as_a_file(demo_window):
    mime = QMimeData()
    mime.setText("Suffolk Strive")
    assert not drop(demo_window, mime)
    link = QMimeData()
    link.setUrls([QUrl("https://data.police.uk/data/")])
    assert not drop(demo_window, link)


def test_something_else_dropped_is_refused_in_words_and_nothing_changes(demo_window, tmp_path, prompts, qtbot):
    letter = tmp_path / "letter.docx"
    letter.write_bytes(b"PK")
    path = demo_window.session.store.path
    assert drop(demo_window, mime_of(letter))
    qtbot.waitUntil(lambda: bool(prompts.errors))
    title, text = prompts.errors[-1]
    assert "letter.docx is neither a Safer Desk file nor police.uk data" in text and ".sqlite" in text
    assert demo_window.session.store.path == path


def test_police_files_dropped_are_imported(demo_window, prompts, qtbot):
    from tests.indicators.police_helpers import fixture

    store = demo_window.session.store
    held = "SELECT COUNT(*) FROM _police_counts WHERE force = 'Suffolk Constabulary' AND month = '2021-01'"
    assert store.scalar(held) == 0
    assert drop(demo_window, mime_of(fixture("suffolk-2021-01")))
    qtbot.waitUntil(lambda: bool(prompts.infos or prompts.errors), timeout=20000)
    assert not prompts.errors, prompts.errors
    assert prompts.infos[-1][0] == "Police data imported" and "2021-01" in prompts.infos[-1][1]
    assert store.scalar(held) > 0


def test_police_files_dropped_on_a_read_only_file_are_refused(window, demo_path, prompts, qtbot):
    from tests.indicators.police_helpers import fixture

    assert window.open_path(demo_path, read_only=True)
    assert drop(window, mime_of(fixture("suffolk-2021-01")))
    qtbot.waitUntil(lambda: bool(prompts.errors))
    assert "Open a file you can change first" in prompts.errors[-1][1]
