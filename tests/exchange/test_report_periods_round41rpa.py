"""A board report of all years (no --year) says "All years" on its title page but shows one year of indicator
figures, the latest with figures (2025/26 in the example, not the current year): each indicator section's heading
names that year, so a report as at a past day (--as-at 31/03/2019) does not silently show 2025/26's figures beside
2019's DHR figures. Its budgets and plans are every plan, of all years, as the title says; a year's report is
headed as before, its title page naming the year."""

from __future__ import annotations

from datetime import date

from safer_desk.services.report import build_report

TODAY = date(2026, 12, 2)


def test_an_all_years_report_as_at_a_past_day_names_the_indicators_year_in_each_heading(demo_store):
    doc = build_report(demo_store, as_at=date(2019, 3, 31), today=TODAY)
    assert doc.year_line == "All years"
    indicators = [s for s in doc.sections if s.title.startswith("Indicators:")]
    assert indicators and all(s.title.endswith(", 2025/26") for s in indicators), [s.title for s in indicators]
    assert "Indicators: Suffolk, 2025/26" in [s.title for s in indicators]
    # Its tables say the same year: the heading and the table agree.
    suffolk = next(s for s in indicators if s.title == "Indicators: Suffolk, 2025/26")
    assert "2025/26" in suffolk.tables[0].title
    # The DHR section is as at the day asked for, and the title page says that only it and the funds are.
    assert doc.as_at_line.startswith("Domestic Homicide Reviews and pooled funds: figures as at 31/03/2019")


def test_an_all_years_report_shows_every_plan_as_its_title_says(demo_store):
    all_years = build_report(demo_store, today=TODAY)
    budgets = next(s for s in all_years.sections if s.title == "Budgets and plans")
    assert [t.title for t in budgets.tables] == ["Western Suffolk CSP financial implications 2017/18 – 2019/20"]


def test_a_years_report_keeps_its_headings_as_the_title_page_names_the_year(demo_store):
    doc = build_report(demo_store, year="2025/26", today=TODAY)
    assert doc.year_line == "Financial year 2025/26"
    assert "Indicators: Suffolk" in [s.title for s in doc.sections]
