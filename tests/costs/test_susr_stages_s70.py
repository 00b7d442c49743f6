"""Session 70: a Single Unified Safeguarding Review's stages as the Welsh Government's guidance names them.

With the reviews called Single Unified Safeguarding Reviews (Costs > Reviews are called:), a review's Stages still read
"Home Office told of the decision" and "Report to the Home Office Quality Assurance Panel", its Stage reached (board
report, workbook, ledger) "Report to the Home Office Quality Assurance Panel", and Stage rules offered the Home
Office's stages. A SUSR is referred to the Regional Safeguarding Board, whose chair decides whether it is held; Welsh
Government is notified whenever one takes place; a chair and reviewer(s) are appointed from Welsh Government's
approved list; a review panel meets (gov.wales, "Single Unified Safeguarding Review: guidance"). A SUSR meeting the
DHR criteria still goes to the Home Office for quality assurance, one that does not is not known to, so the report's
stages name no body. The stages, dates and rules are the same (DESIGN 2.3); a DHR's and a DARDR's names are unchanged.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain import dhr as rules
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from safer_desk.services.county_workbook import dhr_sheet
from tests.costs.test_costs_tab import settle, tab  # noqa: F401 - the fixtures

SUSR = "Single Unified Safeguarding Review"
TODAY = date(2026, 12, 7)
SUSR_STAGES = ["Referred to the Regional Safeguarding Board", "Board chair's decision to hold a review (or not)",
               "Welsh Government notified of the review", "Chair and reviewer(s) appointed",
               "First review panel meeting", "Report sent for quality assurance", "Quality assurance letter",
               "Published"]
HOME_OFFICE_STAGES = ["Notified of the death", "Decision to hold a review (or not)",
                      "Home Office told of the decision", "Independent chair appointed", "First panel meeting",
                      "Report to the Home Office Quality Assurance Panel", "Quality Assurance Panel letter",
                      "Published"]
PUBLISHED_CASE = "WSCSP-DHR-2014-01"  # the demo's review published: every stage done


def _stage_names(store, reference: str) -> list[str]:
    stages = dhr.case_stages(store, dhr.case_id_by_reference(store, reference), today=TODAY)
    return [s.stage.label for s in stages]


def test_a_susrs_stages_are_named_as_the_welsh_guidance_names_them(demo_store):
    dhr.set_review_label(demo_store, SUSR)
    assert _stage_names(demo_store, PUBLISHED_CASE) == SUSR_STAGES
    assert not any("Home Office" in name for name in _stage_names(demo_store, PUBLISHED_CASE))


@pytest.mark.parametrize("label", ["Domestic Homicide Review", "Domestic Abuse Related Death Review"])
def test_a_dhrs_and_a_dardrs_stages_are_unchanged(demo_store, label):
    dhr.set_review_label(demo_store, label)
    assert _stage_names(demo_store, PUBLISHED_CASE) == HOME_OFFICE_STAGES


def test_a_susrs_stage_reached_names_no_home_office(demo_store):
    """The board report's and the workbook's Stage reached: a review with its report's quality assurance letter
    said "Quality Assurance Panel letter", the Home Office's panel's."""
    before = {c.reference: c.current_stage for c in dhr.list_cases(demo_store, today=TODAY)}
    dhr.set_review_label(demo_store, SUSR)
    after = {c.reference: c.current_stage for c in dhr.list_cases(demo_store, today=TODAY)}
    assert before["WSCSP-DHR-2017-01"] == "Quality Assurance Panel letter"
    assert after == {**before, "WSCSP-DHR-2017-01": "Quality assurance letter",
                     "WSCSP-DHR-2017-02": "First review panel meeting"}
    sheet = dhr_sheet(demo_store, TODAY)
    reached = [c.title for c in sheet.columns].index("Stage reached")
    shown = {row[reached] for block in sheet.blocks for row in block.rows}
    assert shown == set(after.values())


def test_a_susrs_stage_rules_name_its_stages(demo_store):
    dhr.set_review_label(demo_store, SUSR)
    form = DhrPresenter(demo_store, today=lambda: TODAY).stage_rule_form()
    assert [label for _, label in form.field("stage").choices] == SUSR_STAGES[1:]
    assert [label for _, label in form.field("after").choices] == SUSR_STAGES[:-1]
    assert ("Rules now: Board chair's decision to hold a review (or not) within 1 month of: referred to the "
            "Regional Safeguarding Board; Welsh Government notified of the review within 1 month of: referred to the "
            "Regional Safeguarding Board; ") in form.note, form.note
    assert "Home Office told" not in form.note and "Quality Assurance Panel" not in form.note


def test_a_dhrs_stage_rules_read_as_before(demo_store):
    form = DhrPresenter(demo_store, today=lambda: TODAY).stage_rule_form()
    assert [label for _, label in form.field("stage").choices] == HOME_OFFICE_STAGES[1:]
    assert "Rules now: Decision to hold a review (or not) within 1 month of: notified of the death" in form.note


def test_the_page_names_a_susrs_stages(tab, settle):  # noqa: F811
    page = tab.reviews
    page.label_combo.setCurrentText(SUSR)
    settle()
    assert page.select_case(dhr.case_id_by_reference(page.store, PUBLISHED_CASE))
    settle()
    assert [s.stage.label for s in page.stages.rows] == SUSR_STAGES
    column = [page.stages.model.index(r, 0).data() for r in range(page.stages.model.rowCount())]
    assert column == SUSR_STAGES
    tab.window().session.undo_stack.undo()
    settle()
    assert page.select_case(dhr.case_id_by_reference(page.store, PUBLISHED_CASE))
    settle()
    assert [s.stage.label for s in page.stages.rows] == HOME_OFFICE_STAGES


def test_the_default_rules_are_one_list_for_every_name():
    assert [s.key for s in rules.stages_for(SUSR)] == list(rules.STAGE_KEYS)
    assert [s.column for s in rules.stages_for(SUSR)] == [s.column for s in rules.STAGES]


def test_a_susrs_stage_rule_out_of_order_is_refused_in_its_stages_names(demo_store):
    """Welsh Government notified due after Chair and reviewer(s) appointed was refused as "Home Office told of the
    decision must follow an earlier stage"."""
    dhr.set_review_label(demo_store, SUSR)
    with pytest.raises(dhr.DhrError, match=r"^Welsh Government notified of the review must follow an earlier stage\.$"):
        dhr.set_stage_rule(demo_store, "home_office_told", "chair_appointed", 1)
    dhr.set_review_label(demo_store, "Domestic Homicide Review")
    with pytest.raises(dhr.DhrError, match=r"^Home Office told of the decision must follow an earlier stage\.$"):
        dhr.set_stage_rule(demo_store, "home_office_told", "chair_appointed", 1)
