"""Session 71: naming the reviews anew renames the stages on the page at once.

A Welsh officer with a Single Unified Safeguarding Review chosen switched "Reviews are called" (or pressed Edit >
Undo of the switch): the page and its tab were retitled "Domestic Homicide Reviews", but the review's Stages still
read "Referred to the Regional Safeguarding Board", "Welsh Government notified of the review", and its Stage reached
(on the list and on the Ledger) "Quality assurance letter", until another review was chosen. The list is read
again when the name changes, and when its change is undone or redone, with the review chosen kept.
"""

from __future__ import annotations

from tests.costs.test_costs_tab import settle, tab  # noqa: F401 - the fixtures
from tests.costs.test_susr_stages_s70 import HOME_OFFICE_STAGES, SUSR, SUSR_STAGES

from safer_desk.services import dhr

CASE = "WSCSP-DHR-2017-01"  # in hand: the quality assurance letter its last stage done


def _shown(page) -> tuple[list[str], str, str]:
    """The chosen review's stages as the Stages table shows them, its Stage reached on the list, and on the Ledger."""
    model = page.stages.model
    stages = [model.index(r, 0).data() for r in range(model.rowCount())]
    cases = page.cases.model
    row = cases.find(lambda c: c.reference == CASE)
    return stages, cases.index(row, cases.column_index("stage")).data(), page.presenter.selected_case.id


def _ledger_stage(costs_tab) -> str:
    model = costs_tab.ledger.per_case.model
    row = model.find(lambda c: c.reference == CASE)
    return model.index(row, model.column_index("stage")).data()


def test_the_stages_shown_follow_the_name_chosen(tab, settle):  # noqa: F811
    page = tab.reviews
    case = dhr.case_id_by_reference(page.store, CASE)
    assert page.select_case(case)
    settle()
    assert _shown(page)[0] == HOME_OFFICE_STAGES
    page.label_combo.setCurrentText(SUSR)
    settle()
    stages, reached, chosen = _shown(page)
    assert stages == SUSR_STAGES and chosen == case
    assert reached == "Quality assurance letter", reached
    assert _ledger_stage(tab) == "Quality assurance letter"
    tab.window().session.undo_stack.undo()
    settle()
    stages, reached, chosen = _shown(page)
    assert stages == HOME_OFFICE_STAGES and chosen == case
    assert reached == "Quality Assurance Panel letter", reached
    assert _ledger_stage(tab) == "Quality Assurance Panel letter"
    tab.window().session.undo_stack.redo()
    settle()
    assert _shown(page)[0] == SUSR_STAGES
