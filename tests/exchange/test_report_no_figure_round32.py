"""The board report draws a month with no figure and a month of 0 as the window does (round 32): the cumulative line
has a gap at a month with no figure of its own (it carried the total before it flat: a month of no crime), and a bar of
0 is a mark on the baseline, not the half-pixel sliver a missing month was told apart from by nobody."""

from __future__ import annotations

import re

from safer_desk.exchange.report_html import ZERO_MARK_PX, chart_svg
from safer_desk.services.report import build_report
from safer_desk.services.report_model import ReportChart, ReportSeries

HATE = "indicator:level-two-ist-incidents-reported"  # a trajectory target: its cumulative chart is in the report


def test_the_cumulative_line_has_a_gap_at_a_month_with_no_figure(demo_store):
    with demo_store.transaction():
        demo_store.execute_counted("indicator_values", "delete",
                                   "DELETE FROM indicator_values WHERE indicator_id = ? AND area_id = ? AND "
                                   "period = '2016-06'", (HATE, "district:plymouth"))
    doc = build_report(demo_store, year="2016/17", area="Plymouth")
    chart = next(c for s in doc.sections for c in s.charts
                 if c.title == "Level Two “ist” incidents reported: 2016/17 cumulative against target")
    line = chart.series[0]
    assert chart.categories[2] == "Jun" and line.values[2] is None
    assert line.values[1] is not None and line.values[3] is not None


def _bars(svg: str) -> list[float]:
    return [float(h) for h in re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)"', svg)]


def test_a_bar_of_0_is_a_mark_and_a_month_with_no_figure_has_none():
    chart = ReportChart("Robbery", ["Apr-25", "May-25", "Jun-25"], [ReportSeries("2025/26", [0, None, 3], "bar")])
    heights = _bars(chart_svg(chart))[1:-1]  # less the drawing's white background and the legend's swatch
    assert len(heights) == 2  # May has no bar at all
    assert heights[0] == ZERO_MARK_PX and heights[1] > ZERO_MARK_PX
