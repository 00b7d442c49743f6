"""Session 62 (alloc): the tab's chart of twelve partnerships at 1093x582, its names readable.

Norfolk's and Suffolk's twelve partnerships drew their names under the chart beside the results run together
("BaberghEast SuffWest Suffolk…"): every other name is a line lower, and the chart took two names on different lines
never to overlap, but two names on the same line, a slot apart, did. The chart now leaves names out (at a regular
stride) until none on a line overlaps another, as it does for names side by side.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF

from safer_desk.domain.allocation import allocate_by_formula
from safer_desk.ui.allocation.chart import AllocationChart
from tests.allocation.test_report_factors_table_s60 import three_factors  # noqa: F401 (a fixture)


def _same_line_overlaps(plot, width: float, height: float) -> list[tuple[str, str]]:
    layout = plot.layout_for(width, height)
    fm = QFontMetricsF(plot.font())
    ticks = [(layout.to_px(x, 0).x(), text) for x, text in layout.x_ticks]
    out = []
    for i, (pa, ta) in enumerate(ticks):
        for pb, tb in ticks[i + 1:]:
            if ta.startswith("\n") == tb.startswith("\n") and \
                    pb - pa < (fm.horizontalAdvance(ta.strip()) + fm.horizontalAdvance(tb.strip())) / 2:
                out.append((ta.strip(), tb.strip()))
    return out


def test_twelve_names_on_one_line_do_not_run_together(qtbot, three_factors):  # noqa: F811
    from safer_desk.services import allocation as service

    scenario = service.load_scenario(three_factors, service.adopted_scenario(three_factors, "2019/20").id)
    chart = AllocationChart()
    qtbot.addWidget(chart)
    chart.show_result(allocate_by_formula(scenario.partnerships, scenario.options), "2019/20")
    for width in (340, 420, 600):  # beside the results at 1093x582, and wider
        assert _same_line_overlaps(chart.plot, width, 170) == []
        assert len(chart.plot.x_tick_labels(width)) >= 2
    assert len(chart.plot.x_tick_labels(2400)) == 12  # room for all: every name
