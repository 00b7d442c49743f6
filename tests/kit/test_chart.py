"""The kit's QPainter chart on its own (no presenter, no window): ticks, words, legend, empty state, pixels."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF

from safer_desk.ui.kit.chart import (EMPTY_TEXT, Chart, nice_ticks, number_tick, percent_tick, pounds_tick,
                                     short_pounds_tick)


@pytest.fixture
def chart(qtbot):
    widget = Chart()
    qtbot.addWidget(widget)
    widget.resize(480, 300)
    return widget


def colour_at(image, x: float, y: float) -> str:
    return image.pixelColor(int(x), int(y)).name()


# -- ticks and their words ---------------------------------------------------------------------------
def test_nice_ticks_are_round_and_cover_the_range():
    assert nice_ticks(0, 1692, 4) == [0, 500, 1000, 1500, 2000]
    assert nice_ticks(0, 223181, 5) == [0, 50000, 100000, 150000, 200000, 250000]
    assert nice_ticks(0, 0.9, 3) == [0, 0.5, 1.0]
    assert nice_ticks(-6957, 1000, 4) == [-8000, -6000, -4000, -2000, 0, 2000]
    assert nice_ticks(5, 5, 2) == [5, 5.5, 6]  # flat: a unit of room, never a division by zero


@settings(max_examples=200, deadline=None)
@given(st.floats(-1e9, 1e9), st.floats(0, 1e9), st.integers(2, 8))
def test_nice_ticks_always_cover_and_stay_few(low, span, count):
    ticks = nice_ticks(low, low + span, count)
    step = ticks[1] - ticks[0]
    slack = 1e-6 * max(step, abs(low), 1.0)  # to within a millionth of a step: what a chart can show
    assert ticks[0] <= low + slack and ticks[-1] >= low + span - slack
    assert 2 <= len(ticks) <= 2 * count + 2
    assert all(abs((b - a) - step) <= slack for a, b in zip(ticks, ticks[1:]))


def test_formatters_say_figures_as_people_write_them():
    assert number_tick(12000, 1000) == "12,000"
    assert number_tick(0.5, 0.1) == "0.5"
    assert number_tick(-200, 100) == "\u2212200"  # a true minus sign, not a hyphen
    assert number_tick(0.30000000000000004, 0.1) == "0.3"
    assert percent_tick(90, 10) == "90%"
    assert pounds_tick(200000, 50000) == "£200,000"
    assert pounds_tick(-6957) == "\u2212£6,957"
    assert short_pounds_tick(1200) == "£1.2k" and short_pounds_tick(3_000_000) == "£3m"
    assert short_pounds_tick(850) == "£850" and short_pounds_tick(-1500) == "\u2212£1.5k"


def test_value_axis_uses_the_formatter_and_has_room_for_every_label(chart):
    chart.set_value_format(pounds_tick)
    bars = chart.add_bars("2009/10", "#1f77b4")
    bars.setData(range(5), [63768, 144072, 99065, 76660, 206043])
    labels = chart.value_ticks()
    assert labels[0] == "£0" and "£200,000" in labels[-2:]
    widest = max(chart.fontMetrics().horizontalAdvance(t) for t in labels)
    assert chart.value_axis_width() >= widest + chart.PAD


def test_category_labels_that_would_overlap_are_skipped(chart):
    months = [f"{m} {y}" for y in (2016, 2017, 2018) for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                                                 "Aug", "Sep", "Oct", "Nov", "Dec")]
    line = chart.add_line("12 months to", "#1f5fa8")
    chart.set_categories(months)
    line.setData(range(len(months)), [100 + i for i in range(len(months))])
    wide = chart.x_tick_labels(4000)
    narrow = chart.x_tick_labels(300)
    assert wide == months  # room for all
    assert narrow[0] == "Jan 2016" and 1 < len(narrow) < len(months) // 3
    # the labels kept are evenly spaced: every n-th month
    indices = [months.index(t) for t in narrow]
    assert len({b - a for a, b in zip(indices, indices[1:])}) == 1


# -- series ----------------------------------------------------------------------------------------------
def test_get_data_gives_back_what_set_data_took(chart):
    line = chart.add_line("Spend", "#1f4e79", style="dash", marker="s")
    line.setData([0, 1, 2, 3], [0, 795, 1630, None])
    xs, ys = line.getData()
    assert xs == [0, 1, 2, 3] and ys == [0, 795, 1630, None]
    with pytest.raises(ValueError):
        line.setData([0, 1], [1])
    with pytest.raises(ValueError):
        chart.add_line("x", "#000", style="wavy")


def test_series_are_kept_by_clear_only(chart):
    a = chart.add_line("A", "#000")
    chart.add_vline(3, "#7b1fa2", "End of period")
    assert chart.series == [a] and len(chart.lines) == 1
    chart.clear()
    assert chart.series == [] and chart.lines == [] and chart.legend_names() == []


def test_empty_chart_says_so_in_the_middle(chart):
    chart.add_line("A", "#1f5fa8")  # a series without figures is still nothing to chart
    image = chart.grab().toImage()
    assert not chart.has_figures()
    # nothing but the words: no axis line, no grid, and the words sit in the middle band
    dark = [(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
            if image.pixelColor(x, y).lightness() < 200]
    assert dark, EMPTY_TEXT
    ys = [y for _, y in dark]
    assert min(ys) > image.height() * 0.35 and max(ys) < image.height() * 0.65


def test_legend_sits_under_the_axis_off_the_data_and_wraps(chart):
    for i in range(8):
        chart.add_line(f"A partnership with a long name {i}", "#1f5fa8").setData([0, 1], [1, 2])
    chart.add_vline(0.5, "#b71c1c", "Runs out Apr 2020", style="dot")
    chart.add_hline(1.5, "#2e7d32")  # no label: not in the legend
    layout = chart.layout_for(480, 300)
    assert chart.legend_names()[-1] == "Runs out Apr 2020" and len(chart.legend_names()) == 9
    assert len(layout.legend_rows) > 1  # wrapped, never cut
    assert layout.legend_top > layout.plot.bottom() + chart.fontMetrics().height()  # under the month labels
    chart.set_legend_order([chart.series[3], chart.series[1]])
    assert chart.legend_names() == ["A partnership with a long name 3", "A partnership with a long name 1"]


def test_hidden_series_leave_the_legend_and_the_range(chart):
    small = chart.add_line("small", "#1f5fa8")
    big = chart.add_line("big", "#c0392b")
    small.setData([0, 1], [1, 2])
    big.setData([0, 1], [1000, 2000])
    big.setVisible(False)
    assert chart.legend_names() == ["small"]
    assert chart.value_ticks()[-1] in ("2", "2.0", "2.5", "3")


# -- pixels ----------------------------------------------------------------------------------------------
def test_bars_are_drawn_where_their_figures_say(chart):
    last = chart.add_bars("2015/16", "#d5dbe1", outline="#4a4f55", outline_style="dash")
    this = chart.add_bars("2016/17", "#1f5fa8")
    chart.set_categories(["Apr", "May", "Jun"])
    last.setData([0, 1, 2], [150, 40, 210])
    this.setData([0, 1, 2], [110, 210, None])
    image = chart.grab().toImage()
    scale = image.width() / chart.width()
    layout = chart.layout_for(chart.width(), chart.height())

    def colour(x, y):
        p = layout.to_px(x, y)
        return colour_at(image, p.x() * scale, p.y() * scale)

    # Grouped in the order added: last year left (x − 0.2), this year right (x + 0.2). (Heights off the grid.)
    assert colour(1 + 0.2, 130) == "#1f5fa8"  # this year's bar reaches 210
    assert colour(1 - 0.2, 130) == "#ffffff"  # last year's is only 40 high
    assert colour(1 - 0.2, 20) == "#d5dbe1"
    assert colour(1 + 0.2, 230) == "#ffffff"  # nothing above a bar
    assert colour(2 + 0.2, 130) == "#ffffff"  # no bar for a missing figure
    assert colour(2 - 0.2, 130) == "#d5dbe1"


def test_resizing_and_high_dpi_keep_the_picture(chart, qtbot):
    line = chart.add_line("Spend", "#1f4e79", width=3)
    line.setData([0, 10], [0, 100])
    for size in ((240, 160), (900, 500)):
        chart.resize(*size)
        image = chart.render_image()
        assert (image.width(), image.height()) == size
        drawn = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
                    if image.pixelColor(x, y).name() == "#1f4e79")
        assert drawn > 10
    big = chart.grab()  # whatever the screen's pixel ratio, the picture is the widget's size in logical pixels
    assert big.deviceIndependentSize().width() == pytest.approx(900)


def test_tooltip_names_the_nearest_point(chart):
    line = chart.add_line("Spend to date", "#1f4e79", marker="o")
    chart.set_categories(["Apr", "May", "Jun"])
    chart.set_value_format(pounds_tick)
    line.setData([0, 1, 2], [0, 795, 1630])
    layout = chart.layout_for(chart.width(), chart.height())
    near = layout.to_px(1, 795) + QPointF(3, -2)
    assert chart.hover_text_at(near) == "Spend to date\nMay: £795"
    assert chart.hover_text_at(QPointF(2, 2)) == ""


def test_svg_and_png_of_any_size(chart, tmp_path: Path):
    chart.set_title("All crime, Plymouth")
    chart.add_line("2016/17", "#1f5fa8").setData([0, 1], [1, 2])
    chart.write_svg(tmp_path / "c.svg", 800, 400)
    text = (tmp_path / "c.svg").read_text(encoding="utf-8")
    assert "<svg" in text and "All crime, Plymouth" in text
    assert chart.render_image(800, 400).width() == 800
