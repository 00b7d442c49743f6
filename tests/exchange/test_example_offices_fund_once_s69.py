"""Session 69: offices that each began from the example file (`safer-desk demo`, then Office Details) send its pooled
fund's spend once between them.

Babergh and Ipswich office each wrote the example (`safer-desk demo`: an office of its own, the example's rows under
the same ids), named their own district and exported. The county's "Suffolk Target Hardening Pilot" then said £4,834
spent on 30 victims (the board report, the Costs tab, `safer-desk fund`) where the paper and each office say £2,417 on
15: every office's export sent the example's spend lines as its own part of the fund, because its audit trail held
their inserts (made by the example, not by anyone at the office). The example's lines are now no office's part: the
offices send them alike and the county takes them once, while a line an office keys itself still adds its own part.
"""

from __future__ import annotations

from safer_desk.services import funds
from safer_desk.services import reference as ref
from safer_desk.services.demo import build_demo
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge

PILOT = "Suffolk Target Hardening Pilot"


def _office(folder, name: str, district: str):
    path = build_demo(folder / f"{district}.sqlite")
    store = open_store(path)
    store.set_meta("office_name", name)
    ref.set_office_scope(store, districts=[district], county="Suffolk")
    return store


def _pilot(store) -> str:
    return store.scalar("SELECT id FROM funds WHERE name = ?", (PILOT,))


def test_two_offices_from_the_example_send_its_fund_spend_once_and_their_own_spend_adds(tmp_path):
    sent = []
    for name, district in (("Babergh office", "Babergh"), ("Ipswich office", "Ipswich")):
        store = _office(tmp_path, name, district)
        try:
            fund = _pilot(store)
            assert funds.fund_figures(store, fund).spent_pence == 241_700  # £2,417 (seed 002)
            if district == "Babergh":  # one door chain Babergh office keys itself
                referral = funds.add_referral(store, fund, reference="BAB-TH-2018-099", district="Babergh",
                                              referred_on="02/07/2018", risk_level="high", at_marac="yes",
                                              idva_assigned="yes", perpetrator_resident="no")
                funds.add_spend_line(store, referral, spent_on="03/07/2018", item="Door chain", amount="£25")
            sent.append(export(store, tmp_path / f"{district}-export.sqlite"))
        finally:
            store.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        result = merge(county, sent)
        assert result.conflicts == []
        figures = funds.fund_figures(county, _pilot(county))
        assert figures.spent_pence == 241_700 + 2_500
        assert figures.victims == 15 + 1
        again = merge(county, sent)  # the same files again change nothing
        assert again.conflicts == []
        assert funds.fund_figures(county, _pilot(county)).spent_pence == 241_700 + 2_500
    finally:
        county.close()
