"""Office scope (issue 13): a file knows whose it is, and lists, `--area` and "All areas" follow it.

Three offices on the real schema: the example file (Suffolk's county board office, with Suffolk's 2025 police
counts, which name 145 districts across England), the same file made a Plymouth office, and a county file merged
from two Suffolk district offices' exports.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.ids import new_id
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import reference as ref
from safer_desk.services.report import ReportError, area_choices, build_report, report_areas
from safer_desk.storage.store import open_store
from tests.exchange.helpers import cli_output

FY09, FY16, FY18, FY19, FY25 = (FinancialYear(y) for y in (2009, 2016, 2018, 2019, 2025))
SUFFOLK_2025 = ["Babergh", "East Suffolk", "Ipswich", "Mid Suffolk", "West Suffolk"]


def names(areas) -> list[str]:
    return [a.name for a in areas]


def titles(document) -> list[str]:
    return [s.title for s in document.sections]


def table_rows(document, title: str) -> list[list[str]]:
    return [row for s in document.sections for t in s.tables if t.title == title for row in t.rows]


def project_titles(document) -> list[str]:
    return [r[1] for r in table_rows(document, "Projects and the board's criteria")]


@pytest.fixture
def plymouth_store(demo_path):
    """The example file made a Plymouth office (Safer Plymouth, Devon)."""
    store = open_store(demo_path)
    ref.set_office_scope(store, partnerships=["Safer Plymouth"], county="Devon")
    yield store
    store.close()


# -- the scope itself -------------------------------------------------------------------------------------
def test_new_file_has_the_office_areas_table_with_exact_columns(store):
    columns = [r[1] for r in store.rows("PRAGMA table_info(office_areas)")]
    assert columns == ["id", "office_id", "kind", "area_id", "name"]
    scope = ref.office_scope(store)
    assert not scope.is_set and not scope.is_county_file and scope.office_id == store.office_id


def test_example_office_is_suffolks_county_board(demo_store):
    scope = ref.office_scope(demo_store)
    assert names(scope.partnerships) == ["Safer Suffolk Partnership Board"] and scope.county.name == "Suffolk"
    assert names(ref.office_districts(demo_store, FY09)) == [
        "Babergh", "Forest Heath", "Ipswich", "Mid Suffolk", "St Edmundsbury", "Suffolk Coastal", "Waveney"]
    # Waveney + Suffolk Coastal -> East Suffolk, Forest Heath + St Edmundsbury -> West Suffolk (2019).
    assert names(ref.office_districts(demo_store, FY19)) == SUFFOLK_2025
    assert names(ref.office_districts(demo_store, FY25)) == SUFFOLK_2025


def test_western_suffolk_is_four_districts_in_2018_and_three_from_2019(demo_store):
    assert ref.partnership_district_ids(demo_store, "partnership:western-suffolk-csp", FY18) == [
        "district:babergh", "district:mid-suffolk", "district:forest-heath", "district:st-edmundsbury"]
    assert ref.partnership_district_ids(demo_store, "partnership:western-suffolk-csp", FY19) == [
        "district:babergh", "district:mid-suffolk", "district:west-suffolk"]
    # The 2009/10 Western CSP did not exist in 2018.
    assert ref.partnership_district_ids(demo_store, "partnership:western-csp", FY18) == []


def test_set_scope_refuses_unknown_partnerships_and_changes_nothing(demo_store):
    before = ref.office_scope(demo_store)
    with pytest.raises(ref.ReferenceError, match="Narnia.*Safer Plymouth"):
        ref.set_office_scope(demo_store, partnerships=["Safer Plymouth", "Narnia"])
    assert ref.office_scope(demo_store) == before
    after = ref.set_office_scope(demo_store, county="")  # None leaves a part, "" clears it
    assert after.county is None and after.partnerships == before.partnerships


def test_scope_changes_are_audited(demo_store):
    ref.set_office_scope(demo_store, partnerships=["Western Suffolk CSP"])
    actions = {(r["action"], r["table_name"]) for r in demo_store.rows(
        "SELECT action, table_name FROM audit_log WHERE table_name = 'office_areas'")}
    assert ("delete", "office_areas") in actions and ("insert", "office_areas") in actions


# -- lists: own areas first, the rest behind a search ------------------------------------------------------
def test_suffolk_office_lists_its_own_areas_first_and_the_rest_behind_a_search(demo_store):
    own, others = ref.area_lists(demo_store, FY25)
    assert names(own) == ["Suffolk", "Safer Suffolk Partnership Board", "Western Suffolk CSP", *SUFFOLK_2025]
    assert [a.kind for a in own[:3]] == ["county", "partnership", "partnership"]
    # The police import named 145 districts: they are there, but not among the office's own.
    assert {"Barking and Dagenham", "Basildon", "Plymouth", "East Sussex", "Waveney"} <= set(names(others))
    assert not set(names(own)) & set(names(others))
    assert names(ref.search_areas(others, "bark")) == ["Barking and Dagenham"]
    assert names(ref.search_areas(others, "plym")) == ["Plymouth", "Safer Plymouth"]
    assert names(ref.search_areas(others, "sussex"))[0] == "East Sussex"  # starts-with first
    assert ref.search_areas(others, "") == others


def test_plymouth_office_lists_plymouth_first(plymouth_store):
    own, others = ref.area_lists(plymouth_store, FY16)
    assert names(own) == ["Devon", "Safer Plymouth", "Plymouth"]
    assert "Ipswich" in names(others) and "Suffolk" in names(others)
    choices = area_choices(plymouth_store)
    assert [c.name for c in choices[:4]] == ["All areas", "Devon", "Safer Plymouth", "Plymouth"]
    assert all(c.own for c in choices[:4]) and not any(c.own for c in choices[4:])


# -- the report's areas ------------------------------------------------------------------------------------
def test_all_areas_2025_26_has_the_suffolk_districts_and_no_other_force_area(demo_store):
    doc = build_report(demo_store, year="2025/26")
    indicator_sections = [t.removeprefix("Indicators: ") for t in titles(doc) if t.startswith("Indicators: ")]
    # Every district of the office, police-only ones included (none dropped once three sections exist).
    # The county and its partnerships first (their figures derived from the districts'), then every district.
    assert indicator_sections == ["Suffolk", "Safer Suffolk Partnership Board", "Western Suffolk CSP",
                                  *SUFFOLK_2025]
    assert all(", 2025/26" in s.tables[0].title for s in doc.sections if s.title.startswith("Indicators"))


def test_the_report_for_a_year_shows_that_year_in_every_area(demo_store):
    doc = build_report(demo_store, year="2016/17")
    # Suffolk has no figures in 2016/17: no area falls back to its own latest year (2025/26).
    assert not [t for t in titles(doc) if t.startswith("Indicators")]
    plymouth = build_report(demo_store, year="2016/17", area="Plymouth")
    assert titles(plymouth) == ["Indicators: Plymouth"]
    assert plymouth.sections[0].tables[0].title == "Performance summary, Plymouth, 2016/17"


def test_the_year_filter_applies_to_projects_scenarios_reviews_and_funds(demo_store):
    doc = build_report(demo_store, year="2016/17")
    assert "Commissioning scenarios" not in titles(doc)  # the 2009/10 scenario is 2009/10's
    assert not any(t.endswith("burn-down") for t in titles(doc))  # the pilot ran 2018-2019
    assert not [t for t in titles(doc) if t.startswith(("Allocation", "Top-slice"))]
    assert [r[0] for r in table_rows(doc, "Cost recovery per case")] == ["WSCSP-DHR-2017-01"]
    assert project_titles(doc) == []  # the 2009/10 projects are not 2016/17's
    assert not any("Homeshield Plus" in p for s in doc.sections for p in s.paragraphs)
    in_0910 = build_report(demo_store, year="2009/10")
    assert "Commissioning scenarios" in titles(in_0910) and "Allocation 2009/10" in titles(in_0910)
    assert {"Suffolk ELEV8", "Suffolk Strive", "Local Domestic Violence Coordinators"} <= set(project_titles(in_0910))
    # the paper's fifteen proposals, all of them for 2009/10 (its paragraph 10), none dropped for want of a date
    assert len([t for t in project_titles(in_0910) if "Plymouth" not in t]) == 15
    assert not [t for t in project_titles(in_0910) if "Plymouth" in t]


def test_area_plymouth_is_plymouths_projects_not_suffolks_countywide_ones(demo_store):
    doc = build_report(demo_store, area="Plymouth")
    projects = project_titles(doc)
    assert "Plymouth Domestic Abuse contract" in projects and len(projects) == 8
    assert not {"Homeshield Plus", "Suffolk ELEV8"} & set(projects)  # "Countywide" there means Suffolk
    assert not [t for t in titles(doc) if t.startswith(("Allocation", "Top-slice", "Domestic Homicide"))]
    assert not any(t.endswith("burn-down") for t in titles(doc))


def test_area_accepts_a_district_a_partnership_or_a_county_by_name(demo_store):
    sussex = build_report(demo_store, area="east sussex")
    assert sussex.area_label == "East Sussex"
    assert titles(sussex) == ["Indicators: East Sussex, 2014/15", "Budgets and plans"]
    county = report_areas(demo_store, "Suffolk", FY25)
    assert county.kind == "county" and county.indicator_area_ids[0] == "county:suffolk"
    assert {"district:east-suffolk", "district:waveney"} <= county.district_ids
    wscsp = report_areas(demo_store, "Western Suffolk CSP", FY18)
    assert wscsp.district_ids == {"district:babergh", "district:mid-suffolk", "district:forest-heath",
                                  "district:st-edmundsbury"}
    east = report_areas(demo_store, "East Suffolk", FY25)
    assert east.district_ids == {"district:east-suffolk", "district:waveney", "district:suffolk-coastal"}
    ipswich = build_report(demo_store, area="Ipswich")
    assert "Ipswich CSP Project: Town Centre Triage" in project_titles(ipswich)
    assert "Homeshield Plus" in project_titles(ipswich)  # a Suffolk county-wide project covers Ipswich
    with pytest.raises(ReportError, match="Atlantis"):
        build_report(demo_store, area="Atlantis")


def test_plymouth_office_all_areas_is_plymouth(plymouth_store):
    doc = build_report(plymouth_store, year="2016/17")
    assert titles(doc) == ["Indicators: Plymouth"]
    every_year = build_report(plymouth_store)
    assert len(project_titles(every_year)) == 8 and "Homeshield Plus" not in project_titles(every_year)
    assert not [t for t in titles(every_year) if t.startswith(("Allocation", "Top-slice", "Domestic Homicide",
                                                                "Suffolk Target"))]


def test_unset_scope_means_the_reference_districts_not_every_police_district(demo_store):
    ref.set_office_scope(demo_store, partnerships=[], county="")
    own, others = ref.area_lists(demo_store, FY25)
    assert "Plymouth" in names(own) and "Ipswich" in names(own) and "Barking and Dagenham" in names(others)


# -- a county file -----------------------------------------------------------------------------------------
def district_office(path, name: str, *, partnerships=(), districts=(), district: str, case: str | None = None):
    """A district office's file on the real schema: its scope, a project, a review, and a year of figures."""
    from safer_desk.services import dhr, indicators
    from safer_desk.services.demo_data import reference
    from safer_desk.services.projects import Project, add_projects

    store = open_store(path, create=True, office_name=name)
    reference.add_examples(store)
    ref.set_office_scope(store, partnerships=list(partnerships), districts=list(districts), county="Suffolk")
    add_projects(store, [Project(id=new_id(), title=f"{district} youth diversion", areas=(district,),
                                 start_date="2025-04-01", end_date="2026-03-31")])
    if case:
        dhr.add_case(store, reference=case, district=district, partnership="Western Suffolk CSP",
                     notified_on="2025-06-02")
    ind = indicators.save_indicator(store, "Domestic abuse incidents", unit="count", polarity="higher")
    area = indicators.ensure_area(store, district, "district")
    indicators.save_values(store, ind, area, [indicators.PeriodValue(f"2025-{m:02d}", 10.0 + m) for m in (4, 5, 6)])
    indicators.set_target(store, ind, area, FY25, kind="annual", value=120)
    return store


@pytest.fixture
def county_file(tmp_path):
    from safer_desk.services.county import export_for_county
    from tests.exchange.helpers import merge_accepting

    exports = []
    for file_name, office, kwargs in (
            ("mid-suffolk.sqlite", "Babergh and Mid Suffolk office",
             dict(partnerships=["Western Suffolk CSP"], district="Mid Suffolk", case="WSCSP-DHR-2025-01")),
            ("ipswich.sqlite", "Ipswich office", dict(districts=["Ipswich"], district="Ipswich"))):
        store = district_office(tmp_path / file_name, office, **kwargs)
        try:
            exports.append(export_for_county(store, tmp_path / f"{file_name}.export.sqlite").path)
        finally:
            store.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    report = merge_accepting(county, exports)  # the county lead confirmed the officer's key by phone
    assert not report.refused and not report.conflicts, report.text()
    yield county
    county.close()


def test_county_file_all_areas_means_the_districts_merged_into_it(county_file):
    scope = ref.office_scope(county_file)
    assert scope.is_county_file and not scope.is_set
    assert sorted(o.office_name for o in scope.merged_offices) == ["Babergh and Mid Suffolk office", "Ipswich office"]
    assert names(ref.office_districts(county_file, FY25)) == ["Babergh", "Ipswich", "Mid Suffolk", "West Suffolk"]
    assert names(ref.office_districts(county_file, FY18)) == [
        "Babergh", "Forest Heath", "Ipswich", "Mid Suffolk", "St Edmundsbury"]
    own, others = ref.area_lists(county_file, FY25)
    assert names(own)[0] == "Suffolk" and "East Suffolk" in names(others) and "Plymouth" in names(others)
    doc = build_report(county_file, year="2025/26")
    # Babergh and West Suffolk, merged in with no figures, are said to have none (s64), not left out without a word;
    # once, after the areas with figures, not a page each (s69).
    assert [t for t in titles(doc) if t.startswith("Indicators")] == [
        "Indicators: Ipswich", "Indicators: Mid Suffolk", "Indicators: Babergh and West Suffolk"]
    assert [s.paragraphs for s in doc.sections if s.title == "Indicators: Babergh and West Suffolk"] == [
        ["No indicator figures or targets are held for Babergh and West Suffolk for 2025/26."]]
    assert {"Ipswich youth diversion", "Mid Suffolk youth diversion"} == set(project_titles(doc))
    assert [r[0] for r in table_rows(doc, "Cost recovery per case")] == ["WSCSP-DHR-2025-01"]
    ipswich = build_report(county_file, year="2025/26", area="Ipswich")
    assert project_titles(ipswich) == ["Ipswich youth diversion"] and "County overview" not in titles(ipswich)


def test_county_file_report_has_the_county_section(county_file):
    from safer_desk.services import dhr

    case = dhr.case_id_by_reference(county_file, "WSCSP-DHR-2025-01")
    dhr.add_cost_line(county_file, case, category="Independent chair/author", amount="7525.58")
    dhr.bill_partners(county_file, case, invoiced_on="2025-07-01")
    doc = build_report(county_file, year="2025/26", today=date(2025, 12, 1))
    assert titles(doc)[-1] == "County overview"
    county = doc.sections[-1]
    assert "Babergh and Mid Suffolk office" in county.paragraphs[0] and "Ipswich office" in county.paragraphs[0]
    assert county.paragraphs[0].startswith("Figures from the 2 office files merged into this county file (")
    rag = next(t for t in county.tables if t.title == "Indicators 2025/26 to date: figure and RAG per district")
    assert rag.header == ["Indicator", "Ipswich", "Mid Suffolk"]
    assert rag.rows[0][0] == "Domestic abuse incidents" and all(cell for cell in rag.rows[0][1:])
    assert rag.rows[0][1:] == ["\u25cf\u00a045", "\u25cf\u00a045"] and "\u2020" not in rag.note
    # Ipswich's April missing: its 31 is short by a month, so it is marked; higher is better and 31 is over the 30 to
    # date already, which April can only add to, so it is judged green (a count under its target would not be).
    with county_file.transaction():
        county_file.conn.execute("DELETE FROM indicator_values WHERE area_id = 'district:ipswich' "
                                 "AND period = '2025-04'")
    county = build_report(county_file, year="2025/26", today=date(2025, 12, 1)).sections[-1]
    rag = next(t for t in county.tables if t.title == "Indicators 2025/26 to date: figure and RAG per district")
    assert rag.rows[0][1:] == ["\u25cf\u00a031\u00a0\u2020", "\u25cf\u00a045"]
    assert rag.note.endswith("\u2020 Months missing before the latest: the figure covers the months held (a count "
                             "short by them is not judged, unless they can only add to a RAG already settled: red "
                             "where lower is better, green where higher is).")
    recovery = next(t for t in county.tables if t.title.startswith("Domestic Homicide Reviews: recovery"))
    assert recovery.title.endswith("recovery per partner, 1 review")
    # What the merged files do not hold for the year is said, not left out silently.
    assert "no allocation for 2025/26" in county.paragraphs[1] and "no pooled fund running" in county.paragraphs[1]
    assert recovery.total_row[0] == "Total"


def test_office_command_prints_and_sets_the_scope(demo_path):
    code, out, err = cli_output(["office", str(demo_path), "--year", "2025/26"])
    assert code == 0, err
    assert "Partnerships: Safer Suffolk Partnership Board" in out and "County: Suffolk" in out
    assert "Districts 2025/26: Babergh, East Suffolk, Ipswich, Mid Suffolk, West Suffolk" in out
    code, out, err = cli_output(["office", str(demo_path), "--partnership", "Safer Plymouth", "--county", "Devon",
                                 "--year", "2016/17"])
    assert code == 0, err
    assert "Partnerships: Safer Plymouth" in out and "Districts 2016/17: Plymouth" in out
    code, out, err = cli_output(["office", str(demo_path), "--partnership", "Narnia"])
    assert code == 1 and "no partnership called “Narnia”" in err
    # A new file has no partnerships: the refusal says where one is added, and that districts will do.
    new = demo_path.with_name("new.sqlite")
    open_store(new, create=True, office_name="Plymouth office").close()
    code, out, err = cli_output(["office", str(new), "--partnership", "Safer Plymouth"])
    assert code == 1 and "this file has none yet" in err and "View > Districts, Partnerships and Partners" in err
    code, out, err = cli_output(["office", str(new), "--district", "Plymouth"])
    assert code == 0 and "Districts named: Plymouth" in out, err
    code, out, err = cli_output(["report", str(demo_path), str(demo_path.with_name("r.html")), "--year", "2016/17"])
    assert code == 0, err
    assert "Indicators: Plymouth" in demo_path.with_name("r.html").read_text(encoding="utf-8")


def test_a_county_nobody_knows_is_asked_about_naming_the_nearest(demo_path):
    # "--county Suffok" was taken without a word: the county's figures come from the districts filed under it,
    # and none is filed under "Suffok".
    code, out, err = cli_output(["office", str(demo_path), "--county", "Suffok"])
    assert code == 0 and "County: Suffok" in out
    assert ("warning: no district in this file or in the list of English and Welsh districts lies in a county called "
            "“Suffok” (did you mean Suffolk?)") in err
    code, out, err = cli_output(["office", str(demo_path), "--county", "suffolk"])
    assert code == 0 and "County: Suffolk" in out and "warning" not in err
    code, out, err = cli_output(["office", str(demo_path), "--county", "Gwent"])  # Wales: a preserved county
    assert code == 0 and "County: Gwent" in out and "“Gwent”" not in err and "did you mean" not in err
