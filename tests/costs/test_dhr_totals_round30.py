"""Costs > Reviews, round 30: the Total row's Cost never reads £0 for costs not yet known.

A review whose cost is not yet known reads "Not yet known, never £0" (guide), but the Total row under the list added
the unknown costs up as £0: one such review shown (a search) gave a Total Cost of £0. The total of costs none of which
is known is "Not yet known"; of some known, the known sum "so far" (the board report's cost recovery table says the
same in its note: "The total cost is of the reviews whose cost is known so far").
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.costs.test_search_choice_round22 import reviews_page


def total_cost(table) -> str:
    proxy = table.proxy
    column = table.model.column_index("cost")
    last = proxy.index(proxy.rowCount() - 1, column)
    assert proxy.index(proxy.rowCount() - 1, 0).data().startswith("Total")  # "Total of 2 shown" under a search
    return last.data(Qt.ItemDataRole.DisplayRole)


def search(page, qtbot, text: str) -> None:
    page.search.setText(text)
    page.refilter()


def test_the_total_of_one_review_whose_cost_is_not_known_is_not_yet_known(demo_window, qtbot):
    page = reviews_page(demo_window, qtbot, date(2018, 9, 1))
    search(page, qtbot, "WSCSP-DHR-2017-02")
    assert [c.reference for c in page.cases.source_rows()] == ["WSCSP-DHR-2017-02"]
    assert total_cost(page.cases) == "Not yet known"


def test_the_total_of_known_and_unknown_costs_is_the_known_sum_so_far(demo_window, qtbot):
    page = reviews_page(demo_window, qtbot, date(2018, 9, 1))
    search(page, qtbot, "WSCSP-DHR-2017")
    assert total_cost(page.cases) == "£7,525.58 so far"
    search(page, qtbot, "WSCSP-DHR-2017-01")
    assert total_cost(page.cases) == "£7,525.58"



def test_the_ledgers_per_case_total_of_unknown_costs_is_blank_not_0(demo_store):
    from safer_desk.presenters.dhr import ledger_sheets
    from safer_desk.services import dhr

    unknown = [c for c in dhr.list_cases(demo_store, today=date(2018, 9, 1)) if not c.cost_known]
    assert unknown
    total = ledger_sheets([], unknown, date(2018, 9, 1))[1].rows[-1]
    assert total[0] == "Total" and total[1] is None


def test_payment_with_no_share_chosen_shows_the_shares_to_choose_from(demo_window, qtbot, prompts):
    """*Payment…* with no share chosen said where to choose one but left the Stages page in view: the Shares and
    payments page is now shown, the shares in focus, and the message says to choose one there (no share is chosen
    for the person: the payment would be keyed on a partner they did not pick)."""
    from tests.costs.test_new_case_then_cost_line import button

    page = reviews_page(demo_window, qtbot, date(2018, 9, 1))
    page.select_case(page.presenter.rows[[c.reference for c in page.presenter.rows].index("WSCSP-DHR-2017-01")].id)
    page.details.setCurrentIndex(0)
    page.shares.view.clearSelection()
    page.shares.view.setCurrentIndex(page.shares.proxy.index(-1, -1))
    button(page, "Payment").click()
    assert page.details.currentWidget() is page.shares.view
    assert page.shares.view.hasFocus() or page.shares.view.isAncestorOf(QApplication.focusWidget())
    assert prompts.errors[-1] == ("Choose a share", "Select a partner's share on the Shares and payments page.")
    assert page.dialog is None or not page.dialog.isVisible()


def test_payment_on_a_review_not_billed_says_to_bill_it_first(demo_window, qtbot, prompts):
    from tests.costs.test_new_case_then_cost_line import button

    page = reviews_page(demo_window, qtbot, date(2018, 9, 1))
    page.select_case(page.presenter.rows[[c.reference for c in page.presenter.rows].index("WSCSP-DHR-2017-02")].id)
    assert page.shown_details.shares == []
    button(page, "Payment").click()
    assert "Bill partners" in prompts.errors[-1][1]
