"""Session 69: in View > Funders' Awards… and View > Populations…, Enter on the list with no row chosen pressed the
dialog's default button (Add…, the first) and opened a blank Add form; the History window has no default button.
Enter on the list opens the row chosen, and does nothing when none is; Enter on a button presses that button."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def _dialog(kind, window, qtbot):
    if kind == "awards":
        from safer_desk.ui.projects.awards import AwardsDialog

        dialog = AwardsDialog(window.session, window)
    else:
        from safer_desk.ui.indicators.populations import PopulationsDialog

        tab = window.show_tab("indicators")
        dialog = PopulationsDialog(window.session, window, area_id=tab.presenter.area_id, year=tab.presenter.year)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    assert QTest.qWaitForWindowActive(dialog)
    return dialog


@pytest.mark.parametrize("kind", ["awards", "populations"])
def test_enter_on_the_list_with_no_row_chosen_opens_nothing(kind, demo_window, qtbot):
    dialog = _dialog(kind, demo_window, qtbot)
    assert dialog.model.rows and dialog.selected() is None  # opened: nothing chosen yet
    dialog.view.setFocus()
    qtbot.waitUntil(dialog.view.hasFocus)
    QTest.keyClick(dialog.view, Qt.Key.Key_Return)
    assert dialog.dialog is None  # no blank Add form
    assert not any(b.isDefault() for b in (dialog.add_button, dialog.edit_button, dialog.delete_button))


@pytest.mark.parametrize("kind", ["awards", "populations"])
def test_enter_on_a_chosen_row_opens_it_and_on_add_adds(kind, demo_window, qtbot):
    dialog = _dialog(kind, demo_window, qtbot)
    dialog.view.setFocus()
    dialog.view.selectRow(0)
    QTest.keyClick(dialog.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.dialog is not None and dialog.dialog.isVisible())
    assert not dialog.dialog.view.heading.text().startswith("Add")
    dialog.dialog.reject()
    dialog.dialog = None
    dialog.activateWindow()
    assert QTest.qWaitForWindowActive(dialog)
    dialog.add_button.setFocus()
    QTest.keyClick(dialog.add_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.dialog is not None and dialog.dialog.isVisible())
    dialog.dialog.reject()
