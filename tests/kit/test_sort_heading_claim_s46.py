"""A table's heading shows a sort only when its rows are in that order (session 46).

Seen in the window: the Indicators tab's summary opened with ▲ on RAG while its rows stood in the order the
indicators were entered ("No target", "Monitor only", "No target" again, then Amber), so an officer reading the
arrow took the first rows for the worst. Qt's heading starts with its indicator on the first column, and a kit
table given its rows in a presenter's order never asked for that sort. The kit's tables now start claiming no
sort; a table sorted from the start (the register by Ref, the history newest first) says so itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget

from safer_desk.ui.app import wait_until_idle
from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import Column, RowTableModel, SortProxy, sort_key
from tests.kit.test_sort_after_change_round22 import click_heading


def claimed_sort(view: DataTableView) -> tuple[int, Qt.SortOrder] | None:
    """The sort the heading shows, as a person sees it (None: no arrow)."""
    header = view.horizontalHeader()
    if not view.isSortingEnabled() or not header.isSortIndicatorShown() or header.sortIndicatorSection() < 0:
        return None
    return header.sortIndicatorSection(), header.sortIndicatorOrder()


def shown_keys(view: DataTableView, column: int) -> list[tuple]:
    """The sort keys of the rows as shown (the totals row left out), from the rows' own values."""
    proxy = view.model()
    assert isinstance(proxy, SortProxy), f"{view.accessibleName()}: a sortable kit table is over the kit's proxy"
    source = proxy.sourceModel()
    assert isinstance(source, RowTableModel)
    return [sort_key(source.columns[column].raw(row)) for row in proxy.source_rows()]


def follows(keys: list[tuple], order: Qt.SortOrder) -> bool:
    """In the order the heading says, blanks last either way (as the kit sorts)."""
    filled = [k for k in keys if k[0] == 0]
    blanks_last = keys == filled + [k for k in keys if k[0] != 0]
    return blanks_last and filled == sorted(filled, reverse=order == Qt.SortOrder.DescendingOrder)


def test_a_kit_table_in_its_presenters_order_shows_no_sort_until_a_heading_is_clicked(qtbot):
    model = RowTableModel([Column("name", "Name"), Column("count", "Count")], [])
    proxy = SortProxy()
    proxy.setSourceModel(model)
    view = DataTableView(accessible_name="Counts")
    view.setModel(proxy)
    qtbot.addWidget(view)
    view.resize(400, 200)
    view.show()
    model.set_rows([{"id": n, "name": n, "count": c} for n, c in (("b", 2), ("c", 1), ("a", 3))])

    assert claimed_sort(view) is None
    assert [proxy.index(r, 0).data() for r in range(3)] == ["b", "c", "a"]  # the order given

    click_heading(qtbot, view, 1)
    assert claimed_sort(view) == (1, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["c", "b", "a"]
    assert follows(shown_keys(view, 1), Qt.SortOrder.AscendingOrder)


def every_page_shown(window) -> None:
    """Each tab, and each tab of a tab, brought into view once (their tables are built when first shown)."""
    seen: set[int] = set()
    while True:
        todo = [t for t in window.findChildren(QTabWidget) if id(t) not in seen]
        if not todo:
            return
        for tabs in todo:
            seen.add(id(tabs))
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                wait_until_idle(window)


def test_every_table_of_the_window_is_in_the_order_its_heading_shows(demo_window):
    demo_window.resize(1366, 768)
    demo_window.show()
    every_page_shown(demo_window)

    summary = next(v for v in demo_window.findChildren(DataTableView) if v.accessibleName() == "Summary of indicators")
    assert summary.model().rowCount() > 3
    assert claimed_sort(summary) is None  # the order the indicators were entered, as the paper lists them

    checked = []
    for view in demo_window.findChildren(DataTableView):
        claim = claimed_sort(view)
        if claim is None or view.model() is None:
            continue
        column, order = claim
        assert follows(shown_keys(view, column), order), \
            f"{view.accessibleName()}: the heading shows a sort by column {column} the rows do not follow"
        checked.append(view.accessibleName())
    assert "Project register" in checked  # sorted by Ref from the start, and says so
