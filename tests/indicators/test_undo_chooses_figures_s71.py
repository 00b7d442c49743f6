"""Session 71: Edit > Undo of figures saved on the Indicators grid brought the indicator, area and year back into view
but left the grid's current cell where the officer had moved to (Forest Heath's Burglary: 7 saved for May-20 with
Save again, the keys moved on to Jan-21's comment; undone, May-20 was blank again and Jan-21's comment still chosen),
so nothing showed which figure went back. As the Budgets grid and the Projects register choose what an undo or redo
changed, the figures' cells are now chosen, the first current and in view; a first save leaves the keys where they
are."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc


def _chosen(grid) -> tuple[tuple[str, int], list[tuple[str, int]]]:
    return ((grid.keys[grid.currentRow()], grid.currentColumn()),
            sorted((grid.keys[i.row()], i.column()) for i in grid.selectedIndexes()))


def test_undo_and_redo_choose_the_figures_they_put_back(qtbot, demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("indicators")
    assert tab.select_area("district:forest-heath") and tab.select_year(FinancialYear(2020))
    assert tab.select_indicator("Burglary")
    grid = tab.grid
    labels = tab.presenter.figures.grid.labels
    may, jun, jan = labels.index("May-20"), labels.index("Jun-20"), labels.index("Jan-21")
    value = grid.keys.index(svc.GRID_VALUE)
    grid.edit_text(svc.GRID_VALUE, may, "7")
    grid.edit_text(svc.GRID_VALUE, jun, "9")
    grid.setCurrentCell(grid.keys.index(svc.GRID_COMMENT), jan)
    assert not tab.save_figures()  # Forest Heath ended in 2019: asked about once
    assert tab.save_figures()
    assert _chosen(grid)[0] == (svc.GRID_COMMENT, jan)  # saved: the keys stay where the officer left them
    demo_window.undo_action.trigger()
    assert grid.item(value, may).text() == "" and grid.item(value, jun).text() == ""
    assert _chosen(grid) == ((svc.GRID_VALUE, may), [(svc.GRID_VALUE, may), (svc.GRID_VALUE, jun)])
    grid.setCurrentCell(grid.keys.index(svc.GRID_COMMENT), jan)
    demo_window.redo_action.trigger()
    assert grid.item(value, may).text() == "7" and grid.item(value, jun).text() == "9"
    assert _chosen(grid) == ((svc.GRID_VALUE, may), [(svc.GRID_VALUE, may), (svc.GRID_VALUE, jun)])
