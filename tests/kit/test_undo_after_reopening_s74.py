"""Edit > Undo after the file is closed and opened again (session 74, helper history).

A project renamed, the file closed and opened again: Edit > Undo was a greyed "Undo" with nothing said, and the
officer could not tell whether the rename had been lost or why it could not be taken back. The greyed Undo (and
Redo) now say, when pointed at, that only the changes made since the file was opened can be undone, and where the
earlier ones are listed (View > History of Changes).
"""

from __future__ import annotations

from tests.safety.test_window_write_failures import rename_first_project

NOTHING_SINCE = "Nothing to undo since the file was opened"


def test_undo_after_reopening_says_why_it_is_not_offered(demo_window, demo_path, qtbot):
    demo_window.resize(1280, 800)
    demo_window.show()
    assert NOTHING_SINCE in demo_window.undo_action.toolTip()  # just opened: nothing done yet
    assert "History of Changes" in demo_window.undo_action.toolTip()
    assert demo_window.edit_menu.toolTipsVisible()  # shown on the greyed item when pointed at
    rename_first_project(demo_window, qtbot, "Renamed")
    assert demo_window.undo_action.isEnabled()
    assert demo_window.undo_action.toolTip().startswith("Undo change title of ")  # as the item reads
    demo_window.session.close()
    assert demo_window.open_path(demo_path)
    assert not demo_window.undo_action.isEnabled() and demo_window.undo_action.text() == "&Undo"
    assert NOTHING_SINCE in demo_window.undo_action.toolTip()
    assert "Nothing to redo" in demo_window.redo_action.toolTip()


def test_the_greyed_undo_shows_its_words_when_pointed_at(demo_window, qtbot):
    """The words are on the Edit menu's greyed item itself, not only on the action: pointing at it shows them."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    demo_window.show()
    menu = demo_window.edit_menu
    menu.popup(demo_window.mapToGlobal(QPoint(10, 10)))
    qtbot.waitExposed(menu)
    at = menu.actionGeometry(demo_window.undo_action).center()
    QApplication.sendEvent(menu, QHelpEvent(QEvent.Type.ToolTip, at, menu.mapToGlobal(at)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text().startswith(NOTHING_SINCE)
    menu.close()


def test_after_an_import_the_greyed_undo_says_the_import_is_not_a_step(demo_window, prompts, qtbot):
    """police.uk data imported into a file just opened: the summary said nothing of Edit > Undo, whose greyed item
    then read as if nothing had changed since the file was opened; the officer pressing Ctrl+Z to take the import
    back was told nothing. Both now say an import is not a step of Edit > Undo."""
    from safer_desk.ui.indicators.menu import start_import
    from tests.indicators.police_helpers import FIXTURES

    start_import(demo_window, [str(FIXTURES / "suffolk-2021-01" / "2021-01-suffolk-street.csv")])
    qtbot.waitUntil(lambda: bool(prompts.errors or prompts.infos), timeout=20000)
    title, text = prompts.infos[-1]
    assert title == "Police data imported"
    assert "Edit > Undo does not take back an import" in text
    assert not demo_window.undo_action.isEnabled()
    tip = demo_window.undo_action.toolTip()
    assert NOTHING_SINCE not in tip and "an import of police.uk data or a merge of district files" in tip, tip
