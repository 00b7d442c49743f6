"""Session 66 (wales2): a force named for a district's ceremonial county was taken as the district's own force, though
the county's police area leaves the district out. North Lincolnshire is in the ceremonial county of Lincolnshire but
policed by Humberside Police; Middlesbrough is in North Yorkshire and policed by Cleveland Police; South
Gloucestershire is in Gloucestershire and policed by Avon and Somerset Constabulary. A North Lincolnshire office
given Lincolnshire Police's download (a few of its crimes placed over the border) heard nothing of its own months
staying empty, and the tab read those few crimes as North Lincolnshire's year, not as another force's strays."""

from __future__ import annotations

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import HEADER

OUTSIDE = "none of this office's districts"
CASES = [("Lincolnshire Police", "lincolnshire", "Lincoln", "North Lincolnshire"),
         ("North Yorkshire Police", "north-yorkshire", "North Yorkshire", "Middlesbrough"),
         ("Gloucestershire Constabulary", "gloucestershire", "Gloucester", "South Gloucestershire")]


def _download(folder, force: str, slug: str, home: str, over_border: str):
    """A month of ``force``'s street file: 300 crimes in its own ``home``, one placed in ``over_border``."""
    rows = [f",2025-01,{force},{force},,,On or near X,E01000000,{home} 001A,Burglary,,"] * 300
    rows.append(f",2025-01,{force},{force},,,On or near Y,E01000001,{over_border} 001A,Burglary,,")
    path = folder / f"2025-01-{slug}-street.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(("force", "slug", "home", "district"), CASES)
def test_a_force_named_for_the_county_but_not_policing_the_district_is_another_force(
        store, tmp_path, force, slug, home, district):
    ref.set_office_scope(store, districts=[district])
    result = import_police_files(store, [_download(tmp_path, force, slug, home, district)], other_forces=True)
    assert any(OUTSIDE in line and force in line for line in result.summary_lines()), result.summary_lines()
    area_id = f"district:{district.casefold().replace(' ', '-')}"
    view = svc.year_view(store, svc.get_indicator(store, "All crime"), area_id, FinancialYear(2024))
    assert view.ytd is not None and view.ytd.value == 1
    assert svc.other_forces_only(store, view) == [force]
    assert (area_id, force) not in svc.forces_named_for_areas(store)


def test_the_county_s_own_districts_still_count_a_force_named_for_it_as_theirs(store, tmp_path):
    ref.set_office_scope(store, districts=["Lincoln"])
    result = import_police_files(store, [_download(tmp_path, "Lincolnshire Police", "lincolnshire", "North Kesteven",
                                                   "Lincoln")])
    assert not any(OUTSIDE in line for line in result.summary_lines()), result.summary_lines()
    assert ("district:lincoln", "Lincolnshire Police") in svc.forces_named_for_areas(store)
