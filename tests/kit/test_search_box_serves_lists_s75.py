"""S75 (kit): the office dialog's district filter was a near-copy of the kit's search box (``FilterBox``, kept in
office_dialog.py): a fix to one reached the other only if someone remembered. It is now the kit's ``SearchBox``,
which learnt what the list needed: Enter goes into the list as Down does (in a dialog it would otherwise press Save
half-way through choosing, and it never does, even when the filter shows nothing), and a list keeps its current row
(the one Space ticks) rather than going back to the first. A table's search still leaves Enter to the box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QApplication, QDialog, QListWidget, QPushButton, QTableView, QVBoxLayout,
                               QWidget)

from safer_desk.ui.kit.search import SearchBox


def _shown(qtbot, widget):
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def _list_dialog(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    listed = QListWidget(dialog)
    listed.addItems(["Babergh", "Ipswich", "Mid Suffolk"])
    box = SearchBox(dialog, table=listed, enter_goes_in=True)
    save = QPushButton("Save", dialog)
    save.setDefault(True)
    layout = QVBoxLayout(dialog)
    for w in (box, listed, save):
        layout.addWidget(w)
    saves = []
    save.clicked.connect(lambda: saves.append(True))
    _shown(qtbot, dialog)
    return dialog, box, listed, saves


def test_enter_goes_into_a_list_and_keeps_its_current_row(qtbot):
    dialog, box, listed, saves = _list_dialog(qtbot)
    listed.setCurrentRow(2)
    listed.clearSelection()  # chosen by the keyboard, not selected: still the row Space would tick
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(listed.hasFocus)
    assert listed.currentRow() == 2 and saves == [] and dialog.isVisible()
    listed.setCurrentRow(-1)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)  # none current: the first
    qtbot.waitUntil(listed.hasFocus)
    assert listed.currentRow() == 0


def test_enter_on_a_filter_showing_nothing_does_not_press_save(qtbot):
    dialog, box, listed, saves = _list_dialog(qtbot)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClicks(box, "zzz")
    listed.clear()  # what the filter shows: nothing
    qtbot.keyClick(box, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert saves == [] and dialog.isVisible() and box.hasFocus()
    qtbot.keyClick(box, Qt.Key.Key_Escape, Qt.KeyboardModifier.ShiftModifier)  # Esc empties it, as before
    assert box.text() == "" and dialog.isVisible()


def test_a_table_search_leaves_enter_to_the_box(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    model = QStandardItemModel(2, 1, page)
    for r in range(2):
        model.setItem(r, 0, QStandardItem(f"row {r}"))
    table = QTableView(page)
    table.setModel(model)
    box = SearchBox(page, table=table)
    layout = QVBoxLayout(page)
    layout.addWidget(box)
    layout.addWidget(table)
    _shown(qtbot, page)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    with qtbot.waitSignal(box.returnPressed, timeout=2000):
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.hasFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.waitUntil(table.hasFocus)
    assert [i.row() for i in table.selectionModel().selectedRows()] == [0]


def test_the_office_dialog_filter_is_the_kit_box(window, qtbot, prompts, tmp_path):
    assert window.open_path(tmp_path / "office.sqlite", create=True)
    window.exchange_actions["office"].trigger()
    dialog = window.office_dialog
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    box = dialog.district_filter
    assert isinstance(box, SearchBox) and box.enter_goes_in
    box.setFocus()
    qtbot.keyClicks(box, "no such district")
    assert dialog.district_list.count() == 0
    qtbot.keyClick(box, Qt.Key.Key_Return)  # nothing to go into: Save is not pressed either
    assert dialog.isVisible() and QApplication.focusWidget() is box
    dialog.reject()
