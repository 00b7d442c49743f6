"""Round 39 (rpx): the county workbook of a file that holds nothing yet says so, rather than an empty list.

`safer-desk export NEW.xlsx` of a new office's file wrote a Contents sheet whose list of sheets was its heading row
("Sheet", "What it shows", "Rows") with nothing under it: a finance officer opening it could not tell an empty file
from an export that had lost its sheets. The board report of the same file says "This file has no projects, …
yet"; the workbook now says so too, in place of the empty list. A workbook with views lists them as before.
"""

from __future__ import annotations

import openpyxl

from safer_desk.storage.store import open_store
from tests.cli_run import run


def _contents(path):
    return [[c for c in row if c is not None] for row in openpyxl.load_workbook(path)["Contents"].iter_rows(
        values_only=True)]


def test_an_empty_files_workbook_says_it_holds_nothing_yet(tmp_path, capsys):
    path = tmp_path / "new.sqlite"
    open_store(path, create=True, office_name="Babergh office").close()
    code, _, err = run(capsys, "export", path, tmp_path / "new.xlsx")
    assert code == 0, err
    assert openpyxl.load_workbook(tmp_path / "new.xlsx").sheetnames == ["Contents"]
    rows = _contents(tmp_path / "new.xlsx")
    assert ["Sheet", "What it shows", "Rows"] not in rows  # no heading over nothing
    said = " ".join(str(c) for r in rows for c in r)
    assert ("This file has no projects, scenarios, awards, allocations, reviews, pooled funds, indicator figures "
            "or budgets yet, so the workbook has no other sheet.") in said, said


def test_a_workbook_with_views_lists_them_under_their_heading(demo_master, tmp_path, capsys):
    code, _, err = run(capsys, "export", demo_master, tmp_path / "demo.xlsx")
    assert code == 0, err
    rows = _contents(tmp_path / "demo.xlsx")
    at = rows.index(["Sheet", "What it shows", "Rows"])
    assert rows[at + 1][0] == "Register" and "has no projects" not in " ".join(str(c) for r in rows for c in r)
