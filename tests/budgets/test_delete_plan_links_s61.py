"""Session 61: deleting a plan whose lines are linked to what actually happened.

Del on the Western Suffolk financial implications asked only "Delete the plan … with its 3 lines?", while Del on its
DHR line alone says "It counts Review WSCSP-DHR-2017-01: cost, which it will no longer do": the plan's question left
out that its links to the review and to the pooled fund go with it. It now names them, as the line's does."""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc

WESTERN = "Western Suffolk CSP financial implications 2017/18 – 2019/20"
MTFP = "East Sussex Community Safety MTFP 2011/12 – 2014/15"


def _chosen(store, name):
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    p.select(svc.plan_id_by_name(store, name))
    return p


def test_the_question_names_the_links_that_go_with_the_plan(demo_store):
    p = _chosen(demo_store, WESTERN)
    question = p.delete_plan_question()
    assert question.startswith(f"Delete the plan “{WESTERN}” with its 3 lines? ")
    assert "“Domestic Homicide Reviews (DHRs)” counts Review WSCSP-DHR-2017-01: cost" in question
    assert "“Target Hardening for High Risk DV Victims” counts Fund Suffolk Target Hardening Pilot" in question
    assert question.endswith("which they will no longer do. Edit > Undo brings it back.")


def test_a_plan_with_no_links_is_asked_about_as_before(demo_store):
    p = _chosen(demo_store, MTFP)
    assert p.delete_plan_question() == f"Delete the plan “{MTFP}” with its 12 lines? Edit > Undo brings it back."
