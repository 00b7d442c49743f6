"""Import data.police.uk street-level files: monthly counts per current district and crime type.

Files (CSVs, folders, the download .zip) are counted by exchange.police_uk a batch at a time on a
thread of its own, and the counts are written once all are read, all in one transaction: a failed or
cancelled import changes nothing; re-importing a month replaces it and never double counts.

Public data is shared, not owned (issue 13). The counts are keyed by what they count and nothing else,
no office and no random id, so two offices that import the same file hold identical rows:

- ``_police_counts``  (force, month, source_district, crime_type) -> area_id, count
- ``_police_vintages`` (force, month) -> file_name, file_sha256, download_newest_month, rows, imported_at

A *vintage* is the force-month as one download had it: the SHA-256 of the street file's bytes (its
identity: two offices with the same hash hold the same counts), the file's name, the newest month of
the download it came in (the newest month among the street files of the zip or folder given, or of the
files given on their own, which were chosen together and so are one download, police_uk.LOOSE_FILES: a
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
  month's counts (``figure_sources``);
- an export for the county carries the counts without the figures: read-only, it is given them by the same
  SQL in temporary tables of the reading connection (``figures_for_reading``), never written to.
"""

from __future__ import annotations

import contextlib
import csv
import re
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Collection, Iterable, Sequence

from safer_desk.domain.ids import reference_id
from safer_desk.domain.text import counted as counted_words, in_words, ranges_text  # `counted`: the files counted
from safer_desk.exchange import police_uk
from safer_desk.exchange.police_uk import ALL_CRIME, UNKNOWN_AREA, PoliceFileError, crime_type_named, is_anti_social
from safer_desk.services import indicators as svc
from safer_desk.services.progress import CancelCheck, Progress, check_cancelled, never_cancelled, no_progress
from safer_desk.storage import audit
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
class _Version:
    """One file's counts of a force-month that another file of the same import gives too."""

    number: int  # the file's number in the import
    name: str
    source: str  # its download (FileCounts.source)
    counts: dict
    vintage: Vintage


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
    derived: bool = False  # a partnership's or county's own figure: imported_value is its districts' sum

    @property
    def key(self) -> FigureKey:
        return (self.indicator_id, self.area_id, self.period)

    def describe(self) -> str:
        """"All crime, Plymouth, Jan-20: typed 1,335, police.uk 1,618"; a partnership's or county's own figure: "…:
        typed 9,999, its districts' police.uk figures add up to 3,416"."""
        now = (f"its districts' police.uk figures add up to {_number(self.imported_value)}" if self.derived
               else f"police.uk {_number(self.imported_value)}")
        return (f"{self.indicator}, {self.area}, {svc.period_label(self.period)}: typed {_number(self.typed_value)}, "
                f"{now}")


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
    # District names (from the LSOA names) the ONS lookup does not know, counted as areas of their own: -> rows
    unmapped: dict[str, int] = field(default_factory=dict)
    vintages: list[Vintage] = field(default_factory=list)
    typed: list[TypedFigure] = field(default_factory=list)  # typed figures that differ from the counts
    sources: list[str] = field(default_factory=list)  # the files, folders and zips given
    source_hash: str = ""  # SHA-256 over the street files' own hashes, in order: the import as one batch
    # A force-month given again by a later file of the same import (the later one is counted):
    # (force, month, earlier file, its rows, later file, its rows, the very same file).
    # (force, month, file set aside, its rows, file counted, its rows, the same file, the counted one's download's
    # newest month in words when it is the later download: "" when it was the file given later)
    repeated: list[tuple[str, str, str, int, str, int, bool, str]] = field(default_factory=list)
    # A force-month replaced by a file with far fewer rows than the one imported before (a download cut short at a
    # line's end, rows deleted): (force, month, the file before, its rows, rows now).
    shrunk: list[tuple[str, str, str, int, int]] = field(default_factory=list)
    # Street files of CUT_SHORT_ROWS rows or more with no crime without a location: (file as shown, its rows). Every
    # data.police.uk street file ends with those ("No Location", no LSOA), so such a file was cut short at the end
    # of a line before them (a download or a copy stopped between two rows), which no ragged line gives away.
    no_location_missing: list[tuple[str, int]] = field(default_factory=list)
    # The areas a force-month replaced had rows in and has none in now (a file filtered to one district, or cut
    # short), most rows first: (force, month) -> [(area, its rows before)]. Those force-months are in shrunk too.
    gone: dict[tuple[str, str], list[tuple[str, int]]] = field(default_factory=dict)
    # What a force-month replaced changed (a month police.uk re-published with corrected counts): (force, month) ->
    # ([(All crime or Anti-social behaviour, area, its count before, now)], the crime types whose counts changed).
    changed: dict[tuple[str, str], tuple[list[tuple[str, str, int, int]], list[str]]] = field(default_factory=dict)
    # A force-month imported with no row in an area of the force's own that its files of the other months held have
    # crimes in (a file filtered or cut short, imported for the first time): (force, month) -> [(area, its crimes in
    # those other months, how many months they are)], most first. Not the areas of ``gone``, said there.
    absent: dict[tuple[str, str], list[tuple[str, int, int]]] = field(default_factory=dict)
    # Each force's months missing between its first and last imported, and not held from before (force_months_missing)
    force_gaps: dict[str, list[str]] = field(default_factory=dict)
    wrote: bool | None = None  # whether the import wrote any row, figures and vintages included (None: not known)
    # The forces whose crimes of the months imported lie outside the office's districts (fewer than 1 in
    # county_merge.OWN_AREA_SHARE in them: another force's download, chosen by mistake), and the office's districts
    # named when saying so; none in a file whose office names no districts.
    outside: list[str] = field(default_factory=list)
    office_districts: list[str] = field(default_factory=list)
    # Each of those forces' crimes in the import, and the months they are of: what asking about it says.
    outside_rows: dict[str, tuple[int, list[str]]] = field(default_factory=dict)

    @property
    def nothing_new(self) -> bool:
        """Every force-month given was held already from the very same file, as it is, and the import wrote nothing:
        the same download imported again. Its rows, files, months and areas are still counted (what was read)."""
        return (self.wrote is False and bool(self.vintages) and not self.replaced
                and len(self.unchanged) == len(self.vintages) and not self.replaced_typed)

    @property
    def kept_typed(self) -> list[TypedFigure]:
        return [t for t in self.typed if not t.replaced]

    @property
    def replaced_typed(self) -> list[TypedFigure]:
        return [t for t in self.typed if t.replaced]

    def months_missing(self) -> list[str]:
        """The months between the first and the last imported that no file of the import gave ("2025-06"): a month
        left out of a download, which "11 months (2025-01 to 2025-12)" alone would hide."""
        if not self.months:
            return []
        by_force = self._months_by_force()
        if len(by_force) > 1:  # two forces' downloads: a month between them is no force's gap (2020-04 to 2024-12
            # between Devon & Cornwall's 2020 and Suffolk's 2025); each force's own gaps are said by force
            ranges = [(min(months), max(months)) for months in by_force.values()]
            return [m for m in _months_between(self.months) if all(first < m < last for first, last in ranges)]
        return _months_between(self.months)

    def _months_by_force(self) -> dict[str, set[str]]:
        by_force: dict[str, set[str]] = {}
        for v in self.vintages:
            by_force.setdefault(v.force, set()).add(v.month)
        return by_force

    def force_months_missing(self, held: Collection[tuple[str, str]] = ()) -> dict[str, list[str]]:
        """Each force's months between its own first and last imported that none of its files gave, where another
        force's file gave them (so months_missing does not): a month left out of one force's download in a folder
        of two forces' downloads. held: force-months the file holds already (from an import before), left out."""
        by_force = self._months_by_force()
        said, held = set(self.months_missing()), set(held)
        missing = {force: [m for m in _months_between(months) if m not in said and (force, m) not in held]
                   for force, months in by_force.items()}
        return {force: months for force, months in sorted(missing.items()) if months}

    def summary_lines(self, *, most_listed: int | None = None) -> list[str]:
        """The summary, a line a thing said. ``most_listed``: the typed figures kept (or replaced) listed up to so many,
        then how many more (the window, which asks about them next: 45 listed made its message taller than a laptop's
        screen); the command line lists every one."""
        gaps = self.months_missing()
        read = (f"{counted_words(self.rows, 'row')} from {counted_words(self.files, 'file')}: "
                f"{counted_words(len(self.months), 'month')} "
                f"({' to '.join(dict.fromkeys(self.months[:1] + self.months[-1:]))}"  # "2025-01", "2025-01 to 2025-12"
                f"{'; no file for ' + ranges_text(gaps, _next_month, str) if gaps else ''}), "
                f"{counted_words(len(self.areas), 'area')}.")
        if self.nothing_new:
            # The same download again: it said "Imported 48,193 rows …" beside "… already imported … unchanged".
            held = "the month in this file is" if len(self.unchanged) == 1 else \
                f"every month in {'this file' if self.files == 1 else 'these files'} is"
            lines = [f"Nothing new: {held} held already, from the same file, as it was; nothing was changed.",
                     f"Read {read}"]
        else:
            lines = [f"Imported {read}"]
        if self.forces:
            lines.append("Forces: " + ", ".join(self.forces) + ".")
        if self.outside:
            more = len(self.office_districts) - _GONE_NAMED
            shown = self.office_districts[:_GONE_NAMED] + ([f"{more} more"] if more > 0 else [])
            lines.append(f"{in_words(self.outside)} {'polices' if len(self.outside) == 1 else 'police'} none of this "
                         f"office's districts ({in_words(shown)}): the counts are kept, under the force's own areas "
                         "(type a name in Find on the Indicators tab to see them). For your districts' figures, "
                         "import your own force's files from data.police.uk.")
        for force, gaps in self.force_gaps.items():
            months = sorted(v.month for v in self.vintages if v.force == force)
            left, files = ("that month", "that month's file") if len(gaps) == 1 else ("those months", "their files")
            lines.append(f"No file for {force} {ranges_text(gaps, _next_month, str)}, between its first and last "
                         f"months imported ({months[0]} to {months[-1]}): its areas have no figures for "
                         f"{ranges_text(gaps, _next_month, svc.period_label)}. If its download left {left} out, "
                         f"import {files}.")
        newest = sorted({v.download_newest_month for v in self.vintages})
        if newest:
            lines.append(f"Download{'s' if len(newest) > 1 else ''} to {', '.join(newest)}; each file's "
                         "SHA-256 is kept with its counts.")
        if self.replaced:
            lines.append(f"Replaced {counted_words(len(self.replaced), 'force-month')} imported before "
                         "(never added twice).")
        changed = [self._changed_line(force, month) for force, month in self.replaced if (force, month) in self.changed]
        # A year's download again: each line is two or three of the window's message, so it lists three, as the
        # History of Changes does (eight, as many as its typed figures, made the message taller than a laptop's screen)
        shown = None if most_listed is None else min(most_listed, _CHANGED_LISTED)
        if shown is not None and len(changed) > shown:
            changed[shown:] = [f"… and {counted_words(len(changed) - shown, 'more force-month')} "
                               "replaced (safer-desk import-police lists what each changed)."]
        lines += changed
        lines += [f"{force} {month} has {counted_words(rows, 'row')} in this import's file, where the file imported "
                  f"before ({before}) had {before_rows:,}{self._gone_words(force, month)}; the new counts replaced the "
                  "old. If the new file is not the whole month (cut short, or rows deleted), import that month's file "
                  "from data.police.uk again." for force, month, before, before_rows, rows in self.shrunk]
        lines += [self._absent_line(force, month, areas) for (force, month), areas in sorted(self.absent.items())]
        lines += [f"{shown} has no crimes without a location ({counted_words(rows, 'row')}), where every "
                  "data.police.uk street file ends with them: it was probably cut short at the end of a line while "
                  "downloading or copying, and its month's figures are short by the rows after the cut. Its counts were "
                  "imported; "
                  "download it again from data.police.uk and import it, which replaces them."
                  for shown, rows in self.no_location_missing]
        if self.unchanged and not self.nothing_new:
            lines.append(f"{counted_words(len(self.unchanged), 'force-month')} "
                         f"{'was' if len(self.unchanged) == 1 else 'were'} already imported from the same file: "
                         "unchanged.")
        for old, new in sorted(self.renamed.items()):
            lines.append(f"{old} counted as {new} (its current district).")
        if self.unmapped:
            named = [f"{name} ({counted_words(rows, 'row')})" for name, rows in sorted(self.unmapped.items())]
            lines.append(f"Not in the ONS district lookup Safer Desk ships with: {in_words(named)}. Their crimes are "
                         "counted under that name, as an area of its own (type it in Find on the Indicators tab), "
                         "and in no district of a county or partnership; check the file's LSOA names against "
                         "data.police.uk's.")
        if self.kept_typed:
            lines.append(f"Kept {counted_words(len(self.kept_typed), 'typed figure')} that "
                         f"{'differs' if len(self.kept_typed) == 1 else 'differ'} from the police.uk counts:")
            lines += _listed(self.kept_typed, most_listed, "the question that follows asks about them all")
        if self.replaced_typed:
            lines.append(f"Replaced {counted_words(len(self.replaced_typed), 'typed figure')} with the police.uk "
                         "counts:")
            lines += _listed(self.replaced_typed, most_listed, "Edit > Undo puts them all back")
        lines += self._left_out_lines()
        lines += self._repeated_lines()
        return lines

    def _left_out_lines(self) -> list[str]:
        """"Not imported: …" for the files left out. A year's download holds an outcomes and a stop-and-search file
        for each month: said one a line they were 24 lines of the same words, and the window's message was taller
        than a laptop's screen; more than three of a kind are said in one line, the first three named."""
        by_kind: dict[str, list[str]] = {kind: [] for kind in _LEFT_OUT}
        lines: list[str] = []
        said: set[str] = set()
        for shown, why in self.skipped:
            if why in said:  # a download given alone and in a folder: once
                continue
            said.add(why)
            kind = next((k for k in _LEFT_OUT if why == police_uk.refusal_for(shown, k)), None)
            (by_kind[kind] if kind else lines).append(shown if kind else f"Not imported: {why}")
        grouped = []
        for kind, names in by_kind.items():
            if len(names) > 3:
                files, counted_as = _LEFT_OUT[kind]
                grouped.append(f"Not imported: {len(names):,} police.uk {files}, not street-level crime: "
                               f"{_first_three(names)}; {counted_as}.")
            else:
                grouped += [f"Not imported: {police_uk.refusal_for(name, kind)}" for name in names]
        return grouped + lines

    def _gone_words(self, force: str, month: str) -> str:
        """", and none in 2 areas the file before had rows in (Ipswich 412, Breckland 3): they have no figures for
        Jan-25 now" ("" when no area went)."""
        gone = self.gone.get((force, month), [])
        if not gone:
            return ""
        named = [f"{area} {rows:,}" for area, rows, _ in gone[:_GONE_NAMED]]
        if len(gone) > _GONE_NAMED:
            named.append(f"{len(gone) - _GONE_NAMED:,} more")
        label = svc.period_label(month)
        others = [(area, forces) for area, _, forces in gone if forces]
        if not others:
            now = f"{'it has' if len(gone) == 1 else 'they have'} no figures for {label} now"
        else:  # another force's file still counts crimes there: its figure is theirs, not none (round 49)
            empty = [area for area, _, forces in gone if not forces]
            whose = in_words([f"{name}'s" for name in sorted({f for _, fs in others for f in fs})])
            if empty:
                now = (f"{in_words(empty)} {'has' if len(empty) == 1 else 'have'} no figures for {label} now, and "
                       f"{in_words([area for area, _ in others])} only other forces' ({whose})")
            else:
                now = (f"{'it has' if len(gone) == 1 else 'they have'} only other forces' figures for {label} now "
                       f"({whose})")
        return (f", and none in {counted_words(len(gone), 'area')} the file before had rows in ({in_words(named)}): "
                f"{now}")

    def _changed_line(self, force: str, month: str) -> str:
        """"Suffolk Constabulary 2025-04, police.uk counts before → now: All crime Babergh 349 → 341; …"."""
        figures, types = self.changed[(force, month)]
        return counts_changed_words(f"{force} {month}", figures, types) + "."

    def changed_record(self) -> list[list]:
        """What each force-month replaced changed, for the History of Changes (its import's audit entry): [force,
        month, the first figures of each kind as in counts_changed_words, how many more of each, the crime types]."""
        record = []
        for (force, month), (figures, types) in sorted(self.changed.items()):
            kept, more = [], {}
            for figure in figures:
                if sum(f[0] == figure[0] for f in kept) < _GONE_NAMED:
                    kept.append(list(figure))
                else:
                    more[figure[0]] = more.get(figure[0], 0) + 1
            record.append([force, month, kept, more, types])
        return record

    def _absent_line(self, force: str, month: str, areas: list[tuple[str, int, int]]) -> str:
        """"Suffolk Constabulary 2025-06 has no rows in Babergh (3,862 rows in the force's files of 11 other
        months) …": a district of the force's own missing from a month's file, which no count can show."""
        named = [f"{area} ({rows:,} rows in the force's files of {counted_words(months, 'other month')})"
                 for area, rows, months in areas[:_GONE_NAMED]]
        if len(areas) > _GONE_NAMED:
            named.append(f"{len(areas) - _GONE_NAMED:,} more")
        whom = areas[0][0] if len(areas) == 1 else "those areas"
        return (f"{force} {month} has no rows in {in_words(named)}: the file is probably not the whole month (cut "
                f"short, or rows deleted), so {whom} {'has' if len(areas) == 1 else 'have'} no figures from it for "
                f"{svc.period_label(month)}. Import that month's file from data.police.uk again.")

    def _repeated_lines(self) -> list[str]:
        """A file given twice (or a folder and a file in it) is counted once; a force-month in two different
        files is counted from the later. Said, so that neither passes for a mistake in the counts."""
        lines: list[str] = []
        # (earlier, later) -> {force-month: [rows, repeats]}: a file's force-months said together, and a file given
        # three times (twice by name and in its folder) said so, its rows once (not "its 8,238 rows" of 4,119)
        same: dict[tuple[str, str], dict[tuple[str, str], list[int]]] = {}
        for force, month, earlier, earlier_rows, later, later_rows, identical, newer in self.repeated:
            if identical:
                seen = same.setdefault((earlier, later), {}).setdefault((force, month), [later_rows, 0])
                seen[1] += 1
            elif newer:
                lines.append(f"{force} {month} is in two different downloads: the later one's ({later}, of the "
                             f"download to {newer}, {counted_words(later_rows, 'row')}) was counted, not the "
                             f"earlier one's ({earlier}, {counted_words(earlier_rows, 'row')}).")
            else:
                lines.append(f"{force} {month} is in two different files: the later one ({later}, "
                             f"{counted_words(later_rows, 'row')}) was counted, not the earlier ({earlier}, "
                             f"{counted_words(earlier_rows, 'row')}).")
        said = []
        for (earlier, later), months in same.items():
            rows = sum(seen[0] for seen in months.values())
            times = max(seen[1] for seen in months.values()) + 1
            said.append((f"{earlier} was given {'twice' if times == 2 else f'{times:,} times'} (the same file)"
                         if earlier == later else f"{later} is the same file as {earlier}")
                        + f": its {counted_words(rows, 'row')} were counted once.")
        return said + lines


_GONE_NAMED = 5  # areas a force-month lost that its line names (the rest are counted)
# A street file with at least so many rows and none without a location was cut short (PoliceImportResult): 0.4 to 5
# in 100 of a force's rows have none, so a whole month's file of a thousand rows has a few at its end.
CUT_SHORT_ROWS = 1000
_CHANGED_LISTED = 3  # force-months replaced whose changes the window's summary says (the rest are counted)


def counts_changed_words(which: str, figures: Iterable[Sequence], types: Sequence[str],
                         more: dict[str, int] | None = None) -> str:
    """"Suffolk Constabulary 2025-04, police.uk counts before → now: All crime Babergh 349 → 341; Anti-social
    behaviour Babergh 49 → 48; crime types changed: Burglary, …": what a month imported again changed, so a
    correction police.uk made can be checked against figures already sent. figures: (All crime or Anti-social
    behaviour, area, before, now), the biggest change first; more: how many more areas of each changed, beyond those
    given."""
    figures = [tuple(f) for f in figures]
    if not figures and not types:
        return f"{which}: the new file's counts are the same as before"
    parts = []
    for what in (ALL_CRIME, police_uk.ANTI_SOCIAL):
        mine = [(area, before, now) for name, area, before, now in figures if name == what]
        named = [f"{area} {before:,} → {now:,}" for area, before, now in mine[:_GONE_NAMED]]
        extra = max(len(mine) - _GONE_NAMED, 0) + (more or {}).get(what, 0)
        if extra:
            named.append(counted_words(extra, "more area"))
        if named:
            parts.append(f"{what} {', '.join(named)}")
        elif what == ALL_CRIME:
            parts.append(f"{what} as before in every area")
    if types:
        parts.append(f"crime types changed: {in_words(list(types))}")
    return f"{which}, police.uk counts before → now: {'; '.join(parts)}"


def _months_between(months: Collection[str]) -> list[str]:
    """The months between the first and the last of these that are not among them."""
    if not months:
        return []
    held, month, last, out = set(months), min(months), max(months), []
    while month < last:
        month = _month_after(month)
        if month not in held:
            out.append(month)
    return out


def _month_after(month: str) -> str:
    """"2025-12" -> "2026-01"."""
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}"


def _next_month(a: str, b: str) -> bool:
    return b == _month_after(a)


@lru_cache(maxsize=4096)
def crime_indicator_id(crime_type: str) -> str:
    return reference_id("indicator", crime_type)


def unplaced_crime_words(store: Store, area: svc.Area, rows: list[svc.SummaryRow]) -> str:
    """A county's all crime figure against its force's police.uk total: "Suffolk's all crime figure (32,948,
    Apr-25 to Dec-25) counts the crimes police.uk places in its districts. Suffolk Constabulary's police.uk files
    for those months hold 33,605: 217 more that police.uk could not place in any area …". A county's figures are
    its districts' (DESIGN §3): crimes with no location and those placed in districts outside it are in none of
    them, so a board officer checking the force's total finds a gap, said here. "" when the figure is not made of
    police.uk counts alone (a typed district figure), or nothing is left out."""
    from safer_desk.exchange.county_merge import OWN_AREA_SHARE

    row = next((r for r in rows if r.indicator.id == crime_indicator_id(ALL_CRIME)), None)
    if row is None or row.view.ytd is None:
        return ""
    v = row.view
    months: dict[str, tuple[str, ...]] = {}  # each derived month to date, with the districts it is made of
    for i in range(v.periods_to_date):
        d = v.derived[i] if i < len(v.derived) else None
        if d is not None and d.figure is not None and v.sources[i] is not None and v.sources[i].kind == "derived":
            months[v.periods[i]] = d.membership.districts
    if not months or len(months) != sum(f is not None for f in v.this_year[:v.periods_to_date]):
        return ""
    shown = sum(f.value for f in v.this_year[:v.periods_to_date] if f is not None)
    by_force: dict[str, list[int]] = {}  # force -> [in the county's districts, in no area, elsewhere]
    places: dict[str, int] = {}  # each area elsewhere (the county's own force's crimes there): its crimes
    for month, districts in months.items():
        counts: dict[str, list[int]] = {}
        where: dict[str, dict[str, int]] = {}
        for force, area_id, crime_type, n in store.rows(
                "SELECT force, area_id, crime_type, sum(count) FROM _police_counts WHERE month = ? "
                "GROUP BY force, area_id, crime_type", (month,)):
            if is_anti_social(crime_type):  # not a crime: All crime leaves it out
                continue
            part = 0 if area_id in districts else 1 if area_id == svc.UNKNOWN_AREA_ID else 2
            counts.setdefault(force, [0, 0, 0])[part] += n
            if part == 2:
                where.setdefault(force, {})[area_id] = where.get(force, {}).get(area_id, 0) + n
        for force, (inside, unknown, elsewhere) in counts.items():
            if inside * OWN_AREA_SHARE >= inside + unknown + elsewhere:  # the county's own force (not a neighbour's)
                for i, n in enumerate((inside, unknown, elsewhere)):
                    by_force.setdefault(force, [0, 0, 0])[i] += n
                for area_id, n in where.get(force, {}).items():
                    places[area_id] = places.get(area_id, 0) + n
    inside, unknown, elsewhere = (sum(c[i] for c in by_force.values()) for i in range(3))
    if inside != shown or not (unknown or elsewhere):
        return ""  # a figure typed at a district, or nothing left out: no gap to explain
    when = ranges_text([v.periods.index(m) for m in months], lambda a, b: b == a + 1, v.labels.__getitem__)
    files = in_words([f"{force}'s" for force in sorted(by_force)])
    left = [f"{unknown:,} that police.uk could not place in any area (no location given: “Unknown area”)"] \
        if unknown else []
    # Named, most crimes first: "outside Devon" was untrue of Plymouth and Torbay, unitaries in Devon that are not
    # its county council's districts, so not in its figure.
    found = dict(store.rows(f"SELECT id, name FROM indicator_areas WHERE id IN ({', '.join('?' * len(places))})",
                            list(places))) if places else {}  # one query: a county's crimes lie in 100-odd areas
    named = [found.get(a, a) for a in sorted(places, key=lambda a: (-places[a], a))]
    listed = in_words(named) if len(named) <= 4 else svc.names_and_more(named)
    left += [f"{elsewhere:,} it placed in areas that are not {area.name}'s districts ({listed}: "
             "in those areas' figures)"] if elsewhere else []
    return (f"{area.name}'s all crime figure ({v.indicator.format(shown)}, {when}) is the sum of its districts': the "
            f"crimes police.uk places in them. {files} police.uk files for those months hold "
            f"{inside + unknown + elsewhere:,} crimes, of which these are not in {area.name}'s figure: "
            f"{' and '.join(left)}.")


def _ensure_crime_indicators(store: Store, crime_types: Iterable[str]) -> None:
    existing = {r[0] for r in store.rows("SELECT id FROM indicators")}
    for crime_type in sorted({crime_type_named(t) for t in crime_types} | {ALL_CRIME}):
        if crime_indicator_id(crime_type) in existing:
            continue
        existing.add(crime_indicator_id(crime_type))  # "Fly-tipping" and "FLY-TIPPING": one indicator
        svc.save_indicator(store, crime_type, unit="count", polarity="lower", frequency="monthly",
                           source="data.police.uk street-level crime",
                           description="Police-recorded crime and anti-social behaviour from data.police.uk."
                           + (" Every crime type except anti-social behaviour." if crime_type == ALL_CRIME else ""))


def police_data_kind(path: Path | str) -> str:
    """What police.uk data a path given as an office's file is ("a data.police.uk street-level crime file", "a folder
    of data.police.uk street-level crime files"), told by a street file's heading line or a folder's street files; ""
    for anything else. The month's download opened in the office's file's place is said so, with how to import it."""
    path = Path(path)
    try:
        if path.is_dir():
            if not any(next(path.glob(pattern), None) for pattern in ("*-street.csv", "*/*-street.csv")):
                return ""
            return "a folder of data.police.uk street-level crime files"
        if police_uk.file_kind(police_uk.read_header(path)) != "street":
            return ""
    except (PoliceFileError, OSError, ValueError):
        return ""
    return "a data.police.uk street-level crime file"


class OtherForceFiles(PoliceFileError):
    """An import refused before it changed anything: its files are another force's, one that polices none of the
    office's districts (a Suffolk office's wrong folder: Devon & Cornwall's download), and an import is no step of
    Edit > Undo. The window asks whether to import them all the same (``other_forces``); the command line imports
    what a script names, and its summary says whose files they are."""

    def __init__(self, forces: list[str], result: PoliceImportResult):
        self.forces, self.office_districts = list(forces), list(result.office_districts)
        self.rows = {force: result.outside_rows.get(force, (0, [])) for force in self.forces}
        super().__init__(self.refusal())

    def what(self) -> str:
        """What the files are: "Devon & Cornwall Police polices none of this office's districts (Babergh, …): its
        30,135 rows of 2020-01 to 2020-03 would be counted under its own areas, and none in your districts' figures"."""
        more = len(self.office_districts) - _GONE_NAMED
        shown = self.office_districts[:_GONE_NAMED] + ([f"{more} more"] if more > 0 else [])
        crimes = []
        for force in self.forces:
            rows, months = self.rows[force]
            span = " to ".join(dict.fromkeys(months[:1] + months[-1:]))
            crimes.append(f"{force + chr(39) + 's' if len(self.forces) > 1 else 'its'} {counted_words(rows, 'row')} "
                          f"of {span}")
        many = len(self.forces) > 1
        return (f"{in_words(self.forces)} {'police' if many else 'polices'} none of this office's districts "
                f"({in_words(shown)}): {in_words(crimes)} would be counted under "
                f"{'their' if many else 'its'} own areas, and none in your districts' figures.")

    def refusal(self) -> str:
        return (f"{self.what()} Nothing was imported. For your districts' figures, import your own force's files from "
                "data.police.uk.")

    def question(self, file_name: str) -> str:
        """What the window asks before importing them."""
        return (f"{self.what()}\n\nImport them into {file_name} all the same? An import is not a step of Edit > "
                "Undo: once imported, the counts stay in the file. For your districts' figures, choose Don't Import "
                "and import your own force's files from data.police.uk.")


def import_police_files(store: Store, paths: Iterable[Path | str], *, progress: Progress = no_progress,
                        cancelled: CancelCheck = never_cancelled,
                        replace_typed: bool | Collection[FigureKey] = False,
                        other_forces: bool = False) -> PoliceImportResult:
    """Import street CSVs, folders of them and data.police.uk download zips; all or nothing.

    Raises PoliceFileError for a bad file (nothing changed), Cancelled when cancelled() said so, OtherForceFiles
    (nothing changed) for a force that polices none of the office's districts and that the file holds no counts of
    yet, unless ``other_forces``.
    """
    paths = [Path(p) for p in paths]
    with police_uk.street_files_in(paths) as found:
        if not found.street:
            raise PoliceFileError(_none_to_import(paths, found))
        held_forces = {r[0] for r in store.rows("SELECT DISTINCT force FROM _police_vintages")}
        result = PoliceImportResult(skipped=list(found.skipped), sources=[p.name or str(p) for p in paths])
        total = sum(f.size for f in found.street) or 1
        progress(0, total, "Reading police.uk files…")
        with police_uk.StreetReader(found.street, checkpoint=lambda: check_cancelled(cancelled),
                                    on_progress=lambda done: progress(min(done, total), total,
                                                                      "Counting police.uk files…")) as reader:
            # One transaction for the whole import: a bad file, a full disk or Cancel rolls everything
            # back. Each batch's areas and indicators are made as the reader hands it over; its counts are
            # kept, in the order given, so a later file's force-month replaces an earlier one's, and written
            # once every file is read, with the figures, worked out once in SQL (issue 16: a statement step
            # per row while the reader counted handed the GIL back and forth for every row; while helper
            # processes count a big import, this process is free and writes each batch's counts as it comes,
            # leaving only the figures for the end). Audited as one
            # entry (issue 12), whose SHA-256 over the files is known once the hashing, which runs beside
            # the reading, is done.
            with _bulk_write(store), store.transaction(), store.batch(
                    "Import police.uk data", source=", ".join(result.sources)) as batch:
                writer = _Writer(store, result, replace_typed, batch=batch)
                writer.write_as_read = reader.helped
                for counted in reader:
                    writer.add_files(counted)
                progress(total, total, "Saving the counts…")
                check_cancelled(cancelled)
                if not result.files:
                    raise PoliceFileError(_no_crimes(found.street))
                writer.finish()
                _say_forces_outside(store, result)
                # Asked before anything is kept (an import is no step of Edit > Undo); a force whose counts the file
                # holds already was asked about, or imported, before
                asked = [force for force in result.outside if force not in held_forces]
                if asked and not other_forces:
                    raise OtherForceFiles(asked, result)
                result.source_hash = batch.source_hash = reader.source_hash()
                result.wrote = bool(batch.rows)  # the same download again writes nothing (said: nothing_new)
                # The History of Changes says which months the import counted and what it replaced
                batch.details.update({"months": sorted(result.months),
                                      "replaced": [list(fm) for fm in sorted(result.replaced)]})
                if result.changed:  # and what each month replaced changed (a correction police.uk published)
                    batch.details["changed"] = result.changed_record()
                check_cancelled(cancelled)  # last chance: a cancel here rolls the whole import back
    return result


def _say_forces_outside(store: Store, result: PoliceImportResult) -> None:
    """Note in ``result`` the forces imported whose crimes of the months imported lie outside the office's districts
    (fewer than 1 in county_merge.OWN_AREA_SHARE in them, as a neighbouring force's few are): a Suffolk office given
    Devon & Cornwall's download heard only "Imported 30,135 rows", and its own months stayed empty unsaid."""
    from datetime import date

    from safer_desk.domain.periods import FinancialYear
    from safer_desk.exchange.county_merge import OWN_AREA_SHARE
    from safer_desk.services.district_counties import police_area_places
    from safer_desk.services.reference import office_districts, office_scope

    scope = office_scope(store)
    if not (scope.districts or scope.partnerships or scope.merged_offices or scope.county):
        # a file that does not say whose it is: no districts of its own to compare with (one naming its county
        # alone holds the county's districts, as `safer-desk office` lists them)
        return
    own_areas = office_districts(store)
    own = {a.id for a in own_areas}
    if not own:
        return
    own_places = {p for a in own_areas for p in police_area_places(a.name)}
    months: dict[str, set[str]] = {}
    for v in result.vintages:
        months.setdefault(v.force, set()).add(v.month)
    for force, held in sorted(months.items()):
        marks = ", ".join("?" * len(held))
        total, inside = store.one(
            f"SELECT sum(count), sum(CASE WHEN area_id IN ({', '.join('?' * len(own))}) THEN count "
            f"ELSE 0 END) FROM _police_counts WHERE force = ? AND month IN ({marks})",
            (*sorted(own), force, *sorted(held)))
        if total and (inside or 0) * OWN_AREA_SHARE < total and not police_uk.force_named_for(force, own_places):
            result.outside.append(force)
            result.outside_rows[force] = (sum(v.rows for v in result.vintages if v.force == force), sorted(held))
    if result.outside:
        named = office_districts(store, FinancialYear.of(date.today())) or office_districts(store)
        result.office_districts = [a.name for a in named]


def _listed(figures: list, most: int | None, rest: str) -> list[str]:
    """Each figure on a line of its own, indented; past ``most``, how many more and where they are said."""
    lines = [f"  {t.describe()}" for t in (figures if most is None else figures[:most])]
    if most is not None and len(figures) > most:
        lines.append(f"  … and {len(figures) - most:,} more ({rest})")
    return lines


# The other files of a police.uk download, said together when there are many: (what they are, what is counted).
_LEFT_OUT = {"outcomes": ("outcomes files (what later happened to crimes)",
                          "only the *-street.csv files are counted"),
             "stop-and-search": ("stop-and-search files", "they are not counted")}


def _first_three(names: list[str]) -> str:
    """"a, b and c", or "a, b, c and 4 more"."""
    return in_words(names[:3] + ([f"{len(names) - 3} more"] if len(names) > 3 else []))


def _none_to_import(paths: list[Path], found: police_uk.FoundFiles) -> str:
    """Why files and folders holding no street file are refused: what each folder holds instead, and what to choose."""
    said = [reason for _, reason in found.skipped]
    for folder in (p for p in paths if p.is_dir()):
        name = folder.name or str(folder)
        others = police_uk.files_passed_over(folder)
        if others:
            said.append(f"{name} holds {counted_words(len(others), 'other file')}, not read ({_first_three(others)}).")
        elif not any(f.is_file() for f in folder.rglob("*")):
            linked = [f.relative_to(folder).as_posix() for f in sorted(folder.rglob("*"))
                      if f.is_symlink() and f.is_dir()]
            if linked:  # a link to a folder is not followed (it may lead back to the one chosen, or anywhere)
                said.append(f"{name} holds only {counted_words(len(linked), 'link')} to another folder "
                            f"({_first_three(linked)}), which {'is' if len(linked) == 1 else 'are'} not followed: "
                            "choose the folder linked to.")
            else:
                said.append(f"{name} is empty.")
    # A zip in a folder says its files' reasons again in its own: said once, in the zip's words
    said = [reason for reason in said if not any(reason != other and reason in other for other in said)]
    if any(police_uk.saved_again(reason) for reason in said):  # there is a street file: it cannot be imported as is
        opening = "There are no police.uk street-level crime files that can be imported as they are: "
        if all("download it again" in reason for reason in said):  # each says what to do
            return f"{opening}{' '.join(said)} Nothing was imported."
        return f"{opening}{' '.join(said)} {police_uk.CHOOSE}"
    return (f"There are no police.uk street-level crime files to import{': ' if said else '. '}{' '.join(said)}"
            f"{' ' if said else ''}{police_uk.CHOOSE}")


def _no_crimes(street: list) -> str:
    """Why an import of street files that hold heading lines and nothing else is refused."""
    if len(street) == 1:
        return (f"{street[0].shown} has its heading line but no crimes: it was probably cut short while "
                "downloading. Download it again; nothing was imported.")
    return (f"None of the {len(street)} street files has any crimes (each has its heading line alone): they were "
            "probably cut short while downloading. Download them again; nothing was imported.")


def _blank_value(c: police_uk.FileCounts, column: str) -> str:
    """Why a street file with a row that has no force or no crime type is refused (with the first such line)."""
    line = ""
    with contextlib.suppress(OSError, ValueError, StopIteration, csv.Error):  # the line helps; the refusal stands
        with c.path.open(encoding="utf-8-sig", newline="") as fh:
            rows = csv.reader(fh)
            at = [name.strip() for name in next(rows)].index(column)
            start = rows.line_num + 1
            for values in rows:
                if len(values) > at and not values[at].strip(police_uk.WHITE_SPACE):
                    line = f" at line {start}"
                    break
                start = rows.line_num + 1
    return (f"{c.shown or c.name} has a row with no “{column}”{line}: every row of a data.police.uk street file "
            "names its force (“Reported by”) and its “Crime type”, so the file was changed by another program. "
            "Download it again; nothing was imported.")


@contextlib.contextmanager
def _bulk_write(store: Store):
    """Settings for a big import's one transaction, put back afterwards: a bigger page cache (SQLite's
    default 2 MB spills and re-reads pages) and the working tables in memory, never in a temporary file.
    Durability is left as it is (synchronous stays as the file has it: the import is one transaction)."""
    conn = store.conn
    cache, temp = store.scalar("PRAGMA cache_size"), store.scalar("PRAGMA temp_store")
    # Changing temp_store drops the connection's temporary tables (only this module makes any) and is
    # refused inside a transaction: then the working tables stay where SQLite keeps them.
    switch = temp != 2 and not conn.in_transaction
    conn.execute("PRAGMA cache_size = -65536")
    if switch:
        conn.execute("PRAGMA temp_store = MEMORY")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
        if switch and not conn.in_transaction:
            conn.execute(f"PRAGMA temp_store = {int(temp)}")


def _utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Writer:
    """Takes counts a batch of files at a time (making their areas and indicators), then writes the counts,
    vintages and figures, inside the caller's transaction."""

    def __init__(self, store: Store, result: PoliceImportResult,
                 replace_typed: bool | Collection[FigureKey] = False, imported_at: str | None = None,
                 batch: audit.Batch | None = None, files: bool = True):
        self.store, self.result, self.replace_typed = store, result, replace_typed
        # Counts read from street files, whose months are whole (False: counts made earlier, load_counts').
        self.files = files
        # The import's audit entry: the counts and vintages are internal tables, which no trigger sees, so their
        # rows are counted here (a later download of the same months may change nothing else, and is still
        # an import the History of Changes shows).
        self.batch = batch
        self.counts_before: dict[tuple[str, str], dict] = {}  # force-month -> its counts before this import
        self.counts_after: dict[tuple[str, str], dict] = {}  # ... and as this import leaves them
        self.imported_at = _utc_now() if imported_at is None else imported_at
        self.area_ids: dict[str, str] = {}
        self.current_names: dict[str, str] = {}
        self.unmapped: set[str] = set()  # district names of this import the ONS lookup does not know
        self.indicators = {r[0] for r in store.rows("SELECT id FROM indicators")}
        self.before: dict[tuple[str, str], str] = {}
        self.before_rows: dict[tuple[str, str], tuple[str, int]] = {}  # force-month -> (its file, rows) held
        for force, month, sha256, file_name, rows in store.rows(
                "SELECT force, month, file_sha256, file_name, rows FROM _police_vintages"):
            self.before[(force, month)], self.before_rows[(force, month)] = sha256, (file_name, rows)
        self.vintages: dict[tuple[str, str], Vintage] = {}  # written at the end, once downloads are known
        self.newest: dict[str, str] = {}  # download (FileCounts.source) -> newest month of its street files
        self.pending: dict[tuple[str, str], dict[tuple[str, str], int]] = {}  # counts read, to write in finish
        # Which file each force-month is counted from so far (its number in the import, name, SHA-256, rows) and
        # how many force-months each file still gives: a file whose every force-month a later one replaced
        # adds neither its rows nor itself to the summary.
        self.given: dict[tuple[str, str], tuple[int, str, str, int]] = {}
        self.months_of_file: dict[int, int] = {}
        # A force-month two downloads of the import give (an older download of January beside a newer one of
        # January to March): every file's version of it, so that finish counts the newer download's, whichever
        # was read last (which download is newer is known only once every file is read).
        self.versions: dict[tuple[str, str], list[_Version]] = {}
        # Write each batch's counts as it comes: only while other processes count (a counting thread here would
        # trade the GIL with every row's statement step, see add_files).
        self.write_as_read = False
        svc.sync_reference_areas(store)

    def _area(self, district: str) -> str:
        area_id = self.area_ids.get(district)
        if area_id is None:
            m = police_uk.map_district(district)
            if m.current_name == UNKNOWN_AREA:
                area_id = svc.ensure_area(self.store, UNKNOWN_AREA, "unknown")
            else:
                area_id = svc.ensure_area(self.store, m.current_name, "district", ons_code=m.ons_code)
                if m.renamed:  # not "Bristol" for "Bristol, City of", nor "BABERGH" for Babergh
                    self.result.renamed[m.source_name] = m.current_name
                if m.ons_code is None:  # a name the lookup does not know: its rows are counted in finish
                    self.unmapped.add(district)
            self.area_ids[district] = area_id
            self.current_names[district] = m.current_name
        return area_id

    def add_files(self, counted: list[police_uk.FileCounts]) -> None:
        """Write the counts of these files (their figures are worked out by finish)."""
        by_force_month: dict[tuple[str, str], dict[tuple[str, str], int]] = {}
        for c in counted:
            if not c.rows:  # a heading line alone: nothing to count, and no vintage of a month it never gave
                self.result.skipped.append((c.shown or c.name, f"{c.shown or c.name} has its heading line but no "
                                                               "crimes: nothing in it was counted."))
                continue
            self.result.files += 1
            self.result.rows += c.rows
            if self.files and c.rows >= CUT_SHORT_ROWS and all(district for _, _, district, _ in c.counts):
                self.result.no_location_missing.append((c.shown or c.name, c.rows))
            number = len(self.months_of_file)
            per_file: dict[tuple[str, str], dict[tuple[str, str], int]] = {}
            for (force, month, district, crime_type), n in c.counts.items():
                if not force or not crime_type:  # a force-month of its own no download replaces; no indicator
                    raise PoliceFileError(_blank_value(c, "Reported by" if not force else "Crime type"))
                per_file.setdefault((force, month), {})[(district, crime_type)] = n
            self.months_of_file[number] = len(per_file)
            if per_file:
                newest = max(month for _, month in per_file)
                self.newest[c.source] = max(self.newest.get(c.source, newest), newest)
            for (force, month), counts in per_file.items():
                if (force, month) in self.given:  # given before: both versions kept until finish chooses
                    earlier = self.versions.setdefault((force, month), [])
                    if not earlier:
                        earlier.append(self._version_given((force, month), by_force_month))
                by_force_month[(force, month)] = counts  # a later file's force-month replaces an earlier one's
                self._replacing((force, month), number, c, sum(counts.values()))
                self.vintages[(force, month)] = Vintage(force, month, c.name, c.sha256, c.source,
                                                        sum(counts.values()), self.imported_at)
                if (force, month) in self.versions:
                    self.versions[(force, month)].append(
                        _Version(number, c.shown or c.name, c.source, counts, self.vintages[(force, month)]))
        # The counts themselves are written once every batch is read (finish): written here, while the reader
        # thread counts the next batch, each row's statement step gave the GIL to the reader and waited to
        # take it back (~0.3 s of CPU a million rows). Not so while helper processes count (write_as_read):
        # then this process is idle meanwhile, and the batch is written now, off the end of the import.
        self._prepare(by_force_month)
        self.pending.update(by_force_month)
        if self.write_as_read:
            self.write_counts(self.pending)
            self.pending = {}

    def _version_given(self, force_month: tuple[str, str],
                       batch: dict[tuple[str, str], dict[tuple[str, str], int]]) -> _Version:
        """The version of a force-month counted so far: its counts from this batch, those still to be written, or
        (written as read) those written."""
        counts = batch.get(force_month) or self.pending.get(force_month)
        if counts is None:
            counts = {(d, t): n for d, t, n in self.store.conn.execute(
                "SELECT source_district, crime_type, count FROM _police_counts WHERE force = ? AND month = ?",
                force_month)}
        number, name, _, _ = self.given[force_month]
        vintage = self.vintages[force_month]
        return _Version(number, name, vintage.download_newest_month, counts, vintage)

    def _newest_download_counted(self) -> None:
        """Of a force-month two downloads of the import give, the newer download's version is counted (the file
        read last where the downloads end in the same month), as a later download replaces an earlier one in a
        later import and at the county; said so (PoliceImportResult.repeated)."""
        for force_month, versions in self.versions.items():
            counted = versions[-1]
            best = max(versions, key=lambda v: (self.newest.get(v.source, ""), v.number))
            repeated = [r for r in self.result.repeated if r[:2] != force_month]
            for v in versions:
                if v is not best:
                    same = bool(v.vintage.file_sha256) and v.vintage.file_sha256 == best.vintage.file_sha256
                    newer = self.newest.get(best.source, "") > self.newest.get(v.source, "")
                    repeated.append((*force_month, v.name, v.vintage.rows, best.name, best.vintage.rows, same,
                                     self.newest[best.source] if newer else ""))
            self.result.repeated = repeated
            if best is counted:
                continue
            self.pending[force_month] = best.counts  # (written over the version written as read, if it was)
            self.vintages[force_month] = best.vintage
            self.result.rows += best.vintage.rows - counted.vintage.rows
            self.months_of_file[counted.number] -= 1
            if not self.months_of_file[counted.number]:
                self.result.files -= 1
            if not self.months_of_file[best.number]:
                self.result.files += 1
            self.months_of_file[best.number] += 1

    def _replacing(self, force_month: tuple[str, str], number: int, c: police_uk.FileCounts, rows: int) -> None:
        """Count a force-month from this file; one an earlier file of the import gave leaves the summary's rows
        (and the file, when nothing else of it is kept) and is said (PoliceImportResult.repeated)."""
        name = c.shown or c.name
        earlier = self.given.get(force_month)
        self.given[force_month] = (number, name, c.sha256, rows)
        if earlier is None:
            return
        earlier_number, earlier_name, earlier_sha, earlier_rows = earlier
        self.result.rows -= earlier_rows
        self.months_of_file[earlier_number] -= 1
        if not self.months_of_file[earlier_number]:
            self.result.files -= 1
        self.result.repeated.append((*force_month, earlier_name, earlier_rows, name, rows,
                                     bool(c.sha256) and c.sha256 == earlier_sha, ""))

    def _prepare(self, by_force_month: dict[tuple[str, str], dict[tuple[str, str], int]]) -> dict[str, str]:
        """The indicators and areas these counts need (made as each batch brings them, so in the same order
        whichever way the counts are written); returns district -> area id."""
        crime_types = {t for counts in by_force_month.values() for _, t in counts}
        if {crime_indicator_id(t) for t in crime_types | {ALL_CRIME}} - self.indicators:
            _ensure_crime_indicators(self.store, crime_types)
            self.indicators = {r[0] for r in self.store.rows("SELECT id FROM indicators")}
        return {district: self._area(district)  # each district once (a set first: a file has ~100 per district)
                for district in sorted({district for counts in by_force_month.values() for district, _ in counts})}

    def write_counts(self, by_force_month: dict[tuple[str, str], dict[tuple[str, str], int]]) -> None:
        """Replace each force-month's counts (an identical re-import writes nothing)."""
        if not by_force_month:
            return
        conn = self.store.conn
        area = self._prepare(by_force_month)
        # Counts of these force-months that the new files no longer have go, changed ones are updated, new
        # ones inserted (in key order: the table is its key): worked out here, so a first import is plain
        # INSERTs and the same file again writes nothing at all. Each force-month is found by its key.
        old = {}
        for force, month in by_force_month:
            held = {(force, month, district, crime_type): (area_id, n) for district, crime_type, area_id, n in
                    conn.execute("SELECT source_district, crime_type, area_id, count FROM _police_counts WHERE "
                                 "force = ? AND month = ?", (force, month))}
            old.update(held)
            if self.batch is not None:
                self.counts_before.setdefault((force, month), held)
                self.counts_after[(force, month)] = {}
        rows = [(force, month, district, crime_type, area[district], n)
                for (force, month), counts in by_force_month.items() for (district, crime_type), n in counts.items()]
        if self.batch is not None:
            for row in rows:
                self.counts_after[row[:2]][row[:4]] = row[4:]
        if old:
            new = {row[:4]: row[4:] for row in rows}
            conn.executemany("DELETE FROM _police_counts WHERE force = ? AND month = ? AND source_district = ? "
                             "AND crime_type = ?", [key for key in old if key not in new])
            conn.executemany("UPDATE _police_counts SET area_id = ?, count = ? WHERE force = ? AND month = ? "
                             "AND source_district = ? AND crime_type = ?",
                             [(*value, *key) for key, value in new.items() if key in old and old[key] != value])
            rows = [row for row in rows if row[:4] not in old]
        rows.sort()
        conn.executemany("INSERT INTO _police_counts(force, month, source_district, crime_type, area_id, count) "
                         "VALUES (?, ?, ?, ?, ?, ?)", rows)

    def _audit_counts(self) -> None:
        """Count the rows of the internal tables this import changed into its audit entry, as they stood before it
        and after (the same however the writes were spread over the batches)."""
        for force_month, after in self.counts_after.items():
            before = self.counts_before[force_month]
            self._audited("_police_counts", "insert", sum(key not in before for key in after))
            self._audited("_police_counts", "delete", sum(key not in after for key in before))
            self._audited("_police_counts", "update", sum(key in before and before[key] != value
                                                          for key, value in after.items()))

    def _areas_gone(self, force_month: tuple[str, str]) -> list[tuple[str, int, tuple[str, ...]]]:
        """The areas this force-month had rows in before the import and has none in now, with their rows before,
        most first, and the other forces whose counts there that month are still held (known where the writer keeps
        the counts before, as an import's does; load_counts' does not)."""
        before: dict[str, int] = {}
        for area_id, n in self.counts_before.get(force_month, {}).values():
            before[area_id] = before.get(area_id, 0) + n
        after = {area_id for area_id, _ in self.counts_after.get(force_month, {}).values()}
        gone = {area_id: n for area_id, n in before.items() if area_id not in after and n}
        if not gone:
            return []
        names = dict(self.store.rows(f"SELECT id, name FROM indicator_areas WHERE id IN "
                                     f"({','.join('?' * len(gone))})", sorted(gone)))
        others: dict[str, list[str]] = {}
        for area_id, force in self.store.rows(
                f"SELECT DISTINCT area_id, force FROM _police_counts WHERE month = ? AND force <> ? AND area_id IN "
                f"({','.join('?' * len(gone))}) ORDER BY force", (force_month[1], force_month[0], *sorted(gone))):
            others.setdefault(area_id, []).append(force)
        return sorted(((names.get(area_id, area_id), n, tuple(others.get(area_id, ()))) for area_id, n in gone.items()),
                      key=lambda g: (-g[1], g[0]))

    def _counts_changed(self, force_month: tuple[str, str]) -> tuple[list[tuple[str, str, int, int]], list[str]]:
        """This force-month's All crime and anti-social behaviour counts per area that the import changed (before,
        now; the biggest change first), and the crime types whose counts changed anywhere."""
        totals: dict[tuple[str, str], list[int]] = {}  # (All crime or ASB, area id) -> [before, now]
        by_type: dict[str, list[dict[str, int]]] = {}  # crime type -> [area -> count] before, now
        for i, counts in enumerate((self.counts_before.get(force_month, {}), self.counts_after.get(force_month, {}))):
            for (_, _, _, crime_type), (area_id, n) in counts.items():
                what = police_uk.ANTI_SOCIAL if is_anti_social(crime_type) else ALL_CRIME
                totals.setdefault((what, area_id), [0, 0])[i] += n
                if what == ALL_CRIME:  # anti-social behaviour is said as its own figure
                    named = by_type.setdefault(crime_type_named(crime_type), [{}, {}])[i]
                    named[area_id] = named.get(area_id, 0) + n
        moved = {key: pair for key, pair in totals.items() if pair[0] != pair[1]}
        area_ids = sorted({area_id for _, area_id in moved})
        marks = ",".join("?" * len(area_ids))
        names = dict(self.store.rows(f"SELECT id, name FROM indicator_areas WHERE id IN ({marks})", area_ids))
        figures = sorted(((what, names.get(area_id, area_id), before, now) for (what, area_id), (before, now)
                          in moved.items()), key=lambda f: (-abs(f[3] - f[2]), f[1]))
        types = sorted(t for t, (before, now) in by_type.items()
                       if {a: n for a, n in before.items() if n} != {a: n for a, n in now.items() if n})
        return figures, types

    def _areas_absent(self, written: list[Vintage]) -> None:
        """The areas of a force's own (holding at least 1 in county_merge.OWN_AREA_SHARE of the rows of its files held,
        as _own_small_areas reads it) that a force-month written has no row in: a month's file is the whole
        force's month, so a district missing from it is a file filtered or cut short, not a month without crime."""
        from safer_desk.exchange.county_merge import OWN_AREA_SHARE

        forces = sorted({v.force for v in written})
        if not forces:
            return
        by_month: dict[tuple[str, str], dict[str, int]] = {}
        rows_of: dict[tuple[str, str], list[int]] = {}  # (force, area) -> [its rows in the force's files, months]
        totals: dict[str, int] = {}
        for force, month, area_id, n in self.store.rows(
                f"SELECT force, month, area_id, sum(count) FROM _police_counts WHERE force IN "
                f"({','.join('?' * len(forces))}) AND area_id <> ? GROUP BY force, month, area_id",
                (*forces, svc.UNKNOWN_AREA_ID)):  # crimes without a location: no district (a month may have none)
            by_month.setdefault((force, month), {})[area_id] = n
            held = rows_of.setdefault((force, area_id), [0, 0])
            held[0], held[1] = held[0] + n, held[1] + 1
            totals[force] = totals.get(force, 0) + n
        own = {key: held for key, held in rows_of.items() if held[0] * OWN_AREA_SHARE >= totals[key[0]]}
        names: dict[str, str] = {}
        for v in written:
            here = by_month.get((v.force, v.month), {})
            said = {area for area, _, _ in self.result.gone.get((v.force, v.month), [])}
            absent = []
            for (force, area_id), (rows, months) in sorted(own.items()):
                if force != v.force or area_id in here:
                    continue
                if not names:
                    names = dict(self.store.rows("SELECT id, name FROM indicator_areas"))
                if (name := names.get(area_id, area_id)) not in said:
                    absent.append((name, rows, months))
            if absent:
                self.result.absent[(v.force, v.month)] = sorted(absent, key=lambda a: (-a[1], a[0]))

    def _audited(self, table: str, action: str, n: int) -> None:
        if self.batch is not None and n:
            self.batch.add_rows(table, n, action)

    def finish(self) -> None:
        """Write the counts read, the vintages and the figures of every month of the forces imported, zeros
        included."""
        conn = self.store.conn
        self._newest_download_counted()
        self.write_counts(self.pending)
        self.pending = {}
        self._audit_counts()
        vintages = [replace(v, download_newest_month=self.newest.get(v.download_newest_month,
                                                                     v.download_newest_month))
                    for v in self.vintages.values()]
        for v in vintages:
            if (v.force, v.month) in self.before:
                same = self.before[(v.force, v.month)] == v.file_sha256
                (self.result.unchanged if same else self.result.replaced).append((v.force, v.month))
                before_file, before_rows = self.before_rows[(v.force, v.month)]
                gone = [] if same else self._areas_gone((v.force, v.month))
                if not same and self.batch is not None:  # the counts before are kept by an import's writer
                    self.result.changed[(v.force, v.month)] = self._counts_changed((v.force, v.month))
                if gone:
                    self.result.gone[(v.force, v.month)] = gone
                # A tenth fewer rows is more than police.uk revises a month; an area gone is a file cut or filtered.
                if not same and (v.rows * 10 < before_rows * 9 or gone):
                    self.result.shrunk.append((v.force, v.month, before_file, before_rows, v.rows))
        if self.files:
            self._areas_absent([v for v in vintages if self.before.get((v.force, v.month)) != v.file_sha256])
        # The same file again keeps its vintage (and when it was first imported); it may only learn that
        # a newer download still had it unchanged.
        written = conn.executemany(
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
             for v in vintages]).rowcount
        added = sum((v.force, v.month) not in self.before for v in vintages)
        self._audited("_police_vintages", "insert", added)
        self._audited("_police_vintages", "update", written - added)
        forces = sorted({v.force for v in vintages})
        if forces:
            scope = [r[0] for r in self.store.rows(
                f"SELECT DISTINCT month FROM _police_vintages WHERE force IN ({','.join('?' * len(forces))})", forces)]
            self.result.typed = _recompute_values(self.store, scope, self.replace_typed)
        self.result.vintages = vintages
        self.result.months = sorted({v.month for v in vintages})
        self.result.forces = forces
        self.result.areas = sorted(set(self.current_names.values()))
        for counts in self.counts_after.values() if self.unmapped else ():  # as this import leaves them (replaced)
            for (_, _, district, _), (_, n) in counts.items():
                if district in self.unmapped and n:
                    self.result.unmapped[district] = self.result.unmapped.get(district, 0) + n
        if len(forces) > 1:  # one force's gaps are months_missing's
            self.result.force_gaps = self.result.force_months_missing(
                {(force, month) for force, month in self.store.rows(
                    f"SELECT force, month FROM _police_vintages WHERE force IN ({','.join('?' * len(forces))})",
                    forces)})


# The figures of the months in scope, from the stored counts of every force, in SQL (temporary tables of
# this connection): what _police_counts gives per indicator, area and month, plus the zeros (see _figures).
_TEMP_TABLES = {
    "police_scope": "month TEXT PRIMARY KEY",
    "police_scope_areas": "area_id TEXT PRIMARY KEY",  # filled only for a refresh scoped to some areas
    "police_types": "crime_type TEXT PRIMARY KEY, indicator_id TEXT NOT NULL, counted INTEGER NOT NULL",
    "police_file_areas": "force TEXT, area_id TEXT, month TEXT, PRIMARY KEY (force, area_id, month)",
    "police_file_types": "force TEXT, month TEXT, crime_type TEXT, PRIMARY KEY (force, month, crime_type)",
    "police_series": "force TEXT, area_id TEXT, crime_type TEXT, PRIMARY KEY (force, area_id, crime_type)",
    "police_named": "force TEXT, area_id TEXT, PRIMARY KEY (force, area_id)",  # the force's own by name
    "police_wanted": "indicator_id TEXT NOT NULL, area_id TEXT NOT NULL, period TEXT NOT NULL, value REAL NOT NULL, "
                     "counted INTEGER NOT NULL, PRIMARY KEY (indicator_id, area_id, period)",
    "police_held": "indicator_id TEXT NOT NULL, area_id TEXT NOT NULL, period TEXT NOT NULL, held_rowid INTEGER "
                   "NOT NULL, value REAL, numerator REAL, source TEXT NOT NULL, "
                   "PRIMARY KEY (indicator_id, area_id, period)",
}
_SAME_KEY = "{a}.indicator_id = {b}.indicator_id AND {a}.area_id = {b}.area_id AND {a}.period = {b}.period"
# "{areas}" is where a refresh scoped to some areas (``_recompute_values(areas=...)``) leaves the others out; a
# full refresh (the import's) puts nothing there.
_IN_AREAS = " AND {col} IN temp.police_scope_areas"
_FIGURES_SQL = [
    # Each crime type's count summed over forces (and over spellings of one indicator), added up in the
    # table's own key rather than sorted for a GROUP BY first.
    "INSERT INTO temp.police_wanted(indicator_id, area_id, period, value, counted) "
    "SELECT t.indicator_id, c.area_id, c.month, c.count, t.counted FROM _police_counts c "
    "JOIN temp.police_types t ON t.crime_type = c.crime_type WHERE c.month IN temp.police_scope{areas:c.area_id} "
    "AND true ON CONFLICT DO UPDATE SET value = value + excluded.value, counted = max(counted, excluded.counted)",
    # 0 where a force's file of the month has the area and the crime type, and the area has that crime type
    # in some month of the force's files. (Which crime types a month's file has is read from the whole file,
    # whatever the areas in scope; only the files of forces with an area in scope are read for it.)
    "INSERT OR IGNORE INTO temp.police_file_areas SELECT force, area_id, month FROM _police_counts "
    "WHERE month IN temp.police_scope{areas:area_id}",
    # A force's file of a month is the whole force's month: a small area of its own that no row names (Devon &
    # Cornwall Police's Isles of Scilly, _own_small_areas) had no crime that month, a 0 as for an area it names.
    "INSERT OR IGNORE INTO temp.police_file_areas SELECT n.force, n.area_id, v.month FROM temp.police_named n "
    "JOIN _police_vintages v ON v.force = n.force WHERE v.month IN temp.police_scope{areas:n.area_id}",
    "INSERT OR IGNORE INTO temp.police_file_types SELECT force, month, crime_type FROM _police_counts "
    "WHERE force IN (SELECT DISTINCT force FROM temp.police_file_areas) AND month IN temp.police_scope",
    "INSERT OR IGNORE INTO temp.police_series SELECT force, area_id, crime_type FROM _police_counts "
    "WHERE force IN (SELECT DISTINCT force FROM temp.police_file_areas){areas:area_id}",
    # A small area of the force's own has every crime type of the force's files (the islands' burglary is 0).
    "INSERT OR IGNORE INTO temp.police_series SELECT n.force, n.area_id, f.crime_type FROM temp.police_named n "
    "JOIN (SELECT DISTINCT force, crime_type FROM temp.police_file_types) f ON f.force = n.force "
    "WHERE true{areas:n.area_id}",
    "INSERT OR IGNORE INTO temp.police_wanted(indicator_id, area_id, period, value, counted) "
    "SELECT t.indicator_id, a.area_id, a.month, 0, t.counted FROM temp.police_file_areas a "
    "JOIN temp.police_series s ON s.force = a.force AND s.area_id = a.area_id "
    "JOIN temp.police_file_types f ON f.force = a.force AND f.month = a.month AND f.crime_type = s.crime_type "
    "JOIN temp.police_types t ON t.crime_type = s.crime_type",
    # All crime: every crime type but anti-social behaviour, where one is (a zero too).
    "INSERT OR REPLACE INTO temp.police_wanted(indicator_id, area_id, period, value, counted) "
    "SELECT ?, area_id, period, sum(value), 0 FROM temp.police_wanted WHERE counted GROUP BY area_id, period",
    # What the file holds for these months now.
    "INSERT INTO temp.police_held SELECT indicator_id, area_id, period, rowid, value, numerator, source "
    "FROM indicator_values WHERE period IN temp.police_scope{areas:area_id}",
]


def _own_small_areas(store: Store) -> set[tuple[str, str]]:
    """(force, area) for an area of the force's own by name (the force is named for it or its county:
    indicators.forces_named_for_areas) holding fewer than 1 in county_merge.OWN_AREA_SHARE of the force's crimes
    held: the Isles of Scilly in Devon & Cornwall Police's files, which no row of a month names when the islands had
    no crime. The force's file of a month is the whole force's, so such an area's month with no row is 0. A larger
    district with no row (West Suffolk in a Suffolk file cut short or filtered) is a file that is not whole, said
    by the import, and left without figures rather than given zeros."""
    from safer_desk.exchange.county_merge import OWN_AREA_SHARE

    named = {(force, area) for area, force in svc.forces_named_for_areas(store)}
    if not named:
        return set()
    totals = dict(store.rows("SELECT force, sum(count) FROM _police_counts GROUP BY force"))
    return {(force, area) for force, area, n in store.rows(
        "SELECT force, area_id, sum(count) FROM _police_counts GROUP BY force, area_id")
        if (force, area) in named and n * OWN_AREA_SHARE < (totals.get(force) or 0)}


def _figures_sql(sql: str, scoped: bool) -> str:
    """One statement of _FIGURES_SQL, for every area or only those in temp.police_scope_areas."""
    for col in ("c.area_id", "n.area_id", "area_id"):
        sql = sql.replace("{areas:" + col + "}", _IN_AREAS.format(col=col) if scoped else "")
    return sql


def _emptied(conn, *names: str) -> None:
    """The import's temporary tables emptied after use. A write that failed (a full disk) has had SQLite roll back
    and drop them: emptying them then fails on "no such table", which must not stand in place of the disk's error
    that caused it (the person was told "no such table: temp.police_scope")."""
    for name in names:
        with contextlib.suppress(sqlite3.OperationalError):
            conn.execute(f"DELETE FROM temp.{name}")


def _temp_tables(conn) -> None:
    for name, columns in _TEMP_TABLES.items():
        conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} ({columns}) WITHOUT ROWID")
        conn.execute(f"DELETE FROM temp.{name}")


def _recompute_values(store: Store, months: list[str], replace_typed: bool | Collection[FigureKey],
                      areas: Collection[str] | None = None, *, groups: bool = True) -> list[TypedFigure]:
    """Indicator figures of these months from the stored counts of every force; returns the typed
    figures that differ from them (replaced or kept as replace_typed says). areas: only the figures of these
    areas in these months (worked out whole from every force's counts all the same); None: every area.
    groups: partnerships' and counties' own figures their districts' sum differs from too (``_groups_typed_over``:
    an import's and its question's; not the county merge's refresh, which raises conflicts over district figures).

    Worked out and compared in SQL, so Python never holds a row per figure: police figures the counts no
    longer give go, changed ones are updated, new ones inserted in key order (their ids are derived, so
    two offices agree on them); a typed figure (or one imported from a sheet, or merged) is kept unless
    replace_typed says, and one that differs is returned."""
    conn = store.conn
    _temp_tables(conn)
    try:
        conn.executemany("INSERT INTO temp.police_scope VALUES (?)", [(m,) for m in months])
        scoped = areas is not None
        if scoped:
            conn.executemany("INSERT INTO temp.police_scope_areas VALUES (?)", [(a,) for a in sorted(set(areas))])
        types = [r[0] for r in conn.execute(
            "SELECT DISTINCT crime_type FROM _police_counts WHERE month IN temp.police_scope")]
        conn.executemany("INSERT INTO temp.police_types VALUES (?, ?, ?)",
                         [(t, crime_indicator_id(t), int(not is_anti_social(t))) for t in types])
        conn.executemany("INSERT INTO temp.police_named VALUES (?, ?)", sorted(_own_small_areas(store)))
        for sql in _FIGURES_SQL:
            conn.execute(_figures_sql(sql, scoped), (crime_indicator_id(ALL_CRIME),) if "?" in sql else ())
        typed = _typed_differing(conn, replace_typed)
        # Police figures of these months that the counts no longer give (a district no longer in a file) go.
        conn.execute("DELETE FROM indicator_values WHERE rowid IN (SELECT h.held_rowid FROM temp.police_held h "
                     f"WHERE h.source = ? AND NOT EXISTS (SELECT 1 FROM temp.police_wanted w WHERE "
                     f"{_SAME_KEY.format(a='w', b='h')}))", (SOURCE,))
        # This import's figures (or a comment alone) that changed, then the typed ones to replace.
        updates = conn.execute(
            f"SELECT w.value, h.held_rowid FROM temp.police_wanted w JOIN temp.police_held h ON "
            f"{_SAME_KEY.format(a='h', b='w')} WHERE (h.source = ? OR (h.value IS NULL AND h.numerator IS NULL)) "
            "AND (h.value IS NOT w.value OR h.source <> ?) ORDER BY h.held_rowid", (SOURCE, SOURCE)).fetchall()
        updates += [(t.imported_value, rowid) for t, rowid in typed if t.replaced]
        conn.executemany("UPDATE indicator_values SET value = ?, source = 'police.uk', numerator = NULL, "
                         "denominator = NULL WHERE rowid = ?", updates)
        store.execute_counted(  # counted once in a batch (the import's), not row by row by the trigger
            "indicator_values", "insert",
            "INSERT INTO indicator_values(id, indicator_id, area_id, period, value, source) "
            "SELECT 'pv:' || w.indicator_id || ':' || w.area_id || ':' || w.period, w.indicator_id, w.area_id, "
            "w.period, w.value, ? FROM temp.police_wanted w WHERE NOT EXISTS (SELECT 1 FROM temp.police_held h "
            f"WHERE {_SAME_KEY.format(a='h', b='w')}) ORDER BY w.indicator_id, w.area_id, w.period", (SOURCE,))
        over = _groups_typed_over(store, replace_typed) if groups else []
    finally:
        _emptied(conn, *_TEMP_TABLES)
    return [t for t, _ in typed] + over


def _groups_typed_over(store: Store, replace_typed: bool | Collection[FigureKey]) -> list[TypedFigure]:
    """Partnerships' and counties' own figures (typed or imported from a sheet before their districts had figures)
    for months and indicators of this import where their districts' figures now add up to another: the area's own
    stood in place of its districts' sum without a word (the report's row said "(derived)"). Listed as typed district
    figures are; one replace_typed names goes (its comment stays), and the districts' sum is its figure again."""
    conn = store.conn
    held = conn.execute(
        "SELECT v.rowid, v.indicator_id, v.area_id, v.period, v.value, v.source, v.comment, i.name, a.name, "
        "i.sort_order FROM indicator_values v JOIN indicator_areas a ON a.id = v.area_id "
        "JOIN indicators i ON i.id = v.indicator_id WHERE a.kind IN ('partnership', 'county') "
        "AND v.period IN temp.police_scope AND v.indicator_id IN (SELECT DISTINCT indicator_id FROM "
        "temp.police_wanted) AND (v.value IS NOT NULL OR v.numerator IS NOT NULL)").fetchall()
    if not held:
        return []
    chosen = set() if replace_typed is False else None if replace_typed is True else set(replace_typed)
    by_series: dict[tuple[str, str], list[tuple]] = {}
    for row in held:
        by_series.setdefault((row[1], row[2]), []).append(row)
    found: list[tuple[tuple, TypedFigure, int, str]] = []
    for (indicator_id, area_id), rows in by_series.items():
        derived = svc.derive_figures(store, indicator_id, area_id, [r[3] for r in rows])
        for rowid, ind, area, period, value, source, comment, name, area_name, order in rows:
            d = derived.get(period)
            now = None if d is None or d.figure is None else d.figure.value
            if now is None or value is not None and float(value) == float(now):
                continue
            figure = TypedFigure(ind, name, area, area_name, period, value, source, now,
                                 replaced=chosen is None or (ind, area, period) in chosen, derived=True)
            found.append(((order, name, area_name, period), figure, rowid, comment))
    found.sort(key=lambda f: f[0])
    for _, figure, rowid, comment in found:
        if not figure.replaced:
            continue
        if (comment or "").strip():  # the area's comment beside its derived figure stays (a red period needs one)
            conn.execute("UPDATE indicator_values SET value = NULL, numerator = NULL, denominator = NULL "
                         "WHERE rowid = ?", (rowid,))
        else:
            conn.execute("DELETE FROM indicator_values WHERE rowid = ?", (rowid,))
    return [figure for _, figure, _, _ in found]


def _typed_differing(conn, replace_typed: bool | Collection[FigureKey]) -> list[tuple[TypedFigure, int]]:
    """The typed figures (anything not this import's, other than a comment alone) that the counts give
    another value, in the indicators' order; with the rowid of each."""
    differing = conn.execute(
        "SELECT w.indicator_id, w.area_id, w.period, h.value, h.source, w.value, h.held_rowid, i.name, a.name, "
        "i.sort_order FROM temp.police_wanted w "
        f"JOIN temp.police_held h ON {_SAME_KEY.format(a='h', b='w')} "
        "JOIN indicators i ON i.id = w.indicator_id JOIN indicator_areas a ON a.id = w.area_id "
        "WHERE h.source <> ? AND NOT (h.value IS NULL AND h.numerator IS NULL) AND h.value IS NOT w.value",
        (SOURCE,)).fetchall()
    differing.sort(key=lambda d: (d[9], d[7], d[8], d[2]))
    chosen = set() if replace_typed is False else None if replace_typed is True else set(replace_typed)
    return [(TypedFigure(ind, name, area, area_name, period, value, source, imported,
                         replaced=chosen is None or (ind, area, period) in chosen), rowid)
            for ind, area, period, value, source, imported, rowid, name, area_name, _ in differing]


def refresh_police_figures(store: Store, forces: Iterable[str] | None = None, *,
                           replace_typed: bool | Collection[FigureKey] = False,
                           changed: "CountsChange | None" = None) -> list[TypedFigure]:
    """Work the police.uk figures out again from the stored counts, for every month of these forces (all
    forces when None), in one transaction; returns the typed figures that differ. For whoever changes
    _police_counts other than by an import (the county merge taking another office's vintage).

    changed (``counts_change``, taken before the counts were replaced): only the figures those force-months
    can have changed are worked out again, with the same result as the whole refresh: the areas their counts
    had or have, in the months changed, and in every month of the force the areas whose zeros may have
    changed (an area gaining or losing a crime type in the force's files)."""
    wanted = None if forces is None else sorted(set(forces))
    if changed is not None:
        wanted = sorted(set(changed.forces) if wanted is None else set(wanted) & set(changed.forces))
    sql = "SELECT DISTINCT month FROM _police_vintages"
    if wanted is not None:
        if not wanted:
            return []
        sql += f" WHERE force IN ({','.join('?' * len(wanted))})"
    with store.transaction():
        months = [r[0] for r in store.rows(sql, wanted or ())]
        if not months:
            return []
        if changed is None:
            return _recompute_values(store, months, replace_typed, groups=False)
        return _refresh_changed(store, months, replace_typed, changed.after(store))


@dataclass(frozen=True)
class CountsChange:
    """What some force-months' counts held before they were replaced (``counts_change``): enough to scope the
    refresh that follows (``refresh_police_figures(changed=...)``)."""

    force_months: frozenset[tuple[str, str]]
    areas: frozenset[str]  # areas with counts in those force-months
    series: frozenset[tuple[str, str, str]]  # (force, area_id, crime_type) there

    @property
    def forces(self) -> set[str]:
        return {force for force, _ in self.force_months}

    def after(self, store: Store) -> "_ScopedRefresh":
        now = counts_change(store, self.force_months)
        other = _series_elsewhere(store, self.force_months)
        # A series (an area's crime type in a force's files) that appears or goes changes that area's zeros in
        # every month of the force; otherwise only the months changed change.
        moved = {area for force, area, crime in (self.series ^ now.series) if (force, area, crime) not in other}
        # A small area of the force's own gets its 0 in a month no row names it (_own_small_areas): in every month
        # of the force, as the months its rows are in may have changed.
        moved |= {area for force, area in _own_small_areas(store) if force in self.forces}
        return _ScopedRefresh(sorted({month for _, month in self.force_months}), self.areas | now.areas,
                              frozenset(moved))


@dataclass(frozen=True)
class _ScopedRefresh:
    months: list[str]
    areas: frozenset[str]
    series_areas: frozenset[str]


def _force_months_sql(store: Store, force_months: Collection[tuple[str, str]]) -> None:
    conn = store.conn
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS police_changed (force TEXT NOT NULL, month TEXT NOT NULL, "
                 "PRIMARY KEY (force, month)) WITHOUT ROWID")
    conn.execute("DELETE FROM temp.police_changed")
    conn.executemany("INSERT OR IGNORE INTO temp.police_changed VALUES (?, ?)", sorted(force_months))


def counts_change(store: Store, force_months: Collection[tuple[str, str]]) -> CountsChange:
    """The areas and series (force, area, crime type) the counts of these force-months hold now: call it
    before replacing them, and pass it to ``refresh_police_figures(changed=...)`` afterwards."""
    _force_months_sql(store, force_months)
    try:
        # Each force-month's counts looked up by their key, not the whole table read for them.
        rows = store.conn.execute(
            "SELECT DISTINCT c.force, c.area_id, c.crime_type FROM temp.police_changed t CROSS JOIN _police_counts c "
            "ON c.force = t.force AND c.month = t.month").fetchall()
    finally:
        _emptied(store.conn, "police_changed")
    series = frozenset((r[0], r[1], r[2]) for r in rows)
    return CountsChange(frozenset(force_months), frozenset(a for _, a, _ in series), series)


def _series_elsewhere(store: Store, force_months: Collection[tuple[str, str]]) -> set[tuple[str, str, str]]:
    """(force, area, crime type) held by those forces' other months."""
    _force_months_sql(store, force_months)
    forces = sorted({force for force, _ in force_months})
    try:
        return {(r[0], r[1], r[2]) for r in store.conn.execute(
            f"SELECT DISTINCT c.force, c.area_id, c.crime_type FROM _police_counts c WHERE c.force IN "
            f"({','.join('?' * len(forces))}) AND NOT EXISTS (SELECT 1 FROM temp.police_changed t "
            "WHERE t.force = c.force AND t.month = c.month)", forces)}
    finally:
        _emptied(store.conn, "police_changed")


def _refresh_changed(store: Store, forces_months: list[str], replace_typed: bool | Collection[FigureKey],
                     scope: _ScopedRefresh) -> list[TypedFigure]:
    """The scoped refresh: the areas the changed counts touched, in the months changed; in every month of the
    forces when an area's zeros may have moved there too (worked out in one pass, whole for each area and
    month in scope)."""
    months = forces_months if scope.series_areas else scope.months
    if not months or not scope.areas:
        return []
    return _recompute_values(store, months, replace_typed, scope.areas | scope.series_areas, groups=False)


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


@dataclass(frozen=True)
class FiguresForReading:
    """What ``figures_for_reading`` did: why it could not work the figures out, if it could not."""

    problem: str = ""  # in words, naming the months the counts cover; "" when the figures were worked out
    first_month: str = ""  # the months of the counts ("2025-01" to "2025-12"), when figures were wanted
    last_month: str = ""


def figures_for_reading(store: Store) -> FiguresForReading:
    """Give a read-only export for the county the police.uk figures its counts make, without writing to it.

    An export carries the counts but not the figures made from them (the county works them out again when it
    merges; the file is signed and stays byte for byte as sent). Here they are worked out by the import's own
    SQL (``_recompute_values``) into a temporary table of this connection named ``indicator_values``: a copy of
    the export's own figures (typed, from sheets) that SQLite reads, for an unqualified name, in place of the
    file's table. It goes with the connection. Once per connection; any other file (which holds its figures),
    or a store open for writing, is left alone."""
    from safer_desk.storage.schema.exchange import MANIFEST_TABLE

    conn = store.conn
    if not store.read_only or store.scalar(
            "SELECT count(*) FROM main.sqlite_master WHERE type = 'table' AND name IN (?, '_police_counts', "
            "'_police_vintages', 'indicator_values')", (MANIFEST_TABLE,)) != 4:
        return FiguresForReading()
    first, last = store.one("SELECT min(month), max(month) FROM main._police_vintages")
    if conn.execute("SELECT 1 FROM temp.sqlite_master WHERE type = 'table' AND name = 'indicator_values'").fetchone():
        return FiguresForReading(first_month=first, last_month=last)  # worked out already, on this connection
    if first is None or store.scalar("SELECT 1 FROM main.indicator_values WHERE source = ? LIMIT 1", (SOURCE,)):
        return FiguresForReading()
    columns = conn.execute("PRAGMA main.table_info(indicator_values)").fetchall()
    indexes = [r[0] for r in conn.execute("SELECT sql FROM main.sqlite_master WHERE type = 'index' AND "
                                          "tbl_name = 'indicator_values' AND sql IS NOT NULL")]
    months = [r[0] for r in store.rows("SELECT DISTINCT month FROM main._police_vintages")]
    try:
        # The file's columns (no foreign keys: those cannot reach from temp into main) and the figure's key.
        conn.execute("CREATE TEMP TABLE indicator_values (" + ", ".join(
            f'"{c["name"]}" {c["type"]}' + (" PRIMARY KEY" if c["pk"] else "") + (" NOT NULL" if c["notnull"] else "")
            + (f' DEFAULT {c["dflt_value"]}' if c["dflt_value"] is not None else "") for c in columns)
            + ", UNIQUE (indicator_id, area_id, period))")
        for sql in indexes:  # the file's indexes, on the copy
            conn.execute(re.sub(r"^(CREATE (?:UNIQUE )?INDEX (?:IF NOT EXISTS )?)", r"\1temp.", sql.strip(), count=1))
        conn.execute("INSERT INTO temp.indicator_values SELECT * FROM main.indicator_values ORDER BY rowid")
        _recompute_values(store, months, False)
    except sqlite3.Error as exc:
        for name in ("indicator_values", *_TEMP_TABLES):
            conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
        span = f"{svc.period_label(first)} to {svc.period_label(last)}"
        return FiguresForReading(problem=(
            f"This export carries police.uk counts for {span}, not the figures made from them (the county works "
            f"them out again when it merges), and they could not be worked out here ({exc}), so no police.uk "
            "figure is shown. The export itself is as it was sent."), first_month=first, last_month=last)
    return FiguresForReading(first_month=first, last_month=last)


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
        writer = _Writer(store, result, imported_at=imported_at, files=False)
        writer.write_counts(counts)
        writer.newest[file_name] = max((month for _, month in counts), default="")
        writer.vintages = {(force, month): Vintage(force, month, file_name, file_sha256, file_name, sum(c.values()),
                                                   writer.imported_at) for (force, month), c in counts.items()}
        writer.finish()
    return result
