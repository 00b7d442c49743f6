"""Round 32: a bar of 0 is drawn, a period with no figure is not (they looked the same: only the hover told them)."""

from __future__ import annotations

import pytest

from safer_desk.ui.kit.chart import Chart, percent_tick


@pytest.fixture
def chart(qtbot):
    widget = Chart()
    qtbot.addWidget(widget)
    widget.resize(480, 300)
    return widget


def _dark_above_baseline(image, layout, x: float, offset: float = 0.0, *, rows: int = 4) -> int:
    """Pixels darker than the background just above the value axis's zero at category x (its bar's slot)."""
    zero = layout.to_px(x + offset, 0)
    left, right = int(layout.to_px(x + offset - 0.15, 0).x()), int(layout.to_px(x + offset + 0.15, 0).x())
    return sum(1 for px in range(left, right + 1) for py in range(int(zero.y()) - rows - 1, int(zero.y()) - 1)
               if image.pixelColor(px, py).lightness() < 200)


def test_a_zero_bar_has_a_mark_at_the_baseline_and_no_figure_has_none(chart):
    """Babergh's robberies 0, —, 3: the 0 and the month with no figure were both an empty slot."""
    bars = chart.add_bars("This year", "#1f5fa8")
    bars.setData([0, 1, 2], [0, None, 3])
    chart.set_categories(["Apr", "May", "Jun"])
    image = chart.render_image(480, 300)
    layout = chart.layout_for(480, 300)
    assert _dark_above_baseline(image, layout, 0) > 10  # a mark at the baseline
    assert _dark_above_baseline(image, layout, 1) == 0  # nothing where there is no figure
    assert chart.zero_labels(480, 300) == [("This year", 0.0, "0")]


def test_an_outlined_zero_bar_is_marked_too_and_labelled_in_the_chart_s_format(chart):
    """Last year's bars are outlined and dashed: its dashed edge at 0 lay on the axis line, unseen."""
    chart.set_value_format(percent_tick)
    last = chart.add_bars("Last year", "#d5dbe1", outline="#4a4f55", outline_style="dash")
    this = chart.add_bars("This year", "#1f5fa8")
    last.setData([0, 1], [0, None])
    this.setData([0, 1], [None, 50])
    chart.set_categories(["Apr", "May"])
    image = chart.render_image(480, 300)
    layout = chart.layout_for(480, 300)
    _, slot = chart._bar_slots()
    assert _dark_above_baseline(image, layout, 0, -slot / 2) > 10
    assert _dark_above_baseline(image, layout, 1, -slot / 2) == 0
    assert _dark_above_baseline(image, layout, 0, slot / 2) == 0
    assert chart.zero_labels(480, 300) == [("Last year", 0.0, "0%")]


def test_zero_labels_are_left_off_where_the_bar_is_too_narrow_for_them(chart):
    bars = chart.add_bars("This year", "#1f5fa8")
    bars.setData(range(120), [0] * 120)
    chart.set_categories([str(i) for i in range(120)])
    assert chart.zero_labels(300, 200) == []
    assert chart.zero_labels(480 * 8, 300)[0] == ("This year", 0.0, "0")
