"""Round 36 (helper prr): every table's copy is safe to paste into Excel, by one rule in the kit.

The register's Copy put a quote before text Excel would run as a formula ("=HYPERLINK(…)", "+44 helpline", "@SUM");
every other table (Commissioning, Costs, Indicators, Budgets, Allocation, History …) put such text on the clipboard
as it is. The copy and the CSV files now share one rule: text that would start a formula gets the quote Excel reads
as "this is text" (and does not show); a figure as a table shows it ("-£5,000", "-5", "+3.5%") is a value, not a
formula, and is left to paste as a number. Every paste reads the quote off again, so a copy pasted back into a table
gives what it held.
"""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableWidgetItem

from safer_desk.ui.kit.sheet_table import SheetTable
from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import Column, RowTableModel, SortProxy, money_column

FORMULAS = ['=HYPERLINK("http://example.org","Bid")', "+44 1473 123456 helpline", "@SUM(A1:A3)", "-cmd|' /C calc'!A0"]
FIGURES = ["-£5,000", "-5", "+3.5%", "£1,234.50", "-6,957", "+£56,500"]


def clipboard_cells() -> list[list[str]]:
    return list(csv.reader(io.StringIO(QGuiApplication.clipboard().text()), delimiter="\t"))


def press_copy(qtbot, widget) -> None:
    QGuiApplication.clipboard().clear()
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)


@pytest.fixture
def data_table(qtbot):
    rows = [{"name": formula, "shown": figure, "owed": -500_000 + n}
            for n, (formula, figure) in enumerate(zip(FORMULAS, FIGURES))]
    model = RowTableModel([Column("name", "Name"), Column("shown", "+/- as shown"),
                           money_column("owed", "Owed")], rows)
    proxy = SortProxy()
    proxy.setSourceModel(model)
    view = DataTableView(accessible_name="Copied")
    view.setModel(proxy)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_a_kit_table_copies_formula_text_quoted_and_figures_as_figures(data_table, qtbot):
    data_table.selectAll()
    press_copy(qtbot, data_table)
    cells = clipboard_cells()
    assert cells[0] == ["Name", "'+/- as shown", "Owed"]  # a heading is text like any other cell
    assert [r[0] for r in cells[1:]] == ["'" + f for f in FORMULAS]
    assert [r[1] for r in cells[1:]] == FIGURES[:len(FORMULAS)]
    assert [r[2] for r in cells[1:]] == ["-5000", "-4999.99", "-4999.98", "-4999.97"]


def test_a_sheet_table_copies_its_shown_figures_as_figures_and_its_formula_text_quoted(qtbot):
    table = SheetTable(2, len(FIGURES), corner="Year")
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels([f"C{c}" for c in range(len(FIGURES))])
    table.setVerticalHeaderLabels(["=2009/10", "2010/11"])
    for c, figure in enumerate(FIGURES):
        table.setItem(0, c, QTableWidgetItem(figure.replace("-", "\u2212")))  # as a table shows a minus
        table.setItem(1, c, QTableWidgetItem(FORMULAS[c % len(FORMULAS)]))
    table.show()
    qtbot.waitExposed(table)
    table.selectAll()
    press_copy(qtbot, table)
    cells = clipboard_cells()
    assert cells[1] == ["'=2009/10", *FIGURES]
    assert cells[2] == ["2010/11", *("'" + FORMULAS[c % len(FORMULAS)] for c in range(len(FIGURES)))]


def test_the_commissioning_table_copies_a_title_that_reads_as_a_formula_quoted(demo_window, qtbot):
    from safer_desk.services import projects as svc

    tab = demo_window.show_tab("projects")
    tab.register.presenter.add_pasted([svc.project_from_fields({"title": "+44 1473 123456 helpline"}),
                                       svc.project_from_fields({"title": "@home safety checks", "cost": "£2,500"})])
    page = demo_window.show_tab("projects").show_commissioning()
    view, model = page.view, page.view.model()
    titles = [model.index(r, 2).data() for r in range(model.rowCount())]
    view.clearSelection()
    for title in ("+44 1473 123456 helpline", "@home safety checks"):
        view.selectionModel().select(model.index(titles.index(title), 0),
                                     view.selectionModel().SelectionFlag.Select
                                     | view.selectionModel().SelectionFlag.Rows)
    press_copy(qtbot, view)
    cells = clipboard_cells()
    heading = cells[0]
    copied = {row[heading.index("Project / initiative")]: row[heading.index("Cost")] for row in cells[1:]}
    assert copied == {"'+44 1473 123456 helpline": "", "'@home safety checks": "2500"}


@pytest.mark.parametrize("keep_blank_rows", [False, True])
def test_every_paste_reads_the_quote_off_what_a_copy_quoted(keep_blank_rows):
    """The register, the Indicators grid, Budgets, Allocation and the DHR partners all read a paste with
    ``parse_tsv``: a copy pasted back gives the cells as they were, figures and all."""
    from safer_desk.exchange.files import parse_tsv, to_tsv

    assert parse_tsv("'=1+1\t-£5,000\n'@home\t'-5\n", keep_blank_rows=keep_blank_rows) == [
        ["=1+1", "-£5,000"], ["@home", "'-5"]]  # "'-5" is no copy's: the quote is the cell's own
    rows = [["Name", "+/- as shown"], *([f, g] for f, g in zip(FORMULAS, FIGURES)), ["'quoted by hand", "'-5"]]
    assert parse_tsv(to_tsv(rows), keep_blank_rows=keep_blank_rows) == rows
