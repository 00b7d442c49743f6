"""A drop-down list cut short by its width (session 74): on a 1366x768 laptop at 125% the Allocation tab's Saved
scenarios read "2009/10 — Option 2 - As per 2008/09 with u" and pointing at it showed nothing, as did
Commissioning's; the title could be read whole only by opening the list. A list whose chosen text is cut now shows
it whole when pointed at (as a table's cut cell does); one shown whole shows none, and a list's own tooltip stays."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from safer_desk.ui.kit.choice import ChoiceBox
from tests.window_sizes import resize_window

LONG = "2009/10 — Option 2 - As per 2008/09 with updated crime figures, 10% retained"


def pointed_at(qtbot, widget) -> str:
    """The tooltip shown when the mouse rests on the widget."""
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=3000)
    pos = widget.rect().center()
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos)))
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_a_list_cut_short_shows_its_whole_choice_when_pointed_at(qtbot):
    box = ChoiceBox()
    qtbot.addWidget(box)
    box.addItems([LONG, "Short"])
    box.resize(160, box.sizeHint().height())
    box.show()
    qtbot.waitExposed(box)
    assert pointed_at(qtbot, box) == LONG

    box.setCurrentIndex(1)  # "Short" is whole in the box
    assert pointed_at(qtbot, box) == ""

    box.setCurrentIndex(0)
    box.setToolTip("The list's own words")  # a tooltip given by the page is left as it was
    assert pointed_at(qtbot, box) == "The list's own words"


def test_the_saved_scenarios_title_is_read_whole_on_the_laptop(demo_window, qtbot):
    resize_window(demo_window, (1093, 582))
    projects = demo_window.show_tab("projects")
    projects.pages.setCurrentIndex(1)  # Commissioning
    commissioning = projects.commissioning.scenarios
    for combo in (commissioning, demo_window.show_tab("allocation").scenario_combo):
        combo.setCurrentIndex(max(range(combo.count()), key=lambda i: len(combo.itemText(i))))
        QApplication.processEvents()
        text = combo.currentText()
        assert combo.fontMetrics().horizontalAdvance(text) > combo.width()  # cut short at this size
        assert pointed_at(qtbot, combo) == text
