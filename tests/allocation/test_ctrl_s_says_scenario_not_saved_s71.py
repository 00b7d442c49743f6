"""Session 71 (coordinator): Ctrl+S on the Allocation tab said "Nothing to save: every change is already in the file."
while the tab said "⚠ changed since saved" (or "⚠ not saved as a scenario").

The working inputs are kept in the file at every change, so nothing is lost; but the scenario is not changed, and the
board report takes the agreed scenario as saved. An officer who changed the example's agreed Option 2 and pressed
Ctrl+S read that everything was saved. Ctrl+S now says the scenario is not changed and that Save keeps the inputs in
it (or, with none, as a new one); with nothing changed since saved it says, as before, there is nothing to save.
"""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.allocation import AllocationPresenter
from safer_desk.services import allocation_workbench as bench

NOTHING = "Nothing to save: every change is already in the file."


def test_the_presenter_says_what_ctrl_s_leaves_unsaved(demo_store):
    presenter = AllocationPresenter(demo_store, perform=ActionLog())
    assert presenter.ctrl_s_words() == ""  # as saved: nothing to say but the window's own words
    presenter.edit(lambda s: bench.with_option(s, "fixed_share", "25%"), "Fixed share")
    words = presenter.ctrl_s_words()
    assert words.startswith(f"Not saved in {presenter.loaded.title}: ")
    assert "press Save (Alt+S)" in words


def test_ctrl_s_on_the_tab_says_it(demo_window, qtbot):
    tab = demo_window.show_tab("allocation")
    demo_window.save_action.trigger()
    assert demo_window.statusBar().currentMessage() == NOTHING
    tab.edit_option("fixed_share", "25%")
    assert tab.presenter.status_text() == "changed since saved"
    demo_window.save_action.trigger()
    said = demo_window.statusBar().currentMessage()
    assert said != NOTHING and "press Save (Alt+S)" in said


def test_a_figure_typed_and_put_in_by_ctrl_s_is_not_said_to_be_saved_in_the_scenario(demo_window, qtbot):
    tab = demo_window.show_tab("allocation")
    field = tab.option_edits["fixed_share"]
    field.setText("25%")  # typed, not yet put in
    demo_window.save_action.trigger()
    assert tab.presenter.status_text() == "changed since saved"
    said = demo_window.statusBar().currentMessage()
    assert said != "Saved." and "press Save (Alt+S)" in said
