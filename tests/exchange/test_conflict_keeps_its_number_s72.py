"""A conflict keeps its number while neither side changes (guide, exchange: "Only a new version of either side ... is
a new conflict").

Found merging four Suffolk offices: Ipswich office sent Homeshield Plus at £125,000 while the county held Western
Suffolk CSP office's £130,000: conflict #2, "5 rows held with conflict #2". Another office then came to hold the
county's version too (the county lead kept its version of the project). Ipswich office's next export, sending the
same £125,000 against the same county version, dropped #2 and raised the same disagreement, in the same words, as
#6: a lead who had phoned Ipswich about "#2", or a script deciding `--conflict 2`, found no such conflict. The
number went with the conflict's kind ("the same row came from another office" becoming "two offices hold the same
thing differently" once the row was held by two offices), which the user never sees.
"""

from __future__ import annotations

import pytest

from safer_desk.services import projects as ps
from safer_desk.services.county import list_conflicts
from safer_desk.services.projects import Project, add_projects
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template


def _cost_to(store, text: str) -> None:
    p = ps.get_project(store, "p-home")
    ps.save_project(store, ps.project_from_fields({**ps.project_fields(p), "cost": text}, base=p))


@pytest.fixture
def offices(tmp_path):
    start = template(tmp_path, months=["2025-01"])
    store = open_store(start)
    try:
        add_projects(store, [Project(id="p-home", title="Homeshield Plus", areas=("Countywide",))])
    finally:
        store.close()
    held = {name: office_from(start, tmp_path / f"{name}.sqlite", f"{name} office", districts=[name])
            for name in ("Babergh", "Ipswich", "Mid Suffolk")}
    yield held
    for store in held.values():
        store.close()


@pytest.fixture
def county(tmp_path):
    store = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    yield store
    store.close()


def test_an_offices_conflict_keeps_its_number_when_another_office_comes_to_hold_the_countys_version(
        offices, county, tmp_path):
    _cost_to(offices["Babergh"], "£130,000")
    _cost_to(offices["Ipswich"], "£125,000")
    _cost_to(offices["Mid Suffolk"], "£130,000")
    merge(county, [export(offices["Babergh"], tmp_path / "babergh-1.sqlite")])
    merge(county, [export(offices["Ipswich"], tmp_path / "ipswich-1.sqlite")])
    (first,) = list_conflicts(county)
    assert first.office_name == "Ipswich office"
    # Mid Suffolk office sends the county's version alike: the project is held by two offices from now on
    merge(county, [export(offices["Mid Suffolk"], tmp_path / "mid-1.sqlite")])
    assert [c.id for c in list_conflicts(county)] == [first.id]
    # Ipswich office sends the same £125,000 again: the same disagreement, under the same number
    report = merge(county, [export(offices["Ipswich"], tmp_path / "ipswich-2.sqlite")])
    (again,) = list_conflicts(county)
    assert again.id == first.id
    assert again.district_side == first.district_side == "£125,000 from Ipswich office"
    assert again.county_side == "cost £130,000 in the county file, sent alike by Babergh office and Mid Suffolk office"
    assert [c.id for c in report.merged[-1].conflicts] == [first.id]
