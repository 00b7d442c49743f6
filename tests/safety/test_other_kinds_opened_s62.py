"""An office's .xlsx workbook (or a PDF) renamed .sqlite: the county's merge said "it is an Excel workbook (.xlsx)",
but opening it, or `safer-desk check`, said only "not an SQLite database at all", words an officer cannot act on.
Every reader says what the file is, by its first bytes, as the merge does."""

from __future__ import annotations

import zipfile

import pytest

from safer_desk.services.integrity import check_file
from safer_desk.storage.store import NotADatabase, inspect_file
from tests.cli_run import run


def _workbook(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return path


def test_a_workbook_renamed_sqlite_is_said_to_be_a_workbook_when_opened(tmp_path):
    path = _workbook(tmp_path / "babergh.sqlite")
    with pytest.raises(NotADatabase, match=r"it is an Excel workbook \(\.xlsx\), not an SQLite database"):
        inspect_file(path)


def test_check_says_what_the_file_is(tmp_path, capsys):
    workbook = _workbook(tmp_path / "babergh.sqlite")
    assert any("an Excel workbook (.xlsx)" in line for line in check_file(workbook).lines())
    pdf = tmp_path / "board.sqlite"
    pdf.write_bytes(b"%PDF-1.7\n...")
    code, out, err = run(capsys, "check", pdf)
    assert code == 1 and "it is a PDF, not an SQLite database" in out + err


def test_text_that_is_no_kind_we_know_is_still_not_an_sqlite_database(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("minutes of the board", encoding="utf-8")
    with pytest.raises(NotADatabase, match="not an SQLite database at all"):
        inspect_file(path)
