"""The laptop sizes of issue 15 and checks that what matters is within view at them.

1366x768 at 125% leaves the window about 1093x582 logical pixels; 1920x1080 at 150% about 1280x690.
``columns_in_view`` says which of a table's named columns are not wholly inside its viewport without
horizontal scrolling (a frozen first column counts as in view); ``widget_in_window`` whether a widget is
shown wholly inside the window.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

LAPTOP_SIZES = [(1093, 582), (1280, 690)]
SIZE_IDS = ["1366x768@125%", "1920x1080@150%"]


def resize_window(window: QWidget, size: tuple[int, int]) -> None:
    """Show, resize and let the layouts settle (two passes: a splitter sizes its panes after the first)."""
    window.resize(*size)
    if not window.isVisible():
        window.show()
    QApplication.processEvents()
    QApplication.processEvents()


def column_titles(view: QAbstractItemView) -> dict[str, int]:
    model = view.model()
    return {str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "").replace("&", ""): c
            for c in range(model.columnCount())}


def columns_out_of_view(view: QAbstractItemView, titles: list[str]) -> list[str]:
    """The titles among ``titles`` whose column is hidden, missing or not wholly within the viewport.

    Read with the horizontal scroll bar at the start, as a person first sees the table.
    """
    view.horizontalScrollBar().setValue(0)
    QApplication.processEvents()
    found = column_titles(view)
    width = view.viewport().width()
    header = view.horizontalHeader()
    missing = []
    for title in titles:
        column = found.get(title)
        if column is None or view.isColumnHidden(column):
            missing.append(title)
            continue
        left = header.sectionViewportPosition(column)
        if left < 0 or left + header.sectionSize(column) > width:
            missing.append(title)
    return missing


def widget_in_window(widget: QWidget, window: QWidget) -> bool:
    """True when ``widget`` is shown and its whole rectangle lies inside ``window``."""
    if not widget.isVisible():
        return False
    top_left = widget.mapTo(window, QPoint(0, 0))
    return QRect(QPoint(0, 0), window.size()).contains(QRect(top_left, widget.size()))


def rows_in_view(view: QAbstractItemView) -> int:
    """How many rows of the view are wholly visible (at least one, when it has rows, so the person sees data)."""
    model = view.model()
    height = view.viewport().height()
    shown = 0
    for row in range(model.rowCount()):
        rect = view.visualRect(model.index(row, 0))
        if rect.top() >= 0 and rect.bottom() <= height:
            shown += 1
    return shown
