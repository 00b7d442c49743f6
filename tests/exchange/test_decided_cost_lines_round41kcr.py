"""Round 41 (kcr): Keep County Version on a review's money stands while the office sends the same, and only then.

The county lead keeps the county's version of a conflict about a review's cost line, invoice, payment, refund or
billing (File > Conflicts…, Keep County Version). The office's next file carrying the same disputed line must not ask
again; one carrying a changed line must. That held only while the county's side stayed to the byte as it was when
decided: a partner paying one of the county's invoices (so the county's billing of the review moved), or the lead
correcting the county's cost line again, raised the office's very same line again at its next file, every time. A
version of the office's set aside stays set aside whatever the county holds since (county_conflicts.SET_ASIDE_FOR_GOOD).
"""

from __future__ import annotations

import pytest

from safer_desk.services import dhr
from safer_desk.services.county import list_conflicts
from tests.exchange.district_offices import export, merge
from tests.exchange.test_billing_held_with_cost_line_round39cm2 import TODAY, ledger_adds_up
from tests.exchange.test_refund_beyond_credit_round39 import (BABERGH, _billed_lower, edit_at_county, merged_once,
                                                              county_holding_a_refund_it_cannot_take)
from tests.exchange.test_shared_review_billing_round40xbl import _bill_again, _paid_at_the_office

REFERENCE = "WSCSP-DHR-2025-01"  # held alike by Babergh and Mid Suffolk offices (the offices fixture)
PROBATION = "org:national-probation-service"


def _open(county) -> list[tuple[str, str]]:
    return sorted((c.table, c.kind) for c in list_conflicts(county))


def keep_county_in_window(qtbot, county, table: str, kind: str) -> None:
    """File > Conflicts…: choose the one open conflict about ``table`` of this kind and press Keep County Version."""
    from PySide6.QtCore import Qt

    from safer_desk.ui.exchange.conflicts_dialog import ConflictsDialog
    from safer_desk.ui.session import Session

    session = Session()
    session.store = county  # (not set_store: the test owns the file and closes it)
    dialog = ConflictsDialog(session)
    qtbot.addWidget(dialog)
    try:
        [row] = [r for r in range(dialog.proxy.rowCount())
                 if (c := dialog.model.row(dialog.proxy.mapToSource(dialog.proxy.index(r, 0)).row())).table == table
                 and c.kind == kind]
        dialog.view.setCurrentIndex(dialog.proxy.index(row, 1))
        chosen = dialog.selected()
        assert dialog.detail_label.text().startswith(f"#{chosen.id} ")
        with qtbot.waitSignal(dialog.decided) as decided:
            qtbot.mouseClick(dialog.keep_county_button, Qt.MouseButton.LeftButton)
        assert [c.id for c in decided.args[0]] == [chosen.id]
        assert chosen.id not in [c.id for c in dialog.presenter.conflicts]
    finally:
        dialog.close()
        session.store = None


def _share(store, case: str, org: str):
    return next(s for s in dhr.list_shares(store, today=TODAY, case_id=case) if s.organisation_id == org)


def _shared_review_merged(o) -> str:
    case = dhr.case_id_by_reference(o.babergh, REFERENCE)
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    return case


# -- the county's side moves after the decision: the office's same line is not raised again ------------------------

def test_a_partner_paying_the_county_invoices_does_not_raise_the_office_billing_again(offices, qtbot):
    """Babergh office billed the shared review again at £2,500 less; its billing would bill the partners twice beside
    Mid Suffolk office's invoices, and the lead kept the county's. Babergh District Council then pays its invoice (Mid
    Suffolk office records it): Babergh office's next file, with the billing the lead set aside, changes nothing and
    asks nothing; billing again once more is asked about."""
    o = offices
    case = _shared_review_merged(o)
    _bill_again(o.babergh, case, -250000, "2025-10-01")
    merge(o.county, [o.send(o.babergh)])
    keep_county_in_window(qtbot, o.county, "dhr_cost_lines", "differs")
    _paid_at_the_office(o.babergh, case)  # (the billing set aside with its cost line is not asked about again)
    merge(o.county, [o.send(o.babergh)])
    keep_county_in_window(qtbot, o.county, "dhr_cases", "billing-cannot-take")

    paid = _share(o.mid, case, BABERGH)
    dhr.record_payment(o.mid, paid.id, paid_on="2025-09-20", amount="100", reference="BACS 1")
    merge(o.county, [o.send(o.mid)])
    assert _open(o.county) == []
    report = merge(o.county, [o.send(o.babergh)])
    assert _open(o.county) == [], report.text()
    assert ledger_adds_up(o.county, case) == {"cost": 752558, "billed": 752558, "unbilled": 0}

    _bill_again(o.babergh, case, -10000, "2025-10-05")  # the office changed it again: looked at again
    merge(o.county, [o.send(o.babergh)])
    assert ("dhr_cost_lines", "differs") in _open(o.county)
    assert ledger_adds_up(o.county, case)["billed"] == 752558


def test_the_county_correcting_its_cost_line_again_does_not_raise_the_office_line_again(tmp_path, qtbot):
    """The county corrected the chair's cost line of Babergh office's review; the office billed it £2,500 lower; the
    lead kept the county's line. The lead then corrects the county's line once more (its supplier): the office's next
    file, sending the line the lead set aside, asks nothing; a line changed again is asked about."""
    with merged_once(tmp_path) as (county, babergh, case):
        edit_at_county(county, case)
        _billed_lower(babergh, case)
        merge(county, [export(babergh, tmp_path / "b2.sqlite")])
        keep_county_in_window(qtbot, county, "dhr_cost_lines", "edited-at-county")
        merge(county, [export(babergh, tmp_path / "b3.sqlite")])
        assert _open(county) == []
        with county.transaction():
            county.conn.execute("UPDATE dhr_cost_lines SET supplier = 'Chair Ltd' WHERE case_id = ?", (case,))
        merge(county, [export(babergh, tmp_path / "b4.sqlite")])
        assert _open(county) == []
        assert [line["amount_pence"] for line in dhr.cost_lines(county, case)] == [752558]

        _bill_again(babergh, case, -10000, "2025-10-05")
        merge(county, [export(babergh, tmp_path / "b5.sqlite")])
        assert _open(county) == [("dhr_cost_lines", "edited-at-county")]
        assert [line["amount_pence"] for line in dhr.cost_lines(county, case)] == [752558]


# -- every kind of conflict about a review's money: the same line is quiet, a changed one is asked about ----------

def _payment_differs(o, case):
    paid = _share(o.mid, case, BABERGH)
    dhr.record_payment(o.mid, paid.id, paid_on="2025-09-20", amount="600", reference="BACS 1")
    merge(o.county, [o.send(o.mid)])
    dhr.record_payment(o.babergh, paid.id, paid_on="2025-09-20", amount="500", reference="BACS 1")

    def change():
        dhr.delete_payment(o.babergh, dhr.share_payments(o.babergh, paid.id)[0]["id"])
        dhr.record_payment(o.babergh, paid.id, paid_on="2025-09-20", amount="550", reference="BACS 1")
    return ("dhr_payments", "differs"), change


def _payment_beyond_share(o, case):
    paid = _share(o.mid, case, BABERGH)
    dhr.record_payment(o.mid, paid.id, paid_on="2025-09-20", amount=paid.amount_pence / 100, reference="BACS 1")
    merge(o.county, [o.send(o.mid)])
    dhr.record_payment(o.babergh, paid.id, paid_on="2025-09-21", amount="500", reference="BACS 2")

    def change():
        dhr.delete_payment(o.babergh, dhr.share_payments(o.babergh, paid.id)[0]["id"])
        dhr.record_payment(o.babergh, paid.id, paid_on="2025-09-21", amount="400", reference="BACS 2")
    return ("dhr_payments", "share-cannot-take"), change


def _share_refused(o, case):
    refused = _share(o.babergh, case, PROBATION)
    dhr.refuse_share(o.babergh, refused.id, on="2025-09-10", reason="National policy")

    def change():
        dhr.reopen_share(o.babergh, refused.id)
        dhr.refuse_share(o.babergh, refused.id, on="2025-09-12", reason="National policy, confirmed in writing")
    return ("dhr_shares", "differs"), change


def _cost_line_differs(o, case):
    _bill_again(o.babergh, case, -250000, "2025-10-01")
    return ("dhr_cost_lines", "differs"), lambda: _bill_again(o.babergh, case, -10000, "2025-10-05")


@pytest.mark.parametrize("disagree", [_payment_differs, _payment_beyond_share, _share_refused, _cost_line_differs],
                         ids=["payment-differs", "payment-beyond-share", "share-refused", "cost-line-differs"])
def test_keep_county_stands_for_the_same_line_and_a_changed_line_is_asked_again(offices, qtbot, disagree):
    o = offices
    case = _shared_review_merged(o)
    conflict, change = disagree(o, case)
    merge(o.county, [o.send(o.babergh)])
    assert _open(o.county) == [conflict]
    keep_county_in_window(qtbot, o.county, *conflict)
    report = merge(o.county, [o.send(o.babergh)])  # the same line again: decided, not raised
    assert conflict not in _open(o.county), report.text()
    assert sum(s.decided for s in report.merged) >= 1
    ledger_adds_up(o.county, case)
    change()
    merge(o.county, [o.send(o.babergh)])
    assert conflict in _open(o.county)
    ledger_adds_up(o.county, case)


def test_a_refund_kept_out_stands_and_a_changed_refund_is_asked_again(tmp_path, qtbot):
    with county_holding_a_refund_it_cannot_take(tmp_path) as (county, babergh, case):
        keep_county_in_window(qtbot, county, "dhr_refunds", "refund-cannot-take")
        keep_county_in_window(qtbot, county, "dhr_cost_lines", "edited-at-county")
        merge(county, [export(babergh, tmp_path / "b3.sqlite")])
        assert _open(county) == [] and dhr.case_refunds(county, case) == []
        refund = dhr.case_refunds(babergh, case)[0]
        dhr.delete_refund(babergh, refund.id)
        dhr.record_refund(babergh, case, BABERGH, refunded_on="2025-10-15", amount="200", reference="BACS 4471")
        merge(county, [export(babergh, tmp_path / "b4.sqlite")])
        assert _open(county) == [("dhr_refunds", "refund-cannot-take")]
        assert dhr.case_refunds(county, case) == []
