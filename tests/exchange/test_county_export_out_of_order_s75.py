"""An export numbered after the office's last one merged but whose audit trail goes no further than that one's: what
the office's file proves (its audit chain) said against what its manifest claims (its number, its date).

Every export the office's Safer Desk makes records itself in the office's audit trail, so the office's next export
always carries at least one entry more than the one before. Someone holding the office's signing key could take a copy
of an export already merged, number it later, back-date it and sign it again: the county merged it, and the office's
real next export was then refused as "older than an export already merged".
"""

from __future__ import annotations

import uuid

import pytest

from safer_desk.services.county import export_for_county
from tests.exchange.helpers import cli_output, county_with_first_export, copy_file, file_sha256, resign_export


@pytest.fixture
def county_with_babergh(district, tmp_path):
    """A county file into which Babergh's export number 1 has been merged (its key accepted), and that export."""
    return county_with_first_export(district, tmp_path)


def renumbered(first, tmp_path, number: str, exported_at: str):
    """The merged export, numbered later, dated as given and signed again with the office's own key."""
    return resign_export(copy_file(first, tmp_path / f"babergh-{number}.sqlite"), sequence=number,
                         export_id=uuid.uuid4().hex, exported_at=exported_at)


@pytest.mark.parametrize("exported_at", ["2001-01-01T00:00:00.000000+00:00", None])
def test_a_later_number_on_an_audit_trail_no_longer_is_held(district, county_with_babergh, tmp_path, exported_at):
    county, first = county_with_babergh
    when = exported_at or _manifest(first, "exported_at")  # dated as the real one: its number alone says later
    forged = renumbered(first, tmp_path, "7", when)
    before = file_sha256(county)
    code, out, err = cli_output(["merge", str(county), str(forged)])
    assert code == 1, (out, err)
    assert file_sha256(county) == before
    assert "it says it is Babergh office's export number 7, but its audit trail goes no further than" in err
    assert "export number 1 already merged" in err
    assert "phone Babergh office" in err
    # The office's real next export still follows on from its number 1 and merges.
    real = export_for_county(district, tmp_path / "babergh-2.sqlite").path
    code, out, err = cli_output(["merge", str(county), str(real)])
    assert code == 0, err


def _manifest(path, key):
    import sqlite3

    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("SELECT value FROM _export_manifest WHERE key = ?", (key,)).fetchone()[0]
    finally:
        conn.close()


def test_a_real_export_refused_after_a_renumbered_one_was_merged_says_so(district, county_with_babergh, tmp_path,
                                                                        monkeypatch):
    # A county file that merged the renumbered export before this check: the office's real export is refused as
    # older, and the words now say what its own audit trail proves.
    from safer_desk.exchange import county_merge

    county, first = county_with_babergh
    forged = renumbered(first, tmp_path, "7", "2001-01-01T00:00:00.000000+00:00")
    with monkeypatch.context() as patch:
        patch.setattr(county_merge, "_trail_not_past", lambda m, last: "")
        assert cli_output(["merge", str(county), str(forged)])[0] == 0
    real = export_for_county(district, tmp_path / "babergh-2.sqlite").path
    before = file_sha256(county)
    code, out, err = cli_output(["merge", str(county), str(real)])
    assert code == 1 and file_sha256(county) == before
    assert "it is older than an export from Babergh office already merged (it is export number 2; its number 7" in err
    assert "Yet its audit trail passes through that export's and goes further" in err
    assert "the export merged as number 7 was not made by Babergh office's Safer Desk as it says" in err
    assert "If this file is theirs and that export was not, merge this file on its own" in err
    # The way out: the office's real export taken as the one its later exports follow on from.
    code, out, err = cli_output(["merge", str(county), str(real), "--accept-restored"])
    assert code == 0, err
    later = export_for_county(district, tmp_path / "babergh-3.sqlite").path
    assert cli_output(["merge", str(county), str(later)])[0] == 0


def test_a_later_export_dated_before_the_last_merged_is_merged_and_said(district, county_with_babergh, tmp_path,
                                                                         monkeypatch):
    # Export number 2 made on a computer whose clock was behind (or dated back by someone holding the key): its number
    # and audit trail follow on from number 1, so it is merged as the later, as before; the summary now says its date
    # is before number 1's, where nothing was said.
    from safer_desk.exchange import county_export

    county, _ = county_with_babergh
    with monkeypatch.context() as patch:
        patch.setattr(county_export, "utc_now", lambda: "2020-01-01T09:00:00.000000+00:00")
        behind = export_for_county(district, tmp_path / "babergh-2.sqlite").path
    code, out, err = cli_output(["merge", str(county), str(behind)])
    assert code == 0, err
    assert "before Babergh office's export number 1 merged earlier" in out
    assert "its number and audit trail show it was made after that one, so it was merged as the later" in out
    assert "ask Babergh office to check that computer's date and time" in out
    later = export_for_county(district, tmp_path / "babergh-3.sqlite").path
    code, out, err = cli_output(["merge", str(county), str(later)])
    assert code == 0 and "merged earlier" not in out
