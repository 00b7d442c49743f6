"""Round s63: Edit > Paste (or Ctrl+V) where nothing takes pasted cells did nothing, without a word.

On the Commissioning page, with the projects' ticks in focus, Edit > Paste of a column of scales copied from Excel
did nothing: no paste, no message, and the officer could not tell whether something was pasted out of sight. As
Edit > Find on a page with no search box says so, the status bar now says that nothing here takes a paste and
where one can go.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication


def test_paste_where_nothing_takes_it_says_so(demo_window, qtbot):
    demo_window.resize(1280, 800)
    demo_window.show()
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window)
    tab = demo_window.show_tab("projects")
    tab.pages.setCurrentIndex(1)
    page = tab.commissioning
    page.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.view)
    QGuiApplication.clipboard().setText("1\n0 1/3\n")
    for paste in (demo_window.paste_action.trigger,
                  lambda: qtbot.keyClick(page.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)):
        demo_window.statusBar().clearMessage()
        paste()
        said = demo_window.statusBar().currentMessage()
        assert said.startswith("Nothing here takes a paste"), said


def test_paste_into_a_field_still_pastes(demo_window, qtbot):
    demo_window.show()
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window)
    tab = demo_window.show_tab("projects")
    box = tab.search_box()
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    QGuiApplication.clipboard().setText("ELEV8")
    demo_window.paste_action.trigger()
    assert box.text() == "ELEV8"
    assert not demo_window.statusBar().currentMessage().startswith("Nothing here takes a paste")
