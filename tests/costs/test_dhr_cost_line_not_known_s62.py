"""A review's cost line keyed from the papers before its figure is known: "TBC", "N/A", a range.

Session 62: "TBC" in a cost line's Amount said to leave the amount blank (refused: the amount is needed) or to type £0
(refused: a cost line is more than £0), so neither thing it said to do could be done.
"""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from tests.costs.test_new_case_then_cost_line import button, field, open_dialog, type_into

UNBILLED = "WSCSP-DHR-2017-02"


def _presenter(store, reference):
    presenter = DhrPresenter(store, today=lambda: date(2026, 12, 6))
    presenter.reload()
    presenter.select(dhr.case_id_by_reference(store, reference))
    return presenter


def _cost(store, reference):
    return dhr.case_cost_pence(store, dhr.case_id_by_reference(store, reference))


@pytest.mark.parametrize("typed", ["TBC", "N/K", "N/A", "-", "nil", "£3,000-£4,500", "Minimum £5,000"])
def test_a_figure_not_known_says_what_can_be_done_in_a_cost_line(demo_store, typed):
    """Neither leaving the amount blank nor £0 can be saved in a cost line: what it says to do is what can be done."""
    form = _presenter(demo_store, UNBILLED).cost_line_form()
    form.set_value("amount", typed)
    assert not form.save()
    said = form.message("amount")
    assert "blank" not in said and "type £0" not in said.casefold(), said
    assert f"“{typed}”" in said and "Cancel" in said and "once" in said, said
    assert _cost(demo_store, UNBILLED) == 0
    form.set_value("amount", "")
    assert not form.save() and form.message("amount")  # blank is refused, as it always was: nothing to keep


def test_tbc_typed_in_the_cost_line_dialog_is_answered_beside_the_amount(costs_tab, qtbot):
    page = costs_tab.reviews
    assert page.select_case(dhr.case_id_by_reference(page.store, UNBILLED))
    dialog = open_dialog(qtbot, page, "Cost line")
    type_into(qtbot, field(dialog, "Amount"), "TBC")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    message = dialog.view.messages["amount"]
    assert dialog.isVisible() and message.isVisible()
    assert "Leave the amount blank" not in message.text() and "Cancel" in message.text(), message.text()
