"""Round 38 (nhd): every result row and the Totals row readable at 1093×582 with two factors.

With a second factor the line above the results (the pot, then the rounding's note and the weights' warning) ran to
three lines and more, and the results table, held at its least height (six rows), ran past the bottom of its page:
the Totals row was cut in half and the scroll bar under it out of sight, with no handle moved. Every partnership row
and the Totals row are now wholly in sight at the laptop sizes with the Suffolk 2009/10 example, with one factor or
two; a split the officer moved (``allocation/splitter``) is kept as they left it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from safer_desk.ui import settings
from safer_desk.ui.allocation.tab import SPLITTER_KEY
from tests.window_sizes import LAPTOP_SIZES, SIZE_IDS, resize_window

POPULATION = ["87,740", "128,300", "115,500", "124,300", "170,000"]  # five partnerships, in the example's order
ROWS = ["Babergh CSP", "Ipswich CSP", "Waveney CSP", "Suffolk Coastal CSP", "Western CSP", "Total"]


@pytest.fixture
def tab(demo_window):
    return demo_window.show_tab("allocation")


def _second_factor(tab) -> None:
    """Population as a second factor, its figures typed in (its weight left at 1, as added): as an officer does."""
    tab.add_factor()
    tab.factors_table.item(1, 0).setText("Population")
    model = tab.inputs_model
    column = len(model.keys) - 2  # the new factor, before Last year
    for row, figure in enumerate(POPULATION):
        assert model.setData(model.index(row, column), figure, Qt.ItemDataRole.EditRole)


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _in_sight(widget: QWidget, rect: QRect) -> bool:
    """The widget's rect (its own coordinates) wholly in sight: inside the widget and each of its parents (a child
    laid out past its parent's edge is cut there) up to the window."""
    at = QRect(rect)
    w = widget
    while w is not None:
        if not QRect(QPoint(0, 0), w.size()).contains(at):
            return False
        if w.isWindow():
            return True
        at.translate(w.pos())
        w = w.parentWidget()
    return True


def _rows_in_sight(tab) -> list[str]:
    """The result rows whose name cell is wholly in sight, by name."""
    view, proxy = tab.results_view, tab.results_proxy
    seen = []
    for r in range(proxy.rowCount()):
        index = proxy.index(r, 0)
        if _in_sight(view.viewport(), view.visualRect(index)):
            seen.append(str(index.data()))
    return seen


@pytest.mark.parametrize("size", LAPTOP_SIZES, ids=SIZE_IDS)
def test_every_result_row_is_in_sight_with_two_factors(demo_window, tab, size):
    resize_window(demo_window, size)
    _second_factor(tab)
    _settle()
    assert tab.summary_label.text().count("⚠") == 1  # the weights' warning: the line above runs long
    assert _in_sight(tab.summary_label, tab.summary_label.rect())
    assert _rows_in_sight(tab) == ROWS
    assert _in_sight(tab.results_view, tab.results_view.rect())  # its scroll bar too, to reach the factors' columns


@pytest.mark.parametrize("size", LAPTOP_SIZES, ids=SIZE_IDS)
def test_every_result_row_is_in_sight_with_the_example(demo_window, tab, size):
    resize_window(demo_window, size)
    _settle()
    assert _rows_in_sight(tab) == ROWS
    assert _in_sight(tab.results_view, tab.results_view.rect())


def _inputs_in_sight(tab) -> list[int]:
    view = tab.inputs_view
    return [r for r in range(tab.inputs_model.rowCount())
            if _in_sight(view.viewport(), view.visualRect(tab.inputs_model.index(r, 0)))]


def test_every_input_row_stays_in_sight_with_the_example(demo_window, tab):
    """The results' room is not taken from the inputs when both have it: the five partnerships in sight."""
    resize_window(demo_window, LAPTOP_SIZES[0])
    _settle()
    assert _inputs_in_sight(tab) == [0, 1, 2, 3, 4]


def test_the_inputs_have_their_room_again_when_the_second_factor_goes(qtbot, demo_window, tab):
    """At 1093x582 the second factor's longer line takes some of the inputs' room (the results come first); the
    factor removed, the room is theirs again: the five partnerships and every result row in sight."""
    resize_window(demo_window, LAPTOP_SIZES[0])
    _second_factor(tab)
    _settle()
    assert _rows_in_sight(tab) == ROWS
    tab.factors_table.setCurrentCell(1, 0)
    tab.remove_factor()
    _settle()
    assert "⚠" not in tab.summary_label.text()
    assert _inputs_in_sight(tab) == [0, 1, 2, 3, 4]
    assert _rows_in_sight(tab) == ROWS


def test_a_split_the_officer_moved_is_kept(qtbot, window, demo_path):
    """Dragged a little towards the inputs, the split stays where it was left when the second factor's longer line
    comes (the results would want more)."""
    assert window.open_path(demo_path)
    tab = window.show_tab("allocation")
    resize_window(window, LAPTOP_SIZES[0])
    top, pages = tab.splitter.sizes()
    tab.splitter.moveSplitter(top - 6, 1)  # as the officer's drag of the handle does
    _settle()
    left = tab.splitter.sizes()
    assert left == [top - 6, pages + 6] and not settings.read_bytes(SPLITTER_KEY).isEmpty()
    _second_factor(tab)
    _settle()
    assert tab.splitter.sizes() == left
