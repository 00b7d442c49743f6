"""Bill partners for costs added since names a partner that has left the partnership by the invoice date (s68).

Session 68: WSCSP-DHR-2017-02, billed £1,000 on 15/05/2022 to its nine statutory partners of that day (the two CCGs
among them), then a new chair's £900 added and billed on 01/09/2022: the further invoices went to West Suffolk CCG and
Ipswich and East CCG, £100 each, unsaid, though both ceased to be partners on 30/06/2022 (the ICB in their place). The
form now asks once, beside the invoice date, naming them and their last day; Save again bills them as before.
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr

TODAY = date(2022, 9, 1)
UNDER_WAY = "WSCSP-DHR-2017-02"


def test_further_invoices_to_partners_gone_by_their_date_are_asked_about_once(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="1000", invoiced_on="2022-05-01")
    dhr.bill_partners(demo_store, case_id, invoiced_on="2022-05-15")
    dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="900", invoiced_on="2022-08-01")
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload(select=case_id)
    assert dhr.former_partners_billed(demo_store, case_id, date(2022, 6, 30)) == []  # still partners that day
    form = p.bill_form()
    form.set_value("sharing", dhr.FIRST_BILLED)  # s69: the partners on the invoice date, unless these are chosen
    assert not form.save()
    said = form.message("invoiced_on")
    assert ("Ipswich and East CCG (to 30/06/2022) and West Suffolk CCG (to 30/06/2022) are no longer statutory "
            "partners on 01/09/2022, yet the review's split bills them for the costs added since") in said, said
    assert len(dhr.list_shares(demo_store, today=TODAY, case_id=case_id)) == 9  # nothing billed yet
    assert form.save()
    further = {s.partner: s.amount_pence for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id)
               if s.invoiced_on == TODAY}
    assert further["West Suffolk CCG"] == 10000 and sum(further.values()) == 90000


def test_billing_within_the_partners_days_asks_nothing(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="1000", invoiced_on="2022-05-01")
    dhr.bill_partners(demo_store, case_id, invoiced_on="2022-05-15")
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="90", invoiced_on="2022-06-01")
    p = DhrPresenter(demo_store, today=lambda: date(2022, 6, 20))
    p.reload(select=case_id)
    assert p.bill_form().save()
    assert len(dhr.list_shares(demo_store, today=TODAY, case_id=case_id)) == 18
