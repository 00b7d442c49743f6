"""Costs windows on a council laptop, round 28 (1366x768, the window about 1366x760; at 150% about 910x480).

1. The Split dialog of a billed review was 760 wide whatever its grid needed (790, 868 once a refusal was dealt
   with): a sideways scroll, and the Status column cut ('Refused (Carried by the lead …'). At 150% the dialog can be
   no wider than the window, so the status words wrap instead. The dialog is as wide as its grid, within the window.
2. The lead authority's carried amount sat in the 'Re-split to them' column with no status, reading as a re-split.
   The column is 'Re-split or carried' and the lead authority's status says what it carries.
3. The review's form (New review…, Edit review…) opened 540 high whatever the window: at 150% on a 1366x768 laptop
   (512 high) its Save and Cancel were below the screen. Its fields scroll; the dialog fits inside the window.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

from safer_desk.services import dhr
from tests.costs.test_new_case_then_cost_line import button
from tests.costs.test_search_choice_round22 import reviews_page

TODAY = date(2018, 9, 1)
BILLED = "WSCSP-DHR-2017-01"  # £7,525.58 billed; the National Probation Service refused £684.14
LEAD = "Mid Suffolk District Council"
SIZES = [(1366, 760), (910, 480)]
SIZE_IDS = ["1366x768", "1366x768@150%"]


def billed_split(window, qtbot, size, handling: str | None):
    """The Split dialog of the billed review with the refusal re-split, carried or (None) not yet dealt with."""
    page = reviews_page(window, qtbot, TODAY)
    case_id = dhr.case_id_by_reference(page.store, BILLED)
    if handling:
        refused = next(s for s in dhr.list_shares(page.store, today=TODAY, case_id=case_id) if s.status == "refused")
        dhr.resolve_refusal(page.store, refused.id, handling, on="01/09/2018")
    window.resize(*size)
    page.presenter.reload()
    assert page.select_case(case_id)
    dialog = page.split_dialog()
    qtbot.waitUntil(dialog.isVisible)
    QApplication.processEvents()
    QApplication.processEvents()
    return dialog


def cell(dialog, partner: str, column: int) -> QLabel:
    grid = dialog.grid
    row = next(r for r in range(grid.rowCount()) if grid.itemAtPosition(r, 0) is not None
               and grid.itemAtPosition(r, 0).widget().text() == partner)
    return grid.itemAtPosition(row, column).widget()


def shown_whole(label: QLabel, scroll: QScrollArea) -> bool:
    """The label lies inside the scroll area's viewport and has the room its text needs."""
    if label.wordWrap():
        room = label.height() >= label.heightForWidth(label.width())
    else:
        room = label.width() >= label.sizeHint().width()
    left = label.mapTo(scroll.viewport(), label.rect().topLeft()).x()
    return room and left >= 0 and left + label.width() <= scroll.viewport().width()


@pytest.mark.parametrize("handling", [None, "re-split", "lead authority"])
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_the_billed_split_needs_no_sideways_scroll_and_shows_each_status_whole(demo_window, qtbot, size, handling):
    dialog = billed_split(demo_window, qtbot, size, handling)
    scroll = dialog.findChild(QScrollArea)
    assert dialog.width() <= size[0]
    assert scroll.horizontalScrollBar().maximum() == 0
    status = cell(dialog, "National Probation Service", 6)
    assert status.text().startswith("Refused (")
    assert shown_whole(status, scroll), status.text()
    assert shown_whole(cell(dialog, LEAD, 5), scroll)


def test_the_lead_authoritys_carried_amount_is_said_to_be_carried(demo_window, qtbot):
    dialog = billed_split(demo_window, qtbot, SIZES[0], "lead authority")
    assert dialog.header_labels[3].text() == "<b>Re-split or carried</b>"
    assert cell(dialog, LEAD, 3).text() == "£684.14"
    assert cell(dialog, LEAD, 6).text() == "Carries £684.14 refused, as lead authority"
    assert cell(dialog, "Babergh District Council", 6).text() == ""


def test_a_re_split_is_not_said_to_be_carried(demo_window, qtbot):
    dialog = billed_split(demo_window, qtbot, SIZES[0], "re-split")
    assert cell(dialog, LEAD, 3).text() in ("£68.41", "£68.42")  # a tenth of £684.14, to the penny
    assert cell(dialog, LEAD, 6).text() == ""


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_the_review_form_fits_inside_the_window_with_its_buttons(demo_window, qtbot, size):
    page = reviews_page(demo_window, qtbot, TODAY)
    demo_window.resize(*size)
    QApplication.processEvents()
    dialog = page.new_case_dialog()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.width() <= size[0] and dialog.height() <= size[1]
    save = button(dialog, "Save")
    bottom = save.mapTo(dialog, save.rect().bottomLeft()).y()
    assert bottom <= dialog.height()
