"""Session 65: free text refused on the way out says where it is, for a review's own fields and a referral's.

A name in a review's case notes (an --include-referrals export sends them) was said as "Notes (table dhr_cases,
row 6b51ee25…, column notes)": every other field of a review is said "of review WSCSP-DHR-2017-01", but the
review's own row was named only by its internal id, which the Reviews list never shows. A referral's reference or
override reason was said "of a referral to Suffolk Target Hardening Pilot" and its id, among sixteen referrals.
Each is now said by what the window lists it by, never by the text found in it."""

from __future__ import annotations

from safer_desk.storage.store import open_store
from tests.exchange.helpers import cli_output, edit_outside


def test_a_name_in_a_review_s_notes_or_a_referral_says_which_one(tmp_path):
    office = tmp_path / "office.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    store = open_store(office)
    try:
        case_id = store.scalar("SELECT id FROM dhr_cases WHERE reference = 'WSCSP-DHR-2017-02'")
        referral_id = store.scalar("SELECT id FROM fund_referrals WHERE reference = 'TH-2018-003'")
    finally:
        store.close()
    edit_outside(office, "UPDATE dhr_cases SET notes = ? WHERE id = ?", ("Jane Smith of 12 High Street", case_id))
    # a real override (no IDVA yet, against the fund's rules): a reason on a referral that meets them does not leave
    # the office at all (s73)
    edit_outside(office, "UPDATE fund_referrals SET override_reason = ?, idva_assigned = 0 WHERE id = ?",
                 ("Jane Smith agreed", referral_id))
    code, _, err = cli_output(["export", str(office), str(tmp_path / "out.sqlite"), "--include-referrals"])
    assert code == 1 and "Jane" not in err and "Smith" not in err, err
    assert "Notes of review WSCSP-DHR-2017-02 (table dhr_cases" in err, err
    assert ("Override reason of referral TH-2018-003 to Suffolk Target Hardening Pilot (table fund_referrals"
            in err), err


def test_a_name_in_a_referral_s_reference_is_not_said_again(tmp_path):
    office = tmp_path / "office.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    edit_outside(office, "UPDATE fund_referrals SET reference = ? WHERE reference = 'TH-2018-003'",
                 ("Mrs Jane Smith 12 High St",))
    code, _, err = cli_output(["export", str(office), str(tmp_path / "out.sqlite"), "--include-referrals"])
    assert code == 1 and "Jane" not in err and "Smith" not in err and "High" not in err, err
    assert "Reference of a referral to Suffolk Target Hardening Pilot (table fund_referrals" in err, err
