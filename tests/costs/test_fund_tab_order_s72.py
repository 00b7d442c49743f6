"""Session 72: Tab on Costs > Pooled funds follows the page: the burn-down chart, on the left under the fund's
figures, comes before the search box and the tables on its right. The chart is made after the page's first paint,
so it was last in the Tab order: after the referrals table, and a screen-reader user reached the picture of the
fund running out only after every table."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_tab_goes_from_the_buttons_to_the_chart_then_the_search(demo_window, qtbot):
    window = demo_window
    window.resize(1366, 768)
    window.show()
    costs = window.show_tab("costs")
    costs.pages.setCurrentIndex(2)
    page = costs.funds
    # The chart is added to a page already shown: Qt shows it at the next turn of the event loop (a hidden widget
    # is no Tab stop), as a person sees it.
    qtbot.waitUntil(lambda: page.chart is not None and page.chart.isVisible() and not window.is_busy(),
                    timeout=10000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.more.setFocus()
    walked = []
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget().accessibleName())
    assert walked == ["Fund burn-down chart", "Search referrals and spend"]
    left = page.chart.mapTo(page, page.chart.rect().topLeft()).x()
    assert left < page.search.mapTo(page, page.search.rect().topLeft()).x()  # the chart is on the left
