"""The office's board report of a year before its districts were reorganised gives the figures the police.uk counts
keep under the districts they became (session 53).

Seen: Suffolk's June 2018 street file (the 2011 names: Waveney, Suffolk Coastal, Forest Heath, St Edmundsbury)
imported; its crimes are counted as East Suffolk's and West Suffolk's. The default report for 2018/19 (the office's
areas) gave Babergh, Ipswich and Mid Suffolk alone: about half the county's crimes had no district section, and
nothing said so, where `--area Suffolk` and the workbook gave East and West Suffolk.
"""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.services.police_import import import_police_files
from safer_desk.services.report import report_areas
from safer_desk.services.report_sections.indicators import board_report_sections
from tests.indicators.police_helpers import fixture

FY18 = FinancialYear(2018)


def test_the_default_report_of_2018_19_gives_east_and_west_suffolk_as_the_county_s_report_does(demo_store, tmp_path):
    source = fixture("suffolk-2021-01", "2021-01-suffolk-street.csv").read_text(encoding="utf-8")
    june = tmp_path / "2018-06-suffolk-street.csv"
    june.write_text(source.replace(",2021-01,", ",2018-06,"), encoding="utf-8")
    import_police_files(demo_store, [june])

    office = report_areas(demo_store, None, FY18)
    county = report_areas(demo_store, "Suffolk", FY18)
    assert {"district:east-suffolk", "district:west-suffolk"} <= set(office.indicator_area_ids)
    titles = [s.title for s in board_report_sections(demo_store, year=FY18, areas=office)]
    assert sorted(titles) == sorted(s.title for s in board_report_sections(demo_store, year=FY18, areas=county))
    assert "Indicators: East Suffolk" in titles and "Indicators: West Suffolk" in titles
    # A later year's report is as it was: East Suffolk is the office's own district then.
    later = report_areas(demo_store, None, FinancialYear(2025))
    assert list(later.indicator_area_ids).count("district:east-suffolk") == 1


def test_the_tab_says_where_a_district_s_crimes_of_a_year_before_are_counted(demo_store, tmp_path):
    from safer_desk.presenters.indicators import IndicatorsPresenter

    source = fixture("suffolk-2021-01", "2021-01-suffolk-street.csv").read_text(encoding="utf-8")
    june = tmp_path / "2018-06-suffolk-street.csv"
    june.write_text(source.replace(",2021-01,", ",2018-06,"), encoding="utf-8")
    import_police_files(demo_store, [june])
    p = IndicatorsPresenter(demo_store)
    p.load("district:waveney", FY18)
    assert p.no_chart_text("All crime, Waveney") == (
        "All crime, Waveney: no figures were recorded for 2018/19 under Waveney. The police.uk files of 2018/19 name "
        "Waveney, and its crimes are counted in East Suffolk's figures (its current district), with Suffolk "
        "Coastal's: choose East Suffolk in Area.")
    p.load("district:waveney", FinancialYear(2017))  # a year no file names it: as before
    assert p.no_chart_text("All crime, Waveney").endswith("Type them in the grid below, or import them.")


def test_the_report_of_a_district_for_a_year_its_crimes_are_counted_under_another_says_where_s54(demo_store, tmp_path):
    """`report --area Waveney --year 2018/19` had no indicators section and said nothing of where Waveney's crimes
    are, where the tab says it (session 54)."""
    source = fixture("suffolk-2021-01", "2021-01-suffolk-street.csv").read_text(encoding="utf-8")
    june = tmp_path / "2018-06-suffolk-street.csv"
    june.write_text(source.replace(",2021-01,", ",2018-06,"), encoding="utf-8")
    import_police_files(demo_store, [june])
    sections = board_report_sections(demo_store, year=FY18, area_id="district:waveney")
    assert sections == board_report_sections(demo_store, year=FY18, areas=report_areas(demo_store, "Waveney", FY18))
    assert [s.title for s in sections] == ["Indicators: Waveney"]
    assert sections[0].paragraphs == [
        "No indicator figures were recorded for 2018/19 under Waveney. The police.uk files of 2018/19 name Waveney, "
        "and its crimes are counted in East Suffolk's figures (its current district), with Suffolk Coastal's: "
        "report on East Suffolk for them."]
    assert board_report_sections(demo_store, year=FinancialYear(2017), area_id="district:waveney") == []
