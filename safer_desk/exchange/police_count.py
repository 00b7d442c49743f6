"""Counting data.police.uk street files: each file's SHA-256, its UTF-8 check and its rows per month, force,
LSOA district and crime type, exactly as police_uk (which finds the files and runs the import) needs them.

Apart from police_uk so that a helper process of a big import (police_uk.StreetReader) starts with this module
alone: `python -m safer_desk.exchange.police_count` (the packaged program: the program itself with
HELPER_ARGUMENT) reads, hashes and counts each file it is sent on its standard input and answers on its standard
output (``helper_main``). It needs nothing but the standard library's core (no dataclasses, zipfile, pathlib or
multiprocessing), so it is up in a few hundredths of a second of a core; multiprocessing's "spawn" started a
second interpreter for its resource tracker and imported its own machinery and police_uk's in each helper,
about 0.15 s of the cores the counting needs (issue 16).
"""

from __future__ import annotations

import codecs
import hashlib
import marshal
import re
import sys
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

NEEDED = ["Month", "Reported by", "LSOA name", "Crime type"]
LSOA_CODE_SUFFIX = re.compile(r"\s+\d{3}[A-Z]$")
# What pyarrow's utf8_trim_whitespace (the engine before) took for white space: Unicode's White_Space.
WHITE_SPACE = ("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
               "\u200a\u2028\u2029\u202f\u205f\u3000")
# What DuckDB's regular expressions (the engine before) took "\s+\d{3}[A-Z]$" to mean: ASCII white space, and
# "$" only at the very end of the text.
RE2_CODE_SUFFIX = re.compile(r"[\t\n\f\r ]+[0-9]{3}[A-Z]\Z")
FAST_CHUNK = 1 << 20  # bytes of whole lines split at once
HELPER_ARGUMENT = "--safer-desk-police-helper"  # the packaged program started as a helper (packaging/entry.py)
READY = "ready"  # a helper's first answer: it is up

CountKey = tuple[str, str, str, str]  # (force, month, district as the file had it, crime type)


class PoliceFileError(ValueError):
    """A file that cannot be imported; the message names the file (and line)."""


class FileToCount:
    """What counting a file needs of it (a police_uk.StreetFile has it too): where it is, its header, and what
    messages call it."""

    __slots__ = ("path", "header", "shown")

    def __init__(self, path, header: tuple[str, ...], shown: str):
        self.path, self.header, self.shown = path, tuple(header), shown


def _read_bytes(path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def _not_utf8(shown: str, line: int, byte: int) -> PoliceFileError:
    return PoliceFileError(
        f"{shown} is not UTF-8 text: line {line} has a byte (0x{byte:02X}) that UTF-8 does not allow. Files from "
        "data.police.uk are plain text, so it was probably saved again by another program (Excel saves “CSV” "
        "in the Windows code page). Download it again; nothing was imported.")


def _fingerprint(data: bytes, shown: str) -> tuple[str, PoliceFileError | None]:
    """SHA-256 of a file's bytes, and whether all of it is UTF-8 text (else the line of the first bad byte)."""
    digest = hashlib.sha256(data).hexdigest()  # releases the GIL: the counting goes on meanwhile
    if data.isascii():  # police.uk's files are: checking that is ~20x cheaper than decoding
        return digest, None
    try:
        codecs.utf_8_decode(data, "strict", True)
    except UnicodeDecodeError as exc:  # exc.start: the first byte of the first bad (or cut) character
        return digest, _not_utf8(shown, _line_breaks(data[:exc.start], False) + 1, data[exc.start])
    return digest, None


def _line_breaks(data: bytes, previous_cr: bool) -> int:
    n = data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")
    if previous_cr and data.startswith(b"\n"):
        n -= 1  # the CR that ended the last chunk and this LF are one line break
    return n


def _layout(header: tuple[str, ...]) -> tuple[int, ...]:
    """(columns, position of Month, Reported by, LSOA name, Crime type), by the header's own names."""
    names = [c.strip() for c in header]
    return (len(names), *(names.index(c) for c in NEEDED))


@lru_cache(maxsize=65536)
def _clean(text: bytes) -> str:
    return text.decode("utf-8", "replace").strip(WHITE_SPACE)


@lru_cache(maxsize=65536)
def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


class _Districts(dict):
    """An LSOA name as the file has it (bytes) -> its district: "Babergh 001A" -> "Babergh", worked out once per
    name (a county's decade has a few thousand names in a million rows)."""

    def __missing__(self, raw: bytes) -> str:
        # The engines before cut the code off the name as the file had it (DuckDB's regular expressions:
        # white space there is ASCII and "$" is the very end), then trimmed it and cut again: "X 001A 002B" is
        # "X" and " Babergh 001A " is "Babergh", as before.
        district = LSOA_CODE_SUFFIX.sub("", RE2_CODE_SUFFIX.sub("", _text(raw)).strip(WHITE_SPACE))
        self[raw] = district
        return district


class _Ragged(Exception):
    """A record the reader refuses: where it starts (line 1 is the header) and why."""

    def __init__(self, line: int, found: int | None = None):
        super().__init__(line, found)
        self.line, self.found = line, found  # found: the columns read; None: a quoted value never closed


# Every byte but the comma and the line feed: deleting them leaves a body's shape (see _fast_count).
_NOT_SHAPE = bytes(b for b in range(256) if b not in b",\n")


def _fast_count(data: bytes, layout: tuple[int, ...], districts: _Districts) -> tuple[Counter, int] | None:
    """The counts of a file with no double quote and the same columns on every line, or None (read it line by line).

    A chunk of whole lines at a time (so that neither memory nor any one step of C code, which holds the GIL
    the window's thread needs, grows with the file): its shape first, in C (with every other byte deleted,
    k = columns - 1 commas and a line feed per line), then split at every comma at once: field j of line i
    is item i * k + j (the last field of a line and the first of the next run together across the line feed
    between them), so each column counted is a slice. No Python code runs per row.
    """
    columns, month, force, lsoa, crime = layout
    k = columns - 1
    if not 0 < min(month, force, lsoa, crime) <= max(month, force, lsoa, crime) < k or b'"' in data:
        return None
    if b"\r" in data:  # CR LF or CR alone, each a line break as before
        if b"\n" not in data:
            data = data.replace(b"\r", b"\n")
        elif data.count(b"\r") == data.count(b"\r\n"):
            data = data.replace(b"\r\n", b"\n")
        else:
            return None
    end = len(data)
    while end and data[end - 1] == 10:  # empty lines at the end are skipped
        end -= 1
    line = b"," * k + b"\n"
    counts: Counter = Counter()
    rows, start, skip = 0, 0, k  # the header's fields are skipped
    while start < end:
        stop = end if end - start <= FAST_CHUNK else data.rfind(b"\n", start, start + FAST_CHUNK)
        if stop <= start:  # one line longer than a chunk
            stop = data.find(b"\n", start + FAST_CHUNK, end)
            stop = end if stop < 0 else stop
        chunk = data[start:stop] if stop < end else data[start:] if start else data
        shape = chunk.translate(None, _NOT_SHAPE)
        if stop == end and end < len(data):
            shape = shape[:end - len(data)]  # the line feeds of the empty lines at the end
        lines, rest = divmod(len(shape) + 1, k + 1)
        if rest or shape != line * (lines - 1) + b"," * k:
            return None  # an empty line, or a line with too many or too few columns
        rows += lines - (skip > 0)
        fields = chunk.split(b",")  # the last chunk's empty lines only lengthen its last column, never counted
        months, forces = fields[skip + month::k], fields[skip + force::k]
        districts_ = map(districts.__getitem__, fields[skip + lsoa::k])
        if months and months.count(months[0]) == len(months) and forces.count(forces[0]) == len(forces):
            for (district, crime_type), n in Counter(zip(districts_, fields[skip + crime::k])).items():
                counts[(months[0], forces[0], district, crime_type)] += n  # one force-month: every file
        else:
            counts.update(zip(months, forces, districts_, fields[skip + crime::k]))
        start, skip = stop + 1, 0
    if (empty := (b"", b"", "", b"")) in counts:  # perhaps lines of commas only: passed over, as _records does
        emptied = len(re.findall(rb"^,{%d}$" % k, data[:end], re.M))
        counts[empty] -= emptied
        rows -= emptied
        if not counts[empty]:
            del counts[empty]
    return counts, rows


QUOTE_START = re.compile(rb' *"')
QUOTED_VALUE = re.compile(rb' *"([^"]*+(?:""[^"]*+)*+)"')  # spaces before the quote allowed, as before
UNQUOTED_VALUE = re.compile(rb'[^,\r\n]*')


def _records(lines: list[bytes], layout: tuple[int, ...]) -> Iterator[tuple[int, list[bytes]]]:
    """(line, values) of each record after the header, the slow and exact way: any of CR LF, LF and CR ends a
    line; an empty line, or one of commas only (what Excel saves of a row whose contents were deleted), is skipped
    (but counted in line numbers); a value may be quoted (spaces before and after the quotes allowed), with quotes
    doubled inside it and line breaks that do not end the record (nor count as lines). A record with too many or
    too few values, or a quoted value never closed (or followed by anything but spaces and a comma or the line's
    end), raises _Ragged."""
    columns = layout[0]
    empty = b"," * (columns - 1)
    number, i = 1, 1  # line 1, lines[0], is the header
    while i < len(lines):
        number += 1
        line = lines[i]
        i += 1
        content = line.rstrip(b"\r\n")
        if not content or content == empty:
            continue
        if b'"' not in content:
            values = content.split(b",")
        else:
            record, values, pos = line, [], 0
            while True:
                if QUOTE_START.match(record, pos):
                    quoted = QUOTED_VALUE.match(record, pos)
                    if quoted is None:
                        if i == len(lines):
                            raise _Ragged(number)
                        record += lines[i]  # a line break inside quotes: the record goes on
                        i += 1
                        continue
                    values.append(quoted.group(1).replace(b'""', b'"'))
                    pos = quoted.end()
                    while record[pos:pos + 1] == b" ":
                        pos += 1
                else:
                    end = UNQUOTED_VALUE.match(record, pos).end()
                    values.append(record[pos:end])
                    pos = end
                nxt = record[pos:pos + 1]
                if nxt == b",":
                    pos += 1
                    continue
                if nxt in (b"", b"\r", b"\n"):
                    break
                raise _Ragged(number)
        if len(values) != columns:
            # DuckDB, the engine before, stopped reading a long row at the first value too many.
            raise _Ragged(number, min(len(values), columns + 1))
        yield number, values


def _slow_count(data: bytes, layout: tuple[int, ...], districts: _Districts) -> tuple[Counter, int]:
    _, month, force, lsoa, crime = layout
    counts: Counter = Counter()
    rows = 0
    for _, values in _records(data.splitlines(keepends=True), layout):
        counts[(values[month], values[force], districts[values[lsoa]], values[crime])] += 1
        rows += 1
    return counts, rows


def _count_file(f: FileToCount, districts: _Districts, data: bytes | None = None
                ) -> tuple[dict[CountKey, int], int, PoliceFileError | None]:
    """A street file's counts (force, month, district, crime type) -> rows and its rows, or the first record
    it refuses (as a PoliceFileError, raised by the caller in its turn); its bytes read here unless given."""
    layout = _layout(f.header)
    if data is None:
        data = _read_bytes(f.path)
    try:
        counted = _fast_count(data, layout, districts) or _slow_count(data, layout, districts)
    except _Ragged as ragged:
        return {}, 0, PoliceFileError(_ragged_message(f, ragged, layout[0]))
    counts, rows = counted
    per_file: dict[CountKey, int] = {}
    for (month, force, district, crime_type), n in counts.items():
        key = (_clean(force), _text(month), district, _clean(crime_type))
        per_file[key] = per_file.get(key, 0) + n
    return per_file, rows, None


def _ragged_message(f: FileToCount, ragged: _Ragged, columns: int) -> str:
    if ragged.found is None:
        return (f"{f.shown} is damaged or cut short at line {ragged.line}: a quoted value is never closed. Download "
                "the file again; nothing was imported.")
    found = f"{ragged.found} column{'s' if ragged.found != 1 else ''}"
    return (f"{f.shown} is damaged or cut short at line {ragged.line}: it has {found} where {columns} were "
            "expected. Download the file again; nothing was imported.")


def cannot_read(shown: str, exc: BaseException) -> PoliceFileError:
    """Why a file cannot be read, and what to do: Windows refuses a file open in Excel (PermissionError)."""
    why = getattr(exc, "strerror", None) or exc
    close = (": if it is open in Excel (or another program), close it there and import again"
             if isinstance(exc, PermissionError) else
             ": it was moved or deleted while it was imported, or the drive it is on went away. Put it back (or "
             "choose it where it is now) and import again" if isinstance(exc, FileNotFoundError) else
             ": if it is on a network drive or a memory stick, copy it to this computer and import the copy"
             if isinstance(exc, OSError) else "")
    return PoliceFileError(f"{shown} cannot be read ({why}){close}; nothing was imported.")


def _read_file(f: FileToCount) -> tuple[bytes | None, tuple[str, PoliceFileError | None]]:
    """A file's bytes and fingerprint (SHA-256, and whether it is UTF-8); None and why when it cannot be read."""
    try:
        data = _read_bytes(f.path)
        return data, _fingerprint(data, f.shown)
    except OSError as exc:
        return None, ("", cannot_read(f.shown, exc))
    except Exception as exc:  # never leave the caller waiting for a file that will not come
        return None, ("", cannot_read(f.shown, exc))


def _count_here(f: FileToCount, districts: _Districts, data: bytes | None) -> tuple[dict[CountKey, int], int,
                                                                                  PoliceFileError | None]:
    """_count_file, with a file that cannot be read (again) as its problem; anything else unexpected raises."""
    try:
        return _count_file(f, districts, data)
    except OSError as exc:
        return {}, 0, cannot_read(f.shown, exc)


# -- the helper process ---------------------------------------------------------------------------------
# What goes through the pipes is marshal's (the interpreter's own format for plain values): each file as
# (path, header, shown); each answer as (fingerprint, counts), a PoliceFileError as its message.
def _plain_problem(problem: PoliceFileError | None) -> str | None:
    return None if problem is None else str(problem)


def _problem(message: str | None) -> PoliceFileError | None:
    return None if message is None else PoliceFileError(message)


def _standard_stream(stream, fd: int, mode: str):
    """A standard stream's bytes: the packaged program built without a console (Windows) may have no sys.stdin
    or sys.stdout, but still the pipes it was started with."""
    return stream.buffer if stream is not None else open(fd, mode, closefd=False)


def helper_main(stdin=None, stdout=None) -> None:
    """A helper process of a big import: reads, fingerprints and counts each file it is sent (in order, until None
    or the pipe closes) exactly as the first process does, and answers (fingerprint, counts), or (fingerprint,
    None) when counting failed unexpectedly (the first process then counts that file itself and meets the
    problem there). It writes nothing anywhere but its answers."""
    stdin = stdin or _standard_stream(sys.stdin, 0, "rb")
    stdout = stdout or _standard_stream(sys.stdout, 1, "wb")
    sys.stdout = sys.stderr  # nothing printed by mistake can reach the answers
    districts = _Districts()

    def answer(value) -> bool:
        try:
            marshal.dump(value, stdout)
            stdout.flush()
            return True
        except (OSError, ValueError):  # the first process has gone: nothing to answer to
            return False

    if not answer(READY):  # up (the first process sends files only now: see police_uk.StreetReader._help)
        return
    while True:
        try:
            sent = marshal.load(stdin)
        except (EOFError, OSError, ValueError, TypeError):
            return
        if sent is None:
            return
        f = FileToCount(*sent)
        data, (digest, problem) = _read_file(f)
        try:
            per_file, rows, refused = _count_here(f, districts, data if digest else None)
            counted = (per_file, rows, _plain_problem(refused))
        except Exception:
            counted = None
        if not answer(((digest, _plain_problem(problem)), counted)):
            return


class HelperPipe:
    """The first process's end of a helper's pipes: send(file) and recv() as multiprocessing's Connection had
    them (recv raises EOFError once the helper has gone)."""

    def __init__(self, to_helper, from_helper):
        self.to_helper, self.from_helper = to_helper, from_helper

    def send(self, f) -> None:
        value = None if f is None else (str(f.path), tuple(f.header), f.shown)
        marshal.dump(value, self.to_helper)
        self.to_helper.flush()

    def recv(self):
        answer = marshal.load(self.from_helper)  # EOFError when the helper has gone
        if answer == READY:
            return READY
        (digest, problem), counted = answer
        if counted is not None:
            counted = (counted[0], counted[1], _problem(counted[2]))
        return (digest, _problem(problem)), counted

    def close(self) -> None:
        for stream in (self.to_helper, self.from_helper):
            try:
                stream.close()
            except OSError:  # a pipe whose other end has gone: closing it is all that is wanted
                pass


if __name__ == "__main__":
    helper_main()
