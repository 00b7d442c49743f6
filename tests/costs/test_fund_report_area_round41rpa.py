"""A board report for one district (or partnership) and a pooled fund: the Suffolk Target Hardening Pilot is one pot of
£20,000 from nine contributors, spent across the county (seed 002). Mid Suffolk's report printed the whole fund's
spend per district as if it were Mid Suffolk's. Its contributions, balance and forecast are the pot's and cannot be
split by district, so the report now says they are the whole fund's, gives the district's own part, and shows the
spend per district as the district's rows and the rest of the fund as "Other districts" (adding up to the fund)."""

from __future__ import annotations

from datetime import date

from safer_desk.services.funds import OTHER_DISTRICTS
from safer_desk.services.report import build_report

TODAY = date(2026, 12, 2)
FUND = "Suffolk Target Hardening Pilot"


def _fund_section(store, **kw):
    doc = build_report(store, year="2018/19", today=TODAY, **kw)
    return next(s for s in doc.sections if s.title == f"{FUND}: burn-down")


def _table(section, title):
    return next(t for t in section.tables if t.title == title)


def test_a_districts_report_gives_its_part_and_labels_the_rest_as_the_whole_funds(demo_store):
    section = _fund_section(demo_store, area="Mid Suffolk")
    first = section.paragraphs[0]
    assert first.startswith(f"{FUND} is a pooled fund: its contributions, balance, spend per month and forecast "
                            "below are the whole fund's, across every district it spent in, not only in Mid Suffolk.")
    # Mid Suffolk's 2 victims are not named on a paper that leaves the office (s70: small numbers, as the county's
    # export): the report says its part may be in the spend held under no district, as the county's report does.
    assert "Spent in Mid Suffolk: none that the figures place there, of the fund's £2,417 and 15 victims." in first
    assert first.endswith("which names no district: some of it may have been spent in Mid Suffolk."), first
    by_district = _table(section, "Spend per district")
    # The 8 victims of districts of one or two stay under the row the note names (s70), not in "Other districts".
    assert by_district.rows == [["Other districts", "7", "£1,095"], [OTHER_DISTRICTS, "8", "£1,322"]]
    assert by_district.total_row == ["Total (whole fund)", "15", "£2,417"]  # still the fund's spend, to the penny
    assert [t.title for t in section.tables] == ["Spend per month (whole fund)", "Spend per district"]
    assert section.charts[0].title.endswith("(whole fund)")
    # The whole fund's figures are still given, as the fund's page gives them.
    assert any("balance £17,583" in p for p in section.paragraphs)


def test_a_partnerships_report_names_none_of_its_districts_of_one_or_two_victims(demo_store):
    section = _fund_section(demo_store, area="Western Suffolk CSP")
    # Its four districts' 1, 1, 2 and 2 victims are each too few to name (s70): none of the rows is theirs.
    rows = _table(section, "Spend per district").rows
    assert [r[0] for r in rows] == ["Other districts", OTHER_DISTRICTS]
    assert sum(int(r[2].strip("£").replace(",", "")) for r in rows) == 2417
    assert "Spent in Western Suffolk CSP: none that the figures place there, of the fund's" in section.paragraphs[0]


def test_the_offices_report_of_all_its_areas_is_the_whole_fund_as_before(demo_store):
    section = _fund_section(demo_store)
    assert "pooled fund" not in section.paragraphs[0]
    assert "Other districts" not in [r[0] for r in _table(section, "Spend per district").rows]
    assert [t.title for t in section.tables] == ["Spend per month", "Spend per district"]


def test_a_county_files_district_report_says_spend_held_under_other_districts_may_be_the_districts(demo_path,
                                                                                                   tmp_path):
    from safer_desk.storage.store import open_store
    from tests.exchange.district_offices import export, merge

    office = open_store(demo_path)
    try:
        sent = export(office, tmp_path / "export.sqlite")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [sent])
        section = _fund_section(county, area="Mid Suffolk")
        whole = _fund_section(county)
    finally:
        county.close()
    first = section.paragraphs[0]
    # Mid Suffolk's two victims are in the county's "Other districts" (no row of fewer than three victims leaves
    # the office), so the county cannot say Mid Suffolk's part: it says so rather than "nothing yet" alone.
    assert "Spent in Mid Suffolk: none that the figures place there, of the fund's £2,417 and 15 victims." in first
    assert "which names no district: some of it may have been spent in Mid Suffolk." in first, first
    rows = _table(section, "Spend per district")
    assert rows.total_row == ["Total (whole fund)", "15", "£2,417"]
    assert sum(int(r[2].strip("£").replace(",", "")) for r in rows.rows) == 2417
    # The county's report of all its areas is the whole fund, its "Other districts" no sign of spend elsewhere.
    assert "pooled fund" not in whole.paragraphs[0]
