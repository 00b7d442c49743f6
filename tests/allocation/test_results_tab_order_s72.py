"""Session 72: Tab on the allocation's Results page follows the page from the top. The line above the table, "Pot
£589,608 (last year's £655,120 less 10% retained, £65,512); fixed part …", was reached by Tab last, after the table
and the explanation under the chart: a screen-reader user heard how one partnership's figure was reached before
the pot it was a share of."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_tab_reads_the_pot_line_then_the_table_then_the_explanation(demo_window, qtbot):
    window = demo_window
    window.resize(1366, 768)
    window.show()
    tab = window.show_tab("allocation")
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    tab.pages.setCurrentIndex(0)
    bar = tab.pages.tabBar()
    bar.setFocus()
    assert QApplication.focusWidget() is bar
    walked = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget().accessibleName())
    assert walked == ["How the pot was split", "Allocation results",
                      "How the selected partnership's figure was reached"]
    assert tab.summary_label.text().startswith("Pot £589,608")
