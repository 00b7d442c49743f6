"""View > History of Changes drew its hidden "Show older actions" button as the window's default button (QDialog makes
the first auto-default button the default one when none is): Enter presses no button in this window (only the button
in focus, its own), so none is to be drawn or announced as the one Enter presses; a click on one still presses it."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from tests.foundation.test_window_files import show_active


def test_no_button_of_the_history_window_is_drawn_as_the_default_one(demo_window, qtbot):
    demo_window.history_action.trigger()
    dialog = demo_window._history_dialog
    qtbot.addWidget(dialog)
    show_active(dialog, qtbot)
    buttons = dialog.findChildren(QPushButton)
    assert {b.text() for b in buttons} >= {"Show &older actions", "&Export…", "Close"}
    assert [b.text() for b in buttons if b.isDefault()] == []
    assert not any(b.autoDefault() for b in buttons)
