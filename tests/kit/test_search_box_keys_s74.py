"""S74 (kit): the search boxes above the window's tables took no key of their own. An officer working by keyboard
who had typed "council" into the Ledger's search had to select the text and delete it to see every row again (the
clear button is for the mouse), and from the box reached the table only by tabbing through every filter between
them; the office dialog's filter already clears on Esc and goes into its list on Down. Every such box
(``kit.search.SearchBox``: Projects, Reviews, the Ledger, Pooled funds) now does the same: Esc empties it (a second
Esc goes on as before), Down moves into its table, on its first row when none is chosen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


def _costs(demo_window, qtbot, index):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(index)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    return tab


def _boxes(demo_window, qtbot):
    """(search box, its table's view, the rows it shows) for each searched table, the page shown."""
    register = demo_window.show_tab("projects").register
    yield register.search, register.view, register.proxy.source_rows, "elev8"
    tab = _costs(demo_window, qtbot, 0)
    yield tab.reviews.search, tab.reviews.cases.view, tab.reviews.cases.source_rows, "WSCSP-DHR-2017"
    tab = _costs(demo_window, qtbot, 1)
    yield tab.ledger.search, tab.ledger.partners.view, tab.ledger.partners.source_rows, "council"
    tab = _costs(demo_window, qtbot, 2)
    page = tab.funds
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.referrals.model.rowCount() > 0, timeout=10000)
    yield page.search, page.referrals.view, page.referrals.source_rows, "TH-2018-008"


@pytest.mark.parametrize("which", range(4))
def test_esc_empties_a_search_and_down_goes_into_its_table(demo_window, qtbot, which):
    box, view, shown, words = _nth(demo_window, qtbot, which)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    everything = len(shown())
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClicks(box, words)
    qtbot.waitUntil(lambda: len(shown()) < everything, timeout=5000)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""
    qtbot.waitUntil(lambda: len(shown()) == everything, timeout=5000)
    assert box.hasFocus()  # the search emptied, the window and the keyboard where they were
    view.clearSelection()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.waitUntil(view.hasFocus)
    assert [i.row() for i in view.selectionModel().selectedRows()] == [0]


def _nth(demo_window, qtbot, which):
    for i, found in enumerate(_boxes(demo_window, qtbot)):
        if i == which:
            return found
    raise IndexError(which)


def test_the_history_search_too_and_a_second_esc_closes_the_window(demo_window, qtbot):
    demo_window.show()
    demo_window.show_history()
    dialog = demo_window._history_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    dialog.search.setFocus()
    qtbot.keyClicks(dialog.search, "elev8")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Escape)
    assert dialog.search.text() == "" and dialog.isVisible()  # emptied, the window still open
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    qtbot.waitUntil(dialog.view.hasFocus)
    dialog.search.setFocus()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Escape)  # nothing typed: Esc closes the window, as before
    qtbot.waitUntil(lambda: not dialog.isVisible())
