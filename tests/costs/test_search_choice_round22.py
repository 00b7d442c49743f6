"""Costs > Reviews: a search or filter that hides the case chosen clears the choice (round 22, h18 F3).

The page switched quietly to the case above the one chosen (Qt's current row once the chosen one was hidden), with
nothing highlighted, so the next Cost line… went to a case nobody chose. As the Projects register empties its editor
when its project is filtered out, the page now has no case chosen: the actions that need one say to choose one, and
nothing is written until a case is chosen again. A case the page chooses itself (one just added) is shown: the
filters that hid it are cleared. The detail tables act only on the row highlighted. Driven through the real widgets.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from safer_desk.services import dhr
from tests.costs.test_new_case_then_cost_line import button, field, open_dialog, type_into

LR = "WSCSP-LR-2017-01"
BILLED = "WSCSP-DHR-2017-01"


def reviews_page(window, qtbot, today: date):
    """The Reviews page of the window on a laptop's screen, read as on ``today`` (what is overdue)."""
    window.resize(1366, 768)
    window.show()
    tab = window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.reviews
    page.today = today
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    return page


@pytest.fixture
def page(demo_window, qtbot):
    return reviews_page(demo_window, qtbot, date(2018, 9, 1))


def references_shown(page) -> list[str]:
    return [c.reference for c in page.cases.source_rows()]


def highlighted(page) -> list[str]:
    return [c.reference for c in page.cases.selected_rows()]


def click_case(page, qtbot, reference: str) -> None:
    view = page.cases.view
    row = references_shown(page).index(reference)
    view.scrollTo(view.model().index(row, 0))
    where = view.visualRect(view.model().index(row, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert page.presenter.selected_case.reference == reference and highlighted(page) == [reference]


def search(page, qtbot, text: str, shown: int) -> None:
    page.search.setFocus()
    page.search.selectAll()
    if text:
        qtbot.keyClicks(page.search, text)
    else:
        qtbot.keyClick(page.search, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(references_shown(page)) == shown, timeout=5000)


def lines_by_case(page) -> dict[str, list[int]]:
    store = page.store
    return {c.reference: sorted(line["amount_pence"] for line in dhr.cost_lines(store, c.id))
            for c in dhr.list_cases(store, today=date(2018, 9, 1))}


def test_a_search_that_hides_the_chosen_case_clears_the_choice_and_no_line_goes_elsewhere(page, qtbot, prompts):
    before = lines_by_case(page)
    click_case(page, qtbot, LR)
    search(page, qtbot, "DHR", 3)
    assert page.presenter.selected is None and highlighted(page) == []  # not the case above it
    # no case's billing: only the line saying to choose one (s76)
    assert page.billing.text() == "Choose a case in the list to see its stages, costs, shares and payments below."
    assert page.stages.rows == [] and page.costs.rows == []
    search(page, qtbot, "", 4)
    assert page.presenter.selected is None and highlighted(page) == []
    qtbot.mouseClick(button(page, "Cost line"), Qt.MouseButton.LeftButton)
    assert prompts.errors[-1] == ("Choose first", "Select a case in the list first.")
    assert page.dialog is None or not page.dialog.isVisible()
    assert lines_by_case(page) == before  # nothing written to any case
    click_case(page, qtbot, LR)
    dialog = open_dialog(qtbot, page, "Cost line")
    assert dialog.windowTitle() == f"Cost line for {LR}"
    type_into(qtbot, field(dialog, "Amount"), "£500")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    after = lines_by_case(page)
    assert after[LR] == sorted(before[LR] + [50000])
    assert {k: v for k, v in after.items() if k != LR} == {k: v for k, v in before.items() if k != LR}


def test_a_search_that_keeps_the_chosen_case_keeps_it(page, qtbot):
    click_case(page, qtbot, "WSCSP-DHR-2017-02")
    search(page, qtbot, "DHR", 3)
    assert page.presenter.selected_case.reference == "WSCSP-DHR-2017-02"
    assert highlighted(page) == ["WSCSP-DHR-2017-02"]


@pytest.mark.parametrize("hide", ["district", "overdue"])
def test_the_district_and_overdue_filters_clear_a_choice_they_hide(page, qtbot, prompts, hide):
    click_case(page, qtbot, LR)  # Mid Suffolk, nothing overdue
    if hide == "district":
        page.district_filter.setCurrentText("Babergh")
    else:
        page.overdue_only.setChecked(True)
    assert LR not in references_shown(page)
    assert page.presenter.selected is None and highlighted(page) == []
    assert page.split_dialog() is None
    assert prompts.errors[-1] == ("Choose first", "Select a case in the list first.")


def test_a_case_just_added_while_a_search_hides_it_is_shown(page, qtbot):
    search(page, qtbot, "LR", 1)
    dialog = open_dialog(qtbot, page, "New case")
    type_into(qtbot, field(dialog, "Reference"), "WSCSP-DHR-2026-07")
    type_into(qtbot, field(dialog, "District"), "Babergh")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert page.presenter.selected_case.reference == "WSCSP-DHR-2026-07"
    assert highlighted(page) == ["WSCSP-DHR-2026-07"]  # the search cleared so the case chosen is the one in view
    assert page.search.text() == "" and len(references_shown(page)) == 5


def test_a_cost_line_filtered_out_of_view_is_not_corrected_in_its_place(page, qtbot, prompts):
    click_case(page, qtbot, BILLED)
    page.details.setCurrentIndex(1)
    lines = page.costs
    category = lines.model.column_index("category")
    chosen = next(r for r in lines.source_rows() if r["category"] == "Overview report writer")
    assert lines.select_where(lambda r: r["id"] == chosen["id"])
    lines.view.filter_column(category, "Independent")  # the right-click filter hides the line chosen
    assert [r["category"] for r in lines.source_rows()] == ["Independent chair/author"]
    assert page.edit_cost_line_dialog() is None  # not the line left in view, which nobody chose
    assert prompts.errors[-1] == ("Choose a cost line", "Select a cost line on the Costs page first.")
    lines.view.filter_column(category, "")
    assert page.edit_cost_line_dialog() is None  # the filter cleared chooses nothing by itself


def test_a_share_hidden_by_a_column_filter_takes_no_payment(page, qtbot, prompts):
    click_case(page, qtbot, BILLED)
    page.details.setCurrentIndex(2)
    shares = page.shares
    partner = shares.model.column_index("partner")
    last = shares.source_rows()[-1]
    shares.select_where(lambda s: s.partner == last.partner and s.kind == last.kind)
    shares.view.filter_column(partner, shares.source_rows()[0].partner)
    assert all(s.partner != last.partner for s in shares.source_rows())
    assert page.payment_dialog() is None
    assert prompts.errors[-1] == ("Choose a share", "Select a partner's share on the Shares and payments page.")
