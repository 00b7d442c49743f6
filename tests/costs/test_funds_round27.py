"""Pooled funds, round 27: money counts from the month it is received.

A top-up received (or due) part-way through the fund counted as money there from the fund's first month: a fund
short of money before the top-up arrived was shown as covered, and the run-out month was the one the whole of the
money would reach, as if it had all been there from the start. A coordinator needs the months the money is not
there: they are the ones a partner must be asked to pay early for, or the lead authority carries."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import Month
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"


def small_fund(store, *, top_up_on: str | None, top_up: str = "£5,000"):
    """£2,000 received in April 2025; £1,000 spent a month from April to August; a top-up received later."""
    fund = funds.add_fund(store, name="Top-up fund", starts_on="01/04/2025", ends_on="31/03/2026", risk_levels="high")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£2,000",
                           received_on="01/04/2025")
    if top_up_on is not None:
        funds.add_contribution(store, fund, organisation="Ipswich Borough Council", amount=top_up,
                               received_on=top_up_on, note="top-up")
    for n, month in enumerate((4, 5, 6, 7, 8)):
        r = funds.add_referral(store, fund, reference=f"TU-{n:03d}", district="Ipswich",
                               referred_on=f"02/{month:02d}/2025", risk_level="high", at_marac="yes",
                               idva_assigned="yes", perpetrator_resident="no")
        funds.add_spend_line(store, r, spent_on=f"03/{month:02d}/2025", item="Door chain", amount="£1,000")
    return fund


def test_a_top_up_received_in_october_does_not_cover_the_months_before_it(demo_store):
    """£2,000 from April, £1,000 spent a month: the money ran out in June; £5,000 arrives only in October. As at
    August the whole £7,000 less £5,000 spent read as £2,000 to spare, running out in October, and nothing said the
    fund had been £3,000 short by August with the top-up still to come."""
    fund = small_fund(demo_store, top_up_on="01/10/2025")
    f = funds.fund_figures(demo_store, fund, today=date(2025, 9, 15))
    assert f.forecast.as_at == Month(2025, 8)
    assert f.forecast.exhaustion_month == Month(2025, 6)  # the first month the money was not there
    assert f.forecast.last_funded_month == Month(2025, 5)
    text = funds.forecast_sentence(f)
    # June is over as at 15/09/2025: the fund ran out then, £3,000 short by today (round 36: not "runs out in Jun-25")
    assert "covered spending to May-25 and ran out in Jun-25: £3,000 more than the £2,000 received is spent" in text
    assert "short of money from Jun-25 to Sep-25" in text and "£5,000 received in Oct-25" in text
    assert "it then runs out again in Nov-25" in text  # £7,000 by October, £8,000 spent by November
    # the money still comes: what is left at the end counts it (£7,000 less £12,000 at £1,000 a month)
    assert f.forecast.left_at_end_pence == -500_000
    # every window of the range is worked out the same way
    assert {r.exhaustion_month for r in f.ranges.forecasts} == {Month(2025, 6)}
    # the balance today is what was received less what was spent: the top-up is not here yet
    assert f.balance_pence == -300_000
    rows = dict(funds.fund_report_rows(f))
    assert rows["balance"] == "-3000" and rows["forecast_exhaustion_month"] == "2025-06"


def test_a_shortage_that_a_top_up_ended_is_said_and_the_run_out_is_the_next_one(demo_store):
    """As at November, the October top-up is in: the fund runs out again when the £7,000 is spent (in Dec-25), and
    says it was short in June to September before the top-up came."""
    fund = small_fund(demo_store, top_up_on="01/10/2025")
    day = funds.list_referrals(demo_store, fund)[-1]["id"]
    for month in (9, 10, 11):
        funds.add_spend_line(demo_store, day, spent_on=f"03/{month:02d}/2025", item="Door chain", amount="£200")
    f = funds.fund_figures(demo_store, fund, today=date(2025, 12, 15))
    assert f.forecast.as_at == Month(2025, 11)
    assert f.forecast.exhaustion_month != Month(2025, 6)  # that shortage is over
    text = funds.forecast_sentence(f)
    assert "was short of money from Jun-25 to Sep-25" in text and "£5,000 received in Oct-25" in text
    assert f.balance_pence == 700_000 - 560_000


def test_a_pledge_due_after_the_run_out_does_not_move_it(demo_store):
    """The pilot runs out in Apr-20 at £805.67 a month; £2,000 more due in June 2020 read as covering spending to
    June. It is short in April and May before the money comes."""
    pilot = funds.fund_by_name(demo_store, PILOT).id
    before = funds.fund_figures(demo_store, pilot, as_at=Month(2018, 6), today=date(2018, 7, 20))
    assert before.forecast.exhaustion_month == Month(2020, 4)
    funds.add_contribution(demo_store, pilot, organisation="Suffolk County Council", amount="£2,000",
                           received_on="01/06/2020", note="pledged")
    f = funds.fund_figures(demo_store, pilot, as_at=Month(2018, 6), today=date(2018, 7, 20))
    assert f.forecast.exhaustion_month == Month(2020, 4)
    assert "short of money from Apr-20 to May-20" in funds.forecast_sentence(f)
    assert f.balance_pence == before.balance_pence  # not received yet (as at 20/07/2018)
    assert f.contributions_pence == before.contributions_pence + 200_000
    # left at the pilot's end (Sep-19): the pledge comes after it, so it is not there
    assert f.forecast.left_at_end_pence == before.forecast.left_at_end_pence


def test_money_all_received_by_the_first_month_changes_nothing(demo_store):
    """The example's contributions (all April 2018), and one with no date: the forecast is the one it always was."""
    pilot = funds.fund_by_name(demo_store, PILOT).id
    f = funds.fund_figures(demo_store, pilot, as_at=Month(2018, 6), today=date(2018, 7, 20))
    assert (f.forecast.exhaustion_month, f.forecast.left_at_end_pence) == (Month(2020, 4), 549_795)
    assert "short" not in funds.forecast_sentence(f)
    fund = small_fund(demo_store, top_up_on=None)
    funds.add_contribution(demo_store, fund, organisation="Ipswich Borough Council", amount="£5,000", note="no date")
    f = funds.fund_figures(demo_store, fund, today=date(2025, 9, 15))
    assert f.forecast.exhaustion_month == Month(2025, 11) and "short" not in funds.forecast_sentence(f)


def test_the_chart_draws_the_fund_level_rising_when_the_top_up_comes(demo_store, qtbot):
    """The fund line was flat at the whole £7,000 from April, above the spend line: no month looked short. It now
    steps up from £2,000 to £7,000 at the start of October, and the run-out line is at June."""
    from safer_desk.ui.costs.fund_page import FundChart

    fund = small_fund(demo_store, top_up_on="01/10/2025")
    chart = FundChart()
    qtbot.addWidget(chart)
    chart.show_forecast(funds.fund_figures(demo_store, fund, today=date(2025, 9, 15)))
    xs, ys = chart.level_curve.getData()
    assert list(zip(xs, ys))[:4] == [(0, 2000), (6, 2000), (6, 7000), (xs[-1], 7000)]  # x 6: the start of October
    # seen in September, June is over: the fund ran out then (round 59)
    assert chart.out_line.value() == 2.5 and "it ran out in Jun 2025" in chart.summary
    assert chart.out_line.label == "Ran out Jun 2025"


def test_a_spend_line_before_the_top_up_arrives_is_asked_about_the_money_received_by_its_month(demo_store):
    """£2,000 received in April, £3,000 spent by June, £5,000 due in October: a £200 line in June was not asked
    about (£5,200 spent of £7,000 contributed), and the coordinator paid for locks with money the fund did not
    have."""
    fund = small_fund(demo_store, top_up_on="01/10/2025")
    asked = funds.overspend_warning(demo_store, fund, spent_on=date(2025, 6, 15), item="Door chain", amount="£200",
                                    today=date(2025, 9, 15))
    assert asked == ("This spend of £200 takes Top-up fund £1,200 past the £2,000 received by June 2025 (£3,000 "
                     "spent by then); £5,000 from Ipswich Borough Council is due in October 2025.")
    # keyed afterwards, the top-up that came too late for June is said to have been received then
    assert funds.overspend_warning(demo_store, fund, spent_on=date(2025, 6, 15), item="Door chain", amount="£200",
                                   today=date(2025, 11, 2)).endswith("was received in October 2025.")
    # a line after the top-up came is within the money (£7,000 received, £5,200 spent)
    assert funds.overspend_warning(demo_store, fund, spent_on="15/10/2025", item="Door chain", amount="£200",
                                   today=date(2025, 10, 20)) == ""
    # a correction moved earlier is asked about too (the August £1,000 dated in May: £3,000 spent by May)
    assert "£1,000 past the £2,000 received by May 2025 (£2,000 spent by then)" in funds.overspend_warning(
        demo_store, fund, spent_on="03/05/2025", item="Door chain", amount="£1,000", instead_of=100_000,
        instead_of_on=date(2025, 8, 3), today=date(2025, 9, 15))


def test_money_with_no_date_or_before_the_fund_began_counts_from_its_first_month_for_the_question(demo_store):
    """The receipts rule: a top-up with no date, or dated before the fund began, is there from the first month, so the
    same June line is within the £7,000 (and the wording stays the one about all the money contributed)."""
    for received_on in (None, "01/01/2025"):
        fund = small_fund(demo_store, top_up_on=received_on)
        if received_on is None:
            funds.add_contribution(demo_store, fund, organisation="Ipswich Borough Council", amount="£5,000")
        assert funds.overspend_warning(demo_store, fund, spent_on="15/06/2025", item="Door chain", amount="£200",
                                       today=date(2025, 9, 15)) == ""
        assert funds.overspend_warning(demo_store, fund, spent_on="15/06/2025", item="Door chain", amount="£2,500",
                                       today=date(2025, 9, 15)) == (
            "This spend of £2,500 takes Top-up fund £500 past the £7,000 contributed (£5,000 spent so far).")
        with demo_store.transaction():  # for the next round (Delete fund refuses a fund with money: session 60)
            demo_store.conn.execute("DELETE FROM funds WHERE id = ?", (fund,))


def test_the_spend_form_asks_once_about_money_not_received_by_the_line_s_month(demo_store):
    from safer_desk.presenters.actions import ActionLog
    from safer_desk.presenters.funds import FundsPresenter

    fund = small_fund(demo_store, top_up_on="01/10/2025")
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: date(2025, 9, 15))
    p.reload(select=fund)
    referral = next(r for r in p.data.referrals if r["reference"] == "TU-002")
    form = p.spend_form(referral)
    for key, value in (("spent_on", "15/06/2025"), ("item", "Door chain"), ("amount", "£200")):
        form.set_value(key, value)
    assert not form.save()
    assert "£1,200 past the £2,000 received by June 2025" in form.message("amount")
    assert "£5,000 from Ipswich Borough Council is due in October 2025" in form.message("amount")
    assert form.save()  # asked once, never a refusal
    assert funds.fund_figures(demo_store, fund, today=date(2025, 9, 15)).spent_pence == 520_000
    line = next(r for r in p.data.lines if r["reference"] == "TU-003")  # £1,000 in July: moved to June
    form = p.edit_spend_form(line)
    form.set_value("spent_on", "03/06/2025")
    assert not form.save() and "past the £2,000 received by June 2025" in form.message("amount")
