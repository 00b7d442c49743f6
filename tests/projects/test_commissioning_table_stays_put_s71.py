"""Session 71 (coordinator): ticking projects on the Commissioning page moved the table under the pointer.

With the board's retained £65,512 chosen, the first tick of a project costed as a range (Sexual Exploitation of
Adults / Children in Off-street Premises, £54,372 - £62,372) brought up the line "…: counts the upper end of …" above
the table, and the table moved down 56 pixels at 1093x582: the officer's next click, meant for the box of the project
below, landed on another row.
Unticking took the line away and moved it back up. While a fund is set, the room for those lines is kept, so the
table stays where it is as notes come and go.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication

RANGE = "Sexual Exploitation of Adults / Children in Off-street Premises"  # £54,372 - £62,372


def _table_top(page) -> int:
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # laid out as the window shows it
    return page.view.mapTo(page.window(), QPoint(0, 0)).y()


def _row(page, title: str) -> int:
    return next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 2).data() == title)


def _tick(page, qtbot, title: str) -> None:
    page.view.setFocus()
    page.view.setCurrentIndex(page.proxy.index(_row(page, title), page.model.TICK))
    qtbot.keyClick(page.view, Qt.Key.Key_Space)


def test_the_table_stays_put_as_notes_come_and_go(demo_window, qtbot):
    demo_window.resize(1093, 582)
    demo_window.show()
    page = demo_window.show_tab("projects").show_commissioning()
    qtbot.waitUntil(page.isVisible)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    page.fund.setText("£65,512")
    page.fund.editingFinished.emit()
    assert page.message.text() == ""  # nothing ticked: nothing to say
    top = _table_top(page)
    _tick(page, qtbot, RANGE)
    assert "counts the upper end" in page.message.text()
    assert _table_top(page) == top
    _tick(page, qtbot, RANGE)  # unticked: the line goes, the table stays
    assert page.message.text() == ""
    assert _table_top(page) == top
