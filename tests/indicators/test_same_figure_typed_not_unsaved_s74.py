"""Session 74 (figures): typing 349.0 (or 0349) over April's 349 in the grid marked the figures unsaved: Save Figures
and Discard Typed lit, the title's unsaved mark showed, and choosing another area asked "Figures of All crime for
Babergh, 2025/26 have unsaved changes in Apr-25", though Save Figures then wrote nothing. A figure typed another way
that is the figure held is not a change."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc


def test_the_figure_held_typed_another_way_leaves_nothing_unsaved(demo_window, prompts):
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:babergh")
    tab.select_indicator("All crime")
    tab.select_year(FinancialYear(2025))
    assert tab.view.values[0] == 349
    for typed in ("349.0", "0349", "349.00"):
        tab.grid.edit_text(svc.GRID_VALUE, 0, typed)
        assert not tab.presenter.figures.is_dirty, typed
        assert not tab.save_button.isEnabled() and not tab.discard_button.isEnabled()
    assert tab.select_area("district:ipswich")
    assert prompts.unsaved_questions == [] and prompts.questions == []
    # Another figure is still a change, asked about as before.
    tab.select_area("district:babergh")
    tab.grid.edit_text(svc.GRID_VALUE, 0, "350")
    assert tab.presenter.figures.is_dirty and tab.save_button.isEnabled()
    tab.grid.edit_text(svc.GRID_VALUE, 0, "12%")  # not read: still typed, not taken for the figure held
    assert tab.presenter.figures.is_dirty
