"""The fund's sentence, cut short on a small window, is a Tab stop a screen reader names and reads (session 66).

At 910x480 (a laptop at 150%) the sentence under the fund's figures scrolls, and Tab stops on it so the arrows can
scroll it (round 39). The stop had no accessible name and said nothing: a screen reader user tabbing from *More*
to the search heard an unnamed pane, not the forecast. It is now named "Forecast in words" and its description is
the sentence, kept as the fund or its figures change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.costs.test_costs_at_150_round39 import every_page_built, settle
from tests.window_sizes import resize_window


def test_the_sentence_a_tab_stop_is_named_and_says_the_forecast(demo_window, qtbot):
    tab = every_page_built(demo_window, qtbot)
    tab.pages.setCurrentIndex(2)
    resize_window(demo_window, (910, 480))
    settle(demo_window, qtbot)
    page = tab.funds
    box = page.sentence_box
    assert box.verticalScrollBar().maximum() > 0  # cut short: a stop of its own
    demo_window.activateWindow()
    page.more.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.more, timeout=3000)
    qtbot.keyClick(page.more, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is box
    assert box.accessibleName() == "Forecast in words"
    assert box.accessibleDescription() == page.sentence.text()
    assert "runs out" in box.accessibleDescription() or "run out" in box.accessibleDescription()
    before = box.accessibleDescription()
    page.window_combo.setCurrentIndex(page.window_combo.findText("1 month"))  # the figures read again
    qtbot.waitUntil(lambda: not page.is_busy() and page.data.figures.forecast.window_months == 1, timeout=10000)
    said = box.accessibleDescription()
    assert said == page.sentence.text() and said != before
