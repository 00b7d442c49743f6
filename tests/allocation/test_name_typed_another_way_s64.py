"""Session 64 (alloc): Working on's name put right in case only ("option 2 …" typed over "Option 2 …", the scenario
worked on) read "⚠ a new name: Save adds it as a new scenario", and Save then refused: "There is already a 2009/10
scenario called “Option 2 …”; choose another name." The scenario it named was the one on screen, and no name would
do: what the officer wanted was Rename…. The label and the refusal now say it is the scenario's own name typed another
way, and that Rename… changes how it is written. A year left blank was refused as 'Year: “” is not a financial
year'; it now says no year was given."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.presenters.allocation import NEW_NAME, RETYPED, AllocationPresenter
from safer_desk.services import allocation as service


def test_the_scenarios_own_name_typed_another_way_points_to_rename(demo_store):
    p = AllocationPresenter(demo_store)
    loaded, count = p.loaded, len(service.list_scenarios(demo_store))
    p.set_name(loaded.name.lower())
    assert p.status_text() == RETYPED and "Rename…" in RETYPED and NEW_NAME not in p.scenario_label()
    assert not p.save(p.name, p.year)
    assert p.error.startswith(f"Not saved: “{loaded.name.lower()}” is the name of {loaded.title} typed another way")
    assert "Rename… (Alt+,)" in p.error and "choose another name" not in p.error
    assert len(service.list_scenarios(demo_store)) == count
    p.set_year("2010/11")  # the same name for another year: a new scenario, as before
    assert p.status_text() == NEW_NAME


def test_a_blank_year_is_said_to_be_missing(demo_store):
    p = AllocationPresenter(demo_store)
    assert not p.save_as_new("Next year", "  ")
    # Said as missing (session 71: and the grey year shown as the example it is), not as "“” is not a financial year".
    assert p.error.startswith("Not saved: no year typed.") and "not a financial year" not in p.error


def test_in_the_window_save_says_to_rename(qtbot, demo_window, prompts):
    tab = demo_window.show_tab("allocation")
    name = tab.scenario_name.text()
    tab.scenario_name.selectAll()
    qtbot.keyClicks(tab.scenario_name, name.upper())
    assert tab.scenario_status.text() == f"⚠ {RETYPED}"
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    title, text = prompts.errors[-1]
    assert title == "Save scenario" and "typed another way" in text and "Rename…" in text
