"""Pooled funds, round 36 (fnx): a run-out month already over.

1. A fund overspent by the months recorded (£1,000 contributed, £600 spent in April and £600 in May 2025), seen on
   10/07/2025: the forecast said "the fund covers spending to Apr-25 and runs out in May-25", in the future tense
   for a month over, and never that more than the fund holds is spent. It ran out in May-25: that is what happened.
2. A fund whose spend stopped being keyed (£400 in April and in May 2025 of £1,000), seen on 10/12/2025: the
   forecast said "the fund covers spending to May-25 and runs out in Jun-25", six months ago, while the records
   leave £200 in it. A run-out before today is not a forecast: it is a projection the spend recorded since does not
   bear out, and the page, the command line and the board report say so.
3. Hypothesis: for random contributions and spends seen on a random day, what is left is what was received less
   what was spent, to the penny; the contributors' amounts add up to the contributions; and a month before today's
   is never said to be the month the fund "runs out" in.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from safer_desk.domain.periods import Month
from safer_desk.presenters.funds import months_as_the_window_names_them
from safer_desk.services import funds
from tests.costs.test_cli import run

COUNCIL = "Suffolk County Council"


def small_fund(store, name: str, amount: str, spends: list[tuple[str, str]]) -> str:
    """A fund of 01/04/2025 to 31/03/2027 with ``amount`` received on its first day, one victim per spend line."""
    fund = funds.add_fund(store, name=name, starts_on="01/04/2025", ends_on="31/03/2027", risk_levels="high")
    funds.add_contribution(store, fund, organisation=COUNCIL, amount=amount, received_on="01/04/2025")
    for n, (day, pence) in enumerate(spends, 1):
        referral = funds.add_referral(store, fund, reference=f"PR-2025-{n:03}", district="Ipswich", referred_on=day,
                                      risk_level="high", at_marac="yes", idva_assigned="yes",
                                      perpetrator_resident="no")
        funds.add_spend_line(store, referral, spent_on=day, item="Door chain", amount=pence)
    return fund


# -- 1. overspent: it ran out ----------------------------------------------------------------------------------

def test_a_fund_overspent_by_the_months_recorded_ran_out(demo_store):
    fund = small_fund(demo_store, "Overspent", "£1,000", [("10/04/2025", "£600"), ("10/05/2025", "£600")])
    figures = funds.fund_figures(demo_store, fund, today=date(2025, 7, 10))
    assert figures.balance_pence == -20_000 and figures.forecast.exhaustion_month == Month(2025, 5)
    sentence = funds.forecast_sentence(figures)
    assert "covered spending to Apr-25 and ran out in May-25" in sentence, sentence
    assert "£200 more than the £1,000 received is spent" in sentence, sentence
    assert "runs out in May-25" not in sentence.split("Over 3-")[0], sentence


# -- 2. stale: a run-out before today with money left ----------------------------------------------------------

STALE = "Stale"
STALE_SAID = ("At this rate the money would have run out in Jun-25, a month already over, yet £200 is left as "
              "recorded on 10/12/2025: the run-out is a projection from May-25 that the spend recorded since does "
              "not bear out, not a forecast.")


def stale_fund(store) -> str:
    return small_fund(store, STALE, "£1,000", [("10/04/2025", "£400"), ("10/05/2025", "£400")])


def test_a_run_out_before_today_with_money_left_is_said_to_be_a_projection(demo_store):
    fund = stale_fund(demo_store)
    figures = funds.fund_figures(demo_store, fund, today=date(2025, 12, 10))
    assert figures.balance_pence == 20_000 and figures.forecast.exhaustion_month == Month(2025, 6)
    assert STALE_SAID in figures.forecast.warnings
    sentence = funds.forecast_sentence(figures)
    assert "would have covered spending to May-25 and run out in Jun-25" in sentence, sentence
    assert "runs out in Jun-25" not in sentence, sentence


def test_the_command_line_says_it_too(demo_store, demo_path, capsys):
    stale_fund(demo_store)
    code, out, err = run(capsys, "fund", str(demo_path), STALE, "--today", "10/12/2025")
    values = dict(csv.reader(io.StringIO(out)))
    assert code == 0 and values["forecast_exhaustion_month"] == "2025-06" and values["balance"] == "200"
    assert STALE_SAID in values["forecast_warnings"] and STALE_SAID in err


def test_the_board_report_says_it_too(demo_store):
    from safer_desk.services.report_sections.costs import board_report_sections

    stale_fund(demo_store)
    section = next(s for s in board_report_sections(demo_store, today=date(2025, 12, 10))
                   if s.title == f"{STALE}: burn-down")
    assert any(STALE_SAID in p for p in section.paragraphs), section.paragraphs


def test_a_run_out_in_this_month_is_still_a_forecast(demo_store):
    fund = stale_fund(demo_store)
    figures = funds.fund_figures(demo_store, fund, today=date(2025, 6, 20))
    assert figures.forecast.exhaustion_month == Month(2025, 6)
    assert not any("already over" in w for w in figures.forecast.warnings)
    assert "covers spending to May-25 and runs out in Jun-25" in funds.forecast_sentence(figures)


# -- 3. random funds -------------------------------------------------------------------------------------------

START = date(2025, 4, 1)
END = date(2026, 3, 31)
days = st.integers(0, (END - START).days).map(lambda n: START + timedelta(days=n))
PARTNERS = ("Suffolk County Council", "Babergh District Council", "Ipswich Borough Council")
_MONTH = re.compile(r"\bruns out in ([A-Z][a-z]{2}-\d\d(?:\d\d)?)\b")


def _pounds(pence: int) -> str:
    """Pence as typed pounds ("12.05", "-3.00"), worked out without floats."""
    pounds, rest = divmod(abs(pence), 100)
    return f"{'-' if pence < 0 else ''}{pounds}.{rest:02d}"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(given_in=st.lists(st.tuples(st.sampled_from(PARTNERS), st.integers(1, 500_000), st.none() | days),
                         min_size=0, max_size=4),
       spent=st.lists(st.tuples(days, st.integers(1, 200_000)), min_size=0, max_size=8),
       today=st.integers(0, 540).map(lambda n: START + timedelta(days=n)))
# £3.26 spent of £584.09 runs out in 2070, said "Jan-70" (read as 1970) until round 38: now "Jan-2070".
@example(given_in=[("Suffolk County Council", 58409, None)], spent=[(date(2025, 6, 1), 326)], today=date(2025, 7, 1))
def test_random_funds_add_up_and_never_run_out_in_a_month_over(store, given_in, spent, today):
    from safer_desk.services.reference import list_districts, list_organisations

    if not list_organisations(store):
        from safer_desk.services import reference

        for name in PARTNERS:
            reference.add_organisation(store, name=name)
        reference.add_district(store, name="Ipswich")
        funds.save_item(store, "Door chain", usual_price="25")
    assert list_districts(store)
    fund = funds.add_fund(store, name=f"Random {len(funds.list_funds(store)) + 1}", starts_on=START, ends_on=END)
    for who, pence, on in given_in:
        funds.add_contribution(store, fund, organisation=who, amount=_pounds(pence), received_on=on)
    for n, (on, pence) in enumerate(spent):
        referral = funds.add_referral(store, fund, reference=f"RF-{n:03}", district="Ipswich", referred_on=on,
                                      risk_level="high", at_marac="yes", idva_assigned="yes",
                                      perpetrator_resident="no")
        funds.add_spend_line(store, referral, spent_on=on, item="Door chain", amount=_pounds(pence))
    figures = funds.fund_figures(store, fund, today=today)
    received = sum(p for _, p, on in given_in if on is None or on <= today)
    spent_by_today = sum(p for on, p in spent if on <= today)
    assert figures.contributions_pence == sum(p for _, p in figures.contributors) == sum(p for _, p, _ in given_in)
    assert figures.spent_pence == spent_by_today
    assert figures.balance_pence == received - spent_by_today
    rows = dict(funds.fund_report_rows(figures))
    assert rows["balance"] == _pounds(received - spent_by_today).removesuffix(".00")
    if figures.period_ended:
        return
    this_month = Month.of(today)
    for label in _MONTH.findall(funds.forecast_sentence(figures).split("Over 3-")[0]):
        assert not Month.parse(label) < this_month, (label, today, funds.forecast_sentence(figures))


# -- the page, on its own date ---------------------------------------------------------------------------------

def _stale_page(demo_window, qtbot):
    from tests.costs.test_fund_page_round30d import _page_on

    stale_fund(demo_window.session.store)
    return _page_on(demo_window, qtbot, date(2025, 12, 10), STALE)


def test_the_page_says_the_run_out_is_a_projection(demo_window, qtbot):
    page = _stale_page(demo_window, qtbot)
    assert page.figure_labels["balance"].text() == "£200"
    text = page.sentence.text()
    assert "would have covered spending to May 2025 and run out in Jun 2025" in text, text
    assert months_as_the_window_names_them(STALE_SAID) in text, text


def test_the_pages_runs_out_figure_is_marked_projected(demo_window, qtbot):
    page = _stale_page(demo_window, qtbot)
    assert page.figure_labels["runs_out"].text() == "⚠ Before the end: Jun 2025 (projected)"
