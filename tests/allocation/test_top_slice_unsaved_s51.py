"""Top-slice figures typed and not saved (round 51): closing the window dropped a corrected grant without a word,
no "*" in the title; the guide says what is typed and not saved is marked and asked about."""

from __future__ import annotations

from safer_desk.presenters.screens import UnsavedChoice
from tests.allocation.test_allocation_round42exa import type_in_field
from tests.allocation.test_top_slice_save_round42tsv import next_years_grant, saved, top_slice_page


def test_top_slice_figures_typed_are_marked_and_asked_about_on_closing(qtbot, demo_window, prompts):
    tab = top_slice_page(demo_window, qtbot)
    assert not demo_window.has_unsaved_changes()
    next_years_grant(qtbot, tab)
    assert demo_window.has_unsaved_changes()
    assert demo_window.isWindowModified()
    prompts.unsaved_answers.append(UnsavedChoice.CANCEL)
    assert demo_window.close() is False
    assert prompts.unsaved_questions and "Top-slice" in prompts.unsaved_questions[-1][1], prompts.unsaved_questions
    assert tab.top_fields["total"].text() == "£3,100,000"


def test_save_puts_the_typed_figures_in_the_chosen_saved_top_slice(qtbot, demo_window, prompts):
    tab = top_slice_page(demo_window, qtbot)
    chosen = tab.top_slice_combo.currentText()
    next_years_grant(qtbot, tab)
    prompts.unsaved_answers.append(UnsavedChoice.SAVE)
    assert demo_window.may_close_file()
    item = saved(demo_window)[chosen]
    assert item.total_pence == 3_100_000_00 and item.partners == 8
    assert not demo_window.has_unsaved_changes()


def test_discard_puts_the_saved_figures_back(qtbot, demo_window, prompts):
    tab = top_slice_page(demo_window, qtbot)
    chosen = tab.top_slice_combo.currentText()
    before = saved(demo_window)[chosen]
    next_years_grant(qtbot, tab)
    prompts.unsaved_answers.append(UnsavedChoice.DISCARD)
    assert demo_window.may_close_file()
    assert saved(demo_window)[chosen] == before
    assert not tab.has_unsaved_changes()


def test_the_same_figure_typed_another_way_is_nothing_unsaved(qtbot, demo_window, prompts):
    tab = top_slice_page(demo_window, qtbot)
    shown = tab.top_fields["partners"].text()
    type_in_field(qtbot, tab.top_fields["partners"], f" {shown} ")
    assert not tab.has_unsaved_changes()
