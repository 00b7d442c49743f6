"""Session 70: an export whose table layout was spoilt on the way (a byte of its schema text no longer UTF-8, as a bad
copy or e-mail attachment leaves it) is refused as damaged, in plain words, by `merge`, `check` and the commands
that read a file, the county file unchanged.

Seen (found by changing bytes of a real export at random): SQLite said "malformed database schema
(project_cost_lines) - near "\\xb9…": syntax error", Python could not decode its own error message, and every command
stopped with a traceback ending "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xb9": `merge` before saying
whether the county file was changed, `check` of the file it is there to diagnose, `projects` and the window's opening.
"""

from __future__ import annotations

import pytest

from safer_desk.exchange.county_merge import ExportRefused, read_export
from tests.exchange.district_offices import district_exports
from tests.exchange.helpers import cli_output, file_sha256

BAD_BYTE = b"\xb9"  # never the first byte of a UTF-8 character


def spoil_schema_text(path, where: str, table: str = "project_cost_lines") -> None:
    """One byte of the table's CREATE statement in the file's schema made a byte UTF-8 never starts a character
    with (the statement keeps its length: only the text is spoilt, as a bad copy spoils it): where "name", the first
    of a column's name, which SQLite reads as a name; "syntax", its opening bracket, which SQLite cannot read."""
    data = bytearray(path.read_bytes())
    at = data.find(f"CREATE TABLE {table} (".encode())
    assert at > 0, "the table's statement is in the file"
    at = data.index(b"amount_pence", at) if where == "name" else at + len(f"CREATE TABLE {table} ")
    data[at] = BAD_BYTE[0]
    path.write_bytes(bytes(data))


@pytest.fixture(params=["syntax", "name"])
def spoilt(tmp_path, request):
    (path,) = district_exports(tmp_path, ["Babergh"])
    spoil_schema_text(path, request.param)
    return path


@pytest.fixture
def county(tmp_path):
    from safer_desk.storage.store import open_store

    store = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    store.close()
    return tmp_path / "county.sqlite"


def test_merge_refuses_it_as_damaged_and_leaves_the_county_file(spoilt, county):
    before = file_sha256(county)
    code, out, err = cli_output(["merge", str(county), str(spoilt)])
    assert code == 1, out
    assert ("babergh-export.sqlite cannot be merged: the file is damaged: parts of it cannot be read (it was spoilt on "
            "the way, by a bad copy, disk or e-mail attachment); ask for it to be sent again. The county file has not "
            "been changed.") in err, err
    assert "Traceback" not in err and "UnicodeDecodeError" not in err, err
    assert file_sha256(county) == before


def test_read_export_refuses_it(spoilt):
    with pytest.raises(ExportRefused, match="the file is damaged: parts of it cannot be read"):
        read_export(spoilt)


def test_check_says_it_is_damaged(spoilt):
    code, out, err = cli_output(["check", str(spoilt)])
    assert code == 1, out
    assert "damaged" in err and "Traceback" not in err and "UnicodeDecodeError" not in err, err


def test_a_command_that_reads_the_file_says_it_is_damaged(spoilt):
    before = file_sha256(spoilt)
    code, out, err = cli_output(["projects", str(spoilt)])
    assert code == 1, out
    assert "damaged" in err and "UnicodeDecodeError" not in err, err
    assert file_sha256(spoilt) == before


@pytest.mark.parametrize("where", ["syntax", "name"])
@pytest.mark.parametrize("read_only", [False, True])
def test_an_office_file_so_spoilt_is_said_damaged_when_opened(tmp_path, where, read_only):
    """File > Open (for writing, or read-only) of an office file spoilt so: StoreError's words, as any damage."""
    from safer_desk.services.files import open_office_file
    from safer_desk.storage.store import StoreError

    district_exports(tmp_path, ["Babergh"])
    office = tmp_path / "babergh.sqlite"
    spoil_schema_text(office, where)
    before = file_sha256(office)
    with pytest.raises(StoreError, match="babergh.sqlite is damaged and cannot be read .*it has not been changed"):
        open_office_file(office, read_only=read_only)
    assert file_sha256(office) == before
