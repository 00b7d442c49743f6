"""Session 44 (in4): what the Indicators tab and the other areas' figures say when a figure is typed as an
officer would type it, and that what they say to do is then accepted."""

from __future__ import annotations

import pytest

from safer_desk.services import indicators as svc
from tests.indicators.test_tab import plymouth_tab

SATISFACTION = "Level Two \u201cist\u201d incidents satisfaction"


@pytest.mark.parametrize("typed, not_said, said", [
    # "5 of 0" said to give 5 as the numerator and 0 as the denominator, which Save then refused ("the denominator
    # cannot be 0"); "20 of 18" said to give 20 and 18 (refused as over 100%) or "the percentage itself (111.1%)".
    ("5 of 0", "give 5 as the numerator", "out of 0"),
    ("20 of 18", "give 20 as the numerator", "more than"),
    ("-5 of 18", "give -5 as the numerator", "below nothing"),
])
def test_a_proportion_that_cannot_be_a_percentage_is_not_told_to_go_where_it_is_refused(
        demo_window, prompts, typed, not_said, said):
    store = demo_window.session.store
    tab = plymouth_tab(demo_window)
    tab.select_indicator(SATISFACTION)
    before = store.conn.total_changes
    tab.grid.edit_text(svc.GRID_VALUE, 8, typed)
    assert not tab.save_figures()
    message = tab.grid_messages.text()
    assert "Dec-16" in message and not_said not in message and said in message, message
    assert "%)" not in message, message  # no percentage offered of two counts that give none
    assert store.conn.total_changes == before and tab.view.values[8] is None
    # What it does say to type is taken: the two counts checked, as numerator and denominator.
    tab.grid.edit_text(svc.GRID_VALUE, 8, "")
    tab.grid.edit_text(svc.GRID_NUMERATOR, 8, "16")
    tab.grid.edit_text(svc.GRID_DENOMINATOR, 8, "18")
    assert tab.save_figures(), tab.grid_messages.text()
    assert round(tab.view.values[8], 1) == 88.9
