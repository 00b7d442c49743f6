"""Costs > Reviews, round 30: the day a review was first billed is kept on the review.

A review's costs are shared among the statutory partners on the day it was first billed (guide: "one that joined since
is not billed"). That day was worked out as the earliest date among the invoices still in the file, but *Bill again
with another split…* deletes the invoices it cancels: with nothing paid, the first-billing day became the Bill-again
day. The CCGs that left the partnership on 30/06/2022 (billed on 15/06/2022) were then billed nothing of a cost added
since, and a second Bill again cancelled their invoices and billed the ICB that joined on 01/07/2022. The day is now a
column of dhr_cases (migration step add_dhr_first_billed_on), set by the first billing and kept by Bill again.
"""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from safer_desk.services import dhr
from safer_desk.storage import audit
from safer_desk.storage import schema as schema_module
from safer_desk.storage.store import FileTooNew, backups_folder, open_store
from tests.costs.test_partners_on_billing_date import CCGS, ICB, ccgs_became_the_icb

UNDER_WAY = "WSCSP-DHR-2017-02"
FIRST = date(2022, 6, 15)  # the CCGs' last partnership day is 30/06/2022; the ICB's first 01/07/2022
STEP = ("safer_desk.costs", "add_dhr_first_billed_on")


def billed_then_billed_again(store) -> str:
    """The review billed on 15/06/2022 (nothing paid), the CCGs became the ICB, then billed again with a capped
    split on 01/09/2022: every invoice of 15/06/2022 is cancelled (deleted)."""
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    dhr.add_cost_line(store, case_id, category="Independent chair/author", amount="1100", invoiced_on="2022-05-01")
    first = dhr.bill_partners(store, case_id, invoiced_on="2022-06-15", due_days=30)
    assert set(CCGS) <= set(first) and ICB not in first
    ccgs_became_the_icb(store)
    plan = dhr.rebill_with_split(store, case_id, "capped", on=date(2022, 9, 1), cap_payer="Suffolk Constabulary",
                                 cap_amount="500")
    assert set(CCGS) <= set(plan.new) and ICB not in plan.new
    return case_id


def test_billing_again_keeps_the_day_the_review_was_first_billed(demo_store):
    case_id = billed_then_billed_again(demo_store)
    assert dhr.first_billed_on(demo_store, case_id) == FIRST
    assert demo_store.scalar("SELECT first_billed_on FROM dhr_cases WHERE id = ?", (case_id,)) == "2022-06-15"


def test_a_cost_added_after_billing_again_goes_to_the_ccgs_billed_first(demo_store):
    case_id = billed_then_billed_again(demo_store)
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="90", invoiced_on="2022-09-10")
    further = dhr.shares_to_bill(demo_store, case_id, date(2022, 9, 15))
    assert set(CCGS) <= set(further) and ICB not in further
    assert sum(further.values()) == 9000


def test_billing_again_a_second_time_keeps_the_ccgs_and_does_not_bill_the_icb(demo_store):
    case_id = billed_then_billed_again(demo_store)
    plan = dhr.rebill_plan(demo_store, case_id, "equal", on=date(2022, 10, 1))
    assert ICB not in plan.new and ICB not in plan.shares
    # first billed in 2022 before the CCGs left: nine (West Suffolk Council since 2019, the CRC gone since 2021)
    assert set(CCGS) <= set(plan.shares) and "org:norfolk-and-suffolk-crc" not in plan.shares and len(plan.shares) == 9
    assert not {r["organisation_id"] for r in plan.cancelled} - set(plan.new)  # every one cancelled is billed anew


def test_the_bill_again_grid_lists_the_partners_of_the_first_billing_day(demo_store):
    from safer_desk.presenters.dhr import DhrPresenter, SplitPresenter

    case_id = billed_then_billed_again(demo_store)
    owner = DhrPresenter(demo_store, today=lambda: date(2022, 10, 1))
    case = next(c for c in dhr.list_cases(demo_store, today=date(2022, 10, 1)) if c.id == case_id)
    partners = {oid for oid, _ in SplitPresenter(owner, case, rebill=True).partners}
    assert set(CCGS) <= partners and ICB not in partners


def test_further_costs_before_the_latest_invoices_say_the_latest_not_the_first(demo_store):
    case_id = billed_then_billed_again(demo_store)
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="90")
    said = dhr.further_date_refusal(demo_store, case_id, date(2022, 8, 1))
    assert "latest invoices" in said and "01/09/2022" in said


def test_undoing_the_first_billing_takes_the_day_back(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="1100")
    before = dhr.snapshot_case(demo_store, case_id)
    dhr.bill_partners(demo_store, case_id, invoiced_on="2022-06-15")
    billed = dhr.snapshot_case(demo_store, case_id)
    dhr.restore_case(demo_store, before)  # Edit > Undo
    assert dhr.first_billed_on(demo_store, case_id) is None
    assert demo_store.scalar("SELECT first_billed_on FROM dhr_cases WHERE id = ?", (case_id,)) is None
    dhr.restore_case(demo_store, billed)  # Edit > Redo
    assert dhr.first_billed_on(demo_store, case_id) == FIRST
    dhr.restore_case(demo_store, before)
    dhr.bill_partners(demo_store, case_id, invoiced_on="2022-07-20")  # billed afresh, after the ICB joined
    assert dhr.first_billed_on(demo_store, case_id) == date(2022, 7, 20)


def test_further_billing_and_a_correction_billed_again_keep_the_day(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    line = dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="1100")
    dhr.bill_partners(demo_store, case_id, invoiced_on="2022-06-15")
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="90")
    dhr.bill_partners(demo_store, case_id, invoiced_on="2022-08-01")
    dhr.update_cost_line(demo_store, line, category="Independent chair/author", amount="1000",
                         bill_again_on=date(2022, 9, 1))
    assert dhr.first_billed_on(demo_store, case_id) == FIRST


# -- an older file, an older program ----------------------------------------------------------------------------------

def as_older_file(path) -> None:
    """The file as the program before this step left it: no first_billed_on column, the step not applied."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'dhr_cases'")\
            .fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("ALTER TABLE dhr_cases DROP COLUMN first_billed_on")
    for sql in audit.trigger_sql_for(conn, "dhr_cases").values():  # the audit triggers of the old layout
        conn.execute(sql)
    conn.execute("DELETE FROM _sqlite_migrations WHERE migration_set = ? AND name = ?", STEP)
    # nor the step after it in this round, which hashes again a county's rows merged before earlier steps
    conn.execute("DELETE FROM _sqlite_migrations WHERE migration_set = 'safer_desk.exchange' "
                 "AND name = 'rehash_rows_merged_before_columns_were_added'")
    conn.commit()
    conn.close()


def first_day_once_upgraded(path, case_id: str):
    """The review's first billing day once the file, made as the program before step 24 left it, is upgraded."""
    as_older_file(path)
    store = open_store(path)
    try:
        return dhr.first_billed_on(store, case_id)
    finally:
        store.close()


def test_an_older_file_billed_again_gets_its_first_billing_day_from_the_audit_trail(demo_path):
    store = open_store(demo_path)
    case_id = billed_then_billed_again(store)
    store.close()
    as_older_file(demo_path)
    store = open_store(demo_path)  # backed up, then the step applied
    try:
        # The invoices of 15/06/2022 are gone from the file; the audit trail recorded them cancelled by Bill again.
        assert dhr.first_billed_on(store, case_id) == FIRST
        dhr.add_cost_line(store, case_id, category="Administration", amount="90")
        assert set(CCGS) <= set(dhr.shares_to_bill(store, case_id, date(2022, 9, 15)))
        # The example's billed review (15/06/2018) and a review never billed.
        billed = dhr.case_id_by_reference(store, "WSCSP-DHR-2017-01")
        assert store.scalar("SELECT first_billed_on FROM dhr_cases WHERE id = ?", (billed,)) == "2018-06-15"
        assert store.scalar("SELECT count(*) FROM dhr_cases c WHERE first_billed_on IS NOT NULL AND NOT EXISTS "
                            "(SELECT 1 FROM dhr_shares s WHERE s.case_id = c.id)") == 0
    finally:
        store.close()
    assert list(backups_folder(demo_path).glob("*.before-upgrade.sqlite"))


def test_an_undone_billing_in_the_audit_trail_is_not_the_first_billing_day(demo_path):
    store = open_store(demo_path)
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    dhr.add_cost_line(store, case_id, category="Independent chair/author", amount="1100")
    before = dhr.snapshot_case(store, case_id)
    dhr.bill_partners(store, case_id, invoiced_on="2022-05-01")
    dhr.restore_case(store, before)  # undone: the invoices of 01/05/2022 were never the billing
    dhr.bill_partners(store, case_id, invoiced_on="2022-06-15")
    store.close()
    assert first_day_once_upgraded(demo_path, case_id) == FIRST


def test_a_file_with_the_step_is_refused_by_a_program_without_it(demo_path, monkeypatch):
    known = schema_module.known_steps() - {STEP}
    monkeypatch.setattr("safer_desk.storage.store.known_steps", lambda: known)
    with pytest.raises(FileTooNew):
        open_store(demo_path)


def test_a_county_merged_before_the_step_takes_the_offices_next_export_without_conflicts(demo_path, tmp_path):
    """A county file merged by the program before this step is upgraded: the column is added and filled from the
    shares it holds. Its reviews are still as merged (nobody edited them at the county): the office's next export
    replaces them, a review it changed since included, with no "edited at the county" conflict."""
    from safer_desk.exchange.county_schema import row_hash
    from safer_desk.services.county import list_conflicts
    from tests.exchange.district_offices import export, merge

    office = open_store(demo_path)
    try:
        case_id = billed_then_billed_again(office)
        first = export(office, tmp_path / "first.sqlite")
        county_path = tmp_path / "county.sqlite"
        county = open_store(county_path, create=True, office_name="Suffolk county team")
        assert merge(county, [first]).refused == []
        county.close()
        as_older_file(county_path)
        conn = sqlite3.connect(county_path)  # the origins as the program before the step hashed the reviews
        cursor = conn.execute("SELECT * FROM dhr_cases")
        columns = [d[0] for d in cursor.description]
        conn.executemany("UPDATE _county_origins SET row_hash = ? WHERE table_name = 'dhr_cases' AND row_key = ?",
                         [(bytes.fromhex(row_hash(columns, row)[:32]), row[0]) for row in cursor.fetchall()])
        conn.commit()
        conn.close()
        billed = dhr.case_id_by_reference(office, "WSCSP-DHR-2017-01")
        # (A change that travels: the case notes stay with the office unless it asks for the victim-level detail.)
        dhr.update_case(office, billed, published_on="2019-01-10")
        second = export(office, tmp_path / "second.sqlite")
    finally:
        office.close()
    county = open_store(county_path)  # upgraded
    try:
        assert county.scalar("SELECT first_billed_on FROM dhr_cases WHERE id = ?", (case_id,)) == "2022-09-01"
        assert merge(county, [second]).refused == []
        assert list_conflicts(county) == []
        assert county.scalar("SELECT published_on FROM dhr_cases WHERE id = ?", (billed,)) == "2019-01-10"
        assert county.scalar("SELECT first_billed_on FROM dhr_cases WHERE id = ?", (case_id,)) == "2022-06-15"
    finally:
        county.close()
