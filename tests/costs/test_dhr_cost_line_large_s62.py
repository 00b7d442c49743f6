"""A review's cost line far beyond what reviews cost: "£2 million", or an extra nought.

Session 62: "£2 million" typed in a cost line's Amount (or £62,500 for £6,250) was saved and billed to the partners
without a word, though reviews cost £10k–£15k nationally (DESIGN.md 2.3).
"""

from datetime import date

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


def test_two_million_pounds_is_queried_before_it_is_saved_and_kept_on_save_again(demo_store):
    presenter = _presenter(demo_store, UNBILLED)
    form = presenter.cost_line_form()
    form.set_value("amount", "£2 million")
    assert not form.save()
    said = form.message("amount")
    assert "£2,000,000" in said and "Save again" in said, said
    assert _cost(demo_store, UNBILLED) == 0
    assert form.save()  # Save again keeps it: a review may cost that much
    assert _cost(demo_store, UNBILLED) == 200_000_000


def test_a_usual_cost_line_is_saved_at_once(demo_store):
    form = _presenter(demo_store, UNBILLED).cost_line_form()
    form.set_value("amount", "£12,500")
    assert form.save() and _cost(demo_store, UNBILLED) == 1_250_000


def test_a_cost_line_corrected_to_an_extra_nought_is_queried_and_one_kept_is_not_asked_again(demo_store):
    presenter = _presenter(demo_store, BILLED)
    case_id = dhr.case_id_by_reference(demo_store, BILLED)
    line = next(li for li in dhr.cost_lines(demo_store, case_id) if li["amount_pence"] == 625000)
    form = presenter.edit_cost_line_form(line)
    form.set_value("amount", "£62,500")  # £6,250 with a nought too many
    assert not form.save()
    assert "£62,500" in form.message("amount"), form.message("amount")
    assert _cost(demo_store, BILLED) == 752558
    assert form.save() and _cost(demo_store, BILLED) == 752558 - 625000 + 6_250_000
    line = next(li for li in dhr.cost_lines(demo_store, case_id) if li["id"] == line["id"])
    form = presenter.edit_cost_line_form(line)
    form.set_value("supplier", "Independent DHR chair (fees)")  # the amount kept as it is
    assert form.save(), form.message("amount")
