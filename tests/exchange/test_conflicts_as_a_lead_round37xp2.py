"""Round 37 (xp2): the county lead deciding conflicts, merging the same files again and undoing.

Merging again an export whose conflict is still open said "Export number 1 of Mid Suffolk office was already merged on
…; merging it again made the changes counted above.", where it had changed nothing: the conflict it counts is the one
open since its first merge, told again as it was. It says "nothing new" and that the conflict is still open.
"""

from __future__ import annotations

from safer_desk.services import projects as ps
from safer_desk.services.county import list_conflicts


def set_cost(store, text: str) -> None:
    p = ps.get_project(store, "p-shared")
    ps.save_project(store, ps.project_from_fields({**ps.project_fields(p), "cost": text}, base=p))


def test_an_export_merged_again_with_its_conflict_still_open_says_nothing_new(offices):
    from tests.exchange.district_offices import merge

    set_cost(offices.babergh, "£30,000")
    set_cost(offices.mid, "£40,000")
    sent = [offices.send(offices.babergh), offices.send(offices.mid)]
    merge(offices.county, sent)
    [open_before] = list_conflicts(offices.county)
    again = merge(offices.county, sent)
    text = again.text()
    assert [c.id for c in list_conflicts(offices.county)] == [open_before.id]
    assert "merging it again made the changes counted above" not in text, text
    assert ": nothing new (1 conflict from it is still open)." in text, text
    # the counts as before (the example's partners since 2021 among them: the ICB, its seat, Devon's CCG and ICB)
    assert "0 added, 0 replaced, 103 unchanged, 0 removed, 1 conflict." in text, text
    assert "Export number 1 of Babergh office was already merged on " in text and text.count("nothing new") == 2, text


def test_an_export_merged_again_after_the_county_edited_its_row_raises_nothing_and_says_so(offices):
    """The county lead edited the project since: the same export merged again leaves the edit standing (the office
    has not changed its version), and no conflict is counted as still open."""
    from tests.exchange.district_offices import merge

    set_cost(offices.babergh, "£30,000")
    sent = offices.send(offices.babergh)
    merge(offices.county, [sent])
    set_cost(offices.county, "£35,000")
    text = merge(offices.county, [sent]).text()
    assert list_conflicts(offices.county) == [], text  # the county's edit stands: the office sent it as it was
    assert ": nothing new." in text, text
