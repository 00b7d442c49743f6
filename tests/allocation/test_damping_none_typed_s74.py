"""The Damping ±% field shows "none" in grey when empty; an officer taking a limit off typed what it shows, "none"
(or Excel's "-" for nothing), and was told '“none” is not a percentage (try 10 or 10%)'. In the tab's field either
now takes the limit off, as emptying it does; a percentage is read as before."""
from __future__ import annotations

import pytest

from safer_desk.services import allocation_workbench as bench
from safer_desk.services.demo_data.allocation import suffolk_options


@pytest.fixture
def damped():
    state = bench.with_pasted(bench.WorkState((), suffolk_options()), 0, 0,
                              [["Babergh", "1", "2442", "70725"], ["Ipswich", "1", "7937", "160607"]])
    state = bench.with_option(state, "damping", "5")
    assert state.options.damping == pytest.approx(0.05)
    return state


@pytest.mark.parametrize("typed", ["none", "None", " NONE ", "-", ""])
def test_typing_what_the_empty_field_shows_takes_the_limit_off(damped, typed):
    state = bench.with_option(damped, "damping", typed)
    assert state.options.damping is None
    assert bench.field_text(state.options, "damping") == ""


def test_a_percentage_is_still_a_limit(damped):
    assert bench.with_option(damped, "damping", "±10%").options.damping * 100 == 10


def test_none_typed_in_the_window_takes_the_limit_off_and_leaves_the_field_empty(demo_window, prompts):
    tab = demo_window.show_tab("allocation")
    tab.edit_option("damping", "5")
    assert tab.state.options.damping is not None
    field = tab.option_edits["damping"]
    field.setText("none")
    tab.edit_option("damping", "none")
    assert tab.state.options.damping is None and "⚠" not in tab.problem and not prompts.errors
    assert field.text() == "" and field.placeholderText() == "none"
    assert demo_window.undo_action.text() == "&Undo clear Damping limit %"
