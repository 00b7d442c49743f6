"""Session 72: figures copied from the Indicators grid (its Copy puts the periods over them and the row's label before
them, for Excel) and pasted back on the grid, of another year or indicator, were refused as "2 rows were copied, but
from 2025/26 only 1 row can take figures (never the Comment row): nothing was pasted." when one row had been copied,
and a single figure's label took the first month. The periods and labels the copy adds (or a sheet's row of periods
over its figures, with a label before each row) are now left aside: the figures land on the months they were copied
from, and pasted on another month's cell they are refused, naming the cell to paste on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetSelectionRange
from PySide6.QtGui import QGuiApplication

from safer_desk.domain.periods import FinancialYear

HATE = "Police recorded hate crime"
PLYMOUTH = "district:plymouth"


def _copy_figures(tab, cols: range) -> str:
    grid = tab.grid
    row = grid.keys.index("value")
    grid.clearSelection()
    grid.setRangeSelected(QTableWidgetSelectionRange(row, cols.start, row, cols.stop - 1), True)
    assert grid.copy_selection()
    return QGuiApplication.clipboard().text()


def _paste(qtbot, tab, col: int) -> None:
    grid = tab.grid
    grid.setFocus()
    grid.setCurrentCell(grid.keys.index("value"), col)
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def _tab(demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("indicators")
    assert tab.select_area(PLYMOUTH) and tab.select_year(FinancialYear(2016)) and tab.select_indicator(HATE)
    return tab


def test_figures_copied_from_the_grid_paste_back_on_their_months(qtbot, demo_window):
    tab = _tab(demo_window)
    copied = _copy_figures(tab, range(0, 3))
    assert copied.splitlines()[0] == "\tApr-16\tMay-16\tJun-16"  # what Excel is given: periods and the row's label
    figures = copied.splitlines()[1].split("\t")[1:]
    assert tab.select_year(FinancialYear(2017))
    _paste(qtbot, tab, 0)
    assert tab.grid_messages.isHidden() or not tab.grid_messages.text(), tab.grid_messages.text()
    assert [tab.grid.item(tab.grid.keys.index("value"), c).text() for c in range(3)] == figures
    assert tab.presenter.figures.is_dirty


def test_one_figure_copied_from_the_grid_pastes_on_its_month(qtbot, demo_window):
    tab = _tab(demo_window)
    figure = _copy_figures(tab, range(4, 5)).splitlines()[1].split("\t")[1]
    assert tab.select_year(FinancialYear(2017))
    _paste(qtbot, tab, 4)
    assert tab.grid.item(tab.grid.keys.index("value"), 4).text() == figure
    assert not tab.grid.item(tab.grid.keys.index("value"), 5).text()


def test_figures_copied_from_the_grid_pasted_on_another_month_say_where_they_go(qtbot, demo_window):
    tab = _tab(demo_window)
    _copy_figures(tab, range(0, 3))
    assert tab.select_year(FinancialYear(2017))
    _paste(qtbot, tab, 1)
    said = tab.grid_messages.text()
    assert "Nothing was pasted" in said and "Apr-16" in said and "Apr-17" in said, said
    assert not tab.presenter.figures.is_dirty


def test_a_sheet_of_several_indicators_under_the_months_is_still_refused_by_its_labels(qtbot, demo_window):
    """Rows named for other things (two indicators under the months) are not the grid's rows: left as they are, the
    first label is refused as words, never Robbery's figures pasted as a percentage's numerators."""
    from safer_desk.services import indicators as svc

    store = demo_window.session.store
    ind = svc.save_indicator(store, "Victims satisfied", unit="percentage", polarity="higher")
    svc.save_values(store, ind, PLYMOUTH, [svc.PeriodValue("2016-04", value=85.0)], require_red_comments=False)
    tab = _tab(demo_window)
    assert tab.select_indicator(ind)
    QGuiApplication.clipboard().setText("\tApr-16\tMay-16\nBurglary\t12\t15\nRobbery\t3\t4\n")
    _paste(qtbot, tab, 0)
    assert "“Burglary”, is words" in tab.grid_messages.text(), tab.grid_messages.text()
    assert not tab.presenter.figures.is_dirty
