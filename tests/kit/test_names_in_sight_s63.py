"""The names of wide tables kept in sight while the table is scrolled sideways at 1093x582 (a 1366x768 laptop at
125%): the Costs Cases table's Reference, the Projects register's Project / initiative, the Indicators summary's
Indicator. Session 63: scrolled to their last columns, the names went off the left edge, and a figure was no longer
told from the one above it; only the Budgets grid kept its Line column in sight. The kit draws the columns up to the
name over the left edge (``DataTableView.keep_in_sight``), sharing the table's rows and selection.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.window_sizes import resize_window


def _scrolled_right(view) -> None:
    bar = view.horizontalScrollBar()
    assert bar.maximum() > 0, "the table fits its room: nothing to keep in sight"
    bar.setValue(bar.maximum())
    QApplication.processEvents()


def _name_in_sight(view, column: int) -> None:
    """The name column drawn whole at the table's left edge, over the figures scrolled under it, for the first row."""
    kept = view.kept_in_sight
    assert kept is not None and kept.isVisible()
    assert not kept.isColumnHidden(column) and kept.columnWidth(column) == view.columnWidth(column)
    cell = kept.visualRect(kept.model().index(0, column))
    at = view.viewport().mapFromGlobal(kept.viewport().mapToGlobal(cell.topLeft()))
    assert at.x() >= 0 and at.x() + cell.width() <= view.viewport().width(), (at, cell)
    assert cell.height() > 0 and at.y() == view.visualRect(view.model().index(0, column)).y()


def _click_chooses_the_row(qtbot, view, column: int, row: int) -> None:
    kept = view.kept_in_sight
    cell = kept.visualRect(kept.model().index(row, column))
    sideways = view.horizontalScrollBar().value()
    qtbot.mouseClick(kept.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    assert view.currentIndex().row() == row or row in {i.row() for i in view.selectionModel().selectedRows()}
    assert view.horizontalScrollBar().value() == sideways  # not thrown back to the left by a name clicked


def _back_to_the_left(view) -> None:
    view.horizontalScrollBar().setValue(0)
    QApplication.processEvents()
    assert not view.kept_in_sight.isVisible()  # nothing drawn over the table when nothing is scrolled under it


def test_the_registers_titles_stay_in_sight_scrolled_to_the_last_columns(demo_window, qtbot):
    resize_window(demo_window, (1093, 582))
    tab = demo_window.show_tab("projects")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    view = tab.register.view
    qtbot.waitUntil(lambda: view.model().rowCount() > 1, timeout=10000)
    title = view.model().sourceModel().column_index("title")
    _scrolled_right(view)
    _name_in_sight(view, title)
    _click_chooses_the_row(qtbot, view, title, 1)
    _back_to_the_left(view)


def test_the_cases_references_stay_in_sight_scrolled_to_the_last_columns(demo_window, qtbot):
    resize_window(demo_window, (1093, 582))
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    view = tab.reviews.cases.view
    qtbot.waitUntil(lambda: view.model().rowCount() > 1, timeout=10000)
    _scrolled_right(view)
    reference = tab.reviews.cases.model.column_index("reference")
    _name_in_sight(view, reference)
    _click_chooses_the_row(qtbot, view, reference, 1)
    _back_to_the_left(view)


def test_the_indicators_names_stay_in_sight_scrolled_to_the_last_columns(demo_window, qtbot):
    resize_window(demo_window, (1093, 582))
    tab = demo_window.show_tab("indicators")
    view = tab.summary_view
    qtbot.waitUntil(lambda: view.model() is not None and view.model().rowCount() > 1, timeout=10000)
    model = view.model()
    source = model.sourceModel() if hasattr(model, "sourceModel") else model
    _scrolled_right(view)
    _name_in_sight(view, source.column_index("name"))
    _back_to_the_left(view)


def test_a_cell_chosen_by_the_keyboard_comes_out_from_under_the_names(demo_window, qtbot):
    resize_window(demo_window, (1093, 582))
    tab = demo_window.show_tab("projects")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    view = tab.register.view
    qtbot.waitUntil(lambda: view.model().rowCount() > 1, timeout=10000)
    title = view.model().sourceModel().column_index("title")
    _scrolled_right(view)
    after = next(c for c in range(title + 1, view.model().columnCount()) if not view.isColumnHidden(c))
    view.scrollTo(view.model().index(0, after))
    QApplication.processEvents()
    kept = view.kept_in_sight
    edge = kept.width() if kept.isVisible() else 0
    assert view.visualRect(view.model().index(0, after)).left() >= edge - 1


def test_a_click_on_a_heading_kept_in_sight_sorts_the_table_by_it(demo_window, qtbot):
    resize_window(demo_window, (1093, 582))
    tab = demo_window.show_tab("projects")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    view = tab.register.view
    qtbot.waitUntil(lambda: view.model().rowCount() > 1, timeout=10000)
    title = view.model().sourceModel().column_index("title")
    _scrolled_right(view)
    kept = view.kept_in_sight
    header = kept.horizontalHeader()
    at = header.sectionViewportPosition(title) + header.sectionSize(title) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(at, header.height() // 2))
    assert view.horizontalHeader().sortIndicatorSection() == title
    assert view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert header.sortIndicatorSection() == title  # the heading drawn over the edge shows the sort too


def test_a_plans_line_names_kept_in_sight_show_no_sort_the_grid_does_not_have(demo_window, qtbot):
    """The Budgets grid keeps the paper's order: its Line heading drawn over the edge showed "Line ▲", a sort the grid
    never had, and a click on it would have sorted the plan's lines."""
    from tests.kit.test_laptop_keys_s62 import SUFFOLK, _budgets
    from safer_desk.services import budgets as svc

    tab = _budgets(demo_window, qtbot)
    tab.presenter.select(svc.plan_id_by_name(tab.presenter.store, SUFFOLK))
    view = tab.view
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() > 0)
    _scrolled_right(view)
    kept = view.kept_in_sight
    assert kept.isVisible() and not kept.horizontalHeader().isSortIndicatorShown()
    labels = [r.label for r in tab.presenter.rows]
    header = kept.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(10, header.height() // 2))
    assert [r.label for r in tab.presenter.rows] == labels
    assert [view.model().index(r, 0).data() for r in range(3)] == [kept.model().index(r, 0).data() for r in range(3)]


def test_a_figure_half_under_the_names_is_drawn_whole_beside_them(demo_window, qtbot, monkeypatch):
    """Scrolled by the pixel, a figure half under the names kept in sight showed its right part alone beside them:
    "£56,500" read "56,500", "-£5,000" read "5,000", another amount. It is drawn whole in the part in view, as at
    the table's own edges."""
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QStyledItemDelegate

    resize_window(demo_window, (1093, 582))
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    view = tab.reviews.cases.view
    qtbot.waitUntil(lambda: view.model().rowCount() > 1, timeout=10000)
    assert view.kept_in_sight is None  # made when first scrolled sideways, not for the first screen
    view.horizontalScrollBar().setValue(1)
    kept = view.kept_in_sight
    outstanding = tab.reviews.cases.model.column_index("outstanding")
    # scrolled so the Outstanding column straddles the names' right edge
    bar = view.horizontalScrollBar()
    left = view.horizontalHeader().sectionPosition(outstanding)
    bar.setValue(left - kept.kept_width() + view.columnWidth(outstanding) // 2 + 1)
    QApplication.processEvents()
    assert kept.isVisible()
    cell = view.visualRect(view.model().index(0, outstanding))
    assert cell.left() < kept.width() - 1 < cell.right(), (cell, kept.width())
    drawn: dict[int, int] = {}
    base = QStyledItemDelegate.paint

    def paint(delegate, painter, option, index):
        if index.column() == outstanding:
            drawn[index.row()] = option.rect.left()
        base(delegate, painter, option, index)

    monkeypatch.setattr(QStyledItemDelegate, "paint", paint)
    view.viewport().render(QImage(view.viewport().size(), QImage.Format.Format_ARGB32))
    assert drawn and all(at >= kept.width() - 1 for at in drawn.values()), (drawn, kept.width())


def test_the_partnerships_names_stay_in_sight_scrolled_to_their_dates(demo_window, qtbot):
    """View > Districts, Partnerships and Partners at 1093x582: the Partnerships table ran past its right edge (From
    and To), and scrolled to see them the partnership's name went off the left edge."""
    resize_window(demo_window, (1093, 582))
    demo_window.show_reference()
    reference = demo_window._reference_dialog
    qtbot.addWidget(reference)
    page = reference.partnerships
    reference.pages.setCurrentWidget(page)
    QApplication.processEvents()
    view = page.view
    _scrolled_right(view)
    _name_in_sight(view, 0)
    _click_chooses_the_row(qtbot, view, 0, 1)
    _back_to_the_left(view)
    reference.close()


def test_the_ledgers_cases_stay_in_sight_scrolled_to_the_last_columns(demo_window, qtbot):
    """Costs > Ledger at 1093x582: the table per case runs past its right edge (Status, Stage reached); scrolled to
    see them, the case's reference went off the left edge."""
    resize_window(demo_window, (1093, 582))
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(1)
    page = tab.ledger
    view = page.per_case.view
    qtbot.waitUntil(lambda: view.model().rowCount() > 1, timeout=10000)
    _scrolled_right(view)
    _name_in_sight(view, page.per_case.model.column_index("reference"))
    _back_to_the_left(view)
