"""A refund an office sends that the county's own ledger has no credit for (round 39).

Babergh office's review was paid in full by Babergh District Council; the county lead then corrected the chair's
cost line in the county file (its description). Babergh office found the chair's cost £2,500 lower, billed the
partners again and refunded the council its £250 over its new share. Its next file raised a conflict about the cost
line (the county keeps its own until the lead decides, so the county's shares are as they were) and merged the
refund all the same: the county then held £250 refunded to a partner that, in the county's ledger, had paid no more
than its share (the Costs tab refuses to record such a refund). Such a refund is not merged: it is a conflict that
says why, and it comes in with the office's next file once the county's ledger holds the overpayment.
"""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from safer_desk.services import dhr
from safer_desk.services.county import CountyError, list_conflicts, resolve_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import add_own_rows, export, merge, office_from, template
from tests.exchange.test_refund_merge_round38 import BABERGH, TODAY


def _paid_in_full(store) -> str:
    case = dhr.case_id_by_reference(store, "BABERGH-DHR-2025-01")
    share = next(s for s in dhr.list_shares(store, today=TODAY, case_id=case) if s.organisation_id == BABERGH)
    dhr.record_payment(store, share.id, paid_on="2025-09-20", amount=share.amount_pence / 100)
    return case


def _billed_lower(store, case: str) -> None:
    line = dhr.cost_lines(store, case)[0]
    fields = {k: line[k] for k in ("category", "description", "supplier", "invoice_ref", "invoiced_on")}
    dhr.update_cost_line(store, line["id"], bill_again_on="2025-10-01", amount=line["amount_pence"] - 250000,
                         **fields)


@contextmanager
def merged_once(tmp_path):
    """A county file holding Babergh office's review, which Babergh District Council paid in full, as merged from
    Babergh office's first file: yields the county, the office and the review's id."""
    base = template(tmp_path, police=False)
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        add_own_rows(babergh, "Babergh", fund=False)
        case = _paid_in_full(babergh)
        merge(county, [export(babergh, tmp_path / "b1.sqlite")])
        yield county, babergh, case
    finally:
        babergh.close()
        county.close()


def edit_at_county(county, case: str) -> None:
    """The county lead corrects the chair's cost line in the county file."""
    line = dhr.cost_lines(county, case)[0]
    with county.transaction():
        county.conn.execute("UPDATE dhr_cost_lines SET description = 'Chair and author (county)' WHERE id = ?",
                            (line["id"],))


def billed_lower_and_refunded(babergh, case: str) -> None:
    """Babergh office finds the chair's cost £2,500 lower, bills again and refunds its council the £250 over."""
    _billed_lower(babergh, case)
    dhr.record_refund(babergh, case, BABERGH, refunded_on="2025-10-15", amount="250", reference="BACS 4471")


@contextmanager
def county_holding_a_refund_it_cannot_take(tmp_path):
    """The module's story up to Babergh office's second file merged: yields the county, the office, the review."""
    with merged_once(tmp_path) as (county, babergh, case):
        edit_at_county(county, case)
        billed_lower_and_refunded(babergh, case)
        merge(county, [export(babergh, tmp_path / "b2.sqlite")])
        yield county, babergh, case


def _refunded_beyond_overpaid(store, case: str) -> dict[str, int]:
    """Per partner, what the county holds refunded beyond what it overpaid in the county's ledger."""
    refunded = dhr.refunded_by_partner(store, case)
    store.conn.execute("SAVEPOINT without_refunds")
    try:
        store.conn.execute("DELETE FROM dhr_refunds WHERE case_id = ?", (case,))
        credits = dhr.overpaid_credits(store, case)
    finally:
        store.conn.execute("ROLLBACK TO without_refunds")
        store.conn.execute("RELEASE without_refunds")
    return {org: pence - credits.get(org, 0) for org, pence in refunded.items() if pence > credits.get(org, 0)}


def test_a_refund_the_county_ledger_has_no_credit_for_is_a_conflict_not_merged(tmp_path):
    with county_holding_a_refund_it_cannot_take(tmp_path) as (county, babergh, case):
        assert _refunded_beyond_overpaid(county, case) == {}
        [refund] = [c for c in list_conflicts(county) if c.table == "dhr_refunds"]
        assert "not merged" in refund.detail and "£250.00" in refund.detail, refund.detail
        assert "has paid no more than its share" in refund.detail, refund.detail
        assert dhr.case_refunds(county, case) == []
        with pytest.raises(CountyError, match="paid no more than its share"):
            resolve_conflicts(county, "district", which=refund.id)
        assert _refunded_beyond_overpaid(county, case) == {}

        [line_conflict] = [c for c in list_conflicts(county) if c.table == "dhr_cost_lines"]
        resolve_conflicts(county, "district", which=line_conflict.id)  # the lower cost: the council overpaid
        merge(county, [export(babergh, tmp_path / "b3.sqlite")])  # the refund comes in with the next file
        assert [r.amount_pence for r in dhr.case_refunds(county, case)] == [25000] and list_conflicts(county) == []
        assert _refunded_beyond_overpaid(county, case) == {}
