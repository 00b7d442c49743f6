"""Round 39 (pjx): Commissioning used as an officer uses it: a scenario saved, undone, redone and compared.

1. Edit > Undo of *Save new scenario* (or of *Save scenario*) keeps the ticks (the set is again "changed since" the
   scenario it came from); Edit > Redo then asks about those unsaved ticks first, and with Discard the page showed
   the older scenario's ticks and name under the redone one: "Option B" loaded, "Retained budget …" and its two
   ticks shown, "changed since saved". The same after Undo of *Delete scenario*: the scenario back, its ticks not.
   Now the scenario the step puts back is shown as saved.
2. A second scenario saved, Compare chose the same scenario on both sides ("The same scenario is chosen on both
   sides"): B is now another scenario than A.
3. New emptied a set ticked and not saved without a word: it asks Save / Discard / Cancel first.
"""

from __future__ import annotations

RETAINED = "Retained budget 2009/10: pilot and DV coordinators"  # seed 000's saved scenario


def ids(page) -> dict[str, str]:
    return {e.project.title: e.project.id for e in page.model.entries()}


def shown(page) -> tuple:
    """What the page shows of the set: the name typed, the projects ticked, and saved or not."""
    ticked = sorted(e.project.title for e in page.model.entries() if e.ticked)
    return page.name.text(), ticked, page.status.text(), page.scenarios.currentText()


def option_b(window, qtbot):
    page = window.show_tab("projects").show_commissioning()
    page.presenter.tick(ids(page)["Homeshield Plus"])
    page.name.selectAll()
    qtbot.keyClicks(page.name, "Option B")  # another name, so a new scenario (listed before the one it came from)
    assert page.presenter.save_as_new()
    return page


def test_a_new_scenario_redone_after_discard_shows_it_as_saved(demo_window, prompts, qtbot):
    page = option_b(demo_window, qtbot)
    saved = shown(page)
    assert saved[0] == "Option B" and "Homeshield Plus" in saved[1] and saved[2] == "✓ as saved", saved
    demo_window.undo_action.trigger()
    assert shown(page)[:2] == saved[:2] and "changed since saved" in page.status.text()  # the ticks kept
    prompts.unsaved_answers.append("discard")
    demo_window.redo_action.trigger()
    assert prompts.unsaved_questions, "the ticks were not asked about"
    assert shown(page) == saved, shown(page)


def test_a_deleted_scenario_undone_after_discard_shows_it_as_saved(demo_window, prompts, qtbot):
    page = demo_window.show_tab("projects").show_commissioning()
    saved = shown(page)
    assert saved[0] == RETAINED and saved[2] == "✓ as saved", saved
    prompts.answers.append(True)
    page.delete_button.click()
    assert page.presenter.loaded is None
    prompts.unsaved_answers.append("discard")
    demo_window.undo_action.trigger()
    assert shown(page) == saved, shown(page)


def test_compare_offers_two_scenarios_once_a_second_is_saved(demo_window, prompts, qtbot):
    page = option_b(demo_window, qtbot)
    assert page.compare_a.currentText() != page.compare_b.currentText(), page.compare_a.currentText()
    page.compare_button.click()
    rows = page.comparison.rows
    assert "Homeshield Plus" in [r.title for r in rows]
    assert "same scenario" not in page.message.text()


def test_new_asks_about_the_ticks_not_saved(demo_window, prompts, qtbot):
    """3. New emptied a set ticked and not saved without a word (choosing "(not saved)" in Scenario asked)."""
    page = demo_window.show_tab("projects").show_commissioning()
    page.presenter.tick(ids(page)["Homeshield Plus"])
    prompts.unsaved_answers.append("cancel")
    page.new_button.click()
    assert prompts.unsaved_questions == [("Unsaved changes", f"The commissioning set differs from its saved scenario "
                                                             f"“{RETAINED}”.")]
    assert "Homeshield Plus" in shown(page)[1] and page.presenter.loaded is not None  # Cancel: kept
    prompts.unsaved_answers.append("discard")
    page.new_button.click()
    assert shown(page)[:3] == ("", [], "") and page.presenter.loaded is None


def test_a_scenario_saved_again_redone_after_discard_shows_it_as_saved(demo_window, prompts, qtbot):
    page = demo_window.show_tab("projects").show_commissioning()
    page.presenter.tick(ids(page)["Homeshield Plus"])
    assert page.save()  # the loaded scenario, written again under its name
    saved = shown(page)
    assert "Homeshield Plus" in saved[1] and saved[2] == "✓ as saved", saved
    demo_window.undo_action.trigger()
    assert "changed since saved" in page.status.text()
    prompts.unsaved_answers.append("discard")
    demo_window.redo_action.trigger()
    assert shown(page) == saved, shown(page)
