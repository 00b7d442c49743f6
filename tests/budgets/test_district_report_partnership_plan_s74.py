"""A district's board report and its partnership's plan (seed 002's Western Suffolk implications, 2018/19).

A report for one district shows that district's own figures (services.report.report_areas): its partnership's plan
is not among them, and the report says so in words rather than leaving the budgets out without a word. A district
office's own report ("All areas") covers the partnerships of its districts, so the plan is there, labelled as the
partnership's, not the district's."""

from safer_desk.services import reference as ref
from safer_desk.services.demo_data import budgets as demo
from safer_desk.services.report import build_report


def _section(report, title):
    return next((s for s in report.sections if s.title == title), None)


def test_a_district_report_says_why_its_partnerships_plan_is_not_in_it(demo_store):
    section = _section(build_report(demo_store, year="2018/19", area="Babergh"), "Budgets and plans")
    assert section is not None and section.tables == []
    words = " ".join(section.paragraphs)
    assert demo.IMPLICATIONS in words and "Western Suffolk CSP" in words
    assert "Babergh's own figures only" in words and "the partnership's report (Western Suffolk CSP)" in words


def test_a_district_report_of_a_year_the_plan_has_no_column_for_says_nothing_of_it(demo_store):
    assert _section(build_report(demo_store, year="2010/11", area="Babergh"), "Budgets and plans") is None


def test_a_district_offices_report_shows_the_plan_labelled_as_the_partnerships(demo_store):
    ref.set_office_scope(demo_store, partnerships=[], districts=["Babergh"])
    section = _section(build_report(demo_store, year="2018/19"), "Budgets and plans")
    [table] = section.tables
    assert table.title == demo.IMPLICATIONS
    assert "The plan of Western Suffolk CSP, the partnership Babergh is part of" in table.note


def test_the_partnerships_own_report_does_not_say_the_plan_is_someone_elses(demo_store):
    section = _section(build_report(demo_store, year="2018/19", area="Western Suffolk CSP"), "Budgets and plans")
    [table] = section.tables
    assert "The plan of" not in table.note and "is part of" not in " ".join(section.paragraphs)


def test_a_county_boards_report_names_the_partnerships_districts(demo_store):
    # The example office is the county's board: the plan is Western Suffolk CSP's, of its four districts in 2018/19.
    section = _section(build_report(demo_store, year="2018/19"), "Budgets and plans")
    [table] = section.tables
    assert table.note.startswith("The plan of Western Suffolk CSP, the partnership of Babergh, Forest Heath, Mid "
                                 "Suffolk and St Edmundsbury: its amounts are the partnership's, not one district's")
