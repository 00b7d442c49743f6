"""Benchmark: the Projects tab on a register of 5,000 projects.

Measures, in one run and against baselines measured in the same run:
- opening the tab (read the register, build the model, first paint) against a plain QTableView showing
  the same 5,000 rows read with one SELECT;
- refiltering on a keystroke in the search box against QSortFilterProxyModel.setFilterFixedString on the
  plain model;
- the longest event-loop block while the tab opens, filters on each keystroke, sorts and selects
  (a 5 ms QTimer heartbeat counts the gaps; the target is never more than 100 ms).

Run from the repository root: /work/venv/bin/python benchmarks/projects_register.py [N]
Prints figures only; never asserts on time.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, QSortFilterProxyModel, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from safer_desk.domain.ids import new_id  # noqa: E402
from safer_desk.domain.money import parse_cost  # noqa: E402
from safer_desk.domain.projects import CRITERIA_KEYS, Criterion, read_line_amount  # noqa: E402
from safer_desk.services.projects import CostLine, Officer, Project, StatusChange, add_projects  # noqa: E402
from safer_desk.storage.store import open_store  # noqa: E402

WORDS = ["Suffolk", "Ipswich", "Waveney", "Babergh", "Plymouth", "youth", "domestic", "abuse", "night", "safe",
         "alcohol", "support", "worker", "pilot", "accommodation", "triage", "exploitation", "criminal", "damage"]
VALUES = ["yes", "no", "unknown", ""]


def build_file(path: Path, n: int) -> None:
    store = open_store(path, create=True)
    projects = []
    for i in range(n):
        title = " ".join(WORDS[(i * k + 3) % len(WORDS)] for k in (1, 5, 7)) + f" {i}"
        lines = tuple(CostLine("2009/10" if j % 2 else "2010/11", "staff", f"line {j}",
                               read_line_amount(f"£{(i % 50 + 1) * 100 + j:,}")) for j in range(3))
        projects.append(Project(
            id=new_id(), ref=str(i + 1), title=title, description=f"Project {i} for the register benchmark",
            lead_organisation=["Suffolk County Council", "Suffolk Constabulary", "Ipswich Borough Council"][i % 3],
            areas=(["Countywide", "Ipswich", "Waveney"][i % 3],), status=["proposed", "shortlisted", "live"][i % 3],
            funding_route=["PRG &/or SSPB", "SSPB"][i % 2], cost=parse_cost(f"£{(i % 97 + 1) * 1000:,}"),
            criteria={k: Criterion(VALUES[(i + j) % 4]) for j, k in enumerate(CRITERIA_KEYS)},
            indicators=("NI 32",), officers=(Officer(f"Officer {i % 40}", "Manager", "Suffolk County Council"),),
            status_history=(StatusChange("proposed", "2009-04-01"),), cost_lines=lines,
        ))
    add_projects(store, projects)
    store.close()


class Heartbeat:
    """Counts the longest gap between ticks of a 5 ms timer: how long the event loop was blocked."""

    def __init__(self):
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.clock = QElapsedTimer()
        self.longest_ms = 0
        self.timer.timeout.connect(self._tick)

    def _tick(self):
        gap = self.clock.restart()
        self.longest_ms = max(self.longest_ms, gap)

    def start(self):
        self.longest_ms = 0
        self.clock.start()
        self.timer.start()

    def stop(self):
        self._tick()
        self.timer.stop()
        return self.longest_ms


def settle(app: QApplication, ms: int = 30) -> None:
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents()


def baseline(app: QApplication, path: Path, typed: str) -> tuple[float, float, int]:
    """A plain QTableView over a QStandardItemModel of the same rows (no editor, no filters, no criteria logic)."""
    heartbeat = Heartbeat()
    heartbeat.start()
    t0 = time.perf_counter()
    store = open_store(path, read_only=True)
    rows = store.rows("SELECT ref, title, status, funding_route, cost_min_pence, laa_outcome, csp_priority, "
                      "cross_cutting, additional, innovative, lead_organisation, areas FROM projects")
    model = QStandardItemModel(len(rows), 12)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            model.setItem(r, c, QStandardItem("" if value is None else str(value)))
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    view = QTableView()
    view.setModel(proxy)
    view.resize(1280, 700)
    view.show()
    app.processEvents()
    open_s = time.perf_counter() - t0
    times = []
    for i in range(1, len(typed) + 1):
        t = time.perf_counter()
        proxy.setFilterFixedString(typed[:i])
        app.processEvents()
        times.append(time.perf_counter() - t)
    longest = heartbeat.stop()
    view.close()
    store.close()
    return open_s, sum(times) / len(times), longest


def measure_tab(app: QApplication, path: Path, typed: str) -> dict:
    from safer_desk.ui.main_window import MainWindow

    window = MainWindow()
    window.persist_state = False
    window.resize(1280, 800)
    window.show()
    settle(app)
    heartbeat = Heartbeat()
    heartbeat.start()
    t0 = time.perf_counter()
    window.open_path(path)
    tab = window.show_tab("projects")
    app.processEvents()
    while window.is_busy():
        app.processEvents()
    app.processEvents()
    open_s = time.perf_counter() - t0
    page = tab.register
    settle(app)
    times = []
    for ch in typed:
        t = time.perf_counter()
        QTest.keyClick(page.search, ch)
        app.processEvents()
        times.append(time.perf_counter() - t)
    shown = page.proxy.rowCount()
    page.search.clear()
    settle(app)
    t = time.perf_counter()
    page.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    app.processEvents()
    sort_s = time.perf_counter() - t
    t = time.perf_counter()
    page.view.selectRow(10)
    app.processEvents()
    select_s = time.perf_counter() - t
    t = time.perf_counter()
    page.status_filter.setCurrentIndex(2)
    app.processEvents()
    status_s = time.perf_counter() - t
    settle(app)
    longest = heartbeat.stop()
    window.session.close()
    window.close()
    return {"open": open_s, "key": sum(times) / len(times), "key_max": max(times), "shown": shown,
            "sort": sort_s, "select": select_s, "status": status_s, "longest": longest}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    app = QApplication.instance() or QApplication([])
    typed = "ipswich"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        t = time.perf_counter()
        build_file(path, n)
        print(f"built a register of {n:,} projects in {time.perf_counter() - t:.2f} s")
        base_open, base_key, base_longest = baseline(app, path, typed)
        tab = measure_tab(app, path, typed)
    print(f"{'':34}{'Projects tab':>14}{'baseline':>12}{'ratio':>8}")
    print(f"{'open (read, model, first paint)':34}{tab['open'] * 1000:>11.0f} ms{base_open * 1000:>9.0f} ms"
          f"{tab['open'] / base_open:>8.1f}")
    print(f"{'refilter per keystroke (mean)':34}{tab['key'] * 1000:>11.1f} ms{base_key * 1000:>9.1f} ms"
          f"{tab['key'] / base_key:>8.1f}")
    print(f"{'refilter per keystroke (worst)':34}{tab['key_max'] * 1000:>11.1f} ms")
    print(f"{'sort by title':34}{tab['sort'] * 1000:>11.1f} ms")
    print(f"{'select a row (editor fills)':34}{tab['select'] * 1000:>11.1f} ms")
    print(f"{'filter by status':34}{tab['status'] * 1000:>11.1f} ms")
    print(f"{'longest event-loop block':34}{tab['longest']:>11d} ms{base_longest:>9d} ms"
          f"   (target: under 100 ms; 'open' is one block)")
    print(f"rows shown after typing {typed!r}: {tab['shown']:,}")


if __name__ == "__main__":
    main()
