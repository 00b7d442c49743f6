"""Session 67 (laptop): in the project editor beside the register, Save changes (reached by Tab, pressed with Space,
or clicked) greys once the project is saved, and Revert greys once the typing is put back: the keyboard's focus then
jumped to the window's row of tabs at the top (a screen reader said "Projects, tab"), and the next Tab started the
window over. The focus goes back to the field the person was in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.window_sizes import LAPTOP_SIZES, resize_window


@pytest.fixture
def editor(demo_window, qtbot):
    resize_window(demo_window, LAPTOP_SIZES[0])
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window)
    page = demo_window.show_tab("projects").register
    page.view.selectRow(0)
    QApplication.processEvents()
    return page.editor


def type_then_tab_to(qtbot, editor, field, button):
    widget = editor.widgets[field]
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    widget.selectAll()
    qtbot.keyClicks(widget, "Homeshield Plus (pilot)")
    button.setFocus(Qt.FocusReason.TabFocusReason)  # Tab on from the fields to the button
    assert QApplication.focusWidget() is button
    return widget


def test_save_changes_pressed_leaves_the_focus_in_the_field(demo_window, qtbot, editor):
    title = type_then_tab_to(qtbot, editor, "title", editor.save_button)
    qtbot.keyClick(editor.save_button, Qt.Key.Key_Space)
    QApplication.processEvents()
    assert editor.presenter.value("title") == "Homeshield Plus (pilot)" and not editor.presenter.is_dirty
    assert not editor.save_button.isEnabled()
    assert QApplication.focusWidget() is title


def test_revert_pressed_leaves_the_focus_in_the_field(demo_window, qtbot, editor, prompts):
    title = type_then_tab_to(qtbot, editor, "title", editor.discard_button)
    prompts.answers.append(True)  # Revert asks (session 69): Discard
    qtbot.mouseClick(editor.discard_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert title.text() == "Homeshield Plus" and not editor.discard_button.isEnabled()
    assert QApplication.focusWidget() is title
