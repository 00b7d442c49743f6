"""Round 41 (kbu): the register's Paste rows… by its Alt key.

Walked as Allocation's buttons were (``without_key``, ``clashes``): on the register Paste rows… had no Alt key though
W, a letter of its, is free on the page (kbu's patch to ui/projects/tab.py). Copy rows has none: its one free letter,
Y, is the start page's (Set Your Districts and Partnerships…) on a new file; Ctrl+C copies the rows.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.foundation.test_window_guard import clashes, visible_letters, without_key


def test_paste_rows_has_an_alt_key_no_other_control_has(demo_window, qtbot):
    demo_window.resize(1093, 582)
    demo_window.show()
    demo_window.show_tab("projects")
    qtbot.waitUntil(lambda: not demo_window.is_busy(), timeout=10000)
    QApplication.processEvents()
    missing = without_key(demo_window)
    assert "QPushButton Paste rows…" not in missing
    assert clashes(demo_window) == [], sorted(visible_letters(demo_window))
