"""Session 71, start-up: the kit's sort proxy passed every question Qt asked of a kit table back through C++ to the
Python model, one call from C++ for each role: drawing a cell asks seven roles (1,955 calls for the register's first
screenful, 46 M instructions), sizing a heading four (543 calls). The proxy now answers a kit model's cell in one
call (``multiData``) and its headings itself (its columns are the model's): what is drawn is the same."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTableView

from safer_desk.ui.kit.tables import RowTableModel, SortProxy

from tests.kit.test_tables import PARTNERS, columns, totals


class Counted(RowTableModel):
    """Counts the questions that reach the model straight from C++ (no Python frame of the proxy's above it)."""

    from_cpp = 0

    def _asked(self, name: str) -> None:
        if sys._getframe(2).f_code.co_name != name:
            Counted.from_cpp += 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        self._asked("multiData")
        return super().data(index, role)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        self._asked("headerData")
        return super().headerData(section, orientation, role)


def _view(qtbot, proxy, *, sorting: bool = True) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(sorting)  # (Qt's proxy sorts the totals line with the rest: not for the comparison)
    view.resize(640, 240)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_a_kit_table_is_drawn_without_a_call_from_cpp_per_role(qtbot):
    model = Counted(columns(), PARTNERS, totals=totals)
    proxy = SortProxy()
    proxy.setSourceModel(model)
    view = _view(qtbot, proxy)
    Counted.from_cpp = 0
    view.grab()
    view.horizontalHeader().sizeHint()
    [view.horizontalHeader().sectionSizeHint(c) for c in range(model.columnCount())]
    assert Counted.from_cpp == 0


def test_what_is_drawn_is_what_qts_own_proxy_draws(qtbot):
    """Text, the totals line in bold, figures to the right, headings: pixel for pixel as Qt's proxy has them."""
    model = RowTableModel(columns(), PARTNERS, totals=totals)
    ours, qts = SortProxy(), QSortFilterProxyModel()
    ours.setSourceModel(model)
    qts.setSourceModel(model)
    mine, theirs = _view(qtbot, ours, sorting=False), _view(qtbot, qts, sorting=False)
    for c in range(model.columnCount()):
        mine.setColumnWidth(c, 120)
        theirs.setColumnWidth(c, 120)
        assert mine.horizontalHeader().sectionSizeHint(c) == theirs.horizontalHeader().sectionSizeHint(c)
    assert mine.grab().toImage() == theirs.grab().toImage()
    for row in range(ours.rowCount()):
        for c in range(model.columnCount()):
            for role in range(16):
                assert ours.index(row, c).data(role) == qts.index(row, c).data(role), (row, c, role)


def test_headings_with_no_rows_and_a_column_filter(qtbot):
    model = RowTableModel(columns(), [])
    proxy = SortProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 0
    assert [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Partner", "Kind", "Outstanding", "Days overdue"]
    assert proxy.headerData(4, Qt.Orientation.Horizontal) is None
    model.set_rows(PARTNERS)
    proxy.set_column_filter(1, "count")
    assert proxy.headerData(1, Qt.Orientation.Horizontal) == "Kind ▾ “count”"
    assert proxy.headerData(0, Qt.Orientation.Vertical) == "2"  # rows are Qt's to map: County is the second
