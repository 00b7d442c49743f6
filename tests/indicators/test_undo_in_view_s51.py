"""Indicators, round 51: Ctrl+Z undid the figures of an indicator no longer in view and left the other one shown,
so nothing could be seen to change (and an officer pressed it again); the other tabs bring the record undone into
view. Its undo text now says the year the figures are of."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.ui.app import wait_until_idle
from tests.window_sizes import resize_window


def _shown(tab) -> str:
    view = tab.summary_view
    return view.model().index(view.currentIndex().row(), 1).data()


def test_undo_brings_the_indicator_whose_figures_it_undid_into_view(demo_window, qtbot, prompts):
    resize_window(demo_window, (1280, 800))
    tab = demo_window.show_tab("indicators")
    assert tab.select_area("district:plymouth") and tab.select_year(FinancialYear(2016))  # the paper's figures
    wait_until_idle(demo_window)
    grid = tab.grid
    first = _shown(tab)
    cell = grid.model().index(0, 0)
    before = cell.data()
    grid.edit_text(svc.GRID_VALUE, 0, "999")
    assert tab.save_figures()
    assert "2016/17" in demo_window.undo_action.text(), demo_window.undo_action.text()
    tab.summary_view.selectRow(3)
    wait_until_idle(demo_window)
    assert _shown(tab) != first
    demo_window.undo_action.trigger()
    wait_until_idle(demo_window)
    assert _shown(tab) == first
    assert grid.model().index(0, 0).data() == before
    demo_window.redo_action.trigger()
    wait_until_idle(demo_window)
    assert _shown(tab) == first and "999" in str(grid.model().index(0, 0).data())
