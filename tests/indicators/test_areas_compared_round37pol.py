"""Round 37 (pol): the Areas compared chart of a county, with the real Suffolk 2025 police.uk files.

Suffolk (county) chosen, the chart set beside it its five districts, "Unknown area" (the crimes police.uk
could not place) and Great Yarmouth (the 7 crimes of December that Suffolk Constabulary's files place over the
border: not Great Yarmouth's figure), and with Ipswich chosen East Cambridgeshire too. A county officer compares the
county's districts and partnerships: the rows the import could not place are not an area, and a neighbouring
county's district holds only the few crimes the force placed there. The same holds for a district chosen, and for a
file with no office set (the shipped lookup says which county each current district is in).
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.cli import main
from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import ChartMode, IndicatorsPresenter
from safer_desk.services import indicators as svc
from safer_desk.storage.store import open_store
from tests.conftest import shared_data

FY25 = FinancialYear(2025)
DISTRICTS = {"East Suffolk", "Ipswich", "West Suffolk", "Mid Suffolk", "Babergh"}


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The Suffolk 2025 download imported into a new file, with no office set (a copy is given the county)."""
    folder = tmp_path_factory.mktemp("suffolk")
    path = folder / "suffolk.sqlite"
    assert main(["import-police", str(path), str(shared_data("police-uk", "suffolk-2025"))]) == 0
    return path


def _chart(path, area_id: str):
    store = open_store(path)
    try:
        p = IndicatorsPresenter(store, today=lambda: date(2026, 1, 20))
        p.load(area_id, FY25)
        assert p.view is not None and p.view.indicator.name == "All crime"
        return p.chart(ChartMode.AREAS)
    finally:
        store.close()


@pytest.fixture
def county_file(imported, tmp_path):
    path = tmp_path / "county.sqlite"
    path.write_bytes(imported.read_bytes())
    assert main(["office", str(path), "--county", "Suffolk"]) == 0  # File > Office Details…
    return path


def test_the_county_is_compared_with_its_districts_alone(county_file):
    data = _chart(county_file, "county:suffolk")
    names = list(data.series)
    assert names[0] == "Suffolk (county, derived)" and set(names[1:]) == DISTRICTS, names
    assert "Unknown area" not in data.summary and "Great Yarmouth" not in data.summary


def test_a_district_of_the_county_is_compared_with_the_county_s_areas(county_file):
    names = list(_chart(county_file, "district:ipswich").series)
    assert names[0] == "Ipswich" and set(names[1:]) == {"Suffolk (county, derived)"} | DISTRICTS - {"Ipswich"}


def test_a_file_with_no_office_compares_the_district_s_county_by_the_lookup(imported):
    names = list(_chart(imported, "district:ipswich").series)
    assert names[0] == "Ipswich" and set(names) == DISTRICTS, names


def test_the_areas_a_county_compares_change_with_its_districts_dates(demo_store):
    """Suffolk's districts and partnerships of the year chosen: Waveney and the 2009 CSPs in 2009/10, East Suffolk
    and Western Suffolk CSP in 2025/26."""
    then = svc.areas_compared_with(demo_store, "county:suffolk", FinancialYear(2009))
    now = svc.areas_compared_with(demo_store, "county:suffolk", FY25)
    assert then[0] == now[0] == "county:suffolk"
    assert {"district:waveney", "partnership:waveney-csp"} <= set(then) and "district:east-suffolk" not in then
    assert {"district:east-suffolk", "partnership:western-suffolk-csp"} <= set(now)
    assert not {"district:waveney", "partnership:waveney-csp", "district:plymouth"} & set(now)
    assert svc.areas_compared_with(demo_store, svc.UNKNOWN_AREA_ID, FY25) is None
