"""Edit > Undo after choosing how the pot is set read "Undo change pot mode" (the option's key, not the words on the
screen), and after Rounding and Unit "Undo change rounding", "Undo change unit", where the typed options are named by
their fields' labels ("Undo change Retained %") (noticed by session 58's Allocation hunt)."""

from __future__ import annotations

import pytest


@pytest.fixture
def tab(demo_window):
    return demo_window.show_tab("allocation")


def test_the_pot_choice_and_the_rounding_are_named_as_the_tab_names_them(demo_window, tab):
    tab.pot_given.setChecked(True)
    assert demo_window.undo_action.text() == "&Undo change Pot given or last year's total less retained"
    tab.rounding_combo.setCurrentIndex((tab.rounding_combo.currentIndex() + 1) % tab.rounding_combo.count())
    assert demo_window.undo_action.text() == "&Undo change Rounding"
    tab.unit_combo.setCurrentIndex((tab.unit_combo.currentIndex() + 1) % tab.unit_combo.count())
    assert demo_window.undo_action.text() == "&Undo change Rounding unit"
