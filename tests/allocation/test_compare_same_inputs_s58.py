"""Session 58 (alloc): the Compare scenarios page says what the two scenarios differ in, and nothing false.

Two scenarios saved with the same options said "The options are the same; only the inputs differ." even when the
inputs were the same too (the agreed allocation saved again under another name, or for another year, to work on): the
officer was sent looking for a difference in the inputs that was not there, beside a Difference column of £0.
"""

from __future__ import annotations

from dataclasses import replace

from safer_desk.presenters.allocation import comparison_note
from safer_desk.services import allocation as service


def test_two_scenarios_with_the_same_inputs_and_options_are_said_to_give_the_same_figures(demo_store):
    agreed = service.load_scenario(demo_store, service.adopted_scenario(demo_store).id)
    with demo_store.action("Save"):
        copy_id = service.save_scenario(demo_store, "Working copy", "2010/11", agreed.partnerships, agreed.options)
    copy = service.load_scenario(demo_store, copy_id)
    note = comparison_note(agreed, copy)
    assert "only the inputs differ" not in note
    assert note == "The options and the inputs are the same: the two scenarios give the same figures."
    assert all(row.difference_pence == 0 for row in service.compare_scenarios(agreed, copy))
    # One count changed: the inputs do differ, and it still says so.
    changed = (replace(agreed.partnerships[0], fixed_units=2), *agreed.partnerships[1:])
    with demo_store.action("Save"):
        other_id = service.save_scenario(demo_store, "Two units", "2010/11", changed, agreed.options)
    assert comparison_note(agreed, service.load_scenario(demo_store, other_id)) == (
        "The options are the same; only the inputs differ.")
