"""The Isles of Scilly in Devon & Cornwall Police's own files read as another force's stray crimes: the tab said
"Crimes Devon & Cornwall Police recorded in Isles of Scilly in 2019/20: 2 (Feb-20 to Mar-20). Isles of Scilly lies
outside Devon & Cornwall Police's area …: import its own force's files", though Devon & Cornwall Police is its
force. Its few crimes (about 1 in 3,700 of the force's) fell under the share that marks a neighbouring force's
strays; the import already knew a force named for the district's county (Cornwall) is its own, and now the figures'
judgement (the tab, the board report, the county workbook) knows it too. Somerset's few crimes in the same files
are still another force's."""

from __future__ import annotations

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import fixture

FY19 = FinancialYear(2019)
SCILLY = "district:isles-of-scilly"


@pytest.fixture
def devon(store):
    import_police_files(store, [fixture("devon-and-cornwall-2020-q1", "download-a")])
    return store


def all_crime_view(store, area_id):
    return svc.year_view(store, svc.get_indicator(store, "All crime"), area_id, FY19)


def test_the_isles_of_scilly_are_devon_and_cornwall_police_s_own(devon):
    view = all_crime_view(devon, SCILLY)
    assert view.ytd.value == 2  # Feb-20 0, Mar-20 2: as the files hold them
    assert svc.other_forces_only(devon, view) == []
    assert not svc.other_forces_year(devon, SCILLY, FY19)
    counted = svc.police_forces_by_area_month(devon)
    assert counted[(SCILLY, "2020-03")] == (frozenset({"Devon & Cornwall Police"}), True)


def test_the_tab_says_the_isles_of_scilly_figures_as_its_own(devon):
    presenter = IndicatorsPresenter(devon)
    presenter.load(SCILLY, FY19)
    assert presenter.year == FY19
    headline = presenter.headline()
    assert "lies outside" not in headline and "import its own force" not in headline


def test_a_neighbouring_district_s_few_crimes_are_still_another_force_s(devon):
    view = all_crime_view(devon, "district:somerset")
    assert view.ytd is not None
    assert svc.other_forces_only(devon, view) == ["Devon & Cornwall Police"]


def test_a_month_of_its_own_force_with_no_crime_on_the_islands_is_0_and_the_county_is_whole(devon):
    """Devon & Cornwall Police's January 2020 file (the whole force's month) has no row on the Isles of Scilly: the
    islands had no crime that month, a 0, yet they had no figure for Jan-20, so Cornwall (county), their sum with
    Cornwall, had none either and its year to date left out Cornwall's 2,084 crimes of January."""
    ref.set_office_scope(devon, districts=["Cornwall", "Isles of Scilly"])
    islands = all_crime_view(devon, SCILLY)
    assert islands.values[9:] == [0, 0, 2]  # Jan-20, Feb-20, Mar-20
    county = all_crime_view(devon, "county:cornwall")
    cornwall = all_crime_view(devon, "district:cornwall")
    assert county.is_derived and None not in cornwall.values[9:]
    assert county.values[9:] == [c + i for c, i in zip(cornwall.values[9:], islands.values[9:])]
    # A neighbouring force's district with no row in a month still has no figure for it (not a row of zeros).
    assert all_crime_view(devon, "district:somerset").values[9:] == [0, None, 1]


def test_a_crime_type_the_islands_had_none_of_in_the_months_held_is_0_and_the_county_is_derived(devon):
    """From January to March 2020 the Isles of Scilly had no burglary: the islands had no burglary figure at all, so
    Cornwall (county) had none for burglary (nor for any crime type the islands had none of), and `indicators
    --derived` warned "not derived: no figure was recorded for Isles of Scilly" for each. The force's files count
    burglary everywhere it polices, the islands too: 0."""
    ref.set_office_scope(devon, districts=["Cornwall", "Isles of Scilly"])
    burglary = svc.get_indicator(devon, "Burglary")
    islands = svc.year_view(devon, burglary, SCILLY, FY19)
    assert islands.values[9:] == [0, 0, 0]
    cornwall = svc.year_view(devon, burglary, "district:cornwall", FY19)
    county = svc.year_view(devon, burglary, "county:cornwall", FY19)
    assert None not in county.values[9:] and county.values[9:] == cornwall.values[9:]
