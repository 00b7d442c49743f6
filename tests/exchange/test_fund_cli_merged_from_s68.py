"""`safer-desk fund COUNTY_FILE NAME` in a county file says which office the fund came from (s68).

Babergh's and Ipswich's exports merged, each bringing its own "… target hardening" fund. The board report says
"Merged from Babergh office." under Babergh's fund and the Funds page has a Merged from column, but `safer-desk fund`
printed the fund's figures with no word of whose fund it was: the county lead scripting the figures for the board
could not tell. A last row, merged_from, now says it; an office's own file prints as it did.
"""

from __future__ import annotations

from safer_desk.storage.store import open_store
from tests.exchange.district_offices import district_exports
from tests.exchange.helpers import cli_output, merge_accepting


def test_the_fund_command_says_the_office_in_a_county_file_only(tmp_path):
    paths = district_exports(tmp_path, ["Babergh", "Ipswich"])
    county = tmp_path / "county.sqlite"
    store = open_store(county, create=True, office_name="Suffolk county team")
    try:
        merge_accepting(store, paths)
    finally:
        store.close()
    code, out, err = cli_output(["fund", str(county), "Ipswich target hardening"])
    assert code == 0, err
    rows = out.splitlines()
    assert rows[-1] == "merged_from,Ipswich office", rows[-3:]
    assert "contributions,2000" in rows
    code, out, err = cli_output(["fund", str(tmp_path / "babergh.sqlite"), "Babergh target hardening"])
    assert code == 0, err
    assert "merged_from" not in out
