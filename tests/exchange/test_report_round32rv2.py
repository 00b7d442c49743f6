"""Round 32 (rv2): the board report's new pieces tried at their edges: a chart title in capitals, or a name with no
spaces, stays inside the printed chart; the district table's Total counts the merged "Other districts" line."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF, QImage

from safer_desk.services.report import build_report
from safer_desk.services.report_model import ReportChart, ReportSeries
from tests.exchange.test_report_round32rep import _section

CAPITALS = "NUMBER OF ANTI-SOCIAL BEHAVIOUR INCIDENTS WHERE WOMEN WERE MADE TO FEEL UNSAFE IN MID SUFFOLK AND BABERGH"
NO_SPACES = "Seriousviolentcrimeinapublicplacewherealcoholorsubstancemisusewasafactor" * 2
WIDE = "W" * 120


@pytest.mark.parametrize("name", [CAPITALS, NO_SPACES, WIDE])
def test_a_chart_title_of_capitals_or_no_spaces_stays_inside_the_printed_chart(qapp, name):
    """The title wrapped at a count of characters 8 pixels wide: in capitals, or at the PDF's bold type, its lines
    ran past the drawing's right edge (cut off on the page). Every line fits, and no letter is lost."""
    from safer_desk.exchange.report_html import chart_svg
    from safer_desk.ui.exchange.report_pdf import CHART_H, CHART_W, ensure_gui_app, report_font, split_chart_svg

    ensure_gui_app()
    title = f"{name}: 2016/17 cumulative against target"
    chart = ReportChart(title, ["Apr", "May"], [ReportSeries("Incidents", [41.0, 102.0], "line")])
    _, words = split_chart_svg(chart_svg(chart, CHART_W, CHART_H, show_title=True))
    lines = [w for w in words if w.bold]
    device = QImage(10, 10, QImage.Format.Format_ARGB32)
    fm = QFontMetricsF(report_font(13 * 72 / 96, True), device)  # as draw_chart sets it (SVG pixels at 96 dpi)
    assert all(w.x + fm.horizontalAdvance(w.text) <= CHART_W for w in lines), \
        [(w.text, w.x + fm.horizontalAdvance(w.text)) for w in lines]
    assert "".join(w.text for w in lines).replace(" ", "") == title.replace(" ", "")
    ticks = [w for w in words if w.anchor == "end"]
    assert max(w.y for w in lines) < min(w.y for w in ticks) - 10


def test_the_district_table_s_total_counts_the_merged_other_districts_line(tmp_path):
    """A county's merged spend of one victim in Babergh is filed under "Other districts" by the small-number rule:
    the district table's Total counts that line, as the month table's does."""
    from safer_desk.services import funds
    from safer_desk.storage.store import open_store
    from tests.exchange.district_offices import merge
    from tests.exchange.test_county_round25 import _fund_offices

    _, paths, _ = _fund_offices(tmp_path, 1, ("100", "100"))
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, paths)
        doc = build_report(county, year="2025/26")
    finally:
        county.close()
    fund = _section(doc, "Suffolk target hardening: burn-down")
    by_district = next(t for t in fund.tables if t.title == "Spend per district")
    assert [r[0] for r in by_district.rows] == [funds.OTHER_DISTRICTS]
    # each office's own victim (session 68: two offices' parts of a fund's spend add up at the county)
    # (s71: two in all, given as "fewer than 3" on a paper that leaves the file)
    assert by_district.total_row == ["Total", "fewer than 3", "£200"]
    by_month = next(t for t in fund.tables if t.title == "Spend per month")
    assert by_month.total_row[1:] == by_district.total_row[1:]



def test_a_figure_too_small_for_a_pixel_is_a_bar_as_high_as_a_0_s_mark_in_the_report():
    """0.0001 beside 100 was a bar of half a pixel in the report's drawing, as unseen as a month with no figure."""
    import re

    from safer_desk.exchange.report_html import ZERO_MARK_PX, chart_svg

    chart = ReportChart("Rate", ["Apr", "May", "Jun", "Jul"],
                        [ReportSeries("2016/17", [0.0001, None, 100, -0.0001], "bar")])
    bars = re.findall(r'<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"', chart_svg(chart))[1:-1]
    heights = [float(h) for _, h in bars]
    assert len(heights) == 3 and heights[0] == ZERO_MARK_PX and heights[2] == ZERO_MARK_PX
    assert float(bars[2][0]) > float(bars[0][0])  # the negative one hangs below the zero line, the other stands on it
