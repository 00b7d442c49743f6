"""Benchmark: a large plan (many lines, ten years, stated subtotals) worked out for the screen, the report
and `safer-desk budget`, against the example file's MTFP measured in the same run. Prints figures and
ratios; asserts nothing.

    /work/venvs/<name>/bin/python benchmarks/budgets_plan.py [--lines 500] [--years 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from safer_desk.domain.budgets import plan_totals  # noqa: E402
from safer_desk.services import budgets  # noqa: E402
from safer_desk.services.demo import build_demo  # noqa: E402
from safer_desk.services.demo_data import budgets as demo  # noqa: E402
from safer_desk.services.report_sections.budgets import board_report_sections  # noqa: E402
from safer_desk.storage.store import open_store  # noqa: E402


def timed(fn, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def build_large(store, n_lines: int, n_years: int) -> str:
    years = [f"{2010 + i}/{(11 + i) % 100:02d}" for i in range(n_years)]
    with store.transaction():
        plan = budgets.create_plan(store, "Large plan", columns=years, total_label="Base budget")
        per_section = max(1, n_lines // 5)
        for s in range(5):
            section = budgets.add_section(store, plan, f"Section {s}", kind=("expenditure", "income")[s % 2],
                                          total_label=f"Subtotal {s}")
            for n in range(per_section):
                line = budgets.add_line(store, section, f"Line {s}.{n}")
                for i, year in enumerate(years):
                    text = "TBC" if (n + i) % 17 == 0 else f"£{(n + 1) * (i + 3) * 101:,}"
                    budgets.set_cell(store, line, year, text)
            for year in years:
                budgets.set_stated_total(store, plan, year, "£1,000", section_id=section)
    return plan


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=500)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = build_demo(Path(tmp) / "example.sqlite")
        store = open_store(path)
        try:
            small = budgets.plan_id_by_name(store, demo.MTFP)
            start = time.perf_counter()
            large = build_large(store, args.lines, args.years)
            build = time.perf_counter() - start
            cells = store.scalar("SELECT count(*) FROM budget_cells")
            print(f"built {args.lines} lines × {args.years} years ({cells:,} cells in the file) in {build:.2f} s")
            rows = [
                ("load_plan", lambda p: budgets.load_plan(store, p)),
                ("plan_totals (domain)", lambda p: plan_totals(budgets.load_plan(store, p))),
                ("plan_view (screen)", lambda p: budgets.plan_view(store, p)),
                ("budget_csv_rows (CLI)", lambda p: budgets.budget_csv_rows(store, p)),
            ]
            print(f"{'step':28} {'MTFP (s)':>10} {'large (s)':>10} {'ratio':>8}")
            for name, fn in rows:
                a = timed(lambda: fn(small))
                b = timed(lambda: fn(large))
                print(f"{name:28} {a:10.4f} {b:10.4f} {b / a:8.1f}")
            whole = timed(lambda: board_report_sections(store), repeat=3)
            print(f"{'report section (all plans)':28} {'':>10} {whole:10.4f}")
        finally:
            store.close()


if __name__ == "__main__":
    main()
