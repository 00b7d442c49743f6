"""Costs > Reviews as at a past day: the Changed since column sorts by the day of the change (s70).

As at 01/06/2018, WSCSP-DHR-2017-02's lines corrected on 15/07/2018 and 01/08/2018 and one deleted on 20/07/2018
sorted by Changed since came out "Corrected 01/08/2018", "Corrected 15/07/2018", "Deleted 20/07/2018": the column's
words were compared as text (Corrected before Deleted, then day-first dates by their day of the month), so the
officer reading what changed first read the last correction first.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from tests.costs.test_dhr_cost_line_versions_as_at_s70 import ASKED, TODAY, UNDER_WAY, chair_values


def lines_changed_on_three_days(store) -> None:
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    chair = dhr.add_cost_line(store, case_id, **chair_values())
    dhr.update_cost_line(store, chair, bill_again_on=date(2018, 8, 1), **chair_values(amount="1100"))
    admin = dhr.add_cost_line(store, case_id, **chair_values(category="Administration", amount="200",
                                                              description="Minutes"))
    dhr.update_cost_line(store, admin, bill_again_on=date(2018, 7, 15),
                         **chair_values(category="Administration", amount="250", description="Minutes"))
    room = dhr.add_cost_line(store, case_id, **chair_values(category="Venue", amount="80", description="Room hire"))
    dhr.delete_cost_line(store, room, bill_again_on=date(2018, 7, 20))
    dhr.add_cost_line(store, case_id, **chair_values(category="Travel", amount="12.50", description="Train"))


def test_the_presenter_gives_each_line_the_day_it_changed(demo_store):
    lines_changed_on_three_days(demo_store)
    page = DhrPresenter(demo_store, today=lambda: TODAY)
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    page.reload(select=case_id)
    assert page.choose_day(ASKED.strftime("%d/%m/%Y"))
    page.select(case_id)
    assert {line["category"]: DhrPresenter.since_day(line) for line in page.details().costs} == {
        "Independent chair/author": date(2018, 8, 1), "Administration": date(2018, 7, 15),
        "Venue": date(2018, 7, 20), "Travel": None}


def test_sorting_by_changed_since_orders_the_lines_by_the_day_they_changed(demo_window, qtbot):
    store = demo_window.session.store
    lines_changed_on_three_days(store)
    demo_window.resize(1366, 768)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.reviews
    page.today = TODAY
    page.as_at.edit.setFocus()
    page.as_at.edit.selectAll()
    qtbot.keyClicks(page.as_at.edit, ASKED.strftime("%d/%m/%Y"))
    qtbot.keyClick(page.as_at.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.presenter.as_at.past and not page.is_busy(), timeout=10000)
    assert page.cases.select_where(lambda c: c.reference == UNDER_WAY)
    qtbot.waitUntil(lambda: len(page.costs.source_rows()) == 4, timeout=10000)
    page.details.setCurrentWidget(page.costs.view)
    column = page.costs.model.column_index("since")
    view = page.costs.view
    view.horizontalHeader().setSortIndicator(column, Qt.SortOrder.AscendingOrder)
    shown = view.model()
    words = [shown.index(row, column).data() for row in range(shown.rowCount())]
    assert words == ["Corrected 15/07/2018: shown as it stood", "Deleted 20/07/2018: shown as it stood",
                     "Corrected 01/08/2018: shown as it stood", "", ""]  # the line as it stands, then the Total
    assert shown.index(shown.rowCount() - 1, 0).data() == "Total"
    view.horizontalHeader().setSortIndicator(column, Qt.SortOrder.DescendingOrder)
    words = [shown.index(row, column).data() for row in range(shown.rowCount())]
    assert words[:3] == ["Corrected 01/08/2018: shown as it stood", "Deleted 20/07/2018: shown as it stood",
                         "Corrected 15/07/2018: shown as it stood"]
    assert shown.index(shown.rowCount() - 1, 0).data() == "Total"
