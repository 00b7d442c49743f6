"""Round 38 (lap): every column of each Pooled funds table in view at 1093×582 (a 1366×768 laptop at 125%).

In a county file the *Merged from* column of the referrals, spend lines and contributions sat past the right edge,
reached only by the scroll bar; in an office's own file MARAC, IDVA, *Perpetrator lives there* and *Spend lines* did
(and the spend lines' Supplier and Invoice). Each table now shows every column without scrolling sideways: the list
of tables runs along the top, the chart beside gives the tables the room it can spare, long headings wrap onto two
lines, and a long text (a supplier, an override's reason, the offices a row came from) is cut short with the whole of
it in the cell's tooltip.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from safer_desk.ui.costs.tab import FUNDS
from tests.costs.test_fund_merged_from_round37mf3 import _files, _funds_page
from tests.window_sizes import LAPTOP_SIZES, SIZE_IDS, column_titles, columns_out_of_view, resize_window


@pytest.fixture
def files(tmp_path):
    made = _files(tmp_path)
    made.county.close()
    made.babergh.close()
    return made


def _shown(view) -> list[str]:
    return [t for t, c in column_titles(view).items() if not view.isColumnHidden(c)]


def _unreadable(view) -> list[str]:
    """Cells cut short without their whole text in the tooltip, and headings not shown whole, as "heading: text"."""
    model, header = view.model(), view.horizontalHeader()
    heads = QFontMetrics(header.font())
    said = []
    for title in _shown(view):
        c = column_titles(view)[title]
        width = view.columnWidth(c)
        wrapped = heads.boundingRect(QRect(0, 0, width - 8, 1000), int(Qt.TextFlag.TextWordWrap), title)
        if max(heads.horizontalAdvance(w) for w in title.split()) + 8 > width or wrapped.height() > header.height():
            said.append(f"{title}: its heading")
        for r in range(model.rowCount()):
            index = model.index(r, c)
            text = str(index.data() or "")
            font = index.data(Qt.ItemDataRole.FontRole)
            metrics = view.fontMetrics() if font is None else QFontMetrics(font)
            if metrics.horizontalAdvance(text) + 8 > width and index.data(Qt.ItemDataRole.ToolTipRole) != text:
                said.append(f"{title}: {text}")
    return said


def _every_table(window, page, size) -> dict[str, list[str]]:
    """Each table's columns out of view or unreadable, shown as the officer would: chosen in the list."""
    window.show_tab("costs").pages.setCurrentIndex(FUNDS)
    resize_window(window, size)
    found = {}
    for title in page.table_titles:
        page.select_table(title)
        QApplication.processEvents()
        view = page.stack.currentWidget()
        assert view.isVisible()
        if wrong := columns_out_of_view(view, _shown(view)) + _unreadable(view):
            found[title] = wrong
    return found


@pytest.mark.parametrize("size", LAPTOP_SIZES, ids=SIZE_IDS)
def test_a_county_file_s_fund_tables_are_whole_in_view(window, files, qtbot, size):
    page = _funds_page(window, files.county_path, qtbot)
    assert "Merged from" in _shown(page.referrals.view)
    assert _every_table(window, page, size) == {}


@pytest.mark.parametrize("size", LAPTOP_SIZES, ids=SIZE_IDS)
def test_an_office_s_fund_tables_are_whole_in_view(window, files, qtbot, size):
    page = _funds_page(window, files.babergh_path, qtbot)
    assert "Merged from" not in _shown(page.referrals.view)
    assert _every_table(window, page, size) == {}


@pytest.mark.parametrize("size", LAPTOP_SIZES, ids=SIZE_IDS)
def test_the_example_fund_s_tables_are_whole_in_view(demo_window, qtbot, size):
    tab = demo_window.show_tab("costs")
    tab.pages.setCurrentIndex(FUNDS)
    page = tab.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None and page.data.figures is not None,
                    timeout=10000)
    assert _every_table(demo_window, page, size) == {}


def test_a_long_override_and_a_long_origin_are_whole_in_their_tooltips(window, files, qtbot):
    from safer_desk.services import funds
    from safer_desk.storage.store import open_store

    store = open_store(files.county_path)
    try:
        funds.add_referral(store, files.fund, reference="TH-C-001", district="Babergh", referred_on="03/06/2025",
                           risk_level="medium", at_marac="yes", idva_assigned="yes", perpetrator_resident="no",
                           override_reason="MARAC chair agreed on 03/06/2025, the risk rising since the referral")
    finally:
        store.close()
    page = _funds_page(window, files.county_path, qtbot)
    window.show_tab("costs").pages.setCurrentIndex(FUNDS)
    resize_window(window, LAPTOP_SIZES[0])
    view, model = page.referrals.view, page.referrals.shown
    column = column_titles(view)["Eligibility"]
    row = next(r for r in range(model.rowCount()) if (model.index(r, column).data() or "").startswith("⚠"))
    index = model.index(row, column)
    assert view.fontMetrics().horizontalAdvance(index.data()) > view.columnWidth(column)  # cut short in the cell
    assert index.data(Qt.ItemDataRole.ToolTipRole) == (
        "⚠ Override: MARAC chair agreed on 03/06/2025, the risk rising since the referral")
    page.select_table("Contributions")
    view, model = page.contributions.view, page.contributions.shown
    merged = column_titles(view)["Merged from"]
    both = next(model.index(r, merged) for r in range(model.rowCount())
                if model.index(r, merged).data() == "Babergh office, Mid Suffolk office")
    assert both.data(Qt.ItemDataRole.ToolTipRole) == "Babergh office, Mid Suffolk office"
    assert columns_out_of_view(view, _shown(view)) == []
