"""A cost line's earlier versions at the county when two offices record the same review under their own ids (s70).

Mid Suffolk office keyed the chair's £1,350 (dated 10/07/2025) for review JOINT-DHR-2025-09 and corrected it on
01/08/2025 to £1,100; Babergh office records the same review, and the same line, under its own ids. The county merges
Mid Suffolk's line onto Babergh's (one line, never counted twice) but its earlier version kept Mid Suffolk's line id,
which names nothing at the county: the county's ledger as at 20/07/2025 read £1,100, where Mid Suffolk's own file (and
the county's, had it merged then) read £1,350.
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.dhr import LedgerPresenter
from safer_desk.services import dhr
from safer_desk.services.county import list_conflicts, resolve_conflicts
from tests.exchange.district_offices import merge

JOINT = "JOINT-DHR-2025-09"
CHAIR = "Independent chair/author"
BEFORE, CORRECTED, AFTER = date(2025, 7, 20), date(2025, 8, 1), date(2025, 8, 2)
TODAY = date(2026, 12, 1)


def chair(**changed) -> dict:
    return {"category": CHAIR, "amount": "1350", "invoiced_on": "2025-07-10", "description": "Chair's fee",
            "supplier": "", "invoice_ref": "", **changed}


def recorded_by_both(o, babergh_amount: str = "1350") -> dict:
    """The review and its chair's line in each office's file, each under its own ids: {office: line id}."""
    lines = {}
    for office, amount in ((o.babergh, babergh_amount), (o.mid, "1350")):
        case = dhr.add_case(office, reference=JOINT, district="Babergh", partnership="Western Suffolk CSP",
                            notified_on="2025-07-01")
        lines[office] = dhr.add_cost_line(office, case, **chair(amount=amount))
    return lines


def ledger_cost(store, day: date) -> int:
    shown = LedgerPresenter(today=lambda: TODAY)
    assert shown.choose(day.strftime("%d/%m/%Y"))
    return next(c for c in shown.read(store).cases if c.reference == JOINT).cost_pence


def test_the_county_reads_a_line_corrected_at_the_second_office_as_it_stood_then(offices):
    o = offices
    lines = recorded_by_both(o, babergh_amount="1100")  # Babergh heard of the review once the invoice was corrected
    dhr.update_cost_line(o.mid, lines[o.mid], bill_again_on=CORRECTED, **chair(amount="1100"))
    assert (ledger_cost(o.mid, BEFORE), ledger_cost(o.mid, AFTER)) == (135000, 110000)
    assert merge(o.county, [o.send(o.babergh), o.send(o.mid)]).refused == []
    assert list_conflicts(o.county) == []
    assert o.county.scalar("SELECT count(*) FROM dhr_cost_lines WHERE description = 'Chair''s fee'") == 1
    assert (ledger_cost(o.county, BEFORE), ledger_cost(o.county, AFTER)) == (135000, 110000)
    # sent again, nothing more: the same, no version twice
    assert merge(o.county, [o.send(o.mid)]).refused == []
    assert o.county.scalar("SELECT count(*) FROM dhr_cost_line_versions") == 1
    assert (ledger_cost(o.county, BEFORE), ledger_cost(o.county, AFTER)) == (135000, 110000)


def test_keeping_the_second_office_s_correction_at_the_county_keeps_what_stood_before_it(offices):
    o = offices
    lines = recorded_by_both(o)
    assert merge(o.county, [o.send(o.babergh), o.send(o.mid)]).refused == []
    dhr.update_cost_line(o.mid, lines[o.mid], bill_again_on=CORRECTED, **chair(amount="1100"))
    assert merge(o.county, [o.send(o.mid)]).refused == []
    conflict, = list_conflicts(o.county)
    assert conflict.table == "dhr_cost_lines"
    assert (ledger_cost(o.county, BEFORE), ledger_cost(o.county, AFTER)) == (135000, 135000)
    resolve_conflicts(o.county, "district", which=conflict.id)  # "Keep Mid Suffolk office's version"
    assert (ledger_cost(o.county, BEFORE), ledger_cost(o.county, AFTER)) == (135000, 110000)


def test_a_line_one_office_deleted_that_the_other_still_holds_counts_once_as_at_a_day_before(offices):
    """Mid Suffolk deletes its copy of the chair's line on 01/08/2025; Babergh still has it. The county kept Mid
    Suffolk's deleted line under Mid Suffolk's id beside Babergh's live one, and read the review as at 20/07/2025 at
    £2,700: the one £1,350 line twice."""
    o = offices
    lines = recorded_by_both(o)
    assert merge(o.county, [o.send(o.babergh), o.send(o.mid)]).refused == []
    dhr.delete_cost_line(o.mid, lines[o.mid], bill_again_on=CORRECTED)
    assert (ledger_cost(o.mid, BEFORE), ledger_cost(o.mid, AFTER)) == (135000, 0)
    for _ in range(2):  # and sent again, as it is
        assert merge(o.county, [o.send(o.mid)]).refused == []
        assert list_conflicts(o.county) == []
        assert (ledger_cost(o.county, BEFORE), ledger_cost(o.county, AFTER)) == (135000, 135000)  # Babergh's stands
    dhr.delete_cost_line(o.babergh, lines[o.babergh], bill_again_on=CORRECTED)
    assert merge(o.county, [o.send(o.babergh)]).refused == []
    assert list_conflicts(o.county) == []
    assert o.county.scalar("SELECT count(*) FROM dhr_deleted_cost_lines") == 1
    assert (ledger_cost(o.county, BEFORE), ledger_cost(o.county, AFTER)) == (135000, 0)


def test_a_delete_the_office_took_back_leaves_no_deleted_line_at_the_county(offices):
    from safer_desk.presenters.actions import ActionLog
    from safer_desk.presenters.dhr import DhrPresenter

    o = offices
    lines = recorded_by_both(o)
    assert merge(o.county, [o.send(o.babergh), o.send(o.mid)]).refused == []
    log = ActionLog()
    page = DhrPresenter(o.mid, perform=log, today=lambda: TODAY)
    case_id = dhr.case_id_by_reference(o.mid, JOINT)
    page.reload(select=case_id)
    page.select(case_id)
    page.delete_cost_line(next(line for line in dhr.cost_lines(o.mid, case_id) if line["id"] == lines[o.mid]))
    assert merge(o.county, [o.send(o.mid)]).refused == []
    assert o.county.scalar("SELECT count(*) FROM dhr_deleted_cost_lines") == 1
    log.undo()  # Edit > Undo at Mid Suffolk: its line is back
    assert merge(o.county, [o.send(o.mid)]).refused == []
    assert list_conflicts(o.county) == []
    assert o.county.scalar("SELECT count(*) FROM dhr_deleted_cost_lines") == 0
    assert o.county.scalar("SELECT count(*) FROM dhr_cost_lines WHERE description = 'Chair''s fee'") == 1
    assert (ledger_cost(o.county, BEFORE), ledger_cost(o.county, TODAY)) == (135000, 135000)


def test_many_versions_go_in_together_pointed_at_the_county_s_lines(offices):
    """25 lines each corrected at Mid Suffolk: the versions go in together (in SQL), their lines matched all the
    same."""
    o = offices
    for office, amount in ((o.babergh, "1100"), (o.mid, "1350")):
        case = dhr.add_case(office, reference=JOINT, district="Babergh", partnership="Western Suffolk CSP",
                            notified_on="2025-07-01")
        for n in range(25):
            line = dhr.add_cost_line(office, case, **chair(amount=amount, description=f"Chair's fee, part {n}"))
            if office is o.mid:
                dhr.update_cost_line(o.mid, line, bill_again_on=CORRECTED,
                                     **chair(amount="1100", description=f"Chair's fee, part {n}"))
    assert merge(o.county, [o.send(o.babergh), o.send(o.mid)]).refused == []
    assert list_conflicts(o.county) == []
    assert o.county.scalar("SELECT count(*) FROM dhr_cost_line_versions WHERE line_id IN "
                           "(SELECT id FROM dhr_cost_lines)") == 25
    assert (ledger_cost(o.county, BEFORE), ledger_cost(o.county, AFTER)) == (25 * 135000, 25 * 110000)
