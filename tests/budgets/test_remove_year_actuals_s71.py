"""Session 71: Remove year… says a linked line's actual in that year will fall outside the plan, with the figure.

Seed 002's DHR line is linked to review WSCSP-DHR-2017-01, which actually shows £8,525.58 in 2017/18 (£1,000 more
invoiced than the paper's £7,525.58). Remove year on 2017/18 asked "Remove the year “2017/18” with its 3
figures?…" and nothing of the £8,525.58: only afterwards did a tooltip say it was in a year the plan has no column
for, so no year's actual counted it. The question now says so before the year goes, and asks even where the year
holds no figure of the paper's but a linked line shows money in it.
"""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc
from safer_desk.services import dhr
from safer_desk.services.demo_data import budgets as demo

DHR = "Domestic Homicide Reviews (DHRs)"


def _presenter(store, plan_name: str) -> BudgetsPresenter:
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    p.select(svc.plan_id_by_name(store, plan_name))
    return p


def test_the_question_says_the_linked_actual_that_will_fall_outside_the_plan(demo_store):
    case = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-01")
    dhr.add_cost_line(demo_store, case, category="Administration", amount="1000", invoiced_on="2017-09-01")
    p = _presenter(demo_store, demo.IMPLICATIONS)
    first = p.columns.index("2017/18")
    question = p.remove_year_question(first)
    assert question.startswith("Remove the year “2017/18” with its "), question
    assert (f"{DHR} actually shows £8,525.58 in 2017/18 (Review WSCSP-DHR-2017-01: cost): with the year gone it "
            "falls outside the plan, and no year's actual here counts it.") in question, question
    assert question.endswith("Edit > Undo brings it back.")
    assert p.remove_year(first)
    (row,) = [r for r in svc.plan_view(demo_store, p.selected).rows if r.label == DHR]
    assert "£8,525.58 in 2017/18, a year the plan has no column for" in row.actuals_note  # as the question said


def test_a_year_of_no_figures_is_asked_about_when_a_linked_line_shows_money_in_it(store):
    plan = svc.create_plan(store, "Community safety budget", columns=["2017/18", "2018/19"])
    line = svc.add_line(store, svc.add_section(store, plan, "Expenditure"), "Reviews")
    svc.set_cell(store, line, "2017/18", "5,000")
    case = dhr.add_case(store, reference="WSCSP-DHR-2018-01", notified_on="2018-05-01")
    dhr.add_cost_line(store, case, category="Administration", amount="1200", invoiced_on="2018-06-01")
    svc.link_line(store, line, review=case)
    p = _presenter(store, "Community safety budget")
    question = p.remove_year_question(p.columns.index("2018/19"))
    assert question == ("Remove the year “2018/19”? Reviews actually shows £1,200 in 2018/19 "
                        "(Review WSCSP-DHR-2018-01: cost): with the year gone it falls outside the plan, and no year's actual here counts it. "
                        "Edit > Undo brings it back."), question
    assert "actually shows" not in p.remove_year_question(p.columns.index("2017/18"))


def test_more_than_three_lines_are_counted_not_listed(store):
    plan = svc.create_plan(store, "Community safety budget", columns=["2017/18", "2018/19"])
    section = svc.add_section(store, plan, "Expenditure")
    case = dhr.add_case(store, reference="WSCSP-DHR-2018-01", notified_on="2018-05-01")
    dhr.add_cost_line(store, case, category="Administration", amount="1200", invoiced_on="2018-06-01")
    for n in range(5):
        svc.link_line(store, svc.add_line(store, section, f"Reviews {n}"), review=case)
    p = _presenter(store, "Community safety budget")
    question = p.remove_year_question(p.columns.index("2018/19"))
    assert question.count("actually shows £1,200 in 2018/19") == 3, question
    assert "So does what 2 more linked lines actually show in 2018/19. Edit > Undo brings it back." in question
