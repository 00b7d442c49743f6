"""An ended fund whose recorded spend ran it out says so, as `safer-desk fund`'s ran_out does: it said "Projected from
Apr-20 …, the fund would have covered spending to Feb-20 and run out in Mar-20 …: a projection, not spend recorded",
a run-out before the month the projection starts from, which the spend recorded did reach."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import Month
from safer_desk.services import funds

LATER = date(2026, 12, 1)


def _leap_fund(store) -> str:
    fund = funds.add_fund(store, name="Leap Fund", starts_on="29/02/2020", ends_on="28/02/2021")
    funds.add_contribution(store, fund, organisation="Babergh District Council", amount="1000",
                           received_on="29/02/2020")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="500.01",
                           received_on="31/03/2020")
    for i, (district, day, amount) in enumerate([("Babergh", "29/02/2020", "900"), ("Ipswich", "31/03/2020", "600.33"),
                                                 ("Babergh", "01/04/2020", "300")]):
        referral = funds.add_referral(store, fund, reference=f"LF-{i + 1}", district=district, referred_on=day,
                                      risk_level="high", at_marac=True, idva_assigned=True,
                                      perpetrator_resident=False)
        funds.add_spend_line(store, referral, spent_on=day if i < 2 else "30/04/2020", item="Door chain",
                             amount=amount)
    return fund


def test_an_ended_fund_that_ran_out_on_its_recorded_spend_says_it_ran_out(demo_store):
    figures = funds.fund_figures(demo_store, _leap_fund(demo_store), today=LATER)
    assert figures.forecast.exhaustion_month == Month(2020, 3)
    assert funds.run_out_kind(figures, figures.forecast.exhaustion_month) == "ran_out"
    text = funds.forecast_sentence(figures)
    assert text.startswith("The fund's period ended on 28/02/2021: £1,800.33 is recorded as spent, so £300.32 more "
                           "than the £1,500.01 received was spent.")
    assert "It ran out in Mar-20 on the spend recorded, having covered spending to Feb-20." in text
    assert "a projection" not in text and "would have" not in text
