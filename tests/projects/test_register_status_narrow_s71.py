"""Session 71: at 910x480 (a laptop at 150%, the editor beside the register) a file with a cost range
("£54,372 - £62,372") and a commissioned project reads "Commissi…" in the Status column, the columns up to Met kept in
view first. Where Status is cut, pointing at it says the whole word, and sorted by Status its heading and arrow read
whole; at 1093x582 and 1366x768 the statuses read whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.kit.test_cut_cell_tooltip_s69 import pointed_at
from tests.projects.test_register_heading_bold_s70 import UP_TO_MET, _cut_headings
from tests.projects.test_register_status_whole_s70 import _statuses_cut
from tests.window_sizes import column_titles, columns_out_of_view, resize_window

SIZES = [(910, 480), (1093, 582), (1366, 768)]


def _commissioned(window, qtbot, size):
    page = window.show_tab("projects").register
    resize_window(window, size)
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible(), timeout=3000)
    resize_window(window, size)
    ranged = next(i for i in range(page.proxy.rowCount()) if " - " in page.project_at(i).cost_text)
    page.select_project(page.project_at(ranged).id)
    page.presenter.editor.set_value("status", "commissioned")
    assert page.save_editor()
    return page


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("sorted_by", ["Ref", "Status"])
def test_a_commissioned_status_beside_a_cost_range_is_read_whole_or_pointed_at(demo_window, qtbot, size, sorted_by):
    page = _commissioned(demo_window, qtbot, size)
    view = page.view
    status = column_titles(view)["Status"]
    view.sortByColumn(column_titles(view)[sorted_by], Qt.SortOrder.AscendingOrder)
    resize_window(demo_window, size)
    assert columns_out_of_view(view, UP_TO_MET) == []
    assert _cut_headings(view) == []  # Status's heading and its sort arrow whole, whichever column is sorted
    assert view.horizontalHeader().sortIndicatorSection() == column_titles(view)[sorted_by]
    if size != (910, 480):
        assert _statuses_cut(page) == []
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, status).data() == "Commissioned")
    cell = page.proxy.index(row, status)
    if _statuses_cut(page):
        assert pointed_at(qtbot, view, cell) == "Commissioned"
    else:
        assert pointed_at(qtbot, view, cell) == ""
