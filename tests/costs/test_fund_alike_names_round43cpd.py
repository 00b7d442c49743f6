"""Costs > Pooled funds of a county file, round 43 (cpd): two offices' funds whose names read alike.

Babergh keys a "Sanctuary fund", Mid Suffolk a "Sanctuary Fund": the merge keeps them as two funds (a fund is matched
by its name as spelt), and the county file listed them as two "Sanctuary fund"s: in the Fund box, in the sentence
under the figures, in the names of the steps of Edit > Undo, in the board report's per-district rows, and
`safer-desk fund FILE "Sanctuary fund"` printed whichever came first. Each is now named with the office it came from
("Sanctuary fund (merged from Babergh office)") wherever a fund is chosen or named, and the command takes the name as
spelt, or refuses a name that reads as both, naming each. An office's own file (which refuses alike names) and a fund
whose name no other reads like are named as before.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter, load_fund_data
from safer_desk.services import funds
from safer_desk.services.county import export_for_county
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import merge, office_from, template

BABERGH = "Sanctuary fund (merged from Babergh office)"
MID = "Sanctuary Fund (merged from Mid Suffolk office)"


def _files(tmp_path):
    base = template(tmp_path, police=False)
    store = open_store(base)
    try:
        funds.add_default_catalogue(store)
    finally:
        store.close()
    sent, ids = [], {}
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
            funds.add_spend_line(office, referral, spent_on="05/06/2025", item="Door chain", amount="£25")
            if district == "Babergh":
                funds.add_fund(office, name="Babergh sanctuary top-up", starts_on="01/04/2025",
                               ends_on="31/03/2026", risk_levels="high")
            sent.append(export_for_county(office, tmp_path / f"{reference}.sqlite", include_referrals=True).path)
            ids[district] = fund
        finally:
            office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    merge(county, sent)
    return SimpleNamespace(county=county, path=tmp_path / "county.sqlite", babergh=ids["Babergh"],
                           mid=ids["Mid Suffolk"], babergh_path=tmp_path / "Babergh.sqlite")


@pytest.fixture
def files(tmp_path):
    made = _files(tmp_path)
    yield made
    made.county.close()


def test_the_fund_box_names_each_with_its_office(files):
    data = load_fund_data(files.county, files.babergh, 3)
    assert sorted(name for _, name in data.fund_names) == ["Babergh sanctuary top-up", MID, BABERGH]
    own = open_store(files.babergh_path)
    try:
        assert sorted(name for _, name in load_fund_data(own, None, 3).fund_names) == [
            "Babergh sanctuary top-up", "Sanctuary fund"]
    finally:
        own.close()


def test_the_steps_and_forms_name_the_office_s_fund(files):
    log = ActionLog()
    county = FundsPresenter(files.county, perform=log)
    county.reload(select=files.mid)
    assert county.contribution_form().title == f"Contribution to {MID}"
    county.close_form()
    given = county.data.contributions[0]
    county.delete_contribution(given)
    assert [a.text for a in log.done] == [
        f"Delete the contribution of £2,000 from Suffolk County Council (merged from Mid Suffolk office) to {MID}"]
    assert ["fund", None, MID] in county.report_sheets()[0].rows


def test_the_cli_takes_the_name_as_spelt_and_refuses_one_reading_as_both(files, capsys):
    from safer_desk.cli import main

    files.county.close()
    assert main(["fund", str(files.path), "Sanctuary Fund"]) == 0
    assert f"fund,{MID}" in capsys.readouterr().out
    assert main(["fund", str(files.path), "sanctuary  FUND"]) != 0
    said = capsys.readouterr().err
    assert "“sanctuary  FUND” reads as 2 funds" in said and BABERGH in said and MID in said
    files.county = open_store(files.path)


def test_the_board_report_rows_name_the_office_s_fund(files):
    from safer_desk.services.report_sections.costs import board_report_sections

    titles = [s.title for s in board_report_sections(files.county)]
    assert f"{BABERGH}: burn-down" in titles and f"{MID}: burn-down" in titles


def test_the_window_s_fund_box_and_sentence(window, files, qtbot):
    files.county.close()
    assert window.open_path(files.path)
    tab = window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None and page.data.figures is not None,
                    timeout=10000)
    combo = page.fund_combo
    assert sorted(combo.itemText(i) for i in range(combo.count())) == ["Babergh sanctuary top-up", MID, BABERGH]
    combo.setCurrentIndex(combo.findText(MID))
    qtbot.waitUntil(lambda: not page.is_busy() and page.data.figures.fund.id == files.mid, timeout=10000)
