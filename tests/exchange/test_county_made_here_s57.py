"""A figure the county typed itself (never merged from an office) that an office's file then disagrees with: the
conflict was listed under "Rows edited at the county since they were merged", which it never was, and
`--conflict indicator-figure` did not find it (only `made-at-county` did), though it is a conflict over an indicator
figure. It is listed, and found, with the indicator figures (its words say "in the county file"), and by its
situation (made-at-county) as before."""

from __future__ import annotations

import pytest

from safer_desk.services import indicators as ind
from safer_desk.services.county import conflicts_text, list_conflicts, resolve_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template
from tests.exchange.helpers import cli_output

FIGURE = "Indicator 'All crime', Babergh, Apr 2025: 1,500 in the county file, 1,335 typed by Babergh office"


@pytest.fixture
def county_typed_first(tmp_path):
    base = template(tmp_path)
    babergh = office_from(base, tmp_path / "b.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, tmp_path / "m.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    try:
        ind.save_values(babergh, "indicator:all-crime", "district:babergh", [ind.PeriodValue("2025-04", 1335.0)],
                        require_red_comments=False)
        sent, other = export(babergh, tmp_path / "b-x.sqlite"), export(mid, tmp_path / "m-x.sqlite")
    finally:
        babergh.close()
        mid.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    assert merge(county, [other]).conflicts == []
    ind.save_values(county, "indicator:all-crime", "district:babergh", [ind.PeriodValue("2025-04", 1500.0)],
                    require_red_comments=False)
    merge(county, [sent])
    yield county
    county.close()


def test_its_heading_does_not_say_it_was_merged(county_typed_first):
    [conflict] = list_conflicts(county_typed_first)
    assert (conflict.kind, conflict.detail) == ("made-at-county", FIGURE)
    text = "\n".join(conflicts_text([conflict]))
    assert "since they were merged" not in text and conflict.group_words == "Indicator figures"
    assert "Indicator figures (1) [group indicator-figure]:" in text


@pytest.mark.parametrize("which", ["indicator-figure", "made-at-county", "1"])
def test_it_is_found_by_what_it_is_about_and_by_its_situation(county_typed_first, which):
    decided = resolve_conflicts(county_typed_first, "district", which=which)
    assert [c.detail for c in decided] == [FIGURE]
    assert county_typed_first.scalar("SELECT value FROM indicator_values WHERE indicator_id = 'indicator:all-crime' "
                                     "AND area_id = 'district:babergh' AND period = '2025-04'") == 1335


def test_the_command_line_keeps_it_by_its_group(county_typed_first):
    path = county_typed_first.path
    county_typed_first.close()
    code, out, err = cli_output(["conflicts", str(path), "--keep", "district", "--conflict", "indicator-figure"])
    assert code == 0, err
    assert "Kept the district's version of 1 conflict" in out and FIGURE in out
