"""The Allocation tab, round 28 (window): the pot's two ways of being set, and what an officer types and pastes."""

from fractions import Fraction

import pytest
from PySide6.QtCore import Qt

from safer_desk.services import allocation_workbench as bench
from tests.allocation import seed


@pytest.fixture
def tab(demo_window):
    demo_window.show()
    return demo_window.show_tab("allocation")


def test_pot_given_then_last_years_total_again_keeps_the_pot_and_the_retained_share(qtbot, demo_window, tab):
    assert tab.result.pot_pence == 589_608_00  # £655,120 less 10%
    tab.pot_given.click()
    assert tab.result.pot_pence == 589_608_00
    tab.pot_from_previous.click()
    assert tab.option_edits["retain"].text() == "10"
    assert tab.option_edits["previous_total"].text() == "£655,120"
    assert tab.result.pot_pence == 589_608_00
    assert tab.scenario_status.text() == "✓ as saved"  # back to the agreed scenario's own options
    for _ in range(2):  # undo each switch, and redo them
        demo_window.undo_action.trigger()
    assert tab.result.pot_pence == 589_608_00 and tab.state.options.retain == Fraction(1, 10)
    tab.session.undo_stack.redo()
    assert tab.state.options.pot_pence == 589_608_00
    tab.session.undo_stack.redo()
    assert tab.state.options.previous_total_pence == 655_120_00 and tab.result.pot_pence == 589_608_00


def test_a_pot_typed_while_given_then_last_years_total_again_brings_back_the_total_less_retained(qtbot, tab):
    tab.pot_given.click()
    tab.edit_option("pot", "£600,000")
    assert tab.result.pot_pence == 600_000_00
    tab.pot_from_previous.click()
    assert tab.result.pot_pence == 589_608_00
    assert tab.option_edits["retain"].text() == "10"


def test_a_given_pot_with_a_retained_share_switched_both_ways_keeps_the_pot():
    """This year's grant less 10% (a supported meaning): switching keeps the pot the grant leaves."""
    state = bench.WorkState(tuple(seed.partnerships()), seed.options(previous_total_pence=None, pot_pence=655_120_00))
    assert state.calculate()[0].pot_pence == 589_608_00
    there = bench.with_option(state, "pot_mode", "previous")
    assert there.calculate()[0].pot_pence == 589_608_00
    back = bench.with_option(there, "pot_mode", "pot")
    assert back.calculate()[0].pot_pence == 589_608_00
    assert bench.with_option(back, "pot_mode", "previous").calculate()[0].pot_pence == 589_608_00


def test_edits_while_the_pot_is_given_keep_last_years_total_and_retained_share_for_the_way_back(qtbot, tab):
    tab.pot_given.click()
    tab.add_factor()
    tab.edit_option("damping", "5")
    tab.remove_factor()
    tab.pot_from_previous.click()
    assert tab.state.options.previous_total_pence == 655_120_00 and tab.state.options.retain == Fraction(1, 10)
    assert tab.result.pot_pence == 589_608_00


def test_a_column_pasted_with_its_total_below_is_refused_not_made_a_partnership(qtbot, tab, prompts):
    """The paper's offences column copied down to its total (26,895): the total became "Partnership 6", a
    partnership holding half the offences and taking £221,084 of the pot."""
    before = tab.state
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 2))
    tab.paste_inputs("2,442\n7,937\n4,857\n3,324\n8,335\n26,895\n")
    assert tab.state == before
    assert prompts.errors and "total" in prompts.errors[-1][1]
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 2))  # with last year's too, £655,120 below it
    tab.paste_inputs("2,442\t£70,725\n7,937\t£160,607\n4,857\t£113,832\n3,324\t£86,775\n8,335\t£223,181\n"
                     "26,895\t£655,120\n")
    assert tab.state == before and len(prompts.errors) == 2


def test_a_new_partnerships_figures_pasted_below_the_table_still_add_it(tab, prompts):
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(4, 2))
    tab.paste_inputs("8,335\n1,200\n")
    assert not prompts.errors
    assert [p.name for p in tab.state.partnerships][-1] == "Partnership 6"
    assert tab.result.pot_pence == 589_608_00


def test_a_figure_retyped_another_way_is_shown_as_kept_and_leaves_nothing_unsaved(qtbot, demo_window, tab):
    """"10%" typed over Retained % 10 (or £589,608.00 over the pot) changes nothing: the field kept "10%" and the
    window then said the file had unsaved changes (Ctrl+S: "Saved.") though every change was in the file."""
    edit = tab.option_edits["retain"]
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.selectAll()
    qtbot.keyClicks(edit, "10%")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == "10"
    assert not tab.has_unsaved_changes() and not demo_window.has_unsaved_changes()
    assert not tab.session.undo_stack.count()
