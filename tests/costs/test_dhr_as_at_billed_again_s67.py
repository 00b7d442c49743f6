"""The DHR ledger as at a day before the review was billed again with another split (s67, schema step
create_dhr_withdrawn_invoices).

Billing again deletes the invoices nothing was paid on and lowers a part-paid one to what was paid. The ledger as at
01/08/2018 of the example's billed review (billed £7,525.58 on 15/06/2018, £3,020.71 outstanding) then read billed
£4,504.87, outstanding £0 and "unbilled £3,020.71", Suffolk County Council billed £400 instead of £684.14: the past
rewritten. Each invoice withdrawn or closed at what was paid is now kept as it was sent, with the day.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings, strategies as st

from safer_desk.cli import main
from safer_desk.domain.dhr import DhrError
from safer_desk.presenters.dhr import LedgerPresenter
from safer_desk.services import dhr
from safer_desk.services.report import build_report
from safer_desk.storage.store import backups_folder, open_store

BILLED = "WSCSP-DHR-2017-01"  # billed 15/06/2018: £7,525.58 among eleven partners
UNDER_WAY = "WSCSP-DHR-2017-02"
AGAIN = date(2018, 9, 10)
WITHDRAWN = {"MSDC-DHR1-03", "MSDC-DHR1-06", "MSDC-DHR1-10", "MSDC-DHR1-11"}  # nothing paid on them
COUNTY = "Suffolk County Council"  # £400 paid of £684.14 (MSDC-DHR1-09)
TODAY = date(2026, 12, 1)


def billed_again(store) -> str:
    case_id = dhr.case_id_by_reference(store, BILLED)
    plan = dhr.rebill_with_split(store, case_id, "capped", on=AGAIN, cap_payer="Suffolk Constabulary",
                                 cap_amount="500")
    assert {r["invoice_ref"] for r in plan.cancelled} == WITHDRAWN
    assert [r["invoice_ref"] for r in plan.closed_at_paid] == ["MSDC-DHR1-09"]
    return case_id


def totals(store, day: date, case_id: str | None = None) -> dict[str, int]:
    rows = dhr.partner_ledger(store, today=day, as_at=day, case_id=case_id)
    return {f: sum(getattr(r, f) for r in rows) for f in ("billed_pence", "paid_pence", "refused_pence",
                                                          "outstanding_pence", "overdue_pence")}


def partner(store, day: date, name: str):
    return next(r for r in dhr.partner_ledger(store, today=day, as_at=day) if r.partner == name)


def case_as_at(store, day: date, case_id: str):
    return next(c for c in dhr.list_cases(store, today=day, as_at=day) if c.id == case_id)


def test_the_ledger_as_at_a_day_before_billing_again_is_as_it_stood_then(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, BILLED)
    before = {day: (totals(demo_store, day), dhr.partner_ledger(demo_store, today=day, as_at=day),
                    case_as_at(demo_store, day, case_id)) for day in (date(2018, 8, 1), date(2018, 9, 9))}
    billed_again(demo_store)
    for day, (total, ledger, case) in before.items():
        assert totals(demo_store, day) == total
        assert dhr.partner_ledger(demo_store, today=day, as_at=day) == ledger
        now = case_as_at(demo_store, day, case_id)
        assert (now.cost_pence, now.billed_pence, now.outstanding_pence, now.unbilled_pence, now.shortfall_pence) == (
            case.cost_pence, case.billed_pence, case.outstanding_pence, case.unbilled_pence, case.shortfall_pence)
    assert totals(demo_store, date(2018, 8, 1)) == {"billed_pence": 752558, "paid_pence": 382073,
                                                    "refused_pence": 68414, "outstanding_pence": 302071,
                                                    "overdue_pence": 302071}
    county = partner(demo_store, date(2018, 8, 1), COUNTY)
    assert (county.billed_pence, county.paid_pence, county.outstanding_pence) == (68414, 40000, 28414)
    case = case_as_at(demo_store, date(2018, 8, 1), case_id)
    assert (case.billed_pence, case.outstanding_pence, case.unbilled_pence) == (752558, 302071, 0)
    shares = dhr.list_shares(demo_store, today=date(2018, 8, 1), as_at=date(2018, 8, 1), case_id=case_id)
    assert WITHDRAWN <= {s.invoice_ref for s in shares}
    assert {s.withdrawn_on for s in shares if s.invoice_ref in WITHDRAWN | {"MSDC-DHR1-09"}} == {AGAIN}


def test_from_the_day_billed_again_the_withdrawn_invoices_are_withdrawn_and_the_closed_one_at_what_was_paid(
        demo_store):
    case_id = billed_again(demo_store)
    shares = dhr.list_shares(demo_store, today=AGAIN, as_at=AGAIN, case_id=case_id)
    assert not WITHDRAWN & {s.invoice_ref for s in shares}
    closed = next(s for s in shares if s.invoice_ref == "MSDC-DHR1-09")
    assert (closed.amount_pence, closed.paid_pence, closed.withdrawn_on) == (40000, 40000, None)
    assert totals(demo_store, AGAIN)["billed_pence"] == 752558  # the new invoices in their place
    assert totals(demo_store, AGAIN)["outstanding_pence"] == 302071


def test_todays_ledger_is_unchanged_by_keeping_the_invoices_withdrawn(demo_store):
    case_id = billed_again(demo_store)
    now = dhr.partner_ledger(demo_store, today=TODAY)
    assert sum(r.billed_pence for r in now) == 752558 and partner_ledger_of(now, COUNTY).billed_pence == 40000 + (
        sum(s.amount_pence for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id)
            if s.partner == COUNTY and s.invoice_ref != "MSDC-DHR1-09"))
    assert not WITHDRAWN & {s.invoice_ref for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id)}


def partner_ledger_of(rows, name: str):
    return next(r for r in rows if r.partner == name)


def test_undoing_billing_again_takes_the_kept_invoices_away_with_it(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, BILLED)
    snapshot = dhr.snapshot_case(demo_store, case_id)
    ledger = dhr.partner_ledger(demo_store, today=date(2018, 8, 1), as_at=date(2018, 8, 1))
    billed_again(demo_store)
    dhr.restore_case(demo_store, snapshot)
    assert demo_store.scalar("SELECT count(*) FROM dhr_withdrawn_invoices") == 0
    assert dhr.partner_ledger(demo_store, today=date(2018, 8, 1), as_at=date(2018, 8, 1)) == ledger
    assert totals(demo_store, AGAIN) == totals(demo_store, date(2018, 8, 1)) | {"overdue_pence": 302071}


def test_a_review_whose_costs_were_all_taken_off_reads_as_billed_before_that_day(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    line = dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="1100",
                             invoiced_on="2018-05-01")
    dhr.bill_partners(demo_store, case_id, invoiced_on="2018-06-15", due_days=30)
    before = case_as_at(demo_store, date(2018, 7, 1), case_id)
    ledger = totals(demo_store, date(2018, 7, 1), case_id)
    assert (before.cost_pence, before.billed_pence, before.outstanding_pence) == (110000, 110000, 110000)
    dhr.delete_cost_line(demo_store, line, bill_again_on="2018-09-01")
    assert dhr.list_shares(demo_store, today=TODAY, case_id=case_id) == []
    assert totals(demo_store, date(2018, 7, 1), case_id) == ledger
    then = case_as_at(demo_store, date(2018, 7, 1), case_id)
    assert (then.cost_pence, then.billed_pence, then.outstanding_pence, then.unbilled_pence, then.shortfall_pence) \
        == (110000, 110000, 110000, 0, 0)
    after = case_as_at(demo_store, date(2018, 9, 1), case_id)
    assert (after.billed_pence, after.outstanding_pence) == (0, 0)


def test_dhr_ledger_as_at_on_the_command_line_and_in_the_board_report(demo_path, capsys):
    store = open_store(demo_path)
    billed_again(store)
    store.close()
    assert main(["dhr-ledger", str(demo_path), "--as-at", "01/08/2018"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "Total,7525.58,3820.73,684.14,3020.71,3020.71,6841.44,0"
    assert f"{COUNTY},684.14,400,0,284.14,284.14,684.14,0" in out
    assert main(["dhr-ledger", str(demo_path), "--as-at", "01/08/2018", "--by-case"]) == 0
    assert (f"{BILLED},7525.58,7525.58,684.14,0,0,0,6841.44,3820.73,3020.71,684.14,0,0"
            in capsys.readouterr().out.splitlines())
    store = open_store(demo_path)
    try:
        section = next(s for s in build_report(store, as_at=date(2018, 8, 1), today=TODAY).sections
                       if s.title.endswith("recovery"))
        partners = next(t for t in section.tables if t.title == "Cost recovery per partner")
        assert any(row[0] == COUNTY and row[1] == "£684.14" for row in partners.rows), partners.rows
    finally:
        store.close()


# -- a file made before the step --------------------------------------------------------------------------------------

STEP = ("safer_desk.costs", "create_dhr_withdrawn_invoices")


def as_older_file(path) -> None:
    """The file as the program before the step left it: no dhr_withdrawn_invoices, the step not applied."""
    conn = sqlite3.connect(path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                "AND tbl_name = 'dhr_withdrawn_invoices'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("DROP TABLE dhr_withdrawn_invoices")
    conn.execute("DELETE FROM _sqlite_migrations WHERE migration_set = ? AND name = ?", STEP)
    conn.commit()
    conn.close()


def test_an_older_file_is_upgraded_and_its_review_billed_again_before_says_it_holds_no_history(demo_path, capsys):
    store = open_store(demo_path)
    case_id = billed_again(store)
    store.close()
    as_older_file(demo_path)
    store = open_store(demo_path)  # backed up, then the step applied
    try:
        columns = [r[1] for r in store.rows("PRAGMA table_info(dhr_withdrawn_invoices)")]
        assert columns == ["id", "case_id", "organisation_id", "share_id", "invoice_ref", "invoiced_on", "due_on",
                           "amount_pence", "withdrawn_on", "closed_at_pence"]
        assert store.scalar("SELECT count(*) FROM dhr_withdrawn_invoices") == 0  # nothing invented
        assert dhr.billed_again_unkept(store, date(2018, 8, 1)) == [BILLED]
        assert dhr.billed_again_unkept(store, date(2018, 8, 1), case_id) == [BILLED]
        assert dhr.billed_again_unkept(store, AGAIN) == []  # as at the day billed again, nothing is missing
        # Said beside the Ledger's As at field and in the board report, not invented
        shown = LedgerPresenter(today=lambda: TODAY)
        assert shown.choose("01/08/2018")
        note = shown.read(store).note
        assert f"{BILLED} was billed again with another split by an earlier Safer Desk" in note
        assert "as at 01/08/2018 its ledger shows those invoices as they are now" in note
        assert shown.choose("10/09/2018") and "earlier Safer Desk" not in shown.read(store).note
        section = next(s for s in build_report(store, as_at=date(2018, 8, 1), today=TODAY).sections
                       if s.title.endswith("recovery"))
        assert any(f"{BILLED} was billed again" in p for p in section.paragraphs)
    finally:
        store.close()
    assert list(backups_folder(demo_path).glob("*.before-upgrade.sqlite"))
    assert main(["dhr-ledger", str(demo_path), "--as-at", "01/08/2018"]) == 0
    err = capsys.readouterr().err
    assert f"safer-desk: note: {BILLED} was billed again with another split by an earlier Safer Desk" in err


def test_a_file_billed_again_with_the_step_misses_nothing(demo_store):
    billed_again(demo_store)
    assert dhr.billed_again_unkept(demo_store, date(2018, 8, 1)) == []


# -- the county file ---------------------------------------------------------------------------------------------------

def test_the_county_merges_the_invoices_withdrawn_and_reads_the_office_as_at_a_day_as_it_does(demo_path, tmp_path):
    from safer_desk.services.county import list_conflicts
    from tests.exchange.district_offices import export, merge

    office = open_store(demo_path)
    try:
        billed_again(office)
        ledger = {day: dhr.partner_ledger(office, today=day, as_at=day) for day in (date(2018, 8, 1), AGAIN)}
        kept = office.scalar("SELECT count(*) FROM dhr_withdrawn_invoices")
        first = export(office, tmp_path / "first.sqlite")
    finally:
        office.close()
    with sqlite3.connect(first) as conn:  # the county file's schema carries the table and its rows
        assert conn.execute("SELECT count(*) FROM dhr_withdrawn_invoices").fetchone()[0] == kept == 5
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        assert merge(county, [first]).refused == []
        assert list_conflicts(county) == []
        for day, rows in ledger.items():
            assert dhr.partner_ledger(county, today=day, as_at=day) == rows
        assert merge(county, [first]).refused == []  # the same file again changes nothing
        assert county.scalar("SELECT count(*) FROM dhr_withdrawn_invoices") == 5
        assert dhr.partner_ledger(county, today=date(2018, 8, 1), as_at=date(2018, 8, 1)) == ledger[date(2018, 8, 1)]
    finally:
        county.close()


def test_the_county_holding_the_first_billing_takes_the_billing_again_and_its_withdrawn_invoices(demo_path, tmp_path):
    from safer_desk.services.county import list_conflicts
    from tests.exchange.district_offices import export, merge

    office = open_store(demo_path)
    try:
        before = export(office, tmp_path / "before.sqlite")
        billed_again(office)
        ledger = {day: dhr.partner_ledger(office, today=day, as_at=day) for day in (date(2018, 8, 1), AGAIN)}
        now = dhr.partner_ledger(office, today=TODAY)
        after = export(office, tmp_path / "after.sqlite")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        assert merge(county, [before]).refused == []
        assert merge(county, [after]).refused == []
        assert list_conflicts(county) == []
        assert county.scalar("SELECT count(*) FROM dhr_withdrawn_invoices") == 5
        assert dhr.partner_ledger(county, today=TODAY) == now
        for day, rows in ledger.items():
            assert dhr.partner_ledger(county, today=day, as_at=day) == rows
    finally:
        county.close()


def test_the_office_undoing_billing_again_takes_the_withdrawn_invoices_out_of_the_county_file(demo_path, tmp_path):
    from safer_desk.services.county import list_conflicts
    from tests.exchange.district_offices import export, merge

    office = open_store(demo_path)
    try:
        case_id = dhr.case_id_by_reference(office, BILLED)
        snapshot = dhr.snapshot_case(office, case_id)
        billed_again(office)
        again = export(office, tmp_path / "again.sqlite")
        dhr.restore_case(office, snapshot)  # Edit > Undo
        ledger = {day: dhr.partner_ledger(office, today=day, as_at=day) for day in (date(2018, 8, 1), AGAIN)}
        undone = export(office, tmp_path / "undone.sqlite")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        assert merge(county, [again]).refused == []
        assert merge(county, [undone]).refused == []
        assert list_conflicts(county) == []
        assert county.scalar("SELECT count(*) FROM dhr_withdrawn_invoices") == 0
        for day, rows in ledger.items():
            assert dhr.partner_ledger(county, today=day, as_at=day) == rows
    finally:
        county.close()

def test_history_says_each_invoice_withdrawn_and_the_one_closed_at_what_was_paid(demo_store):
    from safer_desk.presenters.history import history_lines

    billed_again(demo_store)
    said = [d for d in history_lines(demo_store, limit=1)[0].details if "invoice withdrawn" in d]
    assert len(said) == 5
    assert ("Added invoice withdrawn MSDC-DHR1-03 of Ipswich and East CCG, WSCSP-DHR-2017-01: invoiced date 15 Jun "
            "2018; due date 15 Jul 2018; amount £684.15; withdrawn date 10 Sep 2018") in said
    assert ("Added invoice withdrawn MSDC-DHR1-09 of Suffolk County Council, WSCSP-DHR-2017-01: invoiced date 15 Jun "
            "2018; due date 15 Jul 2018; amount £684.14; withdrawn date 10 Sep 2018; closed at £400") in said


# -- any sequence of billing, payments and billing again ------------------------------------------------------------

STEPS = st.lists(st.one_of(st.tuples(st.just("pay"), st.integers(0, 10), st.integers(1, 100)),
                           st.tuples(st.just("again"), st.sampled_from(["equal", "capped"]), st.integers(1, 1500)),
                           st.tuples(st.just("more"), st.integers(1, 900), st.just(0))),
                 min_size=1, max_size=6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_the_ledger_as_at_a_day_before_any_step_is_the_ledger_read_before_that_step(demo_store, steps):
    """Billed, then paid, billed again with another split and billed further, one step a week: the ledger as at the
    day before each step, read at the end, is the ledger read as at that day just before the step."""
    store = demo_store
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    snapshot = dhr.snapshot_case(store, case_id)
    try:
        dhr.add_cost_line(store, case_id, category="Independent chair/author", amount="3000", invoiced_on="2022-05-01")
        dhr.bill_partners(store, case_id, invoiced_on="2022-06-15", due_days=30)
        day, seen = date(2022, 6, 15), []
        for kind, a, b in steps:
            day += timedelta(days=7)
            before = day - timedelta(days=1)
            seen.append((before, read_as_at(store, before, case_id)))
            try:
                if kind == "pay":
                    open_shares = [s for s in dhr.list_shares(store, today=day, case_id=case_id)
                                   if s.outstanding_pence and s.status == "invoiced"]
                    if open_shares:
                        share = open_shares[a % len(open_shares)]
                        pence = max(1, share.outstanding_pence * b // 100)
                        dhr.record_payment(store, share.id, paid_on=day, amount=f"{pence // 100}.{pence % 100:02d}")
                elif kind == "again":
                    split = {"cap_payer": "Suffolk Constabulary", "cap_amount": str(b)} if a == "capped" else {}
                    dhr.rebill_with_split(store, case_id, a, on=day, **split)
                else:
                    dhr.add_cost_line(store, case_id, category="Administration", amount=str(a),
                                      invoiced_on=day.isoformat())
                    dhr.bill_partners(store, case_id, invoiced_on=day, due_days=30)
            except DhrError:
                pass  # refused (the same split again, more paid than the cost): nothing changed
        for before, ledger in seen:
            assert read_as_at(store, before, case_id) == ledger, before
    finally:
        dhr.restore_case(store, snapshot)


def read_as_at(store, day: date, case_id: str):
    case = case_as_at(store, day, case_id)
    return (dhr.partner_ledger(store, today=day, as_at=day, case_id=case_id),
            (case.cost_pence, case.billed_pence, case.recovered_pence, case.outstanding_pence, case.unbilled_pence,
             case.shortfall_pence))
