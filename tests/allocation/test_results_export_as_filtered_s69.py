"""Allocation > Results with a column filter on (Partnership "Western"): Copy Table copied the row shown and a totals
line of it, but Export… wrote all seven partnerships and the pot's totals, so the two disagreed about one table. Export
now holds what the table shows, in its order (the kit's rule, ui/kit/exports.py, as Projects, Indicators and the DHR
ledger export), and says when a filter hides some: in the workbook's title ("1 of 5 partnerships (as filtered:
Partnership “western”)") and on its totals line ("Total of the 1 shown (of 5 partnerships)"), so a board paper never
carries a part as if it were the whole. Copy Table's totals line says so too."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtGui import QGuiApplication


@pytest.fixture
def tab(demo_window):
    return demo_window.show_tab("allocation")


def _csv_rows(path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_export_holds_the_rows_the_filter_shows_as_copy_table_does(qtbot, tab, prompts, tmp_path):
    tab.results_proxy.set_column_filter(tab.results_model.column_index("name"), "Western")
    tab.copy_results()
    copied = [line.split("\t") for line in QGuiApplication.clipboard().text().splitlines()]
    assert [row[0] for row in copied[1:]] == ["Western CSP", "Total of the 1 shown (of 5 partnerships)"]
    target = tmp_path / "allocation.csv"
    prompts.file_names.append(str(target))
    tab.export_results()
    assert not prompts.errors
    rows = _csv_rows(target)
    names = [row[0] for row in rows if row]
    assert "Western CSP" in names and "Total of the 1 shown (of 5 partnerships)" in names
    assert not {"Babergh CSP", "Total"} & set(names), names
    western = next(row for row in rows if row and row[0] == "Western CSP")
    total = next(row for row in rows if row and row[0].startswith("Total of the 1 shown"))
    assert total[2:4] == western[2:4]  # the totals line totals the row shown: its fixed and variable fees


def test_workbook_title_says_a_filter_hid_some(qtbot, tab, prompts, tmp_path):
    from openpyxl import load_workbook

    tab.results_proxy.set_column_filter(tab.results_model.column_index("name"), "Western")
    target = tmp_path / "allocation.xlsx"
    prompts.file_names.append(str(target))
    tab.export_results()
    assert not prompts.errors
    sheet = load_workbook(target).worksheets[0]
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert any("1 of 5 partnerships (as filtered: Partnership “western”)" in c for c in cells), cells[:5]
    said = tab.window().statusBar().currentMessage()
    assert said == f"Exported 1 of 5 partnerships (as filtered: Partnership “western”) to {target}"


def test_without_a_filter_export_and_copy_hold_every_partnership_and_the_pot(qtbot, tab, prompts, tmp_path):
    tab.copy_results()
    assert "Total\t589608\t655120\t-65512\t7\t196539\t393069" in QGuiApplication.clipboard().text()
    target = tmp_path / "allocation.csv"
    prompts.file_names.append(str(target))
    tab.export_results()
    names = [row[0] for row in _csv_rows(target) if row]
    assert "Total" in names and "Babergh CSP" in names


def test_export_keeps_the_order_the_results_are_sorted_in(qtbot, tab, prompts, tmp_path):
    from PySide6.QtCore import Qt

    tab.results_view.sortByColumn(tab.results_model.column_index("name"), Qt.SortOrder.DescendingOrder)
    tab.copy_results()
    copied = [line.split("\t")[0] for line in QGuiApplication.clipboard().text().splitlines()[1:]]
    target = tmp_path / "allocation.csv"
    prompts.file_names.append(str(target))
    tab.export_results()
    names = [row[0] for row in _csv_rows(target) if row and row[0] in copied]
    assert names == copied and copied[0] == "Western CSP" and copied[-1] == "Total"
