"""Round 36 (rv7): free text refused on the way out is said where the officer can find it, and how it is corrected
when no form edits it as it stands (a payment's reference, a share's reason, a catalogue item's name, a panel
meeting's note): following the words lets the export through."""

from __future__ import annotations


from safer_desk.services import dhr
from safer_desk.storage.store import open_store
from tests.exchange.helpers import cli_output, edit_outside


def test_a_name_in_a_payment_s_reference_says_its_invoice_and_how_to_correct_it(tmp_path):
    office = tmp_path / "office.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    store = open_store(office)
    try:
        pay_id, share_id, invoice, paid_on, pence, ref = store.one(
            "SELECT p.id, p.share_id, s.invoice_ref, p.paid_on, p.amount_pence, c.reference FROM dhr_payments p "
            "JOIN dhr_shares s ON s.id = p.share_id JOIN dhr_cases c ON c.id = s.case_id ORDER BY s.invoice_ref")
    finally:
        store.close()
    edit_outside(office, "UPDATE dhr_payments SET reference = ? WHERE id = ?", ("Paid by Jane Smith", pay_id))
    code, _, err = cli_output(["export", str(office), str(tmp_path / "out.sqlite")])
    assert code == 1 and "Jane" not in err and "Smith" not in err, err
    assert f"Payment reference on invoice {invoice} of review {ref} (table dhr_payments" in err, err
    assert "Delete a payment…, then record it again" in err, err
    store = open_store(office)  # done as the words say: the export goes
    try:
        dhr.delete_payment(store, pay_id)
        dhr.record_payment(store, share_id, paid_on=paid_on, amount=pence / 100, reference="BACS")
    finally:
        store.close()
    assert cli_output(["export", str(office), str(tmp_path / "out.sqlite")])[0] == 0


def test_a_name_in_a_contribution_s_note_or_an_item_says_its_fund_or_the_catalogue(tmp_path):
    office = tmp_path / "office.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    store = open_store(office)
    try:
        contribution, fund = store.one("SELECT c.id, f.name FROM fund_contributions c JOIN funds f "
                                       "ON f.id = c.fund_id ORDER BY c.id")
    finally:
        store.close()
    edit_outside(office, "UPDATE fund_contributions SET note = ? WHERE id = ?", ("From Jane Smith", contribution))
    edit_outside(office, "UPDATE fund_items SET name = ? WHERE id = 'item:fireproof-letterbox'", ("Jane Smith",))
    code, _, err = cli_output(["export", str(office), str(tmp_path / "out.sqlite")])
    assert code == 1 and "Jane" not in err and "Smith" not in err, err
    assert f"Note of a contribution to {fund} (table fund_contributions" in err, err
    assert ("Item (table fund_items, row item:fireproof-letterbox, column name): looks like a person's name; add it "
            "to the catalogue under another name (Catalogue item…), choose that on its spend lines (Edit spend "
            "line…), then Delete catalogue item") in err, err


def test_a_name_in_a_refusal_s_reason_says_its_invoice_and_how_to_correct_it(tmp_path):
    from datetime import date

    office = tmp_path / "office.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    store = open_store(office)
    try:
        share_id, invoice, ref = store.one(
            "SELECT s.id, s.invoice_ref, c.reference FROM dhr_shares s JOIN dhr_cases c ON c.id = s.case_id "
            "WHERE NOT EXISTS (SELECT 1 FROM dhr_payments p WHERE p.share_id = s.id) ORDER BY s.invoice_ref")
        dhr.refuse_share(store, share_id, on=date(2019, 1, 7), reason="Disputed by the partner")
    finally:
        store.close()
    edit_outside(office, "UPDATE dhr_shares SET reason = ? WHERE id = ?", ("Refused by Jane Smith", share_id))
    code, _, err = cli_output(["export", str(office), str(tmp_path / "out.sqlite")])
    assert code == 1 and "Jane" not in err, err
    assert (f"Reason on invoice {invoice} of review {ref} (table dhr_shares, row {share_id}, column reason): looks "
            "like a person's name; Reopen a refused or written-off share, then refuse or write it off again") in err
    store = open_store(office)
    try:
        dhr.reopen_share(store, share_id)
        dhr.refuse_share(store, share_id, on=date(2019, 1, 7), reason="Disputed by the partner")
    finally:
        store.close()
    assert cli_output(["export", str(office), str(tmp_path / "out.sqlite")])[0] == 0


def test_the_window_says_the_refusal_once(tmp_path, window, qtbot, prompts):
    """The window's error is the export's own words, not followed by "No export was written." again."""
    from PySide6.QtCore import Qt

    office = tmp_path / "office.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    store = open_store(office)
    try:
        pay_id = store.scalar("SELECT id FROM dhr_payments ORDER BY id")
    finally:
        store.close()
    edit_outside(office, "UPDATE dhr_payments SET reference = ? WHERE id = ?", ("Paid by Jane Smith", pay_id))
    assert window.open_path(office)
    window.exchange_actions["export"].trigger()
    dialog = window.export_dialog
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "for county.sqlite"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=15000)
    said = prompts.errors[-1][1]
    assert said.startswith("The export was not written: 1 field that would leave the office holds"), said
    assert "Delete a payment…, then record it again" in said and "Jane" not in said
    assert "No export was written" not in said, said
    assert not (tmp_path / "for county.sqlite").exists()
