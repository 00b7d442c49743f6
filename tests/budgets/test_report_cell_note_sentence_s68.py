"""S68: a county lead's board report of the example's Western Suffolk CSP plan ended its note "* Domestic Homicide
Reviews (DHRs), 2017/18: Cost to be reimbursed from WSCSP key statutory partners Merged from Western CSP office.":
the paper's note, typed without a full stop, ran into the next sentence. Each note under a plan's table now ends
as a sentence."""

from __future__ import annotations

from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from


def test_a_cell_note_without_a_full_stop_does_not_run_into_the_next(tmp_path, demo_path):
    office = office_from(demo_path, tmp_path / "western.sqlite", "Western CSP office", partnerships=["Western CSP"])
    try:
        sent = export(office, tmp_path / "western-export.sqlite")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [sent])
        section = next(s for s in build_report(county).sections if s.title == "Budgets and plans")
    finally:
        county.close()
    note = section.tables[0].note
    assert note.endswith("* Domestic Homicide Reviews (DHRs), 2017/18: Cost to be reimbursed from WSCSP key statutory "
                         "partners. Merged from Western CSP office."), note
