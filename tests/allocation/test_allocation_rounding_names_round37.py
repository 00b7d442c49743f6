"""Allocation, round 37 (alb): the Rounding box's choice is read whole on a laptop.

At 1093x582 (1366x768 at 125%) and 1280x800 the box showed "Shares to 0.01% firs…" and "Exact shares (largest
remai…": the words chosen were cut, and only pointing at the box read them. The choices are now named short enough to
fit ("Exact shares", "Shares to 0.01%"), the whole explanation in the box's tooltip (and each item's in the list);
choosing each still gives the Suffolk 2009/10 figures to the pound.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

from tests.window_sizes import resize_window

# Seed 000, Suffolk 2009/10: the variable fees with exact shares, and as the paper's spreadsheet gave them.
EXACT = {"Babergh CSP": 35_690, "Ipswich CSP": 115_999, "Waveney CSP": 70_985, "Suffolk Coastal CSP": 48_580,
         "Western CSP": 121_815}
PAPER = {"Babergh CSP": 35_691, "Ipswich CSP": 115_995, "Waveney CSP": 70_988, "Suffolk Coastal CSP": 48_583,
         "Western CSP": 121_812}
PAPER_TOTALS = {"Babergh CSP": 63_768, "Ipswich CSP": 144_072, "Waveney CSP": 99_065, "Suffolk Coastal CSP": 76_660,
                "Western CSP": 206_043}


def text_room(combo) -> int:
    """The width the box leaves for the chosen words (its frame and arrow taken off)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    return combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo).width()


def pounds(tab, key: str) -> dict[str, int]:
    """A results column as the table shows it, in whole pounds, by partnership (the Total row left out)."""
    model, column = tab.results_model, tab.results_model.column_index(key)
    shown = {model.index(r, 0).data(): model.index(r, column).data() for r in range(model.rowCount())}
    return {name: int(text.replace("£", "").replace(",", "")) for name, text in shown.items() if name != "Total"}


def choose(qtbot, combo, words: str) -> None:
    """Choose ``words`` with the keyboard, as an officer tabbing through the options would (arrows on the box)."""
    combo.setFocus()
    key = Qt.Key.Key_Down if combo.findText(words) > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentText() != words:
        before = combo.currentIndex()
        qtbot.keyClick(combo, key)
        assert combo.currentIndex() != before, (words, combo.currentText())


@pytest.mark.parametrize("size", [(1093, 582), (1280, 800)], ids=["1366x768@125%", "1280x800"])
def test_each_rounding_choice_is_shown_whole_and_gives_its_figures(demo_window, qtbot, size):
    tab = demo_window.show_tab("allocation")
    resize_window(demo_window, size)
    combo = tab.rounding_combo
    assert combo.currentText() == "Shares to 0.01%"  # the Suffolk 2009/10 scenario, as the paper's spreadsheet
    for words, variable in (("Exact shares", EXACT), ("Shares to 0.01%", PAPER)):
        choose(qtbot, combo, words)
        metrics = combo.fontMetrics()
        assert metrics.horizontalAdvance(combo.currentText()) <= text_room(combo) <= combo.contentsRect().width()
        assert metrics.elidedText(combo.currentText(), Qt.TextElideMode.ElideRight, text_room(combo)) == words
        assert pounds(tab, "variable") == variable
        assert sum(pounds(tab, "total").values()) == 589_608  # always adding up to the pot
    assert pounds(tab, "total") == PAPER_TOTALS


def test_the_whole_explanation_is_in_the_tooltips(demo_window, qtbot):
    tab = demo_window.show_tab("allocation")
    combo = tab.rounding_combo
    tips = {combo.itemText(i): combo.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(combo.count())}
    assert "largest remainder" in tips["Exact shares"] and "default" in tips["Exact shares"]
    assert "0.01%" in tips["Shares to 0.01%"] and "legacy" in tips["Shares to 0.01%"]
    assert "2009/10" in tips["Shares to 0.01%"]
    assert combo.toolTip() == tips["Shares to 0.01%"]  # the box's tooltip explains the choice shown
    choose(qtbot, combo, "Exact shares")
    assert combo.toolTip() == tips["Exact shares"]
    demo_window.undo_action.trigger()  # the legacy rounding back, and its explanation
    qtbot.waitUntil(lambda: combo.currentText() == "Shares to 0.01%")
    assert combo.toolTip() == tips["Shares to 0.01%"]
    assert combo.accessibleDescription() == tips["Shares to 0.01%"]  # a screen reader hears it too
