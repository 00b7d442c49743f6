"""Session 59: "✓ as saved" stayed beside Working on while a new name was typed there.

Opening the agreed "Allocation 2009/10" and typing "Next year draft" in Working on, the label beside it still read
"✓ as saved" and its tooltip "Working on … — ✓ as saved", though Save would now add a new scenario and nothing under
that name was saved. It now says Save adds a new scenario, and goes back to "✓ as saved" when the saved name is typed
back.
"""

from __future__ import annotations

from safer_desk.presenters.allocation import NEW_NAME, AllocationPresenter


def test_the_presenter_says_a_new_name_is_not_saved_yet(demo_store):
    p = AllocationPresenter(demo_store)
    saved_name, saved_year = p.loaded.name, p.year
    assert p.status_text() == ""
    p.set_name("Next year draft")
    assert p.status_text() == NEW_NAME and NEW_NAME in p.scenario_label() and "as saved" not in p.scenario_label()
    p.set_name(f" {saved_name} ")  # the saved name again (spaces are not part of it): as saved
    assert p.status_text() == ""
    p.set_year("2010/11")  # the same name for another year: Save adds that year's scenario
    assert p.status_text() == NEW_NAME
    p.set_year(saved_year)
    assert p.status_text() == "" and "✓ as saved" in p.scenario_label()


def test_the_label_beside_working_on_follows_what_is_typed(qtbot, demo_window):
    tab = demo_window.show_tab("allocation")
    assert tab.scenario_status.text() == "✓ as saved"
    saved_name = tab.scenario_name.text()
    tab.scenario_name.selectAll()
    qtbot.keyClicks(tab.scenario_name, "Next year draft")
    assert tab.scenario_status.text() == f"⚠ {NEW_NAME}"
    assert "as saved" not in tab.scenario_status.toolTip()
    tab.scenario_name.selectAll()
    qtbot.keyClicks(tab.scenario_name, saved_name)
    assert tab.scenario_status.text() == "✓ as saved"
