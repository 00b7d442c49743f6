"""The board report read as the board reads it (round 36, brp): one day for every section, a plan's checks said
as the Budgets tab says them, and an empty file's words naming every tab."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import format_uk_date
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets
from safer_desk.services.demo_data import budgets as demo
from safer_desk.services.report import build_report

REPORT_DAY = date(2026, 6, 30)  # not the machine's day: the report's own, as the window and `report` pass it


def _section(report, title: str):
    return next(s for s in report.sections if s.title.startswith(title))


def test_every_section_is_as_at_the_report_s_day_not_the_machine_s(demo_store):
    # The window and `safer-desk report` give build_report one clock for "the title page, every section"; the
    # costs section read the machine's own, so its "figures as at … (today)" could name another day than the
    # title page's "Prepared on" (a report made across midnight, or any test that fixes the day).
    assert REPORT_DAY != date.today()
    report = build_report(demo_store, today=REPORT_DAY)
    assert report.prepared_on == "30/06/2026"
    reviews = _section(report, "Domestic Homicide Reviews")
    words = " ".join(reviews.paragraphs)
    assert "figures as at 30/06/2026 (today)" in words
    assert format_uk_date(date.today()) not in words


def test_a_plan_printing_no_totals_is_not_said_to_agree_with_its_lines(demo_store):
    # 2018/19: Western Suffolk's financial implications alone, a plan whose paper prints no totals of its own.
    plan_id = budgets.plan_id_by_name(demo_store, demo.IMPLICATIONS)
    tab = BudgetsPresenter(demo_store, read_only=True)
    tab.reload()
    tab.select(plan_id)
    assert tab.summary().endswith(": it prints no totals of its own to check against its lines.")
    section = _section(build_report(demo_store, year="2018/19"), "Budgets and plans")
    assert [t.title for t in section.tables] == [demo.IMPLICATIONS]
    assert "Every printed figure agrees" not in section.paragraphs[0]
    assert section.paragraphs[0].endswith("The plan prints no totals of its own to check against its lines.")


def test_plans_some_printing_totals_still_say_every_printed_figure_agrees(demo_store):
    # East Sussex's MTFP flags one printed figure; its unit costs print none: the flag is said, nothing claimed.
    section = _section(build_report(demo_store, area="East Sussex"), "Budgets and plans")
    assert len(section.tables) > 1
    assert "prints no totals" not in section.paragraphs[0]
    assert "disagree" in section.paragraphs[0]


def test_an_empty_file_s_report_names_budgets_among_what_it_has_none_of(store):
    report = build_report(store)
    words = _section(report, "No figures").paragraphs[0]
    assert words == ("This file has no projects, allocations, costs, budgets or indicator figures for all areas in "
                     "any year yet.")


def test_a_criterion_left_blank_is_said_in_the_legend_only_when_one_is(store):
    # The legend named √, X and ?, but a project not yet scored shows blank cells the board could read as "no".
    from safer_desk.services import projects

    projects.save_project(store, projects.project_from_fields(
        {"title": "Youth diversion", "areas": "Babergh", "status": "proposed", "cost": "£12,000"}))
    options = _section(build_report(store), "Commissioning options")
    assert options.paragraphs[0] == ("Projects proposed, shortlisted, commissioned or live, with their alignment to "
                                     "the board's criteria (√ yes, X no, ? unknown, blank not recorded).")
    assert options.tables[0].rows[0][2:7] == [""] * 5


def test_the_legend_of_projects_all_scored_has_no_blank(demo_store):
    options = _section(build_report(demo_store, year="2009/10"), "Commissioning options")
    assert options.paragraphs[0].endswith("criteria (√ yes, X no, ? unknown).")
