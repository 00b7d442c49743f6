"""A refund the county holds that an office's next file increases is checked as a new one is (round 39, cm2).

Babergh office refunded Babergh District Council £100 of the £250 it overpaid; the county merged it (its ledger held
the £250 overpaid). The office's file then sent the same refund at £400 (keyed again in its older program: the same
row, a larger amount): the county took it, and held £400 refunded to a partner that overpaid £250 there, since only a
refund new to the county was checked against the county's credit (``refund-cannot-take``). The larger amount is not
merged: the county keeps the £100, the conflict says why, and keeping the office's version is refused while the
county's ledger holds no credit for it.
"""

from __future__ import annotations

import pytest

from safer_desk.services import dhr
from safer_desk.services.county import CountyError, list_conflicts, resolve_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import add_own_rows, export, merge, office_from, template
from tests.exchange.test_refund_merge_round38 import BABERGH, _overpaid_review


def test_a_refund_increased_beyond_the_county_credit_is_a_conflict(tmp_path):
    base = template(tmp_path, police=False)
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        add_own_rows(babergh, "Babergh", fund=False)
        case = _overpaid_review(babergh)
        refund = dhr.record_refund(babergh, case, BABERGH, refunded_on="2025-10-15", amount="100", reference="BACS 1")
        merge(county, [export(babergh, tmp_path / "b1.sqlite")])
        assert [r.amount_pence for r in dhr.case_refunds(county, case)] == [10000]

        with babergh.transaction():  # as an older program kept it: the same refund, a larger amount
            babergh.conn.execute("UPDATE dhr_refunds SET amount_pence = 40000 WHERE id = ?", (refund,))
        report = merge(county, [export(babergh, tmp_path / "b2.sqlite")])

        assert [r.amount_pence for r in dhr.case_refunds(county, case)] == [10000]  # as the county held it
        assert dhr.refund_credit(county, case, BABERGH) == 15000
        assert not report.replaced, report.text()
        [conflict] = list_conflicts(county)
        assert conflict.table == "dhr_refunds" and conflict.kind == "refund-cannot-take", conflict.detail
        assert "£400.00 from Babergh office, not merged" in conflict.detail, conflict.detail
        assert "Babergh District Council overpaid £250.00 on the review, less than the £400.00 refunded" \
            in conflict.detail, conflict.detail
        with pytest.raises(CountyError, match="overpaid £250.00 on the review"):
            resolve_conflicts(county, "district", which=conflict.id)
        assert [r.amount_pence for r in dhr.case_refunds(county, case)] == [10000]

        merge(county, [export(babergh, tmp_path / "b3.sqlite")])  # the same file again: still held, nothing changes
        assert [r.amount_pence for r in dhr.case_refunds(county, case)] == [10000] and len(list_conflicts(county)) == 1
        resolve_conflicts(county, "county", which=conflict.id)
        assert [r.amount_pence for r in dhr.case_refunds(county, case)] == [10000] and list_conflicts(county) == []
    finally:
        babergh.close()
        county.close()


def test_a_refund_increased_within_the_county_credit_comes_in(tmp_path):
    base = template(tmp_path, police=False)
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        add_own_rows(babergh, "Babergh", fund=False)
        case = _overpaid_review(babergh)
        refund = dhr.record_refund(babergh, case, BABERGH, refunded_on="2025-10-15", amount="100", reference="BACS 1")
        merge(county, [export(babergh, tmp_path / "b1.sqlite")])
        with babergh.transaction():
            babergh.conn.execute("UPDATE dhr_refunds SET amount_pence = 25000 WHERE id = ?", (refund,))
        report = merge(county, [export(babergh, tmp_path / "b2.sqlite")])
        assert [r.amount_pence for r in dhr.case_refunds(county, case)] == [25000] and report.replaced == 1
        assert list_conflicts(county) == []
    finally:
        babergh.close()
        county.close()


def test_kept_once_the_county_ledger_can_take_it_the_larger_refund_replaces_the_county(tmp_path, monkeypatch):
    """Keep District Version of a refund the county held, once its ledger holds the credit for it: the county's refund
    is the office's, one refund, never two."""
    from safer_desk.services import county as county_service

    base = template(tmp_path, police=False)
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        add_own_rows(babergh, "Babergh", fund=False)
        case = _overpaid_review(babergh)
        refund = dhr.record_refund(babergh, case, BABERGH, refunded_on="2025-10-15", amount="100", reference="BACS 1")
        merge(county, [export(babergh, tmp_path / "b1.sqlite")])
        with babergh.transaction():
            babergh.conn.execute("UPDATE dhr_refunds SET amount_pence = 40000 WHERE id = ?", (refund,))
        merge(county, [export(babergh, tmp_path / "b2.sqlite")])
        [conflict] = list_conflicts(county)
        monkeypatch.setattr(county_service, "_refund_credit", lambda store, case_id, org: 30000)  # (its ledger since)
        resolve_conflicts(county, "district", which=conflict.id)
        assert [(r.id, r.amount_pence) for r in dhr.case_refunds(county, case)] == [(refund, 40000)]
        assert list_conflicts(county) == []
    finally:
        babergh.close()
        county.close()
