"""Partnership and county figures derived from district figures, by the dates the membership held (issue 13)."""

from __future__ import annotations

import csv

import pytest

from safer_desk.cli import main
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.indicators import PeriodValue

FY18, FY19 = FinancialYear(2018), FinancialYear(2019)
WSCSP = "partnership:western-suffolk-csp"


def suffolk_reference(store) -> None:
    """The districts and partnerships of the papers with their dates (built here, not taken from the demo)."""
    for name in ("East Suffolk", "West Suffolk"):
        ref.add_district(store, name, county="Suffolk", valid_from="2019-04-01")
    for name, successor in (("Babergh", None), ("Ipswich", None), ("Mid Suffolk", None),
                            ("Forest Heath", "West Suffolk"), ("St Edmundsbury", "West Suffolk"),
                            ("Suffolk Coastal", "East Suffolk"), ("Waveney", "East Suffolk")):
        ref.add_district(store, name, county="Suffolk", successor=successor,
                         valid_to="2019-03-31" if successor else None)
    # Western Suffolk CSP: four districts in 2018, three from April 2019.
    ref.add_partnership(store, "Western Suffolk CSP", districts=["Babergh", "Mid Suffolk"], valid_from="2018-04-01")
    ref.add_partnership(store, "Western Suffolk CSP", districts=["Forest Heath", "St Edmundsbury"],
                        valid_from="2018-04-01", valid_to="2019-03-31")
    ref.add_partnership(store, "Western Suffolk CSP", districts=["West Suffolk"], valid_from="2019-04-01")
    # Suffolk's "West" of 2009/10: three districts.
    ref.add_partnership(store, "Western CSP", districts=["Mid Suffolk", "Forest Heath", "St Edmundsbury"],
                        valid_from="2009-04-01", valid_to="2010-03-31")
    # The county board with the districts of 2009 and no dates: the 2019 successors take over by date.
    ref.add_partnership(store, "Safer Suffolk Partnership Board", kind="county board",
                        districts=["Babergh", "Ipswich", "Mid Suffolk", "Forest Heath", "St Edmundsbury",
                                   "Suffolk Coastal", "Waveney"])
    svc.ensure_area(store, "Suffolk", "county")


def typed(store, indicator, district, year, values):
    area = svc.area_id_for(district, "district")
    svc.save_values(store, indicator, area, [PeriodValue(m.iso, float(v)) for m, v in zip(year.months, values)])


@pytest.fixture
def suffolk(store):
    suffolk_reference(store)
    return store


def test_western_suffolk_is_four_districts_in_2018_19_and_three_in_2019_20(suffolk):
    store = suffolk
    ind = svc.save_indicator(store, "Burglary")
    figures = {  # typed monthly counts, different for each district so a wrong member shows
        ("Babergh", FY18): [10] * 12, ("Mid Suffolk", FY18): [20] * 12, ("Forest Heath", FY18): [3] * 12,
        ("St Edmundsbury", FY18): [4] * 12, ("Ipswich", FY18): [1000] * 12,
        ("Babergh", FY19): [11] * 12, ("Mid Suffolk", FY19): [21] * 12, ("West Suffolk", FY19): [8] * 12,
        ("Ipswich", FY19): [1000] * 12,
    }
    for (district, year), values in figures.items():
        typed(store, ind, district, year, values)
    v18 = svc.year_view(store, ind, WSCSP, FY18)
    assert v18.values == [10 + 20 + 3 + 4] * 12
    assert v18.ytd.value == 12 * 37
    assert all(v18.is_derived_at(i) for i in range(12)) and v18.is_derived
    assert v18.sources[0].label == "Derived from Babergh + Forest Heath + Mid Suffolk + St Edmundsbury"
    v19 = svc.year_view(store, ind, WSCSP, FY19)
    assert v19.values == [11 + 21 + 8] * 12
    assert v19.sources[0].label == "Derived from Babergh + Mid Suffolk + West Suffolk"
    # Last year's figures in the 2019/20 view are the four districts' of 2018/19: membership by date.
    assert v19.values_last == [37] * 12
    assert v19.change.words() == "an increase of 36 (8.1%) on the same period last year"
    assert svc.membership_by_year(store, WSCSP, FY18) == [
        ("Apr-18", ["Babergh", "Forest Heath", "Mid Suffolk", "St Edmundsbury"])]
    assert svc.membership_by_year(store, WSCSP, FY19) == [("Apr-19", ["Babergh", "Mid Suffolk", "West Suffolk"])]


def test_police_counts_kept_under_west_suffolk_count_for_its_predecessors(suffolk):
    """police.uk files of 2018 map Forest Heath and St Edmundsbury to West Suffolk, the current district."""
    from safer_desk.services.police_import import load_counts

    store = suffolk
    rows = []
    for m in FY18.months + FY19.months:
        for district, n in (("Babergh", 10), ("Mid Suffolk", 20), ("Forest Heath", 3), ("St Edmundsbury", 4),
                            ("Ipswich", 500), ("Suffolk Coastal", 1), ("Waveney", 2)):
            rows.append(("Suffolk Constabulary", m.iso, district, "Burglary", n))
    load_counts(store, rows)
    ind = svc.get_indicator(store, "Burglary")
    west = svc.year_view(store, ind, "district:west-suffolk", FY18)
    assert west.values == [7] * 12  # Forest Heath + St Edmundsbury, counted under West Suffolk
    v18 = svc.year_view(store, ind, WSCSP, FY18)
    assert v18.values == [10 + 20 + 3 + 4] * 12
    assert "West Suffolk (for Forest Heath and St Edmundsbury)" in v18.sources[0].label
    v19 = svc.year_view(store, ind, WSCSP, FY19)
    assert v19.values == [37] * 12
    # The 2009 "West" (Mid Suffolk + Forest Heath + St Edmundsbury) cannot use West Suffolk's figure in 2018:
    # it is not a member then, and West Suffolk's figure holds two districts anyway.
    assert svc.year_view(store, ind, "partnership:western-csp", FY18).values == [None] * 12
    # The county: every Suffolk district, whatever it was called (Waveney and Suffolk Coastal under East Suffolk).
    county = svc.year_view(store, ind, "county:suffolk", FY18)
    assert county.values == [540] * 12
    assert svc.year_view(store, ind, "county:suffolk", FY19).values == [540] * 12


def test_a_percentage_is_a_ratio_of_sums_not_a_mean(suffolk):
    store = suffolk
    ind = svc.save_indicator(store, "Repeat cases", unit="percentage", polarity="lower", frequency="annual")
    parts = {"Babergh": (9, 10), "Mid Suffolk": (1, 90), "Forest Heath": (0, 50), "St Edmundsbury": (40, 50)}
    for district, (n, d) in parts.items():
        svc.save_values(store, ind, svc.area_id_for(district, "district"),
                        [PeriodValue(FY18.label, numerator=n, denominator=d)])
    view = svc.year_view(store, ind, WSCSP, FY18)
    assert view.ytd.numerator == 50 and view.ytd.denominator == 200
    assert view.ytd.value == 25.0  # 50 / 200; the mean of 90%, 1.1%, 0% and 80% would be 42.8%
    mean = sum(n / d * 100 for n, d in parts.values()) / len(parts)
    assert round(mean, 1) == 42.8
    # A district's percentage typed without its numerator and denominator cannot be weighed: no figure.
    svc.save_values(store, ind, "district:babergh", [PeriodValue(FY18.label, 90.0)])
    view = svc.year_view(store, ind, WSCSP, FY18)
    assert view.ytd is None
    assert "numerators and denominators" in view.derived[0].reason


def test_a_rate_is_derived_from_counts_and_populations(suffolk):
    store = suffolk
    ind = svc.save_indicator(store, "Violence rate", unit="rate", rate_per=1000, frequency="annual")
    for district, pop, count in (("Babergh", 90000, 90), ("Mid Suffolk", 100000, 300),
                                 ("Forest Heath", 60000, 60), ("St Edmundsbury", 110000, 110)):
        area = svc.area_id_for(district, "district")
        svc.set_population(store, area, FY18, pop, source="ONS mid-2018")
        svc.save_values(store, ind, area, [PeriodValue(FY18.label, numerator=count)])  # the population is used
    assert svc.year_view(store, ind, "district:mid-suffolk", FY18).ytd.value == 3.0
    view = svc.year_view(store, ind, WSCSP, FY18)
    assert view.ytd.numerator == 560 and view.ytd.denominator == 360000
    assert view.ytd.value == pytest.approx(560 / 360000 * 1000)
    assert "of a population of 360,000 (the districts' populations added up)" in view.population_text()
    # A rate typed as a figure uses the district's population for the year to weigh it.
    svc.save_values(store, ind, "district:babergh", [PeriodValue(FY18.label, 2.0)])
    assert svc.year_view(store, ind, WSCSP, FY18).ytd.numerator == pytest.approx(180 + 470)


def test_membership_that_changes_within_a_period_is_not_added_up(suffolk):
    store = suffolk
    ind = svc.save_indicator(store, "Arson", frequency="annual")
    for district in ("Babergh", "Mid Suffolk", "Forest Heath", "St Edmundsbury", "West Suffolk"):
        for year in (FinancialYear(2017), FY18, FY19):
            svc.save_values(store, ind, svc.area_id_for(district, "district"), [PeriodValue(year.label, 1.0)])
    # Western Suffolk CSP began on 1 April 2018: 2017/18 has no members, 2018/19 four, 2019/20 three.
    assert svc.area_values(store, ind, WSCSP, FinancialYear(2017)) == [None]
    assert svc.area_values(store, ind, WSCSP, FY18) == [4.0]
    assert svc.area_values(store, ind, WSCSP, FY19) == [3.0]
    # A partnership whose district joins in the middle of a year has no annual figure for that year.
    # kind "other": Babergh is in Western Suffolk CSP then, and a district is in one CSP at a time
    ref.add_partnership(store, "Mid-year CSP", kind="other", districts=["Babergh"], valid_from="2018-04-01")
    ref.add_partnership(store, "Mid-year CSP", districts=["Ipswich"], valid_from="2018-10-01")
    derived = svc.derive_figures(store, ind, "partnership:mid-year-csp", [FY18.label])[FY18.label]
    assert derived.figure is None and "membership changed within the period (Ipswich)" in derived.reason


def test_the_county_board_follows_the_2019_successors_by_date(suffolk):
    store = suffolk
    ind = svc.save_indicator(store, "ASB", frequency="annual")
    board = "partnership:safer-suffolk-partnership-board"
    for district in ("Babergh", "Ipswich", "Mid Suffolk", "Forest Heath", "St Edmundsbury", "Suffolk Coastal",
                     "Waveney"):
        svc.save_values(store, ind, svc.area_id_for(district, "district"), [PeriodValue(FY18.label, 10.0)])
    for district in ("Babergh", "Ipswich", "Mid Suffolk", "West Suffolk", "East Suffolk"):
        svc.save_values(store, ind, svc.area_id_for(district, "district"), [PeriodValue(FY19.label, 100.0)])
    assert svc.area_values(store, ind, board, FY18) == [70.0]
    assert svc.area_values(store, ind, board, FY19) == [500.0]  # Waveney + Suffolk Coastal became East Suffolk
    assert svc.area_values(store, ind, "county:suffolk", FY19) == [500.0]
    store.conn.execute("DELETE FROM indicator_areas WHERE id = 'county:suffolk'")  # a county known only by its
    assert svc.find_area(store, "Suffolk").kind == "county"  # districts is found and derived all the same
    assert svc.area_values(store, ind, "county:suffolk", FY18) == [70.0]
    # The area's own figure wins over the derived one (the county's own measure).
    svc.save_values(store, ind, "county:suffolk", [PeriodValue(FY19.label, 498.0)])
    v = svc.year_view(store, ind, "county:suffolk", FY19)
    assert v.values == [498.0] and v.sources[0].label == "Typed" and not v.is_derived


def test_derived_areas_are_listed_charted_and_not_typed_over(suffolk):
    store = suffolk
    ind = svc.save_indicator(store, "Burglary")
    for district in ("Babergh", "Mid Suffolk", "West Suffolk"):
        typed(store, ind, district, FY19, list(range(1, 13)))
    names = [a.name for a in svc.list_areas(store, with_values_only=True)]
    assert "Western Suffolk CSP" in names and "Suffolk" in names and "Western CSP" not in names
    assert FY19 in svc.years_with_values(store, area_id=WSCSP)
    assert svc.rolling_12_months(store, svc.get_indicator(store, ind), WSCSP)[-1] == ("2020-03", 3 * 78)
    grid = svc.entry_grid(store, ind, WSCSP, FY19)
    assert grid.row(svc.GRID_VALUE).cells[0].text == "3" and not grid.row(svc.GRID_VALUE).cells[0].editable
    assert grid.row(svc.GRID_SOURCE).cells[0].text.startswith("Derived from")
    row = [r for r in svc.summary(store, WSCSP, FY19) if r.indicator.id == ind][0]
    assert row.view.ytd.value == 234


def test_command_line_keeps_its_output_and_labels_derived_areas(suffolk, capsys):
    store = suffolk
    ind = svc.save_indicator(store, "Burglary", frequency="annual")
    for district, n in (("Babergh", 1), ("Mid Suffolk", 2), ("West Suffolk", 4), ("Ipswich", 8),
                        ("East Suffolk", 16)):
        svc.save_values(store, ind, svc.area_id_for(district, "district"), [PeriodValue(FY19.label, float(n))])
    path = store.path
    store.close()
    assert main(["indicators", str(path)]) == 0
    plain = list(csv.reader(capsys.readouterr().out.splitlines()))
    assert plain[0] == ["indicator", "area", "period", "value"]
    assert {r[1] for r in plain[1:]} == {"Babergh", "East Suffolk", "Ipswich", "Mid Suffolk", "West Suffolk"}
    assert main(["indicators", str(path), "--derived", "--sources"]) == 0
    rows = list(csv.reader(capsys.readouterr().out.splitlines()))
    assert rows[0] == ["indicator", "area", "period", "value", "source", "derived_from"]
    assert ["Burglary", "Babergh", "2019/20", "1", "Typed", ""] in rows
    assert ["Burglary", "Western Suffolk CSP", "2019/20", "7", "derived", "Babergh + Mid Suffolk + West Suffolk"] \
        in rows
    assert ["Burglary", "Suffolk", "2019/20", "31", "derived",
            "Babergh + East Suffolk + Ipswich + Mid Suffolk + West Suffolk"] in rows


def test_districts_and_partnerships_side_by_side_with_rates_per_population(suffolk):
    store = suffolk
    ind = svc.save_indicator(store, "Burglary", frequency="annual")
    for district, n, pop in (("Babergh", 90, 90000), ("Mid Suffolk", 200, 100000), ("West Suffolk", 180, 180000)):
        area = svc.area_id_for(district, "district")
        svc.save_values(store, ind, area, [PeriodValue(FY19.label, float(n))])
        svc.set_population(store, area, FY19, pop)
    rows = {r.area.name: r for r in svc.area_comparison(store, ind, ["district:babergh", "district:mid-suffolk",
                                                                     WSCSP], FY19)}
    assert rows["Babergh"].rate_text() == "1 per 1,000" and rows["Mid Suffolk"].rate == 2.0
    wscsp = rows["Western Suffolk CSP"]
    assert wscsp.derived and wscsp.view.ytd.value == 470 and wscsp.population == 370000
    assert wscsp.rate == pytest.approx(470 / 370)
    everything = [r.area.name for r in svc.area_comparison(store, ind, None, FY19, rate_per=100000)]
    assert "Western Suffolk CSP" in everything and "Babergh" in everything


def test_the_report_labels_a_partnerships_derived_figures(suffolk):
    from types import SimpleNamespace

    from safer_desk.services.report_sections.indicators import board_report_sections

    store = suffolk
    ind = svc.save_indicator(store, "Burglary")
    for district in ("Babergh", "Mid Suffolk", "Forest Heath", "St Edmundsbury"):
        typed(store, ind, district, FY18, [5] * 12)
    # The report's areas as services.report gives them (a ReportAreas: its indicator_area_ids are shown).
    areas = SimpleNamespace(indicator_area_ids=(WSCSP, "district:babergh"))
    sections = board_report_sections(store, year=FY18, areas=areas)
    assert [s.title for s in sections] == ["Indicators: Western Suffolk CSP", "Indicators: Babergh"]
    wscsp = sections[0]
    assert wscsp.tables[0].title.startswith("Performance summary, Western Suffolk CSP, 2018/19 (figures marked "
                                            "derived")
    assert wscsp.tables[0].rows[0][1:4] == ["Burglary (derived)", "Apr-18 to Mar-19", "240"]
    assert wscsp.paragraphs[0].endswith("from Apr-18: Babergh, Forest Heath, Mid Suffolk, St Edmundsbury.")
    assert "(derived)" not in sections[1].tables[0].rows[0][1]
    # No year asked for: the latest year any of the report's areas has, the same for every area.
    assert [s.tables[0].title.split(", ")[2][:7] for s in board_report_sections(store, areas=areas)] == \
        ["2018/19", "2018/19"]


def test_a_partnership_of_one_district_does_not_repeat_its_section(store):
    from types import SimpleNamespace

    from safer_desk.services.report_sections.indicators import board_report_sections

    ref.add_district(store, "Plymouth", county="Devon")
    ref.add_partnership(store, "Safer Plymouth", districts=["Plymouth"])
    ind = svc.save_indicator(store, "All crime")
    typed(store, ind, "Plymouth", FY18, [100] * 12)
    assert svc.sole_member(store, "partnership:safer-plymouth", FY18) == "district:plymouth"
    assert svc.area_values(store, ind, "partnership:safer-plymouth", FY18) == [100.0] * 12
    both = SimpleNamespace(indicator_area_ids=("partnership:safer-plymouth", "district:plymouth"))
    assert [s.title for s in board_report_sections(store, year=FY18, areas=both)] == ["Indicators: Plymouth"]
    alone = SimpleNamespace(indicator_area_ids=("partnership:safer-plymouth",))
    assert [s.title for s in board_report_sections(store, year=FY18, areas=alone)] == ["Indicators: Safer Plymouth"]


def test_the_command_line_derives_a_county_the_office_named_as_the_window_does(store, tmp_path, capsys):
    """A new file whose office names the county Suffolk: the Indicators tab lists "Suffolk (county)" with its
    districts' sum; `indicators --derived` must print the same figure (it printed none: the county was not an
    area of the file, only of its reference data)."""
    from safer_desk.services.police_import import load_counts

    counts = {"Babergh": 298, "East Suffolk": 952, "Ipswich": 1021, "Mid Suffolk": 288, "West Suffolk": 857}
    load_counts(store, [("Suffolk", "2025-01", name, "Burglary", n) for name, n in counts.items()])
    ref.set_office_scope(store, districts=["Babergh"], county="Suffolk")
    derived = {(r.indicator, r.area, r.period): r for r in svc.figure_rows(store, derived=True) if r.source == "derived"}
    row = derived[("Burglary", "Suffolk", "2025-01")]
    assert row.value == str(sum(counts.values())) and row.derived_from.count(" + ") == 4


def test_a_county_the_file_holds_only_part_of_is_not_derived(demo_store):
    """The example holds Plymouth alone of Devon's districts (filed under Devon, as files made before the unitary
    rule are): Plymouth's figures are not Devon's. A county's figure is derived only when the file puts every one of
    its current districts (the shipped lookup) in it."""
    all_crime = next(i for i in svc.list_indicators(demo_store) if i.name == "All crime")
    devon = svc.derive_figures(demo_store, all_crime, "county:devon", ["2025-01"]).get("2025-01")
    assert devon is None or devon.figure is None  # Plymouth, a unitary, is none of Devon's: nothing to add up
    absent = svc.county_districts_absent(demo_store, "county:devon")
    assert "East Devon" in absent and "Plymouth" not in absent
    assert "Torbay" not in absent  # a unitary within Devon, not one of the districts Devon's figures are
    suffolk = svc.derive_figures(demo_store, all_crime, "county:suffolk", ["2025-01"])["2025-01"]
    assert suffolk.figure is not None and suffolk.figure.value > 0  # all five of Suffolk's are held
    assert not any(r.area == "Devon" for r in svc.figure_rows(demo_store, derived=True))


def test_the_indicators_tab_says_why_a_partly_held_county_has_no_figures(demo_store):
    from safer_desk.presenters.indicators import IndicatorsPresenter

    p = IndicatorsPresenter(demo_store)
    p.load("district:plymouth", FinancialYear(2016))
    p.choose_area("county:devon", lambda *a: True)
    text = p.no_chart_text("All crime, Devon")
    assert "does not hold all of them (not East Devon, Exeter, Mid Devon, North Devon and 4 more)" in text
    p.choose_area("county:suffolk", lambda *a: True)
    # 2016/17, the example's year, is over: its figures were not recorded, not "yet" to come (round 38); they are
    # its districts', typed or imported as theirs (round 38 ynd).
    assert p.no_chart_text("X") == "X: no figures were recorded for 2016/17. Suffolk's figures are added up from its " \
                                   "districts', and its 7 districts have none for 2016/17: type or import theirs " \
                                   "(choose a district in Area)."
