"""Round 38 (rfn): a refund of review costs travels to the county as a payment does.

Two offices each bill a review; Babergh office's review is billed again below what two partners paid, and one of them
is refunded. The county file merged from both holds the refund once (merging the same export again changes nothing),
its ledger says it, and a refund recorded since comes with the office's next export. A refund's reference is free text
that leaves the office: one naming a person is refused on the way out, saying where it is and how to correct it.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.exchange.county_conflicts import Describer, rows_counted
from safer_desk.services import dhr
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import add_own_rows, export, merge, office_from, template
from tests.exchange.helpers import cli_output, edit_outside

TODAY = date(2026, 12, 1)
BABERGH = "org:babergh-district-council"
CONSTABULARY = "org:suffolk-constabulary"


def _overpaid_review(store) -> str:
    """Babergh's review paid in full by Babergh District Council and the Constabulary, then its chair's cost found
    £2,000 lower and billed again: each is £250 over its new share (£2,000 among the eight partners of 2025, the CCGs
    and the CRC gone)."""
    case = dhr.case_id_by_reference(store, "BABERGH-DHR-2025-01")
    for share in dhr.list_shares(store, today=TODAY, case_id=case):
        if share.organisation_id in (BABERGH, CONSTABULARY):
            dhr.record_payment(store, share.id, paid_on="2025-09-20", amount=share.amount_pence / 100)
    line = dhr.cost_lines(store, case)[0]
    fields = {k: line[k] for k in ("category", "description", "supplier", "invoice_ref", "invoiced_on")}
    dhr.update_cost_line(store, line["id"], bill_again_on="2025-10-01", amount=line["amount_pence"] - 200000,
                         **fields)
    assert dhr.overpaid_credits(store, case)[BABERGH] == 25000
    return case


@pytest.fixture
def offices(tmp_path):
    base = template(tmp_path, police=False)
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    add_own_rows(babergh, "Babergh", fund=False)
    add_own_rows(mid, "Mid Suffolk", fund=False)
    yield babergh, mid
    babergh.close()
    mid.close()


def test_a_refund_merges_once_and_the_next_one_follows(offices, tmp_path):
    babergh, mid = offices
    case = _overpaid_review(babergh)
    dhr.record_refund(babergh, case, BABERGH, refunded_on="2025-10-15", amount="250", reference="BACS 4471")
    first = [export(babergh, tmp_path / "babergh-1.sqlite"), export(mid, tmp_path / "mid-1.sqlite")]
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, first)
        assert [(r.partner, r.amount_pence, r.reference) for r in dhr.case_refunds(county, case)] == [
            ("Babergh District Council", 25000, "BACS 4471")]
        ledger = {p.organisation_id: p for p in dhr.partner_ledger(county, today=TODAY)}
        assert ledger[BABERGH].refunded_pence == 25000
        row = next(c for c in dhr.list_cases(county, today=TODAY) if c.id == case)
        assert row.refunded_pence == 25000 and row.unbilled_pence == 25000
        merge(county, first)  # the same files again: nothing changes
        assert county.scalar("SELECT count(*) FROM dhr_refunds") == 1
        dhr.record_refund(babergh, case, CONSTABULARY, refunded_on="2025-10-20", amount="100")
        merge(county, [export(babergh, tmp_path / "babergh-2.sqlite")])
        assert sorted(r.amount_pence for r in dhr.case_refunds(county, case)) == [10000, 25000]
        assert county.scalar("SELECT count(*) FROM _county_conflicts") == 0
        refund = county.one("SELECT * FROM dhr_refunds WHERE amount_pence = 25000")
        said = Describer(county.conn).subject("dhr_refunds", dict(refund))
        assert said.startswith("Refund of review costs of ") and "Babergh District Council" in said, said
        assert rows_counted("dhr_refunds", 2) == "2 refunds of review costs"
    finally:
        county.close()


def test_a_name_in_a_refunds_reference_is_refused_on_the_way_out_saying_where(offices, tmp_path):
    babergh, _ = offices
    case = _overpaid_review(babergh)
    refund = dhr.record_refund(babergh, case, BABERGH, refunded_on="2025-10-15", amount="250", reference="BACS")
    path = babergh.path
    babergh.close()
    edit_outside(path, "UPDATE dhr_refunds SET reference = ? WHERE id = ?", ("Paid to Jane Smith", refund))
    code, _, err = cli_output(["export", str(path), str(tmp_path / "out.sqlite")])
    assert code == 1 and "Jane" not in err and "Smith" not in err, err
    assert ("Refund reference of the refund to Babergh District Council of review BABERGH-DHR-2025-01 "
            "(table dhr_refunds") in err, err
    assert "More > Delete a refund…, then record it again (Refund excess…)" in err, err
