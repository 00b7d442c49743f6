"""County workbook, round 44 (xc4): two offices' funds whose names read alike, named with their office.

Babergh keys a "Sanctuary fund", Mid Suffolk a "Sanctuary Fund": the merge keeps them as two funds, and the window,
forms and board report name each with its office (round 43). The workbook's Funds, Fund spend and Referrals sheets
named them bare, so a county officer read two "Sanctuary fund"s and could not tell whose spend was whose (the staged
export the sheets read keeps no note of where a row came from). They now say the same words as the window; a fund
whose name no other reads like, and an office's own workbook, read as before.
"""

from __future__ import annotations

import openpyxl
import pytest

from safer_desk.services import funds
from safer_desk.services.county import export_for_county
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import merge, office_from, template

BABERGH = "Sanctuary fund (merged from Babergh office)"
MID = "Sanctuary Fund (merged from Mid Suffolk office)"
TOP_UP = "Babergh sanctuary top-up"


@pytest.fixture
def county(tmp_path):
    base = template(tmp_path, police=False)
    store = open_store(base)
    try:
        funds.add_default_catalogue(store)
    finally:
        store.close()
    sent = []
    for office_name, district, name, reference in (("Babergh office", "Babergh", "Sanctuary fund", "TH-B-001"),
                                                   ("Mid Suffolk office", "Mid Suffolk", "Sanctuary Fund", "TH-M-001")):
        office = office_from(base, tmp_path / f"{district}.sqlite", office_name, districts=[district])
        try:
            fund = funds.add_fund(office, name=name, starts_on="01/04/2025", ends_on="31/03/2026", risk_levels="high")
            funds.add_contribution(office, fund, organisation="Suffolk County Council", amount="£2,000",
                                   received_on="01/04/2025")
            referral = funds.add_referral(office, fund, reference=reference, district=district,
                                          referred_on="02/06/2025", risk_level="high", at_marac="yes",
                                          idva_assigned="yes", perpetrator_resident="no")
            funds.add_spend_line(office, referral, spent_on="05/06/2025", item="Door chain",
                                 amount="£25" if district == "Babergh" else "£40")
            if district == "Babergh":
                top_up = funds.add_fund(office, name=TOP_UP, starts_on="01/04/2025", ends_on="31/03/2026",
                                        risk_levels="high")
                other = funds.add_referral(office, top_up, reference="TH-B-002", district=district,
                                           referred_on="03/06/2025", risk_level="high", at_marac="yes",
                                           idva_assigned="yes", perpetrator_resident="no")
                funds.add_spend_line(office, other, spent_on="06/06/2025", item="Door chain", amount="£10")
            sent.append(export_for_county(office, tmp_path / f"{reference}.sqlite", include_referrals=True).path)
        finally:
            office.close()
    store = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(store, sent)
        yield store
    finally:
        store.close()


def _sheet(path, name):
    rows = list(openpyxl.load_workbook(path)[name].iter_rows(values_only=True))
    at = next(i for i, r in enumerate(rows) if r and r[0] == "Fund")
    header = rows[at]
    return [dict(zip(header, r)) for r in rows[at + 1:] if r[0] and r[0] != "Total"]


def test_each_fund_sheet_names_alike_funds_with_their_office(county, tmp_path):
    out = tmp_path / "county.xlsx"
    export_for_county(county, out, include_referrals=True)
    spend = _sheet(out, "Fund spend")
    assert sorted((r["Fund"], r["District"], r["Spend (£)"]) for r in spend) == sorted([
        (TOP_UP, "Babergh", 10), (BABERGH, "Babergh", 25), (MID, "Mid Suffolk", 40)])
    referrals = _sheet(out, "Referrals")
    assert sorted((r["Fund"], r["Reference"]) for r in referrals) == sorted([
        (TOP_UP, "TH-B-002"), (BABERGH, "TH-B-001"), (MID, "TH-M-001")])
    listed = _sheet(out, "Funds")
    assert sorted((r["Fund"], r["Spent (£)"], r["Merged from"]) for r in listed) == sorted([
        (TOP_UP, 10, "Babergh office"), (BABERGH, 25, "Babergh office"), (MID, 40, "Mid Suffolk office")])


def test_an_office_s_own_workbook_names_its_funds_bare(county, tmp_path):
    office = open_store(tmp_path / "Babergh.sqlite")
    try:
        export_for_county(office, tmp_path / "babergh.xlsx", include_referrals=True)
    finally:
        office.close()
    assert sorted(r["Fund"] for r in _sheet(tmp_path / "babergh.xlsx", "Fund spend")) == [TOP_UP, "Sanctuary fund"]
    assert sorted(r["Fund"] for r in _sheet(tmp_path / "babergh.xlsx", "Referrals")) == [TOP_UP, "Sanctuary fund"]
