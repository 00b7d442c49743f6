"""Session 69: a Welsh office records Single Unified Safeguarding Reviews.

Since December 2024 Wales holds a Single Unified Safeguarding Review (SUSR), commissioned by the Regional Safeguarding
Board, in place of a Domestic Homicide Review. Costs > Reviews are called: offered only the English names (Domestic
Homicide Review; Domestic Abuse Related Death Review), and typing another was refused, so a Welsh office's reviews,
ledger, board report and workbook were titled with a name they are not. The name is a setting, the data the same
(DESIGN 2.3): the stages are one list for every name. Safer Desk holds no statutory timescales for a SUSR, so where
the stage rules (by default the Home Office's for a DHR) make a stage due or overdue, it says they are the file's
own, not a statutory deadline; for a DHR or DARDR nothing new is said.
"""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from safer_desk.domain.dhr import short_label
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from safer_desk.services.county_workbook import dhr_sheet
from safer_desk.services.report import build_report
from tests.costs.test_costs_tab import settle, tab  # noqa: F401 - the fixtures

SUSR = "Single Unified Safeguarding Review"
NOT_STATUTORY = "Safer Desk holds no statutory timescales for Single Unified Safeguarding Reviews"
TODAY = date(2026, 12, 7)


def test_a_welsh_office_calls_the_reviews_susrs(demo_store):
    assert dhr.set_review_label(demo_store, SUSR) == SUSR
    assert dhr.review_label(demo_store) == SUSR
    assert short_label(SUSR) == "SUSR"


@pytest.mark.parametrize("label", ["Domestic Homicide Review", "Domestic Abuse Related Death Review"])
def test_the_english_names_say_nothing_new(demo_store, label):
    dhr.set_review_label(demo_store, label)
    assert NOT_STATUTORY not in DhrPresenter(demo_store, today=lambda: TODAY).stage_rule_form().note
    report = build_report(demo_store, today=TODAY)
    assert not any(NOT_STATUTORY in p for s in report.sections for p in s.paragraphs)


def test_the_stage_rules_say_no_statutory_timescales_are_known(demo_store):
    dhr.set_review_label(demo_store, SUSR)
    note = DhrPresenter(demo_store, today=lambda: TODAY).stage_rule_form().note
    assert note.startswith(NOT_STATUTORY), note
    assert ("Rules now: Board chair's decision to hold a review (or not) within 1 month of: referred to the Regional "
            "Safeguarding Board") in note  # session 70: its stages as the Welsh guidance names them


def test_the_board_report_and_workbook_name_them_and_say_it(demo_store):
    dhr.set_review_label(demo_store, SUSR)
    report = build_report(demo_store, today=TODAY)
    (section,) = [s for s in report.sections if s.title == "Single Unified Safeguarding Reviews: cost recovery"]
    assert any(p.startswith(NOT_STATUTORY) for p in section.paragraphs), section.paragraphs
    sheet = dhr_sheet(demo_store, TODAY)
    assert sheet.title == "Single Unified Safeguarding Reviews"
    assert NOT_STATUTORY in sheet.note


def test_the_page_offers_the_name_and_the_ledger_is_titled_with_it(tab, settle, tmp_path):  # noqa: F811
    combo = tab.reviews.label_combo
    assert combo.findText(SUSR) >= 0
    combo.setCurrentText(SUSR)
    assert tab.pages.tabText(0) == "Single Unified Safeguarding &Reviews"
    tab.pages.setCurrentWidget(tab.ledger)
    settle()
    book = openpyxl.load_workbook(tab.ledger.export(str(tmp_path / "ledger.xlsx")))
    assert book["Per partner"]["A1"].value.startswith("SUSR ledger per partner as at ")


def test_the_page_says_its_overdue_marks_follow_the_files_rules(tab, settle):  # noqa: F811
    """The Reviews page marks "⚠ Overdue (7)" and "Done late" by the stage rules: with the reviews called SUSRs it
    says, under the name, that they follow the file's rules, not a statutory deadline; undone, it says nothing."""
    assert NOT_STATUTORY not in tab.reviews.privacy_note.text()
    tab.reviews.label_combo.setCurrentText(SUSR)
    assert NOT_STATUTORY in tab.reviews.privacy_note.text()
    tab.window().session.undo_stack.undo()
    assert NOT_STATUTORY not in tab.reviews.privacy_note.text()
