"""Session 71 (laptop): the Totals row in view under a note of seven lines at 1093x582.

With three factors weighed 1, 2 and 3 and a damping limit of ±1% the line above the results ran to seven lines at
1093x582 (the pot, the two-decimal rounding, the widened limit, the pence the limit cannot keep, the weights'
warning): the inputs gave up their room down to their least and still the results table ran past its page's foot,
Western CSP's row cut and the Totals row out of sight. The line now scrolls, at least two lines of it in view,
where the page has not the room for all of it beside every row and the Totals.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.allocation.test_results_in_view_round38nhd import ROWS, _in_sight, _rows_in_sight, _settle
from tests.window_sizes import resize_window

POPULATION = ["87,740", "128,300", "115,500", "124,300", "170,000"]
DEMAND = ["1,234", "2,345", "987", "876", "654"]


@pytest.fixture
def tab(demo_window):
    return demo_window.show_tab("allocation")


def _three_factors_damped(tab) -> None:
    for name, figures in (("Population", POPULATION), ("Non-crime demand", DEMAND)):
        tab.add_factor()
        assert tab.edit_factor(tab.factors_table.rowCount() - 1, 0, name)
        model = tab.inputs_model
        column = len(model.keys) - 2  # the new factor, before Last year
        for row, figure in enumerate(figures):
            assert model.setData(model.index(row, column), figure, Qt.ItemDataRole.EditRole)
    for row, weight in enumerate(("1", "2", "3")):
        assert tab.edit_factor(row, 1, weight)
    tab.edit_option("damping", "1")


@pytest.mark.parametrize("size", [(1093, 582), (1366, 768)], ids=["1093x582", "1366x768"])
def test_the_totals_row_is_in_view_under_a_long_note(demo_window, tab, size):
    _three_factors_damped(tab)
    resize_window(demo_window, size)
    _settle()
    note = tab.summary_label
    assert note.text().count("⚠") == 1 and "damping limit cannot be kept exactly" in note.text()
    assert _rows_in_sight(tab) == ROWS
    assert _in_sight(tab.results_view, tab.results_view.rect())
    # the note read whole: in sight, or its first two lines at least and the rest by scrolling it
    area = tab.summary_area
    assert _in_sight(area, area.rect())
    if not _in_sight(note, note.rect()):
        assert area.height() >= 2 * note.fontMetrics().lineSpacing()
        bar = area.verticalScrollBar()
        assert bar.isVisible() and bar.maximum() >= note.height() - area.viewport().height() > 0
