"""Session 60: the Compare scenarios page at 1093x582 cut its Totals row in half.

The example's two 2009/10 scenarios compared: five partnerships and the Totals row, whose lower half (the pots'
difference, £0) was under the page's foot, while the inputs above kept their room. The height is shared for the
Compare page as for the Results page: its rows come first. Back on the Results, the inputs have their room again.
"""

from __future__ import annotations

import pytest

from tests.allocation.test_results_in_view_round38nhd import ROWS, _in_sight, _inputs_in_sight, _rows_in_sight, _settle
from tests.window_sizes import LAPTOP_SIZES, SIZE_IDS, resize_window


def _compared_in_sight(tab) -> list[str]:
    view, model = tab.compare_view, tab.compare_model
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())
            if _in_sight(view.viewport(), view.visualRect(model.index(r, 0)))]


@pytest.mark.parametrize("size", LAPTOP_SIZES, ids=SIZE_IDS)
def test_every_compared_row_and_the_totals_are_in_sight(demo_window, size):
    tab = demo_window.show_tab("allocation")
    resize_window(demo_window, size)
    tab.pages.setCurrentIndex(tab.pages.indexOf(tab.compare_view.parentWidget()))
    _settle()
    assert _compared_in_sight(tab) == ROWS
    assert _in_sight(tab.compare_note, tab.compare_note.rect())
    tab.pages.setCurrentIndex(0)  # the Results again: the inputs have their room back
    _settle()
    assert _rows_in_sight(tab) == ROWS
    assert _inputs_in_sight(tab) == [0, 1, 2, 3, 4]
