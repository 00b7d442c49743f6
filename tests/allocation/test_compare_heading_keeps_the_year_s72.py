"""Compare scenarios: a scenario's title too long for its column is cut at its end, not both (session 72).

At 1280x690 the example's agreed scenario, "2009/10 — Option 2 - As per 2008/09 with updated crime figures, 10%
retained", headed its column as "- Option 2 - As per 2008/09 with updated crime figures, 10%": the centred heading
was clipped at both ends, and the year, which tells two scenarios apart, was lost. It now reads from its start and
ends with "…".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from safer_desk.ui.kit.table_view import HEADING_PAD


def test_a_long_scenario_title_keeps_its_year_in_the_heading(qtbot, demo_window):
    demo_window.resize(1280, 690)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    tab = demo_window.show_tab("allocation")
    tab.pages.setCurrentWidget(tab.compare_view.parentWidget())
    second = tab.compare_second
    second.setCurrentIndex(next(i for i in range(second.count()) if "updated crime figures" in second.itemText(i)))
    header = tab.compare_view.horizontalHeader()
    title = tab.compare_model.headerData(2, Qt.Orientation.Horizontal)
    assert title.startswith("2009/10 — Option 2 - As per 2008/09")
    bold = QFont(header.font())
    bold.setBold(True)
    width = header.sectionSize(2) - HEADING_PAD
    assert QFontMetrics(bold).horizontalAdvance(title) > width  # too long for its column: cut
    assert header.textElideMode() == Qt.TextElideMode.ElideRight
    read = QFontMetrics(bold).elidedText(title, header.textElideMode(), width)
    assert read.startswith("2009/10 — Option 2") and read.endswith("…"), read
