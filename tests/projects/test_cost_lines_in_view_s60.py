"""Projects, round s60: a project's cost lines on a laptop.

At 1093x582 (a 1366x768 laptop at 125%) Suffolk ELEV8's cost lines showed Year, Category and part of Description:
the amounts, the figures an officer checks against the paper (Yr1 2009/10 £46,500 = 18,000 + 4,000 + 5,000 + 19,500)
and the "Read as" of a queried "£3.250", were off to the right, reached only by scrolling the small grid sideways.
The figures now stay in view; the description takes the room that is left (its whole text is its tooltip).
"""

from __future__ import annotations

import pytest

from tests.window_sizes import LAPTOP_SIZES, SIZE_IDS, columns_out_of_view, resize_window


@pytest.mark.parametrize("size", LAPTOP_SIZES, ids=SIZE_IDS)
def test_the_cost_lines_amounts_are_in_view(demo_window, size, qtbot):
    page = demo_window.show_tab("projects").register
    resize_window(demo_window, size)
    page.clear_filters()
    qtbot.keyClicks(page.search, "Recre8")
    page.view.selectRow(0)
    table = page.editor.cost_lines.table
    page.editor.scroll.ensureWidgetVisible(table)
    assert table.rowCount() == 5
    assert columns_out_of_view(table, ["Year", "Amount", "Read as"]) == []
    assert table.item(2, 3).text() == "£3.250"
