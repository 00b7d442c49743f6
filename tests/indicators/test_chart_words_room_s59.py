"""The chart's words under it never cover the chart (session 59). On a 1366x768 laptop at 125% (the window 1093x582),
Areas compared for Suffolk's Burglary says seven lines of words under the chart, eight areas' figures; they were laid
over the chart's lower half, hiding all but the first of the legend's four rows, so the lines of the other seven
areas could not be told apart. The words now keep to a few lines with a scroll bar for the rest, under the chart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontMetricsF

from safer_desk.domain.periods import FinancialYear
from tests.window_sizes import LAPTOP_SIZES, SIZE_IDS, resize_window


def rect_in(widget, ancestor) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


@pytest.fixture
def areas_compared(demo_window):
    tab = demo_window.show_tab("indicators")
    tab.select_area("county:suffolk")
    tab.select_year(FinancialYear(2025))
    tab.select_indicator("Burglary")
    tab.set_mode("areas")
    return tab


@pytest.mark.parametrize("size", [*LAPTOP_SIZES, (1280, 800)], ids=[*SIZE_IDS, "1280x800"])
def test_the_words_under_the_chart_leave_the_whole_legend_in_sight(demo_window, areas_compared, size):
    tab = areas_compared
    resize_window(demo_window, size)
    chart, words = tab.chart, tab.chart_summary
    assert len(chart.legend_names()) == 8 and words.isVisible()
    shown = words.visibleRegion().boundingRect()
    words_top = words.mapTo(tab, shown.topLeft()).y()
    assert words_top >= rect_in(chart, tab).bottom(), "the chart's words are laid over the chart"
    layout = chart.layout_for(chart.width(), chart.height())
    legend_bottom = layout.legend_top + len(layout.legend_rows) * (QFontMetricsF(chart.font()).height() + 2)
    assert legend_bottom <= chart.height()  # every row of the legend is drawn inside the chart
    assert chart.visibleRegion().boundingRect().height() == chart.height()  # and nothing covers it


def test_the_words_are_all_there_to_read(demo_window, areas_compared):
    tab = areas_compared
    resize_window(demo_window, LAPTOP_SIZES[0])
    text = tab.chart_summary.text()
    assert text.startswith("Burglary: areas compared, 2025/26.") and "Babergh: 9 figures" in text
    assert tab.chart_summary.accessibleDescription().endswith("highest 16 (Aug 2025).")


def test_the_words_take_no_stop_of_the_tab_key(demo_window, areas_compared):
    """The box the words scroll in is not one more place for Tab to stop (after the grid, with nothing to show that
    it had the focus): the keys go from the chart's row to the figures and on, as before."""
    from PySide6.QtCore import Qt

    tab = areas_compared
    resize_window(demo_window, LAPTOP_SIZES[0])
    stops, widget = [], tab.area_combo
    for _ in range(200):
        widget = widget.nextInFocusChain()
        if widget is tab.area_combo:
            break
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible() and tab.isAncestorOf(widget):
            stops.append(widget)
    assert tab.grid in stops and not any(w.isAncestorOf(tab.chart_summary) for w in stops)
