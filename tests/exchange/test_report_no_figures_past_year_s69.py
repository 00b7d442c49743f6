"""Session 69: the example's 2012/13 report for Suffolk said "This file has no projects, allocations, costs, budgets or
indicator figures for Suffolk in 2012/13 yet.": "yet" of a year fourteen years over, as if the figures were still to
come. A year gone by is said without it; the year running (or all years) keeps it."""

from __future__ import annotations

from datetime import date

from safer_desk.services.report import build_report

TODAY = date(2026, 12, 7)


def _no_figures(document):
    (section,) = [s for s in document.sections if s.title == "No figures"]
    return section.paragraphs[0]


def test_a_year_gone_by_has_no_yet(demo_store):
    assert _no_figures(build_report(demo_store, year="2012/13", area="Suffolk", today=TODAY)) == (
        "This file has no projects, allocations, costs, budgets or indicator figures for Suffolk in 2012/13.")


def test_the_year_running_keeps_it(store):
    assert _no_figures(build_report(store, year="2026/27", today=TODAY)).endswith(" in 2026/27 yet.")
