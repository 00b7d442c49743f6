"""Round 41 (mwd): the Pot typed as an officer would, with a paper's words and a paste's odd characters.

The field reads what money reads, as ``safer-desk allocate --pot`` does (see
tests/foundation/test_money_words_round41mwd.py): an estimate is the figure, a continental "2.500,00" is refused
saying what to type; what was typed stays in the field until Esc puts it back (session 54).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


def _type_pot(qtbot, tab, text: str) -> None:
    field = tab.option_edits["pot"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


@pytest.mark.parametrize("typed", ["£500,000 (est)", "about £500,000", "500\u00a0000", "+£500,000", "£0.5m"])
def test_the_pot_reads_an_estimate_and_a_pastes_spaces_as_the_figure(qtbot, demo_window, prompts, typed):
    tab = demo_window.show_tab("allocation")
    tab.pot_given.click()
    _type_pot(qtbot, tab, typed)
    assert prompts.errors == []
    assert tab.result is not None and tab.result.pot_pence == 500_000_00
    assert tab.option_edits["pot"].text() == "£500,000"


def test_a_continental_pot_is_refused_saying_what_to_type_and_esc_puts_the_field_back(qtbot, demo_window, prompts):
    tab = demo_window.show_tab("allocation")
    tab.pot_given.click()
    before = tab.option_edits["pot"].text()
    _type_pot(qtbot, tab, "500.000,00")
    assert prompts.errors and prompts.errors[-1][0] == "Allocation"
    assert prompts.errors[-1][1] == ("Pot: “500.000,00” is written with a comma before the pence and points for "
                                     "thousands, as much of Europe writes money: for pounds and pence, type "
                                     "£500,000.00.")
    assert tab.problem_label.text() == "⚠ " + prompts.errors[-1][1]
    assert tab.option_edits["pot"].text() == "500.000,00"  # kept to be put right (session 54)
    qtbot.keyClick(tab.option_edits["pot"], Qt.Key.Key_Escape)
    assert tab.option_edits["pot"].text() == before
