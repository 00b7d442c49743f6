"""Allocation, round 42 (exa): the tab used as a county lead would.

1. The Top-slice page's figures typed to try another grant went back to the saved top-slice's, without a word,
   whenever a scenario was saved (or the file changed under the tab): the page's breakdown went back with them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.allocation.test_tab import edit_cell


def type_in_field(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # editingFinished: the breakdown worked out again


def test_top_slice_figures_typed_stay_when_a_scenario_is_saved(qtbot, demo_window, prompts):
    """1. Seed 000's £2,900,692 grant tried as £1,000,000 over seven partners; then the allocation is saved as a new
    scenario: the page still shows the grant and the partners typed, and their breakdown."""
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("allocation")
    tab.pages.setCurrentIndex(3)
    type_in_field(qtbot, tab.top_fields["total"], "£1,000,000")
    type_in_field(qtbot, tab.top_fields["partners"], "7")
    lines = dict(tab.top_slice_model.rows)
    assert lines["Total"] == 1_000_000_00 and lines["Each of 7 partners (equal share)"] == 64_285_71
    tab.pages.setCurrentIndex(0)
    edit_cell(qtbot, tab, 0, 2, "2500")
    tab.scenario_name.setText("Option 3")
    tab.save_scenario_as_new()
    assert not prompts.errors
    assert tab.scenario_combo.currentText().startswith("2009/10 — Option 3")
    assert (tab.top_fields["total"].text(), tab.top_fields["partners"].text()) == ("£1,000,000", "7")
    assert dict(tab.top_slice_model.rows) == lines
    demo_window.session.notify("")  # the file changed under the tab (a merge): the saved top-slice is as it was
    assert tab.top_fields["total"].text() == "£1,000,000" and dict(tab.top_slice_model.rows) == lines
    demo_window.undo_action.trigger()  # the save undone: the list again, the figures typed still there
    assert tab.top_fields["total"].text() == "£1,000,000" and dict(tab.top_slice_model.rows) == lines


def test_choosing_a_saved_top_slice_still_puts_its_figures_in(qtbot, demo_window):
    """The other way: the saved top-slice chosen again from the list puts its figures back (the PRG's £2,900,692)."""
    tab = demo_window.show_tab("allocation")
    type_in_field(qtbot, tab.top_fields["total"], "£1,000,000")
    combo = tab.top_slice_combo
    assert combo.count() == 1
    combo.currentIndexChanged.emit(0)  # chosen again in the list (the demo file holds the one)
    assert tab.top_fields["total"].text() == "£2,900,692"
    assert dict(tab.top_slice_model.rows)["Each of 9 partners (equal share)"] == 145_034_60
