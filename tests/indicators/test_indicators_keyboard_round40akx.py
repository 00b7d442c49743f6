"""Round 40 (akx): the Indicators tab by keyboard alone on a 1366x768 laptop at 150% (910x480).

An officer's round, keys only: Alt+G to the figures, a figure typed in December's cell, Alt+S to save, Ctrl+Z to undo
it; every control reached by Tab in the order of the screen, each one within the window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from safer_desk.domain.periods import FinancialYear
from tests.window_sizes import widget_in_window

FY16 = FinancialYear(2016)


def stored(store, period):
    return store.scalar("SELECT value FROM indicator_values WHERE indicator_id = ? AND area_id = ? AND period = ?",
                        ("indicator:all-crime", "district:plymouth", period))


def indicators_at_910(window, qtbot):
    window.resize(910, 480)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    tab = window.show_tab("indicators")
    qtbot.waitUntil(lambda: tab.area_combo.isVisible(), timeout=5000)
    tab.select_area("district:plymouth")
    tab.select_year(FY16)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10000)
    return tab


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_a_figure_typed_saved_and_undone_by_keys_alone(demo_window, qtbot):
    tab = indicators_at_910(demo_window, qtbot)
    store = demo_window.session.store
    tab.summary_view.setFocus()
    names = [tab.summary_proxy.index(r, 1).data() for r in range(tab.summary_proxy.rowCount())]
    for _ in range(next(r for r, n in enumerate(names) if n.endswith("All crime"))):
        press(qtbot, Qt.Key.Key_Down)
    tab.summary_view.setCurrentIndex(tab.summary_proxy.index(tab.summary_view.currentIndex().row(), 1))
    qtbot.waitUntil(lambda: tab.presenter.view is not None and tab.presenter.view.indicator.name == "All crime")
    press(qtbot, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # Fi&gures
    assert tab.grid.hasFocus()
    tab.grid.setCurrentCell(0, 0)
    for _ in range(8):  # April … December
        press(qtbot, Qt.Key.Key_Right)
    assert tab.grid.horizontalHeaderItem(tab.grid.currentColumn()).text().startswith("Dec")
    for digit in "1480":  # the first opens the cell for typing: each key goes where the focus is, as a person's
        qtbot.keyClicks(QApplication.focusWidget(), digit)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(tab.save_button.isEnabled, timeout=5000)  # the figure is put in on the next turn of the loop
    assert widget_in_window(tab.save_button, demo_window)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Save Figures
    qtbot.waitUntil(lambda: stored(store, "2016-12") == 1480, timeout=5000)
    assert not demo_window.isWindowModified()
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(store, "2016-12") is None
    assert tab.grid.item(0, 8).text() == ""


def test_every_control_is_reached_by_tab_in_the_order_of_the_screen(demo_window, qtbot):
    tab = indicators_at_910(demo_window, qtbot)
    want = [w for w in tab.findChildren(QWidget) if w.isVisible() and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None
            and not isinstance(w.parentWidget(), QAbstractScrollArea)]
    tab.area_combo.setFocus()
    reached = [tab.area_combo]
    for _ in range(60):
        press(qtbot, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget in reached or not tab.isAncestorOf(widget):
            break
        reached.append(widget)
    assert [w.accessibleName() for w in want if w not in reached] == []
    assert [w.accessibleName() for w in reached if not widget_in_window(w, demo_window)] == []
