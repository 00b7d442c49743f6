"""Edit > Undo from another window (the History of Changes' Ctrl+Z, which a form open over the main window does not
block) while a form is open on the very record the step changes.

WSCSP-DHR-2017-02's Administration cost corrected from £100 to £120, then its Edit dialog opened again (showing £120)
and Ctrl+Z pressed in the History of Changes: the file went back to £100 but the dialog stayed open showing £120; a
supplier typed there and saved put £120 back, the undo silently undone (session 73). The form is now closed first, as
Ctrl+Z in the form itself closes it (asked about when something is typed: Save, Discard or Cancel)."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.services import dhr

UNDER_WAY = "WSCSP-DHR-2017-02"


def shown(dialog) -> bool:
    return shiboken6.isValid(dialog) and dialog.isVisible()  # closed, a Costs dialog deletes itself


def lines(store, case_id):
    return [(line["amount_pence"], line.get("supplier") or "") for line in dhr.cost_lines(store, case_id)]


@pytest.fixture
def corrected(costs_tab, demo_window, qtbot):
    """The Administration cost corrected from £100 to £120 in its Edit dialog, and the dialog opened again."""
    page = costs_tab.reviews
    store = demo_window.session.store
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    dhr.add_cost_line(store, case_id, category="Administration", amount="100", invoiced_on="2017-12-01")
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    assert page.select_case(case_id)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    page.details.setCurrentWidget(page.costs.view)
    assert page.costs.select_where(lambda r: True)
    form = page.edit_cost_line_dialog().form_presenter
    form.set_value("amount", "120.00")
    assert form.save()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    assert lines(store, case_id) == [(12000, "")]
    assert page.costs.select_where(lambda r: True)
    dialog = page.edit_cost_line_dialog()
    assert dialog.isVisible() and dialog.form_presenter.value("amount") == "£120"
    return page, dialog, store, case_id


def test_undo_from_another_window_closes_the_form_first(corrected, demo_window, qtbot, prompts):
    page, dialog, store, case_id = corrected
    demo_window.undo()  # as the History of Changes' Ctrl+Z
    QApplication.processEvents()
    assert not shown(dialog)
    assert lines(store, case_id) == [(10000, "")]
    assert prompts.unsaved_questions == []  # nothing typed in it: closed unasked
    assert demo_window.statusBar().currentMessage().startswith("Undone: “Change the Administration cost of £100")


def test_something_typed_in_the_form_is_asked_about_and_cancel_undoes_nothing(corrected, demo_window, prompts):
    page, dialog, store, case_id = corrected
    dialog.form_presenter.set_value("supplier", "Acme Ltd")
    prompts.unsaved_answers.append(UnsavedChoice.CANCEL)
    demo_window.undo()
    QApplication.processEvents()
    assert len(prompts.unsaved_questions) == 1
    assert shown(dialog) and dialog.form_presenter.value("supplier") == "Acme Ltd"
    assert lines(store, case_id) == [(12000, "")]


def test_something_typed_then_discard_closes_the_form_and_undoes(corrected, demo_window, qtbot, prompts):
    page, dialog, store, case_id = corrected
    dialog.form_presenter.set_value("supplier", "Acme Ltd")
    prompts.unsaved_answers.append(UnsavedChoice.DISCARD)
    demo_window.undo()
    QApplication.processEvents()
    assert len(prompts.unsaved_questions) == 1
    assert not shown(dialog)
    assert lines(store, case_id) == [(10000, "")]
