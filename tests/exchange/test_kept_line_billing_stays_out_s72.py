"""Session 72: Keep County Version of a cost line stands for the office's billing that waited with it.

The county lead corrected a shared review's chair's cost down and billed its partners again; Babergh office, which
holds the review alike with Mid Suffolk office, corrected the same line its own way (up, not billed again). Its
cost line was raised with its billing waiting beside it, and the lead kept the county's version. Merging the very
same files again then raised a new "billing cannot take" conflict about Babergh office's billing, the one the lead
had just set aside with its cost line: a re-merge of unchanged files must raise nothing new. A billing the office
changes since is still asked about.
"""

from __future__ import annotations

from safer_desk.services import dhr
from safer_desk.services.county import list_conflicts, resolve_conflicts
from tests.exchange.district_offices import merge
from tests.exchange.test_billing_held_with_cost_line_round39cm2 import TODAY, ledger_adds_up
from tests.exchange.test_shared_review_billing_round40xbl import _bill_again

REFERENCE = "WSCSP-DHR-2025-01"  # held alike by Babergh and Mid Suffolk offices (the offices fixture)


def _correct(store, case: str, change_pence: int) -> None:
    line = dhr.cost_lines(store, case)[0]
    fields = {k: line[k] for k in ("category", "description", "supplier", "invoice_ref", "invoiced_on")}
    dhr.update_cost_line(store, line["id"], amount=line["amount_pence"] + change_pence, **fields)


def _open(county) -> list[tuple[str, str, str]]:
    return sorted((c.office_name, c.table, c.kind) for c in list_conflicts(county))


def _kept_county_line(o) -> tuple[str, list, list]:
    case = dhr.case_id_by_reference(o.babergh, REFERENCE)
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    _bill_again(o.county, case, -250000, "2025-10-01")  # the county corrects the chair's cost down, billed again
    _correct(o.babergh, case, 10000)  # Babergh office corrects it its own way, up £100
    files = [o.send(o.babergh), o.send(o.mid)]
    merge(o.county, files)
    [line] = [c for c in list_conflicts(o.county) if c.table == "dhr_cost_lines"]
    assert line.office_name == "Babergh office" and "not merged while this is open" in line.detail, line.detail
    resolve_conflicts(o.county, "county", which=line.id)
    return case, files, _open(o.county)


def test_the_same_files_merged_again_raise_nothing_new(offices):
    o = offices
    case, files, left = _kept_county_line(o)
    ledger = ledger_adds_up(o.county, case)
    report = merge(o.county, files)
    assert not [c for c in _open(o.county) if c not in left], report.text()  # nothing new
    assert ledger_adds_up(o.county, case) == ledger == {"cost": 502558, "billed": 502558, "unbilled": 0}
    assert "already decided by the county lead: not raised again" in report.text(), report.text()


def test_the_invoices_held_out_are_not_said_to_be_added_again(offices):
    """The county's billing again withdrew the review's old invoices; the offices' files still hold them, held out
    with the conflicts. The summary said "Added again, though deleted in the county file since it was merged: 8
    shares of review costs" beside "0 added", each merge: they were not added."""
    o = offices
    case = dhr.case_id_by_reference(o.babergh, REFERENCE)
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    _bill_again(o.county, case, -250000, "2025-10-01")
    report = merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    assert report.added == 0 and "Added again" not in report.text(), report.text()
    assert ledger_adds_up(o.county, case) == {"cost": 502558, "billed": 502558, "unbilled": 0}


def test_a_billing_changed_since_is_asked_about(offices):
    o = offices
    case, _, left = _kept_county_line(o)
    share = next(s for s in dhr.list_shares(o.babergh, today=TODAY, case_id=case) if s.status == "invoiced")
    dhr.record_payment(o.babergh, share.id, paid_on="2025-11-01", amount="100")  # another billing of Babergh's
    merge(o.county, [o.send(o.babergh)])
    new = [c for c in _open(o.county) if c not in left]
    assert new == [("Babergh office", "dhr_cases", "billing-cannot-take")], _open(o.county)
    assert ledger_adds_up(o.county, case)["billed"] == 502558
