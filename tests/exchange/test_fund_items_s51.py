"""County exchange, round 51: one office sends a fund's referrals, another its summaries, whose "Other districts"
month is held as one row an item (door chains, door locks). Only a month held as a single row was set aside: the
county counted the other months' spend twice (£4,047 against the offices' £2,417 in the example fund)."""

from __future__ import annotations

import pytest

from safer_desk.services import funds
from safer_desk.services.county import export_for_county
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import merge, office_from, template


def _offices(folder):
    base = template(folder, police=False)
    store = open_store(base)
    try:
        fund = funds.add_fund(store, name="Suffolk target hardening", starts_on="01/04/2025", ends_on="31/03/2026",
                              risk_levels="high")
        funds.add_default_catalogue(store)
        for n in range(3):
            # Fewer than 3 victims a district: the summaries hold them as "Other districts" (the small-number rule).
            referral = funds.add_referral(store, fund, reference=f"TH-{n}", district="Babergh" if n else "Ipswich",
                                          referred_on="2025-06-01", risk_level="high", at_marac="yes",
                                          idva_assigned="yes", perpetrator_resident="no")
            funds.add_spend_line(store, referral, spent_on="2025-06-03", item="Door chain", amount="100")
            funds.add_spend_line(store, referral, spent_on="2025-06-05", item="Replacement door locks", amount="80")
        spent = funds.fund_figures(store, fund).spent_pence
    finally:
        store.close()
    babergh = office_from(base, folder / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, folder / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    try:
        with_referrals = export_for_county(babergh, folder / "babergh-1.sqlite", include_referrals=True).path
        summaries = export_for_county(mid, folder / "mid-1.sqlite").path
    finally:
        babergh.close()
        mid.close()
    return fund, spent, with_referrals, summaries


@pytest.mark.parametrize("referrals_first", [True, False], ids=["referrals-first", "summaries-first"])
def test_an_other_districts_month_held_as_a_row_an_item_is_counted_once(tmp_path, referrals_first):
    fund, spent, with_referrals, summaries = _offices(tmp_path)
    assert spent == 3 * 180_00
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        order = [with_referrals, summaries] if referrals_first else [summaries, with_referrals]
        merge(county, order[:1])
        report = merge(county, order[1:])
        assert funds.fund_figures(county, fund).spent_pence == spent
        assert funds.fund_figures(county, fund).victims == 3
        assert county.scalar("SELECT count(*) FROM fund_spend_summary") == 0
        assert "the county holds its individual referrals" in report.text()
    finally:
        county.close()


def test_a_fund_several_offices_send_alike_counts_for_every_sending_offices_districts(tmp_path):
    # Mid Suffolk's report of the county file left out the fund Babergh and Mid Suffolk both sent (all "Other
    # districts"), though Mid Suffolk's own report has it: only the office merged first was read as its origin.
    from safer_desk.services.report_sections.costs import fund_origin_district_ids

    fund, _spent, _with_referrals, summaries = _offices(tmp_path)
    babergh = open_store(tmp_path / "babergh.sqlite")
    try:
        babergh_summaries = export_for_county(babergh, tmp_path / "babergh-2.sqlite").path
    finally:
        babergh.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [babergh_summaries])
        merge(county, [summaries])
        names = {county.scalar("SELECT name FROM districts WHERE id = ?", (d,))
                 for d in fund_origin_district_ids(county, fund)}
        assert {"Babergh", "Mid Suffolk"} <= names, names
    finally:
        county.close()
