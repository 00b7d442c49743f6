"""S76 (privacy): the History of Changes' Export… and Copy leave out a referral's victim-level detail unless asked,
and the action's name said what a correction changed it to all the same.

Found by correcting a referral on the example file (its reference typed as VICTIMSON-2026, moved to Babergh, referred
on 05/04/2018, not at MARAC) and a spend line (dated 10/04/2018), then exporting the history as CSV with the detail
left out: the action column read "Change referral (reference left out) in Suffolk Target Hardening Pilot: reference
(reference left out), district Babergh, referred on 05/04/2018, at MARAC no, reason to accept given" and "Change the
spend line … for (reference left out) …: date 10/04/2018": one victim's district, dates and risk answers, which the
county export gives only as counts by district and month. The action's name now says which fields changed, not what
they became; the window, which shows it all to the officer, still says it whole.
"""

from __future__ import annotations

import csv

from safer_desk.presenters.funds import _REFERRAL_CHANGE_WORDS
from safer_desk.presenters.history import export, history_lines
from tests.presenters.test_history_round23 import fund  # noqa: F401 (the fixture)

# What the corrections typed: none of it may be in what leaves the file unasked.
TYPED = {"reference": "VICTIMSON-2026", "district": "Babergh", "referred_on": "05/04/2018", "risk_level": "medium",
         "at_marac": "no", "idva_assigned": "no", "perpetrator_resident": "yes", "override_reason": "Agreed by panel"}
SPEND_TYPED = {"spent_on": "10/04/2018", "supplier": "Victimson Locks", "invoice_ref": "INV-2018-0777"}
WITHHELD = ("VICTIMSON", "Victimson", "Babergh", "05/04/2018", "10/04/2018", "medium", "at MARAC no",
            "IDVA assigned no", "address yes", "panel", "INV-2018-0777")


def corrected(page) -> None:
    form = page.edit_referral_form(page.data.referrals[0])
    for key, value in TYPED.items():
        form.set_value(key, value)
    assert form.save() or form.save(), form.errors
    page.reload()
    line = next(x for x in page.data.lines if x["reference"] == TYPED["reference"])
    form = page.edit_spend_form(line)
    for key, value in SPEND_TYPED.items():
        form.set_value(key, value)
    assert form.save() or form.save(), form.errors
    page.reload()


def test_every_field_a_referral_s_correction_can_name_is_typed_here():
    assert set(TYPED) == set(_REFERRAL_CHANGE_WORDS)


def test_the_shared_action_names_the_fields_changed_without_their_new_values(demo_store, fund, tmp_path):  # noqa: F811
    page, log = fund
    corrected(page)
    spend, referral = history_lines(demo_store, limit=2)
    assert "district Babergh" in referral.action and "date 10/04/2018" in spend.action  # the window says it whole
    assert referral.shared.action == (
        "Change referral (reference left out) in Suffolk Target Hardening Pilot: reference, district, referred on, "
        "risk level, at MARAC, IDVA assigned, perpetrator lives at the address and reason to accept changed "
        "(victim-level detail left out)")
    assert spend.shared.action == (
        "Change the spend line Replacement door locks (amount left out) for (reference left out) in Suffolk Target "
        "Hardening Pilot: date, supplier and invoice changed (victim-level detail left out)")

    written = export(tmp_path / "history.csv", [spend, referral])
    text = written.read_text(encoding="utf-8-sig")
    assert [w for w in WITHHELD if w in text] == []
    rows = list(csv.reader(text.splitlines()))
    assert rows[1][2] == spend.shared.action

    asked = export(tmp_path / "asked.csv", [spend, referral], victim_level=True).read_text(encoding="utf-8-sig")
    assert "district Babergh" in asked and "date 10/04/2018" in asked  # included when the officer asks


def test_an_undo_of_the_correction_is_shared_without_the_values_too(demo_store, fund):  # noqa: F811
    page, log = fund
    corrected(page)
    log.undo()
    log.undo()
    shared = " ".join(line.shared.action for line in history_lines(demo_store, limit=2) if line.shared)
    assert [w for w in WITHHELD if w in shared] == []
