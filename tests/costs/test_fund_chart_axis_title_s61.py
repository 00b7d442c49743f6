"""Round s61 (funds): the burn-down chart's value axis is named whole on a laptop.

At 150% on a 1366x768 laptop (the window about 910x480) the axis title "Spent to date (cumulative)" was cut to
"Spent to da…", and whole it named one of the chart's three lines: the fund line is money received, not spent. The
axis is named "£", as the board report's chart names it; the legend under the chart names each line.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF

from safer_desk.ui.costs.tab import FUNDS
from tests.costs.test_costs_at_150_round39 import SIZE_IDS, SIZES, settle
from tests.window_sizes import resize_window


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_the_value_axis_title_is_shown_whole(demo_window, qtbot, size):
    tab = demo_window.show_tab("costs")
    tab.pages.setCurrentIndex(FUNDS)
    resize_window(demo_window, size)
    settle(demo_window, qtbot)
    chart = tab.funds.ensure_chart()
    qtbot.waitUntil(lambda: chart.has_figures(), timeout=10000)
    settle(demo_window, qtbot)
    assert chart.isVisible()
    plot = chart.layout_for(chart.width(), chart.height()).plot
    title = chart.value_label
    assert QFontMetricsF(chart.font()).horizontalAdvance(title) <= plot.height()
