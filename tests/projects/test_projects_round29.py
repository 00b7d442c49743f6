"""Projects and commissioning, round 29.

1. On a 1366x768 laptop at 150% (the window about 910x480) the Commissioning page needed a sideways scroll: the
   fund, the award, its year and the end of a range counted shared one row 972 pixels wide, and in the table the
   one-symbol criteria columns pushed Cost, Scale and Committed out of view. The award has a row of its own, the
   criteria columns keep to their headings and the title gives up width (its tooltip holds it whole). The
   register beside its editor had Cost cut at the table's edge ("£54,372 - £62,3") and Met out of view: its title
   gives up width the same way.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.projects.test_funders_editor import plymouth_new_funding_line
from tests.window_sizes import columns_out_of_view, resize_window, widget_in_window

AT_150 = (910, 480)  # 1366x768 at 150% (the window's least height is 420)


@pytest.mark.parametrize("size", [AT_150, (1093, 582)], ids=["1366x768@150%", "1366x768@125%"])
def test_the_commissioning_page_fits_a_laptop_at_150_percent_without_a_sideways_scroll(demo_window, qtbot, size):
    page = demo_window.show_tab("projects").show_commissioning()
    resize_window(demo_window, size)
    area = demo_window.tabs.currentWidget()
    assert not area.horizontalScrollBar().isVisible() and not area.verticalScrollBar().isVisible()
    controls = (page.scenarios, page.name, page.status, page.save_button, page.save_new_button, page.delete_button,
                page.fund, page.presets, page.award, page.award_year, page.range_end, page.summary,
                page.fits_button, page.export_button, page.print_button, page.compare_button)
    assert [w.accessibleName() for w in controls if not widget_in_window(w, demo_window)] == []
    assert columns_out_of_view(page.view, ["Fund?", "Ref", "Project / initiative", "Cost", "Scale", "Committed"]) == []
    title = page.view.columnWidth(page.TITLE)
    assert title >= page.view.fontMetrics().horizontalAdvance("Homeshield Plus") + 12
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 1).data() == "2")
    index = page.proxy.index(row, page.TITLE)
    # the title whole in its tooltip
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Suffolkwide Family Intervention Project (ASB & PPO Deter)"


def test_the_registers_cost_and_met_are_in_view_beside_the_editor_at_150_percent(demo_window, qtbot):
    page = demo_window.show_tab("projects").register
    resize_window(demo_window, AT_150)
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible(), timeout=3000)
    resize_window(demo_window, AT_150)
    assert columns_out_of_view(page.view, ["Ref", "Project / initiative", "Status", "Funding route", "Cost",
                                           "Met"]) == []
    assert page.view.columnWidth(page.TITLE) >= page.view.fontMetrics().horizontalAdvance("Homeshield Plus") + 12
    resize_window(demo_window, (1280, 690))  # room again: the title as wide as before
    assert page.view.columnWidth(page.TITLE) == page._title_width


def test_a_share_with_no_year_is_added_to_each_years_shares_when_the_editor_reads_them_back(demo_window, qtbot):
    """2. The Plymouth contract: OPCC (2017/18) £110,000 of £501,753; a second funder typed without a year,
    "Plymouth City Council: £400,000", makes £510,000 for 2017/18 (a scenario against the award counts a share with
    no year in every year), but the editor read the two as different years: no ⚠, and no word of the rest."""
    page, _project, sources = plymouth_new_funding_line(demo_window, qtbot)
    qtbot.keyClicks(sources, "Plymouth City Council: £400,000")
    assert page.editor.funders.text().splitlines()[-1] == (
        "⚠ The shares for 2017/18 add up to £510,000, more than the cost £501,753.")
    sources.undo()
    qtbot.keyClicks(sources, "Plymouth City Council: £300,000")
    assert page.editor.funders.text().splitlines()[-1] == "Other funders for 2017/18: £91,753."
    page.editor.presenter.discard()


def proposed(demo_window, qtbot, fund="£65,512"):
    """The Commissioning page with What fits? pressed on a new set against ``fund``."""
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("projects")
    page = tab.show_commissioning()
    qtbot.waitUntil(page.isVisible)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    page.fund.selectAll()
    qtbot.keyClicks(page.fund, fund)
    qtbot.mouseClick(page.fits_button, Qt.MouseButton.LeftButton)
    assert page.accept_button.isVisible()
    assert page.suggestion_label.text().startswith("Suggestion (not applied): 4 projects meeting 15 criteria in "
                                                   "total for £65,000, leaving £512: 6. Suffolk Strive")
    return tab, page


def test_a_suggestion_for_another_fund_is_not_offered_to_accept(demo_window, qtbot):
    """3. What fits? proposed £65,000 "leaving £512" of £65,512; the fund typed again as £30,000, the suggestion
    still said "leaving £512" and Accept ticked £65,000 against £30,000."""
    _tab, page = proposed(demo_window, qtbot)
    page.fund.selectAll()
    qtbot.keyClicks(page.fund, "£30,000")
    assert not page.accept_button.isVisible()
    assert page.suggestion_label.text() == ("The fund changed since What fits? proposed its suggestion: press What "
                                            "fits? again.")
    qtbot.mouseClick(page.fits_button, Qt.MouseButton.LeftButton)
    assert page.suggestion_label.text().startswith("Suggestion (not applied)")
    assert "leaving £512" not in page.suggestion_label.text()


def test_a_suggestion_made_before_a_project_it_names_was_deleted_is_not_offered_to_accept(demo_window, qtbot,
                                                                                          prompts):
    """4. Suffolk Strive deleted from the register after What fits? named it: the suggestion still named it,
    and Accept ticked the deleted project, committing £36,000 where the suggestion said £65,000."""
    tab, page = proposed(demo_window, qtbot)
    strive = page.suggestion.keys[0]
    tab.pages.setCurrentWidget(tab.register)
    tab.register.clear_filters()
    qtbot.keyClicks(tab.register.search, "Suffolk Strive")
    tab.register.view.selectRow(0)
    prompts.answers.append(True)
    tab.register.delete_selected()
    tab.show_commissioning()
    qtbot.waitUntil(lambda: not page.accept_button.isVisible(), timeout=3000)
    assert page.suggestion_label.text().startswith("The register changed since What fits? proposed")
    assert strive not in page.presenter.ticks


def test_the_comparison_is_counted_again_when_a_project_or_a_scenario_changes(demo_window, qtbot, prompts):
    """5. Compare kept the figures of when it was pressed: Recre8's cost corrected from £26,000 to £20,000 in the
    register, the comparison still said B commits £26,000 more (£91,000); the scenario B deleted, it still showed."""
    from tests.projects.test_commissioning_page import tick
    from tests.projects.test_funders_editor import select_title

    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("projects")
    page = tab.show_commissioning()
    qtbot.waitUntil(page.isVisible)
    tick(page, qtbot, "7")  # Recre8, beside the retained budget's two projects
    page.name.selectAll()
    qtbot.keyClicks(page.name, "With Recre8")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert (page.compare_a.currentText(), page.compare_b.currentText()) == (
        "Retained budget 2009/10: pilot and DV coordinators", "With Recre8")
    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)

    def shown(title):
        row = next(r for r in range(page.comparison.rowCount()) if page.comparison.index(r, 0).data() == title)
        return [page.comparison.index(row, c).data() for c in range(1, 4)]

    assert shown("Suffolk Recre8") == ["—", "£26,000", "£26,000"]
    tab.pages.setCurrentWidget(tab.register)
    select_title(tab.register, "Suffolk Recre8", qtbot)
    cost = tab.register.editor.widgets["cost"]
    cost.selectAll()
    qtbot.keyClicks(cost, "£20,000")
    qtbot.mouseClick(tab.register.editor.save_button, Qt.MouseButton.LeftButton)
    tab.show_commissioning()
    qtbot.waitUntil(lambda: shown("Suffolk Recre8") == ["—", "£20,000", "£20,000"], timeout=3000)
    assert shown("Total committed") == ["£65,000", "£85,000", "£20,000"]
    assert shown("Remaining") == ["£512", "-£19,488", "-£20,000"]
    prompts.answers.append(True)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)  # "With Recre8", the scenario loaded
    assert prompts.questions[-1][1] == "Delete the scenario “With Recre8”?"
    assert page.comparison.rowCount() == 0
