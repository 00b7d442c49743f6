"""The county's register of signing keys is checked against the audit trail (s74, audit).

The register (`_county_keys`) is the county's own bookkeeping, which the row triggers do not record: a key's
acceptance and withdrawal are recorded as events in the trail instead. Found with the sqlite3 tool on a county file
whose Babergh key had been withdrawn ("laptop stolen"): `UPDATE _county_keys SET withdrawn_at = NULL …` put the stolen
key back in service, `safer-desk check` said "All checks passed", `keys` listed it as active, and the next export
signed with it merged. A key inserted the same way (a forger's own, for Babergh) did as well. `check` now replays the
trail's key events against the register and names each disagreement; the merge trusts the trail where they differ.
"""

from __future__ import annotations

import sqlite3

import pytest

from safer_desk.services.county import export_for_county
from tests.exchange.helpers import cli_output, county_with_first_export, file_sha256, new_office, officer_keys


@pytest.fixture
def county_with_babergh(district, tmp_path):
    """A county file into which Babergh's first export has been merged (its key accepted)."""
    return county_with_first_export(district, tmp_path)[0]


def _sqlite3(path, *statements):
    conn = sqlite3.connect(str(path), isolation_level=None)
    for sql in statements:
        conn.execute(sql)
    conn.close()


def test_a_withdrawn_key_put_back_with_sqlite3_is_found_and_still_refused(district, county_with_babergh, tmp_path):
    fingerprint = officer_keys()[0]
    code, _, err = cli_output(["keys", str(county_with_babergh), "--withdraw", fingerprint, "--reason",
                               "laptop stolen"])
    assert code == 0, err
    assert cli_output(["check", str(county_with_babergh)])[0] == 0
    _sqlite3(county_with_babergh, "UPDATE _county_keys SET withdrawn_at = NULL, withdrawn_by = NULL, "
                                  "withdrawn_reason = ''")
    code, out, err = cli_output(["check", str(county_with_babergh)])
    assert code == 1 and "All checks passed" not in out
    assert (f"signing key {fingerprint} of Babergh office is active in the register of keys, but the audit trail "
            "records it withdrawn") in err, err
    assert f'safer-desk keys COUNTY_FILE --withdraw "{fingerprint}" records its withdrawal again' in err, err
    later = export_for_county(district, tmp_path / "babergh-2.sqlite").path
    before = file_sha256(county_with_babergh)
    code, out, err = cli_output(["merge", str(county_with_babergh), str(later)])
    assert code == 1 and "withdrawn for Babergh office" in err and "laptop stolen" in err, (out, err)
    assert file_sha256(county_with_babergh) == before
    code, _, err = cli_output(["keys", str(county_with_babergh), "--withdraw", fingerprint, "--reason", "again"])
    assert code == 0, err
    code, out, err = cli_output(["check", str(county_with_babergh)])
    assert code == 0 and "the register of signing keys agrees with the audit trail (1 key)" in out, err


def test_a_key_put_into_the_register_with_sqlite3_is_found_and_not_trusted(district, county_with_babergh, tmp_path):
    fingerprint = officer_keys()[0]
    # the trail's record of its acceptance gone from the register's point of view: the row made again under another
    # office's id, as a forger registering a key of their own would
    _sqlite3(county_with_babergh,
             "INSERT INTO _county_keys(fingerprint, office_id, office_name, public_key, first_signed_by, accepted_at, "
             "accepted_by) SELECT 'AAAA BBBB CCCC DDDD EEEE FFFF', office_id, office_name, public_key, 'forger', "
             "accepted_at, 'forger' FROM _county_keys")
    code, out, err = cli_output(["check", str(county_with_babergh)])
    assert code == 1 and "All checks passed" not in out
    assert ("signing key AAAA BBBB CCCC DDDD EEEE FFFF of Babergh office is in the register of keys, but the audit "
            "trail has no record of its being accepted") in err, err
    assert f"{fingerprint}" not in err  # the key accepted at the merge agrees with the trail


def test_a_register_that_agrees_with_the_trail_is_said_to(county_with_babergh):
    code, out, err = cli_output(["check", str(county_with_babergh)])
    assert code == 0, err
    assert "ok: the register of signing keys agrees with the audit trail (1 key)" in out, out


def test_a_merge_removed_from_the_countys_record_with_sqlite3_is_found_and_refuses(district, county_with_babergh,
                                                                                 tmp_path):
    """The county's record of the exports it merged (`_county_imports`) is what an older export is refused by, and no
    row trigger records it: the record of Babergh's export number 3 deleted with sqlite3 passed `check`, and the
    older export number 2 was no longer refused as older. The trail's merge entries now hold the record."""
    older = export_for_county(district, tmp_path / "babergh-older.sqlite").path  # number 2
    with district.transaction():  # a figure changed since, so the newer export's merge changes the county file
        district.conn.execute("UPDATE x_projects SET cost_pence = cost_pence + 100 WHERE rowid = "
                              "(SELECT min(rowid) FROM x_projects)")
    newer = export_for_county(district, tmp_path / "babergh-newer.sqlite").path  # number 3
    code, _, err = cli_output(["merge", str(county_with_babergh), str(newer)])
    assert code == 0, err
    _sqlite3(county_with_babergh, "DELETE FROM _county_imports WHERE sequence = 3")
    code, out, err = cli_output(["check", str(county_with_babergh)])
    assert code == 1 and "All checks passed" not in out, (out, err)
    assert ("the county's record of its merges no longer holds Babergh office's export number 3, merged " in err
            and "it was removed outside Safer Desk: an older export of that office would no longer be refused as "
                "older" in err), err
    before = file_sha256(county_with_babergh)
    code, out, err = cli_output(["merge", str(county_with_babergh), str(older)])
    assert code == 1 and "no longer holds Babergh office's export number 3" in err, (out, err)
    assert "has not been changed" in err and file_sha256(county_with_babergh) == before


def test_a_key_put_into_a_new_county_files_register_is_not_trusted(district, tmp_path):
    """A county file that has merged nothing yet has no key events in its trail: a key put into its register with
    sqlite3 is no more trusted there than in one that has."""
    from safer_desk.exchange import county_merge

    county = tmp_path / "county.sqlite"
    new_office(county, "Suffolk county").close()
    first = export_for_county(district, tmp_path / "babergh-1.sqlite").path
    manifest = county_merge.read_export(first)
    _sqlite3(county, "INSERT INTO _county_keys(fingerprint, office_id, office_name, public_key, first_signed_by, "
                     f"accepted_at, accepted_by) VALUES ('{manifest.key_fingerprint}', '{manifest.office_id}', "
                     f"'Babergh office', '{manifest.public_key}', 'forger', '2026-12-01T10:00:00+00:00', 'forger')")
    before = file_sha256(county)
    code, out, err = cli_output(["merge", str(county), str(first)])
    assert code == 1 and "not registered" in err, (out, err)
    assert file_sha256(county) == before
    code, out, err = cli_output(["check", str(county)])
    assert code == 1 and "the audit trail has no record of its being accepted" in err, err
