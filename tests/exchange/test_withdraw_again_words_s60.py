"""`safer-desk keys COUNTY --withdraw FP` of a key already withdrawn (session 60).

A county lead withdrawing a stolen laptop's key a second time (not sure the first had worked) was told "No key with
fingerprint … is registered (and not already withdrawn) in county.sqlite": was it registered at all? The window says
"already withdrawn"; the command line now says so too, with when, by whom and why, and that nothing was changed; a
key never registered is said as that, with the command that lists those that are.
"""

from __future__ import annotations

from safer_desk.storage.store import open_store
from tests.exchange.district_offices import district_exports, merge
from tests.exchange.helpers import cli_output, officer_keys


def test_a_key_withdrawn_twice_is_said_to_be_withdrawn_already(tmp_path):
    [sent] = district_exports(tmp_path, ["Babergh"])
    county_path = tmp_path / "county.sqlite"
    county = open_store(county_path, create=True, office_name="Suffolk county team")
    try:
        assert merge(county, [sent]).merged
    finally:
        county.close()
    [fingerprint] = officer_keys()
    code, out, err = cli_output(["keys", str(county_path), "--withdraw", fingerprint, "--reason", "laptop stolen"])
    assert code == 0, err
    code, out, err = cli_output(["keys", str(county_path), "--withdraw", fingerprint])
    assert code == 1 and out == ""
    said = err.strip()
    assert said.startswith(f"safer-desk: the key {fingerprint} was already withdrawn for Babergh office on "), said
    assert "(laptop stolen)" in said and said.endswith("Nothing was changed."), said
    never = "0000 0000 0000 0000 0000 0001"
    code, out, err = cli_output(["keys", str(county_path), "--withdraw", never])
    assert code == 1 and err.strip() == (
        f"safer-desk: no key with fingerprint {never} is registered in county.sqlite (`safer-desk keys county.sqlite` "
        "lists those that are). Nothing was changed.")
