"""Session 67: the Budgets tab had no Export, where every other tab saves what it shows as a workbook or CSV. An
officer taking seed 004's MTFP to the board could only select the grid and copy it. Export… (Alt+X, beside Plan
settings…) now saves the plan as the grid lays it out, through the one export path (.xlsx, .csv or .tsv): each
year's figures as money, TBC / N/K in the paper's words, each change in £ and %, and the flags and notes the grid
gives only in its tips in a last column."""

from __future__ import annotations

import csv
from decimal import Decimal

import openpyxl
from PySide6.QtCore import Qt

from safer_desk.presenters.budgets import BudgetsPresenter
from tests.budgets.conftest import choose_mtfp

MTFP = "East Sussex Community Safety MTFP 2011/12 – 2014/15"
REVENUE = "East Sussex Community Safety revenue budget 2010/11 – 2014/15 (£'000)"
SUFFOLK = "Western Suffolk CSP financial implications 2017/18 – 2019/20"


def _presenter(store, name) -> BudgetsPresenter:
    p = BudgetsPresenter(store)
    p.reload()
    p.select(next(s.id for s in p.plans if s.name == name))
    return p


def test_the_plan_sheet_is_the_grid_with_money_and_flags(demo_store):
    sheet = _presenter(demo_store, MTFP).plan_sheet()
    header = list(sheet.header)
    assert header[:5] == ["Line", "2011/12", "2012/13", "Change to 2012/13", "Change to 2012/13 (%)"]
    assert header[-1] == "Notes"
    rows = {r[0]: r for r in sheet.rows}
    assert rows["Employees"][1:5] == [32_780_000, 38_430_000, 5_650_000, Decimal("17.2")]
    assert {1, 2, 3} <= sheet.money_columns and 4 in sheet.percent_columns
    subtotal = rows["Drugs and alcohol subtotal"]
    assert subtotal[2] == 21_210_000 and "£97,200" in subtotal[-1] and "£212,100" in subtotal[-1]
    assert rows["Drugs and alcohol subtotal (as printed)"][2] == 9_720_000
    assert "disagrees" in sheet.title


def test_tbc_n_k_and_a_split_are_as_the_paper_states_them(demo_store):
    sheet = _presenter(demo_store, SUFFOLK).plan_sheet()
    rows = {r[0]: r for r in sheet.rows}
    dhr = rows["Domestic Homicide Reviews (DHRs)"]
    at = {h: i for i, h in enumerate(sheet.header)}
    assert (dhr[at["2017/18"]], dhr[at["2018/19"]], dhr[at["2019/20"]]) == (752_558, "TBC", "N/K")
    assert "2017/18: Cost to be reimbursed from WSCSP key statutory partners" in dhr[-1]
    hardening = rows["Target Hardening for High Risk DV Victims"]
    assert hardening[at["2018/19"]] == 400_000
    assert "2018/19: as the paper states it, £4,000 (£2,000 per district)" in hardening[-1]


def test_a_plan_in_thousands_is_exported_in_pounds_and_says_so(demo_store):
    sheet = _presenter(demo_store, REVENUE).plan_sheet()
    net = next(r for r in sheet.rows if r[0] == "A Budget Net")
    assert net[1] == 87_800_000  # 878 in £'000: £878,000
    assert "pounds" in sheet.title and "£'000" in sheet.title
    assert "the paper prints a change of (0.7)" in net[-1]


def test_export_button_saves_the_plan_shown(demo_window, qtbot, prompts, tmp_path):
    demo_window.resize(1093, 582)
    demo_window.show()
    tab = choose_mtfp(demo_window.show_tab("budgets"))
    assert tab.export_button.isEnabled() and tab.export_button.text() == "E&xport…"
    target = tmp_path / "mtfp.xlsx"
    prompts.file_names.append(str(target))
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert prompts.infos and str(target) in prompts.infos[-1][1] and not prompts.errors
    ws = openpyxl.load_workbook(target).active
    rows = [r for r in ws.iter_rows(values_only=True)]
    assert rows[0][0].startswith(MTFP)
    employees = next(r for r in rows if r[0] == "Employees")
    assert employees[1] == 327800 and ws.cell(row=rows.index(employees) + 1, column=2).number_format.startswith("£")


def test_export_as_csv_gives_plain_pounds(demo_window, qtbot, prompts, tmp_path):
    demo_window.show()
    tab = choose_mtfp(demo_window.show_tab("budgets"))
    target = tmp_path / "mtfp.csv"
    prompts.file_names.append(str(target))
    tab.export_plan()
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["Line", "2011/12", "2012/13"]
    total = next(r for r in rows if r[0] == "Total Expenditure")
    assert total[1:3] == ["924500", "845300"]


def _new_plan_with_line(store, line: str) -> BudgetsPresenter:
    p = BudgetsPresenter(store)
    p.reload()
    assert p.new_plan("Copy of the implications", "2017/18, 2018/19, 2019/20"), p.error
    assert p.add_section("Costs"), p.error
    assert p.add_line(p.sections()[0][0], line), p.error
    return p


def test_rows_of_the_export_copied_from_excel_paste_back_into_a_plan(demo_store, tmp_path):
    """Export… ends with its Notes column and a workbook heads its money columns "2017/18 (£)": copied from there
    with the heading row, the rows were refused as "2 rows … only 1 line", where the grid's own copy pastes back."""
    line = "Domestic Homicide Reviews (DHRs)"
    _presenter(demo_store, SUFFOLK).export(tmp_path / "plan.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "plan.xlsx").active
    cells = [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]
    block = [next(r for r in cells if r[0] == "Line"), next(r for r in cells if r[0] == line)]
    assert block[0][2] == "2017/18 (£)" and block[0][-1] == "Notes"
    p = _new_plan_with_line(demo_store, line)
    start = next(i for i, r in enumerate(p.rows) if r.kind == "line")
    assert p.paste_block(start, 0, block, with_names=True), p.error
    pasted = next(r for r in p.rows if r.kind == "line")
    assert [c.text for c in pasted.cells] == ["£7,525.58", "TBC", "N/K"]


def test_in_a_county_file_the_export_says_which_office_the_plan_came_from(tmp_path):
    """Every other export of a county file says where its rows came from (*Merged from*); a plan exported from the
    county's Budgets tab read as the county's own."""
    from safer_desk.storage.store import open_store
    from tests.exchange.helpers import merge_accepting
    from tests.exchange.test_plans_at_the_county_s52 import office_plan

    sent = office_plan(tmp_path, "Babergh office", "A", plan="Babergh plan 2017/18 – 2019/20")
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge_accepting(county, [sent])
        sheet = _presenter(county, "Babergh plan 2017/18 – 2019/20").plan_sheet()
    finally:
        county.close()
    assert "Merged from Babergh office." in sheet.title, sheet.title


def test_an_office_s_own_plan_says_nothing_of_where_it_came_from(demo_store):
    assert "erged" not in _presenter(demo_store, SUFFOLK).plan_sheet().title


def test_export_with_no_plan_says_to_make_one(empty_tab):
    assert empty_tab.export_plan() is None
    assert empty_tab.presenter.error == "Choose or make a plan first."


def test_a_linked_line_s_actuals_are_in_its_notes(demo_store):
    """The grid says in a linked line's tip what its review or fund actually shows in each year, and the board report
    prints it on an "actual" row; the export left it out."""
    sheet = _presenter(demo_store, SUFFOLK).plan_sheet()
    rows = {r[0]: r for r in sheet.rows}
    dhr = rows["Domestic Homicide Reviews (DHRs)"][-1]
    assert dhr.startswith("Linked to Review WSCSP-DHR-2017-01: cost; "), dhr
    assert "2017/18: actually £7,525.58" in dhr, dhr
    assert "2018/19: actually £4,000" in rows["Target Hardening for High Risk DV Victims"][-1]
