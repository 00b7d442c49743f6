"""Areas compared, Suffolk's all crime 2025/26: eight areas drawn with four line styles, so Suffolk (solid blue) and
Ipswich (solid orange), Safer Suffolk Partnership Board and West Suffolk (both dashed) … were told apart by colour
alone, which a reader who does not see the colours (or a board paper printed in grey) cannot do. Each area's line now
differs from every other's by its style or its marker, in the chart and in its legend (session 70)."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear


def test_each_area_differs_by_more_than_colour(demo_window):
    tab = demo_window.show_tab("indicators")
    tab.select_area("county:suffolk")
    tab.select_year(FinancialYear(2025))
    tab.select_indicator("All crime")
    tab.set_mode("areas")
    shown = [s for s in tab.chart.visible_series() if any(y is not None for y in s.getData()[1])]
    assert len(shown) == 8, [s.name for s in shown]
    looks = [(s.style, s.marker) for s in shown]
    assert len(set(looks)) == len(looks), looks
    # The legend draws what the line is drawn with: its items are these series.
    assert set(tab.chart.legend_items()) == set(shown)
