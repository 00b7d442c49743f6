"""Random runs of a review's money through the services the window uses: cost lines added, corrected and removed, the
split chosen, the partners billed (and billed again for costs added since), payments, refusals re-split or carried by
the lead authority, write-offs, payments deleted and refusals reopened as corrections, and undo of any step. After
every step, to the penny:

- each review: paid + outstanding + shortfall + not yet billed = its cost, none of them negative;
- each partner: billed = paid + refused + written off + outstanding, and the per-partner ledger adds up to the
  per-review figures;
- a refusal that was dealt with is covered exactly by the shares re-split from it (or carried);
- no two invoices share a number;
- undoing a step puts the review's rows back exactly as they were.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safer_desk.domain.dhr import DhrError
from safer_desk.domain.money import MoneyError
from safer_desk.domain.periods import PeriodError
from safer_desk.exchange.county_schema import content_checksums, data_tables
from safer_desk.services import dhr
from safer_desk.storage.store import open_store
from tests.walks import walk_on_copy, walk_settings

TODAY = date(2019, 3, 1)
REFUSABLE = (DhrError, MoneyError, PeriodError)
CASES = ("WSCSP-DHR-2017-01", "WSCSP-DHR-2017-02")
CATEGORIES = ("Independent chair/author", "Administration", "Overview report writer")


@pytest.fixture(scope="module")
def start(tmp_path_factory, demo_master):
    """The example file with a lead authority on both reviews (so a refusal can be carried)."""
    import shutil

    path = tmp_path_factory.mktemp("dhr-walk") / "start.sqlite"
    shutil.copyfile(demo_master, path)
    store = open_store(path)
    try:
        lead = store.scalar("SELECT id FROM organisations WHERE name = 'Mid Suffolk District Council'")
        for reference in CASES:
            dhr.update_case(store, dhr.case_id_by_reference(store, reference), lead_organisation=lead)
    finally:
        store.close()
    return path


def shares(store, case_id):
    return dhr.list_shares(store, today=TODAY, case_id=case_id)


def case_content(store) -> dict[str, str]:
    return content_checksums(store.conn, data_tables(store.conn))[1]


def step(store, rng: random.Random, case_id: str, day: date) -> str:
    """One thing an officer does to the review; returns what, for the failure message."""
    kind = rng.choice(["cost", "cost", "edit cost", "delete cost", "split", "bill", "pay", "pay", "refuse", "write off",
                       "resolve", "delete payment", "reopen"])
    open_shares = [s for s in shares(store, case_id) if s.status == "invoiced" and s.outstanding_pence]
    if kind == "cost":
        amount = f"{rng.randint(1, 400_000) / 100:.2f}"
        dhr.add_cost_line(store, case_id, category=rng.choice(CATEGORIES), amount=amount)
        return f"cost line £{amount}"
    if kind == "edit cost":
        lines = dhr.cost_lines(store, case_id)
        if lines:
            line = rng.choice(lines)
            amount = f"{rng.randint(1, 400_000) / 100:.2f}"
            kept = {k: line[k] for k in ("category", "description", "supplier", "invoice_ref", "invoiced_on")}
            dhr.update_cost_line(store, line["id"], **kept, amount=amount)  # refused below what was billed
            return f"cost line £{line['amount_pence'] / 100:.2f} corrected to £{amount}"
        return "no cost line to correct"
    if kind == "delete cost":
        lines = dhr.cost_lines(store, case_id)
        if lines:
            line = rng.choice(lines)
            dhr.delete_cost_line(store, line["id"])
            return f"delete cost line £{line['amount_pence'] / 100:.2f}"
        return "no cost line to delete"
    if kind == "split":
        partners = dhr.case_partners(store, case_id)
        rule = rng.choice(["equal", "percentages", "capped"])
        if rule == "percentages":
            cuts = sorted(rng.sample(range(1, 10_000), len(partners) - 1))
            bps = [b - a for a, b in zip([0, *cuts], [*cuts, 10_000])]
            dhr.set_split_rule(store, case_id, "percentages", percentages=dict(zip(partners, bps)))
        elif rule == "capped":
            dhr.set_split_rule(store, case_id, "capped", cap_payer=rng.choice(partners), cap_percent="50",
                               cap_amount=rng.choice(["", "5000", "100"]))
        else:
            dhr.set_split_rule(store, case_id, "equal")
        return f"split {rule}"
    if kind == "bill":
        dhr.bill_partners(store, case_id, invoiced_on=day.isoformat(), due_days=rng.choice([0, 30]))
        return "bill partners"
    if not open_shares and kind in ("pay", "refuse", "write off"):
        return f"nothing open to {kind}"
    if kind == "pay":
        share = rng.choice(open_shares)
        pence = rng.choice([share.outstanding_pence, rng.randint(1, share.outstanding_pence)])
        dhr.record_payment(store, share.id, paid_on=day.isoformat(), amount=f"{pence / 100:.2f}")
        return f"pay £{pence / 100:.2f} of {share.invoice_ref}"
    if kind == "refuse":
        share = rng.choice(open_shares)
        dhr.refuse_share(store, share.id, on=day.isoformat(), reason="Not ours to pay")
        return f"refuse {share.invoice_ref}"
    if kind == "write off":
        share = rng.choice(open_shares)
        dhr.write_off_share(store, share.id, on=day.isoformat(), reason="Agreed")
        return f"write off {share.invoice_ref}"
    if kind == "delete payment":
        paid = [s for s in shares(store, case_id) if s.paid_pence]
        if not paid:
            return "no payment to delete"
        share = rng.choice(paid)
        payment = rng.choice(dhr.share_payments(store, share.id))
        dhr.delete_payment(store, payment["id"])  # refused (and said) on a closed or carried share
        return f"delete payment £{payment['amount_pence'] / 100:.2f} of {share.invoice_ref}"
    if kind == "reopen":
        closed = [s for s in shares(store, case_id) if s.status != "invoiced"]
        if not closed:
            return "nothing refused or written off to reopen"
        share = rng.choice(closed)
        dhr.reopen_share(store, share.id)
        return f"reopen {share.invoice_ref}"
    refused = [s for s in shares(store, case_id) if s.status == "refused" and not s.refusal_handling]
    if not refused:
        return "no refusal to deal with"
    share = rng.choice(refused)
    handling = rng.choice(["re-split", "lead authority"])
    dhr.resolve_refusal(store, share.id, handling, on=day.isoformat())
    return f"{handling} {share.invoice_ref}"


def check(store, done: list[str]) -> None:
    cases = {c.id: c for c in dhr.list_cases(store, today=TODAY)}
    for c in cases.values():
        figures = (c.recovered_pence, c.outstanding_pence, c.shortfall_pence, c.unbilled_pence)
        assert sum(figures) == c.cost_pence, (c.reference, figures, c.cost_pence, done)
        assert min(figures) >= 0, (c.reference, figures, done)
    ledger = dhr.partner_ledger(store, today=TODAY)
    for p in ledger:
        assert p.billed_pence == (p.paid_pence + p.refused_pence + p.written_off_pence + p.outstanding_pence), (
            p.partner, done)
        assert 0 <= p.overdue_pence <= p.outstanding_pence, (p.partner, done)
    for key, case_key in (("billed_pence", "billed_pence"), ("paid_pence", "recovered_pence"),
                          ("outstanding_pence", "outstanding_pence")):
        assert sum(getattr(p, key) for p in ledger) == sum(getattr(c, case_key) for c in cases.values()), (key, done)
    every = dhr.list_shares(store, today=TODAY)
    refs = [s.invoice_ref for s in every]
    assert len(set(refs)) == len(refs), (sorted(refs), done)  # each invoice can be told apart
    for s in every:
        if s.status == "refused" and s.refusal_handling:
            covering = sum(t.amount_pence for t in every if t.kind != "share" and
                           store.scalar("SELECT source_share_id FROM dhr_shares WHERE id = ?", (t.id,)) == s.id)
            assert covering == s.closed_pence, (s.invoice_ref, covering, s.closed_pence, done)


@walk_settings(12)
@given(seed=st.integers(0, 2**32 - 1), steps=st.integers(10, 40))
def test_a_reviews_money_always_adds_up(start, tmp_path_factory, seed, steps):
    store, rng = walk_on_copy(tmp_path_factory, start, seed)
    done: list[str] = []
    try:
        check(store, done)
        day = date(2018, 9, 1)
        for _ in range(steps):
            case_id = dhr.case_id_by_reference(store, rng.choice(CASES))
            day += timedelta(days=rng.randint(0, 20))
            before = dhr.snapshot_case(store, case_id)
            before_content = case_content(store)
            try:
                done.append(step(store, rng, case_id, day))
            except REFUSABLE as exc:  # refused with a reason: nothing changed
                done.append(f"refused: {exc}")
                assert case_content(store) == before_content, done
            check(store, done)
            if rng.random() < 0.2:  # Edit > Undo of that step
                dhr.restore_case(store, before)
                done.append("undo")
                assert case_content(store) == before_content, done
                check(store, done)
    finally:
        store.close()
