"""Pooled funds, round 26: a quarter merged for small numbers gives the county the office's burn rate and forecast.

An office's export never carries a row counting one or two victims first supported: such months are merged into
their quarter, dated at one month. The county read the quarter's spend as that one month's, so worked its burn rate
from 1 month instead of the 3 the spend covers (£411.48 a month, running out in Aug-25, against the office's £137.16
and Jun-26). The merged row says the months its spend covers: the burn rate spreads it over them."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import Month
from safer_desk.services import funds
from safer_desk.storage.schema import costs as schema
from safer_desk.storage.store import open_store

PILOT = "Suffolk Target Hardening Pilot"
TODAY = date(2025, 11, 20)
KEEP = ("as_at", "window_months", "window_spend_pence", "burn_rate", "exhaustion_month", "left_at_end_pence",
        "warnings", "incomplete")


def one_a_month(store, name="Quarter fund", plan=(("10/04/2025", "100.00"), ("12/05/2025", "150.00"),
                                                   ("14/06/2025", "161.48"))):
    """£2,000 from April 2025; one victim a month (each in a different district), £411.48 in April to June."""
    fund = funds.add_fund(store, name=name, starts_on="01/04/2025", ends_on="31/03/2027", risk_levels="high")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£2,000",
                           received_on="01/04/2025")
    districts = ("Ipswich", "Babergh", "Mid Suffolk", "Ipswich")
    for n, (day, amount) in enumerate(plan):
        r = funds.add_referral(store, fund, reference=f"QF-{n:03d}", district=districts[n], referred_on=day,
                               risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
        funds.add_spend_line(store, r, spent_on=day, item="Door chain", amount=amount, invoice_ref=f"INV-{n}")
    return fund


def exported(store, tmp_path):
    from safer_desk.services.county import export_for_county
    from tests.exchange.helpers import merge_accepting

    out = export_for_county(store, tmp_path / "export.sqlite").path
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county")
    merge_accepting(county, [out])
    return county


def both(office, county, name, **kw):
    return (funds.fund_figures(office, funds.fund_by_name(office, name).id, **kw),
            funds.fund_figures(county, funds.fund_by_name(county, name).id, **kw))


def test_a_quarter_merged_for_small_numbers_gives_the_county_the_offices_burn_rate_and_forecast(demo_store, tmp_path):
    one_a_month(demo_store)
    county = exported(demo_store, tmp_path)
    try:
        rows = county.rows(f"SELECT id, month, victims, amount_pence FROM {schema.FUND_SUMMARY_TABLE} "
                           "WHERE fund_id = ?", (funds.fund_by_name(county, "Quarter fund").id,))
        assert [tuple(r)[1:] for r in rows] == [("2025-04", 3, 41_148)]  # no row of one or two victims
        assert schema.moved_months(rows[0][0]) == ("2025-04", "2025-06")
        office, there = both(demo_store, county, "Quarter fund", today=TODAY)
        assert (office.forecast.burn_rate, office.forecast.exhaustion_month) == (13_716, Month(2026, 6))
        assert {k: getattr(there.forecast, k) for k in KEEP} == {k: getattr(office.forecast, k) for k in KEEP}
        assert [(f.burn_rate, f.exhaustion_month) for f in there.ranges.forecasts] == \
            [(f.burn_rate, f.exhaustion_month) for f in office.ranges.forecasts]
        assert funds.fund_report_rows(there) == funds.fund_report_rows(office)
        assert not any("fewer than three" in w for w in there.forecast.warnings)
        # the totals to the penny; the months as the summary dates them (Apr-25 holding May and June, marked)
        assert (there.spent_pence, there.balance_pence, there.victims) == (41_148, 158_852, 3)
        assert there.by_month == [(Month(2025, 4), 3, 41_148)] and sum(p for *_, p in there.month_rows) == 41_148
        assert there.merged == {Month(2025, 4): (Month(2025, 4), Month(2025, 6))}
        # the example's pilot, whose months were kept, as before
        office, there = both(demo_store, county, PILOT, today=TODAY)
        assert funds.fund_report_rows(there) == funds.fund_report_rows(office)
    finally:
        county.close()


def test_the_warning_stays_where_the_merged_months_run_across_the_window(demo_store, tmp_path):
    """One more victim in July: the export merges April to July into one row. A window that cuts through those months
    (June and July; or as at May) cannot be worked out as the office's: the county says so."""
    one_a_month(demo_store, plan=(("10/04/2025", "100.00"), ("12/05/2025", "150.00"), ("14/06/2025", "161.48"),
                                  ("03/07/2025", "90.00")))
    county = exported(demo_store, tmp_path)
    try:
        office, there = both(demo_store, county, "Quarter fund", today=TODAY, window=2)
        assert there.forecast.as_at == office.forecast.as_at == Month(2025, 7)
        assert there.forecast.burn_rate != office.forecast.burn_rate
        assert any("fewer than three" in w for w in there.forecast.warnings)
        assert there.spent_pence == office.spent_pence == 50_148
        office, there = both(demo_store, county, "Quarter fund", today=TODAY, as_at=Month(2025, 5))
        assert any("fewer than three" in w for w in there.forecast.warnings)
    finally:
        county.close()


def test_spend_spread_over_merged_months_is_never_named_as_keyed_in_a_month_not_complete(demo_store, tmp_path):
    """Seen at the county on 20/06/2025 (June not over): the quarter's spend is not said to be keyed in June."""
    one_a_month(demo_store)
    county = exported(demo_store, tmp_path)
    try:
        _office, there = both(demo_store, county, "Quarter fund", today=date(2025, 6, 20))
        assert there.spent_pence == 41_148 and there.forecast.incomplete == ()
        assert there.forecast.as_at == Month(2025, 5)
        assert any("fewer than three" in w for w in there.forecast.warnings)
    finally:
        county.close()


def test_spreading_keeps_every_penny_and_leaves_months_not_complete_alone():
    from safer_desk.domain.funds import spread_merged_spend

    april, may, june, july = (Month(2025, m) for m in (4, 5, 6, 7))
    spread = spread_merged_spend({april: 41_149, july: 500}, [(april, april, june, 41_149)])
    assert spread == {april: 13_717, may: 13_716, june: 13_716, july: 500}
    # dated at the fund's first month, May, holding May and June; June not complete: all of it stays in May
    assert spread_merged_spend({may: 1_001}, [(may, may, june, 1_001)], incomplete_from=june) == {may: 1_001}
    # dated at April (the quarter), spent in May and June: April keeps none
    assert spread_merged_spend({april: 1_001}, [(april, may, june, 1_001)]) == {april: 0, may: 501, june: 500}
