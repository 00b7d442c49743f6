"""Session 62 (alloc): a district's board report showed an allocation the board did not agree.

The board's agreed 2009/10 allocation typed from the paper names its partnerships as the paper does ("West", for
Forest Heath, St Edmundsbury and Mid Suffolk); the file's other 2009/10 scenario, "Option 2 with exact shares" (not
agreed, illustrative), names them as the file does ("Western CSP"). Forest Heath's report, for which "West" is no
partnership the file knows, showed the illustrative scenario as the year's allocation: West's £206,046, not the
£206,043 the board agreed. A scenario of the year that is another version of the agreed one (the same partnerships
in part) no longer stands in for it: the agreed one is shown, whole, as the board read it.
"""

from __future__ import annotations

from dataclasses import replace

from safer_desk.services import allocation as service
from safer_desk.services.report import build_report


def _paper_named_agreed(store):
    agreed = service.load_scenario(store, service.adopted_scenario(store, "2009/10").id)
    paper = [replace(p, name=p.name.removesuffix(" CSP").replace("Western", "West")) for p in agreed.partnerships]
    with store.action("Save"):
        service.set_adopted(store, service.save_scenario(store, "As the paper names them", "2009/10", paper,
                                                         agreed.options))


def _allocation_tables(store, area):
    sections = [s for s in build_report(store, year="2009/10", area=area).sections if s.title == "Allocation 2009/10"]
    return [t.title for s in sections for t in s.tables]


def test_a_district_of_west_is_shown_the_allocation_the_board_agreed(demo_store):
    _paper_named_agreed(demo_store)
    assert _allocation_tables(demo_store, "Babergh") == ["Financial allocation 2009/10: As the paper names them"]
    assert _allocation_tables(demo_store, "Forest Heath") == ["Financial allocation 2009/10: As the paper names them"]


def test_without_an_agreed_one_the_districts_scenario_is_shown_as_before(demo_store):
    _paper_named_agreed(demo_store)
    paper = service.adopted_scenario(demo_store, "2009/10")
    with demo_store.action("Unmark"):
        service.set_adopted(demo_store, paper.id, False)
    # None agreed: the latest saved that allocates to Forest Heath, as before.
    shown = _allocation_tables(demo_store, "Forest Heath")
    assert shown == ["Financial allocation 2009/10: Option 2 with exact shares"]
