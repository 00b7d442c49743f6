"""A figure refused in an Allocation input cell holds up what was to follow (round 51): closing the window,
File > Save and Edit > Undo each put the typing in first, as Enter would; refused, the window stays open on it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractItemView

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
