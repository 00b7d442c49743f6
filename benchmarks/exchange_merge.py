"""Benchmark: export and merge 25 district files of realistic size into one county file.

Each district file holds the seed reference data plus, for its own district: 300 projects with three cost
lines, an officer and a funding source each (projects services), 30 indicators with three financial years of
monthly values (indicators services: 1,080 values), and 150 target-hardening referrals with 450 spend lines.
Rows go into the tabs' own tables through their services where those have landed; a tab that has not landed
on this branch yet is stood in for by ``bench_*`` tables of the same shape, so the merge does the same work.

Prints: time to export each file and to merge all 25 (first merge, then the same 25 again, which must
change nothing), rows per second, peak Python memory (tracemalloc) and the process's peak RSS, with
ratios against a baseline measured in the same run (a plain SQLite backup of each file for the export;
a bare executemany of the same rows into one file for the merge). Never asserts on time.

    /work/venv/bin/python benchmarks/exchange_merge.py [--districts 25] [--keep FOLDER] [--include-referrals]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from safer_desk.domain.ids import new_id  # noqa: E402
from safer_desk.domain.periods import FinancialYear  # noqa: E402
from safer_desk.exchange.county_schema import (content_checksum, data_tables, has_table, iter_rows, quote,  # noqa: E402
                                               row_counts, table_info)
from safer_desk.services.county import export_for_county, merge_district_files  # noqa: E402


def OFFICER_KEYS() -> list[str]:  # noqa: N802 - every district here is exported by this one officer
    from safer_desk.exchange.signing import officer_key

    return [officer_key().fingerprint]
from safer_desk.services.demo_data import reference  # noqa: E402
from safer_desk.storage import audit  # noqa: E402
from safer_desk.storage.schema import costs as costs_schema  # noqa: E402
from safer_desk.storage.store import open_store  # noqa: E402

# Stand-ins for tabs whose tables have not landed on this branch (same shape of work for the merge).
BENCH_TABLES = {
    "fund_spend_lines": [
        """CREATE TABLE IF NOT EXISTS bench_referrals (id TEXT PRIMARY KEY, reference TEXT NOT NULL UNIQUE,
            district_id TEXT NOT NULL REFERENCES districts(id), month TEXT NOT NULL) STRICT""",
        """CREATE TABLE IF NOT EXISTS bench_spend_lines (id TEXT PRIMARY KEY, referral_id TEXT NOT NULL
            REFERENCES bench_referrals(id), spent_on TEXT NOT NULL, item TEXT NOT NULL,
            amount_pence INTEGER NOT NULL) STRICT""",
    ],
}
INDICATORS = [f"Indicator {i:02d}" for i in range(30)]
YEARS = [FinancialYear(2016), FinancialYear(2017), FinancialYear(2018)]
STATUSES = ["proposed", "shortlisted", "commissioned", "live", "completed"]


def district_names(n: int) -> list[str]:
    return [f"Bench district {i:02d}" for i in range(n)]


def standin_sql(conn) -> list[str]:
    return [sql for real, sqls in BENCH_TABLES.items() if not has_table(conn, real) for sql in sqls]


def build_district(path: Path, index: int, names: list[str], rnd: random.Random) -> None:
    """One office: 300 projects with 3 cost lines each, 30 indicators x 36 months, 150 referrals with spend."""
    from safer_desk.services import reference as ref

    store = open_store(path, create=True, office_name=f"District office {index:02d}")
    try:
        reference.add_examples(store)
        for name in names:  # every office knows every district (reference data is shared)
            ref.add_district(store, name, county="Benchshire")
        name = names[index]
        district = ref.add_district(store, name, county="Benchshire")
        sql = standin_sql(store.conn)
        if sql:
            with store.transaction():
                for statement in sql:
                    store.conn.execute(statement)
                audit.refresh_audit_triggers(store.conn)
        _add_projects(store, name, rnd)
        _add_indicator_values(store, name, rnd)
        _add_spend(store, district, index, rnd)
        audit.discard_trail_of_copy(store.conn)  # a district's trail is not part of what is measured
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()


def _add_projects(store, district_name: str, rnd: random.Random) -> None:
    if not has_table(store.conn, "projects"):
        return
    from safer_desk.services import projects as svc

    made = []
    for p in range(300):
        y1, y2 = rnd.randrange(5_000, 60_000), rnd.randrange(5_000, 60_000)
        made.append(svc.project_from_fields(
            {"title": f"{district_name} project {p:03d}", "description": "Diversionary activity for young people",
             "status": rnd.choice(STATUSES), "areas": district_name, "funding_route": "PRG &/or SSPB",
             "cost": f"£{y1 + y2 + 1_000:,}", "start_date": "01/04/2016", "end_date": "31/03/2018",
             "officers": "A. Officer, Community Safety Officer, Benchshire DC",
             "funding_sources": f"PCC: £{y1:,}"},
            cost_lines=[("2016/17", "staff", "", f"£{y1:,}"), ("2017/18", "staff", "", f"£{y2:,}"),
                        ("2017/18", "venue", "", "£1,000")]))
    svc.add_projects(store, made)


def _add_indicator_values(store, district_name: str, rnd: random.Random) -> None:
    if not has_table(store.conn, "indicator_values"):
        return
    from safer_desk.services import indicators as svc

    area = svc.ensure_area(store, district_name, "district")
    for name in INDICATORS:
        indicator = svc.save_indicator(store, name, polarity="lower")
        values = [svc.PeriodValue(month.iso, float(rnd.randrange(0, 2_000))) for year in YEARS for month in year.months]
        svc.save_values(store, indicator, area, values, require_red_comments=False)


def _add_spend(store, district: str, index: int, rnd: random.Random) -> None:
    months = [m.iso for year in YEARS for m in year.months]
    if has_table(store.conn, "fund_spend_lines"):
        _add_fund_spend(store, district, index, rnd)
        return
    referrals = [(new_id(), f"TH-{index:02d}-{r:04d}", district, rnd.choice(months)) for r in range(150)]
    spend = [(new_id(), r[0], f"{r[3]}-{rnd.randrange(1, 29):02d}",
              rnd.choice(["Door chain", "Fireproof letterbox", "Personal alarm", "Lock change"]),
              rnd.randrange(1_000, 30_000)) for r in referrals for _ in range(3)]
    with store.transaction():
        store.conn.executemany("INSERT INTO bench_referrals VALUES (?, ?, ?, ?)", referrals)
        store.conn.executemany("INSERT INTO bench_spend_lines VALUES (?, ?, ?, ?, ?)", spend)


def _add_fund_spend(store, district: str, index: int, rnd: random.Random) -> None:
    """A pooled target-hardening fund with 150 referrals and 450 spend lines, through the costs services."""
    from safer_desk.services import funds as svc

    fund = svc.add_fund(store, name=f"Target hardening fund {index:02d}", starts_on="01/04/2016",
                        ends_on="31/03/2019", risk_levels="high,medium")
    svc.add_contribution(store, fund, organisation="Suffolk County Council", amount="£200,000",
                         received_on="01/04/2016")
    if not svc.list_items(store):
        svc.add_default_catalogue(store)
    items = [i["name"] for i in svc.list_items(store)]
    days = [f"{y}-{m:02d}-{d:02d}" for y, m in ((2016, 5), (2016, 9), (2017, 1), (2017, 6), (2018, 2), (2018, 10))
            for d in (3, 12, 21)]
    for r in range(150):
        day = rnd.choice(days)
        referral = svc.add_referral(store, fund, reference=f"TH-{index:02d}-{r:04d}", district=district,
                                    referred_on=day, risk_level="high", at_marac=True, idva_assigned=True,
                                    perpetrator_resident=False)
        for _ in range(3):
            svc.add_spend_line(store, referral, spent_on=day, item=rnd.choice(items),
                               amount=f"£{rnd.randrange(10, 300)}")


def make_county(path: Path, names: list[str]) -> None:
    store = open_store(path, create=True, office_name="Benchshire county")
    try:
        sql = standin_sql(store.conn)
        if sql:
            with store.transaction():
                for statement in sql:
                    store.conn.execute(statement)
                audit.refresh_audit_triggers(store.conn)
    finally:
        store.close()


def rss_mib() -> float:
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024
    except ImportError:  # Windows
        return float("nan")


def baseline_copy(src: Path, dst: Path) -> float:
    t = time.perf_counter()
    a, b = sqlite3.connect(str(src)), sqlite3.connect(str(dst))
    a.backup(b)
    a.close()
    b.close()
    return time.perf_counter() - t


def baseline_bulk_insert(exports: list[Path], target: Path, names: list[str]) -> float:
    """The same rows inserted with executemany into one file, no checks: the floor for a merge."""
    make_county(target, names)
    conn = sqlite3.connect(str(target), isolation_level=None)
    audit.register_functions(conn)
    t = time.perf_counter()
    for path in exports:
        src = sqlite3.connect(str(path))
        conn.execute("BEGIN")
        for table in data_tables(src):
            info = table_info(src, table)
            cols = ", ".join(quote(c) for c in info.columns)
            rows = [tuple(r[c] for c in info.columns) for r in iter_rows(src, info)]
            conn.executemany(f"INSERT OR IGNORE INTO {quote(table)} ({cols}) VALUES "
                             f"({', '.join('?' * len(info.columns))})", rows)
        conn.execute("COMMIT")
        src.close()
    conn.close()
    return time.perf_counter() - t


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--districts", type=int, default=25)
    parser.add_argument("--keep", type=Path, help="keep the files in this folder")
    parser.add_argument("--include-referrals", action="store_true",
                        help="export the individual referrals too (default: totals by district and month)")
    args = parser.parse_args()
    costs_schema.PRIVATE_TABLES = tuple(costs_schema.PRIVATE_TABLES) + ("bench_referrals", "bench_spend_lines")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="safer-desk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    names = district_names(args.districts)
    rnd = random.Random(7)
    t = time.perf_counter()
    districts = []
    for i in range(args.districts):
        path = folder / f"district-{i:02d}.sqlite"
        path.unlink(missing_ok=True)
        build_district(path, i, names, rnd)
        districts.append(path)
    print(f"built {len(districts)} district files in {time.perf_counter() - t:.1f} s "
          f"({districts[0].stat().st_size / 1e6:.1f} MB each)")

    exports, export_time, copy_time = [], 0.0, 0.0
    for path in districts:
        store = open_store(path)
        try:
            t = time.perf_counter()
            result = export_for_county(store, folder / f"{path.stem}-export.sqlite",
                                       include_referrals=args.include_referrals)
            export_time += time.perf_counter() - t
        finally:
            store.close()
        copy_time += baseline_copy(path, folder / f"{path.stem}-copy.sqlite")
        exports.append(result.path)
    rows = sum(r for p in exports for r in row_counts(sqlite3.connect(str(p))).values())
    print(f"export: {export_time:.2f} s for {len(exports)} files ({export_time / len(exports) * 1000:.0f} ms each, "
          f"{rows / export_time:,.0f} rows/s); plain SQLite copy {copy_time:.2f} s "
          f"(ratio {export_time / max(copy_time, 1e-9):.1f}x)")

    county = folder / "county.sqlite"
    for leftover in folder.glob("county*.sqlite*"):
        leftover.unlink()
    make_county(county, names)
    store = open_store(county)
    try:
        t = time.perf_counter()
        report = merge_district_files(store, exports, accept_keys=OFFICER_KEYS())
        merge_time = time.perf_counter() - t
        checksum, counts = content_checksum(store.conn), row_counts(store.conn)
        t = time.perf_counter()
        again = merge_district_files(store, exports, accept_keys=OFFICER_KEYS())
        again_time = time.perf_counter() - t
        same = (content_checksum(store.conn), row_counts(store.conn)) == (checksum, counts)
    finally:
        store.close()
    bulk = baseline_bulk_insert(exports, folder / "bulk.sqlite", names)
    print(f"merge: {merge_time:.2f} s for {len(exports)} files, {rows:,} rows ({rows / merge_time:,.0f} rows/s): "
          f"{report.added:,} added, {report.unchanged:,} unchanged (reference data and definitions every office has), "
          f"{len(report.conflicts)} conflicts, {len(report.refused)} refused; "
          f"bare executemany of the same rows {bulk:.2f} s (ratio {merge_time / max(bulk, 1e-9):.1f}x)")
    print(f"merge again: {again_time:.2f} s, {again.added} added, {again.replaced} replaced, {again.removed} removed, "
          f"{again.unchanged:,} unchanged; county unchanged: {same}")

    # Memory is measured in separate passes: tracemalloc slows Python down several times.
    tracemalloc.start()
    store = open_store(exports[0].parent / exports[0].name.replace("-export", "-copy"))
    try:
        export_for_county(store, folder / "memory-export.sqlite")
    finally:
        store.close()
    export_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.reset_peak()
    memory_county = folder / "county-memory.sqlite"
    make_county(memory_county, names)
    store = open_store(memory_county)
    try:
        merge_district_files(store, exports, accept_keys=OFFICER_KEYS())
    finally:
        store.close()
    merge_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"peak Python heap (tracemalloc; SQLite's own cache is in the RSS below): export of one file "
          f"{export_peak / 2**10:,.0f} KiB; "
          f"merge of all {len(exports)} {merge_peak / 2**10:,.0f} KiB")
    print(f"county file {county.stat().st_size / 1e6:.1f} MB; peak RSS of this process {rss_mib():.0f} MiB")
    if not args.keep:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
