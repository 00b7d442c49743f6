"""Session 75, start-up: every cell of a kit table went through WholeNumbers's paint, a Python call per cell (about
10 M instructions of the register's first screen), though only a right-aligned figure cut by an edge is drawn another
way. Only a kit model's right-aligned columns go through it now; the others are drawn by Qt, edited as before; a
page's own delegate still draws and edits every cell; a model of another kind still goes wholly through it."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QStyledItemDelegate

from safer_desk.ui.kit.table_view import DataTableView, KeepsTyping, WholeNumbers
from safer_desk.ui.kit.tables import Column, RowTableModel, SortProxy, money_column


def _view(qtbot):
    model = RowTableModel([Column("name", "Partner"), money_column("owed", "Owed")],
                          [{"name": "Babergh", "owed": 7_052_500}, {"name": "Ipswich", "owed": 16_060_700}])
    proxy = SortProxy()
    proxy.setSourceModel(model)
    view = DataTableView(accessible_name="Who owes what")
    qtbot.addWidget(view)
    view.setModel(proxy)
    return view, proxy


def test_only_the_figures_go_through_whole_numbers(qtbot):
    view, proxy = _view(qtbot)
    name, owed = proxy.index(0, 0), proxy.index(0, 1)
    assert type(view.itemDelegateForIndex(name)) is KeepsTyping  # Enter on a refused figure still keeps the typing
    assert isinstance(view.itemDelegateForIndex(owed), WholeNumbers)


def test_a_pages_own_delegate_draws_every_cell(qtbot):
    view, proxy = _view(qtbot)
    own = QStyledItemDelegate(view)
    view.setItemDelegate(own)
    assert view.itemDelegateForIndex(proxy.index(0, 0)) is own
    assert view.itemDelegateForIndex(proxy.index(0, 1)) is own
    view.setModel(proxy)  # set again: still the page's own
    assert view.itemDelegateForIndex(proxy.index(1, 1)) is own


def test_a_model_of_another_kind_goes_wholly_through_whole_numbers(qtbot):
    view = DataTableView(accessible_name="Names")
    qtbot.addWidget(view)
    model = QStringListModel(["Babergh", "Ipswich"])
    view.setModel(model)
    assert isinstance(view.itemDelegateForIndex(model.index(0, 0)), WholeNumbers)
