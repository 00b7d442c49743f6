"""Session 71 (coordinator): Add Partnership left the keyboard on the button, so the name typed next went nowhere.

On a new file's Allocation tab, keyboard only: Alt+8 (or a click on Add Partnership) added "Partnership 1" and chose
its name cell, but the keys stayed with the button: "Babergh" typed went nowhere, and Tab then carried "1", "2442" and
"70725" into Working on's name and year. As in a spreadsheet's new row, the table now has the keys, on the new
row's name: typing names it, Tab goes on to its fixed units.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from tests.allocation.test_allocation_keys_round40akx import allocation_page

ALT = Qt.KeyboardModifier.AltModifier


def _type(qtbot, text: str, end=Qt.Key.Key_Return) -> None:
    """Typed as a person types into the widget that has the keys: the first key opens the cell's editor, which then
    has them."""
    qtbot.keyClicks(QApplication.focusWidget(), text[0])
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=3000)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, end)


def test_the_name_typed_after_add_partnership_is_the_new_row_s(demo_window, qtbot):
    tab = allocation_page(demo_window, qtbot, 0)
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window, timeout=5000)
    rows = tab.inputs_model.rowCount()
    name_before = tab.scenario_name.text()
    add = next(b for b in tab.findChildren(QPushButton) if b.accessibleName() == "Add Partnership")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert tab.inputs_model.rowCount() == rows + 1
    assert QApplication.focusWidget() is tab.inputs_view
    _type(qtbot, "Mid Suffolk")
    assert tab.state.partnerships[-1].name == "Mid Suffolk"
    assert tab.scenario_name.text() == name_before  # nothing typed elsewhere
    # By its key too: Alt+8 from the options' fields, then the name.
    tab.option_edits["fixed_share"].setFocus()
    qtbot.keyClick(tab.option_edits["fixed_share"], Qt.Key.Key_8, ALT)  # pressed a moment later, as a click
    qtbot.waitUntil(lambda: tab.inputs_model.rowCount() == rows + 2, timeout=5000)
    assert QApplication.focusWidget() is tab.inputs_view
    _type(qtbot, "Forest Heath")
    assert tab.state.partnerships[-1].name == "Forest Heath"


def test_the_name_typed_after_add_factor_is_the_new_factor_s(demo_window, qtbot):
    tab = allocation_page(demo_window, qtbot, 0)
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window, timeout=5000)
    add = next(b for b in tab.findChildren(QPushButton) if b.accessibleName() == "Add Factor")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert len(tab.state.options.factors) == 2
    assert QApplication.focusWidget() is tab.factors_table
    _type(qtbot, "Population")
    assert tab.state.options.factors[-1].title == "Population"
