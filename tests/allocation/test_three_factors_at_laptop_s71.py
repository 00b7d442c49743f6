"""Session 71 (laptop): three factors read whole beside the inputs at a laptop's size.

At 1093x582 (a 1366x768 laptop at 125%) the "Variable part shared by" table with three factors was 85 pixels wide:
each name showed as "P…" under the headings "acto" and "Weigh", whether Oxfordshire's three (DESIGN.md 2.2:
population 50, crime 25, non-crime demand 25) or the Suffolk example with two factors added. Rounding, Unit and
Damping now have their words over them beside the pot's fields, and the factors the room that wins: each name up to
"Non-crime demand" whole (over two lines in its row), with both headings and every row; a longer name is whole when
pointed at.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics

from tests.window_sizes import resize_window

SIZES = [(1093, 582), (1366, 768)]
OXFORDSHIRE = [("Population", "50"), ("Crime", "25"), ("Non-crime demand", "25")]


def _cut(table) -> list[str]:
    """The names, headings and rows of the factors' table not shown whole."""
    cut = []
    header = table.horizontalHeader()
    bold = QFont(header.font())
    bold.setBold(True)  # the chosen cell's heading is drawn bold
    for column, heading in enumerate(("Factor", "Weight")):
        if header.sectionSize(column) < QFontMetrics(bold).horizontalAdvance(heading) + 8:
            cut.append(heading)
    metrics = table.fontMetrics()
    for row in range(table.rowCount()):
        for column in (0, 1):
            item = table.item(row, column)
            rect = table.visualItemRect(item)
            # over two lines, as the row has room for (a name longer than "Non-crime demand" is read when pointed at)
            text = item.text() if metrics.horizontalAdvance(item.text()) <= metrics.horizontalAdvance(
                "Non-crime demand") else "Non-crime demand"
            wrapped = metrics.boundingRect(QRect(0, 0, rect.width() - 8, 1000), int(Qt.TextFlag.TextWordWrap), text)
            if wrapped.width() > rect.width() - 8 or wrapped.height() > rect.height() \
                    or rect.bottom() > table.viewport().height() or rect.right() > table.viewport().width():
                cut.append(item.text())
    return cut


@pytest.fixture
def tab(demo_window):
    return demo_window.show_tab("allocation")


@pytest.mark.parametrize("size", SIZES, ids=["1093x582", "1366x768"])
def test_oxfordshire_s_three_factors_read_whole(demo_window, tab, size):
    for _ in range(2):
        tab.add_factor()
    for row, (name, weight) in enumerate(OXFORDSHIRE):
        assert tab.edit_factor(row, 0, name)
        assert tab.edit_factor(row, 1, weight)
    resize_window(demo_window, size)
    table = tab.factors_table
    assert [table.item(r, 0).text() for r in range(3)] == [n for n, _ in OXFORDSHIRE]
    assert _cut(table) == []


@pytest.mark.parametrize("size", SIZES, ids=["1093x582", "1366x768"])
def test_the_example_with_two_factors_added_reads_whole(demo_window, tab, size):
    for name in ("Population", "Non-crime demand"):
        tab.add_factor()
        assert tab.edit_factor(tab.factors_table.rowCount() - 1, 0, name)
    resize_window(demo_window, size)
    table = tab.factors_table
    assert _cut(table) == []  # the long name to "Non-crime demand"'s width, and whole when pointed at
    assert table.item(0, 0).toolTip() == "BCS comparator offences 2007-08"
