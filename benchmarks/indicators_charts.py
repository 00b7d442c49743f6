"""Benchmark: switching the Indicators tab between 40 indicators with 10 years of monthly figures.

Makes a file with 40 indicators x 10 financial years x 12 months (plus 4 other areas, a
target for each and ratios for a quarter of them), opens it in the real window and
times choosing each indicator in the summary table: the year view is computed, the
grid filled, the curves updated with setData and the chart repainted. Every chart
mode is timed. Goal: under 50 ms a switch. Prints figures; never asserts on time.

Run:  /work/venv/bin/python benchmarks/indicators_charts.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def build(path: Path) -> None:
    import random

    from safer_desk.domain.periods import FinancialYear
    from safer_desk.services import indicators as svc
    from safer_desk.storage.store import open_store

    rnd = random.Random(6)
    store = open_store(path, create=True)
    areas = [svc.ensure_area(store, name) for name in ("Babergh", "Ipswich", "Mid Suffolk", "East Suffolk",
                                                        "West Suffolk")]
    years = [FinancialYear(2015 + i) for i in range(10)]
    rows = []
    with store.transaction():
        for i in range(40):
            ratio = i % 4 == 3
            ind = svc.save_indicator(store, f"Indicator {i + 1:02d}", code=f"B{i + 1}",
                                     unit="percentage" if ratio else "count",
                                     polarity=("lower", "higher", "monitor")[i % 3])
            for area in areas:
                for year in years:
                    for m in year.months:
                        if ratio:
                            d = rnd.randint(20, 60)
                            rows.append((f"{ind}:{area}:{m.iso}", ind, area, m.iso, None, rnd.randint(0, d), d))
                        else:
                            rows.append((f"{ind}:{area}:{m.iso}", ind, area, m.iso, float(rnd.randint(50, 900)),
                                         None, None))
                svc.set_target(store, ind, area, years[-1], kind="threshold" if ratio else "annual",
                               value=80 if ratio else 6000)
        store.conn.executemany(
            "INSERT INTO indicator_values(id, indicator_id, area_id, period, value, numerator, denominator) "
            "VALUES (?, ?, ?, ?, coalesce(?, CAST(? AS REAL) * 100 / ?), ?, ?)",
            [(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[5], r[6]) for r in rows])
    store.close()


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from safer_desk.domain.periods import FinancialYear
    from safer_desk.ui.main_window import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="safer-desk-charts-"))
    path = folder / "bench.sqlite"
    print(f"(machine load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    t = time.perf_counter()
    build(path)
    print(f"built 40 indicators x 10 years x 12 months x 5 areas in {time.perf_counter() - t:.1f} s")
    window = MainWindow()
    window.persist_state = False
    window.resize(1280, 800)
    window.open_path(path)
    window.show()
    t = time.perf_counter()
    tab = window.show_tab("indicators")
    app.processEvents()
    print(f"tab built and shown in {(time.perf_counter() - t) * 1000:.0f} ms")
    tab.select_area("district:babergh")
    tab.select_year(FinancialYear(2024))
    app.processEvents()
    names = [f"Indicator {i + 1:02d}" for i in range(40)]
    for mode in ("year", "cumulative", "rolling", "areas"):
        tab.set_mode(mode)
        app.processEvents()
        times, cpu = [], []
        for _ in range(2):
            for name in names:
                t, c = time.perf_counter(), time.process_time()
                tab.select_indicator(name)
                app.processEvents()  # delivers the repaints of the table, grid and chart
                times.append((time.perf_counter() - t) * 1000)
                cpu.append((time.process_time() - c) * 1000)
        print(f"{mode:10s}: switch median {statistics.median(times):5.1f} ms "
              f"(CPU {statistics.median(cpu):5.1f} ms), 95th {sorted(times)[int(len(times) * 0.95)]:5.1f} ms, "
              f"max {max(times):5.1f} ms over {len(times)} switches (goal < 50 ms)")
    window.close()


if __name__ == "__main__":
    main()
