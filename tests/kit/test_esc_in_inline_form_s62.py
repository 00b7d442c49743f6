"""Session 62 (kit): Esc in a field of the project editor (the register's form beside the table, not a dialog) did
nothing: what was typed stayed, unsaved, and the only way back was Revert, which puts back every field. Esc in the
window's other fields typed in place (the Allocation tab's options, the Reviews page's As at) puts back what the file
holds; so does Esc in a field of an inline form now, that field alone, as Enter there saves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _editor(demo_window, qtbot):
    demo_window.resize(1093, 582)
    demo_window.show()
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window)
    tab = demo_window.show_tab("projects")
    qtbot.waitUntil(lambda: not demo_window.is_busy(), timeout=10000)
    return tab.register.editor


def test_esc_in_a_field_of_the_project_editor_puts_back_what_the_file_holds(demo_window, qtbot):
    editor = _editor(demo_window, qtbot)
    form = editor.form if hasattr(editor, "form") else editor
    title, cost = form.widgets["title"], form.widgets["cost"]
    held_title, held_cost = title.text(), cost.text()
    cost.setFocus()
    qtbot.waitUntil(cost.hasFocus)
    cost.selectAll()
    qtbot.keyClicks(cost, "£99,000")
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClick(title, Qt.Key.Key_End)
    qtbot.keyClicks(title, " (draft)")
    assert demo_window.isWindowModified()
    qtbot.keyClick(title, Qt.Key.Key_Escape)
    assert title.text() == held_title  # the field in view put back …
    assert cost.text() == "£99,000"  # … and that one alone: the other field's typing stays, to save or Esc there
    cost.setFocus()
    qtbot.waitUntil(cost.hasFocus)
    qtbot.keyClick(cost, Qt.Key.Key_Escape)
    assert cost.text() == held_cost
    assert not demo_window.isWindowModified()
    assert demo_window.undo_action.text() == "&Undo"  # nothing was saved
