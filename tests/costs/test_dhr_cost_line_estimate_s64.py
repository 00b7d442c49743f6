"""A review's cost line typed as an estimate: "c. £5,000", "~£5000", "£1,234.56 (est.)".

Session 64: a range ("£3,000-£4,500") or "TBC" in a cost line's Amount was refused beside it (a cost line is a cost
known to the penny, billed to the partners), but an estimate written with "c.", "~", "approx" or "(est.)" was read as
its figure and saved without a word, ready to be billed to the partners as if it were the invoice's amount.
"""

from datetime import date

import pytest

from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr

UNBILLED = "WSCSP-DHR-2017-02"
BILLED = "WSCSP-DHR-2017-01"


def _presenter(store, reference):
    presenter = DhrPresenter(store, today=lambda: date(2026, 12, 6))
    presenter.reload()
    presenter.select(dhr.case_id_by_reference(store, reference))
    return presenter


def _cost(store, reference):
    return dhr.case_cost_pence(store, dhr.case_id_by_reference(store, reference))


@pytest.mark.parametrize("typed", ["c. £5,000", "~£5000", "£1,234.56 (est.)", "approx £5,000", "about £4,500",
                                   "£4,500 estimated"])
def test_an_estimate_is_refused_beside_the_amount_and_nothing_is_saved(demo_store, typed):
    form = _presenter(demo_store, UNBILLED).cost_line_form()
    form.set_value("amount", typed)
    assert not form.save()
    said = form.message("amount")
    assert f"“{typed}” is an estimate" in said and "known to the penny" in said, said
    assert not form.save(), "Save again does not keep an estimate: it is refused, not queried"
    assert _cost(demo_store, UNBILLED) == 0


def test_the_figure_once_known_is_saved(demo_store):
    form = _presenter(demo_store, UNBILLED).cost_line_form()
    form.set_value("amount", "c. £5,000")
    assert not form.save()
    form.set_value("amount", "£4,987.50")
    assert form.save(), form.message("amount")
    assert _cost(demo_store, UNBILLED) == 498750


def test_a_correction_to_an_estimate_is_refused_too(demo_store):
    presenter = _presenter(demo_store, BILLED)
    case_id = dhr.case_id_by_reference(demo_store, BILLED)
    line = next(li for li in dhr.cost_lines(demo_store, case_id) if li["amount_pence"] == 625000)
    form = presenter.edit_cost_line_form(line)
    form.set_value("amount", "approx £7,000")
    assert not form.save() and not form.save()
    assert "“approx £7,000” is an estimate" in form.message("amount"), form.message("amount")
    assert _cost(demo_store, BILLED) == 752558
