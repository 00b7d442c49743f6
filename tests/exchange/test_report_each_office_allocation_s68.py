"""S68: a county file holding Western CSP office's agreed 2009/10 split (£589,608) and Ipswich office's separate
£40,000 pot, agreed by its own board, printed one Allocation section: Ipswich's small pot, the latest saved, under
"2 allocations for 2009/10 are marked agreed by the board in this file, and only one can be … Shown here: the latest
saved": the county's main split was hidden behind it, and the words were untrue (each office's board agrees its own).
The section now gives each office's allocation of the year, as the County overview does, the agreed ones first and
the largest pot first among them; "only one can be" is said only of two versions of one office's allocation."""

from __future__ import annotations

from safer_desk.services.report import build_report
from tests.exchange.test_county_overview_every_pot_s68 import OPTION_2, _county

GRANTS = "Ipswich small grants"


def _allocation_sections(county):
    report = build_report(county, year="2009/10")
    return [s for s in report.sections if s.title.startswith("Allocation 2009/10")]


def test_each_office_s_agreed_allocation_is_shown_the_main_pot_first(tmp_path, demo_path):
    county = _county(tmp_path, demo_path)
    try:
        sections = _allocation_sections(county)
    finally:
        county.close()
    assert [s.title for s in sections] == ["Allocation 2009/10", "Allocation 2009/10 (merged from Ipswich office)"]
    main, grants = sections
    assert main.tables[0].title.endswith(OPTION_2.removeprefix("Allocation 2009/10: "))
    assert grants.tables[0].title.endswith(GRANTS)
    assert not any("only one can be" in p for s in sections for p in s.paragraphs)
    assert main.paragraphs[0] == (
        "This file holds 2 allocations for 2009/10, one from each office that sent one, each shown in its own "
        f"section: “{OPTION_2.removeprefix('Allocation 2009/10: ')}” (£589,608, merged from Western CSP office, "
        f"agreed by the board) and “{GRANTS}” (£40,000, merged from Ipswich office, agreed by the board).")


def test_two_versions_of_one_office_s_allocation_both_marked_are_said(tmp_path, demo_path):
    county = _county(tmp_path, demo_path)
    try:
        # Merged before marking kept to one per office's allocation: both of Western's versions marked.
        county.conn.execute("UPDATE allocation_scenarios SET adopted = 1 WHERE name = 'Option 2 with exact shares'")
        sections = _allocation_sections(county)
        overview = next(s for s in build_report(county, year="2009/10").sections if s.title == "County overview")
    finally:
        county.close()
    said = [p for s in sections for p in s.paragraphs if "only one can be" in p]
    assert len(said) == 1 and said[0].startswith("2 versions of one allocation for 2009/10 are marked agreed")
    assert "Western CSP office" in said[0] and GRANTS not in said[0]
    assert sum("only one can be" in p for p in overview.paragraphs) == 1
