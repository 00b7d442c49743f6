"""The kit's table view driven as a person would: right-click menu, keys, copy to Excel."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget, QWidgetAction

from safer_desk.presenters.formats import Unit
from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import Column, RowTableModel, SortProxy, money_column

# The Plymouth year-to-date rows of seed 003 (April–November 2016 against 2015).
ROWS = [
    {"indicator": "All crime", "this": 12_586, "last": 12_016, "change": 570, "owed": 68_415},
    {"indicator": "Domestic abuse crimes and incidents", "this": 3_230, "last": 4_329, "change": -1_099,
     "owed": -30_000},
    {"indicator": "Hate crime", "this": 287, "last": 219, "change": 68, "owed": 0},
]


class Page(QWidget):
    """A search box, the table and a button: what Tab and Shift+Tab should move between."""

    def __init__(self, **callbacks):
        super().__init__()
        layout = QVBoxLayout(self)
        self.before = QLineEdit()
        self.before.setAccessibleName("Search")
        self.model = RowTableModel(
            [Column("indicator", "Indicator"), Column("this", "2016/17", unit=Unit.COUNT),
             Column("last", "2015/16", unit=Unit.COUNT), Column("change", "Change", unit=Unit.COUNT),
             money_column("owed", "Spend")], ROWS,
            totals=lambda shown: {"indicator": "Total", "this": sum(r["this"] for r in shown),
                                  "last": sum(r["last"] for r in shown), "change": sum(r["change"] for r in shown),
                                  "owed": sum(r["owed"] for r in shown)})
        self.proxy = SortProxy()
        self.proxy.setSourceModel(self.model)
        self.view = DataTableView(accessible_name="Year to date", **callbacks)
        self.view.setModel(self.proxy)
        self.after = QPushButton("Export…")
        for w in (self.before, self.view, self.after):
            layout.addWidget(w)


@pytest.fixture
def page(qtbot):
    calls = []
    p = Page(on_edit=lambda: calls.append("edit"), on_delete=lambda: calls.append("delete"),
             on_export=lambda: calls.append("export"))
    p.calls = calls
    qtbot.addWidget(p)
    p.resize(700, 300)
    p.show()
    qtbot.waitExposed(p)
    return p


def menu_texts(menu):
    return [a.text() for a in menu.actions() if not a.isSeparator() and not isinstance(a, QWidgetAction)]


def action(menu, text):
    return next(a for a in menu.actions() if a.text() == text)


def test_the_view_is_named_sortable_and_selects_rows(page):
    view = page.view
    assert view.accessibleName() == "Year to date" and view.isSortingEnabled()
    assert not view.tabKeyNavigation()
    view.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # a click on "Change"
    assert [page.proxy.index(r, 0).data() for r in range(4)] == [
        "Domestic abuse crimes and incidents", "Hate crime", "All crime", "Total"]


def test_the_context_menu_offers_copy_export_edit_delete_and_a_column_filter(page, qtbot):
    menu = page.view.context_menu(0)
    assert menu_texts(menu) == ["&Copy", "Copy with &Headings", "&Export…", "E&dit…", "De&lete", "Show &All Rows"]
    assert not action(menu, "&Copy").isEnabled() and not action(menu, "E&dit…").isEnabled()  # no row selected yet
    assert action(menu, "&Export…").isEnabled()
    page.view.selectRow(1)
    menu = page.view.context_menu(0)
    assert all(a.isEnabled() for a in menu.actions())
    for text in ("&Export…", "E&dit…", "De&lete"):
        action(menu, text).trigger()
    assert page.calls == ["export", "edit", "delete"]


def test_a_table_without_edit_or_delete_offers_only_what_applies(qtbot):
    view = DataTableView()
    qtbot.addWidget(view)
    view.setModel(RowTableModel([Column("a", "A")], [{"a": "x"}]))  # a model without the kit's proxy
    menu = view.context_menu(0)
    assert menu_texts(menu) == ["&Copy", "Copy with &Headings"]
    assert view.last_menu is menu


def test_copy_from_the_menu_gives_excel_plain_numbers(page, qtbot):
    page.view.selectRow(1)
    action(page.view.context_menu(0), "&Copy").trigger()
    assert QGuiApplication.clipboard().text() == "Domestic abuse crimes and incidents\t3230\t4329\t-1099\t-300\n"
    assert page.proxy.index(1, 3).data() == "\u22121,099" and page.proxy.index(1, 4).data() == "-£300.00"
    page.view.selectAll()
    action(page.view.context_menu(0), "Copy with &Headings").trigger()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0] == "Indicator\t2016/17\t2015/16\tChange\tSpend"
    assert lines[1] == "All crime\t12586\t12016\t570\t684.15"
    assert lines[-1] == "Total\t16103\t16564\t-461\t384.15"  # the totals row is copied as shown, in numbers


def test_ctrl_c_copies_the_selected_rows_with_headings(page, qtbot):
    page.view.setFocus()
    page.view.selectRow(2)
    qtbot.keyClick(page.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == ("Indicator\t2016/17\t2015/16\tChange\tSpend\n"
                                                  "Hate crime\t287\t219\t68\t0\n")
    page.view.clearSelection()
    QGuiApplication.clipboard().setText("kept")
    assert not page.view.copy_selection()  # nothing selected: the clipboard keeps what it had
    assert QGuiApplication.clipboard().text() == "kept"


def test_hidden_columns_are_not_copied(page):
    page.view.setColumnHidden(2, True)
    page.view.selectRow(0)
    assert page.view.selected_rows_text(with_header=True).splitlines() == [
        "Indicator\t2016/17\tChange\tSpend", "All crime\t12586\t570\t684.15"]


def test_a_column_can_give_excel_a_further_cell_beside_its_own(qtbot):
    # A cell that shows two figures ("+£56,500 (+17.2%)") pastes as two numbers Excel can add, each in a column of its
    # own with its own heading; the grid shows the one cell as before.
    rows = [{"line": "Employees", "change": 5_650_000, "percent": "17.2"},
            {"line": "Savings to be identified", "change": 5_340_000, "percent": ""}]
    model = RowTableModel([Column("line", "Line"),
                           Column("change", "Change", text_of=lambda r: f"+£{r['change'] // 100:,} ({r['percent']}%)",
                                  copy_of=lambda r: str(r["change"] // 100),
                                  copy_beside=(("Change (%)", lambda r: r["percent"]),)),
                           money_column("change", "Again")], rows)
    proxy = SortProxy()
    proxy.setSourceModel(model)
    view = DataTableView(accessible_name="Plan")
    qtbot.addWidget(view)
    view.setModel(proxy)
    assert proxy.index(0, 1).data() == "+£56,500 (17.2%)" and proxy.columnCount() == 3
    view.setFocus()
    view.selectAll()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().splitlines() == [
        "Line\tChange\tChange (%)\tAgain", "Employees\t56500\t17.2\t56500", "Savings to be identified\t53400\t\t53400"]
    assert view.selected_rows_text(with_header=False).splitlines()[0] == "Employees\t56500\t17.2\t56500"
    view.setColumnHidden(1, True)  # a hidden column is not copied, nor what it copies beside it
    assert view.selected_rows_text().splitlines()[:2] == ["Line\tAgain", "Employees\t56500"]


def test_the_filter_in_the_menu_narrows_the_rows_and_show_all_rows_clears_it(page, qtbot):
    menu = page.view.context_menu(0)
    edit = next(a.defaultWidget() for a in menu.actions() if isinstance(a, QWidgetAction))
    assert edit.accessibleName() == "Filter Indicator"
    qtbot.keyClicks(edit, "crime")
    assert [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())] == [
        "All crime", "Domestic abuse crimes and incidents", "Hate crime", "Total"]
    edit.clear()
    qtbot.keyClicks(edit, "hate")
    assert page.proxy.rowCount() == 2 and page.proxy.index(1, 1).data() == "287"  # the total follows the filter
    assert page.view.context_menu(0).actions()  # the menu built again shows the filter as typed
    edit2 = next(a.defaultWidget() for a in page.view.last_menu.actions() if isinstance(a, QWidgetAction))
    assert edit2.text() == "hate"
    action(page.view.last_menu, "Show &All Rows").trigger()
    assert page.proxy.rowCount() == 4
    page.view.filter_column(1, "12")
    assert page.proxy.rowCount() == 2


def test_right_click_on_a_cell_or_a_heading_opens_the_menu(page, qtbot):
    view = page.view
    view.customContextMenuRequested.emit(view.visualRect(page.proxy.index(0, 1)).center())
    assert view.last_menu is not None and view.last_menu.isVisible()
    edit = next(a.defaultWidget() for a in view.last_menu.actions() if isinstance(a, QWidgetAction))
    assert edit.accessibleName() == "Filter 2016/17"  # the column that was clicked
    view.last_menu.close()
    header = view.horizontalHeader()
    header.customContextMenuRequested.emit(QPoint(header.sectionPosition(3) + 5, 5))
    edit = next(a.defaultWidget() for a in view.last_menu.actions() if isinstance(a, QWidgetAction))
    assert edit.accessibleName() == "Filter Change"
    view.last_menu.close()


def test_tab_and_shift_tab_leave_the_table_and_ctrl_tab_moves_between_cells(page, qtbot):
    view = page.view
    view.setFocus()
    view.setCurrentIndex(page.proxy.index(0, 0))
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is view and view.currentIndex().column() == 1
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.currentIndex().column() == 0
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.after
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is page.before


def test_ctrl_tab_stops_at_the_last_cell(page, qtbot):
    view = page.view
    view.setFocus()
    last = page.proxy.index(page.proxy.rowCount() - 1, page.proxy.columnCount() - 1)
    view.setCurrentIndex(last)
    qtbot.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert view.currentIndex() == last and QApplication.focusWidget() is view


def test_columns_are_sized_on_the_rows_in_view(page):
    page.view.size_columns_to_visible(max_width=120)
    widths = [page.view.columnWidth(c) for c in range(5)]
    assert widths[0] == 120  # "Domestic abuse crimes and incidents" is capped
    assert all(w >= page.view.fontMetrics().horizontalAdvance("2016/17") for w in widths[1:3])


def test_a_number_cut_by_the_right_edge_of_the_table_is_shown_whole(page, qtbot, monkeypatch):
    """A money column half in view showed "£68,4" for £68,415 (the register's Cost at 150% on a laptop read
    "£5,00" for £5,000): a number that does not fit the part in view is drawn in that part, never cut."""
    from PySide6.QtWidgets import QStyledItemDelegate

    from safer_desk.ui.kit.table_view import WholeNumbers

    view = page.view
    view.horizontalHeader().setStretchLastSection(False)
    money, room = 4, view.fontMetrics().horizontalAdvance("-£30,000.00") + 30
    first = view.viewport().width() - 3 * 90 - room
    for column, width in enumerate((first, 90, 90, 90, room + 60)):
        view.setColumnWidth(column, width)
    visible = view.viewport().width() - view.columnViewportPosition(money)
    assert 0 < visible < view.columnWidth(money)  # the money column is half in view
    assert visible > view.fontMetrics().horizontalAdvance("-£30,000.00") + 12  # room enough for the amounts
    painted: dict[tuple[int, int], tuple[int, int]] = {}
    paint = QStyledItemDelegate.paint

    def spy(self, painter, option, index):
        painted[(index.row(), index.column())] = (option.rect.left(), option.rect.right())
        paint(self, painter, option, index)

    monkeypatch.setattr(QStyledItemDelegate, "paint", spy)
    view.viewport().grab()  # paints every cell in view through the delegate
    width = view.viewport().width()
    money_cells = {k: v for k, v in painted.items() if k[1] == money}
    assert len(money_cells) == 4  # three rows and the total
    assert all(right < width for _, right in money_cells.values()), (width, money_cells)
    model = view.model()
    for row in range(4):  # the money cells start where they did
        assert painted[(row, money)][0] == view.visualRect(model.index(row, money)).left()
    # A column of text is drawn by Qt's own paint, in its own cells (session 75: only the right-aligned columns' cells
    # go through WholeNumbers's Python paint, which cost about 10 M instructions of the register's first screen).
    assert not any(column == 0 for _, column in painted)
    assert not isinstance(view.itemDelegateForIndex(model.index(0, 0)), WholeNumbers)
    assert isinstance(view.itemDelegateForIndex(model.index(0, money)), WholeNumbers)



def test_a_number_cut_by_the_left_edge_is_shown_whole_when_scrolled_by_pixels(page, monkeypatch):
    """Where tables scroll by pixels (macOS does), "£125,000" half off the left edge showed "25,000"."""
    from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate

    view = page.view
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.horizontalHeader().setStretchLastSection(False)
    view.horizontalHeader().moveSection(4, 1)  # the money column second, a wide one after it
    for column, width in ((0, view.viewport().width()), (4, 160), (1, view.viewport().width())):
        view.setColumnWidth(column, width)
    QApplication.processEvents()  # the scroll bar's range follows the new widths
    view.horizontalScrollBar().setValue(view.columnWidth(0) + 40)  # "Spend" is 40 pixels off the left edge
    assert view.columnViewportPosition(4) == -40
    painted = {}
    paint = QStyledItemDelegate.paint

    def spy(self, painter, option, index):
        painted[(index.row(), index.column())] = (option.rect.left(), option.rect.right())
        paint(self, painter, option, index)

    monkeypatch.setattr(QStyledItemDelegate, "paint", spy)
    view.viewport().grab()
    assert [painted[(row, 4)][0] for row in range(4)] == [0] * 4


def test_delete_enter_and_a_double_click_do_what_the_menu_says(page, qtbot):
    # The menu showed "Delete  Del", but Del on the table did nothing; nor did Enter or a double-click on a review.
    view = page.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert page.calls == []  # no row chosen: nothing to delete or edit
    view.selectRow(1)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.keyClick(view, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    rect = view.visualRect(page.proxy.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.calls == ["delete", "edit", "edit", "edit"]


def test_keys_do_nothing_where_the_table_offers_no_edit_or_delete(qtbot):
    view = DataTableView()
    qtbot.addWidget(view)
    view.setModel(RowTableModel([Column("a", "A")], [{"a": "x"}]))
    view.show()
    view.selectRow(0)
    for key in (Qt.Key.Key_Delete, Qt.Key.Key_Return):
        qtbot.keyClick(view, key)  # nothing to call, nothing raised
    assert view.currentIndex().row() == 0
