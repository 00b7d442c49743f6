"""Soak: many thousands of void Qt calls and chart repaints must not exhaust None (none_dealloc).

PySide6 6.12.0 on Python 3.11 drops a reference to None on every Qt call that returns
nothing; a 50-curve pyqtgraph chart aborted within ~60 repaints. The dependency marker in
pyproject.toml keeps 3.11 on 6.11.x; this test catches a regression on any combination.
"""

import gc
import sys

import pytest


@pytest.mark.slow
def test_fifty_curve_chart_survives_hundreds_of_repaints(qtbot):
    import numpy as np
    from PySide6.QtWidgets import QApplication  # noqa: F401  (PySide6 before pyqtgraph)
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.resize(640, 400)
    plot.addLegend()
    xs = np.arange(120, dtype=float)
    curves = [plot.plot(xs, np.sin(xs / 10 + i), pen=pg.mkPen(i, 50), name=f"series {i}") for i in range(50)]
    plot.show()
    plot.grab()  # first paint: caches and lazily built items settle before counting
    # None's count is global: objects of earlier tests freed by the collector during the loop move it
    # by thousands. Collect first and keep the collector off while counting.
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for frame in range(150):
            for i, curve in enumerate(curves):
                curve.setData(xs, np.sin(xs / 10 + i + frame / 5))
            image = plot.grab()
            assert not image.isNull()
        del image
        after = sys.getrefcount(None)
    finally:
        gc.enable()
    # On Python 3.12+ None is immortal (its count never moves); on 3.11 a leak shows as thousands.
    assert abs(after - before) < 1000, f"None refcount moved by {after - before}"
