"""Round 32 (rv2): the chart's mark for a bar of 0, tried at its edges: a figure too small for a pixel of bar is
drawn (it was nothing, as a period with no figure), a negative chart keeps its 0 mark on the zero line, and the mark
and its "0" are drawn on the chart's own light background whatever the theme."""

from __future__ import annotations

import pytest

from safer_desk.ui.kit.chart import Chart
from tests.kit.test_chart_zero_round32ind import _dark_above_baseline


@pytest.fixture
def chart(qtbot):
    widget = Chart()
    qtbot.addWidget(widget)
    widget.resize(480, 300)
    return widget


def _dark_below_baseline(image, layout, x: float, *, rows: int = 4) -> int:
    zero = layout.to_px(x, 0)
    left, right = int(layout.to_px(x - 0.15, 0).x()), int(layout.to_px(x + 0.15, 0).x())
    return sum(1 for px in range(left, right + 1) for py in range(int(zero.y()) + 2, int(zero.y()) + rows + 2)
               if image.pixelColor(px, py).lightness() < 200)


def test_a_figure_too_small_for_a_pixel_of_bar_is_drawn_not_left_as_nothing(chart):
    """A rate of 0.0001 per 1,000 beside 100: its bar was under a hundredth of a pixel, the slot as empty as a month
    with no figure. It is drawn at least as high as the mark of a 0, and has no "0" over it (it is not 0)."""
    bars = chart.add_bars("This year", "#1f5fa8")
    bars.setData([0, 1, 2], [0.0001, None, 100])
    chart.set_categories(["Apr", "May", "Jun"])
    image = chart.render_image(480, 300)
    layout = chart.layout_for(480, 300)
    assert _dark_above_baseline(image, layout, 0) > 10
    assert _dark_above_baseline(image, layout, 1) == 0
    assert chart.zero_labels(480, 300) == []


def test_a_small_negative_figure_is_drawn_below_the_zero_line_and_a_0_on_it(chart):
    bars = chart.add_bars("Change", "#1f5fa8")
    bars.setData([0, 1, 2, 3], [-0.0001, 0, -50, 50])
    chart.set_categories(["Apr", "May", "Jun", "Jul"])
    image = chart.render_image(480, 300)
    layout = chart.layout_for(480, 300)
    assert _dark_below_baseline(image, layout, 0) > 10
    assert _dark_above_baseline(image, layout, 1) > 10 and _dark_below_baseline(image, layout, 1) == 0
    assert chart.zero_labels(480, 300) == [("Change", 1.0, "0")]
