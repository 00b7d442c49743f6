"""Soak: many thousands of void Qt calls and chart repaints must not exhaust None (none_dealloc).

PySide6 6.12.0 on Python 3.11 drops a reference to None on every Qt call that returns
nothing; a 50-curve chart (pyqtgraph's then) aborted within ~60 repaints. The dependency marker in
pyproject.toml keeps 3.11 on 6.11.x; this test catches a regression on any combination, now on the
kit's own QPainter chart, whose every repaint makes hundreds of void calls (setPen, drawPath, drawText …).
"""

import gc
import math
import sys

import pytest


@pytest.mark.slow
def test_fifty_series_chart_survives_hundreds_of_repaints(qtbot):
    from safer_desk.ui.kit.chart import LINE_STYLES, Chart

    chart = Chart()
    qtbot.addWidget(chart)
    chart.resize(640, 400)
    xs = list(range(120))
    series = [chart.add_line(f"series {i}", f"#{(i * 5) % 256:02x}{(i * 37) % 256:02x}{(i * 91) % 256:02x}",
                             style=list(LINE_STYLES)[i % len(LINE_STYLES)], marker="o" if i % 10 == 0 else None)
              for i in range(50)]
    for i, s in enumerate(series):
        s.setData(xs, [math.sin(x / 10 + i) for x in xs])
    chart.set_x_axis(lambda x: f"Month {int(x)}")
    chart.show()
    chart.grab()  # first paint: caches and lazily built objects settle before counting
    # None's count is global: objects of earlier tests freed by the collector during the loop move it
    # by thousands. Collect first and keep the collector off while counting.
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for frame in range(300):
            for i, s in enumerate(series):
                s.setData(xs, [math.sin(x / 10 + i + frame / 5) for x in xs])
            image = chart.grab()
            assert not image.isNull()
        del image
        after = sys.getrefcount(None)
    finally:
        gc.enable()
    # On Python 3.12+ None is immortal (its count never moves); on 3.11 a leak shows as thousands.
    assert abs(after - before) < 1000, f"None refcount moved by {after - before}"
