"""Allocation: a figure typed in an option field is named in Edit > Undo with the figure it was changed to, as other
steps are ("Change capital of Homeshield Plus to £7,525.58"): Retained % changed from 10 to 12.5 read only
"Undo change Retained %", which of several changes in a row it undoes not said (session 73)."""

from __future__ import annotations

import pytest

from safer_desk.domain.allocation import AllocationOptions
from safer_desk.services import allocation_workbench as bench
from tests.allocation.test_allocation_round42exa import type_in_field


def test_retained_typed_in_the_window_names_the_new_figure(qtbot, demo_window, prompts):
    demo_window.show()
    tab = demo_window.show_tab("allocation")
    type_in_field(qtbot, tab.option_edits["retain"], "12.5")
    assert demo_window.undo_action.text() == "&Undo change Retained % to 12.5%"
    type_in_field(qtbot, tab.option_edits["retain"], "0.5%")
    assert demo_window.undo_action.text() == "&Undo change Retained % to 0.5%"
    demo_window.undo_action.trigger()
    assert demo_window.undo_action.text() == "&Undo change Retained % to 12.5%"
    assert demo_window.redo_action.text() == "&Redo change Retained % to 0.5%"


@pytest.mark.parametrize("key, text, named", [
    ("pot", "£600,000", "Change Pot to £600,000"),
    ("previous_total", "655120", "Change Last year's total to £655,120"),
    ("retain", "12.5", "Change Retained % to 12.5%"),
    ("retain", "", "Change Retained % to 0%"),
    ("fixed_share", "1/3", "Change Fixed share to 1/3"),
    ("fixed_share", "£28,077", "Change Fixed share to £28,077"),
    ("damping", "5", "Change Damping limit % to 5%"),
    ("damping", "", "Clear Damping limit %"),
])
def test_each_figure_option_is_named_with_its_new_figure(key, text, named):
    state = bench.with_option(bench.WorkState((), AllocationOptions(previous_total_pence=655_120_00)), key, text)
    assert bench.option_step_name(state.options, key) == named
