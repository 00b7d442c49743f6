"""Session 70: in the Projects register on a laptop at 150% (the window 910x480) the title column gave up width to
119 px so the columns up to Met stay in view, and its heading "Project / initiative", drawn bold by Qt over the
column a cell is chosen in, read "Project / initiati…". Every column kept 24 px beside its heading (Met 28) for a sort
arrow, though the arrow takes far less; now each keeps what its heading needs bold beside the arrow, as the style
draws it, and the title never goes below that: every heading reads whole and Met stays in view, also once a project
is added."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyle, QStyleOptionHeader

from tests.window_sizes import columns_out_of_view, resize_window

SIZES = [(910, 480), (1093, 582), (1366, 768)]
UP_TO_MET = ["Ref", "Project / initiative", "Status", "Funding route", "Cost", "Met"]


def _cut_headings(view) -> list[str]:
    """The shown headings whose text, bold and beside the sort arrow (any heading gets it when clicked), is wider than
    the room the style leaves it in its column."""
    header, model = view.horizontalHeader(), view.model()
    bold = QFont(header.font())
    bold.setBold(True)
    cut = []
    for c in range(model.columnCount()):
        if view.isColumnHidden(c) or c == model.columnCount() - 1:  # the last is stretched to the edge
            continue
        text = str(model.headerData(c, Qt.Orientation.Horizontal))
        option = QStyleOptionHeader()
        option.initFrom(header)
        option.state |= QStyle.StateFlag.State_Horizontal  # as the headings draw it: the arrow beside the words
        option.rect = QRect(0, 0, view.columnWidth(c), header.height())
        option.text, option.section = text, c
        option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
        label = header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header)
        if QFontMetrics(bold).horizontalAdvance(text) > label.width():
            cut.append(text)
    return cut


def _shown(window, qtbot, size):
    page = window.show_tab("projects").register
    resize_window(window, size)
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible(), timeout=3000)
    resize_window(window, size)
    return page


@pytest.mark.parametrize("size", SIZES, ids=["1366x768@150%", "1366x768@125%", "1366x768@100%"])
def test_every_register_heading_reads_whole_in_bold_and_met_stays_in_view(demo_window, qtbot, size):
    page = _shown(demo_window, qtbot, size)
    view = page.view
    view.setCurrentIndex(view.model().index(0, page.TITLE))  # its heading drawn bold
    assert _cut_headings(view) == []
    assert columns_out_of_view(view, UP_TO_MET) == []


def test_met_stays_in_view_at_150_percent_once_a_project_is_added(demo_window, qtbot):
    page = _shown(demo_window, qtbot, (910, 480))
    rows = page.proxy.rowCount()
    page.add_project()
    editor = page.editor
    qtbot.keyClicks(editor.widgets["title"], "Street Pastors night-time economy")
    assert page.save_editor()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == rows + 1, timeout=3000)
    qtbot.waitUntil(lambda: not page.view._follow.isActive(), timeout=3000)  # the widths have followed the rows
    assert _cut_headings(page.view) == []
    assert columns_out_of_view(page.view, UP_TO_MET) == []
