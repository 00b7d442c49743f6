"""Session 64 (alloc): Open on the scenario already worked on, as saved (its name and year in Working on), changed
nothing, yet Edit > Undo then offered "Undo open scenario Option 2 …", an undo that moved nothing, and the Redo on
offer (an edit just undone) was dropped. Since round 63 a step that leaves the file as it was is no step on the other
tabs (``Action.changed_nothing``); Open of the very inputs on screen is none either. Opened over changed inputs, or
under another name typed in Working on, it is still one step to undo."""

from __future__ import annotations

from PySide6.QtCore import Qt


def retype(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_open_on_the_scenario_as_saved_is_no_step_and_keeps_the_redo(qtbot, demo_window):
    tab = demo_window.show_tab("allocation")
    assert tab.scenario_status.text() == "✓ as saved"
    retype(qtbot, tab.option_edits["retain"], "5")
    demo_window.undo_action.trigger()
    assert demo_window.redo_action.text() == "&Redo change Retained % to 5%"
    assert tab.scenario_combo.currentData() == tab.presenter.loaded.id
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert demo_window.undo_action.text() == "&Undo" and not demo_window.undo_action.isEnabled()
    assert demo_window.redo_action.text() == "&Redo change Retained % to 5%"
    demo_window.redo_action.trigger()
    assert tab.option_edits["retain"].text() == "5"


def test_open_over_changed_inputs_is_still_a_step(qtbot, demo_window):
    tab = demo_window.show_tab("allocation")
    retype(qtbot, tab.option_edits["retain"], "5")
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert tab.option_edits["retain"].text() == "10" and tab.scenario_status.text() == "✓ as saved"
    assert demo_window.undo_action.text().startswith("&Undo open scenario Option 2")
    demo_window.undo_action.trigger()
    assert tab.option_edits["retain"].text() == "5"


def test_open_under_another_name_typed_is_still_a_step(qtbot, demo_window):
    tab = demo_window.show_tab("allocation")
    retype(qtbot, tab.scenario_name, "Option 3")
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert tab.scenario_name.text().startswith("Option 2")
    assert demo_window.undo_action.text().startswith("&Undo open scenario Option 2")
    demo_window.undo_action.trigger()
    assert tab.scenario_name.text() == "Option 3"
