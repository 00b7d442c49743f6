"""Session 70: the bold heading of the chosen cell's column (Qt draws it bold) wrapped onto a line the heading row,
fitted to the normal font, had no room for: its top was cut off. Every heading is shown whole, bold or not."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.allocation.test_refusal_abandoned_s70 import _bcs_column
from tests.window_sizes import LAPTOP_SIZES, SIZE_IDS, resize_window


@pytest.fixture(params=[(1366, 768), (1093, 582)], ids=["1366x768", "1093x582"])
def tab(demo_window, request):
    demo_window.resize(*request.param)
    demo_window.show()
    return demo_window.show_tab("allocation")


def _heading_room(view, column: int, *, bold: bool) -> tuple[int, int]:
    """The height a column's heading needs, drawn as Qt draws it (bold when its column is selected), and the
    heading row's height."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QStyle

    header = view.horizontalHeader()
    font = header.font()
    font.setBold(bold)
    metrics = QFontMetrics(font)
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    heading = str(view.model().headerData(column, Qt.Orientation.Horizontal))
    width = view.columnWidth(column) - 2 * margin
    needed = metrics.boundingRect(QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), heading).height()
    return needed, header.height()


def test_a_selected_columns_bold_heading_is_shown_whole(qtbot, tab):
    """At 1366x768 the bold heading of the chosen cell's column "BCS comparator offences 2007-08" took a second line
    the heading row had no room for (fitted to the normal font): its top was cut off."""
    view = tab.inputs_view
    column = _bcs_column(tab)
    view.setCurrentIndex(tab.inputs_model.index(0, column))
    qtbot.waitUntil(lambda: not view._fit.isActive())
    for c in range(tab.inputs_model.columnCount()):
        for bold in (False, True):
            needed, height = _heading_room(view, c, bold=bold)
            assert height >= needed, (c, bold, needed, height)


@pytest.mark.parametrize("size", LAPTOP_SIZES, ids=SIZE_IDS)
def test_with_two_factors_every_heading_is_whole_when_its_column_is_chosen(qtbot, demo_window, size):
    """Two factors at 125%: the headings fitted in bold are too wide for the room beside the options, and are fitted
    to the normal font over two lines; the heading row is then as tall as the bold wraps them."""
    tab = demo_window.show_tab("allocation")
    tab.add_factor()
    tab.factors_table.item(1, 0).setText("Population")
    model = tab.inputs_model
    for row, figure in enumerate(["87,740", "128,300", "115,500", "124,300", "170,000"]):
        assert model.setData(model.index(row, len(model.keys) - 2), figure, Qt.ItemDataRole.EditRole)
    resize_window(demo_window, size)
    view = tab.inputs_view
    qtbot.waitUntil(lambda: not view._fit.isActive())
    for c in range(model.columnCount()):
        view.setCurrentIndex(model.index(0, c))
        needed, height = _heading_room(view, c, bold=True)
        assert height >= needed, (c, needed, height)
