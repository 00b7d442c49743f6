"""S68: a county lead's board report of the example's pooled fund (merged from the Western CSP office's export) gave
its spend per district as one line, "Other districts (fewer than 3 victims each)  15  £2,417": untrue, as Ipswich
alone had 4 victims and Waveney 3. The export merges each district's row of one month and item that describes
fewer than three victims (small-number control), so a district of many victims over the months lands there too.
The line now says what it is, spend not given by district, and a note under the table says why."""

from __future__ import annotations

from safer_desk.services import funds
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import county_merged_from

FUND = "Suffolk Target Hardening Pilot: burn-down"


def _by_district(report):
    section = next(s for s in report.sections if s.title == FUND)
    return next(t for t in section.tables if t.title.startswith("Spend per district"))


def test_the_county_s_merged_spend_is_not_said_to_be_of_districts_of_fewer_than_three_victims(tmp_path, demo_path):
    demo = open_store(demo_path)
    try:
        own = _by_district(build_report(demo))
    finally:
        demo.close()
    assert ["Ipswich", "4", "£580"] in own.rows  # the office's own file: Ipswich supported 4 victims
    with county_merged_from(demo_path, tmp_path) as county:
        table = _by_district(build_report(county))
    assert table.rows == [[funds.OTHER_DISTRICTS, "15", "£2,417"]]
    assert "fewer than 3 victims each" not in funds.OTHER_DISTRICTS
    assert funds.OTHER_DISTRICTS == "Not given by district (small numbers)"
    assert table.note == (
        "Not given by district (small numbers): the offices' exports merge each district's spend of a month and item "
        "that describes fewer than 3 victims, so that no one can be told apart; a district with more victims over "
        "the months may be in it too.")


def test_the_county_overview_says_it_too_and_lists_it_after_the_districts(tmp_path, demo_path, monkeypatch):
    """The County overview's "Pooled-fund spend per district" gave the same line without a word of why; and sorted by
    its letters it would stand between Mid Suffolk and West Suffolk, as if a district."""
    from types import SimpleNamespace

    from safer_desk.services.report import report_areas
    from safer_desk.services.report_sections import county as overview

    with county_merged_from(demo_path, tmp_path) as county:
        areas = report_areas(county, None, None)
        table = overview.fund_spend_table(county, None, areas, today=None)
        assert table.rows == [[funds.OTHER_DISTRICTS, "Suffolk Target Hardening Pilot", "15", "£2,417"]]
        assert table.note == funds.OTHER_DISTRICTS_WORDS
        # A county holding some districts' rows by name (an office's own referrals) beside the merged ones:
        figures = funds.fund_figures(county, overview.running_funds(county, None, areas)[0].id)
        named = [("West Suffolk", 3, 300_00), (funds.OTHER_DISTRICTS, 9, 1_817_00), ("Mid Suffolk", 3, 300_00)]
        monkeypatch.setattr(funds, "fund_figures", lambda *a, **k: SimpleNamespace(**{
            **{f: getattr(figures, f) for f in ("victims", "spent_pence")}, "by_district": named}))
        table = overview.fund_spend_table(county, None, areas, today=None)
    assert [r[0] for r in table.rows] == ["Mid Suffolk", "West Suffolk", funds.OTHER_DISTRICTS]


def test_a_conflict_on_spend_not_given_by_district_names_it_as_the_costs_tab_does(tmp_path, demo_path):
    """The county's conflicts named the same row "Other districts" after the Costs tab, workbook and report had been
    given the true words: one row, two names."""
    from safer_desk.exchange.county_conflicts import Describer

    with county_merged_from(demo_path, tmp_path) as county:
        row = county.one("SELECT * FROM fund_spend_summary WHERE district_id IS NULL LIMIT 1")
        said = Describer(county.conn).subject("fund_spend_summary", dict(row))
    assert f", {funds.OTHER_DISTRICTS}, " in said and "Other districts" not in said, said
