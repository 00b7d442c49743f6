"""Signed exports (issue 12): every forgery is refused with a message that says which, the county file untouched.

Each forgery is merged with `safer-desk merge` into a county file that already holds the office's first export
(so its key is registered and its last sequence number and audit head are known); the county file's bytes
are checksummed before and after.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from safer_desk.exchange import county_export, county_merge
from safer_desk.exchange.county_export import write_county_export
from safer_desk.services.county import export_for_county, merge_district_files
from safer_desk.storage import audit, audit_chain
from safer_desk.storage.store import open_store
from tests.exchange.helpers import (accept_key_args, cli_output, copy_file, file_sha256, merge_accepting, new_office,
                                    officer_keys, other_officer_key, reidentify, resign_export)


@pytest.fixture
def county_with_babergh(district, tmp_path):
    """A county file into which Babergh's first export has been merged (its key accepted)."""
    county = tmp_path / "county.sqlite"
    new_office(county, "Suffolk county").close()
    first = export_for_county(district, tmp_path / "babergh-1.sqlite").path
    code, out, err = cli_output(["merge", str(county), str(first), *accept_key_args()])
    assert code == 0, err
    return county


def refused_by_county(county, forged, *extra) -> str:
    """Merge a forged file on the command line; assert it is refused and the county file is byte-identical."""
    before = file_sha256(county)
    code, out, err = cli_output(["merge", str(county), str(forged), *extra])
    assert code == 1, (out, err)
    assert "cannot be merged" in err and "has not been changed" in err
    assert file_sha256(county) == before
    return err


def edit(path, *statements, params=()):
    """Change an export as anyone with an SQLite tool could (audit functions stubbed)."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.create_function("safer_desk_user", 0, lambda: "forger")
    for sql in statements:
        conn.execute(sql, params)
    conn.close()
    return path


def fresh_export(district, tmp_path, name="babergh-2.sqlite", **kwargs):
    return export_for_county(district, tmp_path / name, **kwargs).path


def manifest_value(path, key):
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("SELECT value FROM _export_manifest WHERE key = ?", (key,)).fetchone()[0]
    finally:
        conn.close()


def test_a_genuine_later_export_merges(district, county_with_babergh, tmp_path):
    later = fresh_export(district, tmp_path)
    code, out, err = cli_output(["merge", str(county_with_babergh), str(later)])  # no --accept-key: registered
    assert code == 0, err


def test_tampered_values_are_refused(district, county_with_babergh, tmp_path):
    forged = edit(fresh_export(district, tmp_path), "UPDATE x_projects SET cost_pence = 1 WHERE cost_pence > 0")
    err = refused_by_county(county_with_babergh, forged)
    assert "values in x_projects were changed after it was signed" in err


def test_a_re_hashed_export_is_refused(district, county_with_babergh, tmp_path):
    """The rows changed and the checksums recomputed the way the county merge computes them."""
    from safer_desk.exchange.county_schema import content_checksums, data_tables

    path = edit(fresh_export(district, tmp_path), "UPDATE x_projects SET cost_pence = 1 WHERE cost_pence > 0")
    conn = sqlite3.connect(str(path))
    total, per_table = content_checksums(conn, data_tables(conn))
    import json

    conn.execute("UPDATE _export_manifest SET value = ? WHERE key = 'checksum'", (total,))
    conn.execute("UPDATE _export_manifest SET value = ? WHERE key = 'table_checksums'",
                 (json.dumps(per_table, sort_keys=True),))
    conn.commit()
    conn.close()
    err = refused_by_county(county_with_babergh, path)
    assert "checksum was recomputed after it was signed (re-hashed)" in err


def test_a_re_hashed_and_re_stated_export_fails_its_signature(district, county_with_babergh, tmp_path):
    """Rewriting the signed statement itself to match: the signature no longer matches it."""
    path = fresh_export(district, tmp_path)
    statement = manifest_value(path, "signed_statement").replace('"include_referrals":"no"',
                                                                 '"include_referrals":"yes"')
    edit(path, "UPDATE _export_manifest SET value = ? WHERE key = 'signed_statement'", params=(statement,))
    edit(path, "UPDATE _export_manifest SET value = 'yes' WHERE key = 'include_referrals'")
    err = refused_by_county(county_with_babergh, path)
    assert "its signature does not match its signed statement" in err


@pytest.mark.parametrize("field, value, words", [
    ("office_name", "Mid Suffolk office", "office name was changed after it was signed"),
    ("office_id", "0" * 32, "office id was changed after it was signed"),
])
def test_a_relabelled_export_is_refused(district, county_with_babergh, tmp_path, field, value, words):
    forged = edit(fresh_export(district, tmp_path), f"UPDATE _export_manifest SET value = ? WHERE key = '{field}'",
                  params=(value,))
    err = refused_by_county(county_with_babergh, forged)
    assert words in err


def test_a_rolled_back_export_is_refused(district, county_with_babergh, tmp_path):
    older = fresh_export(district, tmp_path, "babergh-2.sqlite")
    newer = fresh_export(district, tmp_path, "babergh-3.sqlite")
    assert cli_output(["merge", str(county_with_babergh), str(newer)])[0] == 0
    err = refused_by_county(county_with_babergh, older)
    assert "older than an export from Babergh office already merged" in err
    assert "export number 2" in err and "number 3" in err


def test_a_relabelled_sequence_number_is_refused(district, county_with_babergh, tmp_path):
    forged = edit(fresh_export(district, tmp_path), "UPDATE _export_manifest SET value = '99' WHERE key = 'sequence'")
    err = refused_by_county(county_with_babergh, forged)
    assert "sequence number was changed after it was signed" in err


def test_a_future_dated_export_is_refused(district, county_with_babergh, tmp_path, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(county_export, "utc_now", lambda: "2099-01-01T00:00:00.000000+00:00")
        future = fresh_export(district, tmp_path)  # genuinely signed, by an officer whose clock is wrong
    err = refused_by_county(county_with_babergh, future)
    assert "dated 01/01/2099" in err and "more than a day after this computer's clock" in err


def test_an_export_dated_within_the_day_allowed_merges(district, county_with_babergh, tmp_path, monkeypatch):
    from datetime import datetime, timedelta, timezone

    ahead = (datetime.now(timezone.utc) + timedelta(hours=20)).isoformat(timespec="microseconds")
    with monkeypatch.context() as patch:
        patch.setattr(county_export, "utc_now", lambda: ahead)
        later = fresh_export(district, tmp_path)
    assert cli_output(["merge", str(county_with_babergh), str(later)])[0] == 0


def test_a_back_dated_export_is_refused_as_changed(district, county_with_babergh, tmp_path):
    forged = edit(fresh_export(district, tmp_path),
                  "UPDATE _export_manifest SET value = '2001-01-01T00:00:00+00:00' WHERE key = 'exported_at'")
    err = refused_by_county(county_with_babergh, forged)
    assert "export date was changed after it was signed" in err


def test_a_falsified_referral_flag_is_refused(district, county_with_babergh, tmp_path):
    forged = edit(fresh_export(district, tmp_path),
                  "UPDATE _export_manifest SET value = 'yes' WHERE key = 'include_referrals'")
    err = refused_by_county(county_with_babergh, forged)
    assert "referral choice (individual referrals included or not) was changed after it was signed" in err


def test_referrals_slipped_into_an_export_that_left_them_out_are_refused(district, county_with_babergh, tmp_path):
    forged = edit(fresh_export(district, tmp_path),
                  "INSERT INTO x_referrals VALUES ('r-smuggled', 'TH-SMUGGLED', 'district:babergh', '2018-04')")
    err = refused_by_county(county_with_babergh, forged)
    assert "rows were added to or removed from x_referrals after it was signed (0 signed, 1 now)" in err


@pytest.mark.parametrize("statement, table", [
    ("INSERT INTO x_projects VALUES ('extra', 'Extra project', 'proposed', 100)", "x_projects"),
    ("DELETE FROM x_project_lines WHERE rowid IN (SELECT rowid FROM x_project_lines LIMIT 2)", "x_project_lines"),
])
def test_rows_added_or_removed_are_refused(district, county_with_babergh, tmp_path, statement, table):
    forged = edit(fresh_export(district, tmp_path), statement)
    err = refused_by_county(county_with_babergh, forged)
    assert f"rows were added to or removed from {table} after it was signed" in err


def test_an_export_signed_with_an_unregistered_key_is_refused(district, county_with_babergh, tmp_path):
    forger = other_officer_key()
    forged = resign_export(fresh_export(district, tmp_path), key=forger,
                           edit=lambda c: c.execute("UPDATE x_projects SET cost_pence = 1"))
    err = refused_by_county(county_with_babergh, forged)
    assert f"signed with a key the county has not registered for Babergh office (fingerprint {forger.fingerprint}" in err
    assert f'--accept-key "{forger.fingerprint}"' in err


def test_an_export_signed_with_another_offices_genuine_key_is_refused(district, county_with_babergh, tmp_path):
    # Ipswich office has its own officer and key, registered at the county.
    ipswich_path = copy_file(district.path, tmp_path / "ipswich.sqlite")
    district.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ipswich_path = copy_file(district.path, tmp_path / "ipswich.sqlite")
    reidentify(ipswich_path, "Ipswich office", other_districts=True)
    ipswich_key = other_officer_key()
    ipswich = open_store(ipswich_path)
    try:
        genuine = write_county_export(ipswich, tmp_path / "ipswich-1.sqlite", signing_key=ipswich_key).path
        assert cli_output(["merge", str(county_with_babergh), str(genuine), "--accept-key",
                           ipswich_key.fingerprint])[0] == 0
        # Someone at Ipswich makes a file that claims to be Babergh's, and signs it with Ipswich's real key.
        own = write_county_export(ipswich, tmp_path / "claims-babergh.sqlite", signing_key=ipswich_key).path
    finally:
        ipswich.close()
    forged = resign_export(own, key=ipswich_key, office_id=district.office_id, office_name="Babergh office",
                           sequence="50")
    err = refused_by_county(county_with_babergh, forged)
    assert "says it is from Babergh office but is signed with the key of Ipswich office" in err
    assert "another office's key is refused" in err


def test_an_unsigned_export_from_an_older_version_is_refused(district, county_with_babergh, tmp_path):
    forged = edit(fresh_export(district, tmp_path), "DELETE FROM _export_manifest WHERE key IN "
                                                    "('signed_statement', 'signature')")
    err = refused_by_county(county_with_babergh, forged)
    assert "it is not signed" in err


@pytest.mark.parametrize("code", [
    "CREATE TRIGGER sneaky AFTER INSERT ON x_projects BEGIN DELETE FROM x_projects; END",
    "CREATE VIEW sneaky AS SELECT * FROM x_projects",
])
def test_an_export_holding_code_is_refused_before_anything_is_read(district, county_with_babergh, tmp_path, code):
    forged = edit(fresh_export(district, tmp_path), code)
    err = refused_by_county(county_with_babergh, forged)
    assert "sneaky" in err and "which a Safer Desk export never does" in err


def test_an_export_opens_as_hostile(district, tmp_path):
    manifest = county_merge.read_export(fresh_export(district, tmp_path))
    assert {"read-only", "immutable", "trusted_schema off"} <= set(manifest.protections)
    import sys

    if sys.platform.startswith("linux") or hasattr(sqlite3.Connection, "setconfig"):
        assert {"defensive", "triggers off", "views off"} <= set(manifest.protections)


def test_an_export_carries_no_code_no_audit_entries_and_only_the_chains_hashes(district, tmp_path):
    path = fresh_export(district, tmp_path, include_referrals=True)
    conn = sqlite3.connect(str(path))
    try:
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type IN ('trigger', 'view')").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 0
        columns = [r[1] for r in conn.execute("PRAGMA table_info(_export_chain)")]
        assert columns == ["id", "digest", "hash"]
        shipped = conn.execute("SELECT count(*) FROM _export_chain").fetchone()[0]
    finally:
        conn.close()
    assert shipped == district.scalar("SELECT count(*) FROM audit_log WHERE id <= ?",
                                      (int(manifest_value(path, "audit_head_id")),))
    private = district.scalar("SELECT count(*) FROM audit_log WHERE table_name IN ('x_referrals', 'x_referral_spend')")
    assert private > 0  # the office's own trail has them; the export has only hashes


def test_each_export_takes_the_next_sequence_number_and_records_its_head(district, tmp_path):
    a = export_for_county(district, tmp_path / "a.sqlite")
    b = export_for_county(district, tmp_path / "b.sqlite")
    assert (a.sequence, b.sequence) == (1, 2) and district.meta("export_sequence") == "2"
    anchors = district.rows("SELECT sequence, export_id, audit_head_id, audit_head_hash FROM _export_anchors")
    assert [(r["sequence"], r["export_id"]) for r in anchors] == [(1, a.export_id), (2, b.export_id)]
    assert (anchors[1]["audit_head_id"], anchors[1]["audit_head_hash"]) == b.audit_head
    # The key stays on this computer: nothing of it in the office file or the export but the public half.
    key_pem = (tmp_path / "home" / "keys" / "officer-signing-key.pem").read_bytes()
    assert b"PRIVATE KEY" in key_pem
    for path in (district.path, a.path):
        assert key_pem[40:80] not in path.read_bytes()


def test_the_key_file_is_the_owners_alone(district, tmp_path):
    import os
    import stat

    export_for_county(district, tmp_path / "a.sqlite")
    key = tmp_path / "home" / "keys" / "officer-signing-key.pem"
    if os.name != "nt":
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
        assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700


def test_several_officers_may_sign_for_one_office(district, county_with_babergh, tmp_path):
    second_officer = other_officer_key()
    by_second = write_county_export(district, tmp_path / "by-second.sqlite", signing_key=second_officer).path
    err = refused_by_county(county_with_babergh, by_second)  # a new key: confirmed by phone first
    assert second_officer.fingerprint in err
    assert cli_output(["merge", str(county_with_babergh), str(by_second), "--accept-key",
                       second_officer.fingerprint.replace(" ", "").lower()])[0] == 0
    by_first = export_for_county(district, tmp_path / "by-first.sqlite").path
    assert cli_output(["merge", str(county_with_babergh), str(by_first)])[0] == 0  # both keys now registered
    store = open_store(county_with_babergh, read_only=True)
    try:
        keys = county_merge.registered_keys(store.conn)
        accepted = store.rows("SELECT * FROM audit_log WHERE action = 'event' AND column_name = 'key accepted'")
    finally:
        store.close()
    assert sorted(k.fingerprint for k in keys) == sorted([officer_keys()[0], second_officer.fingerprint])
    assert all(k.office_name == "Babergh office" and k.active for k in keys)
    assert len(accepted) == 2


def test_a_withdrawn_key_refuses_later_exports_signed_with_it(district, county_with_babergh, tmp_path):
    fingerprint = officer_keys()[0]
    code, out, err = cli_output(["keys", str(county_with_babergh), "--withdraw", fingerprint, "--reason",
                                 "laptop stolen"])
    assert code == 0 and "withdrew key" in out
    later = fresh_export(district, tmp_path)
    err = refused_by_county(county_with_babergh, later, "--accept-key", fingerprint)
    assert "withdrawn for Babergh office" in err and "laptop stolen" in err
    code, out, _ = cli_output(["keys", str(county_with_babergh)])
    assert code == 0 and f"Babergh office,{fingerprint},withdrawn" in out
    store = open_store(county_with_babergh, read_only=True)
    try:
        entry = store.one("SELECT * FROM audit_log WHERE action = 'event' AND column_name = 'key withdrawn'")
    finally:
        store.close()
    assert entry is not None and "laptop stolen" in entry["new_value"]


def test_the_merge_records_what_it_verified(district, county_with_babergh, tmp_path):
    store = open_store(county_with_babergh, read_only=True)
    try:
        row = store.one("SELECT sequence, key_fingerprint, audit_head_id, audit_head_hash FROM _county_imports")
    finally:
        store.close()
    assert row["sequence"] == 1 and row["key_fingerprint"] == officer_keys()[0]
    anchor = district.one("SELECT audit_head_id, audit_head_hash FROM _export_anchors WHERE sequence = 1")
    assert (row["audit_head_id"], row["audit_head_hash"]) == (anchor["audit_head_id"], anchor["audit_head_hash"])


# -- an audit trail edited or cut short before an export ---------------------------------------------------------
def rewrite_trail(store, change):
    """Change the office's trail and recompute every hash after it, as a careful forger would."""
    conn = sqlite3.connect(str(store.path), isolation_level=None)
    audit.register_functions(conn, "forger")
    conn.execute("BEGIN")
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    change(conn)
    audit_chain._reseal(conn, 1)  # drops and restores the guards itself
    conn.execute("COMMIT")
    conn.close()


@pytest.mark.parametrize("change", [
    lambda c: c.execute("UPDATE audit_log SET who = 'somebody else' WHERE id = 3"),
    lambda c: c.execute("DELETE FROM audit_log WHERE id >= (SELECT max(id) - 5 FROM audit_log)"),
], ids=["edited", "truncated"])
def test_a_trail_rewritten_before_an_export_is_found_by_check_and_by_the_county(district, county_with_babergh,
                                                                                tmp_path, change):
    rewrite_trail(district, change)
    with district.transaction():  # life goes on after the rewrite
        district.conn.execute("UPDATE x_projects SET status = 'live'")
    report = audit_chain.verify_chain(district.conn)
    assert report.ok  # the careful forger's chain is whole in itself …
    code, _, err = cli_output(["check", str(district.path)])
    assert code == 1 and "changed or cut short before export number 1" in err  # … but not through the head
    later = fresh_export(district, tmp_path)
    err = refused_by_county(county_with_babergh, later)
    assert "audit trail does not extend the one merged with its export number 1" in err


def test_a_naively_edited_trail_is_found_blocks_the_export_and_is_repaired_with_the_gap_recorded(district,
                                                                                                 tmp_path):
    conn = sqlite3.connect(str(district.path), isolation_level=None)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET old_value = 'nothing to see' WHERE id = (SELECT max(id) FROM audit_log)")
    conn.close()
    code, _, err = cli_output(["check", str(district.path)])
    assert code == 1 and "was changed after it was written" in err and "audit_log_no_update is missing" in err
    from safer_desk.services.county import CountyError

    with pytest.raises(CountyError, match="changed outside Safer Desk"):
        export_for_county(district, tmp_path / "blocked.sqlite")
    assert not (tmp_path / "blocked.sqlite").exists()
    district.close()
    code, out, _ = cli_output(["check", str(district.path), "--repair"])
    assert code == 0, out
    assert "repaired:" in out and "sealed again" in out and "All checks passed." in out
    store = open_store(district.path)
    try:
        assert export_for_county(store, tmp_path / "after-repair.sqlite").sequence == 1
    finally:
        store.close()


# -- the command line ------------------------------------------------------------------------------------------
def test_key_prints_this_officers_fingerprint(tmp_path):
    code, out, err = cli_output(["key"])
    assert code == 0 and out.strip() == officer_keys()[0] and "keys" in err
    assert cli_output(["key"])[1] == out  # made once, then the same


def test_check_exit_codes(district, tmp_path):
    good = fresh_export(district, tmp_path)
    code, out, _ = cli_output(["check", str(good)])
    assert code == 0 and "with the key" in out and "All checks passed." in out
    assert cli_output(["check", str(district.path)])[0] == 0
    edit(good, "UPDATE x_projects SET cost_pence = 2")
    code, _, err = cli_output(["check", str(good)])
    assert code == 1 and "values in x_projects were changed" in err
    code, out, err = cli_output(["check", str(tmp_path / "nowhere.sqlite")])
    assert code == 1 and "there is no file" in err and out == "nowhere.sqlite: missing\n"
    assert cli_output(["check"])[0] == 2
    code, out, err = cli_output(["check", str(good), "--repair"])
    assert code == 1  # an export is never repaired: refused as asked, without calling a sound export unsound
    assert "--repair is for office and county files only" in err and "export again" not in out + err


def test_merge_usage_and_refusal_exit_codes(district, tmp_path):
    export = fresh_export(district, tmp_path)
    county = tmp_path / "new-county.sqlite"
    code, _, err = cli_output(["merge", str(county), str(export), "--accept-key", "not-a-key"])
    assert code == 2 and "not a key fingerprint" in err
    code, _, err = cli_output(["merge", str(county), str(export)])
    assert code == 1 and "has not registered" in err and not county.exists()
    new_office(county, "Suffolk county").close()  # with the stand-in tables, like the district
    code, out, err = cli_output(["merge", str(county), str(export), *accept_key_args()])
    assert code == 0 and "1 conflict" not in out
    assert cli_output(["keys", str(county), "--withdraw", "zz"])[0] == 2
    assert cli_output(["keys", str(county), "--withdraw", "AAAA AAAA AAAA AAAA AAAA AAAA"])[0] == 1


def test_the_service_refuses_before_writing_and_offers_the_key(district, county, tmp_path):
    export = fresh_export(district, tmp_path)
    report = merge_district_files(county, [export])
    assert report.merged == [] and len(report.key_offers) == 1
    offer = report.key_offers[0]
    assert (offer.fingerprint, offer.office_name, offer.other_offices) == (officer_keys()[0], "Babergh office", ())
    assert county.scalar("SELECT count(*) FROM _county_keys") == 0
    assert merge_accepting(county, [export]).merged[0].added > 0


def test_the_same_export_named_twice_is_merged_once_and_said_so(district, county, tmp_path):
    """Two copies of one export (from an email and from a memory stick), or one file chosen twice: one merge,
    counted once in the summary, and a line naming the copy."""
    export = fresh_export(district, tmp_path)
    copy = copy_file(export, tmp_path / "copy-from-email.sqlite")
    report = merge_accepting(county, [export, copy, export])
    assert [s.file_name for s in report.merged] == [export.name]
    assert report.refused == []
    assert [(c.name, m.path.name) for c, m in report.same_export] == [(copy.name, export.name),
                                                                       (export.name, export.name)]
    text = report.text()
    assert f"{copy.name} is the same export as {export.name} (Babergh office's export number 1): merged once." in text
    assert f"{export.name} was given more than once: merged once." in text
    assert "In all" not in text  # one file merged: no total that counts it three times
    added = report.merged[0].added
    assert added > 0 and county.scalar("SELECT count(*) FROM audit_log WHERE action = 'batch'") >= 1


def test_the_command_line_says_a_repeated_export_once(district, tmp_path):
    export = fresh_export(district, tmp_path)
    county = tmp_path / "county-cli.sqlite"
    new_office(county, "Suffolk county").close()
    code, out, err = cli_output(["merge", str(county), str(export), str(export), *accept_key_args()])
    assert code == 0, err
    assert out.count(f"{export.name} (Babergh office):") == 1
    assert f"{export.name} was given more than once: merged once." in out


def test_a_refused_export_named_twice_is_refused_once(district, tmp_path):
    # Merged without --accept-key, an export named twice printed its whole refusal twice.
    export = fresh_export(district, tmp_path)
    county = tmp_path / "county-cli.sqlite"
    new_office(county, "Suffolk county").close()
    code, out, err = cli_output(["merge", str(county), str(export), str(export)])
    assert code == 1 and err.count("signed with a key the county has not registered") == 1, err
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(export.read_bytes()[:4096])
    same = tmp_path / ".." / tmp_path.name / damaged.name  # the same file by another path
    code, out, err = cli_output(["merge", str(county), str(damaged), str(same)])
    assert code == 1 and err.count(damaged.name) == 1, err


def test_the_command_line_reads_each_export_once(district, tmp_path, monkeypatch):
    """`merge` checks every file before it opens the county file for writing, and merges what it checked: the
    exports are read (and their checksums worked out) once, not a second time by the merge."""
    first, second = fresh_export(district, tmp_path), fresh_export(district, tmp_path, "babergh-3.sqlite")
    county = tmp_path / "county-cli.sqlite"
    new_office(county, "Suffolk county").close()
    reads = []
    read_export = county_merge.read_export
    monkeypatch.setattr(county_merge, "read_export", lambda path, **kw: reads.append(path.name) or read_export(path, **kw))
    code, out, err = cli_output(["merge", str(county), str(first), str(second), *accept_key_args()])
    assert code == 0, err
    assert sorted(reads) == sorted([first.name, second.name])
    assert out.count("(Babergh office):") == 2


def test_an_export_changed_after_its_check_is_refused_at_merge(district, county, tmp_path):
    """The merge takes the very bytes that were checked: a file swapped for another after its check (here a
    later, equally well-signed export of the same office) is refused, and the county file is not changed."""
    from safer_desk.services.county import check_district_files

    export = fresh_export(district, tmp_path)
    later = fresh_export(district, tmp_path, "babergh-3.sqlite")
    checked, refused = check_district_files([export], county, officer_keys())
    assert refused == [] and len(checked) == 1
    before = county.scalar("SELECT count(*) FROM audit_log")
    shutil.copyfile(later, export)
    report = merge_district_files(county, [export], accept_keys=officer_keys(), checked=checked)
    assert report.merged == []
    assert report.refused and "changed" in report.refused[0][1] and "checked" in report.refused[0][1]
    assert county.scalar("SELECT count(*) FROM audit_log") == before


def test_two_files_that_give_one_export_id_different_contents_are_not_taken_as_copies(district, county, tmp_path):
    """A file re-signed after an edit keeps the export id but not the signature: it is not a copy to skip,
    and two different files cannot both be one export."""
    export = fresh_export(district, tmp_path)
    edited = resign_export(copy_file(export, tmp_path / "edited.sqlite"),
                           edit=lambda conn: conn.execute("UPDATE x_projects SET title = title || ' (edited)'"))
    assert manifest_value(edited, "export_id") == manifest_value(export, "export_id")
    # Named together, neither can be told to be the one the office sent: both are refused, nothing is merged.
    report = merge_accepting(county, [export, edited])
    assert report.same_export == [] and report.merged == []
    assert sorted(name for name, _ in report.refused) == sorted([export.name, edited.name])
    assert f"and so does {edited.name}, with other contents" in dict(report.refused)[export.name]
    # One merged, the other named later: refused for its clash with the one merged.
    assert [s.file_name for s in merge_accepting(county, [export]).merged] == [export.name]
    later = merge_accepting(county, [edited])
    why = dict(later.refused)[edited.name]
    assert later.merged == [] and "Babergh office's export number 1, which was merged on" in why
    assert "other contents" in why
    # and the export merged, named again, is still merged again without a change
    again = merge_accepting(county, [export])
    assert [s.file_name for s in again.merged] == [export.name] and again.merged[0].added == 0


def test_a_copy_of_an_office_file_used_apart_cannot_merge_as_that_office(district, county_with_babergh, tmp_path):
    # Babergh's file copied (a second computer, or a second office starting from a colleague's file): each copy
    # numbers its exports on from the same point. The copy's export with the number already merged, and then
    # its next one, would otherwise be taken as Babergh's and replace Babergh's rows at the county.
    district.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = open_store(copy_file(district.path, tmp_path / "babergh-copy.sqlite"))
    try:
        merged = fresh_export(district, tmp_path, "babergh-2.sqlite")
        assert cli_output(["merge", str(county_with_babergh), str(merged)])[0] == 0
        same_number = fresh_export(copy, tmp_path, "copy-2.sqlite")
        err = refused_by_county(county_with_babergh, same_number)
        assert "a different export number 2 of Babergh office has already been merged" in err
        assert "copy" in err and "its own Safer Desk file" in err
        next_number = fresh_export(copy, tmp_path, "copy-3.sqlite")
        err = refused_by_county(county_with_babergh, next_number)
        assert "its export number 2 is not the one merged" in err and "its own Safer Desk file" in err
    finally:
        copy.close()
    newer = fresh_export(district, tmp_path, "babergh-3.sqlite")  # Babergh's own next export still merges
    assert cli_output(["merge", str(county_with_babergh), str(newer)])[0] == 0


def test_check_names_a_folder_as_a_folder(tmp_path):
    # "check FOLDER" said "there is no file at FOLDER", as if the path were mistyped.
    code, out, err = cli_output(["check", str(tmp_path)])
    assert code == 1 and f"{tmp_path} is a folder, not a Safer Desk file" in err
    assert out.splitlines()[0] == f"{tmp_path.name}: a folder"
    code, out, err = cli_output(["check", str(tmp_path / "none.sqlite")])
    assert code == 1 and "there is no file at" in err and out.splitlines()[0] == "none.sqlite: missing"


def test_check_of_the_current_folder_names_it(tmp_path, monkeypatch):
    # "check ." began its report with ": missing": the path "." has no name.
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli_output(["check", "."])
    assert code == 1 and out.splitlines()[0] == ".: a folder"


def test_the_workbook_or_another_kind_of_file_given_to_merge_is_named_as_such(tmp_path):
    # The office's .xlsx workbook (made by Export for County for reading) was "not an export from Safer Desk (not an
    # SQLite database at all)"; an .xls or a PDF was refused the same way, saying nothing of what it was.
    from safer_desk.exchange.files import Sheet, write_xlsx

    workbook = write_xlsx(tmp_path / "babergh.xlsx", [Sheet("Contents", ["Safer Desk export for the county"], [])])
    with pytest.raises(county_merge.ExportRefused) as refused:
        county_merge.read_export(workbook)
    assert "babergh.xlsx cannot be merged: it is an Excel workbook (.xlsx)" in str(refused.value)
    assert "the .sqlite export" in str(refused.value) and "not an SQLite database" not in str(refused.value)
    pdf = tmp_path / "board.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + bytes(200))
    with pytest.raises(county_merge.ExportRefused, match="board.pdf cannot be merged: it is a PDF, not"):
        county_merge.read_export(pdf)


# -- a key is an officer's: withdrawn for one office, it signs for none; accepted once, for one office -----------
def another_office_export(district, tmp_path, name="Mid Suffolk office") -> Path:
    """An export of another office's file, signed with this test's officer key (the one Babergh's exports carry):
    what someone holding Babergh's key and a copy of that office's file (a shared drive, a backup) could make."""
    district.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = copy_file(district.path, tmp_path / f"{name}.sqlite")
    reidentify(path, name, other_districts=True)
    store = open_store(path)
    try:
        return export_for_county(store, tmp_path / f"{name} export.sqlite").path
    finally:
        store.close()


def test_a_key_withdrawn_for_one_office_is_refused_for_every_office(district, county_with_babergh, tmp_path):
    # The county withdrew Babergh's key ("laptop stolen"); a file claiming to be Mid Suffolk's, signed with it, was
    # only "not registered for Mid Suffolk office", with --accept-key offered, and --accept-key registered the stolen
    # key for Mid Suffolk.
    fingerprint = officer_keys()[0]
    withdraw = ["keys", str(county_with_babergh), "--withdraw", fingerprint, "--reason", "laptop stolen"]
    assert cli_output(withdraw)[0] == 0
    forged = another_office_export(district, tmp_path)
    for extra in ((), ("--accept-key", fingerprint)):
        err = refused_by_county(county_with_babergh, forged, *extra)
        assert ("it says it is from Mid Suffolk office and is signed with a key that was withdrawn for Babergh "
                "office on ") in err and "(laptop stolen)" in err, err
        assert "not registered" not in err and "--accept-key" not in err
    code, out, _ = cli_output(["keys", str(county_with_babergh)])
    assert code == 0 and "Mid Suffolk office" not in out
    store = open_store(county_with_babergh)
    try:  # the window is not offered the key either
        report = merge_district_files(store, [forged], accept_keys=[fingerprint])
    finally:
        store.close()
    assert report.merged == [] and report.key_offers == [] and "withdrawn for Babergh office" in report.refused[0][1]


def test_withdrawing_a_key_withdraws_it_for_every_office_it_signs_for(district, county_with_babergh, tmp_path):
    from safer_desk.services.county import registered_keys, withdraw_key

    fingerprint = officer_keys()[0]
    mid = another_office_export(district, tmp_path)
    assert cli_output(["merge", str(county_with_babergh), str(mid), "--accept-key", fingerprint])[0] == 0
    store = open_store(county_with_babergh)
    try:
        withdrawn = withdraw_key(store, fingerprint, "laptop stolen")  # chosen in the window on Babergh's row
        assert sorted(k.office_name for k in withdrawn) == ["Babergh office", "Mid Suffolk office"]
        assert not any(k.active for k in registered_keys(store))
    finally:
        store.close()


def test_one_accept_key_registers_a_key_for_one_office_only(district, tmp_path):
    # `merge county bab-e1 forged-mid --accept-key <Babergh's fingerprint>` merged both and registered Babergh's key
    # for Mid Suffolk too: the fingerprint was confirmed by phone with Babergh only.
    county = tmp_path / "county.sqlite"
    new_office(county, "Suffolk county").close()
    fingerprint = officer_keys()[0]
    babergh = fresh_export(district, tmp_path, "babergh-1.sqlite")
    mid = another_office_export(district, tmp_path)
    other_office = "it says it is from Mid Suffolk office but is signed with the key of Babergh office"
    before = file_sha256(county)
    code, out, err = cli_output(["merge", str(county), str(babergh), str(mid), "--accept-key", fingerprint])
    assert code == 1 and other_office in err and "babergh-1.sqlite cannot be merged" not in err, err
    assert file_sha256(county) == before
    # Babergh's file on its own: accepted for Babergh.
    assert cli_output(["merge", str(county), str(babergh), "--accept-key", fingerprint])[0] == 0
    # A key registered already: Babergh's next export and the Mid Suffolk file in one command.
    babergh2 = fresh_export(district, tmp_path, "babergh-2.sqlite")
    before = file_sha256(county)
    code, out, err = cli_output(["merge", str(county), str(babergh2), str(mid), "--accept-key", fingerprint])
    assert code == 1 and other_office in err and "babergh-2.sqlite cannot be merged" not in err, err
    assert file_sha256(county) == before
    code, out, _ = cli_output(["keys", str(county)])
    assert "Mid Suffolk office" not in out


def test_the_window_asks_about_a_key_signing_for_two_offices_with_the_warning(district, tmp_path):
    """The window (services.county) takes the same decision: one question per office, the second one warned that
    the key is another office's; only a key the county lead accepted for each office, one by one, merges both."""
    from safer_desk.services.county import KeyOffer

    fingerprint = officer_keys()[0]
    babergh = fresh_export(district, tmp_path, "babergh-1.sqlite")
    mid = another_office_export(district, tmp_path)
    county = new_office(tmp_path / "county.sqlite", "Suffolk county")
    try:
        first = merge_district_files(county, [babergh, mid])
        assert [(o.office_name, o.other_offices) for o in first.key_offers] == [
            ("Babergh office", ()), ("Mid Suffolk office", ("Babergh office",))]
        assert "signed with the key of Babergh office" in first.key_offers[1].why
        bare = merge_district_files(county, [babergh, mid], accept_keys=[fingerprint])
        assert [s.office_name for s in bare.merged] == ["Babergh office"]
        assert [o.office_name for o in bare.key_offers] == ["Mid Suffolk office"]
        offer: KeyOffer = bare.key_offers[0]
        both = merge_district_files(county, [babergh, mid], accept_keys=[(offer.fingerprint, offer.office_id)])
        assert [(s.office_name, s.added > 0) for s in both.merged] == [("Babergh office", False),
                                                                        ("Mid Suffolk office", True)]
        assert sorted(k.office_name for k in county_merge.registered_keys(county.conn)) == [
            "Babergh office", "Mid Suffolk office"]
    finally:
        county.close()


def test_a_new_key_for_an_office_the_county_knows_names_the_key_it_has_signed_with_until_now(
        district, county_with_babergh, tmp_path, qapp):
    """A file from Babergh office signed with a key the county has not registered was offered like the office's first:
    nothing said that Babergh's files had been signed with another key until now, which is the question to ask on
    the phone (a new officer or laptop, or a forged file)."""
    from safer_desk.services.county import KeyOffer
    from safer_desk.ui.exchange.dialogs import KeyConfirmDialog

    second_officer = other_officer_key()
    by_second = write_county_export(district, tmp_path / "by-second.sqlite", signing_key=second_officer).path
    err = refused_by_county(county_with_babergh, by_second)
    assert f"Babergh office's files have been signed until now with key {officer_keys()[0]}" in err
    store = open_store(county_with_babergh)
    try:
        [offer] = merge_district_files(store, [by_second]).key_offers
    finally:
        store.close()
    assert offer.office_keys == (officer_keys()[0],) and offer.fingerprint == second_officer.fingerprint
    dialog = KeyConfirmDialog(offer)
    assert officer_keys()[0] in dialog.office_keys_label.text()
    first = KeyOffer(offer.path, offer.fingerprint, offer.office_id, offer.office_name, offer.signed_by, (), offer.why)
    assert KeyConfirmDialog(first).office_keys_label is None  # an office's first key: nothing to compare with
