"""Round 37 (mfr): the stretched last column of a table is the last one shown, whichever columns are hidden.

A column resized while the mouse button is held is kept at that width (``DataTableView.widths_by_hand``), except the
stretched last column, which follows the view. The last column was counted as if every hidden column came last: the
Projects register of an office's own file hides *Merged from* before *Check*, so Check, stretched as a window's edge or
a splitter was dragged, was taken as a width the person gave, and held at it once the window was narrowed again.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import Column, RowTableModel, SortProxy

REGISTER = ("Ref", "Merged from", "Check")  # as the register's last columns, Merged from hidden in an office's file
WITH_NOTES = (*REGISTER, "Notes")  # and a hidden column after the last one shown too


def _table(qtbot, headings: tuple[str, ...], hidden: tuple[int, ...]) -> DataTableView:
    model = RowTableModel([Column(h.lower(), h) for h in headings])
    model.set_rows([{h.lower(): f"{h} text" for h in headings}])
    proxy = SortProxy()
    proxy.setSourceModel(model)
    view = DataTableView(accessible_name="Register")
    view.setModel(proxy)
    for c in hidden:
        view.setColumnHidden(c, True)
    view.resize(500, 200)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.size_columns_to_visible()
    return view


@pytest.mark.parametrize("headings, hidden", [(REGISTER, (1,)), (WITH_NOTES, (1, 3))],
                         ids=["hidden-before-the-last", "hidden-before-and-after"])
def test_the_stretched_last_column_shown_follows_the_view_while_the_mouse_is_held(qtbot, headings, hidden):
    view = _table(qtbot, headings, hidden)
    last = 2  # Check: the last column shown
    start = view.columnWidth(last)
    cell = view.visualRect(view.model().index(0, 0)).center()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # held, as while a window's edge is dragged
    view.resize(1100, 200)
    qtbot.waitUntil(lambda: view.columnWidth(last) > start + 300)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert view.widths_by_hand == {}  # nothing was resized by hand: neither Check nor a hidden column
    view.resize(500, 200)  # narrowed again, and the table sized to its rows as after any change
    view.size_columns_to_visible()
    qtbot.waitUntil(lambda: view.columnWidth(last) < start + 300)
    assert view.horizontalScrollBar().maximum() == 0  # nothing held wider than the view


def test_a_column_dragged_by_hand_beside_a_hidden_one_is_kept(qtbot):
    view = _table(qtbot, WITH_NOTES, (1, 3))
    header = view.horizontalHeader()
    edge = header.sectionViewportPosition(0) + header.sectionSize(0) - 1
    y = header.height() // 2
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    qtbot.mouseMove(header.viewport(), QPoint(edge + 60, y))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + 60, y))
    assert view.widths_by_hand == {"Ref": view.columnWidth(0)}
