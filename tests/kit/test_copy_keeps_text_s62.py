"""Round 62: a financial year, a month or a fraction copied from a table is not a date in Excel.

Every table's Copy gave Excel tab-separated text alone, and Excel reads a cell of text as if typed: a part-date is a
date. "1/3" is 1 March (a fraction needs "0 1/3"), "12/16" December 2016, "Apr-21" the 21st of April this year; a
financial year "2009/10" may be read as October 2009. Copy now also gives Excel the same table as HTML (Excel reads
a table copied so before the plain text), each cell that is not a figure, a date or a fraction formatted as Text
(mso-number-format "\\@"), so it stays as shown; figures paste as numbers, a fraction as a fraction, dates as dates.
The plain text is as it was, and it is what every paste in Safer Desk reads, so a copy pasted back is unchanged.
"""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import Column, RowTableModel, SortProxy, money_column

TEXT = 'mso-number-format:"\\@"'


class _Cells(HTMLParser):
    """The HTML table's cells as (text, formatted as Text)."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[tuple[str, bool]]] = []
        self._cell: list | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = ["", TEXT in (dict(attrs).get("style") or "")]
        elif tag == "br" and self._cell is not None:
            self._cell[0] += "\n"

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[0] += data

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(tuple(self._cell))
            self._cell = None


def html_cells() -> list[list[tuple[str, bool]]]:
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasHtml(), mime.formats()
    parser = _Cells()
    parser.feed(mime.html())
    return parser.rows


def press_copy(qtbot, widget) -> None:
    QGuiApplication.clipboard().setText("(nothing copied)")
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)


ROWS = [{"year": "2009/10", "month": "Apr-21", "period": "12/16", "scale": "0 1/3", "when": "01/04/2018",
         "name": "Babergh", "owed": 3_500_000, "note": "=SUM(A1)", "two": "line one\nline two"},
        {"year": "2010/11", "month": "Dec-16", "period": "1/3", "scale": "in full", "when": "",
         "name": "TRUE", "owed": -695_700, "note": "", "two": ""}]


@pytest.fixture
def table(qtbot):
    model = RowTableModel([Column("year", "Year"), Column("month", "Month"), Column("period", "Period"),
                           Column("scale", "Scale"), Column("when", "Date"), Column("name", "Name"),
                           money_column("owed", "Owed"), Column("note", "Note"), Column("two", "Two lines")], ROWS)
    proxy = SortProxy()
    proxy.setSourceModel(model)
    view = DataTableView(accessible_name="Copied")
    view.setModel(proxy)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.selectAll()
    return view


def test_the_copy_gives_excel_text_cells_formatted_as_text(table, qtbot):
    press_copy(qtbot, table)
    cells = html_cells()
    assert [text for text, _ in cells[0]] == ["Year", "Month", "Period", "Scale", "Date", "Name", "Owed", "Note",
                                              "Two lines"]
    first, second = ({text: as_text for text, as_text in row} for row in cells[1:])
    assert first == {"2009/10": True, "Apr-21": True, "12/16": True, "0 1/3": False, "01/04/2018": False,
                     "Babergh": True, "35000": False, "'=SUM(A1)": True, "line one\nline two": True}
    assert second == {"2010/11": True, "Dec-16": True, "1/3": True, "in full": True, "": False, "TRUE": True,
                      "-6957": False}


def test_the_plain_text_is_as_it_was_and_pastes_back_as_copied(table, qtbot):
    press_copy(qtbot, table)
    text = QGuiApplication.clipboard().text()
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    assert rows[1] == ["2009/10", "Apr-21", "12/16", "0 1/3", "01/04/2018", "Babergh", "35000", "'=SUM(A1)",
                       "line one\nline two"]
    from safer_desk.exchange.files import parse_tsv

    assert parse_tsv(text)[1][7] == "=SUM(A1)"  # what every paste reads: the copy's own quote read off


def test_every_copy_of_the_window_goes_through_the_kit():
    """No table puts its copy on the clipboard as text alone (then a year pasted into Excel is a date again)."""
    from pathlib import Path

    import safer_desk

    root = Path(safer_desk.__file__).parent / "ui"
    alone = [f"{p.relative_to(root)}:{n}" for p in root.rglob("*.py")
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"clipboard\(\)\.setText\(", line)]
    assert alone == []


def test_the_plan_s_years_copied_from_budgets_stay_years_in_excel(demo_window, qtbot):
    """The MTFP's lines by year (seed 004): its headings 2011/12 … 2014/15 are text to Excel, its amounts figures."""
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("budgets")
    tab.view.selectAll()
    press_copy(qtbot, tab.view)
    heading, *rows = html_cells()
    years = [(text, as_text) for text, as_text in heading if re.fullmatch(r"\d{4}/\d{2}", text)]
    assert years and all(as_text for _, as_text in years), heading
    amounts = [(text, as_text) for row in rows for text, as_text in row if re.fullmatch(r"-?\d+(\.\d+)?", text)]
    assert amounts and not any(as_text for _, as_text in amounts)
