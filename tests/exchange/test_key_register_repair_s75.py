"""`check --repair` puts a county's register of signing keys back as the audit trail records it (s75, audit).

Session 74 made `check` hold the register (`_county_keys`, which no row trigger records) against the trail's 'key
accepted' and 'key withdrawn' events, and the merge go by the trail. `check COUNTY --repair` on a register changed
with sqlite3 said the PROBLEM again and mended nothing, so the county file failed its check (exit 1) whatever was
asked; for a key withdrawn with sqlite3, the way out it named (`keys --withdraw`) did nothing either. Now, when the
trail is whole, the repair puts the register back as the trail says, in one transaction after a backup, and says
each change; a key withdrawn outside Safer Desk stays withdrawn (a repair never puts a key back in service), its
withdrawal recorded. When the trail itself is not whole, the register is left as it is and the repair says why.
"""

from __future__ import annotations

import sqlite3

import pytest

from safer_desk.services.county import export_for_county
from safer_desk.storage.store import backups_of
from tests.exchange.helpers import cli_output, county_with_first_export, file_sha256, officer_keys


@pytest.fixture
def county_with_babergh(district, tmp_path):
    """A county file into which Babergh's first export has been merged (its key accepted)."""
    return county_with_first_export(district, tmp_path)[0]


def _sqlite3(path, *statements):
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        for sql in statements:
            conn.execute(sql)
    finally:
        conn.close()


def _register(path) -> list[tuple]:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("SELECT fingerprint, office_name, withdrawn_at IS NOT NULL, withdrawn_reason "
                            "FROM _county_keys ORDER BY fingerprint").fetchall()
    finally:
        conn.close()


def test_a_withdrawn_key_put_back_with_sqlite3_is_withdrawn_again_by_repair(district, county_with_babergh, tmp_path):
    fingerprint = officer_keys()[0]
    withdraw = ["keys", str(county_with_babergh), "--withdraw", fingerprint, "--reason", "laptop stolen"]
    assert cli_output(withdraw)[0] == 0
    _sqlite3(county_with_babergh, "UPDATE _county_keys SET withdrawn_at = NULL, withdrawn_by = NULL, "
                                  "withdrawn_reason = ''")
    backups = len(backups_of(county_with_babergh))
    code, out, err = cli_output(["check", str(county_with_babergh), "--repair"])
    assert code == 0, (out, err)
    assert (f"repaired: signing key {fingerprint} of Babergh office is withdrawn again, as the audit trail records "
            "it") in out, out
    assert "laptop stolen" in out and "a backup was made first" in out, out
    assert len(backups_of(county_with_babergh)) == backups + 1
    assert _register(county_with_babergh) == [(fingerprint, "Babergh office", 1, "laptop stolen")]
    code, out, err = cli_output(["check", str(county_with_babergh)])
    assert code == 0 and "the register of signing keys agrees with the audit trail (1 key)" in out, (out, err)
    conn = sqlite3.connect(str(county_with_babergh))
    try:  # the mending is in the trail, as a repair of the chain is
        said = conn.execute("SELECT new_value FROM audit_log WHERE column_name = 'register repaired'").fetchall()
    finally:
        conn.close()
    assert len(said) == 1 and "is withdrawn again" in said[0][0], said
    later = export_for_county(district, tmp_path / "babergh-2.sqlite").path
    code, out, err = cli_output(["merge", str(county_with_babergh), str(later)])
    assert code == 1 and "withdrawn for Babergh office" in err, (out, err)


def test_a_key_put_into_the_register_with_sqlite3_is_taken_out_by_repair(county_with_babergh):
    fingerprint = officer_keys()[0]
    _sqlite3(county_with_babergh,
             "INSERT INTO _county_keys(fingerprint, office_id, office_name, public_key, first_signed_by, accepted_at, "
             "accepted_by) SELECT 'AAAA BBBB CCCC DDDD EEEE FFFF', office_id, office_name, public_key, 'forger', "
             "accepted_at, 'forger' FROM _county_keys")
    code, out, err = cli_output(["check", str(county_with_babergh), "--repair"])
    assert code == 0, (out, err)
    assert ("repaired: signing key AAAA BBBB CCCC DDDD EEEE FFFF of Babergh office, put into the register outside "
            "Safer Desk (the audit trail has no record of its being accepted), is taken out of it") in out, out
    assert _register(county_with_babergh) == [(fingerprint, "Babergh office", 0, "")]
    assert cli_output(["check", str(county_with_babergh)])[0] == 0


def test_a_key_withdrawn_with_sqlite3_stays_withdrawn_and_is_recorded(county_with_babergh):
    fingerprint = officer_keys()[0]
    _sqlite3(county_with_babergh, "UPDATE _county_keys SET withdrawn_at = '2026-12-01T10:00:00+00:00', "
                                  "withdrawn_by = 'it', withdrawn_reason = 'left the council'")
    code, out, err = cli_output(["check", str(county_with_babergh)])
    # (it said "withdraw it again with safer-desk keys --withdraw to record it", which refuses a key withdrawn already)
    assert code == 1 and "keys --withdraw" not in err, err
    assert (f'the register of signing keys can be put back as the audit trail records it: run safer-desk check '
            f'"{county_with_babergh}" --repair') in err, err
    code, out, err = cli_output(["check", str(county_with_babergh), "--repair"])
    assert code == 0, (out, err)
    assert (f"repaired: signing key {fingerprint} of Babergh office, withdrawn in the register outside Safer Desk, "
            "stays withdrawn: its withdrawal is now recorded in the audit trail") in out, out
    assert _register(county_with_babergh) == [(fingerprint, "Babergh office", 1, "left the council")]
    code, out, err = cli_output(["check", str(county_with_babergh)])
    assert code == 0 and "the register of signing keys agrees with the audit trail (1 key)" in out, (out, err)


def test_a_key_removed_with_sqlite3_is_put_back_by_repair(county_with_babergh):
    fingerprint = officer_keys()[0]
    withdraw = ["keys", str(county_with_babergh), "--withdraw", fingerprint, "--reason", "laptop stolen"]
    assert cli_output(withdraw)[0] == 0
    _sqlite3(county_with_babergh, "DELETE FROM _county_keys")
    code, out, err = cli_output(["check", str(county_with_babergh), "--repair"])
    assert code == 0, (out, err)
    assert (f"repaired: signing key {fingerprint} of Babergh office, taken out of the register outside Safer Desk, is "
            "put back as the audit trail records it (withdrawn") in out, out
    assert _register(county_with_babergh) == [(fingerprint, "Babergh office", 1, "laptop stolen")]
    assert cli_output(["check", str(county_with_babergh)])[0] == 0


def test_a_register_is_not_mended_from_a_trail_that_is_not_whole(county_with_babergh):
    _sqlite3(county_with_babergh, "UPDATE _county_keys SET withdrawn_at = '2026-12-01T10:00:00+00:00'",
             "DROP TRIGGER IF EXISTS audit_log_no_update",
             "UPDATE audit_log SET who = 'someone else' WHERE id = (SELECT min(id) FROM audit_log)")
    code, out, err = cli_output(["check", str(county_with_babergh)])
    assert code == 1 and "--repair" in err and "can be put back as the audit trail records it" not in err, err
    code, out, err = cli_output(["check", str(county_with_babergh), "--repair"])
    assert code == 1, (out, err)
    assert ("the register of signing keys was not put back: the audit trail was found changed, so its record of the "
            "keys cannot be trusted to mend it") in err, err
    assert _register(county_with_babergh)[0][2] == 1  # left as it was
    # The repair sealed the chain again over the entry changed: whole now, but no more evidence of the keys than before
    code, out, err = cli_output(["check", str(county_with_babergh), "--repair"])
    assert code == 1 and "the register of signing keys was not put back: the audit trail was sealed again" in err, err
    assert "can be put back as the audit trail records it" not in err, err
    assert _register(county_with_babergh)[0][2] == 1


def test_repair_of_a_sound_county_file_changes_nothing(county_with_babergh):
    before = file_sha256(county_with_babergh)
    code, out, err = cli_output(["check", str(county_with_babergh), "--repair"])
    assert code == 0 and "All checks passed: nothing needed repairing." in out, (out, err)
    assert file_sha256(county_with_babergh) == before
