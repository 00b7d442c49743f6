"""The line under a rate's headline begins with a capital, as a count's and a percentage's do (session 59): East
Sussex's alcohol-related admissions read "rate per 100,000 · Lower is better · annual …" under "Count · Lower is
better …" of every other indicator."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import IndicatorsPresenter


def test_a_rates_details_begin_rate_per_with_a_capital(demo_store):
    p = IndicatorsPresenter(demo_store)
    p.load("county:east-sussex", FinancialYear(2010))
    p.choose_indicator("indicator:alcohol-related-hospital-admissions", lambda _text: None)
    assert p.view.indicator.unit == "rate"
    assert p.details().startswith("Rate per 100,000 · Lower is better · annual")
    p.choose_indicator("indicator:adults-leaving-drug-treatment-in-a-planned-way", lambda _text: None)
    assert p.details().startswith("Percentage · Higher is better · annual")
