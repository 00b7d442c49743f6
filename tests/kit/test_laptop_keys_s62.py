"""Session 62 (kit): the window at a council laptop's size (1093x582), by keyboard.

The Budgets grid had no Alt key: every other table and field of the page had one, and an officer in the new line's
label could reach the plan's figures only by Tab through a dozen stops or the mouse. "Plan fig&ures:" leads the hint
under the grid, Alt+U, and puts the keyboard on the plan's first figure. Scrolled sideways, the grid's line names went
off its left edge; and Ctrl+C copied a cell in the paper's words as "TBC" alone."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableView

from safer_desk.services import budgets as svc
from tests.foundation.test_window_guard import clashes, mnemonic

LINE = "Domestic Homicide Reviews (DHRs)"
SUFFOLK = "Western Suffolk CSP financial implications 2017/18 – 2019/20"


def _budgets(window, qtbot):
    window.resize(1093, 582)
    window.show()
    window.activateWindow()
    tab = window.show_tab("budgets")
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10000)
    return tab


def test_alt_u_puts_the_keyboard_on_the_plans_figures(demo_window, qtbot):
    tab = _budgets(demo_window, qtbot)
    tab.presenter.select(svc.plan_id_by_name(tab.presenter.store, SUFFOLK))
    tab.line_label.setFocus()
    qtbot.waitUntil(tab.line_label.hasFocus)
    qtbot.keyClick(tab.line_label, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(tab.view.hasFocus)
    at = tab.view.currentIndex()
    assert at.isValid() and at.column() in tab.model.year_columns
    assert tab.model.row(at.row()).kind == "line"
    assert mnemonic(tab.hint.text()) == "u" and tab.hint.isVisible() and tab.hint.buddy() is tab.view
    assert clashes(demo_window) == []


def _shown_at(view, point):
    """The text drawn at ``point`` of the grid's viewport: a cell of the grid, or of a widget drawn over it."""
    at = view.viewport().mapTo(view, point)
    over = view.childAt(at)
    while over is not None and over is not view.viewport():
        if isinstance(over.parent(), QTableView) and over is over.parent().viewport():
            table = over.parent()
            return table.indexAt(table.viewport().mapFrom(view, at)).data()
        over = over.parent()
    return view.indexAt(point).data()


def test_the_line_names_stay_in_sight_when_the_grid_is_scrolled_to_its_last_years(demo_window, qtbot):
    """At 1093x582 Western Suffolk's grid is wider than its room: scrolled to see 2019/20 and the Total, its line
    names went off the left edge, and a figure could not be told from the one above it."""
    tab = _budgets(demo_window, qtbot)
    tab.presenter.select(svc.plan_id_by_name(tab.presenter.store, SUFFOLK))
    qtbot.waitUntil(lambda: tab.view.horizontalScrollBar().maximum() > 0)
    row = next(n for n, r in enumerate(tab.presenter.rows) if r.label == LINE)
    last = tab.model.index(row, tab.model.columnCount() - 1)
    tab.view.setCurrentIndex(last)
    tab.view.scrollTo(last)
    qtbot.waitUntil(lambda: tab.view.horizontalScrollBar().value() > 0)
    middle = tab.view.visualRect(tab.model.index(row, 0)).center().y()
    assert _shown_at(tab.view, QPoint(8, middle)) == LINE
    assert tab.view.visualRect(last).left() >= tab.view.columnWidth(0)  # the cell chosen is not under the names
    # Back a cell at a time to the first year: each comes out from under the names as it is chosen.
    first = tab.model.index(row, tab.model.year_columns[0])
    tab.view.setFocus()
    while tab.view.currentIndex().column() > first.column():
        qtbot.keyClick(tab.view, Qt.Key.Key_Left)
        at = tab.view.visualRect(tab.view.currentIndex())
        assert at.left() >= tab.view.columnWidth(0) - 1 or tab.view.horizontalScrollBar().value() == 0


def test_ctrl_c_copies_a_tbc_in_the_papers_words_and_pastes_back_the_same(demo_window, qtbot):
    """A cell typed "Awaiting confirmation" shows TBC (its tooltip and editor give the paper's words): Ctrl+C put
    "TBC" alone in Excel, the paper's words lost, though the workbook says "Awaiting confirmation (TBC)". Ctrl+C
    copies that too, and pasted back into a plan it is the same cell (not a TBC with a note "TBC")."""
    tab = _budgets(demo_window, qtbot)
    p = tab.presenter
    p.select(svc.plan_id_by_name(p.store, SUFFOLK))
    row = next(n for n, r in enumerate(p.rows) if r.label == LINE)
    assert p.set_cell(p.rows[row].line_id, p.columns[1], "Awaiting confirmation"), p.error
    cell = tab.model.index(row, tab.model.year_columns[1])
    assert cell.data() == "TBC"
    tab.view.setCurrentIndex(cell)
    tab.view.setFocus()
    qtbot.waitUntil(tab.view.hasFocus)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(tab.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    heading, line = QGuiApplication.clipboard().text().splitlines()[:2]
    copied = dict(zip(heading.split("\t"), line.split("\t")))
    assert copied["2018/19"] == "Awaiting confirmation (TBC)"
    assert p.set_cell(p.rows[row].line_id, p.columns[2], "")  # 2019/20 emptied, then the copy pasted over it
    tab.view.setCurrentIndex(tab.model.index(row, 0))
    tab.view.paste_rows()
    assert not p.error, p.error
    again = p.rows[row].cells[1]
    assert (again.text, again.words, again.note) == ("TBC", "Awaiting confirmation", "")


def test_a_double_click_on_a_name_kept_in_sight_renames_the_line_in_view(demo_window, qtbot):
    tab = _budgets(demo_window, qtbot)
    tab.presenter.select(svc.plan_id_by_name(tab.presenter.store, SUFFOLK))
    qtbot.waitUntil(lambda: tab.view.horizontalScrollBar().maximum() > 0)
    tab.view.horizontalScrollBar().setValue(tab.view.horizontalScrollBar().maximum())
    names = tab.view.line_names
    qtbot.waitUntil(names.isVisible)
    row = next(n for n, r in enumerate(tab.presenter.rows) if r.label == LINE)
    at = names.visualRect(names.model().index(row, 0)).center()
    qtbot.mouseClick(names.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseDClick(names.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(lambda: tab.view.state() == QTableView.State.EditingState)
    editor = tab.view.indexWidget(tab.view.currentIndex())
    assert editor is not None and editor.isVisible() and editor.text() == LINE
    assert tab.view.viewport().rect().contains(editor.geometry().center())  # where it can be seen, not off the edge
