"""A review's billing again waits with the conflict about its cost line (round 39, cm2).

The county lead corrected the chair's cost line of Babergh office's review (its description); Babergh office found the
chair's cost £2,500 lower and billed the partners again (their unpaid invoices cancelled, new ones for the lower
shares). Its next file raised a conflict about the cost line, so the county kept its £7,525.58, but the office's
invoices replaced the county's all the same: the county billed £5,025.58 against the £7,525.58 it held, and its
Reviews said £2,500 "added since the partners were billed, has not been billed yet" (Bill partners would have billed
it again), until the lead decided. The billing again is held with the conflict, which says so: the county bills the
cost it holds at every moment; Keep District Version brings the office's invoices with its cost line.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.services import dhr
from safer_desk.services.county import CountyError, list_conflicts, resolve_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import add_own_rows, export, merge, office_from, template

TODAY = date(2026, 12, 1)
BABERGH = "org:babergh-district-council"
REFERENCE = "BABERGH-DHR-2025-01"


def ledger_adds_up(store, case: str) -> dict[str, int]:
    """The review's ledger as the Costs tab reads it, its invariants checked: per partner billed = paid + refused +
    written off + outstanding; for the review cost = paid − refunded + outstanding + shortfall + not yet billed, with
    the shortfall what was refused or written off and not dealt with, and what is billed for its costs within its
    cost."""
    row = next(c for c in dhr.list_cases(store, today=TODAY) if c.id == case)
    for p in dhr.partner_ledger(store, today=TODAY, case_id=case):
        assert p.billed_pence == p.paid_pence + p.refused_pence + p.written_off_pence + p.outstanding_pence, p
    assert row.cost_pence == (row.recovered_pence - row.refunded_pence + row.outstanding_pence + row.shortfall_pence
                              + row.unbilled_pence), row
    assert row.shortfall_pence == row.billing.uncovered_pence - row.unbilled_pence >= 0, row
    return {"cost": row.cost_pence, "billed": row.billed_pence, "unbilled": row.unbilled_pence}


@pytest.fixture
def babergh_and_county(tmp_path):
    """Babergh office's review paid in full by Babergh District Council, merged; the county then corrected the chair's
    cost line's description, and the office billed the partners again at £2,500 less (not merged yet)."""
    base = template(tmp_path, police=False)
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    add_own_rows(babergh, "Babergh", fund=False)
    case = dhr.case_id_by_reference(babergh, REFERENCE)
    share = next(s for s in dhr.list_shares(babergh, today=TODAY, case_id=case) if s.organisation_id == BABERGH)
    dhr.record_payment(babergh, share.id, paid_on="2025-09-20", amount=share.amount_pence / 100)
    merge(county, [export(babergh, tmp_path / "b1.sqlite")])
    with county.transaction():
        county.conn.execute("UPDATE dhr_cost_lines SET description = 'Chair and author (county)' WHERE case_id = ?",
                            (case,))
    line = dhr.cost_lines(babergh, case)[0]
    fields = {k: line[k] for k in ("category", "description", "supplier", "invoice_ref", "invoiced_on")}
    dhr.update_cost_line(babergh, line["id"], bill_again_on="2025-10-01", amount=line["amount_pence"] - 250000,
                         **fields)
    yield babergh, county, case
    babergh.close()
    county.close()


def _invoices(store, case: str) -> list[tuple]:
    return store.rows("SELECT id, organisation_id, amount_pence, invoice_ref, status FROM dhr_shares "
                      "WHERE case_id = ? ORDER BY id", (case,))


def test_the_billing_again_waits_with_the_cost_line_and_comes_with_it(babergh_and_county, tmp_path):
    babergh, county, case = babergh_and_county
    before = _invoices(county, case)
    report = merge(county, [export(babergh, tmp_path / "b2.sqlite")])

    assert ledger_adds_up(county, case) == {"cost": 752558, "billed": 752558, "unbilled": 0}
    assert _invoices(county, case) == before  # the county's invoices, as it held them
    assert "shares of review costs" not in report.text(), report.text()  # none removed, none added
    [conflict] = list_conflicts(county)
    assert conflict.table == "dhr_cost_lines", conflict.detail
    assert ("Babergh office billed the partners again on 01/10/2025 (£5,025.58 for the review's costs), not merged "
            f"while this is open: the county holds {REFERENCE} billed £7,525.58 for its costs") in conflict.detail

    resolve_conflicts(county, "district", which=conflict.id)  # the office's cost line, and its invoices with it
    assert ledger_adds_up(county, case) == {"cost": 502558, "billed": 502558, "unbilled": 0}
    assert _invoices(county, case) == _invoices(babergh, case)
    report = merge(county, [export(babergh, tmp_path / "b3.sqlite")])  # nothing more to bring
    assert list_conflicts(county) == [] and not report.added and not report.removed, report.text()
    assert _invoices(county, case) == _invoices(babergh, case)


def test_kept_at_the_county_the_office_billing_comes_with_its_next_file(babergh_and_county, tmp_path):
    babergh, county, case = babergh_and_county
    merge(county, [export(babergh, tmp_path / "b2.sqlite")])
    [conflict] = list_conflicts(county)
    resolve_conflicts(county, "county", which=conflict.id)
    assert ledger_adds_up(county, case) == {"cost": 752558, "billed": 752558, "unbilled": 0}
    merge(county, [export(babergh, tmp_path / "b3.sqlite")])  # the decision stands: the office's invoices come in
    assert list_conflicts(county) == []
    assert ledger_adds_up(county, case) == {"cost": 752558, "billed": 502558, "unbilled": 250000}


def test_keeping_the_office_billing_never_loses_a_payment_the_county_holds(babergh_and_county, tmp_path):
    """A payment the county recorded towards an invoice the office's billing again cancels: keeping the office's cost
    line would lose it, so it is refused and nothing changes."""
    babergh, county, case = babergh_and_county
    merge(county, [export(babergh, tmp_path / "b2.sqlite")])
    share = next(s for s in dhr.list_shares(county, today=TODAY, case_id=case) if s.organisation_id != BABERGH)
    dhr.record_payment(county, share.id, paid_on="2025-10-05", amount="10")
    [conflict] = list_conflicts(county)
    with pytest.raises(CountyError, match="The county holds £10.00 paid towards the review's invoices"):
        resolve_conflicts(county, "district", which=conflict.id)
    assert ledger_adds_up(county, case)["cost"] == 752558 and len(list_conflicts(county)) == 1


def test_a_review_both_offices_bill_keeps_the_county_billing_until_they_agree(offices):
    """WSCSP-DHR-2025-01 is held alike by Babergh and Mid Suffolk offices; Babergh office billed it again at £2,500
    less. Its billing waits with the conflict; keeping it would leave Mid Suffolk office's invoices to come back with
    its next file beside Babergh's (billed twice), so it is refused and nothing changes."""
    o = offices
    case = dhr.case_id_by_reference(o.babergh, "WSCSP-DHR-2025-01")
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    line = dhr.cost_lines(o.babergh, case)[0]
    fields = {k: line[k] for k in ("category", "description", "supplier", "invoice_ref", "invoiced_on")}
    dhr.update_cost_line(o.babergh, line["id"], bill_again_on="2025-10-01", amount=line["amount_pence"] - 250000,
                         **fields)
    merge(o.county, [o.send(o.babergh)])
    assert ledger_adds_up(o.county, case) == {"cost": 752558, "billed": 752558, "unbilled": 0}
    [conflict] = list_conflicts(o.county)
    assert "not merged while this is open" in conflict.detail, conflict.detail
    with pytest.raises(CountyError, match="held alike by Mid Suffolk office too"):
        resolve_conflicts(o.county, "district", which=conflict.id)
    assert ledger_adds_up(o.county, case) == {"cost": 752558, "billed": 752558, "unbilled": 0}
    merge(o.county, [o.send(o.mid)])
    assert ledger_adds_up(o.county, case) == {"cost": 752558, "billed": 752558, "unbilled": 0}
