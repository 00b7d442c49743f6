"""Costs, round 32 (cst): a coordinator's year on a review, through the real widgets at 1366×728, by keyboard.

A review notified; the chair's fees keyed in several lines as the invoices arrive; a capped part first (as
Gloucestershire: one partner pays 50% of the chair's costs up to £5,000, the others share the rest); the partners
billed; one pays in full, one in part, one refuses and the refusal is re-split; a cost line corrected after billing
and billed again; the ledger as at a date read from the window and from `safer-desk dhr-ledger --as-at`, and both
checked by hand to the penny.
"""

from __future__ import annotations

import csv
import io
from contextlib import redirect_stdout
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from safer_desk.cli import main as cli_main
from safer_desk.services import dhr
from tests.costs.test_new_case_then_cost_line import field, type_into

REF = "WSCSP-DHR-2018-09"
CAP_PAYER = "Suffolk County Council"
PROBATION = "National Probation Service"
CHAIR = ("1,250.00", "2,400.50", "3,875.25")  # £7,525.75 of the chair's fees, in three invoices


def reviews_on(window, qtbot, today: date):
    window.resize(1366, 728)
    window.show()
    tab = window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.reviews
    page.today = today
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    return tab, page


def by_keyboard(qtbot, page, key):
    """Alt+key on the page (the button's mnemonic) opens its dialog."""
    before = page.dialog
    page.window().activateWindow()  # back from the dialog before: offscreen, nothing gives the window focus again
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page.window(), timeout=5000)
    page.cases.view.setFocus()
    qtbot.keyClick(page.cases.view, key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog is not before and page.dialog.isVisible(),
                    timeout=5000)
    return page.dialog


def save_by_enter(qtbot, dialog, widget):
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


def date_edit(dialog, name):
    from safer_desk.ui.kit.dates import DateField

    return next(w.edit for w in dialog.findChildren(DateField) if w.edit.accessibleName() == name)


def choose_share(page, qtbot, partner: str, kind: str = "share"):
    page.details.setCurrentWidget(page.shares.view)
    assert page.shares.select_where(lambda s: s.partner == partner and s.kind == kind)
    return page.shares.current()


def cli_ledger(path, *args) -> list[dict]:
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli_main(["dhr-ledger", str(path), *args]) == 0
    return list(csv.DictReader(io.StringIO(out.getvalue())))


@pytest.mark.timeout(120)
def test_a_year_on_a_capped_review_adds_up_in_the_window_and_on_the_command_line(demo_window, demo_path, qtbot):
    tab, page = reviews_on(demo_window, qtbot, date(2018, 2, 1))
    store = page.store
    dialog = by_keyboard(qtbot, page, Qt.Key.Key_N)  # &New case…
    type_into(qtbot, field(dialog, "Reference"), REF)
    type_into(qtbot, field(dialog, "District"), "Babergh")
    type_into(qtbot, field(dialog, "Partnership conducting it"), "Western Suffolk CSP")
    type_into(qtbot, field(dialog, "Lead authority"), "Babergh District Council")
    type_into(qtbot, date_edit(dialog, "Notified"), "05/01/2018")
    save_by_enter(qtbot, dialog, date_edit(dialog, "Notified"))
    case_id = dhr.case_id_by_reference(store, REF)
    assert page.presenter.selected_case.id == case_id

    for amount, day, month in zip(CHAIR, ("12/02/2018", "12/03/2018", "12/04/2018"), (2, 3, 4)):
        page.today = date(2018, month, 20)  # keyed as each invoice arrives
        dialog = by_keyboard(qtbot, page, Qt.Key.Key_O)  # C&ost line…
        type_into(qtbot, date_edit(dialog, "Invoice date"), day)
        type_into(qtbot, field(dialog, "Amount"), amount)
        save_by_enter(qtbot, dialog, field(dialog, "Amount"))
    dialog = by_keyboard(qtbot, page, Qt.Key.Key_O)
    type_into(qtbot, field(dialog, "Category"), "Administration")
    type_into(qtbot, field(dialog, "Amount"), "310.33")
    save_by_enter(qtbot, dialog, field(dialog, "Amount"))
    assert dhr.case_cost_pence(store, case_id) == 783608

    dialog = by_keyboard(qtbot, page, Qt.Key.Key_S)  # &Split…
    type_into(qtbot, field(dialog, "Split"), "One partner pays a capped part first")
    type_into(qtbot, field(dialog, "Partner paying first"), CAP_PAYER)
    type_into(qtbot, field(dialog, "Share of the chair's costs"), "50%")
    type_into(qtbot, field(dialog, "Up to"), "5,000")
    save_by_enter(qtbot, dialog, field(dialog, "Up to"))

    # 50% of £7,525.75 is £3,762.875: £3,762.88 (halves up, under the £5,000 cap); £4,073.20 left for ten partners.
    page.today = date(2018, 5, 1)
    dialog = by_keyboard(qtbot, page, Qt.Key.Key_G)  # Bill partners (char&ge)…
    type_into(qtbot, date_edit(dialog, "Invoice date"), "01/05/2018")
    type_into(qtbot, field(dialog, "Days to pay"), "30")
    save_by_enter(qtbot, dialog, field(dialog, "Days to pay"))
    shares = {s.partner: s.amount_pence for s in dhr.list_shares(store, today=date(2018, 5, 1), case_id=case_id)}
    assert shares[CAP_PAYER] == 376288 and len(shares) == 11
    assert {v for k, v in shares.items() if k != CAP_PAYER} == {40732} and sum(shares.values()) == 783608

    page.today = date(2018, 6, 15)
    choose_share(page, qtbot, "Babergh District Council")
    dialog = by_keyboard(qtbot, page, Qt.Key.Key_Y)  # Pa&yment…: the outstanding is offered
    type_into(qtbot, date_edit(dialog, "Paid on"), "20/05/2018")
    save_by_enter(qtbot, dialog, field(dialog, "Amount"))
    choose_share(page, qtbot, "Mid Suffolk District Council")
    dialog = by_keyboard(qtbot, page, Qt.Key.Key_Y)
    type_into(qtbot, date_edit(dialog, "Paid on"), "25/05/2018")
    type_into(qtbot, field(dialog, "Amount"), "200")
    save_by_enter(qtbot, dialog, field(dialog, "Amount"))
    choose_share(page, qtbot, PROBATION)
    dialog = by_keyboard(qtbot, page, Qt.Key.Key_D)  # Refuse&d…
    type_into(qtbot, date_edit(dialog, "Date"), "01/06/2018")
    type_into(qtbot, field(dialog, "Reason"), "The National Probation Service will not contribute")
    save_by_enter(qtbot, dialog, date_edit(dialog, "Date"))
    refused = choose_share(page, qtbot, PROBATION)
    page.resolve_dialog()
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    type_into(qtbot, field(dialog, "The refused amount is"), "Re-split among the other partners")
    type_into(qtbot, date_edit(dialog, "Date"), "05/06/2018")
    save_by_enter(qtbot, dialog, date_edit(dialog, "Date"))
    resplit = [s for s in dhr.list_shares(store, today=date(2018, 6, 15), case_id=case_id) if s.kind == "re-split"]
    # £407.32 among the nine who share equally (the capped payer's part is fixed): 7 × £45.26 + 2 × £45.25
    assert sum(s.amount_pence for s in resplit) == refused.amount_pence == 40732
    assert sorted(s.amount_pence for s in resplit) == [4525, 4525] + [4526] * 7
    assert CAP_PAYER not in {s.partner for s in resplit}

    # The administration invoice was £350.33, not £310.33: corrected after billing, then the £40 billed further.
    page.details.setCurrentWidget(page.costs.view)
    assert page.costs.select_where(lambda line: line["category"] == "Administration")
    page.edit_cost_line_dialog()
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    type_into(qtbot, field(dialog, "Amount"), "350.33")
    save_by_enter(qtbot, dialog, field(dialog, "Amount"))
    case = next(c for c in dhr.list_cases(store, today=date(2018, 6, 15)) if c.id == case_id)
    assert case.cost_pence == 787608 and case.unbilled_pence == 4000
    dialog = by_keyboard(qtbot, page, Qt.Key.Key_G)
    type_into(qtbot, date_edit(dialog, "Invoice date"), "15/06/2018")
    save_by_enter(qtbot, dialog, date_edit(dialog, "Invoice date"))
    further = [s for s in dhr.list_shares(store, today=date(2018, 6, 15), case_id=case_id)
               if s.invoiced_on == date(2018, 6, 15)]
    assert sum(s.amount_pence for s in further) == 4000  # the capped payer's chair part did not change: others share
    assert CAP_PAYER not in {s.partner for s in further if s.amount_pence}

    # The ledger as at 01/09/2018 (after the example file's own payments): this review's first invoices (due
    # 31/05/2018), re-split ones (due 05/07/2018) and further ones (due 15/07/2018) unpaid are overdue.
    ledger = tab.ledger
    ledger.today = date(2018, 9, 1)
    ledger.refresh()
    qtbot.waitUntil(lambda: not ledger.is_busy(), timeout=10000)
    window_rows = {r.partner: r for r in ledger.partners.source_rows()}
    store.conn.commit()
    cli_rows = {r["partner"]: r for r in cli_ledger(demo_path, "--as-at", "2018-09-01")}
    for partner, row in window_rows.items():
        cli = cli_rows[partner]
        for key, column in (("billed_pence", "billed"), ("paid_pence", "paid"), ("outstanding_pence", "outstanding"),
                            ("overdue_pence", "overdue")):
            assert f"{getattr(row, key) / 100:.2f}".rstrip("0").rstrip(".") == cli[column], (partner, key)
        assert row.billed_pence == row.paid_pence + row.refused_pence + row.written_off_pence + row.outstanding_pence
    # By hand for this review: Mid Suffolk billed £407.32 + £45.26 (re-split) + £4.00 (the further £40 among ten),
    # paid £200; the rest, £256.58, is overdue.
    mid = [s for s in dhr.list_shares(store, today=date(2018, 9, 1), case_id=case_id)
           if s.partner == "Mid Suffolk District Council"]
    assert sum(s.amount_pence for s in mid) == 40732 + 4526 + 400
    assert sum(s.overdue_pence for s in mid) == 40732 + 4526 + 400 - 20000
    assert window_rows["Mid Suffolk District Council"].overdue_pence >= 25658
    # Probation's first share refused and re-split; as the guide says, it is billed its part of the added cost too.
    probation = [(s.amount_pence, s.status) for s in dhr.list_shares(store, today=date(2018, 9, 1), case_id=case_id)
                 if s.partner == PROBATION]
    assert sorted(probation) == [(400, "invoiced"), (40732, "refused")]
    summary = next(c for c in dhr.list_cases(store, today=date(2018, 9, 1)) if c.id == case_id)
    assert summary.net_billed_pence == summary.cost_pence == 787608
    assert summary.recovered_pence == 40732 + 20000
    assert summary.outstanding_pence == 787608 - 60732 and summary.shortfall_pence == 0
