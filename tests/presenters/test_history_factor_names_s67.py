"""Session 67: the History named an allocation scenario's factor by its key in the file, not as the Allocation tab
heads it. Deleting the example's "Option 2 with exact shares" read "Deleted 5 allocation rows, deleted allocation
factor basis and deleted allocation scenario …", and its detail "Deleted allocation factor basis"; "basis" is the
program's key for the one factor the officer titled "BCS comparator offences 2007-08". A factor is now named by its
title (its label, else its name), as the tab and the allocation rows' "factor values" already say it."""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.allocation import AllocationPresenter
from safer_desk.presenters.history import HistoryPresenter, history_lines
from safer_desk.services import allocation as service

TITLE = "BCS comparator offences 2007-08"


def test_a_deleted_scenario_s_factor_is_named_by_its_title_in_the_line_and_the_detail(demo_store):
    log = ActionLog()
    scenario = next(s for s in service.list_scenarios(demo_store) if s.name == "Option 2 with exact shares")
    AllocationPresenter(demo_store, perform=log).delete(scenario.id)
    line = history_lines(demo_store)[0]
    assert "factor basis" not in line.summary, line.summary
    assert f"deleted allocation factor {TITLE}" in line.summary, line.summary
    detail = HistoryPresenter(demo_store).detail_text(line, 1)
    assert "factor basis" not in detail and f"Deleted allocation factor {TITLE}: " in detail, detail
    assert f"label {TITLE}" not in detail  # said once, as its name
    log.undo()  # put back: named alike, and the factor's weight still said
    line = history_lines(demo_store)[0]
    assert line.summary.startswith("Added allocation scenario") and f"added allocation factor {TITLE}" in line.summary
    assert any(d.startswith(f"Added allocation factor {TITLE}: ") and "weight 1" in d for d in line.details), \
        line.details


def test_a_factor_with_no_title_of_its_own_is_named_by_its_name(demo_store):
    log = ActionLog()
    page = AllocationPresenter(demo_store, perform=log)
    scenario = next(s for s in service.list_scenarios(demo_store) if s.name == "Option 2 with exact shares")
    demo_store.conn.execute("UPDATE allocation_scenario_factors SET label = '' WHERE scenario_id = ?", (scenario.id,))
    page.delete(scenario.id)
    assert "deleted allocation factor basis" in history_lines(demo_store)[0].summary
