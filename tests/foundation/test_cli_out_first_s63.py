"""`safer-desk export county.xlsx office.sqlite` (OUT and FILE the wrong way round, as `copy`'s order is misremembered)
said "there is no file at county.xlsx", or with last month's workbook there "county.xlsx is not a Safer Desk file: it
is an Excel workbook", and `report board.pdf office.sqlite` said "office.sqlite: the report must end in .pdf or
.html": nothing said the order, as import-police's refusal of the same slip does (session 63). Said as a usage error
(exit 2) naming both files and the order, and nothing is read or written."""

from __future__ import annotations

import pytest

from tests.cli_run import run


def _order_said(err: str, first: str, second: str, command: str) -> bool:
    return (f"{first} is given as the Safer Desk FILE and {second} as OUT: the Safer Desk FILE comes first, then OUT"
            in err and f"safer-desk {command} FILE OUT" in err and "Nothing was read or written." in err)


@pytest.mark.parametrize("out_name", ["county.xlsx", "county.sqlite"])
@pytest.mark.parametrize("there", [False, True], ids=["new", "last month's there"])
def test_export_with_out_first_says_the_order(demo_path, tmp_path, capsys, out_name, there):
    out = tmp_path / out_name
    if there and out_name.endswith(".xlsx"):
        out.write_bytes(b"PK last month's workbook")
    elif there:  # last month's export, there to be read by nobody but the county
        assert run(capsys, "export", demo_path, out)[0] == 0
    before, office_before = (out.read_bytes() if there else None), demo_path.read_bytes()
    code, out_text, err = run(capsys, "export", out, demo_path)
    assert code == 2 and out_text == ""
    assert _order_said(err, out_name, demo_path.name, "export"), err
    assert demo_path.read_bytes() == office_before
    assert (out.read_bytes() == before) if there else not out.exists()


@pytest.mark.parametrize("out_name", ["board.pdf", "board.html"])
def test_report_with_out_first_says_the_order(demo_path, tmp_path, capsys, out_name):
    out = tmp_path / out_name
    office_before = demo_path.read_bytes()
    code, out_text, err = run(capsys, "report", out, demo_path)
    assert code == 2 and out_text == ""
    assert _order_said(err, out_name, demo_path.name, "report"), err
    assert demo_path.read_bytes() == office_before and not out.exists()


def test_an_export_named_as_it_should_be_is_still_made(demo_path, tmp_path, capsys):
    code, out_text, _ = run(capsys, "export", demo_path, tmp_path / "county.xlsx")
    assert code == 0 and out_text.startswith("wrote ") and (tmp_path / "county.xlsx").exists()


def test_an_export_given_as_file_is_still_said_as_an_export(demo_path, tmp_path, capsys):
    # Not the order: an export named where the office's file goes, with a new workbook to make from it.
    export = tmp_path / "county.sqlite"
    assert run(capsys, "export", demo_path, export)[0] == 0
    code, _, err = run(capsys, "export", export, tmp_path / "new.xlsx")
    assert code == 1 and "an export is made from the office's own file, not from another export" in err
