"""Session 72: a plan in £'000 says a linked line's actual in thousands to the pound, as it says its own figures.

Seed 004's revenue budget is in £'000 ("884" for £884,000). A line linked to a review whose 2011/12 invoice was
£12,345.67 had the tooltip "Actually (what the line is linked to shows): 12.34567, 871.65433 less than the paper's
884", and the board report's actual row printed "12.34567": thousands to a hundredth of a penny, digits no £'000
table prints. Each year's actual is now said to the pound ("12.346"), the difference likewise ("871.654 less"), and
the report's total of the actual row is the sum of the years it prints, so the row adds up as shown; the command
line and the workbook keep the exact pounds and pence.
"""

from __future__ import annotations

import pytest

from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc
from safer_desk.services import dhr
from safer_desk.services.demo_data import budgets as demo
from safer_desk.services.report_sections.budgets import plan_table


@pytest.fixture
def linked(demo_store):
    plan = svc.plan_id_by_name(demo_store, demo.REVENUE)
    line = next(r for r in svc.plan_view(demo_store, plan).rows if r.kind == "line")
    case = demo_store.scalar("SELECT id FROM dhr_cases WHERE reference = 'WSCSP-DHR-2017-01'")
    svc.link_line(demo_store, line.line_id, review=case)
    svc.update_plan(demo_store, plan, show_total_column=True)
    for amount, day in (("12345.67", "2011-09-01"), ("1000.60", "2012-09-01"), ("1000.60", "2013-09-01")):
        dhr.add_cost_line(demo_store, case, category="Administration", amount=amount, invoiced_on=day)
    return plan, line


def test_the_tooltip_says_the_actual_and_its_difference_to_the_pound(demo_store, linked):
    plan, line = linked
    p = BudgetsPresenter(demo_store)
    p.reload()
    p.select(plan)
    row = next(r for r in p.rows if r.line_id == line.line_id)
    assert [(c.text, c.actual, c.actual_difference) for c in row.cells[1:4]] == [
        ("884", "12.346", "871.654 less than the paper's 884"),
        ("641", "1.001", "639.999 less than the paper's 641"),
        ("652", "1.001", "650.999 less than the paper's 652")]
    assert row.cells[1].actual_pence == 1_234_567  # kept exact for Export… (in pounds)
    assert row.across.actual == "14.348"  # the years as said add to it (£14,346.87 exactly reads 14.347)


def test_the_reports_actual_row_adds_up_as_printed(demo_store, linked):
    plan, _ = linked
    table = plan_table(svc.plan_view(demo_store, plan))
    (actual,) = [r for r in table.rows if r[0].startswith("    actual")]
    assert [x for x in actual[1:] if x] == ["12.346", "1.001", "1.001", "14.348"], actual


def test_a_plan_in_pounds_keeps_its_pence(demo_store):
    plan = svc.plan_id_by_name(demo_store, demo.IMPLICATIONS)
    line = next(r for r in svc.plan_view(demo_store, plan).rows if r.kind == "line" and r.links)
    assert any(c.text.endswith(".58") for c in line.actuals), [c.text for c in line.actuals]


def test_half_a_pound_goes_away_from_nothing_and_pounds_keep_pence():
    from safer_desk.domain.budgets import actual_as_said, format_actual

    assert [actual_as_said(p, "thousand") for p in (150, 149, -150, -149, 0)] == [200, 100, -200, -100, 0]
    assert format_actual(1_234_567, "thousand") == "12.346" and format_actual(1_234_567, "pound") == "£12,345.67"
