"""Round 37 (mf3): Costs > Pooled funds of a county file says which office each contribution and spend line came from.

Round 36 said where a fund came from (the list of funds, the sentence under its figures). A fund several offices
share (one pilot, each office keying its own referrals and top-ups) showed its contributions and spend lines with no
office: Babergh's £1,500 from Suffolk County Council and Mid Suffolk's £1,500 from Suffolk County Council were two
rows alike, in the page, in its Export… and in Delete's question. The tables now carry *Merged from* (hidden in an
office's own file, whose page, export and words are as they were).
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter, load_fund_data
from safer_desk.services import funds
from safer_desk.services.county import export_for_county
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import merge, office_from, template

PILOT = "Suffolk target hardening"
BOTH = "Babergh office, Mid Suffolk office"


def _files(tmp_path):
    """A pilot fund every office's file starts with (Suffolk County Council's £2,000 in it); Babergh and Mid Suffolk
    each add £1,500 from Suffolk County Council and a referral of their own with a spend line, and send their
    exports with the individual referrals to the county file."""
    base = template(tmp_path, police=False)
    store = open_store(base)
    try:
        funds.add_default_catalogue(store)
        fund = funds.add_fund(store, name=PILOT, starts_on="01/04/2025", ends_on="31/03/2026", risk_levels="high")
        funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£2,000",
                               received_on="01/04/2025")
    finally:
        store.close()
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    sent = []
    for office, district, reference in ((babergh, "Babergh", "TH-B-001"), (mid, "Mid Suffolk", "TH-M-001")):
        funds.add_contribution(office, fund, organisation="Suffolk County Council", amount="£1,500",
                               received_on="01/10/2025")
        referral = funds.add_referral(office, fund, reference=reference, district=district, referred_on="02/06/2025",
                                      risk_level="high", at_marac="yes", idva_assigned="yes",
                                      perpetrator_resident="no")
        funds.add_spend_line(office, referral, spent_on="05/06/2025", item="Door chain", amount="£25")
        sent.append(export_for_county(office, tmp_path / f"{reference}.sqlite", include_referrals=True).path)
    merge(county, sent)
    mid.close()
    return SimpleNamespace(county=county, babergh=babergh, fund=fund, county_path=tmp_path / "county.sqlite",
                           babergh_path=tmp_path / "babergh.sqlite")


@pytest.fixture
def files(tmp_path):
    made = _files(tmp_path)
    yield made
    made.county.close()
    made.babergh.close()


def test_the_fund_s_rows_say_where_each_came_from(files):
    data = load_fund_data(files.county, files.fund, 3)
    assert sorted((c["amount_pence"], data.contribution_origins.of(c["id"])) for c in data.contributions) == [
        (150_000, "Babergh office"), (150_000, "Mid Suffolk office"), (200_000, BOTH)]
    assert sorted((r["reference"], data.referral_origins.of(r["id"])) for r in data.referrals) == [
        ("TH-B-001", "Babergh office"), ("TH-M-001", "Mid Suffolk office")]
    assert sorted((line["reference"], data.line_origins.of(line["id"])) for line in data.lines) == [
        ("TH-B-001", "Babergh office"), ("TH-M-001", "Mid Suffolk office")]
    own = load_fund_data(files.babergh, files.fund, 3)
    assert not (own.contribution_origins.shown or own.referral_origins.shown or own.line_origins.shown)


def _sheet(sheets, name):
    return next(s for s in sheets if s.name == name)


def test_the_export_says_it_and_an_office_s_is_as_it_was(files):
    county = FundsPresenter(files.county)
    county.reload(select=files.fund)
    given = _sheet(county.report_sheets(), "Contributions")
    # each contribution with the day it is received (round 44, co4), as the page lists them, and a Total line
    assert given.header == ["Contributor", "Amount", "Received", "Note", "Merged from"]
    assert given.rows == [["Suffolk County Council", 200_000, date(2025, 4, 1), "", BOTH],
                          ["Suffolk County Council", 150_000, date(2025, 10, 1), "", "Babergh office"],
                          ["Suffolk County Council", 150_000, date(2025, 10, 1), "", "Mid Suffolk office"],
                          ["Total", 500_000, None, "", ""]]
    assert given.money_columns == {1}
    own = FundsPresenter(files.babergh)
    own.reload(select=files.fund)
    sheet = _sheet(own.report_sheets(), "Contributions")
    assert (sheet.header, sheet.rows) == (["Contributor", "Amount", "Received", "Note"], [
        ["Suffolk County Council", 200_000, date(2025, 4, 1), ""],
        ["Suffolk County Council", 150_000, date(2025, 10, 1), ""], ["Total", 350_000, None, ""]])


def test_changing_or_deleting_a_line_says_whose_it_was(files):
    log = ActionLog()
    county = FundsPresenter(files.county, perform=log)
    county.reload(select=files.fund)
    data = county.data
    mine = next(c for c in data.contributions if data.contribution_origins.of(c["id"]) == "Mid Suffolk office")
    line = next(x for x in data.lines if x["reference"] == "TH-B-001")
    assert county.delete_contribution_question(mine) == (
        "Delete the contribution of £1,500 from Suffolk County Council (merged from Mid Suffolk office)?")
    assert county.delete_spend_line_question(line) == (
        "Delete Door chain (£25) for TH-B-001 (merged from Babergh office)?")
    assert county.edit_contribution_form(mine).title == (
        f"Contribution of £1,500 from Suffolk County Council (merged from Mid Suffolk office) to {PILOT}")
    county.close_form()
    assert county.edit_spend_form(line).title == (
        "Spend line Door chain (£25) for TH-B-001 (merged from Babergh office)")
    county.close_form()
    county.delete_contribution(mine)
    county.delete_spend_line(line)
    assert [a.text for a in log.done] == [
        f"Delete the contribution of £1,500 from Suffolk County Council (merged from Mid Suffolk office) to {PILOT}",
        f"Delete Door chain (£25) for TH-B-001 (merged from Babergh office) from {PILOT}"]
    own = FundsPresenter(files.babergh, perform=log)
    own.reload(select=files.fund)
    given = next(c for c in own.data.contributions if c["amount_pence"] == 150_000)
    assert own.delete_contribution_question(given) == "Delete the contribution of £1,500 from Suffolk County Council?"
    assert own.delete_spend_line_question(own.data.lines[0]) == "Delete Door chain (£25) for TH-B-001?"
    assert own.edit_contribution_form(given).title == f"Contribution of £1,500 from Suffolk County Council to {PILOT}"


def _funds_page(window, path, qtbot):
    assert window.open_path(path)
    tab = window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None and page.data.figures is not None,
                    timeout=10000)
    return page


def _column(table, heading: str) -> int:
    model = table.view.model()
    found = [c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == heading]
    assert found, heading
    return found[0]


def _cells(table, *headings: str) -> list[tuple]:
    model = table.view.model()
    columns = [_column(table, h) for h in headings]
    return [tuple(model.index(r, c).data() for c in columns) for r in range(model.rowCount())]


def test_the_page_shows_merged_from_and_finds_by_it(window, files, qtbot, prompts):
    files.county.close()
    page = _funds_page(window, files.county_path, qtbot)
    page.select_table("Contributions")
    assert not page.contributions.view.isColumnHidden(_column(page.contributions, "Merged from"))
    assert sorted(_cells(page.contributions, "Amount", "Merged from")) == [
        ("£1,500", "Babergh office"), ("£1,500", "Mid Suffolk office"), ("£2,000", BOTH), ("£5,000", "")]  # total
    page.select_table("Spend lines")
    assert not page.lines.view.isColumnHidden(_column(page.lines, "Merged from"))
    assert sorted(_cells(page.lines, "Referral", "Merged from"))[:-1] == [("TH-B-001", "Babergh office"),
                                                                         ("TH-M-001", "Mid Suffolk office")]
    assert sorted(_cells(page.referrals, "Reference", "Merged from"))[:2] == [("TH-B-001", "Babergh office"),
                                                                              ("TH-M-001", "Mid Suffolk office")]
    page.search.setText("mid suffolk office")  # the search finds the words of every column shown
    qtbot.waitUntil(lambda: [r["reference"] for r in page.lines.source_rows()] == ["TH-M-001"], timeout=5000)
    assert [r["reference"] for r in page.referrals.source_rows()] == ["TH-M-001"]
    page.lines.view.selectAll()
    assert "Merged from" in page.lines.view.copy_text()
    prompts.questions.clear()  # the copy asks first (s70: victim-level rows): its references left out, as answered
    page.lines.view.selectRow(0)  # the one found: Mid Suffolk's
    page.delete_spend_line()  # (More > Delete spend line), not answered
    assert prompts.questions == [("Delete spend line",
                                  "Delete Door chain (£25) for TH-M-001 (merged from Mid Suffolk office)?")]


def test_an_office_s_own_page_hides_the_column(window, files, qtbot):
    files.babergh.close()
    page = _funds_page(window, files.babergh_path, qtbot)
    for table in (page.contributions, page.lines, page.referrals):
        assert table.view.isColumnHidden(_column(table, "Merged from"))
        table.view.selectAll()
        assert "Merged from" not in table.view.copy_text()
    assert not page.referrals.view.horizontalHeader().stretchLastSection()  # as before: Spend lines not stretched


def test_the_board_report_says_where_the_fund_came_from_as_the_page_does(files):
    """The page ends the sentence under the fund's figures with where it came from; the board report's burn-down of a
    county file said nothing of it."""
    from safer_desk.services.report_sections.costs import board_report_sections

    def burn_down(store):
        return next(s for s in board_report_sections(store) if s.title == f"{PILOT}: burn-down")

    assert burn_down(files.county).paragraphs[-1] == f"Merged from {BOTH}."
    own = burn_down(files.babergh)
    assert len(own.paragraphs) == 2 and not any("Merged" in p for p in own.paragraphs)
