"""S68: the pooled-fund chart's legend cut its longest words off at a laptop's narrow chart pane.

On a 1366x768 laptop at 150% (the window about 910x480) the chart beside the fund's tables is about 300 pixels wide.
A fund whose run-out at the recent rate falls after the chart's last month names it in the legend, "Would have run
out Jun 2027 (beyond this chart)": one entry wider than the chart, so it was put on a line of its own and drawn past
the chart's right edge, and the officer read "Would have run out Jun 2027 (beyond this c". The chart's legend
wraps a row of entries onto the next ("never cut"), but never one entry's own words. An entry wider than the chart
now goes on over as many lines as it needs, its swatch on the first: every word is drawn inside the chart.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF

from safer_desk.services import funds
from safer_desk.ui.kit.chart import Chart, legend_entry_text
from tests.costs.test_fund_page_months_named_s64 import _funds_page
from tests.window_sizes import resize_window

PILOT = "Suffolk Target Hardening Pilot"


def _rows_fit(chart: Chart, width: float, height: float) -> list[str]:
    """The legend's lines as drawn at that size, each checked to end inside the chart's width."""
    layout = chart.layout_for(width, height)
    fm = QFontMetricsF(chart.font())
    lines = []
    for row in layout.legend_rows:
        right = chart.PAD + sum(w for _, w in row)
        assert right <= width, (right, width, [legend_entry_text(e) for e, _ in row])
        for entry, w in row:  # the words themselves end inside the entry's room
            assert chart.LEGEND_SWATCH + 6 + fm.horizontalAdvance(legend_entry_text(entry)) <= w
        lines.append(" ".join(legend_entry_text(e) for e, _ in row))
    return lines


def test_an_entry_wider_than_the_chart_goes_on_over_lines_of_its_own(qtbot):
    chart = Chart()
    qtbot.addWidget(chart)
    chart.add_line("Spend to date", "#1f5fa8").setData([0, 1], [1, 2])
    chart.add_vline(0.5, "#b71c1c", "Would have run out Jun 2027 (beyond this chart)", style="dot")
    lines = _rows_fit(chart, 220, 300)
    assert lines[0] == "Spend to date"
    assert " ".join(lines[1:]) == "Would have run out Jun 2027 (beyond this chart)"  # every word, in order
    assert len(lines) > 2
    assert chart.legend_names()[-1] == "Would have run out Jun 2027 (beyond this chart)"  # named whole to readers


def test_the_fund_pages_legend_fits_its_chart_at_150_percent(demo_window, qtbot):
    store = demo_window.session.store
    fund = funds.fund_by_name(store, PILOT)
    # Money to last at the pilot's rate long past the chart's last month: the legend says the run-out is beyond it.
    funds.add_contribution(store, fund.id, organisation="Suffolk County Council", amount="£60,000",
                           received_on="01/04/2018")
    resize_window(demo_window, (910, 480))
    page = _funds_page(demo_window, qtbot)
    qtbot.waitUntil(lambda: any("beyond this chart" in n for n in page.chart.legend_names()), timeout=10000)
    said = next(n for n in page.chart.legend_names() if "beyond this chart" in n)
    lines = _rows_fit(page.chart, page.chart.width(), page.chart.height())
    assert said in " ".join(lines), lines
