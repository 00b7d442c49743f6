"""S61 (exch2): what the county lead deleted from the county file, sent again by the office, is not put back unsaid.

The county lead deleted Babergh office's award (``safer-desk awards COUNTY --delete``), project or review (a pooled
fund merged from an office is refused deletion at the county: s60); the office's next export still has it, so the
merge puts it back, counted as "added". An edit at the county of an office's row is a conflict; a deletion at the
county no longer vanishes without a word either: the summary says what was added again though deleted in the county
file, by kind and name, and that the office should be asked to delete it in its own file if it is not wanted (else
its every export puts it back).
"""

from __future__ import annotations

from safer_desk.services import dhr, funders, projects
from tests.exchange.district_offices import add_own_rows, merge

AWARD = "Babergh night-time economy"


def _babergh_sent_its_work(o):
    b = o.babergh
    add_own_rows(b, "Babergh")
    funders.save_award(b, funders.make_award(funder="Babergh District Council", name=AWARD,
                                             years={"2025/26": "£12,000"}))
    merge(o.county, [o.send(b)])


def test_an_award_deleted_at_the_county_and_sent_again_is_said_to_be_added_again(offices):
    o = offices
    _babergh_sent_its_work(o)
    funders.delete_award(o.county, funders.award_by_name(o.county, AWARD).id)
    text = merge(o.county, [o.send(o.babergh)]).text()
    assert funders.award_by_name(o.county, AWARD) is not None  # the office still has it: put back, as before
    assert ("Added again, though deleted in the county file since it was merged: 1 funding award "
            f"('{AWARD}')") in text, text
    assert "ask Babergh office to delete them in its own file" in text, text


def test_a_project_and_a_review_deleted_at_the_county_are_said_by_kind_and_name(offices):
    o = offices
    _babergh_sent_its_work(o)
    c = o.county
    projects.delete_projects(c, [c.scalar("SELECT id FROM projects WHERE title = 'Babergh youth diversion'")])
    dhr.delete_case(c, dhr.case_id_by_reference(c, "BABERGH-DHR-2025-01"))
    text = merge(c, [o.send(o.babergh)]).text()
    said = next(line for line in text.splitlines() if "Added again, though deleted in the county file" in line)
    for words in ("1 project ('Babergh youth diversion')", "'BABERGH-DHR-2025-01'"):
        assert words in said, said


def test_nothing_is_said_when_the_county_deleted_nothing(offices):
    o = offices
    _babergh_sent_its_work(o)
    funders.save_award(o.babergh, funders.make_award(funder="Babergh District Council", name="Another award",
                                                     years={"2025/26": "£1,000"}))
    text = merge(o.county, [o.send(o.babergh)]).text()
    assert funders.award_by_name(o.county, "Another award") is not None
    assert "Added again" not in text, text
