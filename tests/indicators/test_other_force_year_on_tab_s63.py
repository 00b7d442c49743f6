"""Session 63: an Exeter office's tab read another force's stray crime as Exeter's year.

The office holds Devon & Cornwall's files to March 2020 and Suffolk's January 2021 file, which places one crime in
Exeter. The tab opened on 2020/21 and said "Jan-21 (no figures for Apr-20 to Dec-20): 1 in total, a reduction of 778
(99.9%) on the same period last year (better)": a crime Suffolk Constabulary recorded in Exeter, read as Exeter's
figure for January and compared with Devon & Cornwall's count of January 2020. The board report and the county
workbook say such crimes in words and show no figure for the year; the tab's sentence now says it too.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import reference as ref
from safer_desk.services.police_import import import_police_files

HEADER = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
          "Last outcome category,Context\n")


def _street(tmp_path, name: str, force: str, month: str, places: list[tuple[str, int]]):
    rows = [f"{force[:3]}{place[:3]}{n:058x},{month},{force},{force},-3.5,50.7,On or near High Street,"
            f"E0100{n:04d},{place} 001A,Burglary,Under investigation,\n"
            for place, many in places for n in range(many)]
    path = tmp_path / name
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


@pytest.fixture
def exeter(store, tmp_path):
    import_police_files(store, [_street(tmp_path, "2020-01-devon-and-cornwall-street.csv", "Devon & Cornwall Police",
                                        "2020-01", [("Exeter", 40), ("Plymouth", 60)]),
                                _street(tmp_path, "2021-01-suffolk-street.csv", "Suffolk Constabulary", "2021-01",
                                        [("Ipswich", 150), ("Exeter", 1)])])
    ref.set_office_scope(store, districts=["Exeter"])
    p = IndicatorsPresenter(store, today=lambda: date(2021, 3, 1))
    p.load("district:exeter", FinancialYear(2020))
    assert p.choose_indicator("indicator:all-crime", lambda *a: True)
    return p


def test_another_force_s_stray_crime_is_said_as_such_not_compared_as_the_area_s_year(exeter):
    said = exeter.headline()
    assert "reduction" not in said and "99.9%" not in said, said
    assert ("Crimes Suffolk Constabulary recorded in Exeter in 2020/21: 1 (Jan-21). Exeter lies outside Suffolk "
            "Constabulary's area and its own force's police.uk counts for those months are not held, so these are a "
            "few of Exeter's crimes, not its figures for the year: import its own force's files from data.police.uk "
            "for them.") in said, said


def test_the_own_force_s_year_is_said_as_before(exeter):
    exeter.load("district:exeter", FinancialYear(2019))
    assert exeter.choose_indicator("indicator:all-crime", lambda *a: True)
    assert "Jan-20 (no figures for Apr-19 to Dec-19): 40 in total" in exeter.headline()


def test_the_tab_opens_on_the_area_s_own_year_not_another_force_s_stray_crime(exeter):
    """Opened on the latest year with figures, 2020/21: its only figure was Suffolk Constabulary's one crime, and
    Devon & Cornwall's months of 2019/20, the office's own, were a Year choice away. The latest year with a figure
    of the area's own is opened; 2020/21 stays in the Year list."""
    exeter.load()
    assert (exeter.area_id, exeter.year) == ("district:exeter", FinancialYear(2019))
    assert FinancialYear(2020) in exeter.years()


def test_a_year_with_the_area_s_own_figures_too_is_opened(exeter):
    from safer_desk.services import indicators as svc
    from safer_desk.services.indicators import PeriodValue

    svc.save_values(exeter.store, "indicator:all-crime", "district:exeter", [PeriodValue("2020-04", 700)])
    exeter.load()
    assert exeter.year == FinancialYear(2020)


def test_compare_areas_does_not_compare_another_force_s_stray_crime_with_last_year(exeter):
    """View > Compare Areas for 2020/21 read Exeter "1 … a reduction of 39 (97.5%), better"."""
    from safer_desk.presenters.area_comparison import AreaComparisonPresenter

    p = AreaComparisonPresenter(exeter.store, today=lambda: date(2021, 3, 1))
    p.load("indicator:all-crime", FinancialYear(2020))
    row = next(r for r in p.rows if r.area == "Exeter")
    assert row.figure == 1 and row.change is None
    assert row.change_text == "not compared: crimes Suffolk Constabulary recorded in Exeter, not its figures for the " \
                              "year (its own force's are not held)"
