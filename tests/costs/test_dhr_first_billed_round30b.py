"""Costs > Reviews, round 30, second look: the day a review was first billed (dhr_cases.first_billed_on).

Undo and Redo on the Reviews page take the day back and give it again; a county takes the office's day at the next
merge after the office billed again. An older file whose audit trail holds a re-bill that was undone, and then the
billing undone and the review billed afresh on a later day, is upgraded with the day of the afresh billing: the CCGs
billed on the day undone are no partners of this review (storage/schema/costs.add_dhr_first_billed_on).
"""

from __future__ import annotations

from datetime import date


from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from safer_desk.storage.store import open_store
from tests.costs.test_dhr_first_billed_round30 import FIRST, UNDER_WAY, as_older_file, first_day_once_upgraded
from tests.costs.test_partners_on_billing_date import CCGS, ICB, ccgs_became_the_icb

AFRESH = date(2022, 7, 20)  # after the ICB joined on 01/07/2022


def _day(store, case_id: str) -> str | None:
    return store.scalar("SELECT first_billed_on FROM dhr_cases WHERE id = ?", (case_id,))


def test_bill_bill_again_undo_twice_redo_twice_on_the_reviews_page(demo_store):
    log = ActionLog()
    page = DhrPresenter(demo_store, perform=log, today=lambda: date(2022, 10, 1))
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="1100")
    page.case_action("Bill", case_id, lambda: dhr.bill_partners(demo_store, case_id, invoiced_on="2022-06-15"))
    ccgs_became_the_icb(demo_store)
    page.case_action("Bill again", case_id, lambda: dhr.rebill_with_split(
        demo_store, case_id, "capped", on=date(2022, 9, 1), cap_payer="Suffolk Constabulary", cap_amount="500"))
    assert _day(demo_store, case_id) == "2022-06-15"
    log.undo()
    assert _day(demo_store, case_id) == "2022-06-15" and dhr.first_billed_on(demo_store, case_id) == FIRST
    log.undo()
    assert _day(demo_store, case_id) is None and dhr.first_billed_on(demo_store, case_id) is None
    log.redo()
    assert dhr.first_billed_on(demo_store, case_id) == FIRST
    log.redo()
    assert dhr.first_billed_on(demo_store, case_id) == FIRST
    assert ICB not in dhr._first_shares(demo_store, case_id)


def test_a_county_takes_the_office_s_first_billing_day_after_it_billed_again(demo_path, tmp_path):
    from safer_desk.services.county import list_conflicts
    from tests.exchange.district_offices import export, merge

    office = open_store(demo_path)
    try:
        case_id = dhr.case_id_by_reference(office, UNDER_WAY)
        ccgs_became_the_icb(office)  # recorded before the first export: the county has it from the start
        dhr.add_cost_line(office, case_id, category="Independent chair/author", amount="1100")
        dhr.bill_partners(office, case_id, invoiced_on="2022-06-15")
        first = export(office, tmp_path / "first.sqlite")
        dhr.rebill_with_split(office, case_id, "capped", on=date(2022, 9, 1), cap_payer="Suffolk Constabulary",
                              cap_amount="500")
        second = export(office, tmp_path / "second.sqlite")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        assert merge(county, [first]).refused == []
        assert merge(county, [second]).refused == []
        assert list_conflicts(county) == []
        assert _day(county, case_id) == "2022-06-15" and dhr.first_billed_on(county, case_id) == FIRST
    finally:
        county.close()


def test_an_older_file_billed_afresh_after_undoing_a_rebilled_billing_keeps_the_afresh_day(demo_path):
    store = open_store(demo_path)
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    dhr.add_cost_line(store, case_id, category="Independent chair/author", amount="1100")
    unbilled = dhr.snapshot_case(store, case_id)
    dhr.bill_partners(store, case_id, invoiced_on="2022-06-15")
    billed = dhr.snapshot_case(store, case_id)
    ccgs_became_the_icb(store)
    dhr.rebill_with_split(store, case_id, "capped", on=date(2022, 9, 1), cap_payer="Suffolk Constabulary",
                          cap_amount="500")
    dhr.restore_case(store, billed)  # Edit > Undo: the billing again
    dhr.restore_case(store, unbilled)  # Edit > Undo: the billing
    dhr.bill_partners(store, case_id, invoiced_on=AFRESH)  # billed afresh: the ICB, not the CCGs
    assert dhr.first_billed_on(store, case_id) == AFRESH
    store.close()
    as_older_file(demo_path)
    store = open_store(demo_path)  # upgraded: the day filled from the review's invoices and its audit trail
    try:
        dhr.add_cost_line(store, case_id, category="Administration", amount="90")
        further = dhr.shares_to_bill(store, case_id, date(2022, 9, 15))
        assert ICB in further and not set(CCGS) & set(further)  # the ICB billed on 20/07/2022 shares the cost
        assert dhr.first_billed_on(store, case_id) == AFRESH
    finally:
        store.close()


def test_an_older_file_whose_billed_again_review_was_deleted_and_undone_keeps_the_first_day(demo_path):
    """Deleting a review and undoing it takes its invoices away and back: not a billing undone (a fix of the step
    above must still find 15/06/2022 here)."""
    from tests.costs.test_dhr_first_billed_round30 import billed_then_billed_again

    store = open_store(demo_path)
    case_id = billed_then_billed_again(store)
    kept = dhr.snapshot_case(store, case_id)
    dhr.delete_case(store, case_id)
    dhr.restore_case(store, kept)  # Edit > Undo
    store.close()
    assert first_day_once_upgraded(demo_path, case_id) == FIRST
