"""A column heading cut short (session 74): at 1366x768 the Allocation results read "BCS comparator offe…" over the
factor's column, and at 1093x582 Compare scenarios' heading, the scenario's whole title, was cut at the column's
edge; pointing at either showed nothing, where a cut cell shows its whole text (session 69). A heading cut short now
shows it whole when pointed at; one read whole (on one line, or wrapped onto two as the inputs' headings are) shows
none."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import Column, RowTableModel
from tests.window_sizes import column_titles, resize_window

LONG = "BCS comparator offences 2007-08"


def pointed_at(qtbot, view, column: int) -> str:
    """The tooltip shown when the mouse rests on the column's heading."""
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=3000)
    header = view.horizontalHeader()
    pos = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)
    QApplication.sendEvent(header.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, header.viewport().mapToGlobal(pos)))
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_a_heading_cut_short_shows_itself_whole_when_pointed_at(qtbot):
    model = RowTableModel([Column("name", "Partnership"), Column("factor", LONG), Column("last", "Last year")],
                          [{"name": "Babergh", "factor": 1, "last": 2}])  # the last column stretches to the edge
    view = DataTableView(accessible_name="Results")
    view.setModel(model)
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    view.setColumnWidth(1, 80)
    assert pointed_at(qtbot, view, 1) == LONG
    assert pointed_at(qtbot, view, 0) == ""  # "Partnership" is whole
    view.setColumnWidth(1, view.fontMetrics().horizontalAdvance(LONG) + 60)  # dragged wider: whole
    assert pointed_at(qtbot, view, 1) == ""

    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag(
        Qt.TextFlag.TextWordWrap.value))  # as Allocation's inputs: a long heading wraps over its figures
    view.setColumnWidth(1, view.fontMetrics().horizontalAdvance("comparator offences") + 40)
    view.horizontalHeader().setFixedHeight(view.fontMetrics().height() * 3)
    assert pointed_at(qtbot, view, 1) == ""  # read whole on two lines


def test_the_allocation_results_factor_heading_is_read_whole_on_the_laptop(demo_window, qtbot):
    resize_window(demo_window, (1366, 768))
    view = demo_window.show_tab("allocation").results_view
    column = column_titles(view)[LONG]
    header = view.horizontalHeader()
    assert header.fontMetrics().horizontalAdvance(LONG) > header.sectionSize(column)  # cut short at this size
    assert pointed_at(qtbot, view, column) == LONG
