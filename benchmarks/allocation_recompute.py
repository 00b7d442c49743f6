"""How long the allocation takes to recompute on an edit: 400 partnerships, 5 weighted factors.

Run: /work/venv/bin/python benchmarks/allocation_recompute.py
Prints median times for the formula alone (exact, legacy 2dp, with damping) against a
baseline measured in the same run (the same shares in plain floats, as a spreadsheet
would, which is not exact), then the whole tab path for one edit (undo command, formula,
tables, chart, draft saved) against a baseline of resetting a plain 400-row table.
A QTimer heartbeat (10 ms) counts gaps over 100 ms during 50 edits made 150 ms apart.
Nothing is asserted.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from safer_desk.domain.allocation import (AllocationOptions, Factor, PartnershipInput,  # noqa: E402
                                          allocate_by_formula)

PARTNERSHIPS, FACTORS, REPEATS = 400, 5, 15


def make_inputs(seed: int = 1):
    rng = random.Random(seed)
    factors = tuple(Factor(f"factor{i}", Fraction(20), f"Factor {i}") for i in range(FACTORS))
    rows = [PartnershipInput(f"Partnership {n:03d}", rng.randint(1, 3),
                             {f.name: rng.randint(100, 50_000) for f in factors}, rng.randint(50_000, 500_000) * 100)
            for n in range(PARTNERSHIPS)]
    previous = sum(r.previous_pence for r in rows)
    return rows, factors, previous


def timed(fn, repeats=REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def float_baseline(rows, factors, pot_pounds):
    """The same formula in floats, as a spreadsheet computes it (not exact: the baseline only)."""
    totals = {f.name: float(sum(r.values[f.name] for r in rows)) for f in factors}
    units = sum(r.fixed_units for r in rows)
    per_unit = round(pot_pounds / 3 / units)
    variable = pot_pounds - per_unit * units
    return [r.fixed_units * per_unit + round(variable * sum(0.2 * float(r.values[f.name]) / totals[f.name]
                                                            for f in factors)) for r in rows]


def main() -> None:
    rows, factors, previous = make_inputs()
    base = dict(previous_total_pence=previous, retain=Fraction(1, 10), fixed_share=Fraction(1, 3), factors=factors)
    print(f"Allocation recompute: {PARTNERSHIPS} partnerships, {FACTORS} factors (median of {REPEATS})")
    baseline = timed(lambda: float_baseline(rows, factors, previous / 100 * 0.9))
    print(f"  baseline, plain floats (not exact)      {baseline:8.2f} ms")
    for label, extra in (("exact shares", {}), ("legacy 2dp percentages", {"rounding": "percent-2dp"}),
                         ("exact with ±5% damping", {"damping": Fraction(1, 20)})):
        options = AllocationOptions(**base, **extra)
        ms = timed(lambda: allocate_by_formula(rows, options))
        print(f"  formula, {label:<30} {ms:8.2f} ms  ({ms / baseline:5.1f}× baseline)")

    app = QApplication.instance() or QApplication([])
    from safer_desk.services import allocation as service
    from safer_desk.storage.store import open_store
    from safer_desk.ui.allocation.models import result_columns, result_rows
    from safer_desk.ui.allocation.tab import AllocationTab
    from safer_desk.ui.session import Session
    from safer_desk.ui.kit.tables import RowTableModel
    from safer_desk.ui.kit.table_view import DataTableView

    folder = Path(tempfile.mkdtemp(prefix="alloc-bench-"))
    store = open_store(folder / "bench.sqlite", create=True)
    options = AllocationOptions(**base)
    service.save_draft(store, rows, options)
    session = Session()
    session.store = store
    start = time.perf_counter()
    tab = AllocationTab(session)
    tab.resize(1280, 760)
    tab.show()
    app.processEvents()
    print(f"  tab built and shown                      {(time.perf_counter() - start) * 1000:8.2f} ms")

    result = allocate_by_formula(rows, options)
    plain_model = RowTableModel(result_columns(result), result_rows(result))
    plain_view = DataTableView()
    plain_view.setModel(plain_model)
    plain_view.resize(800, 400)
    plain_view.show()

    def plain_refresh():
        plain_model.set_rows(result_rows(result))
        plain_view.viewport().repaint()

    table_baseline = timed(plain_refresh)
    print(f"  baseline, reset a plain 400-row table    {table_baseline:8.2f} ms")

    key = "factor:factor2"
    counter = iter(range(10**6))

    def one_edit():
        n = next(counter)
        tab.edit_input(n % PARTNERSHIPS, key, str(1000 + n))
        tab.results_view.viewport().repaint()
        tab.chart.plot.repaint()  # (the kit's Chart paints itself: no viewport)

    ms = timed(one_edit)
    print(f"  tab, one edit (undo, formula, tables, chart, draft) "
          f"{ms:6.2f} ms  ({ms / table_baseline:5.1f}× table baseline)")

    tab.edit_option("rounding", "percent-2dp")
    ms = timed(one_edit)
    print(f"  tab, one edit with legacy 2dp rounding    {ms:8.2f} ms")

    gaps, longest = [], [0.0]
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def beat():
        now = clock.elapsed()
        gap = now - last[0]
        longest[0] = max(longest[0], gap)
        if gap > 100:
            gaps.append(gap)
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    edits = iter(range(50))

    def next_edit():
        try:
            next(edits)
        except StopIteration:
            app.quit()
            return
        n = next(counter)
        tab.edit_input(n % PARTNERSHIPS, key, str(1000 + n))  # the event loop paints, as in the window
        QTimer.singleShot(150, next_edit)  # someone typing a figure and pressing Enter, quickly

    QTimer.singleShot(0, next_edit)
    app.exec()
    heartbeat.stop()
    print(f"  heartbeat over 50 edits: longest gap {longest[0]:.0f} ms, gaps over 100 ms: {len(gaps)}")
    tab.close()
    plain_view.close()
    session.store = None
    store.close()


if __name__ == "__main__":
    main()
