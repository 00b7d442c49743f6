"""The county workbook people read without the application (issue 13): views, not tables; real cells.

Cell types are checked with openpyxl; the same file is then opened by LibreOffice (headless) and every sheet
converted to CSV as shown, so the totals a person sees are checked too (skipped where LibreOffice is absent).
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from safer_desk.services.county import export_for_county

VIEWS = ["Contents", "Register", "Scenarios", "Awards", "Allocation", "Top-slices", "Reviews", "Who owes what", "Funds",
         "Fund spend", "Indicator summary", "Indicators by month", "Budgets"]
INTERNAL_ID = re.compile(r"\b[0-9a-f]{32}\b|\b(?:org|district|partnership|county|indicator|area):[a-z0-9-]+")


@pytest.fixture(scope="module")
def workbook(tmp_path_factory, demo_master) -> Path:
    from safer_desk.storage.store import open_store

    folder = tmp_path_factory.mktemp("workbook")
    copy = folder / "example.sqlite"
    shutil.copyfile(demo_master, copy)
    store = open_store(copy)
    try:
        export_for_county(store, folder / "example.xlsx")
    finally:
        store.close()
    return folder / "example.xlsx"


@pytest.fixture(scope="module")
def book(workbook):
    import openpyxl

    return openpyxl.load_workbook(workbook)


def rows_of(ws) -> list[tuple]:
    return list(ws.iter_rows(values_only=True))


def header_row(ws, first: str) -> int:
    """The 1-based row of the first heading row whose first cell is `first`."""
    return next(i for i, row in enumerate(ws.iter_rows(values_only=True), start=1) if row and row[0] == first)


def test_contents_then_one_sheet_per_view_and_no_raw_tables(book):
    assert book.sheetnames == VIEWS
    contents = book["Contents"]
    listed = [r[0] for r in rows_of(contents)[header_row(contents, "Sheet"):] if r[0] in VIEWS]
    assert listed == VIEWS[1:]
    links = [c.hyperlink.location for c in contents["A"] if c.hyperlink is not None]
    assert links == [f"'{name}'!A1" for name in VIEWS[1:]]


def test_names_and_references_never_ids(book):
    for ws in book.worksheets:
        if ws.title == "Contents":
            continue  # its checksum is a hex digest, not an id
        for row in ws.iter_rows(values_only=True):
            for value in row:
                assert not (isinstance(value, str) and INTERNAL_ID.search(value)), (ws.title, value)
    reviews = book["Reviews"]
    start = header_row(reviews, "Reference")
    first = rows_of(reviews)[start]
    assert first[0] == "WSCSP-DHR-2014-01" and first[2] == "Babergh" and first[3] == "Western Suffolk CSP"


def test_the_funders_awards_one_row_per_year_in_pounds(book):
    """The awards were in the .sqlite export but not in the workbook a county lead reads without the program."""
    awards = book["Awards"]
    start = header_row(awards, "Funder")
    rows = rows_of(awards)[start:]
    assert ("OPCC", "PCC grant to Safer Plymouth 2017-19", "2017/18", 400568) in [r[:4] for r in rows]
    assert ("OPCC", "PCC grant to Safer Plymouth 2017-19", "2018/19", 400568) in [r[:4] for r in rows]
    sspb = next(r for r in rows if r[1] == "SSPB 10% retained budget 2009/10")
    assert sspb[2:4] == ("2009/10", 65512) and sspb[5] == "69% / 31%"  # [4]: a total stated beside the years
    lines = next(r for r in rows if r[1] == "County Lines and Urban Street Gangs 2018-2020")
    assert lines[2:4] == ("2018/19 to 2019/20", 500000)
    assert awards.cell(row=start + 1, column=4).number_format == "£#,##0.00;-£#,##0.00"


def test_dates_are_date_cells_in_british_format(book):
    who = book["Who owes what"]
    start = header_row(who, "Partner")
    invoiced = who.cell(row=start + 1, column=5)
    assert isinstance(invoiced.value, datetime) and invoiced.number_format == "dd/mm/yyyy"
    register = book["Register"]
    start = header_row(register, "Ref")
    starts = [c.value for c in register[start]].index("Starts")
    plymouth = next(r for r in register.iter_rows(min_row=start + 1) if r[0].value == "P1")
    assert plymouth[starts].value == datetime(2017, 4, 1) and plymouth[starts].number_format == "dd/mm/yyyy"
    assert plymouth[3].value == datetime(2017, 1, 24)  # the status date
    fund = book["Fund spend"]
    month = fund.cell(row=header_row(fund, "Fund") + 1, column=3)
    assert isinstance(month.value, datetime) and month.value.day == 1 and month.number_format == "mmm yyyy"


def money_total(ws, column: int, block_first: str, label: str = "Total") -> tuple[object, str, list]:
    """(total cell, its formula, the block's money cells) for the block whose heading row starts block_first."""
    start = header_row(ws, block_first)
    cells = []
    for row in ws.iter_rows(min_row=start + 1):
        if row[0].value == label:
            return row[column], row[column].value, cells
        cells.append(row[column])
    raise AssertionError(f"no {label} row")


def test_money_is_money_with_sum_totals(book):
    alloc = book["Allocation"]
    agreed_title = next(i for i, r in enumerate(rows_of(alloc), start=1) if r[0] and "agreed" in str(r[0]))
    start = agreed_title + 1
    assert alloc.cell(row=start, column=8).value == "This year (£)"
    rows = [r for r in alloc.iter_rows(min_row=start + 1, max_row=start + 6)]
    assert [r[0].value for r in rows] == ["Babergh CSP", "Ipswich CSP", "Waveney CSP", "Suffolk Coastal CSP",
                                          "Western CSP", "Totals"]
    # Seed 000: 63,768 / 144,072 / 99,065 / 76,660 / 206,043 = £589,608 (the paper's rounding, agreed).
    assert [r[7].value for r in rows[:5]] == [63768, 144072, 99065, 76660, 206043]
    assert all(r[7].number_format.startswith("£") for r in rows)
    total = rows[5][7]
    assert total.value == f"=SUM(H{start + 1}:H{start + 5})"
    assert rows[5][9].value == f"=SUM(J{start + 1}:J{start + 5})"  # variance: −£65,512
    who = book["Who owes what"]
    cell, formula, cells = money_total(who, 7, "Partner")
    assert formula.startswith("=SUM(H") and sum(c.value for c in cells) == pytest.approx(7525.58)
    fund = book["Fund spend"]
    cell, formula, cells = money_total(fund, 5, "Fund")
    assert sum(c.value for c in cells) == pytest.approx(2417)  # seed 002: £2,417 April-June 2018
    # Rows of fewer than three victims are merged into "other districts" (small-number control): they were
    # labelled "Unknown district", as if the referrals had none.
    districts = {r[1].value for r in fund.iter_rows(min_row=header_row(fund, "Fund") + 1) if r[0].value != "Total"}
    assert districts == {"Not given by district (small numbers)"}


def test_cap_is_shown_in_pounds_and_percent_not_basis_points(book):
    for ws in book.worksheets:
        header = [str(v) for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]
        assert not any("bp" in h.split() or "basis points" in h for h in header)


def test_headings_frozen_and_filters_on(book):
    for name in VIEWS:
        ws = book[name]
        assert ws.freeze_panes, name
    for name in ("Register", "Reviews", "Who owes what", "Fund spend", "Indicator summary", "Indicators by month"):
        assert book[name].auto_filter.ref, name


def test_indicators_by_area_and_month_for_the_office_areas_only(book):
    ws = book["Indicators by month"]
    areas = {r[0] for r in rows_of(ws)[header_row(ws, "Area"):] if r[0]}
    districts = {"Babergh", "Ipswich", "East Suffolk", "West Suffolk", "Mid Suffolk"}
    # The county and the partnerships too, their figures made from the districts' and labelled so (issue 13).
    derived = {"Suffolk (derived)", "Safer Suffolk Partnership Board (derived)", "Western Suffolk CSP (derived)"}
    assert districts | derived | {"Suffolk"} == areas
    summary = book["Indicator summary"]
    assert {r[0] for r in rows_of(summary)[header_row(summary, "Area"):] if r[0]} == areas
    rags = {r[-1] for r in rows_of(summary)[header_row(summary, "Area"):] if r[0]}
    # A year over by the day the workbook is written says "No figure recorded", not "yet" (round 37 pol).
    assert rags <= {"▲ Red", "◆ Amber", "● Green", "○ No target", "○ No figure yet", "○ No figure recorded",
                    "○ Target withdrawn"} and len(rags) > 1


def test_workbook_leaves_victim_level_rows_out_unless_asked(tmp_path, demo_path):
    import openpyxl

    from safer_desk.storage.store import open_store

    store = open_store(demo_path)
    try:
        references = {r[0] for r in store.rows("SELECT reference FROM fund_referrals")}
        export_for_county(store, tmp_path / "default.xlsx", raw_tables=True)
        export_for_county(store, tmp_path / "opt-in.xlsx", raw_tables=True, include_referrals=True)
    finally:
        store.close()
    assert references

    def seen(path) -> set:
        book = openpyxl.load_workbook(path)
        return {v for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row} & references

    assert seen(tmp_path / "default.xlsx") == set()
    assert seen(tmp_path / "opt-in.xlsx") == references


def test_libreoffice_opens_it_and_shows_the_right_totals(workbook, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui")
    out = tmp_path / "csv"
    # Every sheet (the last option, -1) as shown on screen (the ninth, true), UTF-8 (76), comma-separated.
    options = "44,34,76,1,,0,false,true,true,false,false,-1"
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--convert-to", f"csv:Text - txt - csv (StarCalc):{options}", "--outdir", str(out),
                    str(workbook)], check=True, capture_output=True, timeout=300)

    def sheet(name: str) -> list[list[str]]:
        with (out / f"{workbook.stem}-{name}.csv").open(encoding="utf-8", newline="") as fh:
            return list(csv.reader(fh))

    alloc = sheet("Allocation")
    agreed = next(i for i, r in enumerate(alloc) if r[0].endswith("agreed by the board"))
    totals = next(r for r in alloc[agreed:] if r[0] == "Totals")
    assert totals[4:10] == ["£196,539.00", "£393,069.00", "£0.00", "£589,608.00", "£655,120.00", "-£65,512.00"]
    assert alloc[agreed + 2][:2] == ["Babergh CSP", "1"] and alloc[agreed + 2][7] == "£63,768.00"
    who = sheet("Who owes what")
    assert next(r for r in who if r[0] == "Total")[7] == "£7,525.58"
    assert re.fullmatch(r"\d\d/\d\d/20\d\d", who[header_index(who, "Partner") + 1][4])
    fund = sheet("Fund spend")
    assert next(r for r in fund if r[0] == "Total")[3:6] == ["15", "39", "£2,417.00"]
    contents = sheet("Contents")
    assert re.fullmatch(r"\d\d/\d\d/20\d\d", next(r for r in contents if r[0] == "Exported on")[1])


def header_index(rows: list[list[str]], first: str) -> int:
    return next(i for i, r in enumerate(rows) if r and r[0] == first)


def test_budgets_as_the_papers_state_them(book):
    """The fifth tab's plans, one block each, every cell as the paper states it (amounts as money, TBC, N/K,
    nil), the worked-out totals, and a stated total that differs from its lines said so beside it."""
    from safer_desk.services.demo_data import budgets as demo

    ws = book["Budgets"]
    rows = rows_of(ws)
    titles = [r[0] for r in rows if r and r[0] in (demo.MTFP, demo.REVENUE, demo.UNIT_COSTS, demo.IMPLICATIONS)]
    assert titles == sorted(titles, key=str.casefold) and len(titles) == 4
    head = header_row(ws, "Section")
    assert list(rows[head - 1][:6]) == ["Section", "Line", "Year", "Amount (£)", "Total (£)",
                                        "As the paper states it"]
    body = [r for r in rows if r and r[1] and r[0] != "Section"]
    employees = [r for r in body if r[1] == "Employees" and r[2] == "2011/12"]
    assert employees and employees[0][3] == 327800 and employees[0][5] == "£327,800"  # in pounds, as the amounts
    cell = next(c for row in ws.iter_rows() for c in row if c.value == 327800)
    assert cell.number_format.startswith("£")
    dhr = {r[2]: (r[3], r[5]) for r in body if r[1] == "Domestic Homicide Reviews (DHRs)"}
    assert dhr == {"2017/18": (7525.58, "£7,525.58"), "2018/19": (None, "TBC"), "2019/20": (None, "N/K")}
    subtotal = {r[5]: r[4] for r in body if r[1] == "Drugs and alcohol subtotal" and r[2] == "2012/13"}
    assert subtotal == {"worked out": 212100, "as printed: differs from its lines": 97200}
    notes = [r[0] for r in rows if r and isinstance(r[0], str) and "£97,200" in r[0] and "£212,100" in r[0]]
    assert notes, "the disagreement is said under its plan"


def test_a_budget_cell_split_per_district_keeps_its_words_beside_its_amount(book):
    """Seed 002 §6: "£4,000 (£2,000 per District)" was written 4000, "amount": the split per district was lost.
    The amount stays a number for sums; the column "As the paper states it" holds the paper's words."""
    ws = book["Budgets"]
    body = [r for r in rows_of(ws) if r and r[1] and r[0] != "Section"]
    hardening = {r[2]: (r[3], r[5]) for r in body if r[1] == "Target Hardening for High Risk DV Victims"}
    assert hardening["2018/19"] == (4000, "£4,000 (£2,000 per district)")
    assert hardening["2017/18"] == (0, "£0")
    platform = {r[2]: (r[3], r[5]) for r in body if r[1] == "E-CINS/Athena Partnership Platform"}
    assert platform["2017/18"] == (5000, "£5,000 (£2,500 per district)")


def test_a_review_whose_cost_is_not_yet_known_is_not_said_to_cost_nothing(book):
    """The report says "Not yet known" for WSCSP-DHR-2014-01; the Reviews sheet gave its cost as £0.00, inside
    the SUM total. An unknown cost is left blank, and the sheet says what a blank means."""
    reviews = book["Reviews"]
    top = header_row(reviews, "Reference")
    cost = [c.value for c in next(reviews.iter_rows(min_row=top, max_row=top))].index("Cost (£)")
    rows = {r[0]: r for r in reviews.iter_rows(min_row=top + 1, values_only=True) if r[0]}
    assert rows["WSCSP-DHR-2014-01"][cost] is None
    assert rows["WSCSP-DHR-2017-01"][cost] == pytest.approx(7525.58)
    assert any("not yet known" in str(c).lower() for r in rows_of(reviews)[:top] for c in r if c)


def test_every_status_a_budget_cell_can_have_is_said_in_words_in_the_workbook(capsys):
    """A printed total whose printed change alone disagrees got a status of its own (stated-change-differs); the
    workbook said it as the raw code. Every status the budget command lists is said in words."""
    import re

    from safer_desk.cli import main
    from safer_desk.services.county_workbook import BUDGET_STATUS_WORDS

    with pytest.raises(SystemExit):
        main(["budget", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    listed = set(re.findall(r"\b(?:amount|tbc|nk|nil|total-incomplete|total|stated-change-differs|stated-differs|"
                            r"stated)\b", help_text))
    assert "stated-change-differs" in listed and listed <= set(BUDGET_STATUS_WORDS)
