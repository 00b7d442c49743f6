"""Round 40 (xbl): a conflict's billing note stays with it while the conflict is the same thing.

Babergh office billed WSCSP-DHR-2025-01 again at £2,500 less; its billing waits with its conflict about the review's
cost line, which says so ("… billed the partners again on 01/10/2025 …, not merged while this is open …"). When the
conflict was told again against the county's cost line as it then stood (the lead kept Mid Suffolk office's version
of the same line, or corrected the line in the county file), the note went: the conflict read as about the cost line
alone, while Keep District Version still brought the office's invoices with it. The note is said again with the
county's billing as it stands; once the county holds the office's cost line, the conflict closes, saying its billing
comes with its next file.
"""

from __future__ import annotations

from safer_desk.services import dhr
from safer_desk.services.county import list_conflicts, refresh_stale_conflicts, resolve_conflicts
from tests.exchange.district_offices import merge
from tests.exchange.test_billing_held_with_cost_line_round39cm2 import ledger_adds_up
from tests.exchange.test_billing_held_with_cost_line_round39cm2 import babergh_and_county  # noqa: F401 (a fixture)
from tests.exchange.test_shared_review_billing_round40xbl import REFERENCE, _bill_again

NOTE = ("; Babergh office billed the partners again on 01/10/2025 (£5,025.58 for the review's costs), not merged "
        f"while this is open: the county holds {REFERENCE} billed £7,525.58 for its costs (Keep District Version "
        "brings the office's invoices with its cost line)")


def _edit_line(store, case: str, **change) -> None:
    line = dhr.cost_lines(store, case)[0]
    fields = {k: line[k] for k in ("category", "description", "supplier", "invoice_ref", "invoiced_on")}
    dhr.update_cost_line(store, line["id"], **{**fields, "amount": line["amount_pence"], **change})


def _babergh_conflict(store):
    [conflict] = [c for c in list_conflicts(store) if c.office_name == "Babergh office"]
    return conflict


def test_the_note_stays_when_another_office_version_of_the_line_is_kept(offices):
    o = offices
    case = dhr.case_id_by_reference(o.babergh, REFERENCE)
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    _bill_again(o.babergh, case, -250000, "2025-10-01")
    _edit_line(o.mid, case, description="Chair (Mid)")
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    assert _babergh_conflict(o.county).detail.endswith(NOTE)
    [mid] = [c for c in list_conflicts(o.county) if c.office_name == "Mid Suffolk office"]
    resolve_conflicts(o.county, "district", which=mid.id)

    told_again = _babergh_conflict(o.county)
    assert "“Chair (Mid)”" in told_again.detail  # the county's side as it now is
    assert told_again.detail.endswith(NOTE), told_again.detail


def test_the_note_stays_when_the_county_corrects_the_line(offices):
    o = offices
    case = dhr.case_id_by_reference(o.babergh, REFERENCE)
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    _bill_again(o.babergh, case, -250000, "2025-10-01")
    merge(o.county, [o.send(o.babergh)])
    assert _babergh_conflict(o.county).detail.endswith(NOTE)
    with o.county.transaction():
        o.county.conn.execute("UPDATE dhr_cost_lines SET description = 'Chair (county)' WHERE case_id = ?", (case,))
    refresh_stale_conflicts(o.county)

    told_again = _babergh_conflict(o.county)
    assert "“Chair (county)”" in told_again.detail
    assert told_again.detail.endswith(NOTE), told_again.detail


def test_closed_by_the_county_holding_the_office_line_it_says_where_the_billing_went(
        babergh_and_county, tmp_path):  # noqa: F811 (the fixture imported above)
    """The county types the office's cost line itself: nothing is left to decide, and the office's billing, which
    waited with the conflict, comes with its next file (the ledger meanwhile saying what is not yet billed)."""
    from tests.exchange.district_offices import export

    babergh, county, case = babergh_and_county
    merge(county, [export(babergh, tmp_path / "b2.sqlite")])
    [conflict] = list_conflicts(county)
    office_line = dhr.cost_lines(babergh, case)[0]
    with county.transaction():
        county.conn.execute("UPDATE dhr_cost_lines SET description = ?, amount_pence = ? WHERE case_id = ?",
                            (office_line["description"], office_line["amount_pence"], case))
    closed = refresh_stale_conflicts(county)
    assert list_conflicts(county) == []
    assert closed == [f"{conflict.subject}: the county file now holds what Babergh office sent, so conflict "
                      f"#{conflict.id} is closed; Babergh office's billing of BABERGH-DHR-2025-01, which waited with "
                      "it, comes with its next file."], closed
    merge(county, [export(babergh, tmp_path / "b3.sqlite")])
    assert ledger_adds_up(county, case) == {"cost": 502558, "billed": 502558, "unbilled": 0}
    assert list_conflicts(county) == []
