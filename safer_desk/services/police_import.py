"""Import data.police.uk street-level files: monthly counts per current district and crime type.

Files (CSVs, folders, the download .zip) are counted by exchange.police_uk (DuckDB) a batch at a time,
and each batch is written while the next is read, all in one transaction: a failed or cancelled import
changes nothing; re-importing a month replaces it and never double counts.

Public data is shared, not owned (issue 13). The counts are keyed by what they count and nothing else,
no office and no random id, so two offices that import the same file hold identical rows:

- ``_police_counts``  (force, month, source_district, crime_type) -> area_id, count
- ``_police_vintages`` (force, month) -> file_name, file_sha256, download_newest_month, rows, imported_at

A *vintage* is the force-month as one download had it: the SHA-256 of the street file's bytes (its
identity: two offices with the same hash hold the same counts), the file's name, the newest month of
the download it came in (the newest month among the street files of the zip, folder or file given: a
later download reaches further, since data.police.uk publishes month by month and revises outcomes
of earlier months) and when this file imported it (not part of its identity). A force-month holds one
vintage: importing another file of it replaces the counts and the vintage whole.

Indicator figures are made from the counts of every force for the months an import touched:

- a month inside a force's file with no crime of a type in an area is 0, not missing, where the area
  appears in that month's file, the crime type appears in that month's file (somewhere in the force)
  and the area has that crime type in some month of the force's files (a district with no robbery in
  September reads 0; a far-away district that one Suffolk crime was placed in once does not get a row
  of zeros; a category a month's file does not have at all gets none);
- a typed figure (an indicator_values row whose source is not police.uk) is never replaced unless the
  caller says so: ``replace_typed`` False keeps them all, True replaces them all, a set of
  (indicator_id, area_id, period) replaces those; the figures that differ are returned as
  ``result.typed`` either way, for the command line to list and the window to ask about;
  ``replace_typed_figures`` applies a decision taken afterwards;
- each police figure keeps source "police.uk"; the files and vintages behind it are those of its
  month's counts (``figure_sources``).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Collection, Iterable

from safer_desk.domain.ids import reference_id
from safer_desk.exchange import police_uk
from safer_desk.exchange.police_uk import ALL_CRIME, ANTI_SOCIAL, UNKNOWN_AREA, PoliceFileError
from safer_desk.services import indicators as svc
from safer_desk.services.progress import CancelCheck, Progress, check_cancelled, never_cancelled, no_progress
from safer_desk.storage.store import Store

SOURCE = "police.uk"
FigureKey = tuple[str, str, str]  # (indicator_id, area_id, period)


@dataclass(frozen=True)
class Vintage:
    """Which download a force-month's counts came from."""

    force: str
    month: str
    file_name: str
    file_sha256: str
    download_newest_month: str
    rows: int
    imported_at: str = ""


@dataclass(frozen=True)
class TypedFigure:
    """A figure someone typed (or imported from a sheet, or merged) where the police.uk count differs."""

    indicator_id: str
    indicator: str
    area_id: str
    area: str
    period: str
    typed_value: float | None
    typed_source: str
    imported_value: float
    replaced: bool = False

    @property
    def key(self) -> FigureKey:
        return (self.indicator_id, self.area_id, self.period)

    def describe(self) -> str:
        """"All crime, Plymouth, Jan-20: typed 1,335, police.uk 1,618"."""
        return (f"{self.indicator}, {self.area}, {svc.period_label(self.period)}: typed {_number(self.typed_value)}, "
                f"police.uk {_number(self.imported_value)}")


def _number(value: float | None) -> str:
    if value is None:
        return "blank"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


@dataclass
class PoliceImportResult:
    files: int = 0
    rows: int = 0
    months: list[str] = field(default_factory=list)
    forces: list[str] = field(default_factory=list)
    replaced: list[tuple[str, str]] = field(default_factory=list)  # (force, month) of another file before
    unchanged: list[tuple[str, str]] = field(default_factory=list)  # (force, month) already from this very file
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file name, why)
    areas: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)  # old district name -> current district
    vintages: list[Vintage] = field(default_factory=list)
    typed: list[TypedFigure] = field(default_factory=list)  # typed figures that differ from the counts
    sources: list[str] = field(default_factory=list)  # the files, folders and zips given
    source_hash: str = ""  # SHA-256 over the street files' own hashes, in order: the import as one batch

    @property
    def kept_typed(self) -> list[TypedFigure]:
        return [t for t in self.typed if not t.replaced]

    @property
    def replaced_typed(self) -> list[TypedFigure]:
        return [t for t in self.typed if t.replaced]

    def summary_lines(self) -> list[str]:
        lines = [f"Imported {self.rows:,} rows from {self.files} file(s): {len(self.months)} month(s) "
                 f"({self.months[0] if self.months else ''} to {self.months[-1] if self.months else ''}), "
                 f"{len(self.areas)} area(s)."]
        if self.forces:
            lines.append("Forces: " + ", ".join(self.forces) + ".")
        newest = sorted({v.download_newest_month for v in self.vintages})
        if newest:
            lines.append(f"Download{'s' if len(newest) > 1 else ''} to {', '.join(newest)}; each file's "
                         "SHA-256 is kept with its counts.")
        if self.replaced:
            lines.append(f"Replaced {len(self.replaced)} force-month(s) imported before (never added twice).")
        if self.unchanged:
            lines.append(f"{len(self.unchanged)} force-month(s) were already imported from the same file: "
                         "unchanged.")
        for old, new in sorted(self.renamed.items()):
            lines.append(f"{old} counted as {new} (its current district).")
        if self.kept_typed:
            lines.append(f"Kept {len(self.kept_typed)} typed figure(s) that differ from the police.uk counts:")
            lines += [f"  {t.describe()}" for t in self.kept_typed]
        if self.replaced_typed:
            lines.append(f"Replaced {len(self.replaced_typed)} typed figure(s) with the police.uk counts:")
            lines += [f"  {t.describe()}" for t in self.replaced_typed]
        for name, why in self.skipped:
            lines.append(f"Not imported: {why}")
        return lines


@lru_cache(maxsize=4096)
def crime_indicator_id(crime_type: str) -> str:
    return reference_id("indicator", crime_type)


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
                        cancelled: CancelCheck = never_cancelled,
                        replace_typed: bool | Collection[FigureKey] = False) -> PoliceImportResult:
    """Import street CSVs, folders of them and data.police.uk download zips; all or nothing.

    Raises PoliceFileError for a bad file (nothing changed), Cancelled when cancelled() said so.
    """
    paths = [Path(p) for p in paths]
    with police_uk.street_files_in(paths) as found:
        if not found.street:
            why = "; ".join(reason for _, reason in found.skipped)
            raise PoliceFileError("There are no police.uk street-level crime files to import."
                                  + (f" {why}" if why else ""))
        result = PoliceImportResult(skipped=list(found.skipped), sources=[p.name or str(p) for p in paths])
        total = sum(f.size for f in found.street) or 1
        progress(0, total, "Reading police.uk files…")
        with police_uk.StreetReader(found.street, checkpoint=lambda: check_cancelled(cancelled),
                                    on_progress=lambda done: progress(min(done, total), total,
                                                                      "Counting police.uk files…")) as reader:
            result.source_hash = reader.source_hash()  # hashing runs ahead of DuckDB's reading
            # One transaction for the whole import: a bad file, a full disk or Cancel rolls everything
            # back. Files are written a batch at a time while DuckDB reads the next batch, in the order
            # given, so a later file's force-month replaces an earlier one's.
            with _large_cache(store), store.transaction(), _audit_batch(
                    store, "Import police.uk data", source=", ".join(result.sources), source_hash=result.source_hash):
                writer = _Writer(store, result, replace_typed)
                for counted in reader:
                    writer.add_files(counted)
                progress(total, total, "Saving the counts…")
                check_cancelled(cancelled)
                writer.finish()
                check_cancelled(cancelled)  # last chance: a cancel here rolls the whole import back
    return result


def _audit_batch(store: Store, label: str, *, source: str, source_hash: str):
    """One audit entry for the whole import (issue 12) once the store has store.batch; until then the
    audit triggers record each figure as before. Switching for good: this call becomes
    store.batch(label, source=source, source_hash=source_hash) in import_police_files's `with`."""
    batch = getattr(store, "batch", None)
    return batch(label, source=source, source_hash=source_hash) if batch else contextlib.nullcontext()


@contextlib.contextmanager
def _large_cache(store: Store):
    """A bigger page cache while a big import writes (SQLite's default 2 MB spills and re-reads pages)."""
    before = store.scalar("PRAGMA cache_size")
    store.conn.execute("PRAGMA cache_size = -65536")
    try:
        yield
    finally:
        store.conn.execute(f"PRAGMA cache_size = {int(before)}")


def _utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Writer:
    """Writes counts, vintages and figures inside the caller's transaction, a batch of files at a time."""

    def __init__(self, store: Store, result: PoliceImportResult,
                 replace_typed: bool | Collection[FigureKey] = False, imported_at: str | None = None):
        self.store, self.result, self.replace_typed = store, result, replace_typed
        self.imported_at = _utc_now() if imported_at is None else imported_at
        self.area_ids: dict[str, str] = {}
        self.current_names: dict[str, str] = {}
        self.indicators = {r[0] for r in store.rows("SELECT id FROM indicators")}
        self.before = {(r[0], r[1]): r[2] for r in store.rows("SELECT force, month, file_sha256 FROM _police_vintages")}
        self.vintages: dict[tuple[str, str], Vintage] = {}  # written at the end, once downloads are known
        self.newest: dict[str, str] = {}  # source given -> newest month of its street files
        svc.sync_reference_areas(store)

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

    def add_files(self, counted: list[police_uk.FileCounts]) -> None:
        """Write the counts of these files (figures of their months too, without the zeros: finish)."""
        by_force_month: dict[tuple[str, str], dict[tuple[str, str], int]] = {}
        for c in counted:
            self.result.files += 1
            self.result.rows += c.rows
            per_file: dict[tuple[str, str], dict[tuple[str, str], int]] = {}
            for (force, month, district, crime_type), n in c.counts.items():
                per_file.setdefault((force, month), {})[(district, crime_type)] = n
                self.newest[c.source] = max(self.newest.get(c.source, month), month)
            for (force, month), counts in per_file.items():
                by_force_month[(force, month)] = counts  # a later file's force-month replaces an earlier one's
                self.vintages[(force, month)] = Vintage(force, month, c.name, c.sha256, c.source,
                                                        sum(counts.values()), self.imported_at)
        self.write_counts(by_force_month)

    def write_counts(self, by_force_month: dict[tuple[str, str], dict[tuple[str, str], int]]) -> None:
        """Replace each force-month's counts (an identical re-import writes nothing) and work out the
        figures of their months, zeros aside."""
        if not by_force_month:
            return
        conn = self.store.conn
        crime_types = {t for counts in by_force_month.values() for _, t in counts}
        if {crime_indicator_id(t) for t in crime_types | {ALL_CRIME}} - self.indicators:
            _ensure_crime_indicators(self.store, crime_types)
            self.indicators = {r[0] for r in self.store.rows("SELECT id FROM indicators")}
        new = {(force, month, district, crime_type): (self._area(district), n)
               for (force, month), counts in by_force_month.items() for (district, crime_type), n in counts.items()}
        # Counts of these force-months that the new files no longer have go, changed ones are updated, new
        # ones inserted: worked out here, so a first import is plain INSERTs and the same file again writes
        # nothing at all.
        old = {}
        months = sorted({month for _, month in by_force_month})
        for force, month, district, crime_type, area_id, n in conn.execute(
                "SELECT force, month, source_district, crime_type, area_id, count FROM _police_counts WHERE month IN "
                f"({','.join('?' * len(months))})", months):
            if (force, month) in by_force_month:
                old[(force, month, district, crime_type)] = (area_id, n)
        conn.executemany("DELETE FROM _police_counts WHERE force = ? AND month = ? AND source_district = ? "
                         "AND crime_type = ?", [key for key in old if key not in new])
        conn.executemany("UPDATE _police_counts SET area_id = ?, count = ? WHERE force = ? AND month = ? "
                         "AND source_district = ? AND crime_type = ?",
                         [(*value, *key) for key, value in new.items() if key in old and old[key] != value])
        _insert_through_temp(conn, "_police_counts", ["force", "month", "source_district", "crime_type", "area_id",
                                                      "count"],
                             sorted((*key, *value) for key, value in new.items() if key not in old))
        # The figures of these months now, while the next files are read; the zeros wait for finish (they
        # depend on every month of a force).
        _recompute_values(self.store, months, False, zeros=False)  # typed figures: decided in finish

    def finish(self) -> None:
        """Write the vintages and the figures of every month of the forces imported, zeros included."""
        conn = self.store.conn
        vintages = [replace(v, download_newest_month=self.newest.get(v.download_newest_month,
                                                                     v.download_newest_month))
                    for v in self.vintages.values()]
        for v in vintages:
            if (v.force, v.month) in self.before:
                same = self.before[(v.force, v.month)] == v.file_sha256
                (self.result.unchanged if same else self.result.replaced).append((v.force, v.month))
        # The same file again keeps its vintage (and when it was first imported); it may only learn that
        # a newer download still had it unchanged.
        conn.executemany(
            "INSERT INTO _police_vintages(force, month, file_name, file_sha256, download_newest_month, rows, "
            "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(force, month) DO UPDATE SET "
            "file_name = CASE WHEN file_sha256 = excluded.file_sha256 THEN file_name ELSE excluded.file_name END, "
            "rows = excluded.rows, "
            "download_newest_month = CASE WHEN file_sha256 = excluded.file_sha256 "
            "THEN max(download_newest_month, excluded.download_newest_month) ELSE excluded.download_newest_month END, "
            "imported_at = CASE WHEN file_sha256 = excluded.file_sha256 THEN imported_at ELSE excluded.imported_at END, "
            "file_sha256 = excluded.file_sha256 "
            "WHERE file_sha256 IS NOT excluded.file_sha256 OR download_newest_month < excluded.download_newest_month",
            [(v.force, v.month, v.file_name, v.file_sha256, v.download_newest_month, v.rows, v.imported_at)
             for v in vintages])
        forces = sorted({v.force for v in vintages})
        if forces:
            scope = [r[0] for r in self.store.rows(
                f"SELECT DISTINCT month FROM _police_vintages WHERE force IN ({','.join('?' * len(forces))})", forces)]
            self.result.typed = _recompute_values(self.store, scope, self.replace_typed)
        self.result.vintages = vintages
        self.result.months = sorted({v.month for v in vintages})
        self.result.forces = forces
        self.result.areas = sorted(set(self.current_names.values()))


def _recompute_values(store: Store, months: list[str], replace_typed: bool | Collection[FigureKey], *,
                      zeros: bool = True) -> list[TypedFigure]:
    """Indicator figures of these months from the stored counts of every force; returns the typed
    figures that differ from them (replaced or kept as replace_typed says).

    zeros=False (while an import is still reading files) leaves out the zeros and removes nothing: the
    figures written then are final or are put right by the last call, with zeros."""
    conn = store.conn
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS police_scope (month TEXT PRIMARY KEY) WITHOUT ROWID")
    conn.execute("DELETE FROM temp.police_scope")
    conn.executemany("INSERT INTO temp.police_scope VALUES (?)", [(m,) for m in months])
    wanted = {(crime_indicator_id(t), area, month): float(n)
              for (t, area, month), n in _figures(conn, zeros=zeros).items()}
    held = {(r[0], r[1], r[2]): (r[3], r[4], r[5]) for r in conn.execute(
        "SELECT indicator_id, area_id, period, value, numerator, source FROM indicator_values "
        "WHERE period IN temp.police_scope")}
    inserts, updates, differing = [], [], []
    for key, n in wanted.items():
        old = held.get(key)
        if old is None:
            inserts.append(key + (n, SOURCE))
        elif old[2] == SOURCE or (old[0] is None and old[1] is None):  # this import's, or a comment alone
            if old[0] != n or old[2] != SOURCE:
                updates.append((n, SOURCE, *key))
        elif old[0] != n:  # typed (or imported from a sheet, or merged): kept unless the caller says
            differing.append((key, old[0], old[2], n))
    names = {}
    if differing:
        names = dict(conn.execute("SELECT id, name FROM indicators").fetchall())
        names.update(conn.execute("SELECT id, name FROM indicator_areas").fetchall())
        order = dict(conn.execute("SELECT id, sort_order FROM indicators").fetchall())
        differing.sort(key=lambda d: (order.get(d[0][0], 0), names[d[0][0]], names[d[0][1]], d[0][2]))
    chosen = set() if replace_typed is False else None if replace_typed is True else set(replace_typed)
    typed = [TypedFigure(key[0], names[key[0]], key[1], names[key[1]], key[2], value, source, n,
                         replaced=chosen is None or key in chosen) for key, value, source, n in differing]
    updates += [(t.imported_value, SOURCE, *t.key) for t in typed if t.replaced]
    # Police figures of these months that the counts no longer give (a district no longer in a file) go;
    # the rest is written only where it changed. Ids are derived, so two offices agree on them.
    if zeros:
        conn.executemany("DELETE FROM indicator_values WHERE indicator_id = ? AND area_id = ? AND period = ?",
                         [key for key, old in held.items() if old[2] == SOURCE and key not in wanted])
    conn.executemany("UPDATE indicator_values SET value = ?, source = ?, numerator = NULL, "
                     "denominator = NULL WHERE indicator_id = ? AND area_id = ? AND period = ?", updates)
    _insert_through_temp(conn, "indicator_values", ["indicator_id", "area_id", "period", "value", "source"],
                         sorted(inserts), id_sql="'pv:' || indicator_id || ':' || area_id || ':' || period")
    conn.execute("DELETE FROM temp.police_scope")
    return typed


def _insert_through_temp(conn, table: str, columns: list[str], rows: list[tuple], *, id_sql: str = "") -> None:
    """Insert many rows with one INSERT ... SELECT from a temporary table: SQLite runs a table's triggers
    and indexes for 50,000 rows in about half the time it takes for 50,000 single-row INSERTs."""
    if not rows:
        return
    names = ", ".join(columns)
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS police_rows_{table.strip('_')} ({names})")
    conn.execute(f"DELETE FROM temp.police_rows_{table.strip('_')}")
    conn.executemany(f"INSERT INTO temp.police_rows_{table.strip('_')} VALUES ({', '.join('?' * len(columns))})",
                     rows)
    conn.execute(f"INSERT INTO {table}({'id, ' if id_sql else ''}{names}) "
                 f"SELECT {id_sql + ', ' if id_sql else ''}{names} FROM temp.police_rows_{table.strip('_')}")
    conn.execute(f"DELETE FROM temp.police_rows_{table.strip('_')}")


def _figures(conn, *, zeros: bool = True) -> dict[tuple[str, str, str], int]:
    """(crime type or All crime, area, month) -> figure, for the months in temp.police_scope.

    Each crime type's count is summed over forces; it is 0 where a force's file of that month has the
    area and the crime type, and the area has that crime type in some month of the force's files (a
    district with no robbery in September reads 0; a far-away district that one crime was placed in
    once gets no row of zeros). "All crime" is every type but anti-social behaviour, shown where one is.
    """
    figures: dict[tuple[str, str, str], int] = {}
    file_types: dict[tuple[str, str], set[str]] = {}
    file_areas: dict[tuple[str, str], set[str]] = {}
    for force, month, area, crime_type, n in conn.execute(
            "SELECT force, month, area_id, crime_type, count FROM _police_counts WHERE month IN temp.police_scope"):
        key = (crime_type, area, month)
        figures[key] = figures.get(key, 0) + n
        file_types.setdefault((force, month), set()).add(crime_type)
        file_areas.setdefault((force, month), set()).add(area)
    forces = sorted({force for force, _ in file_types}) if zeros else []
    series: dict[tuple[str, str], set[str]] = {}
    for force, area, crime_type in conn.execute(
            f"SELECT DISTINCT force, area_id, crime_type FROM _police_counts WHERE force IN "
            f"({','.join('?' * len(forces))})", forces):
        series.setdefault((force, area), set()).add(crime_type)
    for (force, month), areas in file_areas.items():
        types = file_types[(force, month)]
        for area in areas:
            for crime_type in series.get((force, area), set()) & types:
                figures.setdefault((crime_type, area, month), 0)
    all_crime: dict[tuple[str, str, str], int] = {}
    for (crime_type, area, month), n in figures.items():
        if crime_type != ANTI_SOCIAL:
            key = (ALL_CRIME, area, month)
            all_crime[key] = all_crime.get(key, 0) + n
    figures.update(all_crime)
    return figures


def refresh_police_figures(store: Store, forces: Iterable[str] | None = None, *,
                           replace_typed: bool | Collection[FigureKey] = False) -> list[TypedFigure]:
    """Work the police.uk figures out again from the stored counts, for every month of these forces (all
    forces when None), in one transaction; returns the typed figures that differ. For whoever changes
    _police_counts other than by an import (the county merge taking another office's vintage)."""
    wanted = None if forces is None else sorted(set(forces))
    sql = "SELECT DISTINCT month FROM _police_vintages"
    if wanted is not None:
        if not wanted:
            return []
        sql += f" WHERE force IN ({','.join('?' * len(wanted))})"
    with store.transaction():
        months = [r[0] for r in store.rows(sql, wanted or ())]
        return _recompute_values(store, months, replace_typed) if months else []


def replace_typed_figures(store: Store, keys: Collection[FigureKey]) -> list[TypedFigure]:
    """Put the police.uk figure in place of these typed figures (the answer to an import's question)."""
    keys = set(keys)
    if not keys:
        return []
    with store.transaction():
        changed = _recompute_values(store, sorted({period for _, _, period in keys}), keys)
    return [t for t in changed if t.replaced]


def typed_figures_differing(store: Store) -> list[TypedFigure]:
    """Typed figures that differ from the stored police.uk counts of their month (nothing is written)."""
    months = [r[0] for r in store.rows("SELECT DISTINCT month FROM _police_vintages ORDER BY month")]
    if not months:
        return []

    class _Look(Exception):
        pass

    found: list[TypedFigure] = []
    try:
        with store.transaction():
            found = _recompute_values(store, months, False)
            raise _Look()
    except _Look:
        pass
    return found


def figure_sources(store: Store, indicator_id: str, area_id: str, period: str) -> list[Vintage]:
    """The police.uk files (vintages) behind one figure: the force-months with counts for that area and
    month; none for a figure that is not this import's (typed, or imported from a sheet)."""
    if not store.scalar("SELECT 1 FROM indicator_values WHERE indicator_id = ? AND area_id = ? AND period = ? "
                        "AND source = ?", (indicator_id, area_id, period, SOURCE)):
        return []
    return [Vintage(*r) for r in store.rows(
        "SELECT v.force, v.month, v.file_name, v.file_sha256, v.download_newest_month, v.rows, v.imported_at "
        "FROM _police_vintages v WHERE v.month = ? AND EXISTS (SELECT 1 FROM _police_counts c "
        "WHERE c.force = v.force AND c.month = v.month AND c.area_id = ?) ORDER BY v.force", (period, area_id))]


def vintages(store: Store) -> list[Vintage]:
    """Every force-month held, with the download it came from."""
    return [Vintage(*r) for r in store.rows(
        "SELECT force, month, file_name, file_sha256, download_newest_month, rows, imported_at "
        "FROM _police_vintages ORDER BY force, month")]


def police_counts(store: Store, *, area_id: str | None = None) -> list[dict]:
    """The stored counts (force, month, source district, current area, crime type, count)."""
    sql = ("SELECT c.force, c.month, c.source_district, a.name AS area, c.crime_type, c.count FROM _police_counts c "
           "JOIN indicator_areas a ON a.id = c.area_id")
    params: tuple = ()
    if area_id:
        sql += " WHERE c.area_id = ?"
        params = (area_id,)
    return [dict(r) for r in store.rows(sql + " ORDER BY c.month, c.force, c.source_district, c.crime_type", params)]


def load_counts(store: Store, rows: Iterable[tuple[str, str, str, str, int]], *, file_name: str = "",
                file_sha256: str = "", imported_at: str | None = None) -> PoliceImportResult:
    """Load counts the importer made earlier (force, month, district as in the file, crime type, count).

    The demo ships Suffolk's 2025 counts this way (file_name and file_sha256 name what it shipped,
    imported_at "" keeps the example file the same from one build to the next); they go through the
    same replace-and-recompute path as an import, so loading them twice changes nothing.
    """
    counts: dict[tuple[str, str], dict[tuple[str, str], int]] = {}
    result = PoliceImportResult()
    for force, month, district, crime_type, n in rows:
        counts.setdefault((force, month), {})[(district, crime_type)] = int(n)
        result.rows += int(n)
    with store.transaction():
        writer = _Writer(store, result, imported_at=imported_at)
        writer.write_counts(counts)
        writer.newest[file_name] = max((month for _, month in counts), default="")
        writer.vintages = {(force, month): Vintage(force, month, file_name, file_sha256, file_name, sum(c.values()),
                                                   writer.imported_at) for (force, month), c in counts.items()}
        writer.finish()
    return result
