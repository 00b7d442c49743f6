"""`safer-desk conflicts COUNTY --keep county --conflict 1` after conflict 1 was decided said only "No open conflict
matches '1'.", as if the number were mistyped. The refusal now gives the numbers still open, or that none is, and
where each decision is recorded."""

from __future__ import annotations

from safer_desk.domain.text import ranges_text
from safer_desk.services.county import list_conflicts, resolve_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.test_conflicts_round27 import cli_output, county_file, digest, two_exports  # noqa: F401 (fixtures)


def test_a_number_decided_names_the_ones_still_open(county_file):  # noqa: F811
    county = open_store(county_file)
    try:
        first, *rest = list_conflicts(county)
        resolve_conflicts(county, "county", which=first.id)
        still = [c.id for c in list_conflicts(county)]
    finally:
        county.close()
    assert still and first.id not in still
    before = digest(county_file)
    code, _, err = cli_output(["conflicts", str(county_file), "--keep", "county", "--conflict", str(first.id)])
    assert code == 1 and f"no open conflict matches '{first.id}'." in err, err
    numbers = ranges_text(sorted(still), lambda a, b: b == a + 1, str)  # "2", or "2 to 4, 7"
    assert f"Open: {numbers}" in err and "decided is no longer listed" in err and "History of Changes" in err, err
    assert digest(county_file) == before


def test_when_every_conflict_is_decided_it_says_none_is_open(county_file):  # noqa: F811
    county = open_store(county_file)
    try:
        decided = len(list_conflicts(county))
        resolve_conflicts(county, "county")
    finally:
        county.close()
    code, _, err = cli_output(["conflicts", str(county_file), "--keep", "county", "--conflict", "1"])
    assert code == 1 and "no open conflict matches '1'." in err, err
    assert decided and "There is none open: every conflict found so far was decided" in err, err
