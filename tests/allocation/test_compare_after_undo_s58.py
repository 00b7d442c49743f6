"""Session 58 (alloc): a scenario compared, then taken away (its save undone, or deleted), is not replaced by the
scenario on the other side.

The first scenario to compare went back to the top of the list when the one it showed left the file: with the other
side showing that one, the page set a scenario beside itself, every difference £0, and said "The same scenario is
chosen twice." when the officer had chosen two.
"""

from __future__ import annotations


def chosen(combo, words: str) -> None:
    combo.setCurrentIndex(next(i for i in range(combo.count()) if words in combo.itemText(i)))


def test_the_scenario_compared_with_keeps_its_side_when_the_other_one_goes(qtbot, demo_window, prompts):
    tab = demo_window.show_tab("allocation")
    tab.scenario_name.setText("Next year draft")
    tab.scenario_year.setText("2010/11")
    tab.save_scenario_as_new()
    chosen(tab.compare_first, "Next year draft")
    chosen(tab.compare_second, "with exact shares")
    demo_window.undo_action.trigger()  # the draft's save undone: it leaves the lists
    assert tab.compare_first.currentData() != tab.compare_second.currentData()
    assert "with exact shares" in tab.compare_second.currentText()
    assert tab.compare_note.text() != "The same scenario is chosen twice."
    demo_window.redo_action.trigger()
    chosen(tab.compare_second, "Next year draft")
    chosen(tab.compare_first, "agreed")
    prompts.answers.append(True)
    chosen(tab.scenario_combo, "Next year draft")
    tab.delete_selected_scenario()  # now the second side's goes
    assert tab.compare_first.currentData() != tab.compare_second.currentData()
    assert "agreed" in tab.compare_first.currentText()
