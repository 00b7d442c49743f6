"""Scenario names differing only in case or spacing were saved as new scenarios (session 55, a tester): the Scenario
list then held near-identical names no one could tell apart. They are refused as award names are."""

from __future__ import annotations

import pytest

from safer_desk.services import projects_commissioning as com
from tests.projects.test_scale_amount_s53 import presenter

SAVED = "Retained budget 2009/10: pilot and DV coordinators"


@pytest.mark.parametrize("typed", ["retained budget 2009/10: pilot and DV coordinators",
                                   " Retained budget 2009/10:  pilot and DV coordinators ",
                                   "Retained budget 2009/10: pilot and DV coordinators"])
def test_a_twin_of_a_saved_name_is_refused_naming_it(demo_store, typed):
    p, _ = presenter(demo_store)
    p.set_fund("£65,512")
    before = len(com.list_scenarios(demo_store))
    assert not p.save_as_new(typed)
    assert f"There is already a scenario called “{SAVED}”" in p.error, p.error
    assert len(com.list_scenarios(demo_store)) == before


def test_a_name_that_differs_in_words_is_saved(demo_store):
    p, _ = presenter(demo_store)
    p.set_fund("£65,512")
    assert p.save_as_new("Retained budget 2009/10: pilot only")


def test_a_scenario_saved_again_under_its_own_name_beside_an_older_twin_is_saved(demo_store):
    saved = next(s for s in com.list_scenarios(demo_store) if s.name == SAVED)
    with demo_store.transaction():  # a twin from before the check
        demo_store.conn.execute("UPDATE commissioning_scenarios SET name = ? WHERE id = ?", (SAVED.upper(), saved.id))
    p, _ = presenter(demo_store)
    p.set_fund("£65,512")
    assert p.save_as_new("Another")
    again = next(s for s in com.list_scenarios(demo_store) if s.name == SAVED.upper())
    scenario = com.get_scenario(demo_store, again.id)
    com.save_scenario(demo_store, scenario)  # its own name: not refused
