"""Pooled funds in the window, round 30.

1. The Spend lines table's Date column was blank on every row (its rows come from the file as they are read, not
   as dicts, and the date column read only dicts and attributes): the coordinator could not see when a lock was
   bought, sort the lines by date, or copy the dates to Excel.
2. Spend line… with no referral chosen offered the first referral of the fund, whatever the table showed: filtered
   to one district (or sorted), the form named a victim that was not in view."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tests.costs.test_new_case_then_cost_line import field, first_line, open_dialog


@pytest.fixture
def page(costs_tab, qtbot):
    tab = costs_tab
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    return page


def column(table, header: str) -> list[str]:
    model = table.view.model()
    col = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == header)
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_the_spend_lines_show_their_dates_and_sort_by_them(page, qtbot):
    page.select_table("Spend lines")
    dates = column(page.lines, "Date")
    assert dates[0] == "09/04/2018" and all(dates[:-1]) and not dates[-1], dates[:5]  # the Total line last (s74)
    latest = date.fromisoformat(max(r["spent_on"] for r in page.data.lines))
    page.lines.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert column(page.lines, "Date")[0] == f"{latest:%d/%m/%Y}" and latest.month == 6


def test_a_spend_line_with_no_referral_chosen_goes_to_the_first_one_in_view(page, qtbot):
    """Showing only Babergh (one referral, TH-2018-008) and pressing Spend line…: the form offered TH-2018-001, an
    Ipswich victim the filter hides, and Save put the lock on that victim's spend."""
    page.district_filter.setCurrentIndex(page.district_filter.findText("Babergh"))
    qtbot.waitUntil(lambda: page.referrals.view.model().rowCount() == 2)  # the referral and the Total line
    assert page.referrals.current() is None
    dialog = open_dialog(qtbot, page, "Spend line")
    assert field(dialog, "Referral").currentText() == "TH-2018-008"
    assert "Spend line for TH-2018-008" in dialog.windowTitle() + first_line(dialog)
    dialog.reject()


def test_sorted_the_first_referral_in_view_is_offered(page, qtbot):
    page.referrals.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # Spent, the most first: TH-2018-008's £205
    dialog = open_dialog(qtbot, page, "Spend line")
    assert field(dialog, "Referral").currentText() == "TH-2018-008"
    dialog.reject()
