"""Round 62: the editor's cost lines to Excel and back.

With Suffolk ELEV8's nine cost lines (seed 000) selected, Ctrl+C copied one cell ("2009/10") and Edit > Copy the
register's row instead; Ctrl+V of lines copied from Excel did nothing, and Edit > Paste opened the register's *Paste
rows* preview, offering each cost line as a new project. The grid now copies its selected lines as Excel reads them,
with their headings, and pastes lines from Excel into the editor (unsaved, as if typed: Save or Revert): a block
from the current line down (by its headings when it has them, else Year, Category, Description, Amount), a single
column into the current column.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from safer_desk.services import projects as svc
from tests.projects.test_register_leave_round39pjx import click_row

ELEV8_ROW = 4  # Suffolk ELEV8 in the example's register, sorted by ref


@pytest.fixture
def grid(demo_window, qtbot):
    demo_window.resize(1280, 800)
    demo_window.show()
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window)  # Edit > Copy asks the widget in focus
    page = demo_window.show_tab("projects").register
    click_row(qtbot, page, ELEV8_ROW)
    assert page.presenter.selected_project.title == "Suffolk ELEV8"
    table = page.editor.cost_lines.table
    table.setFocus()
    return page, table


def _lines(page):
    return list(page.presenter.editor.value("cost_lines"))


def test_the_lines_selected_copy_for_excel(demo_window, grid, qtbot):
    page, table = grid
    table.selectAll()
    for copy in (lambda: qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier),
                 demo_window.copy_action.trigger):
        QGuiApplication.clipboard().setText("(before)")
        copy()
        rows = [line.split("\t") for line in QGuiApplication.clipboard().text().splitlines()]
        assert rows[0][-5:] == ["Year", "Category", "Description", "Amount", "Read as"]
        assert len(rows) == 1 + len(_lines(page)) == 10
        assert rows[1][-5:-1] == list(_lines(page)[0])


def test_lines_copied_paste_back_into_another_project(demo_window, grid, qtbot):
    page, table = grid
    table.selectAll()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    elev8 = _lines(page)
    click_row(qtbot, page, 3)  # Local Domestic Violence Coordinators: no cost lines
    assert _lines(page) == []
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert _lines(page) == elev8
    assert page.paste_dialog is None  # not the register's Paste rows preview
    page.editor.widgets["cost"].selectAll()
    page.editor.widgets["cost"].insert("£101,500")
    assert demo_window.save_current()
    saved = svc.get_project(page.session.store, page.presenter.selected_project.id)
    assert [line.amount.describe() for line in saved.cost_lines][:2] == ["£18,000", "£4,000"]


def test_a_block_from_excel_goes_in_from_the_current_line(demo_window, grid, qtbot):
    page, table = grid
    before = _lines(page)
    table.setCurrentCell(8, 0)  # the last line
    QGuiApplication.clipboard().setText("2010/11\tevaluation\tIndependent evaluation\t£3,000\r\n"
                                        "2011/12\tvenue\tHall hire\t£500\r\n")
    demo_window.paste_action.trigger()
    assert _lines(page) == [*before[:8], ("2010/11", "evaluation", "Independent evaluation", "£3,000"),
                            ("2011/12", "venue", "Hall hire", "£500")]
    assert page.paste_dialog is None  # not the register's Paste rows preview


def test_a_column_of_amounts_goes_into_the_amount_column(demo_window, grid, qtbot):
    page, table = grid
    before = _lines(page)
    table.setCurrentCell(0, 3)
    QGuiApplication.clipboard().setText("£19,000\r\n£4,500\r\n")
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    after = _lines(page)
    assert [line[3] for line in after[:3]] == ["£19,000", "£4,500", before[2][3]]
    assert [line[:3] for line in after] == [line[:3] for line in before]


# -- headings a sheet uses (round 62, second look) ------------------------------------------------------------------
# Lines pasted from a sheet headed "Item" and "Cost" (or "FY", "Detail", "£") put the heading row in as a cost line
# ("Item" … "Cost", queried as not an amount): only the grid's own headings were read. The usual headings are read
# now; a column under a heading that is not a cost line's is left out, and a first row of words above lines of
# figures is taken as headings and left out, each said in the status bar.

def _paste(demo_window, table, text: str) -> None:
    """Pasted from ELEV8's last line (the ninth) down."""
    table.setCurrentCell(8, 0)
    QGuiApplication.clipboard().setText(text)
    table.setFocus()
    demo_window.paste_action.trigger()


@pytest.mark.parametrize("text", [
    "Item\tCost\r\nIndependent evaluation\t£3,000\r\nHall hire\t£500\r\n",
    "FY\tDetail\t£\r\n2010/11\tIndependent evaluation\t£3,000\r\n2011/12\tHall hire\t£500\r\n",
    "Year\tDescription\tAmount (£)\r\n2010/11\tIndependent evaluation\t£3,000\r\n2011/12\tHall hire\t£500\r\n",
])
def test_the_usual_headings_of_a_sheet_are_read(demo_window, grid, text):
    page, table = grid
    _paste(demo_window, table, text)
    added = _lines(page)[8:]
    assert [(line[2], line[3]) for line in added] == [("Independent evaluation", "£3,000"), ("Hall hire", "£500")]
    assert not any("Item" in line or "Cost" in line or "Detail" in line for line in added)


def test_a_column_under_another_heading_is_left_out_and_said(demo_window, grid):
    page, table = grid
    _paste(demo_window, table, "Item\tCost\tNotes\r\nHall hire\t£500\tbooked\r\n")
    assert [line[2:] for line in _lines(page)[8:]] == [("Hall hire", "£500")]  # its year and category kept
    assert "Notes" in demo_window.statusBar().currentMessage()


def test_a_heading_row_not_known_is_left_out_and_said(demo_window, grid):
    page, table = grid
    _paste(demo_window, table, "When\tKind\tWhat\tSpend\r\n2010/11\tvenue\tHall hire\t£500\r\n")
    assert _lines(page)[8:] == [("2010/11", "venue", "Hall hire", "£500")]
    said = demo_window.statusBar().currentMessage()
    assert "When" in said and "headings" in said
