"""The Indicators summary's Export… wrote a percentage indicator's figure as a bare 88.2 (or 16.9) beside counts
such as 12586 in the same column, so a reader of the workbook could not tell 88.2% from 88.2 incidents, and a CSV
wrote every count as a float ("12586.0", "-74.0"). The workbook's cell stays the number the table shows (88.2, as
Copy gives it) and its format prints it as the table does ("88.2%", "1,610 per 100,000", "+0.2 pts"), as the county
workbook's Indicator summary does; a CSV writes the figure with the places shown, a percentage with its % (Excel
reads "88.2%" as the percentage)."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import IndicatorsPresenter

SATISFACTION = "Level Two \u201cist\u201d incidents satisfaction"
ADMISSIONS = "Alcohol-related hospital admissions"


def exported(store, area_id: str, year: int, target):
    p = IndicatorsPresenter(store)
    p.load(area_id, FinancialYear(year))
    p.export_summary(target)
    return target


def xlsx_cells(path) -> dict[str, dict[str, tuple]]:
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows())
    header_at = next(i for i, r in enumerate(rows) if r[0].value == "RAG")
    header = [c.value for c in rows[header_at]]
    return {r[1].value: {h: (c.value, c.number_format) for h, c in zip(header, r)} for r in rows[header_at + 1:]}


def csv_rows(path) -> dict[str, dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as f:
        return {r["Indicator"]: r for r in csv.DictReader(f)}


def test_a_percentage_figure_in_the_exported_workbook_prints_with_its_percent_sign(demo_store, tmp_path):
    cells = xlsx_cells(exported(demo_store, "district:plymouth", 2016, tmp_path / "summary.xlsx"))
    value, shown = cells[SATISFACTION]["Year to date"]
    assert value == pytest.approx(88.2) and shown == '#,##0.0"%"'  # the cell is 88.2, Excel prints 88.2%
    value, shown = cells["All crime"]["Year to date"]
    assert value == 12586 and shown == "#,##0"  # a count prints 12,586, as the table shows it
    assert cells["All crime"]["Change"] == (570, "#,##0")


def test_a_rate_in_the_exported_workbook_prints_with_its_rate(demo_store, tmp_path):
    cells = xlsx_cells(exported(demo_store, "county:east-sussex", 2010, tmp_path / "summary.xlsx"))
    assert cells[ADMISSIONS]["Year to date"] == (1610, '#,##0" per 100,000"')
    assert cells[ADMISSIONS]["Last year"] == (1448, '#,##0" per 100,000"')
    assert cells["Adults leaving alcohol treatment in a planned way"]["Year to date"] == (63.2, '#,##0.0"%"')
    assert cells["Re-offending by adults under probation supervision"]["Year to date"] == (8.57, '#,##0.00"%"')


def test_the_exported_csv_writes_figures_as_shown_and_percentages_with_their_sign(demo_store, tmp_path):
    rows = csv_rows(exported(demo_store, "district:plymouth", 2016, tmp_path / "summary.csv"))
    assert rows[SATISFACTION]["Year to date"] == "88.2%"
    assert (rows["All crime"]["Year to date"], rows["All crime"]["Last year"], rows["All crime"]["Change"],
            rows["All crime"]["Change %"]) == ("12586", "12016", "570", "4.7")
    assert rows["Serious acquisitive crime"]["Change"] == "-74"
    rows = csv_rows(exported(demo_store, "county:east-sussex", 2010, tmp_path / "summary.csv"))
    assert rows[ADMISSIONS]["Year to date"] == "1610"
    assert rows["Re-offending by adults under probation supervision"]["Year to date"] == "8.57%"
