"""Money received after a fund's period ended (round 59): the PCC's £1,000 paid on 15/10/2019, after the pilot ended
on 30/09/2019. The page read Contributions £21,000 and Balance £18,583, but the sentence beside them said "£17,583
of the £20,000 received is left unspent as recorded", naming neither the late £1,000 nor that its £20,000 was what
had come by the end. It now says "received by then", and what came since and the balance it makes."""

from __future__ import annotations

from datetime import date

from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"


def test_money_received_after_the_end_is_said(demo_store):
    fund = funds.fund_by_name(demo_store, PILOT).id
    funds.add_contribution(demo_store, fund, organisation="Suffolk Constabulary", amount="£1,000",
                           received_on="15/10/2019")
    figures = funds.fund_figures(demo_store, fund, today=date(2020, 1, 10))
    assert figures.balance_pence == 1_858_300
    assert funds.forecast_sentence(figures).startswith(
        "The fund's period ended on 30/09/2019: £2,417 is recorded as spent, so £17,583 of the £20,000 received by "
        "then is left unspent as recorded; £1,000 received since (Suffolk Constabulary) makes the balance £18,583.")


def test_without_late_money_the_sentence_is_as_it_was(demo_store):
    figures = funds.fund_figures(demo_store, funds.fund_by_name(demo_store, PILOT).id, today=date(2020, 1, 10))
    assert funds.forecast_sentence(figures).startswith(
        "The fund's period ended on 30/09/2019: £2,417 is recorded as spent, so £17,583 of the £20,000 received is "
        "left unspent as recorded.")


def test_money_due_after_today_is_not_said_as_received(demo_store):
    fund = funds.fund_by_name(demo_store, PILOT).id
    funds.add_contribution(demo_store, fund, organisation="Suffolk Constabulary", amount="£1,000",
                           received_on="15/02/2020")
    text = funds.forecast_sentence(funds.fund_figures(demo_store, fund, today=date(2020, 1, 10)))
    assert "received since" not in text and "£20,000 received is left unspent" in text
