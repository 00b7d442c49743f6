"""Session 70: on a laptop at 150% (the window 910x480) the Commissioning page's title column gave up width down to
about 18 letters (session 68's rule), narrower than its heading "Project / initiative" drawn bold, as Qt draws the
heading of the column a cell is chosen in: the heading was cut ("Project / initiati"). The title still gives up
width first, but never below its heading in bold."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from safer_desk.ui.kit.table_view import HEADING_PAD
from tests.window_sizes import columns_out_of_view, resize_window


def _bold_heading_width(view, column: int) -> int:
    header = view.horizontalHeader()
    bold = QFont(header.font())
    bold.setBold(True)
    heading = str(view.model().headerData(column, Qt.Orientation.Horizontal))
    return QFontMetrics(bold).horizontalAdvance(heading) + HEADING_PAD


@pytest.mark.parametrize("size", [(910, 480), (1093, 582)], ids=["1366x768@150%", "1366x768@125%"])
def test_the_title_column_keeps_its_bold_heading_whole(demo_window, qtbot, size):
    page = demo_window.show_tab("projects").show_commissioning()
    resize_window(demo_window, size)
    view = page.view
    assert view.model().headerData(page.TITLE, Qt.Orientation.Horizontal) == "Project / initiative"
    view.setCurrentIndex(view.model().index(0, page.TITLE))  # its heading drawn bold
    assert view.columnWidth(page.TITLE) >= _bold_heading_width(view, page.TITLE)
    assert columns_out_of_view(view, ["Fund?", "Ref", "Project / initiative", "Cost", "Scale", "Committed"]) == []
