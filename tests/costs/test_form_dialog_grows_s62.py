"""A Costs form dialog at 1093x582 (a 1366x768 laptop at 125%) shows its messages without a scroll.

Session 62: the dialog's height was set once, as it opened. A cost line corrected to £62,500 (a nought too many)
said "Not saved yet …" over the fields and three lines under Amount, and the last of them was below the fold, behind a
scroll bar easily missed, though the window had room for them. The awards form (View > Funders' Awards…, Add Award…)
opened at 460x400, the height of the list's window below it, its last fields to be scrolled to. The dialog now grows to
show its messages as they appear, within the window, Save in view; and it is sized within the main window.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel

from safer_desk.services import dhr
from tests.costs.test_new_case_then_cost_line import field, type_into
from tests.window_sizes import resize_window, widget_in_window

BILLED = "WSCSP-DHR-2017-01"


def _in_viewport(dialog, label: QLabel) -> bool:
    """The whole label (its last line too) inside the form's scroll area as shown, and as tall as its words need."""
    viewport = dialog.view.scroll.viewport()
    top = label.mapTo(viewport, QPoint(0, 0)).y()
    return (label.isVisible() and top >= 0 and top + label.height() <= viewport.height()
            and label.height() >= label.heightForWidth(label.width()))


def _settled() -> None:
    """The layouts redone after a change (a scroll bar appearing narrows the messages, which then wrap anew)."""
    for _ in range(3):
        QApplication.processEvents()


def _message_about(dialog, name: str) -> QLabel:
    return next(lab for lab in dialog.findChildren(QLabel) if lab.accessibleName() == f"Message about {name}")


def test_a_cost_line_queried_shows_the_whole_question_under_amount(demo_window, qtbot):
    resize_window(demo_window, (1093, 582))
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.reviews
    assert page.select_case(dhr.case_id_by_reference(page.store, BILLED))
    assert page.costs.select_where(lambda line: line["amount_pence"] == 625_000)
    dialog = page.edit_cost_line_dialog()
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    type_into(qtbot, field(dialog, "Amount"), "£62,500")
    qtbot.mouseClick(dialog.view.save_button, Qt.MouseButton.LeftButton)
    message = _message_about(dialog, "Amount")
    assert "a nought too many?" in message.text()
    assert dialog.view.form_message.isVisible() and "Not saved yet" in dialog.view.form_message.text()
    _settled()
    qtbot.waitUntil(lambda: _in_viewport(dialog, message), timeout=5000)
    assert dialog.height() <= demo_window.height()
    assert widget_in_window(dialog.view.save_button, dialog)
    dialog.reject()


def test_the_awards_form_opens_with_every_field_in_view_and_its_messages_shown(demo_window, qtbot):
    resize_window(demo_window, (1093, 582))
    demo_window.show_awards()
    awards = demo_window._awards_dialog
    qtbot.waitUntil(awards.isVisible, timeout=5000)
    awards.add_button.click()
    qtbot.waitUntil(lambda: awards.dialog is not None and awards.dialog.isVisible(), timeout=5000)
    dialog = awards.dialog
    assert dialog.height() <= demo_window.height()
    _settled()
    assert dialog.view.scroll.verticalScrollBar().maximum() == 0, dialog.size()  # it opened at 460x400, to be scrolled
    qtbot.mouseClick(dialog.view.save_button, Qt.MouseButton.LeftButton)  # Funder and Name needed
    assert dialog.view.form_message.isVisible()
    _settled()
    for name in ("Funder", "Name"):
        message = _message_about(dialog, name)
        qtbot.waitUntil(lambda m=message: _in_viewport(dialog, m), timeout=5000)
    assert widget_in_window(dialog.view.save_button, dialog)
    dialog.reject()
    awards.close()



def test_a_form_closed_is_no_longer_told_of_its_changes(demo_window, qtbot):
    resize_window(demo_window, (1093, 582))
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.reviews
    assert page.select_case(dhr.case_id_by_reference(page.store, BILLED))
    dialog = page.cost_line_dialog()
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    form = dialog.form
    gone: list[bool] = []
    dialog.destroyed.connect(lambda *_: gone.append(True))
    dialog.reject()
    qtbot.waitUntil(lambda: bool(gone), timeout=5000)
    handlers = list(form.changed._handlers)
    assert not any(getattr(h, "__name__", "") == "_messages_changed" for h in handlers), handlers
    form.changed.emit()  # told on, the closed dialog's timer (gone with it) raised RuntimeError
