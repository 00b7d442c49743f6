"""Ctrl+Q did nothing (session 74): File > Exit (Quit off Windows) took only the system's own Quit keys, which on
Windows are none and on a Linux desktop without a theme of its own none either, so the menu showed no key beside it
and an officer's Ctrl+Q, as in most programs they use, left the window open. Ctrl+Q now closes the window, as the
menu item does (asking first about typing not saved), on every system."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence


def quit_action(window):
    return window.menu_titled("File").actions()[-1]


def test_the_exit_item_lists_ctrl_q(window):
    keys = [k.toString() for k in quit_action(window).shortcuts()]
    assert "Ctrl+Q" in keys
    assert len(keys) == len(set(keys))  # a key bound twice is ambiguous to Qt and does nothing
    assert quit_action(window).shortcut() == QKeySequence("Ctrl+Q")  # the one the menu shows beside it


def test_ctrl_q_closes_the_window(demo_window, qtbot):
    window = demo_window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.show_tab("projects").register.view.setFocus()
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
