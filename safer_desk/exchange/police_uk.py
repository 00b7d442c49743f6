"""data.police.uk street-level crime files: find them (files, folders, the download .zip), check them, and
count them per month, district and crime type.

Only the aggregated counts leave this module (a few thousand rows for a county's decade); the values
of a few MB of rows at a time are all the reader holds.

- The district is the LSOA name without its code ("Babergh 001A" -> "Babergh"); the shipped lookup
  (resources/lookups/lsoa_district_current.csv, built from the ONS LSOA -> local authority lookups)
  maps 2011 and 2021 names to the current district (Waveney -> East Suffolk), and the name as the
  file had it is kept beside it.
- Rows with no LSOA are counted under "Unknown area" so totals reconcile.
- Anti-social behaviour rows have no Crime ID and are often exact duplicates: each counts.
- Outcomes and stop-and-search files are recognised by their header: named on their own they are
  refused; in a folder or a zip they are listed as not imported.
- A data.police.uk download is a .zip of month folders; its street files are unpacked to a private
  temporary folder (removed afterwards) and counted like any other. A zip that is damaged, empty, holds
  no street file or has a path leading out of its folder is refused before anything is read. A download zip
  in a folder given, or in a zip given (compressed again to send it), is unpacked the same way, each zip on its
  own. The files a Mac adds when it copies or compresses a folder (__MACOSX/, ._*, .DS_Store) are passed over.
- Files of one name in different folders are named with their folders ("a/2025-01-suffolk-street.csv").
- Every file is hashed (SHA-256: the vintage of its counts, see services.police_import) and checked to be
  UTF-8 text; a byte that is not names the file and the line. The hashing thread reads each file once and
  hands its bytes on to the counting.
- A big import (64 MB and more, on a machine with more than one core) is counted by helper processes, one
  per core (up to four), which take files from the same list and read, hash and count them exactly as this
  process does (StreetReader): the counting is Python, which one process runs on one core at a time. They
  are plain subprocesses running police_count alone (never forked: the window's threads hold locks; the
  packaged program starts itself with police_count.HELPER_ARGUMENT), only read, and are stopped with the
  import; a helper that fails leaves its files to this process.

The engine (issue 16): the standard library, nothing else, so nothing can be loaded at run time. A file
is read whole; one with no double quote and the same number of columns on every line (every police.uk
file: its shape is checked in C first) is split at every comma at once and its month, force, district and
crime type counted with collections.Counter over slices of the split, with no Python code per row; any
other file is read record by record (quotes doubled inside quoted values, line breaks inside them, every
column text), so that it is counted, or refused with the line of its first bad record, as DuckDB's reader
(the engine before, 67 MB of the packaged folder) and pyarrow's (before that) did. Where it differs from
DuckDB, on purpose, is written down in tests/indicators/test_police_reader.py.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import errno
import hashlib
import io
import os
import re
import shutil
import sys
import threading
import zipfile
import zlib
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable, Iterator

from safer_desk.domain.text import counted as counted_words  # `counted` names files and rows counted here
from safer_desk.storage.kinds import other_kind_of_file, workbook_in_zip
from safer_desk.exchange.police_count import (  # noqa: F401 - the counting, in a module of its own for helpers
    HELPER_ARGUMENT, LSOA_CODE_SUFFIX, NEEDED, READY, WHITE_SPACE, CountKey, HelperPipe, PoliceFileError, cannot_read,
    _count_here, _Districts, _fast_count, _layout, _not_utf8, _Ragged, _read_file, _slow_count)

STREET_HEADER = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
                 "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"]
UNKNOWN_AREA = "Unknown area"
ANTI_SOCIAL = "Anti-social behaviour"
ALL_CRIME = "All crime"
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
# A Month as Excel shows a police.uk file's 2025-03, and saves it when the file is saved in Excel: Mar-25, Mar 2025,
# 01/03/2025, 03/2025, 2025-03-01 (with a time, perhaps).
EXCEL_MONTH = re.compile(r"^\s*(?:[A-Za-z]{3,9}[- ]\d{2}(?:\d{2})?|\d{1,2}/\d{1,2}/\d{2}(?:\d{2})?|\d{1,2}/\d{4}"
                         r"|\d{4}-\d{2}-\d{2}(?:[ T][\d:.]+)?|\d{4}/\d{1,2}(?:/\d{1,2})?)\s*$")
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
# A street file compressed again by someone to send it (data.police.uk gives .csv files and .zip downloads only).
COMPRESSED = ((b"\x1f\x8b", "gzip (a .gz file)"), (b"7z\xbc\xaf\x27\x1c", "7-Zip (a .7z file)"),
              (b"Rar!\x1a\x07", "RAR (a .rar file)"))
AGAIN = "Download it again from data.police.uk; nothing was imported."
# How refusal_for names a CSV of no police.uk kind ("… (its first line should start “Crime ID,…”)"), and what a
# zip of such files (a sheet of figures sent zipped) is told to do with them instead.
_OTHER_CSV = "(its first line should start"
SHEET_ZIPPED = ("Figures typed in a sheet are imported with Import Figures… (on the command line, safer-desk "
                "import-figures), taken out of the zip first; nothing was imported.")
HEADER_BYTES = 1 << 16  # a header line longer than this is not a police.uk header
# A street file larger than this is refused before it is read or unpacked: the counting reads a file whole (about
# six times its size in memory at the peak), and the largest force's month (the Met's) is about 20 MB.
MOST_STREET_BYTES = 256 << 20
CHUNK = 1 << 20
# Files per batch: the caller takes a batch's counts (and makes their areas) while the next is read; a batch
# is also the moment to report progress and notice Cancel.
BATCH_FILES = 32
BATCH_BYTES = 128 << 20
AHEAD_BYTES = 16 << 20  # bytes the hashing thread may read ahead of the counting (it reads each file once)
HELPER_BYTES = 64 << 20  # an import this big is counted by helper processes on other cores (helpers_wanted)
HELPERS = 4  # at most
HELPER_AHEAD = 2  # files sent to a helper and not yet answered (it never waits for the next)
COUNT_WHILE_HELPERS_START = True  # this process counts files until a helper answers (tests turn it off)


# police.uk's crime categories as its files spell them (data.police.uk/docs/method/crime-categories, and every
# street file in ../shared/data): an indicator made by an import is named so whatever capitals a file used.
CRIME_TYPES = (ANTI_SOCIAL, "Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs", "Other crime",
               "Other theft", "Possession of weapons", "Public order", "Robbery", "Shoplifting",
               "Theft from the person", "Vehicle crime", "Violence and sexual offences")
_CRIME_TYPES = {t.casefold(): t for t in CRIME_TYPES}


def crime_type_named(crime_type: str) -> str:
    """A crime type as police.uk names it ("BURGLARY" is "Burglary"); one police.uk does not publish as written
    (its spaces tidied). Its indicator's id is the same either way: this is the name the board sees."""
    tidy = " ".join(crime_type.split())
    return _CRIME_TYPES.get(tidy.casefold(), tidy)


def is_anti_social(crime_type: str) -> bool:
    """Whether a crime type is anti-social behaviour, in whatever capitals a file writes it ("Anti-Social
    Behaviour"): All crime is every type but it, and a spelling compared letter for letter counted it in."""
    return crime_type_named(crime_type) == ANTI_SOCIAL


@dataclass(frozen=True)
class DistrictMapping:
    """Where an LSOA-name district goes today."""

    source_name: str  # as the file had it ("Waveney")
    current_name: str  # "East Suffolk" (or UNKNOWN_AREA)
    ons_code: str | None

    @property
    def renamed(self) -> bool:
        """The file names a district since merged or renamed (Waveney, now East Suffolk; Shepway, now Folkestone and
        Hythe), not today's district in other capitals ("BABERGH") or without ONS's formal wording ("Bristol" for
        "Bristol, City of", "The Vale of Glamorgan" for "Vale of Glamorgan"): the import's summary names only those."""
        if self.ons_code is None:  # unknown to the lookup (or no location): kept as it is
            return False
        return _plain_district(self.source_name) != _plain_district(self.current_name)


_FORMAL_ENDING = re.compile(r",\s*(city|county) of$")


def _plain_district(name: str) -> str:
    """A district's name as compared for a renaming: any capitals and spacing, without ONS's ", City of" or
    ", County of" ending or a leading "The"."""
    plain = " ".join(name.split()).casefold()
    return _FORMAL_ENDING.sub("", plain.removeprefix("the "))


# The download of the street files given on their own (not in a folder or zip given): files chosen together in
# Import Police Data…, or named together on the command line, were downloaded together as far as the officer is
# concerned, so they are one download, dated by the newest month among them as the same files in their folder or
# the download zip are. Each its own download, twelve monthly files were "downloads to" twelve months, and the
# county merge took January (dated January) for an earlier download than another office's download to June.
# A folder or zip given beside them stays a download of its own: its files say which download they came in.
LOOSE_FILES = ""


@dataclass(frozen=True)
class StreetFile:
    """A street file to count: where its bytes are now, and how messages name it."""

    path: Path  # on disk: a file given, found in a folder, or unpacked from a zip
    name: str  # the file's own name as published: "2025-01-suffolk-street.csv"
    shown: str  # what messages call it: the name, or "2025-01/2025-01-suffolk-street.csv (in download.zip)"
    source: str  # its download: the folder or zip given, or LOOSE_FILES (its newest month dates the vintage)
    header: tuple[str, ...] = ()

    @cached_property
    def size(self) -> int:  # read once: batching, progress and the total all ask (a stat is not free)
        return self.path.stat().st_size


@dataclass
class FoundFiles:
    """The street files among what was given, and the other files with why they are left out."""

    street: list[StreetFile] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (shown name, why)


@dataclass
class FileCounts:
    """The counts of one street file: (force, month, source district, crime type) -> count."""

    path: Path
    rows: int
    counts: dict[tuple[str, str, str, str], int] = field(default_factory=dict)
    name: str = ""
    shown: str = ""
    source: str = ""
    sha256: str = ""

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


@lru_cache(maxsize=1)
def _district_lookup_any_capitals() -> dict[str, tuple[str, str]]:
    return {" ".join(name.split()).casefold(): current for name, current in district_lookup().items()}


def map_district(source_name: str) -> DistrictMapping:
    """The current district of a district name taken from an LSOA name (unknown names stay as they are), in
    whatever capitals the file wrote it ("BABERGH" was a district of its own, "FOREST HEATH" not West Suffolk)."""
    if not source_name:
        return DistrictMapping("", UNKNOWN_AREA, None)
    current = district_lookup().get(source_name) or \
        _district_lookup_any_capitals().get(" ".join(source_name.split()).casefold())
    if current is None:
        return DistrictMapping(source_name, source_name, None)
    return DistrictMapping(source_name, current[0], current[1])


def district_of_lsoa_name(lsoa_name: str) -> str:
    """"Babergh 001A" -> "Babergh" (blank stays blank)."""
    return LSOA_CODE_SUFFIX.sub("", (lsoa_name or "").strip())


# -- recognising files ------------------------------------------------------------------------------
def _first_line(data: bytes) -> bytes:
    for i, byte in enumerate(data):
        if byte in (10, 13):
            return data[:i]
    return data


def header_of(start: bytes, shown: str) -> list[str]:
    """The header of a file from its first bytes (a UTF-8 byte order mark allowed)."""
    if start and (kind := other_kind_of_file(start)):  # an .xls, a Safer Desk file …: said, not "not UTF-8"
        raise PoliceFileError(f"{shown} is {kind}, not a data.police.uk street-level crime file (*-street.csv) or "
                              "download (.zip); nothing was imported.")
    if not start:
        raise PoliceFileError(f"{shown} is empty (0 bytes): a data.police.uk street file always starts with its "
                              f"heading line, so it was cut short while downloading or saved again empty. {AGAIN}")
    if kind := next((words for magic, words in COMPRESSED if start.startswith(magic)), None):
        raise PoliceFileError(f"{shown} is compressed with {kind}, not a street-level crime file itself: unpack it "
                              "first (7-Zip does, on Windows) and import the .csv inside, or import the .zip "
                              "data.police.uk gives; nothing was imported.")
    if start.startswith(ZIP_MAGIC):  # a .csv in a folder (a zip given is read as a zip, whatever its name)
        raise PoliceFileError(f"{shown} is a zip file named as a CSV: rename it to end .zip (or choose it on its own, "
                              "as it is) and import it again; nothing was imported.")
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text" (and Notepad's "Unicode"): every character in two bytes.
        raise PoliceFileError(
            f"{shown} is not UTF-8 text: line 1 has a byte (0x{start[0]:02X}) that UTF-8 does not allow. It is "
            "saved as UTF-16 (what Excel calls “Unicode text”), so another program saved it again; files from "
            "data.police.uk are plain UTF-8 text. Download it again; nothing was imported.")
    if wide := _wide_text(start):  # no byte-order mark: told by its NUL bytes, which no UTF-8 street file holds
        return _wide_header(wide, shown)
    line = _first_line(start[:HEADER_BYTES])
    if line.startswith(codecs.BOM_UTF8):
        line = line[len(codecs.BOM_UTF8):]
    if not line.strip() and not start.strip(b"\r\n"):
        raise PoliceFileError(f"{shown} is empty (blank lines only): a data.police.uk street file always starts with "
                              f"its heading line, so it was cut short while downloading or saved again empty. {AGAIN}")
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_utf8(shown, 1, line[exc.start]) from None
    if not text.strip():
        raise PoliceFileError(f"{shown} starts with a blank line where its heading line (“Crime ID,Month,…”) should "
                              f"be: a data.police.uk street file starts with it, so another program changed the file. "
                              f"{AGAIN}")
    return next(csv.reader(io.StringIO(text)))


# Text with two or four bytes for every letter and no byte-order mark (saved so by a program other than Excel, whose
# "Unicode text" starts with one): the codec and the words that name it.
WIDE_TEXT = (("utf-32-le", "UTF-32 text with no byte-order mark (four bytes for every letter)"),
             ("utf-32-be", "UTF-32 text with no byte-order mark (four bytes for every letter)"),
             ("utf-16-le", "UTF-16 text with no byte-order mark (two bytes for every letter)"),
             ("utf-16-be", "UTF-16 text with no byte-order mark (two bytes for every letter)"))


def _wide_text(start: bytes) -> tuple[str, str, str] | None:
    """(codec, words, its first line) of a file's first bytes saved as WIDE_TEXT; None for any other file (a file
    with no NUL byte among its first bytes, or with NULs that no such codec reads as text)."""
    sample = start[:4096]
    if b"\x00" not in sample:
        return None
    for codec, words in WIDE_TEXT:
        width = 4 if "32" in codec else 2
        text = sample[:len(sample) // width * width].decode(codec, errors="replace")
        plain = sum(c.isascii() and (c.isprintable() or c in "\r\n\t") for c in text)
        if text.strip() and "\x00" not in text and plain >= 0.95 * len(text):
            return codec, words, text.splitlines()[0]
    return None


def _wide_header(wide: tuple[str, str, str], shown: str) -> list[str]:
    """A street file saved as WIDE_TEXT is refused, saying so; another file's heading, so read, says what it is
    (an outcomes file in a folder is left out as one)."""
    _, words, line = wide
    header = next(csv.reader([line.lstrip("\ufeff")]))
    if any(file_kind(",".join(header).split(separator)) == "street" for separator in (",", ";", "\t")):
        raise PoliceFileError(
            f"{shown} is a police.uk street-level crime file saved again as {words}, not as the UTF-8 text "
            "data.police.uk gives, so another program changed it. Download it again from data.police.uk and import "
            "it without opening it in another program; nothing was imported.")
    return header


def read_header(path: Path, shown: str | None = None) -> list[str]:
    shown = shown or Path(path).name
    try:
        with Path(path).open("rb") as fh:
            start = fh.read(HEADER_BYTES)
    except OSError as exc:
        raise cannot_read(shown, exc) from exc
    return header_of(start, shown)


def file_kind(header: list[str]) -> str:
    """street, outcomes, stop-and-search or unknown, by the header police.uk writes."""
    cols = [c.strip() for c in header]
    # Files never counted are told in any letters and spacing ("outcome type", "Object Of Search": another program
    # rewrote the heading line), so the refusal names what they are; a street file is told by its own headings only.
    said = {" ".join(c.split()).lower() for c in cols}
    if "outcome type" in said and "crime id" in said:
        return "outcomes"
    if "object of search" in said or {"type", "date", "legislation"} <= said:
        return "stop-and-search"
    if all(c in cols for c in NEEDED) and "Crime ID" in cols:
        return "street"
    return "unknown"


def refusal_for(shown: str | Path, kind: str, header: Iterable[str] = ()) -> str:
    name = shown.name if isinstance(shown, Path) else shown
    if kind == "outcomes":
        return (f"{name} is a police.uk outcomes file (what later happened to crimes), not street-level "
                "crime: only the *-street.csv files are counted.")
    if kind == "stop-and-search":
        return f"{name} is a police.uk stop-and-search file, not street-level crime: it is not counted."
    header = list(header)
    for separator, words in ((";", "semicolons"), ("\t", "tabs")):  # a street file saved again, with Excel say
        if file_kind(",".join(header).split(separator)) == "street":
            return (f"{name} is a police.uk street-level crime file saved again with its columns separated by {words}, "
                    "not commas (as another program, Excel say, saves it): download it again from data.police.uk and "
                    "import it without saving it.")
    if changed := _headings_in_other_letters(header):
        return (f"{name} is a police.uk street-level crime file whose heading line another program changed "
                f"({changed}), so the file may have been changed in other ways too: download it again from "
                "data.police.uk and import it without opening it in another program.")
    cols = {c.strip() for c in header}
    missing = [c for c in ("Crime ID", *NEEDED) if c not in cols]
    if len(missing) <= 2:  # a street file's heading, edited: say which column went (it did start as expected)
        quoted = " and ".join(f"“{c}”" for c in missing)
        return (f"{name} is not a police.uk street-level crime file: it has no "
                f"{'column' if len(missing) == 1 else 'columns'} {quoted} (its heading line should be "
                f"“{','.join(STREET_HEADER)}”).")
    return (f"{name} is not a police.uk street-level crime file (its first line should start "
            "“Crime ID,Month,Reported by,Falls within”).")


def _headings_in_other_letters(header: Iterable[str]) -> str:
    """The headings of a street file written in other letters than data.police.uk's ("“Reported By” for “Reported
    by”", the first three), "" when the heading line is no street file's in any letters. It was refused as "not a
    police.uk street-level crime file", sending the officer to Import Figures…, which refuses it too."""
    ours = {c.casefold(): c for c in STREET_HEADER}
    cols = [c.strip() for c in header]
    if file_kind([ours.get(c.casefold(), c) for c in cols]) != "street":
        return ""
    changed = [f"“{c}” for “{ours[c.casefold()]}”" for c in cols if c.casefold() in ours and c != ours[c.casefold()]]
    return ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")


def saved_again(reason: str) -> bool:
    """Whether ``refusal_for`` said a file is a street file saved again by another program (semicolons, tabs, its
    headings in other letters): a street file, which cannot be imported as it is."""
    return _SAVED_AGAIN in reason


_SAVED_AGAIN = " is a police.uk street-level crime file "


# What to choose instead of a file that is not a street file, chosen (or named) on its own.
CHOOSE = ("Choose the *-street.csv files of a data.police.uk download, the folder they are in, or the download's .zip; "
          "nothing was imported.")


def refusal_alone(shown: str | Path, kind: str, header: Iterable[str] = ()) -> str:
    """Why a file chosen on its own is not imported, and what to choose instead (refusal_for names it in a list)."""
    said = refusal_for(shown, kind, header)
    if kind != "unknown":  # outcomes or stop-and-search: the street file of the same download is wanted
        return f"{said} {CHOOSE}"
    if "download it again" in said:  # a street file saved again with another separator: said already
        return said
    if _OTHER_CSV in said:  # some other CSV
        return (f"{said} Figures typed in a sheet are imported with Import Figures… (on the command line, safer-desk "
                f"import-figures) instead. {CHOOSE}")
    return f"{said} {AGAIN}"  # a street file whose heading line was edited


def _is_zip(path: Path) -> bool:
    if path.suffix.lower() == ".zip":
        return True
    try:
        with path.open("rb") as fh:
            return fh.read(4) in ZIP_MAGIC
    except OSError as exc:
        raise cannot_read(path.name, exc) from exc


# -- finding files: files, folders and zips -----------------------------------------------------------
# A browser's name for a file downloaded again beside the first: "2020-01-devon-and-cornwall-street (1).csv".
_BROWSER_COPY = re.compile(r"^(?P<name>.*) \((?P<copy>\d+)\)(?P<ext>\.[^.]*)?$")


def _download_order(path: Path) -> tuple:
    """A folder's files in name order, with a browser's numbered copy of a file straight after it, in its
    numbers' order: "… (1).csv" is the later download, which counts where two give a month, but sorted by name it
    came before the file it copies (" " before "."), so the earlier download was counted as the later one."""
    named = _BROWSER_COPY.match(path.name)
    if named is None:
        return path.parts, 0
    return (*path.parent.parts, named["name"] + (named["ext"] or "")), int(named["copy"])



@contextlib.contextmanager
def street_files_in(paths: Iterable[Path | str]) -> Iterator[FoundFiles]:
    """Street files to import among the files, folders and zips given, and the other files left out.

    A CSV named on its own must be a street file (anything else raises PoliceFileError); in a folder or
    a zip, outcomes and stop-and-search files are listed as skipped. Zips are unpacked into a private
    temporary folder that is removed when the block ends, whatever happens.
    """
    found = FoundFiles()
    with contextlib.ExitStack() as stack:
        unpack_to: list[Path] = []

        def scratch() -> Path:
            if not unpack_to:
                # Noted as this run's before it is made: a run killed while it unpacks (hundreds of megabytes for a
                # county's years) leaves it to the next start to remove (storage.leftovers), not there for ever.
                from safer_desk.storage.leftovers import new_temp_folder, remove_temp_folder

                unpack_to.append(new_temp_folder("safer-desk-police-"))
                stack.callback(remove_temp_folder, unpack_to[0])
            return unpack_to[0]

        zips = 0  # zips unpacked so far, given or found in a folder: each one's files are numbered apart
        for given in paths:
            p = Path(given)
            if p.is_dir():
                for f in sorted(p.rglob("*"), key=_download_order):
                    inside = f.relative_to(p)
                    if not f.is_file() or _mac_leftover(inside.parts):
                        continue
                    shown = inside.as_posix()  # "2025-01/2025-01-suffolk-street.csv": two months' folders apart
                    if f.suffix.lower() == ".csv":
                        _classify(found, f, f.name, shown, p.name or str(p), read_header(f, shown))
                    elif f.suffix.lower() == ".zip":  # a download kept in the folder: unpacked as one given
                        zips += 1
                        _unpack_zip(f, found, scratch, zips, shown=shown, in_folder=True)
            elif p.is_file() and _is_zip(p):
                zips += 1
                _unpack_zip(p, found, scratch, zips)
            elif p.is_file():
                header = read_header(p)
                kind = file_kind(header)
                if kind != "street":
                    raise PoliceFileError(refusal_alone(p, kind, header))
                _refuse_too_big(p.name, p.stat().st_size)
                found.street.append(StreetFile(p, p.name, p.name, LOOSE_FILES, tuple(header)))
            else:
                raise PoliceFileError(f"There is no file or folder at {p}: it was moved, renamed or deleted after it "
                                      "was chosen. Choose it again where it is now; nothing was imported.")
        found.street = _named_apart(found.street)
        yield found


def files_passed_over(folder: Path) -> list[str]:
    """The files in a folder (and its folders) that street_files_in does not read: neither .csv nor .zip, nor a Mac's
    leftovers ("2025-03-suffolk-street.xlsx", "old/notes.docx"), for a refusal to name."""
    inside = [f.relative_to(folder) for f in sorted(Path(folder).rglob("*")) if f.is_file()]
    return [f.as_posix() for f in inside if f.suffix.lower() not in (".csv", ".zip") and not _mac_leftover(f.parts)]


def folder_may_hold_street_files(folder: Path | str, *, depth: int = 2) -> bool:
    """Whether a folder given to the window may be a police.uk download to import: a .csv or .zip in it or in its
    folders (a download unpacked is month folders of street files), looked for no deeper than depth and stopped at
    the first, so a home folder given by mistake is not read through. A folder holding none is not police data."""
    try:
        with os.scandir(folder) as entries:
            inside = list(entries)
    except OSError:
        return False
    for entry in inside:
        if not _mac_leftover((entry.name,)) and entry.name.lower().endswith((".csv", ".zip")):
            with contextlib.suppress(OSError):
                if entry.is_file():
                    return True
    return depth > 1 and any(folder_may_hold_street_files(entry.path, depth=depth - 1) for entry in inside
                             if entry.name != "__MACOSX" and _is_folder(entry))


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _mac_leftover(parts: tuple[str, ...]) -> bool:
    """A file a Mac writes beside the real ones (a resource fork under __MACOSX/ or named ._*, the Finder's
    .DS_Store) when it copies or compresses a folder: not a file of the download, so not named or read."""
    return bool(parts) and ("__MACOSX" in parts[:-1] or parts[-1].startswith("._") or parts[-1] == ".DS_Store")


def _named_apart(street: list[StreetFile]) -> list[StreetFile]:
    """Different files that messages would call by one name (2025-01-suffolk-street.csv in two folders) named
    by their paths from the folder the two have in common ("a/…", "b/…"); a zip's files are named by its own."""
    groups: dict[str, set[Path]] = {}
    for f in street:
        if f.path.as_posix().endswith(f.shown):  # a file on disk, named by the end of its path
            groups.setdefault(f.shown, set()).add(f.path.absolute())
    common: dict[str, str] = {}
    for shown, paths in groups.items():
        if len(paths) > 1:
            with contextlib.suppress(ValueError):  # on two Windows drives: named by their whole paths
                common[shown] = os.path.commonpath(paths)
    return [replace(f, shown=(f.path.absolute().relative_to(common[f.shown]) if f.shown in common
                              else f.path.absolute()).as_posix())
            if len(groups.get(f.shown, ())) > 1 and f.path.absolute() in groups[f.shown] else f for f in street]


def _classify(found: FoundFiles, path: Path, name: str, shown: str, source: str, header: list[str]) -> None:
    kind = file_kind(header)
    if kind == "street":
        _refuse_too_big(shown, path.stat().st_size)
        found.street.append(StreetFile(path, name, shown, source, tuple(header)))
    else:
        found.skipped.append((shown, refusal_for(shown, kind, header)))


def _escapes(member: str) -> bool:
    """True for a zip member whose path would land outside the folder it is unpacked into."""
    name = member.replace("\\", "/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return True
    return ".." in PurePosixPath(name).parts


def _unpack_zip(path: Path, found: FoundFiles, scratch: Callable[[], Path], index: int | str, *, shown: str = "",
                in_folder: bool = False) -> list[str]:
    """Unpack a data.police.uk download's street files (``index``: its number among the zips unpacked, so two zips'
    files never take each other's names); refuse a zip that is damaged or unsafe, and one that is empty or holds
    no street file unless it was found in a folder or a zip (``in_folder``: then it is listed as not imported).
    ``shown``: what messages call the zip (its path in the folder it was found in; its name when given itself).
    A download zip inside the zip given (the download compressed again to send it) is unpacked the same way; one
    deeper is not. Returns why a zip in a folder or a zip that was not counted holds CSV files of no police.uk
    kind (a heading edited), for the zip it is in to say."""
    label = shown or path.name
    prefix = index if isinstance(index, str) else f"{index:03d}"
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise PoliceFileError(_not_whole_zip(path, label)) from exc
    except OSError as exc:  # not the zip's fault (a file open in another program): said as for any file
        raise cannot_read(label, exc) from exc
    with archive:
        if kind := workbook_in_zip(archive.namelist()):
            raise PoliceFileError(f"{label} is {kind}, not a data.police.uk download (a .zip of *-street.csv "
                                  "files); nothing was imported.")
        members = [info for info in archive.infolist() if not info.is_dir()]
        unsafe = next((info.filename for info in members if _escapes(info.filename)), None)
        if unsafe is not None:
            raise PoliceFileError(
                f"{label} holds a file whose path leads outside its folder (“{unsafe}”), which a "
                "data.police.uk download never does; it was not opened and nothing was imported.")
        members = [info for info in members
                   if not _mac_leftover(PurePosixPath(info.filename.replace("\\", "/")).parts)]
        if not members:
            if in_folder:
                found.skipped.append((label, f"{label} is an empty zip: it holds no files."))
                return []
            raise PoliceFileError(f"{label} is an empty zip: it holds no files. {AGAIN}")
        street_before = len(found.street)
        skipped_before = len(found.skipped)
        odd: list[str] = []  # why CSV files of no police.uk kind were left out
        for number, info in enumerate(sorted(members, key=lambda i: i.filename), start=1):
            member = info.filename
            name = PurePosixPath(member.replace("\\", "/")).name
            shown = f"{member} (in {label})"
            if name.lower().endswith(".zip") and isinstance(index, int):  # a zip in the zip: unpacked on its own
                inner = scratch() / f"{prefix}-{number:05d}.zip"
                _copy_member(archive, info, inner, label)
                odd += _unpack_zip(inner, found, scratch, f"{prefix}-{number:05d}", shown=shown, in_folder=True)
                continue
            if not name.lower().endswith(".csv"):
                found.skipped.append((shown, f"{shown} is not a CSV file: it is not counted."))
                continue
            try:
                with archive.open(info) as fh:
                    header = header_of(fh.read(HEADER_BYTES), shown)
                    kind = file_kind(header)
                    if kind != "street":
                        found.skipped.append((shown, refusal_for(shown, kind, header)))
                        if kind == "unknown":  # not a police.uk file of another kind: said if nothing is counted
                            odd.append(found.skipped[-1][1])
                        continue
            except PoliceFileError:
                raise
            except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, OSError) as exc:
                raise _unpacking_failed(label, member, exc) from exc
            _refuse_too_big(shown, info.file_size)  # its size as the zip states it: zipfile reads no more
            # A name of our own making: a member's path never decides where anything is written.
            target = scratch() / f"{prefix}-{number:05d}.csv"
            _copy_member(archive, info, target, label)
            found.street.append(StreetFile(target, name, shown, label, tuple(header)))
        if len(found.street) == street_before:
            others = len(found.skipped) - skipped_before
            if odd:  # a street file saved again with another heading (semicolons, a column renamed): say so
                more = len(odd) - 3
                also = f" So {'is' if more == 1 else 'are'} {counted_words(more, 'other file')}." if more > 0 else ""
                # One said to be a street file saved again is not said to be none: it cannot be imported as it is.
                none = ("no police.uk street-level crime file that can be imported as it is" if any(
                    saved_again(reason) for reason in odd) else "no police.uk street-level crime files (*-street.csv)")
                why = f"{label} holds {none}: {' '.join(odd[:3])}{also}"
            else:
                why = (f"{label} holds no police.uk street-level crime files (*-street.csv)"
                       + (f": its {counted_words(others, 'file')} {'is' if others == 1 else 'are'} outcomes, "
                          "stop-and-search or other files" if others else ""))
            if in_folder:  # in a folder, like an outcomes file there: named as not imported
                found.skipped.append((label, why if odd else why + "."))
                return [why] if odd else []
            if not odd:  # outcomes and stop-and-search alone: the download was made without its crime data
                raise PoliceFileError(f"{why}. Download it again from data.police.uk with “Include crime data” "
                                      "ticked; nothing was imported.")
            said_again = all("download it again" in reason for reason in odd)  # a separator: said what to do
            # CSVs of no police.uk shape at all (a partner's sheet of figures sent zipped): no download holds them
            sheets = all(_OTHER_CSV in reason for reason in odd)
            raise PoliceFileError(why + (" Nothing was imported." if said_again else f" {SHEET_ZIPPED}" if sheets
                                         else f" {AGAIN}"))
    return []


def _refuse_too_big(shown: str, size: int) -> None:
    """Refuse a street file larger than MOST_STREET_BYTES (a zip's member by the size the zip states, before it is
    unpacked): a 1.8 MB zip of one 1.1 GB member took 6 GB of memory, and ended in a MemoryError where there was
    less."""
    if size > MOST_STREET_BYTES:
        raise PoliceFileError(
            f"{shown} is {_size_words(size)}, more than any month's street file data.police.uk publishes (the "
            f"largest force's is about 20 MB; Safer Desk reads up to {_size_words(MOST_STREET_BYTES)}): it is not a "
            "download from data.police.uk, or several were joined into one. Import the downloaded files as they "
            "came; nothing was imported.")


def _size_words(size: int) -> str:
    """A file's size in words: "1,100 MB", "343.4 MB", "12.3 KB", "900 bytes"."""
    if size >= 1 << 20:
        return f"{size / (1 << 20):,.1f}".removesuffix(".0") + " MB"
    return f"{size / 1024:,.1f} KB" if size >= 1024 else f"{size:,} bytes"


def _copy_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, label: str) -> None:
    try:
        with archive.open(info) as src, target.open("wb") as out:
            shutil.copyfileobj(src, out, CHUNK)
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, OSError) as exc:
        raise _unpacking_failed(label, info.filename, exc, target) from exc


def _unpacking_failed(label: str, member: str, exc: Exception, target: Path | None = None) -> PoliceFileError:
    if isinstance(exc, (RuntimeError, NotImplementedError)):  # encrypted, or a compression zipfile lacks (Deflate64)
        return PoliceFileError(
            f"{label}: {member} cannot be unpacked ({exc}): it was compressed with a password or in a way Safer Desk "
            "cannot unpack, which data.police.uk's downloads never are. Unpack it yourself (in Windows, right-click "
            "it and choose Extract All…) and import the folder it gives, or download it again from data.police.uk; "
            "nothing was imported.")
    if isinstance(exc, OSError):
        # Where (the system's temporary folder, often on another disk than the office's file) and the cause in
        # words, not "(No space left on device)": the disk to free space on, or a folder with room to unpack into.
        from safer_desk.storage.safe_write import cause_of

        code, cause = cause_of(exc)
        if target is None:  # reading the zip itself failed (a drive or share gone), not writing what it holds
            return PoliceFileError(f"{label} could not be read: {cause}. Copy it to a folder on this computer (or "
                                   "download it again) and import it from there; nothing was imported.")
        where = f" {target.parent.parent}"  # <temp>/safer-desk-police-…/<n>-file.csv: the system's temporary folder
        room = "Free some space on that disk, or unpack" if code in (errno.ENOSPC, errno.EDQUOT) else "Unpack"
        return PoliceFileError(f"{label} could not be unpacked into the temporary folder{where}: {cause}. {room} the "
                               "zip yourself (in Windows, right-click it and choose Extract All…) into a folder with "
                               "room and import that folder; nothing was imported.")
    # zipfile's own words ("Bad magic number for file header", "Error -3 while decompressing data …") said plainly
    why = ("its packed data is spoilt" if isinstance(exc, (zlib.error, EOFError)) or "CRC" in str(exc)
           else "it is not where the zip's list of its files says it is")
    return PoliceFileError(f"{label} is damaged: {member} cannot be unpacked ({why}). Download it again; nothing "
                           "was imported.")


def _not_whole_zip(path: Path, label: str) -> str:
    """Why a zip that zipfile cannot open is refused, from what the file begins with: empty, a zip cut short (it
    begins as one, and lacks the list of its files every zip ends with), or not a zip at all."""
    try:
        with path.open("rb") as fh:
            start = fh.read(4)
            fh.seek(max(0, path.stat().st_size - (1 << 16) - 22))  # a zip's end record, and the comment it may have
            whole = b"PK\x05\x06" in fh.read()
    except OSError:
        start, whole = b"PK", False
    again = "Download it again from data.police.uk; nothing was imported."
    if not start:
        return f"{label} is empty (0 bytes): the download did not finish. {again}"
    if start.startswith(b"PK") and whole:
        return f"{label} is damaged: the list of the files it holds cannot be read. {again}"
    if start.startswith(b"PK"):
        return (f"{label} is damaged: it stops before the end every zip has, so it was cut short while it was "
                f"downloaded or copied. {again}")
    return (f"{label} is not a zip file, whatever its name says (a download that failed can save a web page under "
            f"the zip's name). {again}")


def _batches(files: list[StreetFile]) -> list[list[StreetFile]]:
    """Files about BATCH_FILES or BATCH_BYTES at a time, in the order given."""
    batches: list[list[StreetFile]] = []
    current: list[StreetFile] = []
    size = 0
    for f in files:
        if current and (len(current) >= BATCH_FILES or size + f.size > BATCH_BYTES):
            batches.append(current)
            current, size = [], 0
        current.append(f)
        size += f.size
    if current:
        batches.append(current)
    return batches


def count_street_files(files: list[StreetFile], *, checkpoint: Callable[[], None] = lambda: None,
                       on_progress: Callable[[int], None] = lambda done: None) -> list[FileCounts]:
    """Count street files: rows per (force, month, LSOA district, crime type); refuse damaged files.

    checkpoint() is called between batches (it raises to cancel); on_progress(bytes read so far).
    A file with a problem raises PoliceFileError for the first such file in the order given: a byte
    that is not UTF-8, then a row the reader refuses, then a Month that is not YYYY-MM.
    """
    with StreetReader(files, checkpoint=checkpoint, on_progress=on_progress) as reader:
        return [c for batch in reader for c in batch]


def helper_choice() -> str:
    """SAFER_DESK_POLICE_HELPER: "never" (a machine that refuses them), "always" (even for a small import) or
    "required" (they count every file, and one failing is an error: the packaging smoke test's proof that they
    work in the built program); anything else: as helpers_wanted decides."""
    choice = os.environ.get("SAFER_DESK_POLICE_HELPER", "").strip().lower()
    return choice if choice in ("never", "always", "required") else ""


def helpers_wanted(total_bytes: int) -> int:
    """How many helper processes (other cores) count the files of an import this many bytes big: none for a
    small one (starting one costs ~0.1 s of a core) or with one core, else one per core up to HELPERS
    (helper_choice overrides)."""
    choice, cores = helper_choice(), _cores()
    if choice == "never":
        return 0
    if choice:
        return max(1, min(cores, HELPERS))
    return min(cores, HELPERS) if total_bytes >= HELPER_BYTES and cores > 1 else 0


def _cores() -> int:
    """The cores this process may run on (a container or an affinity mask may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # Windows and macOS have no affinity call here
        return os.cpu_count() or 1


class HelperFailed(RuntimeError):
    """A helper process failed while SAFER_DESK_POLICE_HELPER=required (otherwise its files are counted here)."""


def helper_command() -> list[str]:
    """How a helper process is started: this interpreter running police_count, or the packaged program itself
    (whose entry, packaging/entry.py, runs police_count's helper_main when given HELPER_ARGUMENT)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, HELPER_ARGUMENT]
    # -P: the current folder is not put first on the module path (a hashlib.py or re.py in the folder the import
    # was started from would take the standard library's place in the helper).
    return [sys.executable, "-P", "-m", "safer_desk.exchange.police_count"]


class HelperProcess:
    """A helper process (police_count.helper_main) and the pipes to it. Started as a plain subprocess of this
    interpreter: never forked (the window's threads hold locks), nothing of the caller's run again in it, and
    no second process for multiprocessing's resource tracker. On Windows it gets no console window."""

    def __init__(self):
        import subprocess  # only for a big import: nothing else needs it

        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # Windows only: no console flashing up
        self.popen = subprocess.Popen(helper_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=subprocess.DEVNULL, creationflags=flags)
        self.pipe = HelperPipe(self.popen.stdin, self.popen.stdout)

    def is_alive(self) -> bool:
        return self.popen.poll() is None

    def terminate(self) -> None:
        if self.is_alive():
            with contextlib.suppress(OSError):  # it ended meanwhile
                self.popen.terminate()

    def kill(self) -> None:
        if self.is_alive():
            with contextlib.suppress(OSError):
                self.popen.kill()

    def join(self, timeout: float | None = None) -> None:
        import subprocess

        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(timeout)


class _Stop(Exception):
    """The reader was told to stop (a problem found, Cancel, or the caller gave up)."""


class StreetReader:
    """Counts street files while the caller takes them, a batch at a time in the order given.

    Threads work beside the caller. One takes the files, one after another: it reads each, hashes it and checks
    it is UTF-8 (hashlib releases the GIL), and hands the bytes to a second, which counts them (Python, holding
    the GIL: the caller had best not run SQL a row at a time meanwhile, since every statement step releases the
    GIL and takes it back from this thread), at most AHEAD_BYTES ahead of it. A big import (helpers_wanted)
    starts helper processes, each fed by a thread of its own: they take files from the same list, HELPER_AHEAD
    at a time, and read, hash and count them on other cores (the caller, free of the counting, writes beside
    them). This process takes files only until a helper has answered (while they start) or once none is left
    running; should one fail or stop, the files it held are taken back and done here, so the result never
    depends on them. Every file is read once either way.

    Iterating yields lists of FileCounts, in the order given; a file with a problem raises PoliceFileError (as
    count_street_files says) when it is reached, and nothing after it is yielded. Use it as a context manager:
    leaving the block stops the threads and the second process.
    """

    def __init__(self, files: list[StreetFile], *, checkpoint: Callable[[], None] = lambda: None,
                 on_progress: Callable[[int], None] = lambda done: None):
        for f in files:
            if not f.header:
                raise ValueError(f"{f.shown}: read its header first (street_files_in does)")
        self.files = list(files)
        self.checkpoint, self.on_progress = checkpoint, on_progress
        # One count per file on disk: a file given twice (on its own and in its folder) is read once.
        self.unique: dict[str, StreetFile] = {}
        for f in files:
            self.unique.setdefault(str(f.path), f)
        self.batches = _batches(list(self.unique.values()))
        self.stop = threading.Event()
        self.state = threading.Condition()  # guards everything below, shared by the threads
        self.keys = list(self.unique)
        self.taken = 0  # keys[:taken] are taken, by this process or the helper
        self.given_back: list[str] = []  # keys the helper held when it stopped: taken first
        self.mine: list[str] = []  # the keys this process reads, in the order taken
        self.mine_done = False  # nothing more to take
        self.fingerprints: dict[str, tuple[str, PoliceFileError | None]] = {}
        self.ahead: dict[str, bytes] = {}  # bytes the hashing thread read, for the counting thread
        self.ahead_bytes = 0
        self.results: dict[str, tuple[dict[CountKey, int], int, PoliceFileError | None]] = {}
        self.failure: BaseException | None = None
        helpers = self.helpers = helpers_wanted(sum(f.size for f in self.unique.values()))
        self.helpers_running = helpers  # helper threads not yet finished
        self.helpers_answered = 0  # helpers that have said they are up
        self.helper_out = 0  # keys sent to helpers and not yet answered
        self.helper_files = 0  # files the helpers counted
        self.required = helpers > 0 and helper_choice() == "required"
        self.processes: list = []  # the helpers started
        self.threads = [threading.Thread(target=self._fingerprint_all, name="police-fingerprints", daemon=True),
                        threading.Thread(target=self._read_all, name="police-reader", daemon=True)]
        self.threads += [threading.Thread(target=self._help, name=f"police-helper-{n + 1}", daemon=True)
                         for n in range(helpers)]

    @property
    def helped(self) -> bool:
        """Whether helper processes count the files (so this process's own threads are mostly idle)."""
        return self.helpers > 0

    def __enter__(self) -> "StreetReader":
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        with self.state:
            self.stop.set()
            processes = list(self.processes)
            self.state.notify_all()
        for process in processes:
            if process.is_alive():
                process.terminate()  # a helper only reads: nothing to leave half done
        for thread in self.threads:
            thread.join()

    def _take(self, helper: bool = False) -> str | None:
        """The next file to read, for a helper or for this process, or None (caller holds self.state)."""
        if self.given_back and not helper:
            return self.given_back.pop(0)
        if self.taken < len(self.keys) and (helper or not self.helpers_running or self._starting()):
            self.taken += 1
            return self.keys[self.taken - 1]
        return None

    def _starting(self) -> bool:
        """Whether no helper is up yet (caller holds self.state): this process counts meanwhile."""
        return COUNT_WHILE_HELPERS_START and not self.required and not self.helpers_answered

    def _mine_to_take(self) -> bool:
        """Whether this process has a file to take now, or will never have one (caller holds self.state)."""
        if self.given_back or self.taken < len(self.keys) and (not self.helpers_running or self._starting()):
            return True
        return not self.helpers_running and not self.helper_out  # done: no helper left to give any back

    def _fingerprint_all(self) -> None:  # hashlib releases the GIL: this runs beside the counting
        while True:
            with self.state:  # no more than AHEAD_BYTES read and not yet counted
                self.state.wait_for(lambda: self.stop.is_set() or (self.ahead_bytes < AHEAD_BYTES
                                                                   and self._mine_to_take()))
                if self.stop.is_set():
                    return
                key = self._take()
                if key is None:
                    self.mine_done = True
                    self.state.notify_all()
                    return
                self.mine.append(key)
            data, result = _read_file(self.unique[key])
            with self.state:
                self.fingerprints[key] = result
                if data is not None and result[0]:  # the counting thread takes these bytes: one read a file
                    self.ahead[key] = data
                    self.ahead_bytes += len(data)
                self.state.notify_all()

    def _bytes_of(self, key: str) -> bytes | None:
        """The file's bytes as the hashing thread read them (once it has), or None: read them again."""
        with self.state:
            self.state.wait_for(lambda: key in self.fingerprints or self.stop.is_set())
            data = self.ahead.pop(key, None)
            if data is not None:
                self.ahead_bytes -= len(data)
                self.state.notify_all()
            return data

    def _read_all(self) -> None:
        districts = _Districts()
        counted = 0
        while True:
            with self.state:
                self.state.wait_for(lambda: self.stop.is_set() or counted < len(self.mine) or self.mine_done)
                if self.stop.is_set() or counted == len(self.mine):
                    return
                key = self.mine[counted]
            counted += 1
            data = self._bytes_of(key)
            if self.stop.is_set():
                return
            try:
                result = _count_here(self.unique[key], districts, data)
            except BaseException as exc:  # never leave the caller waiting for a file that will not come
                with self.state:
                    self.failure = exc
                    self.state.notify_all()
                return
            with self.state:
                self.results[key] = result
                self.state.notify_all()

    def _help(self) -> None:
        """Feeds a helper process and takes its answers; gives its files back here if it fails."""
        out: list[str] = []  # sent and not answered, oldest first
        conn = process = None
        answered = False
        try:
            conn, process = self._start_helper()
            # Files only once it says it is up: until then this process counts, and a helper that never comes
            # up (a script that starts an import without `if __name__ == "__main__":` runs again in it, as
            # multiprocessing's "spawn" does) holds no file, so the import never waits for it.
            if conn is not None:
                if conn.recv() != READY:
                    raise HelperFailed("A police.uk helper process started wrongly.")
                with self.state:
                    answered = True
                    self.helpers_answered += 1
                    self.state.notify_all()
            while conn is not None:
                with self.state:
                    sending = []
                    while len(out) + len(sending) < HELPER_AHEAD and not self.stop.is_set():
                        key = self._take(helper=True)
                        if key is None:
                            break
                        sending.append(key)
                    self.helper_out += len(sending)
                    out += sending
                if not out or self.stop.is_set():
                    break
                for key in sending:
                    conn.send(self.unique[key])
                fingerprint, result = conn.recv()  # waits with the GIL released
                with self.state:
                    key = out.pop(0)
                    self.helper_out -= 1
                    if result is None:  # counting failed there: count it here, where the problem is raised
                        self.given_back.append(key)
                        if self.required:
                            self.failure = self.failure or HelperFailed(f"A police.uk helper failed to count {key}.")
                    else:
                        self.fingerprints[key], self.results[key] = fingerprint, result
                        self.helper_files += 1
                    self.state.notify_all()
        except Exception as exc:  # the process could not start, died or was stopped: its files are done here
            if self.required and not self.stop.is_set():
                with self.state:
                    self.failure = self.failure or HelperFailed(f"A police.uk helper process failed ({exc!r}).")
        finally:
            with self.state:
                self.given_back += out
                self.helper_out -= len(out)
                self.helpers_running -= 1
                self.helpers_answered -= answered
                self.state.notify_all()
            self._stop_helper(conn, process)

    def _start_helper(self):
        """A helper process and the pipe to it, or (None, None) once told to stop."""
        with self.state:
            if self.stop.is_set():
                return None, None
            process = HelperProcess()
            self.processes.append(process)
        return process.pipe, process

    def _stop_helper(self, conn, process) -> None:
        if conn is not None:
            with contextlib.suppress(Exception):
                if not self.stop.is_set():
                    conn.send(None)
            conn.close()
        if process is not None:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join()

    def _fingerprint_of(self, key: str) -> tuple[str, PoliceFileError | None]:
        with self.state:
            self.state.wait_for(lambda: key in self.fingerprints or self.stop.is_set())
            return self.fingerprints.get(key, ("", None))

    def source_hash(self) -> str:
        """SHA-256 over the street files' own SHA-256s, in order: the files read, as one (waits for the
        hashing, which runs ahead of the reading)."""
        return hashlib.sha256("".join(self._fingerprint_of(key)[0] for key in self.unique).encode("ascii")).hexdigest()

    def __iter__(self) -> Iterator[list[FileCounts]]:
        counted: dict[str, FileCounts] = {}
        waiting = list(self.files)  # files given, in order, not yet handed out
        done = 0
        for batch in self.batches:
            self.checkpoint()
            keys = [str(f.path) for f in batch]
            with self.state:
                self.state.wait_for(lambda: self.failure is not None or all(k in self.results for k in keys))
                if isinstance(self.failure, HelperFailed) or not all(k in self.results for k in keys):
                    raise self.failure
                results = [self.results.pop(k) for k in keys]
            for f, (per_file, rows, problem) in zip(batch, results):
                key = str(f.path)
                digest, encoding_problem = self._fingerprint_of(key)
                # The order of the engines before: UTF-8 first (they could not read past a bad byte), then
                # ragged rows, then months.
                if encoding_problem is not None:
                    raise encoding_problem
                if problem is not None:
                    raise problem
                bad = sorted(m for m in {m for _, m, _, _ in per_file} if not MONTH_RE.match(m))
                if bad:
                    raise _bad_month(f, bad)
                if problem := _other_month(f, {m for _, m, _, _ in per_file}):
                    raise problem
                counted[key] = FileCounts(f.path, rows, per_file, f.name, f.shown, f.source, digest)
            done += sum(f.size for f in batch)
            self.on_progress(done)
            ready = []
            while waiting and str(waiting[0].path) in counted:
                f = waiting.pop(0)
                c = counted[str(f.path)]
                same = (c.name, c.shown, c.source) == (f.name, f.shown, f.source)  # not a file given twice
                ready.append(c if same else FileCounts(f.path, c.rows, c.counts, f.name, f.shown, f.source, c.sha256))
            yield ready
        self.checkpoint()


def _bad_month(f: StreetFile, bad: list[str]) -> PoliceFileError:
    """Why a file with a Month that is not YYYY-MM is refused: the first such row in the file, by its line (Excel
    saves 2025-01 as Jan-25), or, should the csv module read the file otherwise, the first month in order."""
    month, line, number = bad[0], "", 0
    # The line helps; the refusal stands without it.
    with contextlib.suppress(OSError, ValueError, StopIteration, csv.Error), \
            f.path.open(encoding="utf-8-sig", newline="") as fh:
        rows = csv.reader(fh)
        at = [name.strip() for name in next(rows)].index("Month")
        start = rows.line_num + 1
        for values in rows:
            if len(values) > at and values[at] in bad and any(values):  # a row of commas only is passed over
                month, line, number = values[at], f" at line {start}", start
                break
            start = rows.line_num + 1
    if EXCEL_MONTH.match(month):  # the file was opened in Excel and saved: said, and what to do
        return PoliceFileError(
            f"{f.shown} has a Month that is not YYYY-MM (“{month}”){line}: it was probably saved again in Excel, "
            "which shows a month such as 2025-03 as “Mar-25” and saves it that way. Download the file again from "
            "data.police.uk and import it without saving it in Excel; nothing was imported.")
    if month == "Month" and number:  # the heading line in the middle: files joined by copying one after another
        return PoliceFileError(
            f"{f.shown} has its heading line again at line {number}: two files were probably put together into one. "
            "Import each month's file as data.police.uk gives it (choose them together, or their folder); nothing "
            "was imported.")
    return PoliceFileError(
        f"{f.shown} has a Month that is not YYYY-MM (“{month}”){line}: every row of a data.police.uk street file has "
        f"its month as YYYY-MM (2025-03 for March 2025), so another program changed the file. {AGAIN}")


# data.police.uk names each street file for its month: "2025-02-suffolk-street.csv".
NAMED_MONTH = re.compile(r"^(\d{4}-(?:0[1-9]|1[0-2]))-")


def _other_month(f: StreetFile, months: set[str]) -> PoliceFileError | None:
    """Why a file named for a month (as data.police.uk names them) that holds rows of more than one month is refused
    (None for any other file). Every row of a data.police.uk street file is of its own month; re-importing a month
    replaces it, so a row of January in February's file (files joined without their second heading line, or a row
    pasted in) replaced the whole of January with that row."""
    named = NAMED_MONTH.match(f.name)
    if named is None or len(months) < 2:  # one month's rows (a file copied under another month's name): as it holds
        return None
    own = named.group(1) if named.group(1) in months else min(months)
    month, line = min(months - {own}), ""
    with contextlib.suppress(OSError, ValueError, StopIteration, csv.Error), \
            f.path.open(encoding="utf-8-sig", newline="") as fh:  # the line helps; the refusal stands without it
        rows = csv.reader(fh)
        at = [name.strip() for name in next(rows)].index("Month")
        start = rows.line_num + 1
        for values in rows:
            if len(values) > at and values[at] not in ("", own):
                month, line = values[at], f" at line {start:,}"
                break
            start = rows.line_num + 1
    return PoliceFileError(
        f"{f.shown} is a street file for {own} but holds a row of {month}{line}: every row of a data.police.uk "
        f"street file is of its own month, so rows were added to it (files put together into one, or edited). "
        f"Imported, they would replace the figures of {month} with those rows alone. Import each month's file as "
        "data.police.uk gives it (choose them together, or their folder); nothing was imported.")


def count_street_file(path: Path) -> FileCounts:
    """Count one street file (see count_street_files)."""
    path = Path(path)
    header = read_header(path)
    if file_kind(header) != "street":
        raise PoliceFileError(refusal_alone(path, file_kind(header), header))
    return count_street_files([StreetFile(path, path.name, path.name, path.name, tuple(header))])[0]


def force_named_for(force: str, places: Iterable[str]) -> bool:
    """Whether a force is named for one of these places (a district or its police area, as
    district_counties.police_area_places gives them): Devon & Cornwall Police polices the Isles of Scilly (in
    Cornwall), though they hold about 1 in 3,700 of its crimes; Dyfed-Powys Police, Powys."""
    def words(text: str) -> str:
        return " ".join(re.sub(r"[^a-z]+", " ", text.casefold()).split())

    named = f" {words(force)} "
    return any(words(p) and f" {words(p)} " in named for p in places)
