"""Costs > Reviews as at a past day at 1093x582 (a 1366x768 laptop at 125%): the Changed since column in view (s70).

WSCSP-DHR-2017-02's chair's line (description "Independent chair and author: report drafting and panel meetings",
supplier "Standing Together Against Domestic Abuse Ltd") £1,350 corrected on 01/08/2018 to £1,100. As at 01/06/2018
the Costs page's Description and Supplier columns, sized to their words today, filled the table, and the Changed
since column ("Corrected 01/08/2018: shown as it stood") was past the right edge: the line read £1,350 like any line
as it stands unless the officer scrolled sideways, the very mix-up the column is there to stop. The free-text columns
now give up width (read whole by pointing at them) so the column's words are in view, and take it back when it goes.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from safer_desk.services import dhr
from tests.costs.test_dhr_cost_line_versions_as_at_s70 import ASKED, TODAY, UNDER_WAY, chair_values

LONG = {"description": "Independent chair and author: report drafting and panel meetings",
        "supplier": "Standing Together Against Domestic Abuse Ltd"}


def choose_day(page, qtbot, text: str) -> None:
    page.as_at.edit.setFocus()
    page.as_at.edit.selectAll()
    qtbot.keyClick(page.as_at.edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(page.as_at.edit, text)
    qtbot.keyClick(page.as_at.edit, Qt.Key.Key_Return)


def in_view(view, column: int) -> bool:
    """The column's cells are inside the table's visible part, wide enough for their words."""
    model = view.model()
    left = view.columnViewportPosition(column)
    words = max(view.fontMetrics().horizontalAdvance(str(model.index(r, column).data() or ""))
                for r in range(model.rowCount()))
    return not view.isColumnHidden(column) and left >= 0 and left + view.columnWidth(column) <= \
        view.viewport().width() and view.columnWidth(column) >= words


@pytest.mark.parametrize("narrowed", ["before the day is chosen", "after"])
def test_the_changed_since_words_are_in_view_on_a_laptop_and_the_columns_get_their_width_back(demo_window, qtbot,
                                                                                            narrowed):
    store = demo_window.session.store
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    line = dhr.add_cost_line(store, case_id, **chair_values(**LONG))
    dhr.update_cost_line(store, line, bill_again_on=date(2018, 8, 1), **chair_values(amount="1100", **LONG))
    demo_window.resize(1366, 768)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.reviews
    page.today = TODAY
    assert page.cases.select_where(lambda c: c.reference == UNDER_WAY)
    page.details.setCurrentWidget(page.costs.view)
    qtbot.waitUntil(lambda: any(row.get("amount_pence") == 110000 for row in page.costs.source_rows()), timeout=10000)
    view, model = page.costs.view, page.costs.model
    since, description = model.column_index("since"), model.column_index("description")
    today_width = view.columnWidth(description)
    if narrowed != "after":
        demo_window.resize(1093, 582)
        qtbot.waitUntil(lambda: view.viewport().width() < 1100, timeout=10000)

    choose_day(page, qtbot, ASKED.strftime("%d/%m/%Y"))
    qtbot.waitUntil(lambda: page.presenter.as_at.past and not page.is_busy(), timeout=10000)
    assert page.cases.select_where(lambda c: c.reference == UNDER_WAY)
    qtbot.waitUntil(lambda: any(row.get("amount_pence") == 135000 for row in page.costs.source_rows()), timeout=10000)
    assert in_view(view, since)  # at 1366x768 room enough
    demo_window.resize(1093, 582)  # a laptop at 125%
    qtbot.waitUntil(lambda: view.viewport().width() < 1100, timeout=10000)
    assert view.horizontalScrollBar().value() == 0
    assert in_view(view, since), (view.columnViewportPosition(since), view.columnWidth(since), view.viewport().width())
    for figures in ("amount_pence", "invoiced_on"):  # the figures stay in view too
        assert in_view(view, model.column_index(figures)), figures
    assert view.columnWidth(description) < today_width  # read whole by pointing at it

    choose_day(page, qtbot, "")  # today's list again: the column goes, the description has its width back
    qtbot.waitUntil(lambda: not page.presenter.as_at.past and not page.is_busy(), timeout=10000)
    assert page.cases.select_where(lambda c: c.reference == UNDER_WAY)
    qtbot.waitUntil(lambda: view.isColumnHidden(since), timeout=10000)
    assert view.columnWidth(description) == today_width
