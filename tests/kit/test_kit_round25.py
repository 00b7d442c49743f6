"""Round 25 (h25l): the kit's tables as an officer sorts, filters, copies and exports them."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from safer_desk.services import dhr
from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import Column, RowTableModel, SortProxy, money_column, sort_key

ASC = Qt.SortOrder.AscendingOrder


def shown(view, column: int) -> list:
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def drag_edge(view, column: int, width: int) -> None:
    """Drag the right edge of a column's heading with the mouse until the column is ``width`` wide."""
    from PySide6.QtCore import QPoint

    header = view.horizontalHeader()
    x, y = header.sectionViewportPosition(column) + header.sectionSize(column) - 1, header.height() // 2
    to = QPoint(x + width - header.sectionSize(column), y)
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, y))
    QTest.mouseMove(header.viewport(), to)
    QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, to)
    assert view.columnWidth(column) == width


def test_fractions_and_decimals_sort_as_numbers_not_as_their_text(qtbot):
    """A share kept as a Fraction (9.08% is 227/2500) sorted as its text "227/2500" put 9.08% after 30.99%."""
    assert sort_key(Fraction(227, 2500)) < sort_key(Fraction(3099, 10000)) < sort_key(1)
    assert sort_key(Decimal("9.08")) < sort_key(Decimal("12.36")) < sort_key(13.5)
    model = RowTableModel([Column("share", "Share", show=lambda v: f"{float(v) * 100:.2f}%"),
                           Column("figure", "Figure", show=str)],
                          [{"share": Fraction(1236, 10000), "figure": Decimal("12.36")},
                           {"share": Fraction(227, 2500), "figure": Decimal("9.08")},
                           {"share": Fraction(3099, 10000), "figure": Decimal("30.99")}])
    proxy = SortProxy()
    proxy.setSourceModel(model)
    view = DataTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.sortByColumn(0, ASC)
    assert shown(view, 0) == ["9.08%", "12.36%", "30.99%"]
    view.sortByColumn(1, ASC)
    assert shown(view, 1) == ["9.08", "12.36", "30.99"]


def test_the_allocation_results_sorted_by_share_put_the_smallest_share_first(demo_window):
    """Allocation: a click on "% of total" listed 12.36%, 18.06%, 30.99%, 9.08%, 29.51% (sorted as text)."""
    demo_window.show()
    tab = demo_window.show_tab("allocation")
    view = tab.results_view
    model = view.model()
    share = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal)
                 == "% of total")
    view.sortByColumn(share, ASC)
    figures = [float(t.rstrip("%")) for t in shown(view, share)]
    assert figures[:-1] == sorted(figures[:-1]) and figures[-1] == 100.0  # the totals line stays last


def test_a_search_or_column_filter_finds_an_amount_typed_as_the_table_shows_it(qtbot):
    """A ledger showing pence in every money column shows £6,250.00; "6,250.00" typed in its search, or in the
    column's filter, hid that row, because the filter read the cell as £6,250 (without the column's pence)."""
    model = RowTableModel([Column("who", "Partner"), money_column("paid", "Paid")],
                          [{"who": "Police", "paid": 625000}, {"who": "Council", "paid": 12345}], pence_together=True)
    proxy = SortProxy()
    proxy.setSourceModel(model)
    assert model.index(0, 1).data() == "£6,250.00"
    proxy.set_search_text("6,250.00")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Police"]
    proxy.set_search_text("")
    proxy.set_column_filter(1, "£6,250.00")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Police"]


def test_the_ledger_search_finds_a_partner_by_the_amount_shown(demo_window, qtbot):
    """Costs > DHR ledger: the partner shown as having paid £400.00 is found by typing "400.00" in its search."""
    demo_window.show()
    tab = demo_window.show_tab("costs")
    page = tab.ledger
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    view = page.partners.view
    paid = page.partners.model.column_index("paid")
    assert "£400.00" in shown(view, paid)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "400.00")
    assert view.model().rowCount() >= 1 and "£400.00" in shown(view, paid)


def test_enter_in_a_dialogs_field_saves_once_so_a_query_is_shown_not_kept_unseen(demo_window, qtbot):
    """Costs > Cost line: a supplier typed as a person's name is queried beside the field ("Save again to keep
    it"). Enter in the field saved twice (the field's own Enter, then the dialog's default button, Save), so the
    second save kept the name before the query was ever seen."""
    from tests.costs.test_new_case_then_cost_line import field, open_dialog, type_into

    demo_window.resize(1280, 690)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.reviews
    case = page.presenter.selected
    before = len(dhr.cost_lines(page.store, case))
    dialog = open_dialog(qtbot, page, "Cost line")
    type_into(qtbot, field(dialog, "Amount"), "150")
    type_into(qtbot, field(dialog, "Supplier"), "Jane Smith")
    qtbot.keyClick(field(dialog, "Supplier"), Qt.Key.Key_Return)
    assert dialog.isVisible() and "Save again to keep it" in dialog.view.messages["supplier"].text()
    assert len(dhr.cost_lines(page.store, case)) == before  # nothing saved yet
    qtbot.keyClick(field(dialog, "Supplier"), Qt.Key.Key_Return)  # Enter again: kept, as the query says
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert len(dhr.cost_lines(page.store, case)) == before + 1


def test_enter_in_a_form_in_a_dialog_saves_once_and_in_a_tab_still_saves(qtbot):
    from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

    from safer_desk.presenters.forms import Field, FieldKind, FormPresenter
    from safer_desk.ui.kit.forms import FormView

    for holder in (QDialog(), QWidget()):
        saves = []
        presenter = FormPresenter([Field("amount", "&Amount", FieldKind.MONEY), Field("on", "&On", FieldKind.DATE),
                                   Field("who", "&Who", FieldKind.EDITABLE_CHOICE, choices=(("a", "A"),))],
                                  save_fn=lambda values, parsed: saves.append(parsed), title="Payment")
        presenter.load({"amount": "£5"})
        view = FormView(presenter, holder, on_save=lambda: (saves.append("asked"), presenter.save())[1])
        QVBoxLayout(holder).addWidget(view)
        qtbot.addWidget(holder)
        holder.show()
        for widget in (view.widgets["amount"], view.widgets["on"].edit, view.widgets["who"].lineEdit()):
            saves.clear()
            widget.setFocus()
            qtbot.keyClick(widget, Qt.Key.Key_Return)
            assert saves.count("asked") == 1, (type(holder).__name__, widget.accessibleName())


def test_enter_in_the_funding_route_saves_once_so_a_queried_date_is_shown_not_kept(demo_window, qtbot):
    """Projects: a start date of 1999 is queried ("Save again to keep it"). Enter in Funding route (a list
    you can type in) saved twice, because Qt's editable list hands Enter to its text box a second time: the second
    save kept the date before the question was seen."""
    demo_window.show()
    page = demo_window.show_tab("projects").register
    page.view.selectRow(0)
    editor = page.editor
    project = editor.project
    start = editor.widgets["start_date"].edit
    start.setFocus()
    start.selectAll()
    qtbot.keyClicks(start, "01/04/1999")
    route = editor.widgets["funding_route"].lineEdit()
    route.setFocus()
    qtbot.keyClick(route, Qt.Key.Key_Return)
    assert "Save changes again to keep it" in editor.messages["start_date"].text()
    assert editor.project.start_date == project.start_date  # nothing saved yet


def test_a_column_widened_by_hand_keeps_its_width_when_the_rows_are_read_again(qtbot):
    """A table sized to its rows after every change put a column the person had widened (to read a long name cut at
    the widest the sizing allows) back to the sizing's width each time."""
    model = RowTableModel([Column("who", "Partner"), money_column("paid", "Paid")],
                          [{"who": "Suffolk County Council " * 20, "paid": 100}])
    proxy = SortProxy()
    proxy.setSourceModel(model)
    view = DataTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.show()
    view.size_columns_to_visible()
    assert view.columnWidth(0) == 360  # the widest the sizing gives
    drag_edge(view, 0, 520)
    model.set_rows([{"who": "Suffolk County Council " * 20, "paid": 200}])
    view.size_columns_to_visible()
    assert view.columnWidth(0) == 520
    assert view.columnWidth(1) < 360  # the others are still sized to their rows


def test_the_ledger_keeps_a_column_widened_by_hand_after_a_change(demo_window, qtbot):
    demo_window.show()
    tab = demo_window.show_tab("costs")
    page = tab.ledger
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    view = page.partners.view
    wide = view.columnWidth(0) + 150
    drag_edge(view, 0, wide)
    page.refresh()  # as after any change to the file
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    assert view.columnWidth(0) == wide
