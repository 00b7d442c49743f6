"""A fund whose period ended with nothing spent (round 59): the sentence said "nothing is recorded as spent, so all
£5,000 received is left unspent", but *At the end of the period* read "—", and `safer-desk fund` printed
left_at_period_end and its kind blank, as if there were no figure. What is left is what was received by the end: it
is given, as recorded, in the window, the command line, the fund report and the workbook."""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.funds import FundsPresenter, figures_rows
from safer_desk.services import funds

AFTER = date(2026, 4, 20)


def unspent_fund(store) -> str:
    fund = funds.add_fund(store, name="Unspent pot", starts_on="01/04/2025", ends_on="31/03/2026", risk_levels="high")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£5,000",
                           received_on="01/04/2025")
    funds.add_contribution(store, fund, organisation="Babergh District Council", amount="£1,000",
                           received_on="10/04/2026")  # after the period: not left at its end
    return fund


def test_the_rows_give_what_was_left_at_the_end(demo_store):
    figures = funds.fund_figures(demo_store, unspent_fund(demo_store), today=AFTER)
    rows = dict(funds.fund_report_rows(figures))
    assert (rows["status"], rows["left_at_period_end"], rows["left_at_period_end_kind"]) == ("ended", "5000",
                                                                                            "recorded")
    assert "all £5,000 received by then is left unspent; £1,000 received since" in funds.forecast_sentence(figures)
    assert dict((r[0], r[1]) for r in figures_rows(figures))["left_at_period_end"] == 500_000


def test_a_fund_still_running_with_nothing_spent_has_no_figure_yet(demo_store):
    rows = dict(funds.fund_report_rows(funds.fund_figures(demo_store, unspent_fund(demo_store),
                                                          today=date(2025, 9, 1))))
    assert (rows["left_at_period_end"], rows["left_at_period_end_kind"]) == ("", "")  # no burn rate: no forecast


def test_the_page_shows_it(demo_store):
    fund = unspent_fund(demo_store)
    page = FundsPresenter(demo_store, today=lambda: AFTER)
    page.reload(select=fund)
    assert page.data.figures.left_at_end_pence == 500_000


def test_the_window_shows_it(demo_window, qtbot):
    fund = unspent_fund(demo_window.session.store)
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    page.today = AFTER
    page.fund_combo.setCurrentIndex(page.fund_combo.findData(fund))
    qtbot.waitUntil(lambda: not page.is_busy() and page.data.figures.fund.id == fund, timeout=10000)
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data.figures.today == AFTER, timeout=10000)
    assert page.figure_labels["at_end"].text() == "£5,000 left"
    assert page.figure_labels["runs_out"].text() == "—"
