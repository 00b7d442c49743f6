"""S68: a county lead's board report of the example's Western Suffolk CSP plan ended its note "* Domestic Homicide
Reviews (DHRs), 2017/18: Cost to be reimbursed from WSCSP key statutory partners Merged from Western CSP office.":
the paper's note, typed without a full stop, ran into the next sentence. Each note under a plan's table now ends
as a sentence."""

from __future__ import annotations

from safer_desk.services.report import build_report
from tests.exchange.district_offices import county_merged_from


def test_a_cell_note_without_a_full_stop_does_not_run_into_the_next(tmp_path, demo_path):
    with county_merged_from(demo_path, tmp_path) as county:
        section = next(s for s in build_report(county).sections if s.title == "Budgets and plans")
    note = section.tables[0].note
    assert "* Domestic Homicide Reviews (DHRs), 2017/18: Cost to be reimbursed from WSCSP key statutory partners. " \
        in note and note.endswith(" Merged from Western CSP office."), note
