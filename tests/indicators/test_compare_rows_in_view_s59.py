"""View > Compare Areas… on a laptop shows every area of the office's county at once (session 59). On a 1366x768
laptop at 125% the table gave two of Suffolk's eight rows (Mid Suffolk and West Suffolk) to its scroll bar, while
the bar chart under it had half its height empty: the table is what the figures, changes and RAGs are read from, so it
has the room its rows need, up to about a dozen, and the chart the rest."""

from __future__ import annotations

import pytest

from safer_desk.domain.periods import FinancialYear
from tests.window_sizes import LAPTOP_SIZES, SIZE_IDS, resize_window, rows_in_view


@pytest.mark.parametrize("size", LAPTOP_SIZES, ids=SIZE_IDS)
def test_every_area_of_the_county_is_in_view(demo_window, qtbot, size):
    from safer_desk.ui.indicators.menu import open_comparison

    resize_window(demo_window, size)
    tab = demo_window.show_tab("indicators")
    tab.select_area("county:suffolk")
    tab.select_year(FinancialYear(2025))
    tab.select_indicator("Burglary")
    dialog = open_comparison(demo_window)
    qtbot.waitExposed(dialog)
    assert dialog.model.rowCount() == 8
    assert rows_in_view(dialog.view) == 8
    assert dialog.chart.height() >= 5 * 22  # five districts' bars still drawn, each a line high
    dialog.close()
