"""Benchmark: the kit chart (ui/kit/chart.py) building and repainting, against a bare widget's repaint.

A 3-series chart (the Indicators tab's size: two years of bars and a target) and a 50-series chart of
120 points each (the soak test's): the time to build the series, and to give every series new figures
and repaint (``grab``, the whole paint into an image). The baseline, measured in the same run, is
``grab`` of a plain widget of the same size: what any repaint costs before the chart draws anything.
STYLE.md's figures for pyqtgraph (build ~0.35 s, repaint ~20 ms at 50 curves) were measured the same
way on these machines. Prints figures and ratios; asserts nothing.

    /work/venv/bin/python benchmarks/chart_paint.py [--repeats 40]
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def median_ms(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=40)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication.instance() or QApplication([])
    t = time.perf_counter()
    from safer_desk.ui.kit.chart import Chart
    print(f"(machine load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(f"importing ui/kit/chart.py: {(time.perf_counter() - t) * 1000:.0f} ms")

    bare = QWidget()
    bare.resize(640, 400)
    bare.show()
    bare_ms = median_ms(bare.grab, args.repeats)
    print(f"baseline, grab of a bare 640x400 widget: {bare_ms:.2f} ms")

    for count, points in ((3, 12), (50, 120)):
        xs = list(range(points))
        t = time.perf_counter()
        chart = Chart()
        chart.resize(640, 400)
        series = []
        for i in range(count):
            if count == 3 and i < 2:
                s = chart.add_bars(f"year {i}", "#1f5fa8" if i else "#d5dbe1")
            else:
                s = chart.add_line(f"series {i}", f"#{(i * 37) % 256:02x}40{(i * 91) % 256:02x}",
                                   style=("solid", "dash", "dot", "dashdot")[i % 4], marker="o" if i % 10 == 0 else None)
            s.setData(xs, [500 + 400 * math.sin(x / 10 + i) for x in xs])
            series.append(s)
        chart.set_categories([f"M{x}" for x in xs])
        chart.show()
        chart.grab()
        build_ms = (time.perf_counter() - t) * 1000
        frame = [0]

        def update_and_repaint() -> None:
            frame[0] += 1
            for i, s in enumerate(series):
                s.setData(xs, [500 + 400 * math.sin(x / 10 + i + frame[0] / 5) for x in xs])
            chart.grab()

        repaint_ms = median_ms(update_and_repaint, args.repeats)
        print(f"{count:2d} series x {points:3d} points: built and first painted in {build_ms:6.1f} ms; "
              f"new figures + repaint median {repaint_ms:6.2f} ms = {repaint_ms / bare_ms:5.1f}x a bare repaint")
        chart.close()
    bare.close()
    app.processEvents()


if __name__ == "__main__":
    main()
