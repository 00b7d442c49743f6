"""A cell cut short by its column's width (session 69): on a 1366x768 laptop at 125% the register's Lead
organisation read "Suffolk Fire and Resc…" and pointing at it showed nothing, so the name could be read only by
opening the project or dragging the column wider. A cell cut short now shows its whole text when pointed at, as the
titles' cells did by their own tooltip; a cell shown whole shows none."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from tests.window_sizes import resize_window

FIRE = "Suffolk Fire and Rescue Service"


def pointed_at(qtbot, view, index) -> str:
    """The tooltip shown when the mouse rests on the cell."""
    QToolTip.hideText()  # Qt hides it a moment later
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=3000)
    view.scrollTo(index)
    QApplication.processEvents()
    pos = view.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_a_cell_cut_short_shows_its_whole_text_when_pointed_at(demo_window, qtbot):
    resize_window(demo_window, (1093, 582))
    page = demo_window.show_tab("projects").register
    view, model = page.view, page.view.model()
    column = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())].index(
        "Lead organisation")
    row = next(r for r in range(model.rowCount()) if model.index(r, column).data() == FIRE)
    cell = model.index(row, column)
    assert view.fontMetrics().horizontalAdvance(FIRE) > view.columnWidth(column)  # cut short at this size
    assert cell.data(Qt.ItemDataRole.ToolTipRole) is None
    assert pointed_at(qtbot, view, cell) == FIRE

    view.setColumnWidth(column, view.fontMetrics().horizontalAdvance(FIRE) + 40)  # dragged wider: whole
    assert pointed_at(qtbot, view, cell) == ""
