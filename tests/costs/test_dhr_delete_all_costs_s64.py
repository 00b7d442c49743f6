"""Costs > Reviews: every cost line of a billed review deleted (nothing paid) issued ten £0 invoices.

A review's only cost line, billed to its ten partners (X-01 … X-10) and nothing paid, deleted as keyed in error: the
question said the ten invoices were cancelled and "nothing billed anew", but on Save ten new invoices of £0 were issued,
X-11 … X-20, each "Billed again … with the review's own split, its costs corrected to £0, in place of X-01", and the
per-partner ledger (`dhr-ledger`, the Ledger) then listed every partner billed £0. A review that costs nothing bills
nobody: its invoices are withdrawn (cancelled, their numbers never used again), none is issued in their place, and the
question says so in those words. The review reads as not billed; a cost added later is billed afresh.
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from safer_desk.storage.store import open_store

TODAY = date(2026, 12, 1)
UNDER_WAY = "WSCSP-DHR-2017-02"


@pytest.fixture
def billed(demo_path, tmp_path):
    path = tmp_path / "billed.sqlite"
    shutil.copyfile(demo_path, path)
    store = open_store(path)
    case = dhr.case_id_by_reference(store, UNDER_WAY)
    dhr.add_cost_line(store, case, category="Independent chair/author", amount="5000")
    dhr.bill_partners(store, case, invoiced_on="01/11/2026", invoice_prefix="X-")
    log = ActionLog()
    p = DhrPresenter(store, perform=log, today=lambda: TODAY)
    p.reload()
    p.select(case)
    p.log = log
    yield store, case, p
    store.close()


def test_deleting_the_only_cost_line_withdraws_the_invoices_and_issues_none(billed):
    store, case, p = billed
    line = dhr.cost_lines(store, case)[0]
    said = p.delete_cost_line_said(line)
    # billed on 01/11/2026 to the eight partners of that day (the CCGs and the CRC long gone): X-01 … X-08
    assert "billed again" not in said and "withdrawn" in said and "X-01" in said and "X-08" in said
    p.delete_cost_line(line)
    assert dhr.list_shares(store, today=TODAY, case_id=case) == []
    assert dhr.partner_ledger(store, today=TODAY, case_id=case) == []  # no row of zeros per partner
    assert dhr.first_billed_on(store, case) is None
    p.log.undo()  # one step: the cost line and its eight invoices back
    shares = dhr.list_shares(store, today=TODAY, case_id=case)
    assert sorted(s.invoice_ref for s in shares) == [f"X-{n:02d}" for n in range(1, 9)]


def test_a_cost_added_after_the_invoices_were_withdrawn_is_billed_afresh_on_new_numbers(billed):
    store, case, p = billed
    p.delete_cost_line(dhr.cost_lines(store, case)[0])
    dhr.add_cost_line(store, case, category="Independent chair/author", amount="4000")
    shares = dhr.bill_partners(store, case, invoiced_on="01/12/2026", invoice_prefix="X-")
    assert sum(shares.values()) == 400000 and min(shares.values()) > 0
    refs = sorted(s.invoice_ref for s in dhr.list_shares(store, today=TODAY, case_id=case))
    assert refs[0] == "X-09" and len(refs) == len(shares)  # the withdrawn numbers are never used again
