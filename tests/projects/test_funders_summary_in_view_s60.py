"""Projects, round s60: the funders' summary under "Funding sources" on a laptop (1093x582, 1366x768 at 125%).

The editor's pane was held at 370 pixels while its form needed 416 (the cost lines' three buttons side by side): the
form ran on past the window's right edge, taking with it the right of each field, the end of each line of the
funders' summary, and the editor's scroll bar, so nothing showed the summary's lower lines could be scrolled to.
Widening the pane to 416 pushed the register's Met column out of view at 150%; the cost lines' *Use suggested
figure* now goes under the other two, so the form fits the pane, and the whole summary can be scrolled into view.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication

from tests.window_sizes import columns_out_of_view, resize_window

SOURCES = "\n".join(f"Funder number {i} with a long name for the summary (2017/18): £{i},000" for i in range(1, 9))


def _inside(widget, outer) -> bool:
    return QRect(QPoint(0, 0), outer.size()).contains(QRect(widget.mapTo(outer, QPoint(0, 0)), widget.size()))


@pytest.mark.parametrize("size", [(1093, 582), (910, 480)], ids=["1366x768@125%", "1366x768@150%"])
def test_the_last_line_of_the_funders_summary_can_be_brought_into_view(demo_window, qtbot, size):
    resize_window(demo_window, size)
    qtbot.waitExposed(demo_window)
    page = demo_window.show_tab("projects").register
    rows = [page.proxy.index(r, 1) for r in range(page.proxy.rowCount())]
    index = next(i for i in rows if i.data() == "Plymouth Domestic Abuse contract")
    page.view.scrollTo(index)
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=page.view.visualRect(index).center())
    editor = page.editor
    assert editor.project.title == "Plymouth Domestic Abuse contract"
    editor.widgets["funding_sources"].setPlainText(SOURCES)
    label, viewport, bar = editor.funders, editor.scroll.viewport(), editor.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: "Funder number 8" in label.text())
    assert len(label.text().splitlines()) >= 8

    def end_of_summary() -> int:
        return label.mapTo(editor.body, QPoint(0, label.height())).y()

    # the form (and its scroll bar) within the window: the summary's lines are not cut at the right
    assert _inside(editor.scroll, demo_window), (editor.scroll.mapTo(demo_window, QPoint(0, 0)), editor.scroll.size())
    assert bar.isVisible() and _inside(bar, demo_window)
    assert label.height() >= label.heightForWidth(label.width())  # no line cut at the foot of the label
    table = editor.cost_lines.table  # and the cost lines' figures, in view in a grid that is itself in the window
    assert table.mapTo(demo_window, QPoint(table.width(), 0)).x() <= demo_window.width()
    # the register beside it keeps its key columns (the pane is not widened at the register's expense)
    assert columns_out_of_view(page.view, ["Ref", "Project / initiative", "Status", "Cost", "Met"]) == []
    # the editor scrolls as far as the summary's last line
    qtbot.waitUntil(lambda: bar.maximum() >= end_of_summary() - viewport.height())
    bar.setValue(end_of_summary() - viewport.height())
    QApplication.processEvents()
    top, bottom = label.mapTo(viewport, QPoint(0, 0)), label.mapTo(viewport, QPoint(label.width(), label.height()))
    assert bottom.y() <= viewport.height() and top.x() >= 0 and bottom.x() <= viewport.width()
