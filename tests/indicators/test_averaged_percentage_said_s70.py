"""A percentage typed as monthly figures without numerator and denominator ("17%" as the papers print it) can only be
averaged into a year to date, and it was: −5.5%, 3% and −12.25% made "Apr-16 to Jun-16: -4.9%.", said as if it
were the year's own rate, the sum of numerators over the sum of denominators DESIGN §2.4 asks for. The sentence now
says it is the average of the figures and why (session 70)."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import indicators as svc

PLYMOUTH = "district:plymouth"
FY16 = FinancialYear(2016)
SATISFACTION = "indicator:level-two-ist-incidents-satisfaction"  # typed as numerator and denominator


def _headline(store, indicator_id) -> str:
    p = IndicatorsPresenter(store)
    p.load(PLYMOUTH, FY16)
    assert p.choose_indicator(indicator_id, lambda _text: True)
    return p.headline()


def test_an_averaged_year_to_date_says_so(demo_store):
    ind = svc.save_indicator(demo_store, "Re-offending rate change", unit="percentage", polarity="lower")
    svc.save_values(demo_store, ind, PLYMOUTH, [svc.PeriodValue(p, value=x) for p, x in
                                                [("2016-04", -5.5), ("2016-05", 3.0), ("2016-06", -12.25)]],
                    require_red_comments=False)
    said = _headline(demo_store, ind)
    # with the places of its row, as the grid's figures to date read ("-5.50%", "-1.25%", "-4.92%": s76)
    assert "Apr-16 to Jun-16: -4.92%, the average of 3 monthly figures typed without their numerator and " \
           "denominator" in said, said


def test_a_ratio_of_sums_is_said_as_before(demo_store):
    said = _headline(demo_store, SATISFACTION)
    assert "88.2%" in said and "average" not in said, said


def test_one_figure_is_not_an_average(demo_store):
    ind = svc.save_indicator(demo_store, "Victims satisfied", unit="percentage", polarity="higher")
    svc.save_values(demo_store, ind, PLYMOUTH, [svc.PeriodValue("2016-04", value=80.0)], require_red_comments=False)
    assert "average" not in _headline(demo_store, ind)
