"""Session 71: the Indicators chart took the focus by a mouse click only (session 70), so an officer using the
keyboard could not reach it to copy its figures with Ctrl+C: Tab went from the chart's Export button straight to the
figures' buttons and grid. The chart is now in the Tab order where it stands on the screen, after its row of
controls (Show, Bars, Export chart…) and before the figures under it, and shows a focus frame, two pixels all
round, when it has the focus (a one-pixel dotted line was hard to see)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from safer_desk.domain.periods import FinancialYear
from tests.indicators.test_chart_copy_s70 import PLYMOUTH, _copied


def _tab(demo_window, qtbot):
    demo_window.resize(1366, 768)
    demo_window.show()
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window)
    tab = demo_window.show_tab("indicators")
    tab.select_area(PLYMOUTH)
    tab.select_year(FinancialYear(2016))
    tab.select_indicator("Police recorded hate crime")
    tab.set_mode("year")
    return tab


def _tab_key(qtbot, shift: bool = False) -> None:
    key, mods = (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier) if shift else \
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
    qtbot.keyClick(QApplication.focusWidget(), key, mods)


def test_tab_from_the_charts_row_reaches_the_chart_then_the_figures(demo_window, qtbot):
    tab = _tab(demo_window, qtbot)
    tab.export_button.setFocus()
    qtbot.waitUntil(tab.export_button.hasFocus)
    _tab_key(qtbot)
    qtbot.waitUntil(tab.chart.hasFocus, timeout=3000)
    _tab_key(qtbot)  # on to what is under the chart: the figures' buttons (greyed while nothing is typed) or grid
    after = QApplication.focusWidget()
    assert after in (tab.discard_button, tab.save_button, tab.grid), after
    _tab_key(qtbot, shift=True)
    qtbot.waitUntil(tab.chart.hasFocus, timeout=3000)
    _tab_key(qtbot, shift=True)
    qtbot.waitUntil(tab.export_button.hasFocus, timeout=3000)


def test_the_chart_reached_by_tab_copies_its_figures_with_ctrl_c(demo_window, qtbot):
    tab = _tab(demo_window, qtbot)
    tab.export_button.setFocus()
    qtbot.waitUntil(tab.export_button.hasFocus)
    _tab_key(qtbot)
    qtbot.waitUntil(tab.chart.hasFocus, timeout=3000)
    QGuiApplication.clipboard().setText("(nothing copied)")
    qtbot.keyClick(tab.chart, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    rows = _copied()
    assert rows[0][1:4] == ["Apr", "May", "Jun"]
    assert {r[0]: r[1:] for r in rows[1:]}["2016/17"][:3] == ["17", "25", "32"]


def _frame_pixels(chart) -> int:
    """How many pixels of the chart's two outer rows and columns are in the focus colour."""
    image = chart.grab().toImage()
    highlight = chart.palette().color(QPalette.ColorRole.Highlight).rgb()
    w, h = image.width(), image.height()
    edge = [(x, y) for x in range(w) for y in (0, 1, h - 2, h - 1)] + \
        [(x, y) for y in range(2, h - 2) for x in (0, 1, w - 2, w - 1)]
    return sum(image.pixelColor(x, y).rgb() == highlight for x, y in edge)


def test_the_chart_shows_a_focus_frame_while_it_has_the_focus(demo_window, qtbot):
    tab = _tab(demo_window, qtbot)
    tab.export_button.setFocus()
    qtbot.waitUntil(tab.export_button.hasFocus)
    assert _frame_pixels(tab.chart) == 0
    _tab_key(qtbot)
    qtbot.waitUntil(tab.chart.hasFocus, timeout=3000)
    w, h = tab.chart.width(), tab.chart.height()
    assert _frame_pixels(tab.chart) == 4 * w + 4 * (h - 4)  # two pixels, unbroken, all round: plain to see
