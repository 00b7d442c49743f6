"""County exchange, round 29: a pooled fund two offices hold, one of them sending its individual referrals (agreed
with the county) and the other the fund's summaries. Both are the same spend: the county counted it twice."""

from __future__ import annotations

import pytest

from safer_desk.services import funds
from safer_desk.services.county import county_checksum, export_for_county
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import merge, office_from, template


def _fund_offices(folder):
    """Babergh's and Mid Suffolk's files of one pooled fund (from one template), each with the fund's three victims in
    Babergh in June 2025 (a door chain each, £100): Babergh's export with its referrals, Mid Suffolk's without; then
    Babergh's next export without them. Returns the fund, the office's spend, and the three exports."""
    base = template(folder, police=False)
    store = open_store(base)
    try:
        fund = funds.add_fund(store, name="Suffolk target hardening", starts_on="01/04/2025", ends_on="31/03/2026",
                              risk_levels="high")
        funds.add_default_catalogue(store)
        for n in range(3):
            referral = funds.add_referral(store, fund, reference=f"TH-{n}", district="Babergh",
                                          referred_on="2025-06-01", risk_level="high", at_marac="yes",
                                          idva_assigned="yes", perpetrator_resident="no")
            funds.add_spend_line(store, referral, spent_on="2025-06-03", item="Door chain", amount="100")
        spent = funds.fund_figures(store, fund).spent_pence
    finally:
        store.close()
    babergh = office_from(base, folder / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, folder / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    try:
        with_referrals = export_for_county(babergh, folder / "babergh-1.sqlite", include_referrals=True).path
        summaries = export_for_county(mid, folder / "mid-1.sqlite").path
        later = export_for_county(babergh, folder / "babergh-2.sqlite").path
    finally:
        babergh.close()
        mid.close()
    return fund, spent, with_referrals, summaries, later


@pytest.mark.parametrize("referrals_first", [True, False], ids=["referrals-first", "summaries-first"])
def test_a_funds_referrals_and_another_offices_summaries_of_it_are_counted_once(tmp_path, referrals_first):
    fund, spent, with_referrals, summaries, later = _fund_offices(tmp_path)
    assert spent == 30_000
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        order = [with_referrals, summaries] if referrals_first else [summaries, with_referrals]
        merge(county, order[:1])
        report = merge(county, order[1:])
        assert funds.fund_figures(county, fund).spent_pence == spent  # not £600: the same spend twice
        assert funds.fund_figures(county, fund).victims == 3
        assert county.scalar("SELECT count(*) FROM fund_referrals") == 3
        assert county.scalar("SELECT count(*) FROM fund_spend_summary") == 0
        # The summaries left out (or set aside) are said, not dropped unsaid.
        assert "Fund 'Suffolk target hardening': the county holds its individual referrals" in report.text()
        before, entries = county_checksum(county), county.scalar("SELECT count(*) FROM audit_log")
        for path in order:  # both merged again: nothing changes, the audit trail included
            merge(county, [path])
        assert (county_checksum(county), county.scalar("SELECT count(*) FROM audit_log")) == (before, entries)
        assert funds.fund_figures(county, fund).spent_pence == spent
        # Babergh's next export leaves its referrals out: its summaries are the fund's spend at the county again.
        merge(county, [later])
        assert county.scalar("SELECT count(*) FROM fund_referrals") == 0
        assert funds.fund_figures(county, fund).spent_pence == spent
        merge(county, [summaries])
        assert funds.fund_figures(county, fund).spent_pence == spent
    finally:
        county.close()


def test_an_offices_all_years_report_shows_its_own_latest_year_not_a_year_of_another_forces_stray_crimes(tmp_path):
    """A Cornwall office (its own force's figures for Jan-Mar 2020) whose file holds Suffolk Constabulary's counts of
    2025 (one crime in Cornwall in Jul 2025): the report of all years showed 2025/26, the year of that one stray
    crime, and said "no figures are shown" for Cornwall, leaving out the figures the office has."""
    from safer_desk.services import indicators as ind
    from safer_desk.services.police_import import _ensure_crime_indicators
    from safer_desk.services.report import build_report

    base = template(tmp_path)  # Suffolk Constabulary's counts of 2025, as every office's file starts with
    store = office_from(base, tmp_path / "cornwall.sqlite", "Cornwall office", districts=["Cornwall"],
                        county="Cornwall")
    try:
        _ensure_crime_indicators(store, [])
        ind.save_values(store, "indicator:all-crime", "district:cornwall",
                        [ind.PeriodValue(m, v) for m, v in (("2020-01", 2084.0), ("2020-02", 1955.0),
                                                            ("2020-03", 1876.0))], require_red_comments=False)
        report = build_report(store)
        cornwall = [s for s in report.sections if s.title.startswith("Indicators: Cornwall")]
        assert cornwall, [s.title for s in report.sections]
        text = " ".join(p for s in cornwall for p in s.paragraphs)
        assert "no figures are shown" not in text
        rows = [row for s in cornwall for t in s.tables for row in t.rows]
        assert any("5,915" in cell for row in rows for cell in map(str, row)), rows  # Jan-Mar 2020
        assert any("2019/20" in t.title for s in cornwall for t in s.tables)
    finally:
        store.close()


def test_another_districts_spend_held_only_as_a_summary_still_counts_beside_one_offices_referrals(tmp_path):
    """One pooled fund set up for every office (from the county's template), each office recording its own district's
    victims: Babergh sends its referrals, Mid Suffolk its summaries. Only spend the referrals hold is the same spend:
    Mid Suffolk's victims, held only as its summary, still count at the county (setting aside every summary of a
    fund whose referrals the county holds would have lost them)."""
    base = template(tmp_path, police=False)
    store = open_store(base)
    try:
        fund = funds.add_fund(store, name="Suffolk target hardening", starts_on="01/04/2025", ends_on="31/03/2026",
                              risk_levels="high")
        funds.add_default_catalogue(store)
    finally:
        store.close()
    exports = []
    for office, district, share in (("Babergh office", "Babergh", True), ("Mid Suffolk office", "Mid Suffolk", False)):
        store = office_from(base, tmp_path / f"{district}.sqlite", office, districts=[district])
        try:
            for n in range(3):
                referral = funds.add_referral(store, fund, reference=f"{district[:3]}-{n}", district=district,
                                              referred_on="2025-06-01", risk_level="high", at_marac="yes",
                                              idva_assigned="yes", perpetrator_resident="no")
                funds.add_spend_line(store, referral, spent_on="2025-06-03", item="Door chain", amount="100")
            exports.append(export_for_county(store, tmp_path / f"{district}-1.sqlite", include_referrals=share).path)
        finally:
            store.close()
    for order in (exports, exports[::-1]):
        county = open_store(tmp_path / f"county-{len(order)}-{order[0].stem}.sqlite", create=True,
                            office_name="Suffolk county team")
        try:
            for path in order:
                merge(county, [path])
            figures = funds.fund_figures(county, fund)
            assert (figures.spent_pence, figures.victims) == (60_000, 6)  # Babergh's three and Mid Suffolk's three
            assert county.scalar("SELECT count(*) FROM fund_spend_summary") == 1
        finally:
            county.close()
