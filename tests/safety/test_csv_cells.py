"""Issue 12: CSV cells that a spreadsheet would run as a formula are neutralised as OWASP recommends (a single
quote first), in every CSV we write and in the command line's CSV; plain numbers stay numbers."""

from __future__ import annotations

import csv
import io

import pytest

from safer_desk.exchange.files import csv_text, neutralise_cell, write_csv
from tests.exchange.helpers import cli_output

DANGEROUS = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1", "=HYPERLINK(\"http://x\")",
             "-cmd|' /C calc'!A0", "+"]


@pytest.mark.parametrize("cell", DANGEROUS)
def test_formula_cells_get_a_single_quote(cell):
    assert neutralise_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["-1099", "-6957", "-25.4%", "+570", "-1,099", "-7525.58", 12, -3, 4.5, None,
                                  "Babergh", "£1,234", "'=already quoted", "a=b", "TH-2018-001", ""])
def test_numbers_and_ordinary_text_are_left_alone(cell):
    assert neutralise_cell(cell) == cell


def test_write_csv_and_csv_text_neutralise(tmp_path):
    rows = [["=1+1", "-1099"], ["@evil", -1099], ["Babergh", "-6957.50"]]
    expected = [["partner", "variance"], ["'=1+1", "-1099"], ["'@evil", "-1099"], ["Babergh", "-6957.50"]]
    out = write_csv(tmp_path / "a.csv", ["partner", "variance"], rows)
    assert list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")))) == expected
    assert list(csv.reader(io.StringIO(csv_text(["partner", "variance"], rows)))) == expected


def test_the_command_line_csv_is_neutralised(tmp_path):
    from safer_desk.services import projects
    from safer_desk.storage.store import open_store

    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    try:
        project = projects.project_from_fields({"title": '=HYPERLINK("http://evil","click")'})
        projects.save_project(store, project)
    finally:
        store.close()
    code, out, err = cli_output(["projects", str(path)])
    assert code == 0, err
    titles = [row[1] for row in csv.reader(io.StringIO(out))][1:]
    assert any(t.startswith("'=HYPERLINK") for t in titles), out


def test_allocation_variances_stay_numbers(tmp_path):
    from pathlib import Path

    src = Path(__file__).resolve().parents[1] / "allocation" / "suffolk-2009-10-allocation.csv"  # seed 000
    code, out, err = cli_output(["allocate", str(src), "--previous-total", "655120", "--retain", "10"])
    assert code == 0, err
    variances = [row[-1] for row in csv.reader(io.StringIO(out))][1:]
    assert any(v.startswith("-") for v in variances), variances  # negative variances are printed …
    assert all(v.lstrip("-").isdigit() for v in variances), variances  # … as numbers, never '-6957


def test_a_tab_separated_export_is_neutralised_as_the_csv_is(tmp_path):
    # The .tsv export ("Tab-separated text", which Excel opens as it opens a CSV) wrote "=1+1" as it was.
    from safer_desk.exchange.files import Sheet
    from safer_desk.exchange.tables import write_table

    sheet = Sheet("Register", ["title", "cost", "variance"], [["=1+1", 150000, "-1099"], ["@evil", -250, ""]],
                  money_columns=(1,))
    for suffix in (".csv", ".tsv"):
        out = write_table(tmp_path / f"register{suffix}", [sheet])
        text = out.read_text(encoding="utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter="\t" if suffix == ".tsv" else ","))
        assert rows == [["title", "cost", "variance"], ["'=1+1", "1500", "-1099"], ["'@evil", "-2.50", ""]], suffix
