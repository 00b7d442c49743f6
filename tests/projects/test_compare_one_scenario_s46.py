"""Compare with only one scenario saved (session 46, seen in the window on the example file).

The example holds one saved commissioning scenario. Compare put it on both sides, showed it against itself (every
difference £0) and said "choose another to compare it with", when there is no other. It now says a second has to
be saved first, and shows no comparison. (Session 72: B lists nothing then and Compare is greyed, its tooltip
saying so: test_compare_needs_two_s72.)
"""

from __future__ import annotations

from tests.projects.test_commissioning_round39pjx import option_b


def test_compare_with_one_scenario_saved_asks_for_a_second(demo_window, qtbot):
    page = demo_window.show_tab("projects").show_commissioning()
    assert page.compare_a.count() == 1 and page.compare_b.count() == 0
    assert page.compare_button.toolTip() == \
        "Save a second scenario to compare this one with (Save as new… keeps both)."

    page.compare()  # as Compare's key would, were it not greyed

    assert page.message.text() == "Save a second scenario to compare this one with (Save as new… keeps both)."
    assert page.comparison.rows == []


def test_a_second_scenario_saved_then_compare_shows_both(demo_window, qtbot):
    page = option_b(demo_window, qtbot)
    page.compare_button.click()
    assert page.message.text() == ""
    assert "Homeshield Plus" in [r.title for r in page.comparison.rows]
