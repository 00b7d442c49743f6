"""A payment larger than a partner's share, round 36 (dha): refused with what to do, or, where billing again leaves a
partner having paid more than its new share, said plainly on its invoice, the ledger still adding up to the penny."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from safer_desk.domain.dhr import DhrError
from safer_desk.domain.money import format_pounds_plain
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from tests.cli_run import run

TODAY = date(2026, 12, 1)
BILLED = "WSCSP-DHR-2017-01"  # £7,525.58 split equally among 11 partners; five paid in full, the county £400


def shares(store, partner=None):
    case = dhr.case_id_by_reference(store, BILLED)
    rows = dhr.list_shares(store, today=TODAY, case_id=case)
    return rows if partner is None else next(s for s in rows if s.partner == partner and s.kind == "share")


def ledger_totals(capsys, path) -> dict:
    code, out, err = run(capsys, "dhr-ledger", path)
    assert code == 0, err
    return {r["partner"]: r for r in csv.DictReader(io.StringIO(out))}


def test_a_payment_beyond_what_is_owed_is_refused_saying_what_to_do(demo_store):
    county = shares(demo_store, "Suffolk County Council")  # £284.14 outstanding
    with pytest.raises(DhrError) as refused:
        dhr.record_payment(demo_store, county.id, paid_on="01/09/2018", amount="£300")
    said = str(refused.value)
    assert said.startswith("£300 is more than the £284.14 outstanding on this share.")
    assert "record £284.14 here and return the £15.86 overpaid to the partner" in said
    assert "set it against a later invoice" in said
    paid_in_full = shares(demo_store, "Babergh District Council")
    with pytest.raises(DhrError, match=r"it is paid in full\. If the partner paid it, the £50 is an overpayment: "
                                       r"return it to the partner"):
        dhr.record_payment(demo_store, paid_in_full.id, paid_on="01/09/2018", amount="50")
    assert shares(demo_store, "Suffolk County Council").paid_pence == county.paid_pence  # nothing recorded


def test_the_payment_form_says_it_beside_the_amount(demo_store):
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload()
    p.select(dhr.case_id_by_reference(demo_store, BILLED))
    form = p.payment_form(shares(demo_store, "Suffolk County Council"))
    form.set_value("amount", "£300")
    assert not form.save()
    assert "return the £15.86 overpaid to the partner" in form.message("amount")


def test_billed_again_below_what_a_partner_paid_says_it_overpaid_and_the_ledger_adds_up(demo_store, demo_path,
                                                                                         capsys):
    """A cost keyed £2,500 too high, billed and paid by five partners, put right by billing again: each of the five
    paid more than its share of the corrected cost. Its invoice says so; the ledger still adds up."""
    case = dhr.case_id_by_reference(demo_store, BILLED)
    chair = max(dhr.cost_lines(demo_store, case), key=lambda line: line["amount_pence"])
    fields = {k: chair[k] for k in ("category", "description", "supplier", "invoice_ref", "invoiced_on")}
    plan = dhr.correction_rebilling(demo_store, chair["id"], category=chair["category"],
                                    amount_pence=chair["amount_pence"] - 250000, on="10/09/2018")
    babergh = shares(demo_store, "Babergh District Council")
    assert plan.overpaid[babergh.organisation_id] == 68415 - plan.shares[babergh.organisation_id] == 22727
    assert "overpaid £227.27, carried forward to the review's cost" in plan.describe(BILLED)
    dhr.update_cost_line(demo_store, chair["id"], bill_again_on="10/09/2018",
                         amount=chair["amount_pence"] - 250000, **fields)
    babergh = shares(demo_store, "Babergh District Council")
    assert babergh.reason.startswith("Overpaid £227.27 (paid £684.15 of a £456.88 share once billed again on "
                                     "10/09/2018): carried forward to the review's cost")
    overpaid = [s for s in shares(demo_store) if s.reason.startswith("Overpaid")]
    assert len(overpaid) == 5 and all(s.outstanding_pence == 0 for s in overpaid)
    # the ledger adds up: per partner and in total, the CSV, the case and the report
    ledger = dhr.partner_ledger(demo_store, today=TODAY)
    for p in ledger:
        assert p.billed_pence == p.paid_pence + p.refused_pence + p.written_off_pence + p.outstanding_pence
    summary = next(c for c in dhr.list_cases(demo_store, today=TODAY) if c.id == case)
    assert summary.cost_pence == 502558 == sum(p.billed_pence for p in ledger)
    assert summary.cost_pence == (summary.recovered_pence + summary.outstanding_pence + summary.shortfall_pence
                                  + summary.unbilled_pence)
    demo_store.close()
    total = ledger_totals(capsys, demo_path)["Total"]
    assert [total[k] for k in ("billed", "paid", "refused", "outstanding")] == [format_pounds_plain(v) for v in (
        502558, sum(p.paid_pence for p in ledger), sum(p.refused_pence for p in ledger),
        sum(p.outstanding_pence for p in ledger))]


def test_only_the_partners_who_paid_beyond_their_new_share_are_said_to_have_overpaid(demo_store):
    """£10 less: the five who paid in full are 91p over their new share (pennies exact); the county, with £400
    paid of its share, and those who paid nothing are not."""
    case = dhr.case_id_by_reference(demo_store, BILLED)
    chair = max(dhr.cost_lines(demo_store, case), key=lambda line: line["amount_pence"])
    plan = dhr.correction_rebilling(demo_store, chair["id"], category=chair["category"],
                                    amount_pence=chair["amount_pence"] - 1000, on="10/09/2018")
    paid_in_full = {s.organisation_id: s.paid_pence for s in shares(demo_store)
                    if s.paid_pence and not s.outstanding_pence}
    assert set(plan.overpaid) == set(paid_in_full)
    assert all(plan.overpaid[o] == paid - plan.shares[o] for o, paid in paid_in_full.items())
    assert sum(plan.shares.values()) == 752558 - 1000
