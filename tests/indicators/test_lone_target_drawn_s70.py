"""An annual indicator's cumulative chart (LT7 serious violent crime, Suffolk 2010/11: a target of 1,256 in the year)
named "Target 2010/11" in its legend with a red dash, but drew nothing at 1,256: a line of one point and no marker
was never drawn, so the target a board paper is judged against was missing from the chart. A lone point of an
unmarked line is now drawn as a short level stroke across its place (session 70)."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.ui.kit.chart import Chart

SUFFOLK = "county:suffolk"
LT7 = "indicator:serious-violent-crime-in-a-public-place-where-alcohol-or-substance-misuse-was-a-factor"


def test_an_annual_target_is_drawn_on_the_cumulative_chart(demo_window):
    demo_window.resize(1366, 768)
    tab = demo_window.show_tab("indicators")
    tab.select_area(SUFFOLK)
    tab.select_year(FinancialYear(2010))
    tab.select_indicator(LT7)
    tab.set_mode("cumulative")
    chart = tab.chart
    assert chart.target_line.getData() == ([0.0], [1256.0])
    assert "Target 2010/11" in chart.legend_names()
    strokes = chart.drawn_strokes(chart.target_line, 600, 300)
    assert len(strokes) == 1 and len(strokes[0]) == 2, strokes
    (left, y0), (right, y1) = strokes[0]
    level = chart.layout_for(600, 300).to_px(0, 1256)
    assert y0 == y1 == level.y() and left < level.x() < right and right - left >= 12
    # Last year's one figure has its marker, as before: no stroke added to a marked line.
    assert chart.drawn_strokes(chart.last_line, 600, 300) == []


def test_a_lone_point_between_gaps_of_an_unmarked_line_is_drawn(qtbot):
    chart = Chart()
    qtbot.addWidget(chart)
    line = chart.add_line("Target", "#c0392b", style="dash")
    chart.set_categories(["Apr", "May", "Jun", "Jul"])
    line.setData(range(4), [10.0, 12.0, None, 20.0])
    strokes = chart.drawn_strokes(line, 400, 200)
    assert len(strokes) == 2 and len(strokes[0]) == 2 and len(strokes[1]) == 2
    (a, ya), (b, yb) = strokes[1]
    assert ya == yb and a < chart.layout_for(400, 200).to_px(3, 20).x() < b
