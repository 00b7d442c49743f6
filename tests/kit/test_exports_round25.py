"""Exports and copies as an officer preparing a board paper makes them: one rule for every table (what is shown is
what is written, and a filter that hides rows is said in the confirmation and in the file)."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear

TODAY = date(2018, 9, 1)
COUNCILS = ["Babergh District Council", "Forest Heath District Council", "Mid Suffolk District Council",
            "St Edmundsbury Borough Council", "Suffolk County Council"]


@pytest.fixture
def ledger(demo_window, qtbot):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.ledger
    page.today = TODAY
    page.refresh()
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    return page


def search(page, qtbot, text: str) -> None:
    page.search.setFocus()
    qtbot.keyClicks(page.search, text)
    qtbot.waitUntil(lambda: page.partners.proxy.rowCount() == len(COUNCILS) + 1)  # and its totals line


def test_copy_ledger_with_a_search_copies_the_partners_shown_and_their_total(ledger, qtbot):
    """Search "council", Copy ledger: the five councils shown and the total of those five, saying so (it copied all
    eleven partners under a "Total" of the councils alone: £6,841.46 billed shown as £3,420.73)."""
    search(ledger, qtbot, "council")
    lines = [line.split("\t") for line in ledger.copy_all().splitlines()]
    assert [line[0] for line in lines[1:-1]] == COUNCILS
    assert lines[-1][0] == "Total of the 5 shown (of 11 partners)"
    assert lines[-1][3] == "3420.73"  # billed: 684.15 × 3 + 684.14 × 2


def test_copy_ledger_with_nothing_hidden_says_total(ledger):
    lines = ledger.copy_all().splitlines()
    assert len(lines) == 13 and lines[-1].startswith("Total\t")


def test_export_ledger_with_a_search_says_so_in_the_confirmation_and_the_file(ledger, qtbot, tmp_path, prompts):
    search(ledger, qtbot, "council")
    prompts.file_names.append(str(tmp_path / "ledger.csv"))
    out = ledger.export()
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert [r[0] for r in rows[1:-1]] == COUNCILS
    assert rows[-1][0] == "Total of the 5 shown (of 11 partners)" and rows[-1][3] == "3420.73"
    said = f"Saved 5 of 11 partners (as filtered: search “council”) to {out}."  # a CSV holds the partners alone
    assert prompts.infos == [("Export", said)]
    import openpyxl

    book = openpyxl.load_workbook(ledger.export(str(tmp_path / "ledger.xlsx")))
    sheet = book["Per partner"]
    assert sheet["A1"].value == ("DHR ledger per partner as at 01/09/2018: 5 of 11 partners "
                                 "(as filtered: search “council”)")
    assert sheet.cell(sheet.max_row, 1).value == "Total of the 5 shown (of 11 partners)"


def test_export_ledger_with_nothing_hidden_says_how_many(ledger, tmp_path, prompts):
    out = ledger.export(str(tmp_path / "ledger.csv"))
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[-1][0] == "Total" and rows[-1][3] == "7525.58"
    assert prompts.infos == [("Export", f"Saved 11 partners to {out}.")]
    xlsx = ledger.export(str(tmp_path / "ledger.xlsx"))
    assert prompts.infos[-1] == ("Export", f"Saved 11 partners and 4 cases to {xlsx}.")


def test_the_register_export_with_a_filter_says_how_many_of_the_register_it_holds(demo_window, qtbot, tmp_path,
                                                                                  prompts):
    """Projects: a status chosen and a word searched, Export…: "Saved 3 of 23 projects (as filtered: …)", not
    "Saved 2 projects" as if that were the register."""
    page = demo_window.show_tab("projects").register
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 23, timeout=10000)
    page.status_filter.setCurrentIndex(page.status_filter.findData("proposed"))
    qtbot.keyClicks(page.search, "domestic")
    qtbot.waitUntil(lambda: 0 < len(page.proxy.source_rows()) < 23)
    shown = len(page.proxy.source_rows())
    target = tmp_path / "register.xlsx"
    prompts.file_names.append(str(target))
    page.export_register()
    status = page.status_filter.currentText()
    said = f"Saved {shown} of 23 projects (as filtered: search “domestic”; {status}) to {target}."
    assert prompts.infos == [("Export", said)]


def test_the_indicators_export_with_a_column_filter_says_so(demo_window, tmp_path, prompts):
    tab = demo_window.show_tab("indicators")
    assert tab.select_area("district:plymouth") and tab.select_year(FinancialYear(2016))  # the paper's targets
    every = tab.summary_proxy.rowCount()
    tab.summary_proxy.set_column_filter(0, "amber")  # as the heading's menu filters it
    shown = len(tab.summary_proxy.source_rows())
    assert 0 < shown < every
    target = tmp_path / "indicators.csv"
    prompts.file_names.append(str(target))
    tab.export_summary()
    heading = tab.summary_model.columns[0].header
    said = f"Saved {shown} of {every} indicators (as filtered: {heading} “amber”) to {target}."
    assert prompts.infos == [("Export", said)]


def test_the_fund_report_export_says_where_it_was_saved(demo_window, qtbot, tmp_path, prompts):
    """Costs > Pooled funds, Export…: a confirmation naming the fund and the file, as every other export gives (it
    said nothing, so a coordinator could not tell a saved report from a cancelled one)."""
    tab = demo_window.show_tab("costs")
    page = tab.funds
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    prompts.file_names.append(str(tmp_path / "fund"))  # no suffix typed: an Excel workbook
    out = page.export()
    assert out == tmp_path / "fund.xlsx" and out.exists()
    assert prompts.infos == [("Export", f"Saved the fund report for Suffolk Target Hardening Pilot to {out}.")]
    assert page.export() is None and prompts.infos[1:] == []  # the dialog cancelled: nothing written, nothing said


def test_the_ledgers_per_case_sheet_says_a_headings_filter(ledger, tmp_path, prompts):
    ledger.per_case.proxy.set_column_filter(0, "2017")  # as the Case heading's menu filters it
    out = ledger.export(str(tmp_path / "ledger.xlsx"))
    assert prompts.infos == [("Export", f"Saved 11 partners and 3 of 4 cases (as filtered: Case “2017”) to {out}.")]
    import openpyxl

    sheet = openpyxl.load_workbook(out)["Per case"]
    assert sheet["A1"].value == "DHR ledger per case as at 01/09/2018: 3 of 4 cases (as filtered: Case “2017”)"
    assert [sheet.cell(r, 1).value for r in range(4, sheet.max_row + 1)] == [
        "WSCSP-DHR-2017-01", "WSCSP-DHR-2017-02", "WSCSP-LR-2017-01", "Total of the 3 shown (of 4 cases)"]



def _filtered_register(demo_window, qtbot):
    page = demo_window.show_tab("projects").register
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 23, timeout=10000)
    page.status_filter.setCurrentIndex(page.status_filter.findData("proposed"))
    qtbot.keyClicks(page.search, "domestic")
    qtbot.waitUntil(lambda: 0 < len(page.proxy.source_rows()) < 23)
    return page, [p.ref for p in page.proxy.source_rows()]


def test_the_register_workbook_with_a_filter_says_so_in_its_title(demo_window, qtbot, tmp_path, prompts):
    """Projects: a status and a search, Export… to Excel: the workbook's title says it holds a part of the register
    (it read "Project register — Example office" over the few projects, as if they were the whole register)."""
    import openpyxl

    page, refs = _filtered_register(demo_window, qtbot)
    target = tmp_path / "register.xlsx"
    prompts.file_names.append(str(target))
    page.export_register()
    said = f"{len(refs)} of 23 projects (as filtered: search “domestic”; {page.status_filter.currentText()})"
    assert prompts.infos == [("Export", f"Saved {said} to {target}.")]
    sheet = openpyxl.load_workbook(target)["Projects"]
    assert sheet["A1"].value == f"Project register — {demo_window.session.store.office_name}: {said}"
    assert [sheet.cell(r, 1).value for r in range(4, sheet.max_row + 1)] == refs


def test_the_register_csv_with_a_filter_still_starts_with_its_headings(demo_window, qtbot, tmp_path, prompts):
    """A CSV has no title row: its first row stays the headings, so the exported rows paste back in."""
    from safer_desk.services.projects import EXPORT_HEADER

    page, refs = _filtered_register(demo_window, qtbot)
    target = tmp_path / "register.csv"
    prompts.file_names.append(str(target))
    page.export_register()
    rows = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert rows[0] == list(EXPORT_HEADER) and [r[0] for r in rows[1:]] == refs


def test_the_register_workbook_with_nothing_hidden_keeps_its_title(demo_window, qtbot, tmp_path, prompts):
    import openpyxl

    page = demo_window.show_tab("projects").register
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 23, timeout=10000)
    target = tmp_path / "register.xlsx"
    prompts.file_names.append(str(target))
    page.export_register()
    assert prompts.infos == [("Export", f"Saved 23 projects to {target}.")]
    title = openpyxl.load_workbook(target)["Projects"]["A1"].value
    assert title == f"Project register — {demo_window.session.store.office_name}"


def test_the_indicators_workbook_with_a_column_filter_says_so_in_its_title(demo_window, tmp_path, prompts):
    """Indicators, a heading's filter, Export… to Excel: the sheet's title says how many of the indicators it holds
    (it read "Indicators for …" over the two amber rows, as if they were the summary)."""
    import openpyxl

    tab = demo_window.show_tab("indicators")
    assert tab.select_area("district:plymouth") and tab.select_year(FinancialYear(2016))  # the paper's targets
    every = tab.summary_proxy.rowCount()
    tab.summary_proxy.set_column_filter(0, "amber")
    shown = len(tab.summary_proxy.source_rows())
    target = tmp_path / "indicators.xlsx"
    prompts.file_names.append(str(target))
    tab.export_summary()
    said = f"{shown} of {every} indicators (as filtered: {tab.summary_model.columns[0].header} “amber”)"
    assert prompts.infos == [("Export", f"Saved {said} to {target}.")]
    sheet = openpyxl.load_workbook(target).active
    assert sheet["A1"].value == tab.presenter.summary_sheet().title + f": {said}"
    assert sheet["A1"].value.startswith("Indicators for ")
    assert sheet.max_row == 3 + shown
    csv_target = tmp_path / "indicators.csv"
    prompts.file_names.append(str(csv_target))
    tab.export_summary()
    rows = list(csv.reader(csv_target.open(encoding="utf-8-sig")))
    assert rows[0][:3] == ["RAG", "Indicator", "Code"] and len(rows) == 1 + shown


@pytest.fixture
def history(demo_window, qtbot):
    demo_window.show_history()
    dialog = demo_window._history_dialog
    qtbot.waitUntil(lambda: dialog.proxy.rowCount() > 0, timeout=10000)
    return dialog


def test_the_history_export_with_a_search_says_how_many_of_the_actions_it_holds(history, qtbot, tmp_path, prompts):
    """View > History of Changes, search "funding", Export…: "Saved 7 of 14 actions (as filtered: search
    “funding”)" and the same in the workbook's title (it said "Saved 7 actions", and the file had no word of a
    filter)."""
    import openpyxl

    every = history.proxy.rowCount()
    history.search.setFocus()
    qtbot.keyClicks(history.search, "funding")
    qtbot.waitUntil(lambda: 0 < history.proxy.rowCount() < every)
    shown = history.proxy.rowCount()
    target = tmp_path / "history.xlsx"
    prompts.file_names.append(str(target))
    history.export_button.click()
    said = f"{shown} of {every} actions (as filtered: search “funding”)"
    assert prompts.infos == [("Export", f"Saved {said} to {target}.")]
    sheet = openpyxl.load_workbook(target).active
    assert sheet["A1"].value == f"History of changes: {said}"
    assert sheet["A3"].value == "When" and sheet.max_row == 3 + shown


def test_the_history_export_names_the_area_and_dates_chosen(history, qtbot, tmp_path, prompts):
    every = history.proxy.rowCount()
    history.area_combo.setCurrentIndex(history.area_combo.findData("Projects"))
    history.since.edit.setFocus()
    qtbot.keyClicks(history.since.edit, "01/01/2000")
    qtbot.waitUntil(lambda: 0 < history.proxy.rowCount() < every)
    shown = history.proxy.rowCount()
    target = tmp_path / "history.csv"
    prompts.file_names.append(str(target))
    history.export()
    said = f"Saved {shown} of {every} actions (as filtered: Projects; from 01/01/2000) to {target}."
    assert prompts.infos == [("Export", said)]
    rows = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert rows[0][0] == "When" and len(rows) == 1 + shown  # a CSV: the headings first, no title


def test_the_history_export_with_nothing_hidden_says_how_many(history, tmp_path, prompts):
    import openpyxl

    every = history.proxy.rowCount()
    target = tmp_path / "history.xlsx"
    prompts.file_names.append(str(target))
    history.export()
    # The example's referrals are victim-level detail, left out of a file that leaves the program (round 32): said in
    # the confirmation and in the workbook's title, the only title a workbook of every action has.
    assert prompts.infos == [("Export", f"Saved {every} actions to {target}. The victim-level detail of 1 action was "
                                        "left out.")]
    sheet = openpyxl.load_workbook(target).active
    assert sheet["A1"].value == "History of changes: victim-level detail left out in 1 action"
    assert sheet["A3"].value == "When"
