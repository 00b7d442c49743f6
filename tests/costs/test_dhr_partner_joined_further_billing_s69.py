"""Costs added after the first billing of a review whose partners changed since (s69).

WSCSP-DHR-2017-02 billed £1,000 on 15/05/2022 among its nine statutory partners of that day (the two CCGs among
them); a chair's £900 added and billed on 01/09/2022. The further invoices went to the partners first billed, the two
CCGs (gone since 30/06/2022) included, and never to the Integrated Care Board that replaced them on 01/07/2022, though
DESIGN.md shares a review's cost among the CSP's statutory partners. Bill partners now asks who shares the costs added
since (Shared by), the partners on the invoice date by default; the service decides it for the window alike.
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr

TODAY = date(2022, 9, 1)
UNDER_WAY = "WSCSP-DHR-2017-02"
CCGS = {"West Suffolk CCG", "Ipswich and East CCG"}
ICB = "NHS Suffolk and North East Essex ICB"  # in their place from 01/07/2022


def billed_then_more(store) -> str:
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    dhr.add_cost_line(store, case_id, category="Independent chair/author", amount="1000", invoiced_on="2022-05-01")
    dhr.bill_partners(store, case_id, invoiced_on="2022-05-15")
    dhr.add_cost_line(store, case_id, category="Independent chair/author", amount="900", invoiced_on="2022-08-01")
    return case_id


def further(store, case_id: str) -> dict[str, int]:
    return {s.partner: s.amount_pence for s in dhr.list_shares(store, today=TODAY, case_id=case_id)
            if s.invoiced_on == TODAY}


def partners_on(store, case_id: str, day: date) -> set[str]:
    names = {r[0]: r[1] for r in store.rows("SELECT id, name FROM organisations")}
    return {names[o] for o in dhr.case_partners(store, case_id, day)}


def test_costs_added_since_go_by_default_to_the_partners_on_the_invoice_date(demo_store):
    case_id = billed_then_more(demo_store)
    today = partners_on(demo_store, case_id, TODAY)
    assert not CCGS & today and ICB in today
    assert dhr.partners_changed_since_billed(demo_store, case_id, TODAY)
    dhr.bill_partners(demo_store, case_id, invoiced_on=TODAY)
    shares = further(demo_store, case_id)
    assert set(shares) == today and sum(shares.values()) == 90000
    assert max(shares.values()) - min(shares.values()) <= 1  # split equally, to the penny
    assert dhr.unbilled_pence(demo_store, case_id) == 0


def test_the_officer_may_choose_the_partners_first_billed(demo_store):
    case_id = billed_then_more(demo_store)
    dhr.bill_partners(demo_store, case_id, invoiced_on=TODAY, sharing=dhr.FIRST_BILLED)
    shares = further(demo_store, case_id)
    assert CCGS <= set(shares) and shares["West Suffolk CCG"] == 10000 and sum(shares.values()) == 90000


def test_the_bill_form_asks_who_shares_them_the_partners_on_the_day_chosen(demo_store):
    case_id = billed_then_more(demo_store)
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload(select=case_id)
    form = p.bill_form()
    assert form.value("sharing") == dhr.ON_THE_DAY
    assert "are not those first billed" in form.note
    assert "West Suffolk CCG" not in form.note
    assert form.save()  # nothing to ask: no partner gone by the invoice date is billed
    shares = further(demo_store, case_id)
    assert set(shares) == partners_on(demo_store, case_id, TODAY) and ICB in shares


def test_choosing_the_partners_first_billed_asks_about_the_ccgs_once(demo_store):
    case_id = billed_then_more(demo_store)
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload(select=case_id)
    form = p.bill_form()
    form.set_value("sharing", dhr.FIRST_BILLED)
    assert not form.save()
    assert "or choose the partners on the invoice date in Shared by" in form.message("invoiced_on")
    assert form.save()
    assert CCGS <= set(further(demo_store, case_id))


def test_partners_unchanged_ask_nothing_and_bill_as_before(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="1000", invoiced_on="2022-05-01")
    dhr.bill_partners(demo_store, case_id, invoiced_on="2022-05-15")
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="90", invoiced_on="2022-06-01")
    assert not dhr.partners_changed_since_billed(demo_store, case_id, date(2022, 6, 20))
    p = DhrPresenter(demo_store, today=lambda: date(2022, 6, 20))
    p.reload(select=case_id)
    form = p.bill_form()
    assert "sharing" not in [f.key for f in form.fields]
    assert form.save()
    assert len(dhr.list_shares(demo_store, today=TODAY, case_id=case_id)) == 18


def bill_dialog_opened(window, qtbot):
    """The Reviews page of ``window`` with a review billed before and costs added since chosen, and its Bill partners
    dialog open: (page, case_id, dialog)."""
    from tests.costs.test_search_choice_round22 import reviews_page

    page = reviews_page(window, qtbot, TODAY)
    case_id = billed_then_more(page.store)
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    page.presenter.select(case_id)
    return page, case_id, page.bill_dialog()


def test_the_bill_dialog_shows_shared_by_and_saves_the_partners_on_the_day(demo_window, qtbot):
    from PySide6.QtCore import Qt

    from tests.costs.test_new_case_then_cost_line import button, field

    page, case_id, dialog = bill_dialog_opened(demo_window, qtbot)
    shared = field(dialog, "Shared by")
    assert shared.currentText() == "The statutory partners on the invoice date"
    assert [shared.itemText(i) for i in range(shared.count())] == [
        "The statutory partners on the invoice date", "The partners first billed, on 15/05/2022"]
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    shares = further(page.store, case_id)
    assert ICB in shares and not CCGS & set(shares) and sum(shares.values()) == 90000


def test_a_partner_paying_its_invoices_in_full_has_not_overpaid_after_the_icb_shared_the_costs_added(demo_store):
    case_id = billed_then_more(demo_store)
    dhr.bill_partners(demo_store, case_id, invoiced_on=TODAY)
    for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id):
        if s.partner in ("Babergh District Council", ICB):
            dhr.record_payment(demo_store, s.id, paid_on=TODAY, amount=s.amount_pence / 100)
    assert dhr.overpaid_credits(demo_store, case_id) == {}  # was Babergh £25 "overpaid": a refund offered
    # A further cost is shared among the partners on its invoice date again, the ICB among them
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="80", invoiced_on="2022-09-20")
    shares = dhr.bill_partners(demo_store, case_id, invoiced_on=date(2022, 10, 1))
    names = {r[0]: r[1] for r in demo_store.rows("SELECT id, name FROM organisations")}
    assert ICB in {names[o] for o in shares} and not CCGS & {names[o] for o in shares}
    assert sum(shares.values()) == 8000 and dhr.overpaid_credits(demo_store, case_id) == {}
