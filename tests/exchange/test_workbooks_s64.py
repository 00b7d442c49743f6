"""Round s64: the workbooks an officer sends the county, opened as Excel opens them."""

from __future__ import annotations

import re

import openpyxl

from safer_desk.exchange.files import Sheet, write_xlsx


def _shown(value, number_format: str) -> str | None:
    """What Excel prints for a figure in a money or percent format (None for any other cell)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if "£" in number_format:
        return ("-" if value < 0 else "") + f"£{abs(value):,.2f}"
    if number_format.endswith("%"):
        places = len(number_format.partition(".")[2].rstrip("%"))
        return f"{value * 100:.{places}f}%"
    return None


def column_width(ws, column: int) -> float:
    """A column's width as set (openpyxl files columns of one width under the first of them)."""
    return next((d.width for d in ws.column_dimensions.values() if d.min and d.min <= column <= d.max), 8.43)


def too_narrow(ws) -> list[tuple[str, str, float]]:
    """The money and percent cells wider than their column (Excel shows them as ####): (cell, as shown, width)."""
    out = []
    for row in ws.iter_rows():
        for cell in row:
            shown = _shown(cell.value, cell.number_format or "")
            width = column_width(ws, cell.column)
            if shown is not None and len(shown) > width - 0.5:
                out.append((cell.coordinate, shown, width))
    return out


def test_the_register_s_cost_lines_show_their_pounds_not_hashes(demo_store, tmp_path):
    """The register exported to Excel: its Cost lines sheet's Min (£) and Max (£) columns were as wide as the
    amounts in pence (2950000, 7 characters) where Excel prints £29,500.00 (10), so a county lead opening it saw
    ######## down both columns until they widened them."""
    from safer_desk.services.projects import export_register

    book = openpyxl.load_workbook(export_register(demo_store, tmp_path / "register.xlsx"))
    assert book["Cost lines"]["G2"].value == 29500 and "£" in book["Cost lines"]["G2"].number_format
    assert [too_narrow(ws) for ws in book.worksheets] == [[], []]


def test_a_workbook_s_money_and_shares_are_as_wide_as_excel_prints_them(tmp_path):
    """A loss of £16,535 printed "-£16,535.00" (11 characters) in a column sized for "-1653500" (8); a share of
    9.08 printed "9.08%"."""
    sheet = Sheet("Allocation", ["Name", "Cost", "Variance", "Share"],
                  [["A", 123456789, -1653500, 9.08], ["B", 100, -100, 100]], money_columns={1, 2},
                  percent_columns={3})
    ws = openpyxl.load_workbook(write_xlsx(tmp_path / "a.xlsx", [sheet]))["Allocation"]
    assert ws["B2"].value == 1234567.89 and ws["C2"].value == -16535
    assert too_narrow(ws) == []


def test_the_county_workbook_s_totals_fit_their_columns(tmp_path):
    """A sheet of the county's workbook sized each column to its rows and heading but not to the total under them:
    200 payments of £999.00 (7 characters) totalled £199,800.00 (11), printed as ######## in bold on the Total row,
    the one figure the county lead opened the sheet for."""
    from safer_desk.exchange.county_workbook import Block, Column, WorkbookSheet, write_workbook

    sheet = WorkbookSheet("Spend", "Spend", "Each payment.",
                          [Column("Who"), Column("Paid", "money", total=True), Column("N", "count", total=True)],
                          [Block([["Mid Suffolk", 99900, 9] for _ in range(200)])])
    target = write_workbook(tmp_path / "county.xlsx", {"tables": "[]"}, [sheet])
    ws = openpyxl.load_workbook(target, data_only=True)["Spend"]
    total = ws.max_row
    assert ws.cell(total, 1).value == "Total" and ws.cell(total, 2).value == 199800 and ws.cell(total, 3).value == 1800
    assert len("£199,800.00") <= column_width(ws, 2) - 0.5 and len("1,800") <= column_width(ws, 3) - 0.5


def _sheet_rows(path, name: str, first: str) -> tuple[list, list[list]]:
    """A sheet's headings (the row starting ``first``) and its rows below them."""
    rows = [list(r) for r in openpyxl.load_workbook(path, read_only=True)[name].iter_rows(values_only=True)]
    at = next(i for i, r in enumerate(rows) if r and r[0] == first)
    return rows[at], rows[at + 1:]


def test_the_county_workbook_s_who_owes_what_and_fund_spend_say_where_each_row_came_from(demo_path, tmp_path):
    """The workbook of a county file: the Reviews and Funds sheets ended with *Merged from*, but Who owes what (each
    partner's share of each review) and Fund spend (each fund's spend by district and month) did not, so a county
    lead filtering the shares by partner could not tell which office billed them, nor whose fund a month's spend
    was, without going back to another sheet."""
    from safer_desk.services.county import export_for_county
    from safer_desk.storage.store import open_store
    from tests.exchange.helpers import merge_accepting

    office = open_store(demo_path)
    try:
        export_for_county(office, tmp_path / "district.sqlite")
        export_for_county(office, tmp_path / "office.xlsx")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge_accepting(county, [tmp_path / "district.sqlite"])
        export_for_county(county, tmp_path / "county.xlsx")
    finally:
        county.close()
    office_name = "Example office (seed papers)"
    for sheet, first in (("Who owes what", "Partner"), ("Fund spend", "Fund")):
        header, rows = _sheet_rows(tmp_path / "county.xlsx", sheet, first)
        assert header[-1] == "Merged from", sheet
        body = [r for r in rows if r and r[0] and r[0] != "Total"]
        assert body and {r[-1] for r in body} == {office_name}, sheet
        total = next(r for r in rows if r and r[0] == "Total")
        assert total[-1] is None  # a totals line names no office
        own_header, own_rows = _sheet_rows(tmp_path / "office.xlsx", sheet, first)
        assert "Merged from" not in own_header  # an office's own workbook: nothing said
        assert [r[:len(own_header)] for r in rows] == [r[:len(own_header)] for r in own_rows]  # the same figures


def test_the_indicator_sheets_name_months_as_workbooks_do_never_as_a_date_would_read(demo_store, tmp_path):
    """A workbook names a month "Dec 2025" (the Fund spend sheet, the fund's export): the county workbook's Indicator
    summary said the periods to date as "Apr-25 to Dec-25" and "Jan-25 to Mar-25 (no figures for Apr-24 to
    Dec-24)", where "Dec-25" reads as the 25th of December (and Excel opening the CSV makes it that date). A quarter
    and a year stay as they are."""
    from safer_desk.services.county import export_for_county

    export_for_county(demo_store, tmp_path / "office.xlsx")
    header, rows = _sheet_rows(tmp_path / "office.xlsx", "Indicator summary", "Area")
    periods = {r[header.index("Periods")] for r in rows if r and r[0]}
    assert "Apr 2025 to Dec 2025" in periods and "Dec 2007" in periods
    assert "Jan 2025 to Mar 2025 (no figures for Apr 2024 to Dec 2024)" in periods
    assert {"Q4 2009/10", "2009/10"} <= periods
    assert not [p for p in periods if re.search(r"[A-Z][a-z]{2}-\d", p)]


def test_the_indicators_tab_s_export_names_its_months_as_workbooks_do(demo_window, qtbot, prompts, tmp_path):
    """Indicators > Export…: the To column said "Dec-25" (the 25th of December to Excel opening the CSV); it says
    "Dec 2025", in the workbook and the CSV alike."""
    import csv

    tab = demo_window.show_tab("indicators")
    qtbot.waitUntil(lambda: bool(tab.presenter.rows), timeout=10000)
    for name in ("indicators.xlsx", "indicators.csv"):
        prompts.file_names.append(str(tmp_path / name))
        tab.export_summary()
    header, rows = _sheet_rows(tmp_path / "indicators.xlsx", openpyxl.load_workbook(
        tmp_path / "indicators.xlsx").sheetnames[0], "RAG")
    to = {r[header.index("To")] for r in rows}
    assert "Dec 2025" in to and not [t for t in to if re.search(r"[A-Z][a-z]{2}-\d", t or "")]
    with (tmp_path / "indicators.csv").open(encoding="utf-8-sig") as f:
        assert {r["To"] for r in csv.DictReader(f)} == to


def test_an_export_named_with_a_date_in_it_is_a_workbook_as_excel_saves_one(demo_window, prompts, tmp_path):
    """Projects > Export… named "Register 31.03.2019" (no ending typed, as Excel's Save As takes it): refused as
    "Register 31.03.2019: choose a file ending .xlsx or .csv or .tsv", the date's ".2019" taken for the kind of
    file; it is saved as "Register 31.03.2019.xlsx", as a name with no ending is. A real other ending is still
    refused."""
    from safer_desk.exchange.tables import table_target

    tab = demo_window.show_tab("projects")
    folder = tmp_path / "out"
    folder.mkdir()
    prompts.file_names.append(str(folder / "Register 31.03.2019"))
    tab.register.export_register()
    assert prompts.errors == []
    assert [p.name for p in folder.iterdir()] == ["Register 31.03.2019.xlsx"]
    assert openpyxl.load_workbook(folder / "Register 31.03.2019.xlsx").sheetnames == ["Projects", "Cost lines"]
    assert table_target("ledger v1.2 final").name == "ledger v1.2 final.xlsx"
    assert table_target("Ledger.XLSX").name == "Ledger.XLSX" and table_target("ledger.pdf").name == "ledger.pdf"
    prompts.file_names.append(str(folder / "register.pdf"))
    tab.register.export_register()
    assert "choose a file ending .xlsx" in prompts.errors[-1][1]


def test_a_scenario_s_sheet_is_named_as_its_scenario_reads(demo_store, tmp_path):
    """Projects > Commissioning > Export… of the example's scenario "Retained budget 2009/10: pilot and DV
    coordinators": its sheet tab read "Retained budget 2009_10_ pilot " (the / and : Excel takes in no sheet name
    made underscores, and a space left at the end where the name was cut). The year reads 2009-10, as the Indicators
    export's sheet "Indicators 2025-26" has it, the colon goes and nothing trails."""
    from safer_desk.exchange.tables import write_table
    from safer_desk.services import projects_commissioning as pc

    saved = next(s for s in pc.list_scenarios(demo_store) if s.name.startswith("Retained budget 2009/10:"))
    sheets = pc.scenario_sheets(pc.evaluate_saved(demo_store, saved))
    book = openpyxl.load_workbook(write_table(tmp_path / "scenario.xlsx", sheets), read_only=True)
    assert book.sheetnames == ["Retained budget 2009-10 pilot a", "Summary"]
    odd = [Sheet(name, ["a"], [[1]]) for name in ("Q1/Q2 [draft]*?", "a\\b: c", "Summary", "summary")]
    assert openpyxl.load_workbook(write_xlsx(tmp_path / "odd.xlsx", odd), read_only=True).sheetnames == [
        "Q1-Q2 (draft)", "a-b c", "Summary", "summary (2)"]


def test_a_chart_exported_without_an_ending_is_a_png(demo_window, prompts, tmp_path):
    """Indicators > Export Chart… named "All crime 2016-17" (no ending typed, as the table exports take it): refused
    with 'Charts are exported as .png or .svg, not “no extension”', where every table's Export… saves such a name
    in its first format; it is saved as "All crime 2016-17.png". A date in the name is not an ending either."""
    tab = demo_window.show_tab("indicators")
    tab.select_indicator("All crime")
    folder = tmp_path / "out"
    folder.mkdir()
    prompts.file_names += [str(folder / "All crime 2016-17"), str(folder / "All crime 31.03.2019"),
                           str(folder / "Chart.SVG")]
    for _ in range(3):
        tab.export_chart()
    assert prompts.errors == []
    assert sorted(p.name for p in folder.iterdir()) == ["All crime 2016-17.png", "All crime 31.03.2019.png",
                                                         "Chart.SVG"]
    assert (folder / "All crime 2016-17.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_chart_exported_says_where_it_went(demo_window, prompts, tmp_path):
    """Export Chart… closed its dialog and said nothing: the Indicators tab's own Export… says "Saved 15 indicators
    to …", so an officer could not tell the picture was written, nor (with the ending added) under what name."""
    tab = demo_window.show_tab("indicators")
    tab.select_indicator("All crime")
    prompts.file_names.append(str(tmp_path / "All crime"))
    tab.export_chart()
    written = tmp_path / "All crime.png"
    assert written.is_file() and prompts.errors == []
    assert tab.chart.data.title.startswith("All crime")
    assert prompts.infos[-1] == ("Export Chart", f"Saved the chart “{tab.chart.data.title}” to {written}.")


def test_an_export_named_for_another_kind_of_file_is_refused_in_one_sentence(demo_window, prompts, tmp_path):
    """Projects > Export… as "register.pdf" read 'The register was not saved: register.pdf: choose a file ending
    .xlsx or .csv or .tsv. (the register is exported as .xlsx, .csv or .tsv)': the endings twice, the second after
    the full stop. It says them once, as a list reads."""
    tab = demo_window.show_tab("projects")
    prompts.file_names.append(str(tmp_path / "register.pdf"))
    tab.register.export_register()
    assert prompts.errors == [("Export", "The register was not saved: register.pdf: choose a file ending .xlsx, .csv "
                                         "or .tsv.")]
    assert not (tmp_path / "register.pdf").exists()


def test_the_allocation_s_workbook_says_which_allocation_it_is(demo_window, prompts, tmp_path):
    """Allocation > Export… wrote a workbook whose title read only "Allocation": the county lead opening it could not
    tell which year's split, which scenario, nor whose, as the register's ("Project register — Example office") and
    the ledger's ("DHR ledger per partner as at …") titles say theirs. It names the year and the scenario worked on
    (as Working on shows them) and the office."""
    tab = demo_window.show_tab("allocation")
    p = tab.presenter
    assert p.year == "2009/10" and p.name
    prompts.file_names.append(str(tmp_path / "allocation.xlsx"))
    tab.export_results()
    sheet = openpyxl.load_workbook(tmp_path / "allocation.xlsx")["Allocation"]
    office = demo_window.session.store.office_name
    assert sheet["A1"].value == f"Allocation 2009/10 — {p.name} ({office})"
    assert sheet["G9"].value == 589608  # the seed's pot, to the penny, as the tab's Totals row


def test_the_contents_sheet_s_descriptions_are_read_whole(demo_store, tmp_path):
    """The county workbook's Contents sheet: each sheet's "What it shows" (up to 270 characters: Fund spend's says how
    months of fewer than three victims are merged) stood on one line in a column 90 characters wide, with the Rows
    figure in the next cell, so Excel cut it off mid-sentence. A description wider than its column wraps, its row
    as tall as it needs, read whole."""
    from safer_desk.services.county import export_for_county

    export_for_county(demo_store, tmp_path / "office.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "office.xlsx")["Contents"]
    width = column_width(ws, 2)
    described = [row for row in ws.iter_rows(min_row=1) if row[0].hyperlink is not None]
    assert described and any(len(r[1].value) > width for r in described)
    for sheet, what, rows in described:
        assert what.alignment.wrap_text or len(what.value) <= width, (sheet.value, what.value)
        assert what.alignment.vertical == "top" and sheet.alignment.vertical == "top"
        assert isinstance(rows.value, int)


def test_the_indicator_sheets_show_each_figure_s_unit_as_the_tab_does(demo_store, tmp_path):
    """The county workbook's indicator sheets printed NI 42 (the share of people who see drug dealing as a problem,
    "16.9%" on the Indicators tab) as a bare 16.9 under "Figure", and a rate as 1,610 without its "per 100,000":
    no heading says the unit, since each row's may differ. Each figure now prints as the tab shows it ("16.9%"), the
    cell still the number 16.9 Excel adds up and charts; a count stays a plain number."""
    from safer_desk.services.county import export_for_county

    export_for_county(demo_store, tmp_path / "office.xlsx")
    book = openpyxl.load_workbook(tmp_path / "office.xlsx")
    ws = book["Indicators by month"]
    rows = [row for row in ws.iter_rows(min_row=4) if row[1].value and str(row[1].value).startswith("NI 42")]
    june = next(r for r in rows if r[3].value and r[3].value.month == 10)
    assert june[4].value == 16.9 and june[4].number_format == '#,##0.0"%"'
    counts = [row for row in ws.iter_rows(min_row=4) if row[1].value == "Arson offences"]
    assert counts and counts[0][4].number_format == "#,##0"
    summary = book["Indicator summary"]
    ni42 = next(r for r in summary.iter_rows(min_row=4) if str(r[2].value).startswith("NI 42") and r[4].value)
    assert ni42[4].value == 16.9 and ni42[4].number_format == '#,##0.0"%"'
    assert column_width(ws, 5) >= len("16.9%")
