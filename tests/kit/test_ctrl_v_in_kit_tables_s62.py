"""Session 62 (kit): Edit > Paste shows Ctrl+V, but the window's Ctrl+V never reaches a table (Qt measures its
shortcut against the Edit menu it is on). Where a table takes the key itself (the plan grid, the indicator figures,
the allocation inputs) nothing seemed wrong; in the project register, Ctrl+V on rows copied from Excel did nothing and
said nothing, though Paste rows… and Edit > Paste show them in the preview, and the guide says Ctrl+V pastes them.
The register's Ctrl+V now does what Paste rows… and Edit > Paste do there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

ROWS = "Title\tCost\r\nYouth diversion in Ipswich\t£12,500\r\n"


def _register(demo_window, qtbot):
    demo_window.resize(1093, 582)
    demo_window.show()
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window)
    tab = demo_window.show_tab("projects")
    qtbot.waitUntil(lambda: not demo_window.is_busy(), timeout=10000)
    register = tab.register
    register.view.setFocus()
    qtbot.waitUntil(register.view.hasFocus)
    return register


def test_ctrl_v_in_the_register_shows_the_rows_copied_from_excel(demo_window, qtbot):
    register = _register(demo_window, qtbot)
    QGuiApplication.clipboard().setText(ROWS)
    qtbot.keyClick(register.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: register.paste_dialog is not None and register.paste_dialog.isVisible())
    qtbot.addWidget(register.paste_dialog)
    register.paste_dialog.reject()

