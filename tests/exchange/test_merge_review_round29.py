"""County exchange, round 29 review: a pooled fund's summaries set aside where the county holds the fund's individual
referrals. An "Other districts" row holds the spend of districts the office's file does not name; it is the same
spend as the referrals only when their spend outside the named districts covers it."""

from __future__ import annotations

import pytest

from safer_desk.services import funds
from safer_desk.services.county import county_checksum, export_for_county
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import merge, office_from, template


def _victims(store, fund, district, month, amounts, tag):
    for n, amount in enumerate(amounts):
        referral = funds.add_referral(store, fund, reference=f"{tag}-{n}", district=district,
                                      referred_on=f"{month}-01", risk_level="high", at_marac="yes",
                                      idva_assigned="yes", perpetrator_resident="no")
        funds.add_spend_line(store, referral, spent_on=f"{month}-03", item="Door chain", amount=amount)


@pytest.mark.parametrize("referrals_first", [True, False], ids=["referrals-first", "summaries-first"])
def test_an_other_districts_row_of_another_offices_own_victims_still_counts(tmp_path, referrals_first):
    """Mid Suffolk's file holds the fund as Babergh's (its three victims in Babergh, June 2025, sent by Babergh as
    referrals) and Mid Suffolk's own four victims of June, two in Ipswich and two in Mid Suffolk: too few in each
    district, they are one "Other districts" row of £400. Every named row (Babergh's) being held as referrals, that
    row was set aside too: the county showed £300 for a fund that spent £700."""
    base = template(tmp_path, police=False)
    store = open_store(base)
    try:
        fund = funds.add_fund(store, name="Suffolk target hardening", starts_on="01/04/2025", ends_on="31/03/2026",
                              risk_levels="high")
        funds.add_default_catalogue(store)
        _victims(store, fund, "Babergh", "2025-06", ["100"] * 3, "TH")
    finally:
        store.close()
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    try:
        _victims(mid, fund, "Ipswich", "2025-06", ["100"] * 2, "IP")
        _victims(mid, fund, "Mid Suffolk", "2025-06", ["100"] * 2, "MS")
        spent = funds.fund_figures(mid, fund).spent_pence
        with_referrals = export_for_county(babergh, tmp_path / "babergh-1.sqlite", include_referrals=True).path
        summaries = export_for_county(mid, tmp_path / "mid-1.sqlite").path
    finally:
        babergh.close()
        mid.close()
    assert spent == 70_000
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        order = [with_referrals, summaries] if referrals_first else [summaries, with_referrals]
        for path in order:
            merge(county, [path])
        figures = funds.fund_figures(county, fund)
        assert (figures.spent_pence, figures.victims) == (spent, 7)
        assert county.scalar("SELECT count(*) FROM fund_referrals") == 3
        assert county.scalar("SELECT count(*) FROM fund_spend_summary WHERE district_id IS NULL") == 1
    finally:
        county.close()


def _two_offices_of_one_fund(folder, babergh_months, own=(), *, shared=True):
    """Babergh's and Mid Suffolk's files of one fund from one template holding Babergh's victims (one a month, £100
    each; only in Babergh's file unless shared), Mid Suffolk adding its own (district, month, amount); the exports:
    Babergh's with its referrals, Mid Suffolk's without. Returns the fund, its true spend and the two exports."""
    base = template(folder, police=False)
    store = open_store(base)
    try:
        fund = funds.add_fund(store, name="Suffolk target hardening", starts_on="01/04/2025", ends_on="31/03/2026",
                              risk_levels="high")
        funds.add_default_catalogue(store)
        for n, month in enumerate(babergh_months if shared else ()):
            _victims(store, fund, "Babergh", month, ["100"], f"TH{n}")
    finally:
        store.close()
    babergh = office_from(base, folder / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, folder / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    try:
        for n, month in enumerate(() if shared else babergh_months):
            _victims(babergh, fund, "Babergh", month, ["100"], f"TH{n}")
        for n, (district, month, amount) in enumerate(own):
            _victims(mid, fund, district, month, [amount], f"MS{n}")
        spent = funds.fund_figures(mid, fund).spent_pence
        spent += 0 if shared else funds.fund_figures(babergh, fund).spent_pence
        return (fund, spent, export_for_county(babergh, folder / "babergh-1.sqlite", include_referrals=True).path,
                export_for_county(mid, folder / "mid-1.sqlite").path)
    finally:
        babergh.close()
        mid.close()


@pytest.mark.parametrize("referrals_first", [True, False], ids=["referrals-first", "summaries-first"])
def test_a_funds_spend_summarised_across_a_quarter_is_counted_once_beside_its_referrals(tmp_path, referrals_first):
    """Babergh's three victims, one in each of April, May and June: too few a month, Mid Suffolk's file (holding the
    same fund) summarises them as one "Other districts" row of the quarter (its id 'q:…'), with no district's row
    beside it. The county counted £600 for the £300 the fund spent."""
    fund, spent, with_referrals, summaries = _two_offices_of_one_fund(tmp_path, ["2025-04", "2025-05", "2025-06"])
    assert spent == 30_000
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        order = [with_referrals, summaries] if referrals_first else [summaries, with_referrals]
        for path in order:
            merge(county, [path])
        assert funds.fund_figures(county, fund).spent_pence == spent
        assert county.scalar("SELECT count(*) FROM fund_spend_summary") == 0
        before, entries = county_checksum(county), county.scalar("SELECT count(*) FROM audit_log")
        for path in order:  # both merged again: nothing changes, the audit trail included
            merge(county, [path])
        assert (county_checksum(county), county.scalar("SELECT count(*) FROM audit_log")) == (before, entries)
    finally:
        county.close()


def test_another_offices_few_victims_summarised_as_other_districts_still_count_beside_referrals(tmp_path):
    """Babergh sends its three victims of June as referrals; Mid Suffolk's own one victim of June (£75, too few to
    name its district) is its file's only row of that month, "Other districts": it is not the referrals' spend."""
    fund, spent, with_referrals, summaries = _two_offices_of_one_fund(
        tmp_path, ["2025-06"] * 3, own=[("Mid Suffolk", "2025-06", "75")], shared=False)
    assert spent == 30_000 + 7_500
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        for path in (with_referrals, summaries):
            merge(county, [path])
        assert funds.fund_figures(county, fund).spent_pence == spent
    finally:
        county.close()
