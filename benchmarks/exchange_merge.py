"""Benchmark: merge 25 district exports, each with ten years of its force's police.uk data, into one county file.

The districts (issue 13, Done when): the five Suffolk districts, eleven Devon and Cornwall ones and nine Thames
Valley ones, each an office file with

- ten years (2016-01 to 2025-12, 120 months) of its force's police.uk counts. They are built from the real
  street files in ../shared/data/police-uk by re-dating months: each force's files are imported once with the
  real importer (Suffolk's twelve months of 2025, Devon and Cornwall's three of 2020 (download-b), Thames
  Valley's January 2022; the outcomes and stop-and-search files beside it are left out as the import leaves
  them out), then month n of the ten years takes the counts of source month n mod (months there are): January
  2016 is Suffolk's January 2025 file re-dated, February 2016 its February, and so on. Each re-dated month is
  its own vintage (its own file name and SHA-256, as a real download's months are) from a download of December
  2025, and the figures are worked out from the counts by the importer's own refresh. Every district of a force
  holds the same counts, as every office that downloads its force's files does;
- its own work: 300 projects with three cost lines, an officer and a funding source each; 30 typed indicators
  with three years of monthly figures; three reviews with their costs billed to the partners; a pooled fund
  with 150 referrals and 450 spend lines (exported as totals by district and month, as by default).

Measured in one run, so machine load falls on both alike:

- merge: the 25 exports merged into a new county file the way the county lead does it (every file checked,
  signatures, key register, then merged: one transaction and one audit entry per file), then the same 25
  again (must change nothing);
- floor: a bare SQLite ATTACH + INSERT OR IGNORE of the same rows (every data table and the police.uk
  tables of every export, no checks, no audit trail, no triggers) into a new file. Goal: merge within 3x;
- size: the county file against the floor's file (the data merged, no audit trail or provenance), and
  against a fresh file holding exactly the county's distinct rows. Goal: within 1.5x;
- memory: peak Python heap of the merge (tracemalloc, a separate pass) and the peak RSS of this process.

Prints the figures and ratios; never asserts on time.

    python benchmarks/exchange_merge.py [--districts 25] [--years 10] [--runs 3] [--keep FOLDER [--reuse]] [--data DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from safer_desk.domain.ids import new_id  # noqa: E402
from safer_desk.domain.periods import FinancialYear  # noqa: E402
from safer_desk.exchange.county_schema import content_checksum, data_tables, quote, row_counts  # noqa: E402
from safer_desk.storage import audit  # noqa: E402
from safer_desk.storage.store import open_store  # noqa: E402

# (force folder(s) under police-uk, districts of that force in this benchmark)
FORCES = [
    (("suffolk-2025",), 5),
    (("devon-and-cornwall-2020-q1/download-b",), 11),
    (("thames-valley-2022-01",), 9),
]
INDICATORS = [f"Indicator {i:02d}" for i in range(30)]
YEARS = [FinancialYear(2022), FinancialYear(2023), FinancialYear(2024)]
STATUSES = ["proposed", "shortlisted", "commissioned", "live", "completed"]


def default_data() -> Path:
    return Path(os.environ.get("SAFER_DESK_SHARED_DATA") or ROOT.parent / "shared" / "data")


def ten_years(years: int) -> list[str]:
    first = 2026 - years
    return [f"{y:04d}-{m:02d}" for y in range(first, 2026) for m in range(1, 13)]


def force_template(path: Path, folders: list[Path], months: list[str]) -> tuple[str, list[str]]:
    """A file with the reference data and ten years of one force's counts; returns (force, its districts by
    number of crimes)."""
    from safer_desk.services.demo_data import reference
    from safer_desk.services.police_import import import_police_files, refresh_police_figures

    store = open_store(path, create=True, office_name="template")
    try:
        reference.add_examples(store)
        import_police_files(store, folders, other_forces=True)  # whichever force the benchmark chose
        conn = store.conn
        force = conn.execute("SELECT force FROM _police_vintages GROUP BY force ORDER BY sum(rows) DESC").fetchone()[0]
        sources = [r[0] for r in conn.execute("SELECT month FROM _police_vintages WHERE force = ? ORDER BY month",
                                              (force,))]
        vintages = {r[0]: r[1:] for r in conn.execute(
            "SELECT month, file_name, file_sha256 FROM _police_vintages WHERE force = ?", (force,))}
        counts = {m: conn.execute("SELECT source_district, crime_type, area_id, count FROM _police_counts "
                                  "WHERE force = ? AND month = ?", (force, m)).fetchall() for m in sources}
        with store.batch("Re-date the benchmark's police.uk months"):
            conn.execute("DELETE FROM _police_counts")
            conn.execute("DELETE FROM _police_vintages")
            for n, month in enumerate(months):
                source = sources[n % len(sources)]
                name, sha = vintages[source]
                rows = counts[source]
                conn.executemany("INSERT INTO _police_counts(force, month, source_district, crime_type, area_id, "
                                 "count) VALUES (?, ?, ?, ?, ?, ?)", [(force, month, *r) for r in rows])
                conn.execute("INSERT INTO _police_vintages(force, month, file_name, file_sha256, "
                             "download_newest_month, rows, imported_at) VALUES (?, ?, ?, ?, ?, ?, '')",
                             (force, month, f"{month}-{name.split('-', 2)[-1]} (re-dated from {source})",
                             hashlib.sha256(f"{sha}:{month}".encode()).hexdigest(), months[-1],
                             sum(r[3] for r in rows)))
        refresh_police_figures(store)
        districts = [r[0] for r in conn.execute(
            "SELECT a.name FROM _police_counts c JOIN indicator_areas a ON a.id = c.area_id WHERE a.kind = 'district' "
            "AND c.force = ? GROUP BY a.name ORDER BY sum(c.count) DESC", (force,))]
        audit.discard_trail_of_copy(conn)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    return force, districts


def build_district(template: Path, path: Path, index: int, district: str, county: str, rnd: random.Random) -> None:
    from safer_desk.services import reference as ref

    shutil.copyfile(template, path)
    store = open_store(path)
    try:
        with store.transaction():
            audit.discard_trail_of_copy(store.conn)
        store.set_meta("office_id", new_id())
        store.set_meta("office_name", f"{district} office")
        ref.add_district(store, district, county=county)
        ref.set_office_scope(store, districts=[district], county=county)
        _add_projects(store, district, rnd)
        _add_indicator_values(store, district, rnd)
        _add_reviews(store, district, index)
        _add_fund(store, district, index, rnd)
        audit.discard_trail_of_copy(store.conn)  # the district's own trail is not what is measured
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()


def _add_projects(store, district: str, rnd: random.Random) -> None:
    from safer_desk.services import projects as svc

    made = []
    for p in range(300):
        y1, y2 = rnd.randrange(5_000, 60_000), rnd.randrange(5_000, 60_000)
        made.append(svc.project_from_fields(
            {"title": f"{district} project {p:03d}", "description": "Diversionary activity for young people",
             "status": rnd.choice(STATUSES), "areas": district, "funding_route": "PRG &/or SSPB",
             "cost": f"£{y1 + y2 + 1_000:,}", "start_date": "01/04/2024", "end_date": "31/03/2026",
             "officers": "A. Officer, Community Safety Officer, District Council",
             "funding_sources": f"PCC: £{y1:,}"},
            cost_lines=[("2024/25", "staff", "", f"£{y1:,}"), ("2025/26", "staff", "", f"£{y2:,}"),
                        ("2025/26", "venue", "", "£1,000")]))
    svc.add_projects(store, made)


def _add_indicator_values(store, district: str, rnd: random.Random) -> None:
    from safer_desk.services import indicators as svc

    area = svc.ensure_area(store, district, "district")
    for name in INDICATORS:
        indicator = svc.save_indicator(store, name, polarity="lower")
        values = [svc.PeriodValue(month.iso, float(rnd.randrange(0, 2_000))) for year in YEARS for month in year.months]
        svc.save_values(store, indicator, area, values, require_red_comments=False)


def _add_reviews(store, district: str, index: int) -> None:
    from safer_desk.services import dhr

    for n in range(3):
        case = dhr.add_case(store, reference=f"D{index:02d}-DHR-{2023 + n}-01", district=district,
                            partnership="Western Suffolk CSP", notified_on=f"{2023 + n}-06-02")
        dhr.add_cost_line(store, case, category="Independent chair/author", amount="7525.58")
        dhr.add_cost_line(store, case, category="Administration", amount="1200")
        dhr.bill_partners(store, case, invoiced_on=f"{2023 + n}-12-01")


def _add_fund(store, district: str, index: int, rnd: random.Random) -> None:
    from safer_desk.services import funds as svc

    fund = svc.add_fund(store, name=f"{district} target hardening", starts_on="01/04/2023", ends_on="31/03/2026",
                        risk_levels="high,medium")
    svc.add_contribution(store, fund, organisation="Suffolk County Council", amount="£20,000",
                         received_on="01/04/2023")
    if not svc.list_items(store):
        svc.add_default_catalogue(store)
    items = [i["name"] for i in svc.list_items(store)]
    days = [f"{y}-{m:02d}-{d:02d}" for y, m in ((2023, 5), (2023, 9), (2024, 1), (2024, 6), (2025, 2), (2025, 10))
            for d in (3, 12, 21)]
    for r in range(150):
        day = rnd.choice(days)
        referral = svc.add_referral(store, fund, reference=f"TH-{index:02d}-{r:04d}", district=district,
                                    referred_on=day, risk_level="high", at_marac=True, idva_assigned=True,
                                    perpetrator_resident=False)
        for _ in range(3):
            svc.add_spend_line(store, referral, spent_on=day, item=rnd.choice(items),
                               amount=f"£{rnd.randrange(10, 300)}")


def rss_mib() -> float:
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024
    except ImportError:  # Windows
        return float("nan")


def settle(path: Path) -> int:
    """The file's size at rest (no -wal beside it)."""
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return path.stat().st_size


def bare_file(path: Path) -> sqlite3.Connection:
    """A new Safer Desk file with no trigger at all (no audit trail), open for plain inserts."""
    path.unlink(missing_ok=True)
    open_store(path, create=True, office_name="floor").close()
    conn = sqlite3.connect(str(path), isolation_level=None)
    audit.register_functions(conn)
    conn.execute("BEGIN")
    audit.drop_all_triggers(conn)
    conn.execute("DELETE FROM audit_log")
    conn.execute("COMMIT")
    return conn


PUBLIC = ["_police_vintages", "_police_counts"]


def floor_attach_insert(exports: list[Path], target: Path) -> tuple[float, float]:
    """The same rows, ATTACHed and INSERTed with nothing else: the floor for a merge; (seconds, CPU seconds)."""
    conn = bare_file(target)
    t, cpu = time.perf_counter(), time.process_time()
    for path in exports:
        conn.execute("ATTACH DATABASE ? AS src", (f"file:{path}?mode=ro",))
        tables = [r[0] for r in conn.execute("SELECT name FROM src.sqlite_master WHERE type = 'table'")]
        conn.execute("BEGIN")
        for table in data_tables(conn) + PUBLIC:
            if table in tables:
                conn.execute(f"INSERT OR IGNORE INTO main.{quote(table)} SELECT * FROM src.{quote(table)}")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
    elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
    conn.close()
    return elapsed, cpu


def fresh_copy(source: Path, target: Path) -> int:
    """A new file holding exactly the county file's distinct rows, no audit trail: what the county holds."""
    conn = bare_file(target)
    conn.execute("ATTACH DATABASE ? AS src", (f"file:{source}?mode=ro",))
    conn.execute("BEGIN")
    for table in data_tables(conn) + PUBLIC:
        conn.execute(f"INSERT OR IGNORE INTO main.{quote(table)} SELECT * FROM src.{quote(table)}")
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE src")
    conn.close()
    return settle(target)


def officer_keys(exports: list[Path] | None = None) -> list[str]:
    """The fingerprints the county lead accepts: each district's officer's own key (one key is registered for one
    office, so a key shared by the districts had all but the first refused, and the merge measured one file)."""
    from safer_desk.exchange.signing import existing_officer_key

    homes = sorted({officer_home(p) for p in exports or []})
    return [existing_officer_key(home / "keys").fingerprint for home in homes]


def officer_home(export: Path) -> Path:
    """The data folder (and so the signing key) of the officer who exported this district's file."""
    return export.parent / "officers" / export.name.split("-export")[0]


def merge_all(county: Path, exports: list[Path]):
    from safer_desk.services.county import merge_district_files

    store = open_store(county, create=True, office_name="County team")
    try:
        t, cpu = time.perf_counter(), time.process_time()
        report = merge_district_files(store, exports, accept_keys=officer_keys(exports))
        first, cpu = time.perf_counter() - t, time.process_time() - cpu
        state = content_checksum(store.conn), row_counts(store.conn)
        entries = store.scalar("SELECT count(*) FROM audit_log")
        t = time.perf_counter()
        again = merge_district_files(store, exports, accept_keys=officer_keys(exports))
        second = time.perf_counter() - t
        same = (content_checksum(store.conn), row_counts(store.conn)) == state and \
            store.scalar("SELECT count(*) FROM audit_log") == entries
        audit_bytes = store.scalar("SELECT coalesce(sum(length(coalesce(old_value, '')) + "
                                   "length(coalesce(new_value, ''))), 0) FROM audit_log")
        provenance = store.scalar("SELECT count(*) FROM _county_provenance")
    finally:
        store.close()
    return report, again, (first, cpu), second, same, entries, audit_bytes, provenance


def build_exports(folder: Path, police: Path, months: list[str], how_many: int, rnd: random.Random) -> list[Path]:
    t = time.perf_counter()
    plan: list[tuple[Path, str, str]] = []  # (template, district, county)
    for n, (folders, wanted) in enumerate(FORCES):
        template = folder / f"force-{n}.sqlite"
        template.unlink(missing_ok=True)
        force, districts = force_template(template, [police / f for f in folders], months)
        county = {"Suffolk Constabulary": "Suffolk", "Devon & Cornwall Police": "Devon and Cornwall"}.get(
            force, "Thames Valley")
        chosen = districts[:wanted]
        print(f"{force}: {len(months)} months re-dated from {', '.join(folders)}; districts {', '.join(chosen)}")
        plan += [(template, d, county) for d in chosen]
    plan = plan[:how_many]
    districts = []
    for i, (template, district, county) in enumerate(plan):
        path = folder / f"district-{i:02d}.sqlite"
        build_district(template, path, i, district, county, rnd)
        districts.append(path)
    print(f"built {len(districts)} district files in {time.perf_counter() - t:.0f} s "
          f"({sum(p.stat().st_size for p in districts) / len(districts) / 1e6:.1f} MB each on average)")
    from safer_desk.services.county import export_for_county

    t = time.perf_counter()
    exports = []
    home = os.environ.get("SAFER_DESK_HOME")
    for path in districts:
        target = folder / f"{path.stem}-export.sqlite"
        os.environ["SAFER_DESK_HOME"] = str(officer_home(target))  # each district's officer signs with their key
        store = open_store(path)
        try:
            exports.append(export_for_county(store, target).path)
        finally:
            store.close()
            if home is None:
                os.environ.pop("SAFER_DESK_HOME", None)
            else:
                os.environ["SAFER_DESK_HOME"] = home
    export_time = time.perf_counter() - t
    print(f"export: {export_time:.1f} s for {len(exports)} files ({export_time / len(exports):.2f} s each)")
    return exports


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--districts", type=int, default=25, help="how many of the 25 districts (first ones)")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--keep", type=Path, help="keep the files in this folder")
    parser.add_argument("--runs", type=int, default=3, help="merge and floor this many times each (medians)")
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: merge the exports already in the folder (built by an earlier run)")
    args = parser.parse_args()
    police = args.data / "police-uk"
    if not police.is_dir():
        sys.exit(f"{police} is not there: the benchmark needs ../shared/data (or --data DIR)")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="safer-desk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    # The officer key that signs the exports lives in the kept folder, so a --reuse run accepts the very key
    # the kept exports were signed with.
    os.environ.setdefault("SAFER_DESK_HOME", str(folder / "home"))  # removed with the folder unless kept
    months = ten_years(args.years)
    rnd = random.Random(13)

    existing = sorted(folder.glob("district-*-export.sqlite"))
    if args.reuse and args.keep and existing:
        exports = existing[:args.districts]
        print(f"reusing the {len(exports)} exports in {folder}")
    else:
        exports = build_exports(folder, police, months, args.districts, rnd)
    rows = police_rows = 0
    for p in exports:
        conn = sqlite3.connect(str(p))
        rows += sum(row_counts(conn).values())
        police_rows += sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in PUBLIC)
        conn.close()
    print(f"{rows:,} rows in data tables and {police_rows:,} police.uk count and vintage rows in the exports")

    # Merge and floor alternately, --runs times, each into a new file: the machine's load (two cores shared with
    # other work) falls on both alike; the medians are compared.
    merge_times, floor_times, merge_cpu, floor_cpu = [], [], [], []
    county = folder / "county.sqlite"
    floor_path = folder / "floor.sqlite"
    for run in range(args.runs):
        for leftover in folder.glob("county.sqlite*"):
            leftover.unlink()
        floor_time, cpu = floor_attach_insert(exports, floor_path)
        floor_times.append(floor_time)
        floor_cpu.append(cpu)
        report, again, (merge_time, cpu), again_time, same, entries, audit_bytes, provenance = merge_all(county, exports)
        merge_times.append(merge_time)
        merge_cpu.append(cpu)
        print(f"run {run + 1}: merge {merge_time:.2f} s ({cpu:.2f} s CPU), floor {floor_time:.2f} s "
              f"({floor_cpu[-1]:.2f} s CPU), merge again {again_time:.2f} s")
    merge_time, floor_time = statistics.median(merge_times), statistics.median(floor_times)
    public = {k: sum(s.public.get(k, 0) for s in report.merged) for k in ("added", "replaced", "same", "older")}
    per_second = (rows + police_rows) / merge_time
    print(f"merge: {merge_time:.2f} s (median) for {len(report.merged)} files ({per_second:,.0f} rows/s): "
          f"{report.added:,} added, {report.unchanged:,} unchanged, {len(report.conflicts)} conflicts, "
          f"{len(report.refused)} refused; police.uk force-months {public['added']:,} added, {public['same']:,} "
          "already held (the same download from another district), their figures worked out at the county")
    print(f"floor (bare ATTACH + INSERT OR IGNORE of the same rows, no checks, no audit, no figures): "
          f"{floor_time:.2f} s (median); ratio {merge_time / max(floor_time, 1e-9):.2f}x (goal within 3x)")
    # On a shared machine the wall-clock medians swing with other people's work; the best runs and the CPU time
    # (what this process itself spent) say the same thing with less noise.
    print(f"best runs: merge {min(merge_times):.2f} s, floor {min(floor_times):.2f} s, ratio "
          f"{min(merge_times) / max(min(floor_times), 1e-9):.2f}x; CPU time (median): merge "
          f"{statistics.median(merge_cpu):.2f} s, floor {statistics.median(floor_cpu):.2f} s, ratio "
          f"{statistics.median(merge_cpu) / max(statistics.median(floor_cpu), 1e-9):.2f}x")
    print(f"merge again: {again_time:.2f} s, {again.added} added, {again.replaced} replaced, {again.removed} removed, "
          f"{len(again.conflicts)} conflicts; county unchanged, audit trail included: {same}")
    county_size, floor_size = settle(county), settle(floor_path)
    fresh_size = fresh_copy(county, folder / "fresh.sqlite")
    conn = sqlite3.connect(str(county))
    figures = conn.execute("SELECT count(*) FROM indicator_values WHERE source LIKE 'police.uk%'").fetchone()[0]
    conn.close()
    print(f"county file {county_size / 1e6:.1f} MB ({entries} audit entries, {audit_bytes / 1e3:.0f} kB of them; "
          f"{provenance:,} provenance rows; {figures:,} police.uk figures worked out from the counts, which no "
          f"export carries). Against a fresh file of the same distinct rows with no audit trail "
          f"({fresh_size / 1e6:.1f} MB): ratio {county_size / fresh_size:.2f}x (goal within 1.5x). Against the floor's "
          f"file of the rows the exports carry ({floor_size / 1e6:.1f} MB, no figures): "
          f"{county_size / floor_size:.2f}x")

    # Memory in a separate pass: tracemalloc slows Python down several times.
    tracemalloc.start()
    memory_county = folder / "county-memory.sqlite"
    from safer_desk.services.county import merge_district_files

    store = open_store(memory_county, create=True)
    try:
        merge_district_files(store, exports, accept_keys=officer_keys(exports))
    finally:
        store.close()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"peak Python heap of the merge (tracemalloc; SQLite's page cache is in the RSS): {peak / 2**20:.1f} MiB; "
          f"peak RSS of this process {rss_mib():.0f} MiB")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
