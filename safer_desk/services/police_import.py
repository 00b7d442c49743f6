"""Import data.police.uk street-level files: monthly counts per current district and crime type.

One transaction for the whole import: files are parsed (two at a time, pyarrow
releasing the GIL) while the counts of the files already read replace their
(force, month) in _police_counts; at the end the indicator figures of every month
touched are recomputed from the counts of all forces. A failed or cancelled
import changes nothing; re-importing a month replaces it and never double counts.
"""

from __future__ import annotations

import contextlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from safer_desk.domain.ids import reference_id, slug
from safer_desk.exchange import police_uk
from safer_desk.exchange.police_uk import ALL_CRIME, ANTI_SOCIAL, UNKNOWN_AREA, PoliceFileError
from safer_desk.services import indicators as svc
from safer_desk.services.progress import CancelCheck, Progress, check_cancelled, never_cancelled, no_progress
from safer_desk.storage.store import Store

SOURCE = "police.uk"


@dataclass
class PoliceImportResult:
    files: int = 0
    rows: int = 0
    months: list[str] = field(default_factory=list)
    forces: list[str] = field(default_factory=list)
    replaced: list[tuple[str, str]] = field(default_factory=list)  # (force, month) that were there before
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file name, why)
    areas: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)  # old district name -> current district

    def summary_lines(self) -> list[str]:
        lines = [f"Imported {self.rows:,} rows from {self.files} file(s): {len(self.months)} month(s) "
                 f"({self.months[0] if self.months else ''} to {self.months[-1] if self.months else ''}), "
                 f"{len(self.areas)} area(s)."]
        if self.forces:
            lines.append("Forces: " + ", ".join(self.forces) + ".")
        if self.replaced:
            lines.append(f"Replaced {len(self.replaced)} force-month(s) imported before (never added twice).")
        for old, new in sorted(self.renamed.items()):
            lines.append(f"{old} counted as {new} (its current district).")
        for name, why in self.skipped:
            lines.append(f"Not imported: {why}")
        return lines


@lru_cache(maxsize=4096)
def crime_indicator_id(crime_type: str) -> str:
    return reference_id("indicator", crime_type)


@lru_cache(maxsize=65536)
def _slug(text: str) -> str:
    return slug(text)


def _ensure_crime_indicators(store: Store, crime_types: Iterable[str]) -> None:
    existing = {r[0] for r in store.rows("SELECT id FROM indicators")}
    for crime_type in sorted(set(crime_types) | {ALL_CRIME}):
        if crime_indicator_id(crime_type) in existing:
            continue
        svc.save_indicator(store, crime_type, unit="count", polarity="lower", frequency="monthly",
                           source="data.police.uk street-level crime",
                           description="Police-recorded crime and anti-social behaviour from data.police.uk."
                           + (" Every crime type except anti-social behaviour." if crime_type == ALL_CRIME else ""))


def import_police_files(store: Store, paths: Iterable[Path | str], *, progress: Progress = no_progress,
                        cancelled: CancelCheck = never_cancelled) -> PoliceImportResult:
    """Import street CSVs and folders of them; all or nothing. Raises PoliceFileError for a bad file."""
    files, skipped = police_uk.find_csv_files(paths)
    if not files:
        why = "; ".join(reason for _, reason in skipped)
        raise PoliceFileError("There are no police.uk street-level crime files to import." + (f" {why}" if why else ""))
    result = PoliceImportResult(skipped=[(p.name, why) for p, why in skipped])
    total_bytes = sum(f.stat().st_size for f in files) or 1
    done_bytes = 0
    progress(0, total_bytes, "Reading police.uk files…")
    # One transaction for the whole import (a bad file or Cancel rolls everything back), written file by
    # file while the next files are parsed: pyarrow releases the GIL, so parsing overlaps the writes.
    # Files are written in the order given, so a later file's force-month replaces an earlier one's.
    with store.transaction(), _large_cache(store), ThreadPoolExecutor(max_workers=2) as pool:
        writer = _Writer(store, result)
        pending = [pool.submit(_count_unless_cancelled, path, cancelled) for path in files]
        try:
            for path, future in zip(files, pending):
                check_cancelled(cancelled)
                counted = future.result()
                check_cancelled(cancelled)
                writer.write_file(counted)
                done_bytes += path.stat().st_size
                progress(done_bytes, total_bytes, f"Imported {path.name}")
        finally:
            for future in pending:
                future.cancel()
        progress(total_bytes, total_bytes, "Saving the counts…")
        check_cancelled(cancelled)  # last chance: a cancel here rolls the whole import back
        writer.finish()
    return result


@contextlib.contextmanager
def _large_cache(store: Store):
    """A bigger page cache while a big import writes (SQLite's default 2 MB spills and re-reads pages)."""
    before = store.scalar("PRAGMA cache_size")
    store.conn.execute("PRAGMA cache_size = -65536")
    try:
        yield
    finally:
        store.conn.execute(f"PRAGMA cache_size = {int(before)}")


def _count_unless_cancelled(path: Path, cancelled: CancelCheck):
    check_cancelled(cancelled)
    return police_uk.count_street_file(path)


def _by_force_month(counted) -> dict[tuple[str, str], dict[tuple[str, str], int]]:
    out: dict[tuple[str, str], dict[tuple[str, str], int]] = {}
    for (force, month, district, crime_type), n in counted.counts.items():
        out.setdefault((force, month), {})[(district, crime_type)] = n
    return out


class _Writer:
    """Writes counts force-month by force-month inside the caller's transaction."""

    def __init__(self, store: Store, result: PoliceImportResult):
        self.store, self.result = store, result
        self.area_ids: dict[str, str] = {}
        self.current_names: dict[str, str] = {}
        self.crime_types: set[str] = {r[0] for r in store.rows("SELECT DISTINCT crime_type FROM _police_counts")}
        self.indicators = {r[0] for r in store.rows("SELECT id FROM indicators")}
        self.months: set[str] = set()
        self.dirty: set[str] = set()  # months whose figures are not yet worked out again
        self.forces: set[str] = set()
        self.seen: set[tuple[str, str]] = set()
        svc.sync_reference_areas(store)

    def write_file(self, counted) -> None:
        self.result.files += 1
        self.result.rows += counted.rows
        self.write(_by_force_month(counted))
        # Work out this file's months now, while the next files are still being parsed (SQLite and
        # pyarrow both release the GIL), rather than all at the end: a month another file touches
        # later is simply worked out again from every force's counts.
        self.flush()

    def flush(self) -> None:
        """The figures of every month written since the last flush, from the counts of every force."""
        if self.dirty:
            _recompute_values(self.store, sorted(self.dirty))
            self.dirty.clear()

    def _area(self, district: str) -> str:
        area_id = self.area_ids.get(district)
        if area_id is None:
            m = police_uk.map_district(district)
            if m.current_name == UNKNOWN_AREA:
                area_id = svc.ensure_area(self.store, UNKNOWN_AREA, "unknown")
            else:
                area_id = svc.ensure_area(self.store, m.current_name, "district", ons_code=m.ons_code)
                if m.source_name != m.current_name:
                    self.result.renamed[m.source_name] = m.current_name
            self.area_ids[district] = area_id
            self.current_names[district] = m.current_name
        return area_id

    def write(self, by_force_month: dict[tuple[str, str], dict[tuple[str, str], int]]) -> None:
        conn = self.store.conn
        new_types = {t for counts in by_force_month.values() for _, t in counts} | {ALL_CRIME}
        missing = {t for t in new_types if crime_indicator_id(t) not in self.indicators}
        if missing:
            _ensure_crime_indicators(self.store, missing)
            self.indicators |= {crime_indicator_id(t) for t in missing}
        # Replace each force-month: rows no longer there go, the rest are upserted (an identical
        # re-import writes nothing, so the audit trail of the figures records only real changes).
        stale, rows = [], []
        for (force, month), counts in by_force_month.items():
            existing = conn.execute("SELECT source_district, crime_type FROM _police_counts "
                                    "WHERE force = ? AND month = ?", (force, month)).fetchall()
            if existing and (force, month) not in self.seen:
                self.result.replaced.append((force, month))
            self.seen.add((force, month))
            stale += [(force, month, r[0], r[1]) for r in existing if (r[0], r[1]) not in counts]
            for (district, crime_type), n in counts.items():
                rows.append((force, month, district, crime_type, self._area(district), n))
            self.months.add(month)
            self.dirty.add(month)
            self.forces.add(force)
        conn.executemany("DELETE FROM _police_counts WHERE force = ? AND month = ? AND source_district = ? "
                         "AND crime_type = ?", stale)
        conn.executemany("INSERT INTO _police_counts(force, month, source_district, crime_type, area_id, count) "
                         "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(force, month, source_district, crime_type) "
                         "DO UPDATE SET count = excluded.count, area_id = excluded.area_id "
                         "WHERE _police_counts.count IS NOT excluded.count OR _police_counts.area_id IS NOT "
                         "excluded.area_id", rows)

    def finish(self) -> None:
        self.flush()
        self.result.months = sorted(self.months)
        self.result.forces = sorted(self.forces)
        self.result.areas = sorted(set(self.current_names.values()))


def _recompute_values(store: Store, months: list[str]) -> None:
    """Indicator figures of these months from the stored counts of every force (a sum over forces)."""
    conn = store.conn
    marks = ",".join("?" * len(months))
    totals: dict[tuple[str, str, str], int] = {}
    for area_id, month, crime_type, n in conn.execute(
            f"SELECT area_id, month, crime_type, sum(count) FROM _police_counts WHERE month IN ({marks}) "
            "GROUP BY area_id, month, crime_type", months):
        totals[(crime_indicator_id(crime_type), area_id, month)] = n
        if crime_type != ANTI_SOCIAL:
            key = (crime_indicator_id(ALL_CRIME), area_id, month)
            totals[key] = totals.get(key, 0) + n
    # Police figures of these months not in the new totals (a district no longer in a file) go.
    stale = [(ind, area, month) for ind, area, month in conn.execute(
        f"SELECT indicator_id, area_id, period FROM indicator_values WHERE source = ? AND period IN ({marks})",
        [SOURCE, *months]) if (ind, area, month) not in totals]
    conn.executemany("DELETE FROM indicator_values WHERE indicator_id = ? AND area_id = ? AND period = ?", stale)
    conn.executemany(
        "INSERT INTO indicator_values(id, indicator_id, area_id, period, value, source) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(indicator_id, area_id, period) DO UPDATE SET value = excluded.value, source = excluded.source, "
        "numerator = NULL, denominator = NULL WHERE indicator_values.value IS NOT excluded.value "
        "OR indicator_values.source IS NOT excluded.source",
        [(f"pv:{ind}:{area}:{month}", ind, area, month, float(n), SOURCE) for (ind, area, month), n in totals.items()])


def police_counts(store: Store, *, area_id: str | None = None) -> list[dict]:
    """The stored counts (force, month, source district, current area, crime type, count)."""
    sql = ("SELECT c.force, c.month, c.source_district, a.name AS area, c.crime_type, c.count FROM _police_counts c "
           "JOIN indicator_areas a ON a.id = c.area_id")
    params: tuple = ()
    if area_id:
        sql += " WHERE c.area_id = ?"
        params = (area_id,)
    return [dict(r) for r in store.rows(sql + " ORDER BY c.month, c.force, c.source_district, c.crime_type", params)]


def load_counts(store: Store, rows: Iterable[tuple[str, str, str, str, int]]) -> PoliceImportResult:
    """Load counts the importer made earlier (force, month, district as in the file, crime type, count).

    The demo ships Suffolk's 2025 counts this way; they go through the same replace-and-recompute
    path as an import, so loading them twice changes nothing.
    """
    by_force_month: dict[tuple[str, str], dict[tuple[str, str], int]] = {}
    result = PoliceImportResult()
    for force, month, district, crime_type, n in rows:
        by_force_month.setdefault((force, month), {})[(district, crime_type)] = int(n)
        result.rows += int(n)
    with store.transaction():
        writer = _Writer(store, result)
        writer.write(by_force_month)
        writer.finish()
    return result
