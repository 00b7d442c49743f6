"""What a file people bring is, by its first bytes, when it is not the kind its reader takes.

Standard library only, and nothing else of ours: the police.uk import's helper processes import it. In storage, so
that opening a file, checking it and merging it say alike what a file that is not a Safer Desk file is (a file's
journal given in its place, an SQLite database compressed with gzip: ``journal_or_packed``).
"""

from __future__ import annotations

from pathlib import Path

# How such files begin, and what to call them.
SQLITE_START = b"SQLite format 3\x00"  # a Safer Desk file (an office's, a county's, an export)
_STARTS = ((b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Excel 97-2003 workbook (.xls) or a workbook protected with a "
                                                 "password"),
           (b"%PDF", "a PDF"), (SQLITE_START, "an SQLite database (a Safer Desk file?)"))


def other_kind_of_file(data: bytes) -> str | None:
    """What the file is, in words, when it is recognisably neither CSV text nor an .xlsx workbook: "empty (0 bytes)",
    "an Excel 97-2003 workbook (.xls) or …", "an OpenDocument spreadsheet (LibreOffice's .ods)", "a PDF"; else
    None."""
    if not data:
        return "empty (0 bytes)"
    if data.startswith(b"PK") and b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet" in data[:100]:
        return "an OpenDocument spreadsheet (LibreOffice's .ods)"
    return next((words for start, words in _STARTS if data.startswith(start)), None)


def workbook_in_zip(names: list[str]) -> str | None:
    """What a zip is when its members make it a spreadsheet rather than a folder of files, else None."""
    if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
        return "an Excel workbook (.xlsx)"
    if "mimetype" in names and "content.xml" in names:
        return "an OpenDocument spreadsheet (LibreOffice's .ods)"
    return None


def what_file_is(path: Path, header: bytes) -> str:
    """What a file that is not an SQLite database is, by its first bytes ("an Excel workbook (.xlsx)", "a PDF", "a zip
    file" …), or "not an SQLite database" when it is none of the kinds known here."""
    if header.startswith(b"PK"):
        import zipfile

        try:
            with zipfile.ZipFile(path) as archive:
                return workbook_in_zip(archive.namelist()) or "a zip file"
        except (zipfile.BadZipFile, OSError):
            return "a damaged zip file"
    return other_kind_of_file(header) or "not an SQLite database"


WAL_STARTS = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")  # a -wal's magic number, either byte order
JOURNAL_START = bytes.fromhex("d9d505f920a163d7")  # a rollback journal's, once marked to be played back
GZIP_START = b"\x1f\x8b"


def journal_or_packed(path: Path, head: bytes, *, to: str = "open") -> str:
    """What a file's journal given in its place is (FILE-wal, FILE-journal, FILE-shm: told by its name, and a -wal or
    -journal by its first bytes too), or an SQLite database compressed with gzip (the example ships so), with the
    file to give instead ("it is the journal (-wal) of office.sqlite beside it (…), not a file of its own: open
    office.sqlite instead, …"); "" for any other file. ``to``: what the person was doing ("open", "check"), said
    as what to do instead. `check`, opening (the window, `safer-desk FILE`, every command) and the merge say it so."""
    name = path.name
    side = next((s for s in ("-wal", "-journal", "-shm") if name.endswith(s) and len(name) > len(s)), "")
    marked = {"-wal": head[:4] in WAL_STARTS, "-journal": head.startswith(JOURNAL_START)}.get(side, False)
    main = path.with_name(name[:-len(side)]) if side else path
    if side and (marked or main.is_file()):  # (a -shm has no mark of its own: only beside its file)
        holds = {"-wal": "that file's last saves, read with it",
                 "-journal": "what undoes a change to that file that was interrupted",
                 "-shm": "SQLite's index of that file's -wal"}[side]
        if main.is_file():
            return (f"it is the journal ({side}) of {main.name} beside it ({holds}), not a file of its own: {to} "
                    f"{main.name} instead, and keep the two together (never delete the journal)")
        return (f"it is the journal ({side}) of a file {main.name} that is not beside it, not a file of its own: it "
                "belongs with that file, so keep it")
    if head.startswith(GZIP_START):
        import gzip
        import zlib

        try:
            with gzip.open(path, "rb") as packed:
                inside = packed.read(len(SQLITE_START))
        except (OSError, EOFError, zlib.error):
            return ""
        if inside == SQLITE_START:
            return ("it is an SQLite database compressed with gzip (.gz): uncompress it first (7-Zip does it on "
                    f"Windows) and {to} the file inside")
    return ""
