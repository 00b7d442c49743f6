"""The chart and the *Runs out* figure of a run-out month already over (round 59). Round 36 made the sentence say
what such a month is: the fund *ran out* then (the spend recorded passed the money), or the month is a projection
the spend recorded since does not bear out. The chart beside it still said it in the future tense: its mark read
"Runs out May 2025" and its summary for screen readers "at the recent rate it runs out in May 2025", seen in July;
and the figure read "⚠ Before the end: May 2025", as for a month to come. They now say it as the sentence does (the
figure "⚠ Ran out in May 2025")."""

from __future__ import annotations

from datetime import date

from safer_desk.services import funds
from tests.costs.test_fund_page_round30d import _page_on
from tests.costs.test_fund_past_run_out_round36fnx import small_fund, stale_fund

SEEN = date(2025, 7, 10)


def _overspent(store) -> str:
    return small_fund(store, "Overspent", "£1,000", [("10/04/2025", "£600"), ("10/05/2025", "£600")])


def test_the_chart_says_a_fund_ran_out(demo_store, qtbot):
    from safer_desk.ui.costs.fund_page import FundChart

    chart = FundChart()
    qtbot.addWidget(chart)
    chart.show_forecast(funds.fund_figures(demo_store, _overspent(demo_store), today=SEEN))
    assert chart.out_line.label == "Ran out May 2025"
    assert chart.summary == ("£1,200 of the £1,000 fund spent by May 2025; it ran out in May 2025; the period ends in "
                             "Mar 2027.")


def test_the_chart_says_a_run_out_month_over_is_a_projection(demo_store, qtbot):
    from safer_desk.ui.costs.fund_page import FundChart

    chart = FundChart()
    qtbot.addWidget(chart)
    chart.show_forecast(funds.fund_figures(demo_store, stale_fund(demo_store), today=date(2025, 12, 10)))
    assert chart.out_line.label == "Would have run out Jun 2025"
    assert "; at the recent rate it would have run out in Jun 2025, a month already over; " in chart.summary


def test_the_page_marks_the_figure_ran_out(demo_window, qtbot):
    _overspent(demo_window.session.store)
    page = _page_on(demo_window, qtbot, SEEN, "Overspent")
    assert page.figure_labels["runs_out"].text() == "⚠ Ran out in May 2025"
    assert page.ensure_chart().out_line.label == "Ran out May 2025"


def test_a_run_out_to_come_is_said_as_before(demo_store, qtbot):
    from safer_desk.ui.costs.fund_page import FundChart

    chart = FundChart()
    qtbot.addWidget(chart)
    chart.show_forecast(funds.fund_figures(demo_store, _overspent(demo_store), today=date(2025, 5, 20)))
    assert chart.out_line.label.startswith("Runs out ")
    assert "at the recent rate it runs out in" in chart.summary
