"""Round 38 (lap): the Allocation inputs whole at 1093×582, a 1366×768 laptop at 125%.

The inputs table showed three of its four columns (Partnership, Fixed units, the offences; Last year past the right
edge, reached by the scroll bar), and three of five with a second factor. Every column is now in view at the laptop
sizes, with the Suffolk 2009/10 example and with two factors, each figure and heading whole.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from tests.window_sizes import LAPTOP_SIZES, SIZE_IDS, column_titles, columns_out_of_view, resize_window

POPULATION = ["87,740", "128,300", "115,500", "124,300", "170,000"]  # five partnerships, in the example's order


@pytest.fixture
def tab(demo_window):
    return demo_window.show_tab("allocation")


def _whole(view) -> list[str]:
    """The columns whose heading or a figure is cut (elided), by heading."""
    model, header = view.model(), view.horizontalHeader()
    metrics = QFontMetrics(header.font())
    assert header.textElideMode() == Qt.TextElideMode.ElideNone  # Qt elides the heading as one line before wrapping
    cut = []
    for title, c in column_titles(view).items():
        width = view.columnWidth(c)
        cells = [str(model.index(r, c).data() or "") for r in range(model.rowCount())]
        if any(view.fontMetrics().horizontalAdvance(text) + 8 > width for text in cells):
            cut.append(title)
            continue
        words = max(metrics.horizontalAdvance(word) for word in title.split())
        wrapped = metrics.boundingRect(QRect(0, 0, width - 8, 1000), int(Qt.TextFlag.TextWordWrap), title)
        if words + 8 > width or wrapped.height() > header.height():
            cut.append(title)
    return cut


@pytest.mark.parametrize("size", LAPTOP_SIZES, ids=SIZE_IDS)
def test_every_input_column_is_in_view_with_the_suffolk_example(demo_window, tab, size):
    resize_window(demo_window, size)
    view = tab.inputs_view
    titles = list(column_titles(view))
    assert titles == ["Partnership", "Fixed units", "BCS comparator offences 2007-08", "Last year"]
    assert columns_out_of_view(view, titles) == []
    assert _whole(view) == []


@pytest.mark.parametrize("size", LAPTOP_SIZES, ids=SIZE_IDS)
def test_every_input_column_is_in_view_with_two_factors(qtbot, demo_window, tab, size):
    tab.add_factor()
    tab.factors_table.item(1, 0).setText("Population")
    model = tab.inputs_model
    column = len(model.keys) - 2  # the new factor, before Last year
    for row, figure in enumerate(POPULATION):
        assert model.setData(model.index(row, column), figure, Qt.ItemDataRole.EditRole)
    resize_window(demo_window, size)
    view = tab.inputs_view
    titles = list(column_titles(view))
    assert titles == ["Partnership", "Fixed units", "BCS comparator offences 2007-08", "Population", "Last year"]
    assert [model.index(r, column).data() for r in range(5)] == POPULATION
    assert columns_out_of_view(view, titles) == []
    assert _whole(view) == []
    assert tab.result is not None  # and the split is made with both


def test_a_factor_s_name_is_whole_in_its_tooltip(demo_window, tab):
    """The factors' column beside the inputs is narrow (its buttons under one another): a long name is elided there
    and read whole by pointing at it, as in the inputs' heading."""
    resize_window(demo_window, LAPTOP_SIZES[0])
    item = tab.factors_table.item(0, 0)
    assert item.text() == item.toolTip() == "BCS comparator offences 2007-08"
    assert tab.factors_table.visualItemRect(item).width() < tab.factors_table.fontMetrics().horizontalAdvance(
        item.text())
