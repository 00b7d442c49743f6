"""S66 (files): a first merge refused says that no county file was made, not "the county file has not been
changed".

`safer-desk merge county.sqlite babergh.sqlite` makes county.sqlite when it is not there. A county lead's very first
merge is usually refused (the office's key is not registered yet: --accept-key after the phone call), and the refusal
ended "The county file has not been changed." of a county file that does not exist: the lead looked for it, or took
it to have been made and left empty. The refusal now says that no county file was made; with a county file there,
the words are as before.
"""

from __future__ import annotations

from tests.exchange.district_offices import district_exports
from tests.exchange.helpers import cli_output

UNCHANGED = "The county file has not been changed."


def test_a_first_merge_refused_for_its_key_says_no_county_file_was_made(tmp_path):
    sent, = district_exports(tmp_path, ["Babergh"])
    county = tmp_path / "county.sqlite"
    code, out, err = cli_output(["merge", str(county), str(sent)])
    assert code == 1 and not out
    assert "signed with a key the county has not registered for Babergh office" in err, err
    assert UNCHANGED not in err, err
    assert "No county file was made: county.sqlite is made by the first merge that goes in." in err, err
    assert not county.exists()


def test_a_first_merge_of_an_empty_file_says_so_too(tmp_path):
    empty = tmp_path / "babergh.sqlite"
    empty.write_bytes(b"")
    code, _, err = cli_output(["merge", str(tmp_path / "county.sqlite"), str(empty)])
    assert code == 1
    assert "it is empty (0 bytes)" in err and UNCHANGED not in err, err
    assert "No county file was made" in err, err


def test_a_refusal_beside_a_county_file_there_still_says_it_is_unchanged(tmp_path):
    sent, = district_exports(tmp_path, ["Babergh"])
    county = tmp_path / "county.sqlite"
    code, _, err = cli_output(["merge", str(county), str(sent), "--accept-key", _fingerprint()])
    assert code == 0, err
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    code, _, err = cli_output(["merge", str(county), str(empty)])
    assert code == 1 and UNCHANGED in err and "No county file was made" not in err, err


def _fingerprint() -> str:
    from tests.exchange.helpers import officer_keys

    return officer_keys()[0]
