"""Round 44 (rp4): the board report's burn-down draws the fund's money from the month each contribution came.

A fund paid in two halves, £5,000 in April 2025 and £5,000 in October 2025, is drawn on Costs > Pooled funds with its
level rising in October (and its run-out checked against the money received by each month). The board report drew
"Fund" flat at £10,000 from April, and its "Figures in this chart" table gave £10,000 for April to September: money
the fund did not yet hold. The report's level now steps up in the month the money is received, as the window's does.
"""

from __future__ import annotations

from datetime import date

from safer_desk.services import funds
from safer_desk.services.report_sections.costs import board_report_sections

NAME = "Babergh Sanctuary"


def _chart(store, today: date):
    section = next(s for s in board_report_sections(store, today=today) if s.title == f"{NAME}: burn-down")
    return section.charts[0]


def _fund(store) -> str:
    fund = funds.add_fund(store, name=NAME, starts_on="01/04/2025", ends_on="31/03/2026", risk_levels="high")
    for day in ("01/04/2025", "01/10/2025"):
        funds.add_contribution(store, fund, organisation="Babergh District Council", amount="£5,000", received_on=day)
    return fund


def test_the_fund_line_steps_up_in_the_month_the_second_half_is_received(demo_store):
    fund = _fund(demo_store)
    referral = funds.add_referral(demo_store, fund, reference="TH-2025-001", district="Babergh",
                                  referred_on="02/04/2025", risk_level="high", at_marac=True, idva_assigned=True,
                                  perpetrator_resident=False)
    for month in range(4, 13):
        funds.add_spend_line(demo_store, referral, spent_on=f"03/{month:02d}/2025", item="Door chain", amount="£500")
    chart = _chart(demo_store, date(2026, 1, 15))
    level = next(s for s in chart.series if s.name == "Fund")
    shown = dict(zip(chart.categories, level.values))
    assert shown["Apr-25"] == shown["Sep-25"] == 5000.0
    assert shown["Oct-25"] == shown["Mar-26"] == 10000.0
    texts = dict(zip(chart.categories, level.texts))
    assert texts["Sep-25"] == "£5,000" and texts["Oct-25"] == "£10,000"


def test_before_any_spend_the_level_over_the_period_steps_too(demo_store):
    _fund(demo_store)
    chart = _chart(demo_store, date(2025, 5, 15))
    level = next(s for s in chart.series if s.name == "Fund")
    assert level.values == [5000.0] * 6 + [10000.0] * 6
    assert level.texts[5:7] == ["£5,000", "£10,000"]
