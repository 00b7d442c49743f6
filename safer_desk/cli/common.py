"""What the subcommands share: errors with exit codes, opening files, printing CSV."""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import sys
from pathlib import Path
from typing import Any, Iterable, Sequence


# The words a refusal may begin with as a sentence of the window does ("There is no award …", "The folder Bord …"),
# said after "safer-desk: " in lower case; any other first word (a file, a place, "Unknown area", an indicator such
# as "Total recorded crime", "SQLite") is a name, kept as spelt.
_SENTENCE_WORDS = frozenset(
    "A An The That There These This Those It Its No Nothing None Not Only Each Every One Some What Which When As To "
    "Give Choose Name Say Select Type Add Use Close Open Check Cannot Could Your Column Columns".split())


def refusal_words(text: str) -> str:
    """A refusal as the command line says it after "safer-desk: ", by one rule (docs/user-guide.md, "On the
    command line"): it goes on in lower case (after an option's "--area: " too) unless it begins with a name, which
    keeps its spelling, and it ends with a full stop. The services' words, written for the window's messages as
    sentences ("There is no district …"), and the commands' own ("there is no file at …") then read alike."""
    text = text.rstrip()
    option = re.match(r"--[a-z][a-z-]*: ", text)
    head, rest = (text[:option.end()], text[option.end():]) if option else ("", text)
    first = re.match(r"[A-Za-z]+", rest)
    if first and first.group(0) in _SENTENCE_WORDS:
        rest = rest[0].lower() + rest[1:]
    said = head + rest
    # A bracketed sentence ends it with its own stop: "(To keep Waveney …, add it ….)"
    return said if not said or said[-1] in ".?!…" or said.endswith((".)", "?)")) else said + "."


class CliError(Exception):
    """Bad input (exit 1) or bad usage (exit 2); the message names the row or option."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


class OutputFailed(CliError):
    """The command's own output (stdout: a redirected file on a full disk, a closed console) could not be written:
    never said as the office file failing, nor as "nothing was changed" after a change was saved."""

    def __init__(self, exc: OSError):
        from safer_desk.storage.safe_write import cause_of

        super().__init__(f"the output could not be written: {cause_of(exc)[1]}. What the command printed is "
                         "incomplete; what it saved before printing stays saved.")


def option_type(read, option: str, *, keep_text: bool = False):
    """An argparse ``type=`` for an option's value: read by ``read`` (a date, a year, an amount), or, with
    ``keep_text``, checked by it and kept as typed for the service that reads it. A value of the wrong kind is a
    usage error (exit 2, argparse's "usage: … error: argument OPTION: …"), said before any file is opened; a
    well-formed value the file does not hold is the command's to refuse (exit 1)."""
    def convert(text: str):
        try:
            value = read(text)
        except ValueError as exc:  # every reader's error (PeriodError, MoneyError, AllocationError …) is one
            import argparse

            message = str(exc)
            if message.startswith(option):  # argparse names the option itself
                message = message[len(option):].lstrip(":").lstrip()
            raise argparse.ArgumentTypeError(message) from None
        return text if keep_text else value

    convert.__name__ = option.lstrip("-")
    return convert


def read_financial_year(text: str):
    """"2018/19" (or "" for none) as a financial year Safer Desk can hold (FinancialYear.parse refuses one whose
    months no date can be in, such as 1850/51: the report built for it stopped with a traceback)."""
    from safer_desk.domain.periods import FinancialYear

    return FinancialYear.parse(text) if text.strip() else None


def read_amount(text: str, *, blank: str | None = None) -> int:
    """An amount of money typed for an option ("589608", "£589,608"), in pence; never negative. ``blank``: what a
    refusal of a figure not known yet ("TBC") says to do instead (an option is left out, not given blank)."""
    from safer_desk.domain.money import LEAVE_BLANK, parse_pence

    pence = parse_pence(text, blank=blank or LEAVE_BLANK)
    if pence < 0 or text.strip().removeprefix("£").lstrip().startswith(("-", "\u2212", "\u2013", "(")):
        raise ValueError(f"“{text}” is negative.")  # "-0" too: a minus typed is never a pot of £0 unsaid
    return pence


def read_count(text: str) -> int:
    """A whole number of at least 1 (months, partners), with thousands commas or without ("1,000", as Excel writes
    it); "1,5" or "3_000" is not one."""
    from safer_desk.domain.checks import NumberError, typed_digits

    typed = text.strip()
    try:
        digits = typed_digits(typed.removeprefix("-"))
    except NumberError as exc:  # (a space out of place, a % sign: said with what to type)
        raise ValueError(str(exc)) from None
    except ValueError:
        raise ValueError(f"“{text}” is not a whole number.") from None
    if digits.denominator != 1:
        raise ValueError(f"“{text}” is not a whole number.")
    value = -int(digits) if typed.startswith("-") else int(digits)
    if value < 1:
        raise ValueError(f"it must be at least 1, not {text}.")
    return value


def read_partners(text: str) -> int:
    """A number of partners sharing equally: from 1 to the most a partnership has (the domain's own limit, which
    top_slice refused only as the command ran, with exit 1; said here as the usage error it is)."""
    from safer_desk.domain.allocation import MOST_PARTNERS

    value = read_count(text)
    if value > MOST_PARTNERS:
        raise ValueError(f"“{text}” is more partners than a partnership has: give 1 to {MOST_PARTNERS}.")
    return value


def read_fingerprint(text: str) -> str:
    from safer_desk.exchange.signing import normal_fingerprint

    if not normal_fingerprint(text):
        raise ValueError(f"“{text}” is not a key fingerprint (24 hexadecimal digits, as `safer-desk key` prints "
                         "them).")
    return text


def read_date(text: str):
    """A date as British users type it (01/04/2018, 1 April 2018)."""
    from safer_desk.domain.periods import parse_uk_date

    return parse_uk_date(text)


def read_month(text: str):
    """A month: 2018-05, May 2018, May-18, or month then year as the Indicators tab reads it (12/2016, 12/16); "11/12",
    the financial year 2011/12 too, is refused with both readings."""
    from safer_desk.domain.periods import FIRST_YEAR, LAST_YEAR, FinancialYear, Month, PeriodError, month_then_year

    try:
        typed, year = month_then_year(text), None
        if typed is None:
            return Month.parse(text)
        month = Month(typed[1], typed[0])
        with contextlib.suppress(PeriodError):
            year = FinancialYear.parse(text)
        if year is not None:
            raise PeriodError(f"“{text.strip()}” could be the financial year {year.label} or {month.label}, so it "
                              f"is not read as either: write the month as {month.iso} or {month.label}.")
        return month
    except PeriodError as exc:
        if str(exc).startswith("“"):  # not a month at all: the message quotes what was typed
            raise
        # A month's form with a number Month refuses ("2018-13", "1850-01"): said with what was typed and the range.
        if str(exc).startswith("month"):
            raise PeriodError(f"“{text.strip()}” is not a month: {exc}.") from None
        raise PeriodError(f"“{text.strip()}” is not a month Safer Desk can hold (January {FIRST_YEAR} to "
                          f"December {LAST_YEAR}).") from None


def option_value(text: str | None, option: str, read):
    """An option's value read by ``read`` (a date, a financial year), None when not given; a value of the wrong
    kind is a usage error (exit 2), naming the option."""
    from safer_desk.domain.periods import PeriodError

    if not text:
        return None
    try:
        return read(text)
    except PeriodError as exc:
        raise CliError(f"{option}: {exc}", code=2) from exc


def open_existing(path: str | Path, *, read_only: bool = True, checked: bool = False):
    """Open a file the command only reads (it must exist).

    Read-only, it is opened as the window opens a file to look at (``services.files.open_office_file``): an export
    for the county shows the police.uk figures its counts give, worked out without writing to it (DESIGN §4: the
    window and the command line call the same core functions). ``checked``: a file with a damaged page is refused
    even where the command would not read that page (what leaves the office: the report, the county workbook);
    commands that only list skip that check for speed and say damage when they meet it."""
    store = _open_existing(path, read_only=read_only)
    if checked and read_only:  # a file opened to change has had its pages checked already
        from safer_desk.storage.store import StoreError

        try:
            store.check_pages()
        except StoreError as exc:
            store.close()
            raise CliError(str(exc)) from exc
    return store


def _open_existing(path: str | Path, *, read_only: bool):
    from safer_desk.storage.store import StoreError

    path = Path(path)
    refuse_missing_file(path)
    try:
        if not read_only:
            return _opened_for_writing(path)
        from safer_desk.services.files import open_office_file

        # Looking writes nothing: an older file is read through an upgraded copy in memory, and left as it is
        # (colleagues on the older version can still open it; read-only storage can still be read).
        opened = open_office_file(path, read_only=True)
    except StoreError as exc:
        said = refused_for_a_change(exc) if not read_only else str(exc)
        police = police_data_words(path)
        raise CliError(f"{said.rstrip().rstrip('.')}. {police}" if police else said) from exc
    for note in (opened.taken_over_note(), opened.reading_note()):
        if note:
            sys.stderr.write(f"safer-desk: {note}\n")
    return _with_police_figures(opened.store)


def police_data_words(path: Path) -> str:
    """What police.uk data given where the office's file goes is, and the command that imports it
    (`safer-desk indicators 2025-01-suffolk-street.csv`, the month's download for the file it goes into); "" for any
    other file (services.police_import.police_data_kind)."""
    from safer_desk.services.police_import import police_data_kind

    what = police_data_kind(path)
    if not what:
        return ""
    typed = f'"{path}"' if " " in str(path) else str(path)
    return f"It is {what}: import it into the office's file with `safer-desk import-police FILE {typed}`, then give " \
           "that FILE here."


def _with_police_figures(store):
    """An export opened to look at, with the police.uk figures its counts give (on this connection only: nothing
    is written); when they cannot be worked out, stderr says so rather than the figures going missing unsaid.
    Any other file holds its figures and is left as it is."""
    from safer_desk.services.police_import import figures_for_reading

    try:
        reading = figures_for_reading(store)  # once per connection: at once when open_office_file has done it
    except BaseException:
        store.close()
        raise
    if reading.problem:
        sys.stderr.write(f"safer-desk: {store.path.name}: {reading.problem}\n")
    return store


def open_for_writing(path: str | Path):
    """Open (creating if missing) a file the command writes to."""
    from safer_desk.storage.store import StoreError

    refuse_new_file_name(path)
    try:
        return _opened_for_writing(Path(path), create=True)
    except StoreError as exc:
        raise CliError(refused_for_a_change(exc)) from exc


def refused_for_a_change(exc: Exception) -> str:
    """Why a file could not be opened to change, said for the command line. The store's words end with what the
    window offers ("It can be opened read-only."), which a command that changes the file cannot take up: they
    end here with what the user can do, and that nothing was changed."""
    from safer_desk.storage.store import DiskReadOnly, FileLocked, FileReadOnly

    message = str(exc)
    offered = "It can be opened read-only."
    if isinstance(exc, FileLocked) and message.endswith(offered):
        if exc.command:
            return f"{message[:-len(offered)]}Wait for it to end, then run the command again. Nothing was changed."
        return (f"{message[:-len(offered)]}Close it there (or make the change in that window), then run the command "
                "again. Nothing was changed.")
    if isinstance(exc, FileReadOnly):
        message = message.replace("; it can be opened read-only.", ".")  # the window's offer, as above
        if message.startswith("The folder of"):
            how = "ask for write access to its folder, or copy the file to a folder you can save in"
        elif isinstance(exc, DiskReadOnly):  # no mark on the file to clear: the disk itself refuses
            how = "copy it to a folder you can save in"
        else:
            how = "clear its read-only mark, or copy it to a folder you can save in"
        return f"{message} To change it, {how}, then run the command again. Nothing was changed."
    from safer_desk.services.files import OpenNotWritten

    window_words = "then open it again."  # an upgrade the disk refused: the window's words; no file was opened here
    if isinstance(exc, OpenNotWritten) and message.endswith(window_words):
        return f"{message[:-len(window_words)]}then run the command again."
    return message


# The files this run opened to change, and those that opening upgraded (the upgrade said): what is said when the
# command then fails, or when its saves could not be written into the file as it closed (main, in cli/__init__).
OPENED_TO_CHANGE: list[Path] = []
UPGRADED: list[Path] = []


def _opened_for_writing(path: Path, *, create: bool = False):
    """The file opened to change, as the window opens it; an older file is upgraded (after a backup) and that is
    said, as the window says it, with where the copy of it as it was is kept."""
    from safer_desk.services.files import open_office_file

    opened = open_office_file(path, create=create)
    OPENED_TO_CHANGE.append(opened.store.path)
    if opened.taken_over_note():
        sys.stderr.write(f"safer-desk: {opened.taken_over_note()}\n")
    if opened.announcement():
        UPGRADED.append(opened.store.path)
        sys.stderr.write(f"safer-desk: {opened.announcement()}\n")
    return opened.store


def after_an_upgrade(message: str) -> str:
    """A command's refusal after its open upgraded the file (said above it): "Nothing was changed" followed "has
    been upgraded", on a disk with room for the upgrade but not the change. The upgrade is kept; only the command's
    own change was not made."""
    if not UPGRADED:
        return message
    kept = f"the upgrade of {UPGRADED[-1].name} said above is kept"
    for said in ("Nothing was changed", "nothing was changed"):
        if said in message:
            return message.replace(said, f"{'T' if said[0] == 'N' else 't'}he command's change was not made ({kept})",
                                   1)
    return message


def saves_left_beside() -> list[str]:
    """What is said of a file this run changed whose saves are still in its -wal after it was closed: closing
    writes them into the file, and a full disk (or a program still reading it) stopped that. The -wal is part of
    the file until it is next opened for writing, so it must never be deleted."""
    notes = []
    for path in dict.fromkeys(OPENED_TO_CHANGE):
        wal = Path(f"{path}-wal")
        with contextlib.suppress(OSError):
            if wal.stat().st_size:
                notes.append(f"{path.name}: its last saves could not be written into the file as the command closed "
                             f"it (the disk is full, or another program is reading it): they are kept in {wal.name} "
                             "beside it, part of the file until it is next opened with room on the disk. Keep the two "
                             "together and never delete the -wal file.")
    return notes


def office_file_given(path: str, *, say: bool = True) -> str:
    """FILE of a command that makes it when it is not there (demo, import-police, merge): the file itself when it is
    there (one made without an ending still opens), else the new file's name with .sqlite added unless it ends as
    File > Open lists (.sqlite, .sqlite3, .db), as File > New adds it: without it, Open's filter did not list the
    file. The name added to is said (say), on stderr, for a command that does not name the file it wrote."""
    from safer_desk.services.files import new_office_file_name

    if Path(path).exists():
        return path
    named = str(new_office_file_name(path))
    if say and named != path and not Path(named).exists():  # (one there was said in main: _with_office_ending)
        print(f"safer-desk: note: the new file is {named} (a Safer Desk file's name ends .sqlite, as File > New "
              "names it, so that File > Open lists it)", file=sys.stderr)
    return named


def refuse_new_file_name(path: str | Path) -> None:
    """A command that makes FILE when it does not exist never makes it under another kind of file's name
    (most likely the files given in the wrong order): a usage error, before anything is read or made."""
    from safer_desk.storage.store import WrongKindOfName, refuse_other_kind_of_name

    if not Path(path).exists():
        try:
            refuse_other_kind_of_name(Path(path))
        except WrongKindOfName as exc:
            raise CliError(f"{exc} The Safer Desk FILE comes first, then the files it reads.", code=2) from exc


def refuse_files_swapped(file: str | Path, readers: Iterable[str | Path], *, usage: str = "") -> None:
    """FILE naming what the command reads (a folder, a CSV, a zip, a workbook) and a file to read named as a Safer
    Desk file (office.sqlite): the two given in the wrong order. A usage error, before anything is read or made,
    rather than "street.csv is not a Safer Desk file" or "there is no file at office.sqlite" (one the command makes).
    FILE left out (`import-police street.csv folder`), a file or folder to read there is said the same way, with the
    command's usage (usage), rather than "not a Safer Desk file" with no word of the order."""
    from safer_desk.storage.store import OTHER_KINDS_OF_FILE

    file = Path(file)
    if not (file.is_dir() or file.suffix.lower() in OTHER_KINDS_OF_FILE):
        return
    office = next((Path(r) for r in readers if Path(r).suffix.lower() in OFFICE_FILE_ENDINGS), None)
    if office is not None:
        raise CliError(f"{file.name} is given as the Safer Desk FILE and {office.name} as a file to read: the Safer "
                       "Desk FILE comes first, then the files it reads. Nothing was read or changed.", code=2)
    if file.exists():  # (a name not there yet is refuse_new_file_name's, or the command's "there is no file")
        what = "a folder" if file.is_dir() else OTHER_KINDS_OF_FILE[file.suffix.lower()]
        order = f" ({usage})" if usage else ""
        raise CliError(f"{file.name or file} is {what}, given where the Safer Desk FILE goes. The Safer Desk FILE "
                       f"comes first, then the files it reads{order}. Nothing was read or changed.", code=2)


OFFICE_FILE_ENDINGS = (".sqlite", ".sqlite3", ".db")  # services.files.OFFICE_SUFFIXES (not imported: start-up)


def refuse_out_first(file: str | Path, out: str | Path, *, outputs: tuple[str, ...], usage: str) -> None:
    """OUT given before FILE (`export county.xlsx office.sqlite`, `report board.pdf office.sqlite`): FILE named as
    the command's OUT is (one of outputs) and OUT as a Safer Desk file, or, for an .sqlite export, OUT an office's
    own file and FILE a new name or an export. A usage error, before anything is read or written, rather than
    "there is no file at county.xlsx" or "office.sqlite: the report must end in .pdf" with no word of the order."""
    from safer_desk.storage.store import holds_data

    file, out = Path(file), Path(out)
    others = set(outputs) - set(OFFICE_FILE_ENDINGS)  # (an .sqlite export's OUT is named as FILE is)
    swapped = file.suffix.lower() in others and out.suffix.lower() in OFFICE_FILE_ENDINGS
    if not swapped and ".sqlite" in outputs and file.suffix.lower() in OFFICE_FILE_ENDINGS:
        swapped = out.is_file() and holds_data(out) and not (file.is_file() and holds_data(file))
    if swapped:
        raise CliError(f"{file.name} is given as the Safer Desk FILE and {out.name} as OUT: the Safer Desk FILE "
                       f"comes first, then OUT ({usage}). Nothing was read or written.", code=2)


def refuse_empty_area(area: str | None, option: str = "--area") -> None:
    """`--area ""` (a script's "$AREA" left empty) refused as `budget FILE ""` refuses an empty plan, rather than
    read as every area (report) or as a name no area has (indicators)."""
    if area is not None and not area.strip():
        if option == "AREA":  # (a command's AREA, not left out)
            raise CliError("AREA: the area's name is empty: give a district's, partnership's or county's name. "
                           "Nothing was read or written.")
        raise CliError("--area: the area's name is empty: give a district's, partnership's or county's name, or "
                       "leave --area out for every area. Nothing was read or written.")


def refuse_name_first(file: str | Path, name: str, *, what: str, usage: str) -> None:
    """FILE not there and the word after it (the fund's, plan's or area's name) a file that is: the two given the wrong
    way round (`fund "Suffolk Target Hardening Pilot" office.sqlite`). A usage error naming the file and the order,
    rather than "there is no file at Suffolk Target Hardening Pilot" alone."""
    try:
        swapped = not Path(file).exists() and bool(name) and Path(name).is_file()
    except OSError:  # (a name no file can have on this system)
        swapped = False
    if swapped:
        raise CliError(f"there is no file at {file}; {Path(name).name}, given as {what}, is the file: the Safer Desk "
                       f"FILE comes first ({usage}). Nothing was read or changed.", code=2)


def refuse_missing_file(path: str | Path) -> None:
    """FILE, the file a command is about, not there: said before anything about OUT (an OUT that exists, or in a folder
    not made yet), so the officer who adds --replace or makes the folder is not then told there is no FILE at all."""
    if not Path(path).exists():
        raise CliError(f"there is no file at {path}")


def refuse_output(out: str | Path) -> None:
    """OUT names a file to write: not a folder, and in a folder that exists. A mistyped folder is refused,
    as any program refuses it, rather than made (with the report or the export in it, where nobody looks); nor
    a new name Windows refuses ("Suffolk: county.sqlite", CON.xlsx), which the writer would refuse only after the
    work (a merge's checks, a report's pages) was done."""
    from safer_desk.storage.safe_write import WriteFailed, folder_problem, full_folder, refuse_new_name_windows_refuses

    out = Path(out)
    if out.is_dir():
        raise CliError(f"{out.name or out} is a folder: name the file to write in it (or another name). "
                       "Nothing was written.")
    try:
        refuse_new_name_windows_refuses(out)
    except WriteFailed as exc:
        raise CliError(str(exc)) from None
    problem = folder_problem(out)
    if problem:
        raise CliError(f"The folder {full_folder(out)} {problem} (check the path, or make the folder first). "
                       "Nothing was written.")


REPLACE_HELP = "replace OUT if it exists (without it, an existing OUT is refused and left as it was)"


def refuse_existing_output(out: str | Path, replace: bool) -> None:
    """OUT already there is replaced only when --replace says so (the window asks first): refused before anything
    is read or written, naming the file and the option, so a script's second run never overwrites the first's."""
    out = Path(out)
    if replace or not out.exists() or out.is_dir():  # a folder is refuse_output's to say
        return
    raise CliError(f"{out.name} already exists: add --replace to replace it, or name another file. Nothing was "
                   "written.")


@contextlib.contextmanager
def store_for_writing(path: str | Path):
    """Open (creating if missing) a file to write; if the command fails, a file it created is removed,
    so a failed command leaves the disk as it was."""
    path = Path(path)
    existed = path.exists()
    store = open_for_writing(path)
    try:
        yield store
    except BaseException:
        store.close()
        if not existed:
            for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", ".lock"))):
                leftover.unlink(missing_ok=True)
        raise
    store.close()


# The file a command's --output names (``csv_output_option``): its CSV is written there instead of printed.
CSV_OUTPUT: list[Path] = []
CSV_WRITTEN: list[Path] = []  # the file, once its CSV is written


def print_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    from safer_desk.exchange.files import csv_text

    if CSV_OUTPUT:  # UTF-8 with its mark, written whole or not at all: £ read as £ by Excel and Windows PowerShell
        from safer_desk.exchange.files import write_csv

        CSV_WRITTEN.append(write_csv(CSV_OUTPUT[0], header, rows))
        return
    if sys.stdout is None:  # no output at all (the build without a console, `>&-`): nowhere to write, as print
        return
    text = csv_text(header, rows)
    encoding = getattr(sys.stdout, "encoding", None)
    if _say_letters_lost(text, encoding):  # "?" in a CSV, never the stand-in a message gets (a quote mark ends a value)
        text = text.encode(encoding, errors="replace").decode(encoding)
    if _new_utf8_file_on_windows(sys.stdout, encoding):
        text = "\ufeff" + text  # the mark Excel needs to read UTF-8 (else "£" shows as "Â£"), as write_csv writes
    sys.stdout.write(text)
    sys.stdout.flush()


ON_WINDOWS = os.name == "nt"

# What a message on standard error says where the code page has no letter for a character (cp850 in a console set
# so, cp1252 redirected to a file), and on standard output (an import's summary): a plain stand-in that keeps its
# sense, else its letter without the accent ("ŵ" as "w"), else "?". A CSV printed keeps "?" (print_csv;
# _say_letters_lost says so): a stand-in quote mark there would end a value.
PLAIN_STAND_INS = "safer_desk.plain_stand_ins"
_STAND_INS = {**dict.fromkeys("“”„‟″«»", '"'), **dict.fromkeys("‘’‚‛′", "'"), **dict.fromkeys("‐‑‒–—―−", "-"),
              "→": "->", "←": "<-", "…": "...", "≥": ">=", "≤": "<=", "≠": "!=", "×": "x", "÷": "/", "•": "*",
              "\u00a0": " ", "\u202f": " ", "\u2009": " "}


def _plain_stand_ins(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return "".join(_stand_in(c, exc.encoding) for c in exc.object[exc.start:exc.end]), exc.end


def _stand_in(letter: str, encoding: str) -> str:
    import unicodedata

    said = _STAND_INS.get(letter) or unicodedata.normalize("NFKD", letter)[:1]
    try:
        said.encode(encoding)
    except UnicodeEncodeError:
        return "?"
    return said if said != letter else "?"


codecs.register_error(PLAIN_STAND_INS, _plain_stand_ins)


def _new_utf8_file_on_windows(stream: Any, encoding: str | None) -> bool:
    """Standard output redirected on Windows into a new, empty file (`> register.csv`) in UTF-8 (PYTHONUTF8=1, as the
    guide says to keep the ŵ of Welsh names): Excel, opening it, reads UTF-8 only after its mark. Not a pipe, a
    console, a file appended to (`>>`), another code page, nor Linux and macOS, where a script reads the output."""
    import stat

    if not ON_WINDOWS or not encoding:
        return False
    try:
        if codecs.lookup(encoding).name != "utf-8":
            return False
        stream.flush()
        info = os.fstat(stream.fileno())
    except (LookupError, OSError, AttributeError, ValueError):  # (a capture with no file behind it)
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size == 0


def _say_letters_lost(text: str, encoding: str | None) -> bool:
    """Output redirected on Windows (`safer-desk projects FILE > register.csv`) is written in the code page, cp1252,
    and what it has no letter for (the ŵ and ŷ of Welsh names, "√") is printed as "?" (cli.main): said on standard
    error, with the way to keep them, rather than names changed in the CSV unsaid. True when it was said."""
    if not encoding:
        return False
    try:
        text.encode(encoding)
        return False
    except UnicodeEncodeError:
        pass
    except LookupError:
        return False
    lost = sorted(c for c in set(text) if _unwritable(c, encoding))
    said_in = getattr(sys.stderr, "encoding", None) or "utf-8"
    letters = ", ".join(_letter_named(c, said_in) for c in lost[:5]) + (" …" if len(lost) > 5 else "")
    print(f"safer-desk: warning: this output is written as {encoding}, which has no {letters}: printed as “?”. "
          "Set PYTHONUTF8=1 to write UTF-8 and keep them.", file=sys.stderr)
    return True


def _letter_named(letter: str, encoding: str) -> str:
    """"ŵ (U+0175)"; where standard error cannot write the letter either (its stand-in "w" would say the wrong
    letter is lost), "U+0175 (latin small letter w with circumflex)"."""
    import unicodedata

    if not _unwritable(letter, encoding):
        return f"{letter} (U+{ord(letter):04X})"
    return f"U+{ord(letter):04X} ({unicodedata.name(letter, 'a character').lower()})"


def _unwritable(letter: str, encoding: str) -> bool:
    try:
        letter.encode(encoding)
    except UnicodeEncodeError:
        return True
    return False


def flush_output() -> None:
    """What the command printed, written out now (before the summary a slow reader waits for); with no output at
    all (sys.stdout None, where ``print`` writes nowhere) there is nothing to flush."""
    if sys.stdout is not None:
        sys.stdout.flush()
