"""`safer-desk merge … --accept-key FP` of a key the county has withdrawn (session 60).

The refusal was word for word the one without --accept-key: the county lead, who had just confirmed the fingerprint by
phone, could not tell whether the option had been read. The guide says --accept-key does not bring a withdrawn key
back; the refusal of a file of the office the key was withdrawn for now says so, and that the office's exports need
a new key, confirmed as any new one.
"""

from __future__ import annotations

from safer_desk.storage.store import open_store
from tests.exchange.district_offices import district_exports, merge
from tests.exchange.helpers import cli_output, officer_keys


def test_accepting_a_withdrawn_key_is_said_to_bring_nothing_back(tmp_path):
    first = district_exports(tmp_path, ["Babergh"])
    county_path = tmp_path / "county.sqlite"
    county = open_store(county_path, create=True, office_name="Suffolk county team")
    try:
        assert merge(county, first).merged
    finally:
        county.close()
    [fingerprint] = officer_keys()
    assert cli_output(["keys", str(county_path), "--withdraw", fingerprint, "--reason", "laptop stolen"])[0] == 0
    code, out, without = cli_output(["merge", str(county_path), str(first[0])])
    assert code == 1 and "does not bring a withdrawn key back" not in without, without
    code, out, err = cli_output(["merge", str(county_path), str(first[0]), "--accept-key", fingerprint])
    assert code == 1 and out == "", (out, err)
    assert "withdrawn for Babergh office" in err and "(laptop stolen)" in err, err
    assert "accepting it again does not bring a withdrawn key back" in err and "a new key" in err, err
