"""Session 60: a saved allocation scenario could not be renamed.

To put a typo in a scenario's name right, the coordinator had to Save as new and Delete the old one, which dropped the
board's "agreed" mark (the board report then used another scenario) and the scenario's saved date. Rename… (beside
Open and Delete, Alt+,) renames the scenario chosen in Saved scenarios as one step of Edit > Undo, asking nothing
unless the name is another scenario's of the same year (refused, naming it); its agreed mark, saved date, inputs and
figures stay. The scenario worked on keeps being worked on, under its new name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.allocation import AllocationPresenter
from safer_desk.services import allocation as service

AGREED = "Option 2 - As per 2008/09 with updated crime figures, 10% retained"
EXACT = "Option 2 with exact shares"


def by_name(store, name):
    return next(s for s in service.list_scenarios(store) if s.name == name)


def test_rename_keeps_the_agreed_mark_the_saved_date_and_the_figures_and_is_one_undo(demo_store):
    log = ActionLog()
    p = AllocationPresenter(demo_store, perform=log)
    before = service.load_scenario(demo_store, by_name(demo_store, AGREED).id)
    assert p.rename(before.id, "  Option 2 (agreed by the board)  ")
    after = service.load_scenario(demo_store, before.id)
    assert after.name == "Option 2 (agreed by the board)"
    assert (after.adopted, after.saved_at, after.year) == (True, before.saved_at, before.year)
    assert (after.partnerships, after.options, after.saved_totals) == (before.partnerships, before.options,
                                                                       before.saved_totals)
    assert log.undo_text == f"Undo rename scenario 2009/10 — {AGREED} to Option 2 (agreed by the board)"
    log.undo()
    assert service.load_scenario(demo_store, before.id).name == AGREED
    log.redo()
    assert service.load_scenario(demo_store, before.id).name == "Option 2 (agreed by the board)"
    assert service.adopted_scenario(demo_store, "2009/10").id == before.id


def test_a_name_the_year_has_is_refused_naming_it_and_nothing_changes(demo_store):
    log = ActionLog()
    p = AllocationPresenter(demo_store, perform=log)
    agreed = by_name(demo_store, AGREED)
    assert not p.rename(agreed.id, "option 2 WITH exact  shares")
    assert p.error == f"Not renamed: there is already a 2009/10 scenario called “{EXACT}”; choose another name."
    assert service.load_scenario(demo_store, agreed.id).name == AGREED and log.done == []
    assert not p.rename(agreed.id, "   ")
    assert p.error == "Not renamed: a scenario needs a name." and log.done == []


def test_its_own_name_retyped_changes_nothing_and_its_spelling_can_be_put_right(demo_store):
    log = ActionLog()
    p = AllocationPresenter(demo_store, perform=log)
    exact = by_name(demo_store, EXACT)
    assert not p.rename(exact.id, f" {EXACT} ") and log.done == [] and p.error == ""
    assert p.rename(exact.id, "OPTION 2 with exact shares")  # another case of its own name: not another's
    assert service.load_scenario(demo_store, exact.id).name == "OPTION 2 with exact shares"


def test_the_same_name_in_another_year_is_not_refused(demo_store):
    p = AllocationPresenter(demo_store, perform=ActionLog())
    assert p.save_as_new("Draft", "2010/11")
    draft = by_name(demo_store, "Draft")
    assert p.rename(draft.id, EXACT)
    assert service.load_scenario(demo_store, draft.id).name == EXACT


def test_the_scenario_worked_on_is_still_worked_on_under_its_new_name(demo_store):
    log = ActionLog()
    p = AllocationPresenter(demo_store, perform=log)
    agreed = by_name(demo_store, AGREED)
    assert p.loaded.id == agreed.id and p.name == AGREED
    assert p.rename(agreed.id, "Option 2")
    assert (p.loaded.name, p.name, p.status_text()) == ("Option 2", "Option 2", "")
    assert p.scenario_label() == "Working on 2009/10 — Option 2 — ✓ as saved"
    again = AllocationPresenter(demo_store)  # opened again: the name kept with the working inputs is the new one
    assert (again.loaded.id, again.name, again.status_text()) == (agreed.id, "Option 2", "")
    log.undo()
    assert (p.loaded.name, p.name, p.status_text()) == (AGREED, AGREED, "")


def test_a_name_typed_in_working_on_stays_when_the_scenario_is_renamed(demo_store):
    p = AllocationPresenter(demo_store, perform=ActionLog())
    agreed = by_name(demo_store, AGREED)
    p.set_name("Next year draft")
    assert p.rename(agreed.id, "Option 2")
    assert p.name == "Next year draft" and p.loaded.name == "Option 2"


def test_read_only_refuses(demo_store):
    p = AllocationPresenter(demo_store, perform=ActionLog(), read_only=True)
    assert not p.rename(by_name(demo_store, AGREED).id, "Option 2")
    assert "read-only" in p.error
    assert by_name(demo_store, AGREED)


def rename_button(tab) -> QPushButton:
    return next(b for b in tab.findChildren(QPushButton) if b.accessibleName() == "Rename scenario")


def test_the_window_renames_the_chosen_scenario(qtbot, demo_window, prompts):
    tab = demo_window.show_tab("allocation")
    button = rename_button(tab)
    assert button.text() == "Rename… (Alt+&,)" and button.isEnabled()
    tab.scenario_combo.setCurrentIndex(tab.scenario_combo.findData(by_name(tab.store, AGREED).id))
    prompts.texts.append("Option 2")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert prompts.text_questions == [("Rename scenario", f"A new name for 2009/10 — {AGREED}:")]
    assert tab.scenario_combo.currentText().startswith("2009/10 — Option 2 (saved ")
    assert tab.scenario_combo.currentText().endswith("✓ agreed")
    assert tab.scenario_name.text() == "Option 2" and tab.scenario_status.text() == "✓ as saved"
    assert prompts.errors == []
    demo_window.session.undo_stack.undo()
    assert tab.scenario_name.text() == AGREED and AGREED in tab.scenario_combo.currentText()


def test_the_window_says_why_a_name_is_refused(qtbot, demo_window, prompts):
    tab = demo_window.show_tab("allocation")
    tab.scenario_combo.setCurrentIndex(tab.scenario_combo.findData(by_name(tab.store, AGREED).id))
    prompts.texts.append(EXACT)
    tab.rename_selected_scenario()
    assert prompts.errors == [("Rename scenario", f"Not renamed: there is already a 2009/10 scenario called "
                                                  f"“{EXACT}”; choose another name.")]
    assert AGREED in tab.scenario_combo.currentText()


def test_alt_comma_renames_and_every_button_keeps_a_key_of_its_own(qtbot, demo_window, prompts):
    """Every letter and figure is another control's on the tab: Rename… is Alt+, (Alt+5 Open, Alt+6 Delete …)."""
    from PySide6.QtWidgets import QApplication

    from tests.foundation.test_window_guard import clashes, without_key

    demo_window.resize(1093, 582)
    demo_window.show()
    tab = demo_window.show_tab("allocation")
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window, timeout=5000)
    assert [w for w in without_key(demo_window) if w.startswith("QPushButton")] == []
    assert clashes(demo_window) == []
    tab.inputs_view.setFocus()
    prompts.texts.append("Option 2")
    qtbot.keyClick(tab.inputs_view, Qt.Key.Key_Comma, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: tab.scenario_name.text() == "Option 2", timeout=5000)
    assert prompts.text_questions[0][0] == "Rename scenario"
