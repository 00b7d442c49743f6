"""The History of Changes window, used with the keys the rest of Safer Desk answers to: Ctrl+F went nowhere in it
(Edit > Find is the main window's, and the History is a window of its own), so an officer had to reach for the mouse
to search it; Ctrl+Z and Ctrl+Y did nothing there, though the window is kept open beside the work to watch each
change, undo and redo arrive (Districts, Partnerships and Partners… and the records windows undo from themselves)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from safer_desk.services import reference
from safer_desk.ui.reference import ReferenceDialog
from tests.foundation.test_window_files import show_active


def _history(window, qtbot):
    window.history_action.trigger()
    dialog = window._history_dialog
    qtbot.addWidget(dialog)
    show_active(dialog, qtbot)
    dialog.view.setFocus()
    return dialog


def _actions(dialog) -> list[str]:
    model = dialog.proxy
    return [model.index(r, 3).data() for r in range(model.rowCount())]


def test_ctrl_f_goes_to_the_history_s_search_box_its_words_chosen_to_type_over(demo_window, qtbot):
    dialog = _history(demo_window, qtbot)
    qtbot.keyClicks(dialog.search, "homeshield")
    dialog.view.setFocus()
    press = QKeySequence(QKeySequence.StandardKey.Find)[0]
    qtbot.keyClick(dialog.view, press.key(), press.keyboardModifiers())
    assert QApplication.focusWidget() is dialog.search
    assert dialog.search.selectedText() == "homeshield"


def test_ctrl_z_and_ctrl_y_in_the_history_undo_and_redo_and_the_lines_say_so(demo_window, qtbot):
    store = demo_window.session.store
    districts = ReferenceDialog(demo_window.session, demo_window)
    qtbot.addWidget(districts)
    districts.districts.name_edit.setText("Babergh Extra")
    districts.districts.add()
    districts.close()
    dialog = _history(demo_window, qtbot)
    assert _actions(dialog)[0] == "Add district Babergh Extra"
    qtbot.keyClick(dialog.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _actions(dialog)[0] == "Undo add district Babergh Extra")
    assert "Babergh Extra" not in [d.name for d in reference.list_districts(store)]
    qtbot.keyClick(dialog.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _actions(dialog)[0] == "Redo add district Babergh Extra")
    assert "Babergh Extra" in [d.name for d in reference.list_districts(store)]
