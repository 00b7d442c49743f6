"""Edit > Undo names, and undoing chooses, the partnerships' rows a paste changed (session 72).

Four partnerships copied from Excel with the sheet's heading line and the blank lines under them (as a selection of
whole rows brings) pasted as one step named "Undo paste 7 rows", and undoing a column pasted with its heading over
the first two rows chose three, the third untouched. The heading line and the blank lines past the table's end are
not rows pasted: the step is named, and chooses, the rows that took figures.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.services import allocation_workbench as bench
from safer_desk.services.demo_data.allocation import suffolk_options

SHEET = ("CSP\tDistricts\tBCS comparator offences 2007-08\tAllocation 2008/09\r\n"
         "Cherwell\t1\t9,000\t£100,000.00\r\n"
         "Oxford\t1\t14,000\t£150,000.00\r\n"
         "South & Vale\t2\t10,000\t £ -   \r\n"
         "West Oxon\t1\t5,000\t£70,000.00\r\n"
         "\t\t\t\r\n\r\n")


@pytest.fixture
def tab(demo_window):
    return demo_window.show_tab("allocation")


def paste(qtbot, tab, row, column, text):
    view = tab.inputs_view
    view.setFocus()
    view.setCurrentIndex(tab.inputs_model.index(row, column))
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def chosen_rows(tab):
    return sorted({i.row() for i in tab.inputs_view.selectionModel().selectedIndexes()})


def test_the_rows_a_paste_takes_leave_out_its_heading_and_blank_lines_past_the_end():
    state = bench.WorkState((), suffolk_options())  # its factor headed "BCS comparator offences 2007-08"
    table = [line.split("\t") for line in SHEET.split("\r\n")][:-1]
    assert bench.pasted_rows(state, 0, 0, table) == (table[1:5], 2)
    column = [["Last year"], ["£1"], [""], ["£2"]]  # a blank within the table's rows blanks its cell: a row pasted
    demo = bench.with_pasted(state, 0, 0, table)
    assert bench.pasted_rows(demo, 0, 3, column) == (column[1:], 2)
    # Past the end, the blank lines below the last figure are no partnerships.
    assert bench.pasted_rows(demo, 3, 3, [["£1"], [""], ["", ""]]) == ([["£1"]], 1)


def test_a_sheets_rows_with_heading_and_blank_lines_are_one_step_of_as_many_rows(qtbot, demo_window, tab, prompts):
    view = tab.inputs_view
    view.setFocus()
    view.selectAll()
    tab.remove_partnerships()
    paste(qtbot, tab, 0, 0, SHEET)
    assert [p.name for p in tab.state.partnerships] == ["Cherwell", "Oxford", "South & Vale", "West Oxon"]
    assert demo_window.undo_action.text() == "&Undo paste 4 rows" and not prompts.errors
    demo_window.undo_action.trigger()
    assert demo_window.redo_action.text() == "&Redo paste 4 rows"
    demo_window.redo_action.trigger()
    assert chosen_rows(tab) == [0, 1, 2, 3]


def test_undoing_a_column_pasted_with_its_heading_chooses_the_rows_it_changed(qtbot, demo_window, tab, prompts):
    last_year = tab.state.input_headers().index("Last year")
    paste(qtbot, tab, 0, last_year, "Last year\r\n£70,000\r\n£160,000\r\n")
    assert [p.previous_pence for p in tab.state.partnerships[:3]] == [70_000_00, 160_000_00, 113_832_00]
    assert demo_window.undo_action.text() == "&Undo paste 2 rows" and not prompts.errors
    demo_window.undo_action.trigger()
    assert tab.state.partnerships[0].previous_pence == 70_725_00
    assert chosen_rows(tab) == [0, 1]


def test_the_headings_alone_pasted_change_nothing_and_say_nothing_went_wrong(qtbot, demo_window, tab, prompts):
    before = tab.state
    paste(qtbot, tab, 0, 0, "Partnership\tFixed units\r\n")
    assert tab.state == before and not prompts.errors and not demo_window.undo_action.isEnabled()
