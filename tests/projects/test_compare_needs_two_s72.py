"""Session 72: Commissioning's Compare with one scenario saved (the example file's own state).

The one saved scenario stood in both lists, A and B, "Retained budget 2009/10: pilot and DV coordinators" against
itself, and Compare looked ready; only pressing it said a second had to be saved. B now lists nothing while fewer
than two are saved ("save a second scenario to compare" in its place) and Compare is greyed, its tooltip saying why;
a second saved (Save as new…) is put in B at once and Compare works; one deleted again greys it again."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.projects.test_commissioning_round39pjx import option_b

RETAINED = "Retained budget 2009/10: pilot and DV coordinators"
WHY = "Save a second scenario to compare this one with (Save as new… keeps both)."


def test_one_saved_scenario_is_not_offered_against_itself(demo_window, qtbot):
    page = demo_window.show_tab("projects").show_commissioning()
    assert page.compare_a.currentText() == RETAINED
    assert page.compare_b.count() == 0 and page.compare_b.currentText() == ""
    assert page.compare_b.placeholderText() == "(save a second scenario to compare)"
    assert not page.compare_button.isEnabled() and not page.compare_b.isEnabled()
    assert page.compare_button.toolTip() == WHY
    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)  # greyed: nothing compared
    assert page.comparison.rows == []


def test_a_second_saved_is_put_beside_the_first_and_deleting_it_greys_compare_again(demo_window, qtbot, prompts):
    page = option_b(demo_window, qtbot)
    assert (page.compare_a.currentText(), page.compare_b.currentText()) in (
        ("Option B", RETAINED), (RETAINED, "Option B"))
    assert page.compare_button.isEnabled() and page.compare_b.isEnabled()
    assert page.compare_button.toolTip() == ""
    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)
    assert "Homeshield Plus" in [r.title for r in page.comparison.rows]
    prompts.answers.append(True)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)  # Option B, the scenario on the page
    assert [page.compare_a.itemText(i) for i in range(page.compare_a.count())] == [RETAINED]
    assert page.compare_b.count() == 0 and not page.compare_button.isEnabled()
    assert page.comparison.rows == []
