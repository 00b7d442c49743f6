"""Round 40 (xbl): two offices billing one shared review differently never bill a partner twice at the county.

WSCSP-DHR-2025-01 is held alike by Babergh and Mid Suffolk offices (both hold its £7,525.58 cost line and its ten
invoices). Babergh office found the chair's cost £2,500 lower and billed the partners again (its unpaid invoices
cancelled, new ones for the lower shares). Its file raised a conflict about the cost line, whose billing waits with it;
Keep District Version of it is refused (Mid Suffolk office's next file would bring the old invoices back). But the
county lead's other choice, Keep County Version, let Babergh office's next file bring its new invoices in beside the
ten Mid Suffolk office still holds: every partner billed twice, £12,551.16 billed for a £7,525.58 cost. The same when
Mid Suffolk office billed differently too, in either order and whatever was decided. An office's billing of a review
that would leave the county billing it beyond its cost is not merged now; it waits with a conflict that says why and
what to do, and keeping it is refused while that is so.
"""

from __future__ import annotations

import pytest

from safer_desk.services import dhr
from safer_desk.services.county import CountyError, list_conflicts, resolve_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import merge
from tests.exchange.test_billing_held_with_cost_line_round39cm2 import TODAY, ledger_adds_up

REFERENCE = "WSCSP-DHR-2025-01"


def _bill_again(store, case: str, change_pence: int, day: str) -> None:
    line = dhr.cost_lines(store, case)[0]
    fields = {k: line[k] for k in ("category", "description", "supplier", "invoice_ref", "invoiced_on")}
    dhr.update_cost_line(store, line["id"], bill_again_on=day, amount=line["amount_pence"] + change_pence, **fields)


def _never_billed_twice(store, case: str) -> dict[str, int]:
    """The review's ledger adds up, and what its partners are billed for its costs is within its cost."""
    ledger = ledger_adds_up(store, case)
    assert ledger["billed"] <= ledger["cost"] and ledger["unbilled"] >= 0, ledger
    row = next(c for c in dhr.list_cases(store, today=TODAY) if c.id == case)
    assert row.billing.unbilled_pence >= 0, row.billing  # (not hidden by the summary's floor at nothing)
    return ledger


def _billing_conflicts(store) -> list:
    return [c for c in list_conflicts(store) if c.kind == "billing-cannot-take"]


def _paid_at_the_office(store, case: str) -> None:
    """A partner pays £100 of one of the office's new invoices: a billing other than the one the lead set aside with
    its cost line (session 72: that same billing sent again is not asked about again)."""
    share = next(s for s in dhr.list_shares(store, today=TODAY, case_id=case) if s.status == "invoiced")
    dhr.record_payment(store, share.id, paid_on="2025-10-10", amount="100", reference="BACS 9")


def test_kept_at_the_county_the_office_billing_again_never_comes_in_beside_the_other_office_invoices(offices):
    o = offices
    case = dhr.case_id_by_reference(o.babergh, REFERENCE)
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    _bill_again(o.babergh, case, -250000, "2025-10-01")
    merge(o.county, [o.send(o.babergh)])
    [conflict] = list_conflicts(o.county)
    resolve_conflicts(o.county, "county", which=conflict.id)
    assert _never_billed_twice(o.county, case) == {"cost": 752558, "billed": 752558, "unbilled": 0}
    merge(o.county, [o.send(o.babergh)])  # the same billing again: set aside with its cost line, not asked again
    assert list_conflicts(o.county) == []
    assert _never_billed_twice(o.county, case) == {"cost": 752558, "billed": 752558, "unbilled": 0}

    _paid_at_the_office(o.babergh, case)
    merge(o.county, [o.send(o.babergh)])  # its next file: its invoices would be billed beside Mid Suffolk's
    assert _never_billed_twice(o.county, case) == {"cost": 752558, "billed": 752558, "unbilled": 0}
    [held] = _billing_conflicts(o.county)
    assert held.detail == (
        f"Invoices of {REFERENCE}: Babergh office billed the partners again on 01/10/2025 (£5,025.58 for the review's "
        f"costs), not merged: the county holds {REFERENCE} billed £7,525.58 for its cost of £7,525.58 (its invoices "
        "from Mid Suffolk office), so its partners would be billed £12,551.16 for it, £5,025.58 of it twice. Keep the "
        "county's version (its invoices stay, and Babergh office's stay out while it sends these), or agree the "
        "review's cost and billing with Babergh office and Mid Suffolk office: Babergh office's billing comes in with "
        "its next file once the county's ledger can take it"), held.detail
    with pytest.raises(CountyError, match="would be billed £12,551.16 for it"):
        resolve_conflicts(o.county, "district", which=held.id)
    assert _never_billed_twice(o.county, case)["billed"] == 752558

    merge(o.county, [o.send(o.mid)])  # Mid Suffolk office's file changes nothing of it
    assert _never_billed_twice(o.county, case) == {"cost": 752558, "billed": 752558, "unbilled": 0}
    assert len(_billing_conflicts(o.county)) == 1


def test_once_the_other_office_bills_again_too_its_billing_comes_in_once(offices):
    """Mid Suffolk office agrees the lower cost and bills the partners again too: its file brings its invoices (no other
    office holds the review's old ones now), and Babergh office's, the same partners billed on other invoices, stay
    out until the lead keeps the county's version, which stands at both offices' next files."""
    o = offices
    case = dhr.case_id_by_reference(o.babergh, REFERENCE)
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    _bill_again(o.babergh, case, -250000, "2025-10-01")
    merge(o.county, [o.send(o.babergh)])
    resolve_conflicts(o.county, "county")
    _paid_at_the_office(o.babergh, case)
    merge(o.county, [o.send(o.babergh)])
    _bill_again(o.mid, case, -250000, "2025-10-01")
    merge(o.county, [o.send(o.mid)])
    assert _never_billed_twice(o.county, case)["billed"] == 502558  # Mid Suffolk office's invoices
    merge(o.county, [o.send(o.babergh)])
    assert _never_billed_twice(o.county, case)["billed"] == 502558
    [held] = _billing_conflicts(o.county)
    assert "(its invoices from Mid Suffolk office), so its partners would be billed £10,051.16" in held.detail
    resolve_conflicts(o.county, "county", which=held.id)
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    assert _never_billed_twice(o.county, case)["billed"] == 502558
    assert _billing_conflicts(o.county) == []


@pytest.mark.parametrize("first", ["babergh", "mid"])
@pytest.mark.parametrize("decisions", [("county", "county"), ("county", "district"), ("district", "county"),
                                       ("district", "district")])
def test_two_offices_billing_a_shared_review_differently_never_bill_twice(offices, first, decisions):
    """Babergh office bills the partners again at £2,500 less, Mid Suffolk office at £1,000 more; merged in either
    order, every conflict decided each way (Keep District refused where it cannot be safe, saying what to do), and
    both offices' next files merged: the county never bills the review beyond its cost."""
    o = offices
    case = dhr.case_id_by_reference(o.babergh, REFERENCE)
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    _bill_again(o.babergh, case, -250000, "2025-10-01")
    _bill_again(o.mid, case, 100000, "2025-10-02")
    order = [o.babergh, o.mid] if first == "babergh" else [o.mid, o.babergh]
    merge(o.county, [o.send(s) for s in order])
    _never_billed_twice(o.county, case)
    for decision in decisions:
        open_ = list_conflicts(o.county)
        if not open_:
            break
        try:
            resolve_conflicts(o.county, decision, which=open_[0].id)
        except CountyError as refused:  # said in words that say what to do
            assert "keep the county's version" in str(refused).lower() or "agree" in str(refused), str(refused)
        _never_billed_twice(o.county, case)
    for store in order:
        merge(o.county, [o.send(store)])
        _never_billed_twice(o.county, case)
    for store in order:
        merge(o.county, [o.send(store)])
        _never_billed_twice(o.county, case)


def test_in_the_conflicts_window_keep_district_is_refused_in_words_and_keep_county_closes_it(
        offices, window, qtbot, prompts):
    """The county lead at the Conflicts window: the held billing is listed under Reviews and their costs; Keep District
    Version says why it cannot be kept and changes nothing; Keep County Version keeps the county's invoices, and Undo
    puts the conflict back."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from safer_desk.ui.exchange.menu import open_conflicts_dialog

    o = offices
    case = dhr.case_id_by_reference(o.babergh, REFERENCE)
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    _bill_again(o.babergh, case, -250000, "2025-10-01")
    merge(o.county, [o.send(o.babergh)])
    resolve_conflicts(o.county, "county")
    _paid_at_the_office(o.babergh, case)
    merge(o.county, [o.send(o.babergh)])
    path = o.county.path
    o.county.close()  # the window opens the county file (the fixture closes what it holds at the end)
    o.county = open_store(path, read_only=True)
    assert window.open_path(path)
    window.show()
    dialog = open_conflicts_dialog(window)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    groups = [dialog.groups.item(i).text() for i in range(dialog.groups.count())]
    assert groups[1].startswith("Reviews and their costs"), groups
    dialog.view.setFocus()
    held = dialog.selected()
    assert held.kind == "billing-cannot-take" and held.detail.startswith(f"Invoices of {REFERENCE}: Babergh office")

    qtbot.mouseClick(dialog.keep_district_button, Qt.MouseButton.LeftButton)
    [(_title, refused)] = prompts.errors
    assert "would bill the partners twice, so it is refused" in refused and "Keep the county's version" in refused
    assert [c.id for c in list_conflicts(dialog.session.store)] == [held.id]
    assert _never_billed_twice(dialog.session.store, case)["billed"] == 752558

    with qtbot.waitSignal(dialog.decided):
        qtbot.mouseClick(dialog.keep_county_button, Qt.MouseButton.LeftButton)
    assert list_conflicts(dialog.session.store) == []
    assert _never_billed_twice(dialog.session.store, case)["billed"] == 752558
    dialog.session.undo_stack.undo()
    assert [c.id for c in list_conflicts(dialog.session.store)] == [held.id]
    dialog.close()
