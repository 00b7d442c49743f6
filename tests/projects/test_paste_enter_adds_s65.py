"""Session 65 (keyboard): rows pasted from Excel with their headings open a preview with the keyboard on the first
column's field and "Add 2 projects" ready; Enter did nothing. The hidden "Headings: leave the row out" (the answer to
a question not asked, the headings being known) was the dialog's default button, so Enter pressed a button out of
sight and Add was never the default; after answering the question with Headings, Enter did the same. Enter now adds,
as the button's frame shows; the answer given to the question is shown as a pressed (checked) button instead."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


@pytest.fixture
def page(demo_window, qtbot):
    demo_window.resize(1093, 582)
    demo_window.show()
    return demo_window.show_tab("projects").register


def _preview(page, qtbot, text):
    QGuiApplication.clipboard().setText(text)
    page.paste_rows()
    dialog = page.paste_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_enter_adds_the_rows_whose_headings_are_known(page, qtbot):
    dialog = _preview(page, qtbot, "Title\tCost\nNightsafe\t£4,000\nStreet pastors\t£2,500\n")
    assert not dialog.question.isVisible()
    assert QApplication.focusWidget() is dialog.mapping[0]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    titles = {p.title for p in page.model.rows}
    assert {"Nightsafe", "Street pastors"} <= titles


def test_enter_adds_after_the_headings_question_is_answered(page, qtbot):
    dialog = _preview(page, qtbot, "Scheme\tBudget 2024/25\nStreet Pastors\t£12,500\nYouth diversion\t£8,000\n")
    assert dialog.question.isVisible() and not dialog.add_button.isEnabled()
    qtbot.mouseClick(dialog.headings_button, Qt.MouseButton.LeftButton)
    assert dialog.headings_button.isChecked() and not dialog.data_button.isChecked()  # the answer shows as given
    dialog.mapping[0].setFocus()
    QTest.keyClick(dialog.mapping[0], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    titles = {p.title for p in page.model.rows}
    assert {"Street Pastors", "Youth diversion"} <= titles and "Scheme" not in titles
