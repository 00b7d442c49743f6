"""A fingerprint given with --accept-key that signs none of the files (read wrongly over the phone, or another
office's) is said (round 49): the refusal read as if --accept-key had not been given at all."""

from __future__ import annotations

from safer_desk.services.county import export_for_county
from tests.exchange.helpers import cli_output, file_sha256, new_office, officer_keys

WRONG = "0000 0000 0000 0000 0000 0000"


def test_a_fingerprint_that_signs_none_of_the_files_is_named(district, tmp_path):
    county = tmp_path / "county.sqlite"
    new_office(county, "Suffolk county").close()
    first = export_for_county(district, tmp_path / "babergh-1.sqlite").path
    before = file_sha256(county)
    code, out, err = cli_output(["merge", str(county), str(first), "--accept-key", WRONG])
    assert code == 1 and file_sha256(county) == before
    assert (f"--accept-key {WRONG} is the key of none of the files given: babergh-1.sqlite is signed with "
            f"{officer_keys()[0]}") in err, err
    assert "Read the fingerprint again with the office" in err


def test_the_right_fingerprint_beside_a_wrong_one_still_merges_and_the_wrong_one_is_noted(district, tmp_path):
    county = tmp_path / "county.sqlite"
    new_office(county, "Suffolk county").close()
    first = export_for_county(district, tmp_path / "babergh-1.sqlite").path
    code, out, err = cli_output(["merge", str(county), str(first), "--accept-key", officer_keys()[0],
                                 "--accept-key", WRONG])
    assert code == 0, err
    assert f"no file given is signed with key {WRONG}; nothing was accepted for it" in err
