"""Benchmark: which offices of a county file sent only their copy of the example (``services.example_rows``), at 5
and at 25 offices, to see whether its cost grows faster than the county file does.

Each office is a fresh copy of the example (`safer-desk demo`) with its own name and district, exported and merged
into one county file per size; one office in five adds a project of its own (so the county is not one of copies
alone, which the rule leaves as it is), and one in five deletes one of the example's projects (counted as an office
of its own: work of its own, read to the end of its rows). The answer is kept until the file changes, so each timing
changes the county file first (a setting written and put back, as any edit in the window does).

Measured in one run, so machine load falls on both alike:

- rule: ``example_only_offices`` after a change, median of --runs;
- baseline: one pass over the rows the rule reads (every merged row's origin and holder, counted per office and
  table), the least any such rule could cost;
- the ratio of the two at each size, and how much each grew from 5 offices to 25, with the rule's cost per office
  (linear when that stays about the same).

Prints the figures; never asserts on time.

    python benchmarks/example_only_offices.py [--sizes 5 25] [--runs 5] [--keep FOLDER]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DISTRICTS = ["Babergh", "Ipswich", "Mid Suffolk", "East Suffolk", "West Suffolk"]


def build_exports(folder: Path, how_many: int) -> list[Path]:
    """how_many offices, each a fresh copy of the example, exported (one officer's key, in folder/home)."""
    from safer_desk.services import reference as ref
    from safer_desk.services.county import export_for_county
    from safer_desk.services.demo import build_demo
    from safer_desk.services.projects import Project, add_projects, delete_projects, load_projects
    from safer_desk.storage.store import open_store

    exports = []
    for i in range(how_many):
        store = open_store(build_demo(folder / f"office-{i:02d}.sqlite"))
        try:
            district = DISTRICTS[i % len(DISTRICTS)]
            store.set_meta("office_name", f"{district} office {i + 1}")
            ref.set_office_scope(store, districts=[district], county="Suffolk")
            if i % 5 == 1:
                add_projects(store, [Project(id=f"p-own-{i}", title=f"Own project {i}", areas=(district,))])
            elif i % 5 == 3:
                delete_projects(store, [next(p.id for p in load_projects(store) if p.title == "PPO alcohol worker")])
            exports.append(export_for_county(store, folder / f"office-{i:02d}-export.sqlite").path)
        finally:
            store.close()
    return exports


def merged_county(folder: Path, exports: list[Path]):
    import sqlite3

    from safer_desk.exchange.signing import officer_key
    from safer_desk.services.county import merge_district_files
    from safer_desk.storage.store import open_store

    fingerprint = officer_key().fingerprint
    accept = []
    for path in exports:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            accept.append((fingerprint, conn.execute(
                "SELECT value FROM _export_manifest WHERE key = 'office_id'").fetchone()[0]))
        finally:
            conn.close()
    county = open_store(folder / f"county-{len(exports)}.sqlite", create=True, office_name="Suffolk county team")
    report = merge_district_files(county, exports, accept_keys=accept)
    if report.refused:
        raise SystemExit(f"refused: {report.refused[:2]}")
    return county


def touch(county) -> None:
    """A change to the county file (written and put back), so that the rule's kept answer is read again."""
    with county.transaction():
        county.set_meta("benchmark_touch", str(time.perf_counter_ns()))


def baseline(county) -> int:
    from safer_desk.storage.schema.exchange import HOLDERS_TABLE, PROVENANCE_TABLE

    return sum(1 for _ in county.rows(
        f"SELECT office_id, table_name, count(*) FROM (SELECT office_id, table_name FROM {PROVENANCE_TABLE} UNION ALL "
        f"SELECT office_id, table_name FROM {HOLDERS_TABLE}) GROUP BY office_id, table_name"))


def timed(fn, county, runs: int) -> float:
    times = []
    for _ in range(runs):
        touch(county)
        t = time.perf_counter()
        fn(county)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 25])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep the files in this folder")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="safer-desk-example-only-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["SAFER_DESK_HOME"] = str(folder / "home")  # this benchmark's officer key, not the user's
    from safer_desk.services.example_rows import example_only_offices
    from safer_desk.storage.schema.exchange import HOLDERS_TABLE, PROVENANCE_TABLE

    try:
        t = time.perf_counter()
        exports = build_exports(folder, max(args.sizes))
        print(f"built and exported {len(exports)} copies of the example in {time.perf_counter() - t:.1f} s")
        results = []
        for size in sorted(args.sizes):
            county = merged_county(folder, exports[:size])
            try:
                rows = county.scalar(f"SELECT (SELECT count(*) FROM {PROVENANCE_TABLE}) + "
                                     f"(SELECT count(*) FROM {HOLDERS_TABLE})")
                found = example_only_offices(county)
                rule = timed(example_only_offices, county, args.runs)
                base = timed(baseline, county, args.runs)
            finally:
                county.close()
            results.append((size, rows, rule, base))
            print(f"{size:3d} offices: {rows:,} origin and holder rows; example-only {len(found)}; "
                  f"rule {rule * 1000:.1f} ms, baseline {base * 1000:.1f} ms, ratio {rule / base:.1f}x")
        if len(results) > 1:
            (n0, r0, a0, b0), (n1, r1, a1, b1) = results[0], results[-1]
            per0, per1 = a0 / n0 * 1000, a1 / n1 * 1000
            grows = "about linearly" if per1 <= 1.5 * per0 else "faster than linearly"
            print(f"{n0} -> {n1} offices (x{n1 / n0:.1f}): rows x{r1 / r0:.1f}, rule x{a1 / a0:.1f}, baseline "
                  f"x{b1 / b0:.1f}; the rule costs {per0:.1f} ms an office at {n0}, {per1:.1f} ms at {n1}: it grows "
                  f"{grows} with the offices")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
