"""Round 40 (akx): the Allocation tab by keyboard alone on a 1366x768 laptop at 150% (910x480).

1. At that size the tab scrolls (the pages under the inputs and options). With the results scrolled into view, Alt+K
   (Working on) put the focus in the scenario's name field above the view: the officer typed a name they could not
   see. Tab into the tab from the window's tabs left *Saved scenarios* above the view too. A control reached by its
   Alt key, or by Tab from outside the tab, is now scrolled into view, as one reached by Tab within it was.
2. Ctrl+Z in an option's field after its figure was entered (Retained % 15, Enter) put "10" back in the box and
   undid nothing: the results stayed at 15% beside it, and no press of Ctrl+Z reached Edit > Undo. With the option's
   own figure in the box, Ctrl+Z and Ctrl+Y are Edit > Undo and Redo; while a figure is typed, Ctrl+Z still first
   undoes the typing, as the user guide says of every box.
Then the officer's round, keys only: a figure typed in an option's field, the scenario saved under a new name, Edit >
Undo (Ctrl+Z) of it; every control reached by Tab, in reading order within each box.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from safer_desk.services import allocation as service
from safer_desk.services import allocation_workbench as bench

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def tab(demo_window, qtbot):
    demo_window.resize(910, 480)
    demo_window.show()
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window, timeout=5000)
    tab = demo_window.show_tab("allocation")
    qtbot.waitUntil(lambda: not demo_window.is_busy(), timeout=10000)
    area = demo_window.tabs.currentWidget()
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0, timeout=5000)  # the tab scrolls at this size
    return tab


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def in_view(widget: QWidget, window) -> bool:
    """The widget wholly within the tab's scrolled view; for a table, its cell with the cursor (what Qt shows)."""
    viewport = window.tabs.currentWidget().viewport()
    rect = QRect(QPoint(0, 0), widget.size())
    cursor = widget.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    if isinstance(widget, QAbstractScrollArea) and isinstance(cursor, QRect) and cursor.isValid():
        rect = cursor
    return QRect(QPoint(0, 0), viewport.size()).contains(QRect(widget.mapTo(viewport, rect.topLeft()), rect.size()))


@pytest.mark.parametrize(("key", "field"), [(Qt.Key.Key_K, "scenario_name"), (Qt.Key.Key_G, "pot_given"),
                                            (Qt.Key.Key_Y, "copy")])
def test_a_field_reached_by_its_alt_key_is_scrolled_into_view(demo_window, qtbot, tab, key, field):
    area = demo_window.tabs.currentWidget()
    tab.results_view.setFocus()
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())  # the results read, at the foot
    press(qtbot, key, ALT)
    widget = QApplication.focusWidget()
    assert widget is not None and tab.isAncestorOf(widget)
    assert in_view(widget, demo_window), (widget.accessibleName(), area.verticalScrollBar().value())


def test_type_a_figure_save_and_undo_by_keys_alone(demo_window, qtbot, tab, prompts):
    tab.inputs_view.setFocus()
    press(qtbot, Qt.Key.Key_N, ALT)  # Retained %
    retain = tab.option_edits["retain"]
    assert retain.hasFocus() and in_view(retain, demo_window)
    retain.selectAll()
    qtbot.keyClicks(retain, "15")
    press(qtbot, Qt.Key.Key_Return)
    assert bench.field_text(tab.state.options, "retain") == "15"
    press(qtbot, Qt.Key.Key_K, ALT)  # Working on: the name
    assert tab.scenario_name.hasFocus() and in_view(tab.scenario_name, demo_window)
    tab.scenario_name.selectAll()
    qtbot.keyClicks(tab.scenario_name, "Retain 15%")
    press(qtbot, Qt.Key.Key_S, ALT)  # Save: under a new name, a new scenario
    qtbot.waitUntil(lambda: "Retain 15%" in [s.name for s in service.list_scenarios(tab.store)], timeout=5000)
    press(qtbot, Qt.Key.Key_N, ALT)  # back to Retained %: Ctrl+Z there, with nothing typed, is Edit > Undo
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Retain 15%" not in [s.name for s in service.list_scenarios(tab.store)]
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert bench.field_text(tab.state.options, "retain") == "10" and retain.text() == "10"
    press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert bench.field_text(tab.state.options, "retain") == "15" and retain.text() == "15"
    assert prompts.errors == []


def test_ctrl_z_while_typing_in_an_option_field_first_undoes_the_typing(demo_window, qtbot, tab):
    retain = tab.option_edits["retain"]
    tab.inputs_view.setFocus()
    press(qtbot, Qt.Key.Key_N, ALT)
    depth = tab.session.undo_stack.index()
    qtbot.keyClicks(retain, "5")  # "105" typed, not entered
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert retain.text() == "10" and tab.session.undo_stack.index() == depth


def test_every_control_is_reached_by_tab_on_every_page(demo_window, qtbot, tab):
    for index in range(tab.pages.count()):
        tab.pages.setCurrentIndex(index)
        QApplication.processEvents()
        want = [w for w in tab.findChildren(QWidget) if w.isVisible() and w.isEnabled()
                and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None
                and not isinstance(w.parentWidget(), QAbstractScrollArea)]
        tab.pages.tabBar().setFocus()
        reached, out_of_view = [], []
        for _ in range(80):
            press(qtbot, Qt.Key.Key_Tab)
            widget = QApplication.focusWidget()
            if widget in reached:
                break
            reached.append(widget)
            if tab.isAncestorOf(widget) and not in_view(widget, demo_window):
                out_of_view.append(widget.accessibleName() or widget.objectName())
        assert out_of_view == [], tab.pages.tabText(index)
        group = tab.pot_group.buttons()  # one stop for the radio buttons: the arrows choose within it
        missing = [w.accessibleName() or getattr(w, "text", lambda: "")() for w in want
                   if w not in reached and not (w in group and any(b in reached for b in group))]
        assert missing == [], (tab.pages.tabText(index), [w.accessibleName() for w in reached])
