"""data.police.uk street-level crime files: recognise, parse with pyarrow, count per month, district and type.

Only the aggregated counts leave this module (a few thousand rows for a county's
decade), so a million-row import never builds Python objects per crime.

- The district is the LSOA name without its code ("Babergh 001A" -> "Babergh"); the
  shipped lookup (resources/lookups/lsoa_district_current.csv, built from the ONS
  LSOA -> local authority lookups) maps 2011 and 2021 names to the current district
  (Waveney -> East Suffolk), and the name as the file had it is kept beside it.
- Rows with no LSOA are counted under "Unknown area" so totals reconcile.
- Anti-social behaviour rows have no Crime ID and are often exact duplicates: each counts.
- Outcomes and stop-and-search files are recognised by their header and refused.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

STREET_HEADER = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
                 "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"]
NEEDED = ["Month", "Reported by", "LSOA name", "Crime type"]
UNKNOWN_AREA = "Unknown area"
ANTI_SOCIAL = "Anti-social behaviour"
ALL_CRIME = "All crime"
LSOA_CODE_SUFFIX = re.compile(r"\s+\d{3}[A-Z]$")
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class PoliceFileError(ValueError):
    """A file that cannot be imported; the message names the file (and line)."""


@dataclass(frozen=True)
class DistrictMapping:
    """Where an LSOA-name district goes today."""

    source_name: str  # as the file had it ("Waveney")
    current_name: str  # "East Suffolk" (or UNKNOWN_AREA)
    ons_code: str | None


@dataclass
class FileCounts:
    """The counts of one street file: (force, month, source district, crime type) -> count."""

    path: Path
    rows: int
    counts: dict[tuple[str, str, str, str], int] = field(default_factory=dict)

    @property
    def forces_months(self) -> set[tuple[str, str]]:
        return {(force, month) for force, month, _, _ in self.counts}


@lru_cache(maxsize=1)
def district_lookup() -> dict[str, tuple[str, str]]:
    """LSOA-name district -> (current district name, ONS code), from the shipped lookup."""
    from safer_desk.paths import resource

    path = resource("lookups", "lsoa_district_current.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["lsoa_district"]: (r["current_name"], r["current_code"]) for r in csv.DictReader(fh)}


def map_district(source_name: str) -> DistrictMapping:
    """The current district of a district name taken from an LSOA name (unknown names stay as they are)."""
    if not source_name:
        return DistrictMapping("", UNKNOWN_AREA, None)
    current = district_lookup().get(source_name)
    if current is None:
        return DistrictMapping(source_name, source_name, None)
    return DistrictMapping(source_name, current[0], current[1])


def district_of_lsoa_name(lsoa_name: str) -> str:
    """"Babergh 001A" -> "Babergh" (blank stays blank)."""
    return LSOA_CODE_SUFFIX.sub("", (lsoa_name or "").strip())


def read_header(path: Path) -> list[str]:
    with path.open("r", encoding="utf-8-sig", newline="") as fh:
        first = fh.readline()
    if not first.strip():
        raise PoliceFileError(f"{path.name} is empty.")
    return next(csv.reader(io.StringIO(first)))


def file_kind(header: list[str]) -> str:
    """street, outcomes, stop-and-search or unknown, by the header police.uk writes."""
    cols = [c.strip() for c in header]
    if "Outcome type" in cols and "Crime ID" in cols:
        return "outcomes"
    if "Object of search" in cols or ("Type" in cols and "Date" in cols and "Legislation" in cols):
        return "stop-and-search"
    if all(c in cols for c in NEEDED) and "Crime ID" in cols:
        return "street"
    return "unknown"


def refusal_for(path: Path, kind: str) -> str:
    if kind == "outcomes":
        return (f"{path.name} is a police.uk outcomes file (what later happened to crimes), not street-level "
                "crime: only the *-street.csv files are counted.")
    if kind == "stop-and-search":
        return f"{path.name} is a police.uk stop-and-search file, not street-level crime: it is not counted."
    return (f"{path.name} is not a police.uk street-level crime file (its first line should start "
            "“Crime ID,Month,Reported by,Falls within”).")


def find_csv_files(paths: Iterable[Path | str]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Street files to import, and other files found in folders with the reason they are left out.

    A file named on its own must be a street file (anything else raises PoliceFileError);
    in a folder, outcomes and stop-and-search files are listed as skipped.
    """
    street: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() == ".csv":
                    kind = file_kind(read_header(f))
                    if kind == "street":
                        street.append(f)
                    else:
                        skipped.append((f, refusal_for(f, kind)))
        elif p.is_file():
            kind = file_kind(read_header(p))
            if kind != "street":
                raise PoliceFileError(refusal_for(p, kind))
            street.append(p)
        else:
            raise PoliceFileError(f"There is no file or folder at {p}.")
    return street, skipped


def _line_of(path: Path, text: str) -> int | None:
    """The line number of a row's text (pyarrow's threaded reader does not count lines)."""
    with path.open("r", encoding="utf-8", errors="replace", newline="") as fh:
        for number, line in enumerate(fh, start=1):
            if line.rstrip("\r\n") == text.rstrip("\r\n"):
                return number
    return None


def count_street_file(path: Path) -> FileCounts:
    """Count one street file: rows per (force, month, LSOA district, crime type); refuse ragged files."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    path = Path(path)
    header = read_header(path)
    if file_kind(header) != "street":
        raise PoliceFileError(refusal_for(path, file_kind(header)))
    invalid: list = []

    def on_invalid(row) -> str:
        invalid.append(row)
        return "skip"

    try:
        table = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(use_threads=True, block_size=1 << 22),
            parse_options=pacsv.ParseOptions(invalid_row_handler=on_invalid, newlines_in_values=False),
            convert_options=pacsv.ConvertOptions(include_columns=NEEDED,
                                                 column_types={c: pa.string() for c in NEEDED},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except (pa.ArrowInvalid, OSError) as exc:
        raise PoliceFileError(f"{path.name} cannot be read as a CSV file: {exc}") from exc
    if invalid:
        row = invalid[0]
        line = row.number or _line_of(path, row.text)
        where = f"line {line}" if line else "a row"
        raise PoliceFileError(
            f"{path.name} is damaged or cut short at {where}: it has {row.actual_columns} columns where "
            f"{row.expected_columns} were expected. Download the file again; nothing was imported.")
    months = pc.unique(table["Month"]).to_pylist()
    bad = [m for m in months if not MONTH_RE.match(m or "")]
    if bad:
        raise PoliceFileError(f"{path.name} has a Month that is not YYYY-MM (“{bad[0]}”); nothing was imported.")
    district = pc.replace_substring_regex(pc.utf8_trim_whitespace(table["LSOA name"]), r"\s+\d{3}[A-Z]$", "")
    small = pa.table({"force": table["Reported by"], "month": table["Month"], "district": district,
                      "crime_type": table["Crime type"]})
    grouped = small.group_by(["force", "month", "district", "crime_type"]).aggregate([([], "count_all")])
    counts = {}
    for force, month, dist, crime, n in zip(*(grouped[c].to_pylist() for c in
                                                ("force", "month", "district", "crime_type", "count_all"))):
        counts[(force.strip(), month, dist, crime.strip())] = int(n)
    return FileCounts(path, table.num_rows, counts)
