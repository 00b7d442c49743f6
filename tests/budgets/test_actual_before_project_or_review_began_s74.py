"""A line linked to a project or a review, in a year before it started (s74, report2). A fund link already showed
"—" with "not started" said under the table (test_actual_before_fund_began_s74); a project or a review link left the
actual blank, which reads as a figure missing. Now alike: "—", and the words saying when it began, in the plan's view
(the window's tip, `budget --actuals`) and the board report."""

from safer_desk.services import budgets
from safer_desk.services import dhr
from safer_desk.services.demo_data import budgets as demo
from safer_desk.services.projects import project_from_fields, save_project
from safer_desk.services.report import build_report

LINE = "E-CINS/Athena Partnership Platform"  # a line of the 2017/18 – 2019/20 plan linked to nothing


def _plan(store):
    return budgets.plan_id_by_name(store, demo.IMPLICATIONS)


def _line_id(store):
    view = budgets.plan_view(store, _plan(store))
    return next(r.line_id for r in view.rows if r.kind == "line" and r.label == LINE)


def _row(store):
    view = budgets.plan_view(store, _plan(store))
    return next(r for r in view.rows if r.kind == "line" and r.label == LINE)


def _project(store, start="01/04/2018", end="31/03/2019"):
    fields = {"title": "Partnership platform", "cost": "£6,000", "start_date": start, "end_date": end}
    return save_project(store, project_from_fields(fields)).id


def test_a_project_link_in_a_year_before_the_project_started_is_not_started(demo_store):
    budgets.link_line(demo_store, _line_id(demo_store), project=_project(demo_store))
    row = _row(demo_store)
    assert [a.text for a in row.actuals] == ["—", "£6,000", ""]
    assert row.actuals[0].status == "not-started" and row.actuals[0].pence is None
    assert "“—” (not started) in 2017/18: project Partnership platform began in April 2018." in row.actuals_note


def test_a_review_link_in_a_year_before_the_review_was_notified_is_not_started(demo_store):
    case = dhr.add_case(demo_store, reference="WSCSP-DHR-2018-01", notified_on="2018-06-04")
    dhr.add_cost_line(demo_store, case, category="Independent chair/author", amount="£1,500",
                      invoiced_on="2019-01-10")
    budgets.link_line(demo_store, _line_id(demo_store), review=case)
    row = _row(demo_store)
    assert [a.text for a in row.actuals] == ["—", "£1,500", ""]
    assert "“—” (not started) in 2017/18: review WSCSP-DHR-2018-01 was notified in June 2018." in row.actuals_note


def test_the_reports_actual_row_shows_the_dash_for_a_project_and_says_why(demo_store):
    budgets.link_line(demo_store, _line_id(demo_store), project=_project(demo_store))
    section = next(s for s in build_report(demo_store, year="2018/19").sections if s.title == "Budgets and plans")
    [table] = section.tables
    actual = next(r for r in table.rows if r[0].startswith("    actual: Project") and "Partnership platform" in r[0])
    assert actual[1:3] == ["—", "£6,000.00"]
    assert "(not started) in 2017/18: project Partnership platform began in April 2018" in table.note


def test_a_project_with_no_start_date_is_not_said_not_started(demo_store):
    budgets.link_line(demo_store, _line_id(demo_store), project=_project(demo_store, start="", end=""))
    row = _row(demo_store)
    assert "not started" not in row.actuals_note and "—" not in [a.text for a in row.actuals]


def test_a_review_with_costs_before_it_was_notified_keeps_blank_years(demo_store):
    """A cost dated before the review was notified (an invoice of 2018/19 for a review notified in 2019/20, as seed
    004's review invoiced from 2011): its notification says nothing of when the line's figures began, so 2017/18
    stays blank rather than "not started"."""
    case = dhr.add_case(demo_store, reference="WSCSP-DHR-2019-01", notified_on="2019-06-04")
    dhr.add_cost_line(demo_store, case, category="Administration", amount="£100", invoiced_on="2018-09-01")
    budgets.link_line(demo_store, _line_id(demo_store), review=case)
    row = _row(demo_store)
    assert [a.text for a in row.actuals] == ["", "£100", ""]
    assert "not started" not in row.actuals_note
