"""Round 31, a second look: a row several offices hold alike, edited at the county, then sent again by its offices."""

from __future__ import annotations

from safer_desk.services import dhr
from safer_desk.services.county import list_conflicts
from tests.exchange.district_offices import merge

JOINT = "JOINT-DHR-2025-09"


def _joint_review_recorded_by_both(o) -> str:
    """Babergh and Mid Suffolk each record the same review (each under its own id); the county merges both alike and
    edits it. The county's id (Babergh's) is returned."""
    for office in (o.babergh, o.mid):
        dhr.add_case(office, reference=JOINT, district="Babergh", partnership="Western Suffolk CSP",
                     notified_on="2025-07-01")
    assert dhr.case_id_by_reference(o.babergh, JOINT) != dhr.case_id_by_reference(o.mid, JOINT)
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    assert list_conflicts(o.county) == []
    case_id = dhr.case_id_by_reference(o.county, JOINT)
    dhr.update_case(o.county, case_id, notes="Chair appointed by the county")
    return case_id


def _notes(store, case_id: str) -> str:
    return store.scalar("SELECT notes FROM dhr_cases WHERE id = ?", (case_id,))


def test_an_edit_at_the_county_of_a_review_each_office_recorded_stands_at_either_office_s_next_file(offices):
    """Mid Suffolk's review is the county's under another id. Mid Suffolk has not changed it, yet its next file
    raised "notes “Chair appointed by the county” from Babergh office, blank from Mid Suffolk office": a conflict
    nobody's choice made, and the county lead's own edit said to be Babergh's."""
    o = offices
    case_id = _joint_review_recorded_by_both(o)
    for office in (o.babergh, o.mid):
        merge(o.county, [o.send(office)])
        assert [c.detail for c in list_conflicts(o.county)] == []
    assert _notes(o.county, case_id) == "Chair appointed by the county"


def test_an_office_s_real_change_of_that_review_is_still_a_conflict(offices):
    o = offices
    case_id = _joint_review_recorded_by_both(o)
    # (A change that travels: the case notes stay with the office unless it asks for the victim-level detail.)
    dhr.update_case(o.mid, dhr.case_id_by_reference(o.mid, JOINT), decision_on="2025-07-20")
    merge(o.county, [o.send(o.mid)])
    assert [c.table for c in list_conflicts(o.county)] == ["dhr_cases"]
    assert _notes(o.county, case_id) == "Chair appointed by the county"
