"""Session 60: a button's Alt key shown after its words never reads as a count.

Seen on the example's register with one project chosen: the buttons read "Delete (3)" and "Copy rows (4)", which an
officer reads as three projects to be deleted and four rows copied (the guide says they are Alt+3 and Alt+4).
A figure shown after a button's words is now said with its Alt ("Delete (Alt+3)"); a letter or sign is left as it
was ("= Sum (Q)"), as it cannot be taken for a count. The buttons still fit a 1366x768 laptop at 125%.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.foundation.test_window_guard import mnemonic, page_in_view

A_COUNT = re.compile(r"\(\d+\)\s*$")  # "(3)" at the end: how a list or a button says how many


def _shown(button) -> str:
    return button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def _buttons(tab) -> list[QPushButton]:
    return [b for b in tab.findChildren(QPushButton) if b.isVisible() and b.text()]


def test_the_register_buttons_say_their_alt_key_beside_one_row_chosen(demo_window, qtbot):
    tab = page_in_view(demo_window, qtbot, "projects", 0)
    register = tab.register
    rect = register.view.visualRect(register.proxy.index(0, 1))
    qtbot.mouseClick(register.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(register.view.selectionModel().selectedRows()) == 1
    assert _shown(register.delete_button) == "Delete (Alt+3)"
    assert _shown(register.copy_button) == "Copy rows (Alt+4)"
    assert mnemonic(register.delete_button.text()) == "3" and mnemonic(register.copy_button.text()) == "4"
    assert "(" not in register.delete_button.accessibleName()  # a screen reader says no key
    counted = [_shown(b) for b in _buttons(tab) if A_COUNT.search(_shown(b))]
    assert counted == []
    for button in (register.delete_button, register.copy_button):  # in view, its words whole
        assert button.visibleRegion().boundingRect().width() == button.width()
        assert button.width() >= button.fontMetrics().horizontalAdvance(_shown(button))


def test_no_allocation_button_reads_as_a_count_and_the_results_bar_fits(demo_window, qtbot):
    tab = page_in_view(demo_window, qtbot, "allocation", 0)
    shown = {_shown(b) for b in _buttons(tab)}
    assert {"Open (Alt+5)", "Delete (Alt+6)", "Export… (Alt+7)"} <= shown
    assert [text for text in shown if A_COUNT.search(text)] == []
    assert "= Sum (Q)" in {_shown(b) for b in tab.findChildren(QPushButton)}  # a letter stays as it was
    for button in (tab.open_button, tab.delete_button):
        assert button.visibleRegion().boundingRect().width() == button.width()
        assert button.width() >= button.fontMetrics().horizontalAdvance(_shown(button))
