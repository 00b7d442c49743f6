"""What a file people bring is, by its first bytes, when it is not the kind its reader takes.

Standard library only, and nothing else of ours: the police.uk import's helper processes import it. In storage, so
that opening a file, checking it and merging it say alike what a file that is not a Safer Desk file is.
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
