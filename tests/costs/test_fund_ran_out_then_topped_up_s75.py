"""A fund whose spend recorded passed the money received, then topped up (session 75): £1,000 from April 2024,
£1,116.68 spent April to August, £500.01 received in October. On 01/12/2024 the balance is £383.33, so the page,
the sentence and `safer-desk fund` called August's run-out "a projection from Aug-24 that the spend recorded since
does not bear out, not a forecast" (kind "projected", "Would have run out"), and once the period ended "a projection,
not spend recorded": yet the spend recorded to August passed the £1,000 received by then. It ran out in August, as
recorded; the top-up since is said with the balance it makes."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.periods import Month
from safer_desk.services import funds
from safer_desk.ui.costs.fund_page import figure_texts

AUG = Month(2024, 8)


@pytest.fixture
def topped_up(demo_store):
    """Spend per month in pence: Apr 13,334; May 25,000; Jun none; Jul 33,334; Aug 40,000 (111,668 in all)."""
    s = demo_store
    fid = funds.add_fund(s, name="Test Pot", starts_on="01/04/2024", ends_on="31/03/2025", risk_levels="high")
    funds.add_contribution(s, fid, organisation="org:babergh-district-council", amount="1000.00",
                           received_on="01/04/2024")
    funds.add_contribution(s, fid, organisation="org:suffolk-county-council", amount="500.01",
                           received_on="15/10/2024")
    plan = [("01/04/2024", "Babergh", ["100.01", "33.33"]), ("10/05/2024", "Ipswich", ["250.00"]),
            ("20/07/2024", "Waveney", ["333.33", "0.01"]), ("02/08/2024", "Babergh", ["400.00"])]
    for n, (day, district, amounts) in enumerate(plan):
        rid = funds.add_referral(s, fid, reference=f"TP-{n:03}", district=district, referred_on=day,
                                 risk_level="high", at_marac=True, idva_assigned=True, perpetrator_resident=False)
        for amount in amounts:
            funds.add_spend_line(s, rid, spent_on=day, item="Door chain", amount=amount)
    return s, fid


def test_the_figures_by_hand(topped_up):
    s, fid = topped_up
    f = funds.fund_figures(s, fid, today=date(2024, 12, 1))
    assert (f.contributions_pence, f.spent_pence, f.balance_pence, f.victims) == (150001, 111668, 38333, 4)
    assert f.mean_per_victim_pence == 27917  # 111,668 / 4
    assert f.by_district == [("Babergh", 2, 53334), ("Ipswich", 1, 25000), ("Waveney", 1, 33334)]
    fc = f.forecast
    assert (fc.as_at, fc.window_spend_pence, fc.burn_rate_pence) == (AUG, 73334, 24445)  # Jun-Aug: 0 + 33,334 + 40,000
    # 150,001 − 111,668 − 7 × 244.45 (the rate shown, s76) = −132,782
    assert (fc.exhaustion_month, fc.last_funded_month, fc.left_at_end_pence) == (AUG, Month(2024, 7), -132782)


def test_a_run_out_the_spend_recorded_reached_is_not_called_a_projection_after_a_top_up(topped_up):
    s, fid = topped_up
    f = funds.fund_figures(s, fid, today=date(2024, 12, 1))
    assert funds.run_out_kind(f, AUG) == "ran_out"
    assert dict(funds.kind_rows(f))["forecast_exhaustion_month_kind"] == "ran_out"
    assert not f.run_out_projected
    assert funds.exhaustion_words(f) == "Ran out"
    assert figure_texts(f)["runs_out"] == "⚠ Ran out in Aug 2024"
    sentence = funds.forecast_sentence(f)
    assert "does not bear out" not in sentence and "would have" not in sentence
    assert ("At £244.45 a month (the 3 months to Aug-24), the fund covered spending to Jul-24 and ran out in Aug-24: "
            "£116.68 more than the £1,000 received by then was spent; money received since makes the balance "
            "£383.33; £1,327.82 would be missing by the end of the period (Mar-25)."
            in sentence)


def test_before_the_top_up_it_ran_out_as_before(topped_up):
    s, fid = topped_up
    f = funds.fund_figures(s, fid, today=date(2024, 9, 15))
    assert funds.run_out_kind(f, AUG) == "ran_out"
    assert ("the fund covered spending to Jul-24 and ran out in Aug-24: £116.68 more than the £1,000 received is "
            "spent;" in funds.forecast_sentence(f))


def test_the_period_ended_says_it_ran_out_on_the_spend_recorded(topped_up):
    s, fid = topped_up
    f = funds.fund_figures(s, fid, today=date(2025, 6, 1))
    sentence = funds.forecast_sentence(f)
    assert "It ran out in Aug-24 on the spend recorded, having covered spending to Jul-24." in sentence
    assert "a projection, not spend recorded" not in sentence
    assert funds.run_out_kind(f, AUG) == "ran_out"


def test_a_projection_with_money_left_all_along_is_still_one(demo_store):
    """The pilot as at 01/12/2024: its run-out (Apr-20) is over, the spend recorded never reached the money."""
    fund = funds.fund_by_name(demo_store, "Suffolk Target Hardening Pilot")
    funds.update_fund(demo_store, fund.id, ends_on="31/03/2030")
    f = funds.fund_figures(demo_store, fund.id, today=date(2024, 12, 1))
    assert f.forecast.exhaustion_month == Month(2020, 4)
    assert funds.run_out_kind(f, Month(2020, 4)) == "projected"
    assert f.run_out_projected
    assert "does not bear out" in funds.forecast_sentence(f)


def test_the_chart_marks_it_ran_out(topped_up, qtbot):
    from safer_desk.ui.costs.fund_page import FundChart

    s, fid = topped_up
    chart = FundChart()
    qtbot.addWidget(chart)
    chart.show_forecast(funds.fund_figures(s, fid, today=date(2024, 12, 1)))
    assert chart.out_line.label == "Ran out Aug 2024"
    assert chart.summary.startswith("£1,116.68 of the £1,500.01 fund spent by Aug 2024; it ran out in Aug 2024")
