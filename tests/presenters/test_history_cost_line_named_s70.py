"""Session 70: History of Changes names a review's cost line without an invoice number by what it was for.

Found correcting WSCSP-DHR-2017-02's chair's fee (£1,350 dated 10/05/2018, no invoice number yet) to £1,100 dated
10/06/2018: the detail read "Changed the amount of review cost of WSCSP-DHR-2017-02 from £1,350 to £1,100" and
"Changed the invoiced date of review cost of WSCSP-DHR-2017-02 …", the same words for any of the review's costs, so
the officer could not tell the chair's fee from the minutes'. A line with no invoice number is now named by its
category, as the Reviews page lists it; one with a number by its number, as before.
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.presenters.history import history_lines
from safer_desk.services import dhr

CHAIR = "Independent chair/author"


def test_a_correction_of_a_cost_without_an_invoice_number_names_what_it_was_for(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-02")
    line = dhr.add_cost_line(demo_store, case_id, category=CHAIR, amount="1350", invoiced_on="2018-05-10",
                             description="Chair's fee")
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="250", invoiced_on="2018-05-20")
    log = ActionLog()
    p = DhrPresenter(demo_store, perform=log, today=lambda: date(2026, 12, 1))
    p.reload(select=case_id)
    p.select(case_id)
    form = p.edit_cost_line_form(next(li for li in dhr.cost_lines(demo_store, case_id) if li["id"] == line))
    form.set_value("amount", "1100")
    form.set_value("invoiced_on", "2018-06-10")
    assert form.save()
    named = f"review cost {CHAIR} of WSCSP-DHR-2017-02"
    assert history_lines(demo_store)[0].details == (
        f"Changed the invoiced date of {named} from 10 May 2018 to 10 Jun 2018",
        f"Changed the amount of {named} from £1,350 to £1,100")
    log.undo()
    assert history_lines(demo_store)[0].details == (
        f"Changed the invoiced date of {named} from 10 Jun 2018 to 10 May 2018",
        f"Changed the amount of {named} from £1,100 to £1,350")
    added = next(h for h in history_lines(demo_store) if h.details[0].startswith("Added review cost Administration"))
    assert added.details == ("Added review cost Administration of WSCSP-DHR-2017-02: invoiced date 20 May 2018; "
                             "amount £250",)  # its category said once, in its name
