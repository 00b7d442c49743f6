"""The pooled fund page's Export… workbook, round 25: its Figures sheet holds money as £ numbers Excel can add up,
counts as numbers and dates as dates, while the command line (and a .csv export) keep plain pounds."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import openpyxl
import pytest

from safer_desk.cli import main
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"
POUNDS = "£#,##0.00;-£#,##0.00"


@pytest.fixture
def page(demo_store):
    p = FundsPresenter(demo_store, today=lambda: date(2019, 3, 12))
    p.reload(select=funds.fund_by_name(demo_store, PILOT).id)
    return p


def figures_sheet(path) -> dict[str, list]:
    """The Figures sheet's rows by name: [cell of each column after the name]."""
    ws = openpyxl.load_workbook(path)["Figures"]
    assert ws["A1"].value == PILOT
    rows = list(ws.iter_rows(min_row=4))
    return {r[0].value: r[1:] for r in rows}


def value_of(cells) -> object:
    """The one filled cell of a figure's row."""
    filled = [c for c in cells if c.value is not None]
    assert len(filled) <= 1
    return filled[0] if filled else None


def test_the_workbooks_figures_are_numbers_and_dates_excel_can_add_up(page, tmp_path):
    """Contributions read "20000" as text, so a coordinator pasting the Figures sheet into a board paper got cells
    Excel would not sum; the period read "2018-04-01 to 2019-09-30"."""
    fund = funds.fund_by_name(page.store, PILOT)
    funds.set_spend_keyed_to(page.store, fund.id, "30/06/2018")
    page.reload()
    figures = figures_sheet(page.export(tmp_path / "fund.xlsx"))
    for name, pounds in (("contributions", 20_000), ("spend", 2_417), ("balance", 17_583),
                         ("mean_spend_per_victim", 161.13), ("monthly_burn_rate", 805.67),
                         ("left_at_period_end", 5_497.95), ("monthly_burn_rate_12m", 805.67)):
        cell = value_of(figures[name])
        assert (cell.value, cell.number_format, cell.data_type) == (pounds, POUNDS, "n"), name
    for name, count in (("victims", 15), ("burn_rate_window_months", 3)):
        cell = value_of(figures[name])
        assert (cell.value, cell.data_type) == (count, "n") and cell.number_format != POUNDS, name
    keyed = value_of(figures["spend_keyed_to"])
    assert keyed.is_date and keyed.value == datetime(2018, 6, 30) and keyed.number_format == "dd/mm/yyyy"
    assert value_of(figures["period"]).value == "01/04/2018 to 30/09/2019"
    assert value_of(figures["forecast_exhaustion_month"]).value == "Apr 2020"
    assert value_of(figures["burn_rate_as_at_month"]).value == "Jun 2018"
    assert value_of(figures["fund"]).value == PILOT
    assert list(figures) == [name for name, _ in funds.fund_report_rows(page.data.figures)]  # every figure, once


def test_a_figure_with_no_value_is_a_blank_cell_not_0(page, tmp_path):
    figures = figures_sheet(page.export(tmp_path / "fund.xlsx"))
    assert value_of(figures["spend_keyed_to"]) is None and value_of(figures["incomplete_months_left_out"]) is None


def test_the_csv_export_and_the_command_line_keep_the_figures_in_plain_pounds(page, demo_path, tmp_path, capsys):
    assert main(["fund", str(demo_path), PILOT, "--today", "12/03/2019"]) == 0  # the page's date (round 34)
    printed = capsys.readouterr().out
    assert printed.splitlines()[:6] == ["name,value", f"fund,{PILOT}", "period,2018-04-01 to 2019-09-30",
                                        "status,open", "contributions,20000", "spend,2417"]
    exported = list(csv.reader(page.export(tmp_path / "fund.csv").open(encoding="utf-8-sig")))
    assert exported[0] == ["name", "value"]  # the command line's heading too (session 69)
    assert exported[1:] == list(csv.reader(io.StringIO(printed)))[1:]  # the same figures as the command line's


def test_months_left_out_as_not_fully_keyed_read_in_british_months_and_pounds(page, tmp_path):
    funds.set_spend_keyed_to(page.store, funds.fund_by_name(page.store, PILOT).id, "31/05/2018")
    page.reload()
    figures = figures_sheet(page.export(tmp_path / "fund.xlsx"))
    assert value_of(figures["incomplete_months_left_out"]).value == "Jun 2018: £787"
    assert value_of(figures["burn_rate_as_at_month"]).value == "May 2018"
