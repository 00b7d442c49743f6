"""Costs > Reviews > Split… of a billed review: a share written off left its row not adding up (session 66's hunt).

Suffolk County Council paid £400.00 of its £684.14 share and the rest, £284.14, was written off. The billed split
grid read "Suffolk County Council | £684.14 | | | £400.00 | Written off": the Refused column held only refusals, so
nothing on the row said where £284.14 had gone between the share and the net (the net took it off, as the Ledger
does). The column is now *Refused or written off*, as the board report's per-partner table has it, and a written-off
amount is shown there, so each row reads share + re-split − refused or written off = net.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from safer_desk.services import dhr
from tests.costs.test_costs_ui_round28 import BILLED, SIZE_IDS, SIZES, TODAY, cell
from tests.costs.test_search_choice_round22 import reviews_page

COUNTY = "Suffolk County Council"  # paid £400.00 of £684.14 in the example


def written_off_split(window, qtbot, size):
    page = reviews_page(window, qtbot, TODAY)
    case_id = dhr.case_id_by_reference(page.store, BILLED)
    county = next(s for s in dhr.list_shares(page.store, today=TODAY, case_id=case_id) if s.partner == COUNTY)
    dhr.write_off_share(page.store, county.id, on="20/08/2018", reason="Agreed at the SSCG")
    window.resize(*size)
    page.presenter.reload()
    assert page.select_case(case_id)
    dialog = page.split_dialog()
    qtbot.waitUntil(dialog.isVisible)
    QApplication.processEvents()
    return dialog


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_the_written_off_amount_is_on_the_partners_row(demo_window, qtbot, size):
    dialog = written_off_split(demo_window, qtbot, size)
    assert dialog.header_labels[4].text() == "<b>Refused or written off</b>"
    assert [cell(dialog, COUNTY, c).text() for c in (2, 4, 5, 6)] == ["£684.14", "−£284.14", "£400.00", "Written off"]
    assert cell(dialog, COUNTY, 4).accessibleName() == f"Refused or written off for {COUNTY}"
    refused = cell(dialog, "National Probation Service", 4)
    assert (refused.text(), cell(dialog, "National Probation Service", 5).text()) == ("−£684.14", "£0.00")
    scroll = dialog.grid_holder.parentWidget().parentWidget()
    assert scroll.horizontalScrollBar().maximum() == 0  # the longer heading needs no sideways scroll
    dialog.reject()
