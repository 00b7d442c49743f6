"""Session 67: correcting a review cost's invoice reference (Edit… on the review's costs, its field "Invoice
reference") read in the History "Changed the invoice ref of review cost INV-2018-77 of WSCSP-DHR-2017-01 from
MSDC-ADM-0318 to INV-2018-77": the file's column name, cut short."""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.presenters.history import history_lines
from safer_desk.services import dhr


def test_an_invoice_reference_corrected_is_said_as_the_form_labels_it(demo_store):
    reviews = DhrPresenter(demo_store, perform=ActionLog(), today=lambda: date(2018, 9, 1))
    reviews.reload()
    case = next(c for c in reviews.rows if dhr.cost_lines(demo_store, c.id))
    reviews.select(case.id)
    line = next(cost for cost in dhr.cost_lines(demo_store, case.id) if cost.get("invoice_ref"))
    form = reviews.edit_cost_line_form(line)
    form.set_value("invoice_ref", "INV-2018-77")
    assert form.save() or form.save(), form.errors
    said = history_lines(demo_store)[0]
    assert "invoice ref " not in said.summary, said.summary
    assert said.details == (f"Changed the invoice reference of review cost INV-2018-77 of {case.reference} from "
                            f"{line['invoice_ref']} to INV-2018-77",), said.details
