"""A figure refused in an Allocation input cell holds up what was to follow (round 51): closing the window,
File > Save and Edit > Undo each put the typing in first, as Enter would; refused, the window stays open on it."""

from __future__ import annotations

from fractions import Fraction

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from safer_desk.services import allocation_workbench as bench
from tests.allocation.test_tab_round23 import type_in_cell


@pytest.fixture
def tab(demo_window):
    demo_window.show()
    return demo_window.show_tab("allocation")


def _still_typing(tab, text: str) -> None:
    view = tab.inputs_view
    assert view.state() == QAbstractItemView.State.EditingState
    assert view.indexWidget(view.currentIndex()).text() == text


def test_closing_with_a_refused_figure_in_a_cell_keeps_the_window_open(qtbot, demo_window, tab, prompts):
    # The refusal was shown, then the window closed anyway and the figure was gone.
    type_in_cell(qtbot, tab.inputs_view, tab.inputs_model.index(0, 2), "£5,000")
    assert demo_window.close() is False
    assert demo_window.isVisible()
    assert prompts.errors, "the refusal is said"
    _still_typing(tab, "£5,000")


def test_save_with_a_refused_figure_in_a_cell_does_not_say_nothing_to_save(qtbot, demo_window, tab, prompts):
    type_in_cell(qtbot, tab.inputs_view, tab.inputs_model.index(0, 2), "£5,000")
    assert demo_window.save_current() is False
    assert "Nothing to save" not in demo_window.statusBar().currentMessage()
    _still_typing(tab, "£5,000")


def test_undo_with_a_refused_figure_in_a_cell_undoes_nothing(qtbot, demo_window, tab, prompts):
    tab.edit_option("retain", "20")
    retained = tab.state.options.retain
    assert retained != 0.1
    type_in_cell(qtbot, tab.inputs_view, tab.inputs_model.index(0, 2), "£5,000")
    demo_window.undo_action.trigger()
    assert tab.state.options.retain == retained
    _still_typing(tab, "£5,000")


def test_a_figure_it_takes_is_still_put_in_before_closing(qtbot, demo_window, tab, prompts):
    type_in_cell(qtbot, tab.inputs_view, tab.inputs_model.index(0, 2), "5000")
    assert demo_window.finish_cell_edits() is True
    assert tab.inputs_view.state() != QAbstractItemView.State.EditingState
    assert tab.inputs_model.index(0, 2).data() in ("5,000", "5000"), tab.inputs_model.index(0, 2).data()


def _type_option(qtbot, tab, key: str, text: str):
    edit = tab.option_edits[key]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    return edit


@pytest.mark.parametrize("how", ["close", "save"])
def test_an_option_refused_on_closing_or_saving_stays_typed_as_on_enter(qtbot, demo_window, tab, prompts, how):
    """Session 55: an option field's figure refused on closing or File > Save was said, then the option's figure
    was put back in the field, so the typing was lost (the cells and Enter keep it). It stays, to be put right;
    asked again it is refused again; Esc puts the option's figure back and the window then closes."""
    edit = _type_option(qtbot, tab, "fixed_share", "1/0")
    held = tab.state.options
    done = demo_window.close() if how == "close" else demo_window.save_current()
    assert done is False and demo_window.isVisible()
    assert len(prompts.errors) == 1 and tab.state.options == held
    assert edit.text() == "1/0" and tab.has_unsaved_changes()
    assert demo_window.close() is False and edit.text() == "1/0" and len(prompts.errors) == 2
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert not tab.has_unsaved_changes()
    assert demo_window.close() is True


def test_an_option_taken_on_closing_is_shown_as_kept_beside_one_refused(qtbot, demo_window, tab, prompts):
    """One option put in and one refused on the same Save: the one taken is shown as the option now reads
    (20 as 20%), the one refused stays as typed."""
    _type_option(qtbot, tab, "retain", "20")
    edit = _type_option(qtbot, tab, "fixed_share", "1/0")
    assert demo_window.save_current() is False
    assert tab.state.options.retain == Fraction(1, 5)
    assert tab.option_edits["retain"].text() == bench.field_text(tab.state.options, "retain") and edit.text() == "1/0"
