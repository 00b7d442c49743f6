"""Allocation, round 36 (ucs): Edit > Undo (Ctrl+Z) and Redo (Ctrl+Y) choose what they changed.

An input typed, another cell chosen, Ctrl+Z: the figure came back but the cell chosen stayed where it was, so the
officer could not see what had gone back. The Projects register and the Budgets grid choose what was undone; so now
does the Allocation tab: the inputs' cell (or rows), the factor, the option's field, the scenario put back.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from safer_desk.services import allocation_workbench as bench


@pytest.fixture
def tab(demo_window):
    demo_window.show()
    return demo_window.show_tab("allocation")


def _chosen(view) -> tuple[int, int]:
    at = view.currentIndex()
    return at.row(), at.column()


def test_undo_and_redo_of_an_input_choose_its_cell(demo_window, tab):
    basis = tab.inputs_model.keys.index("factor:basis")
    index = tab.inputs_model.index(1, basis)
    tab.inputs_view.setCurrentIndex(index)
    assert tab.inputs_model.setData(index, "8000")
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(4, 0))  # the officer looks elsewhere
    demo_window.undo_action.trigger()
    assert tab.state.partnerships[1].values["basis"] == 7937
    assert _chosen(tab.inputs_view) == (1, basis)
    assert tab.inputs_view.selectionModel().isSelected(tab.inputs_model.index(1, basis))
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(4, 0))
    demo_window.redo_action.trigger()
    assert tab.state.partnerships[1].values["basis"] == 8000
    assert _chosen(tab.inputs_view) == (1, basis)


def test_undo_of_a_partnership_removed_chooses_it_back(demo_window, tab):
    name = tab.state.partnerships[2].name
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(2, 0))
    tab.remove_partnerships()
    assert name not in [p.name for p in tab.state.partnerships]
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 1))
    demo_window.undo_action.trigger()
    assert tab.state.partnerships[2].name == name
    assert tab.inputs_view.currentIndex().row() == 2
    assert tab.inputs_view.selectionModel().isRowSelected(2)


def test_undo_of_a_factor_weight_chooses_its_cell_and_of_an_option_its_field(demo_window, tab):
    tab.add_factor()
    tab.factors_table.item(1, 1).setText("25%")
    assert len(tab.state.options.factors) == 2
    tab.factors_table.setCurrentCell(0, 0)
    demo_window.undo_action.trigger()  # the weight
    assert (tab.factors_table.currentRow(), tab.factors_table.currentColumn()) == (1, 1)
    tab.edit_option("damping", "5")
    tab.inputs_view.setFocus()
    demo_window.undo_action.trigger()
    assert bench.option_text(tab.state.options, "damping") == ""
    assert QApplication.focusWidget() is tab.option_edits["damping"]


def test_undo_of_deleting_a_scenario_not_worked_on_shows_it_in_the_list(demo_window, tab, prompts):
    combo = tab.scenario_combo
    other = next(i for i in range(combo.count()) if "agreed" not in combo.itemText(i))
    title = combo.itemText(other)
    combo.setCurrentIndex(other)
    prompts.answers.append(True)
    tab.delete_button.click()
    assert title not in [combo.itemText(i) for i in range(combo.count())]
    demo_window.undo_action.trigger()
    assert combo.currentText() == title


def test_undo_of_marking_a_scenario_agreed_shows_that_scenario(demo_window, tab):
    combo = tab.scenario_combo
    other = next(i for i in range(combo.count()) if "agreed" not in combo.itemText(i))
    combo.setCurrentIndex(other)
    scenario_id = combo.currentData()
    tab.adopt_button.click()
    assert "agreed" in combo.currentText()
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i) != scenario_id))
    demo_window.undo_action.trigger()
    assert combo.currentData() == scenario_id and "agreed" not in combo.currentText()
