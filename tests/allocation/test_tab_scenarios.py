"""The Allocation tab's scenarios through the widgets: Save and Save as new, a loaded scenario never overwritten
under another name, "changed since saved" beside the name, and the money helper's warnings on screen."""

import pytest
from PySide6.QtCore import Qt

from safer_desk.services import allocation as service


@pytest.fixture
def tab(demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    return demo_window.show_tab("allocation")


def type_option(qtbot, tab, key, text):
    edit = tab.option_edits[key]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def retype(qtbot, edit, text):
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_the_name_shows_the_scenario_and_an_edit_says_changed_since_saved(qtbot, tab):
    assert tab.scenario_status.text() == "✓ as saved" and "2009/10" in tab.scenario_status.toolTip()
    assert tab.scenario_year.text() == "2009/10" and tab.scenario_name.text()
    type_option(qtbot, tab, "retain", "5")
    assert tab.scenario_status.text().endswith("⚠ changed since saved")


def test_save_under_a_new_name_keeps_the_loaded_scenario(qtbot, demo_window, tab):
    store = tab.store
    agreed = tab.presenter.loaded
    type_option(qtbot, tab, "retain", "5")
    retype(qtbot, tab.scenario_name, "Keep 5%")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert service.load_scenario(store, agreed.id) == agreed  # not overwritten under another name
    assert "Keep 5%" in tab.scenario_combo.currentText()
    assert tab.scenario_status.text() == "✓ as saved" and tab.scenario_status.toolTip() == "Working on 2009/10 — Keep 5% — ✓ as saved"
    assert "save new scenario Keep 5%" in demo_window.undo_action.text()


def test_save_under_its_own_name_saves_it_again_and_save_as_new_refuses_the_same_name(qtbot, tab, prompts):
    store = tab.store
    agreed = tab.presenter.loaded
    count = len(service.list_scenarios(store))
    type_option(qtbot, tab, "retain", "5")
    qtbot.mouseClick(tab.save_new_button, Qt.MouseButton.LeftButton)
    assert prompts.errors and "already" in prompts.errors[-1][1]
    prompts.answers.append(True)  # the agreed scenario: written over when the officer says so
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "board report" in prompts.questions[-1][1]
    again = service.load_scenario(store, agreed.id)
    assert again.options.retain != agreed.options.retain and again.adopted
    assert len(service.list_scenarios(store)) == count
    assert tab.scenario_status.text().endswith("✓ as saved")


def test_the_money_helpers_warning_is_shown(qtbot, tab):
    item = tab.factors_table.item(0, 1)
    tab.factors_table.setCurrentItem(item)
    tab.factors_table.editItem(item)
    item.setText("50")
    assert "counted as 100%" in tab.summary_label.text()


def test_a_typed_name_survives_edits_and_save_adds_it_beside_the_loaded_scenario(qtbot, tab):
    """Found by a tester: opened "Option 2 with exact shares", typed "Option 3 - 12% retained", changed a count and
    Retained %: the first edit put the loaded name back, and Save overwrote the loaded scenario."""
    store = tab.store
    combo = tab.scenario_combo
    combo.setCurrentIndex(next(i for i in range(combo.count()) if "exact shares" in combo.itemText(i)))
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    exact = tab.presenter.loaded
    assert tab.scenario_name.text() == exact.name
    tab.scenario_name.setFocus()
    retype(qtbot, tab.scenario_name, "Option 3 - 12% retained")
    index = tab.inputs_model.index(0, 2)
    assert tab.inputs_model.setData(index, "2,500")
    assert tab.scenario_name.text() == "Option 3 - 12% retained"
    type_option(qtbot, tab, "retain", "12")
    assert tab.scenario_name.text() == "Option 3 - 12% retained" and tab.scenario_year.text() == "2009/10"
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert service.load_scenario(store, exact.id) == exact  # never overwritten under another name
    assert len(service.list_scenarios(store)) == 3 and "Option 3 - 12% retained" in combo.currentText()
    assert tab.scenario_status.text() == "✓ as saved"
