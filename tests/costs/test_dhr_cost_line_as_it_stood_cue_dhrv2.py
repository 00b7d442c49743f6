"""A cost line listed as it stood on a past day says so beside it (s70).

WSCSP-DHR-2017-02's chair's £1,350 dated 10/05/2018 was corrected on 01/08/2018 to £1,100. On Costs > Reviews as at
01/06/2018 the line reads £1,350, as it stood, but looked like any other line: nothing told the officer it was not the
line as it stands (only trying to edit it said so), so a figure read from the page could be taken for today's.
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from tests.costs.test_dhr_cost_line_versions_as_at_s70 import ASKED, TODAY, UNDER_WAY, chair_values, \
    with_a_line_corrected


def since_words(store, day: date | None) -> dict[int, str]:
    page = DhrPresenter(store, today=lambda: TODAY)
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    page.reload(select=case_id)
    if day is not None:
        assert page.choose_day(day.strftime("%d/%m/%Y"))
    page.select(case_id)
    return {line["amount_pence"]: line["since"] for line in page.details().costs
            if line.get("description") in ("Chair's fee", "Room hire")}


def test_a_line_corrected_or_deleted_since_the_day_shown_says_so(demo_store):
    case_id, _ = with_a_line_corrected(demo_store)
    room = dhr.add_cost_line(demo_store, case_id, **chair_values(category="Venue", amount="80",
                                                                  description="Room hire"))
    dhr.delete_cost_line(demo_store, room, bill_again_on=date(2018, 9, 3))
    assert since_words(demo_store, ASKED) == {135000: "Corrected 01/08/2018: shown as it stood",
                                              8000: "Deleted 03/09/2018: shown as it stood"}
    assert since_words(demo_store, date(2018, 8, 2)) == {110000: "", 8000: "Deleted 03/09/2018: shown as it stood"}
    assert since_words(demo_store, None) == {110000: ""}


def test_the_costs_page_shows_it_in_a_column_only_as_at_a_past_day(demo_window, qtbot):
    from PySide6.QtCore import Qt

    store = demo_window.session.store
    with_a_line_corrected(store)
    demo_window.resize(1366, 768)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.reviews
    page.today = TODAY
    assert page.cases.select_where(lambda c: c.reference == UNDER_WAY)
    qtbot.waitUntil(lambda: any(line.get("description") == "Chair's fee" for line in page.costs.source_rows()),
                    timeout=10000)
    model, column = page.costs.model, page.costs.model.column_index("since")
    assert page.costs.view.isColumnHidden(column)  # today: every line as it stands
    page.as_at.edit.setFocus()
    page.as_at.edit.selectAll()
    qtbot.keyClicks(page.as_at.edit, ASKED.strftime("%d/%m/%Y"))
    qtbot.keyClick(page.as_at.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.presenter.as_at.past and not page.is_busy(), timeout=10000)
    assert page.cases.select_where(lambda c: c.reference == UNDER_WAY)
    qtbot.waitUntil(lambda: any(line.get("amount_pence") == 135000 for line in page.costs.source_rows()),
                    timeout=10000)
    assert not page.costs.view.isColumnHidden(column)
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Independent chair/author")
    cell = model.index(row, column)
    assert cell.data() == "Corrected 01/08/2018: shown as it stood"
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("The Independent chair/author cost of £1,350 was corrected on 01/08/2018")
