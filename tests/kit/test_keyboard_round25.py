"""Round 25 (h25aj): the keyboard's context menu on a table, and Ctrl+C on the Indicators grid's selection."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from safer_desk.domain.periods import FinancialYear
from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import Column, RowTableModel, SortProxy


def menu_key(widget) -> None:
    """The Menu key (or Shift+F10) as Qt delivers it: a keyboard context menu event to the window, which Qt sends on
    to the widget in focus at its input cursor (for a table, the current cell)."""
    QApplication.sendEvent(widget.window().windowHandle(),
                           QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), QPoint(0, 0)))


def test_the_menu_key_on_a_table_with_row_numbers_filters_the_current_column(qtbot):
    """The Menu key on a cell of "B" offered "Filter C": the point was off by the row numbers' width."""
    model = RowTableModel([Column(k, k.upper()) for k in "abcd"], [{k: f"{k}{i}" for k in "abcd"} for i in range(30)])
    proxy = SortProxy()
    proxy.setSourceModel(model)
    view = DataTableView(accessible_name="Lines")
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.resize(600, 400)
    for c in range(4):
        view.setColumnWidth(c, 40)  # narrower than the row numbers' column is wide with its frame
    view.show()
    view.activateWindow()
    assert QTest.qWaitForWindowActive(view) and view.verticalHeader().isVisible()
    view.setFocus()
    for column in (1, 0, 3):
        view.setCurrentIndex(proxy.index(2, column))
        menu_key(view)
        menu = view.last_menu
        heading = "ABCD"[column]
        assert menu is not None and menu.isVisible()
        assert [a.defaultWidget().accessibleName() for a in menu.actions() if hasattr(a, "defaultWidget")
                and a.defaultWidget() is not None] == [f"Filter {heading}"]
        cell = view.visualRect(proxy.index(2, column))
        assert menu.pos() == view.viewport().mapToGlobal(cell.center())  # the menu opens on the cell
        menu.close()


def test_a_ctrl_click_in_the_indicators_grid_copies_every_cell_it_highlights(demo_window, qtbot):
    """The grid keeps one block (Ctrl+click extends it as Shift+click does), so Ctrl+C copies all that is shown
    selected; a second block, which Ctrl+C would leave out, cannot be made."""
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FinancialYear(2016))
    grid = tab.grid
    demo_window.show()
    qtbot.waitExposed(demo_window)
    at = lambda r, c: grid.visualRect(grid.model().index(r, c)).center()  # noqa: E731
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(0, 0))
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, at(1, 3))
    assert len(grid.selectedRanges()) == 1
    QGuiApplication.clipboard().setText("(nothing copied)")
    grid.setFocus()
    QTest.keyClick(grid, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = [line.split("\t") for line in QGuiApplication.clipboard().text().splitlines()]
    assert len(lines) == 1 + 2 and all(len(line) == 1 + 4 for line in lines)
    assert len(grid.selectedItems()) == 2 * 4
