"""The mouse wheel over a drop-down list nobody chose changed it (session 54): scrolling the project form on a
laptop turned Suffolk Recre8's Status from Proposed to Live, with Save changes lit; one notch over the Allocation
tab's Rounding re-split the pot (Babergh £63,768 to £63,767) and wrote it to the file. A list now takes the wheel
only once it has the keyboard (a click or Tab), as in Windows' and Office's forms; the wheel is left to the form."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox

from safer_desk.ui.kit.choice import ChoiceBox
from safer_desk.ui.tabs import TAB_KEYS


def _wheel(widget, notches: int) -> bool:
    """A wheel turned over the middle of widget; whether it took it."""
    pos = QPointF(widget.rect().center())
    event = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def _totals(tab) -> dict[str, int]:
    return {r["name"]: r["total"] for r in tab.results_model.every_row()}


def test_a_list_not_chosen_leaves_the_wheel_to_the_form(demo_window, qtbot):
    w = demo_window
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    register = w.show_tab("projects").register
    register.clear_filters()
    qtbot.keyClicks(register.search, "Suffolk Recre8")
    register.view.selectRow(0)
    assert register.editor.project.title.startswith("Suffolk Recre8")
    status = register.editor.widgets["status"]
    register.view.setFocus()  # the keyboard in the register, the pointer over the form
    before = status.currentText()
    for _ in range(3):
        assert _wheel(status, -1) is False  # not taken: passed on to the form, which scrolls
    assert status.currentText() == before and not w.isWindowModified()
    assert status.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel does not hand it the keyboard either

    tab = w.show_tab("allocation")
    totals, rounding = _totals(tab), tab.rounding_combo.currentText()
    undo = w.undo_action.text()
    tab.inputs_view.setFocus()
    _wheel(tab.rounding_combo, +1)
    assert (tab.rounding_combo.currentText(), _totals(tab), w.undo_action.text()) == (rounding, totals, undo)

    # Chosen (clicked or tabbed into), a list steps through its choices on the wheel as before.
    tab.rounding_combo.setFocus()
    qtbot.waitUntil(tab.rounding_combo.hasFocus)
    assert _wheel(tab.rounding_combo, +1) is True
    assert tab.rounding_combo.currentText() != rounding and _totals(tab) != totals


def test_every_list_of_the_window_waits_for_the_keyboard(demo_window, qtbot):
    """Each tab built, every drop-down list in the window is one that waits (a list added later as a plain
    QComboBox would take the wheel again)."""
    w = demo_window
    w.resize(1280, 800)
    w.show()
    for key in TAB_KEYS:
        w.show_tab(key)
    lists = w.findChildren(QComboBox)
    assert len(lists) > 20
    plain = [(type(c).__name__, c.objectName(), c.parent().__class__.__name__) for c in lists
             if not isinstance(c, ChoiceBox)]
    assert plain == []
