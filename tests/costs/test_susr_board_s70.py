"""Session 70: the Regional Safeguarding Board that commissioned a Single Unified Safeguarding Review.

A SUSR (Wales) is commissioned by a Regional Safeguarding Board, whose chair decides whether it is held (gov.wales,
"Single Unified Safeguarding Review: guidance"). A Welsh office could record a review's partnership and lead
authority but not the board: nowhere to say a review was Gwent Safeguarding Board's. Schema step 35
(add_dhr_safeguarding_board) keeps it on the review; the case form offers it with the reviews called SUSRs (or for a
review that has one), and the workbook's Reviews sheet and the board report say it. A DHR's form, sheet and report
are as before.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from safer_desk.services.county_workbook import dhr_sheet
from safer_desk.services.report import build_report

SUSR = "Single Unified Safeguarding Review"
TODAY = date(2026, 12, 7)
CASE = "WSCSP-DHR-2017-01"
GWENT = "Gwent Safeguarding Board"


def _presenter(store, case_id):
    presenter = DhrPresenter(store, perform=ActionLog(), today=lambda: TODAY)
    presenter.reload()
    presenter.select(case_id)
    return presenter


def test_a_susrs_board_is_kept_and_changed(demo_store):
    case = dhr.case_id_by_reference(demo_store, CASE)
    dhr.update_case(demo_store, case, safeguarding_board="  Gwent   Safeguarding Board ")
    assert dhr.case_record(demo_store, case)["safeguarding_board"] == GWENT
    (summary,) = [c for c in dhr.list_cases(demo_store, today=TODAY) if c.id == case]
    assert summary.safeguarding_board == GWENT
    added = dhr.add_case(demo_store, reference="CV-SUSR-2025-01", safeguarding_board="Cardiff and Vale RSB")
    assert dhr.case_record(demo_store, added)["safeguarding_board"] == "Cardiff and Vale RSB"
    assert dhr.case_record(demo_store, dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2014-01"))[
        "safeguarding_board"] == ""


def test_a_board_is_an_organisations_name_not_an_address(demo_store):
    case = dhr.case_id_by_reference(demo_store, CASE)
    with pytest.raises(dhr.DhrError, match="Regional Safeguarding Board: “NP20 4UR” looks like"):
        dhr.update_case(demo_store, case, safeguarding_board="Board at NP20 4UR")
    with pytest.raises(dhr.DhrError, match="at most 80 characters"):
        dhr.update_case(demo_store, case, safeguarding_board="B" * 81)


def test_the_case_form_offers_the_board_for_a_susr_only(demo_store):
    case = dhr.case_id_by_reference(demo_store, CASE)
    keys = lambda form: [f.key for f in form.fields]  # noqa: E731
    assert "safeguarding_board" not in keys(_presenter(demo_store, case).edit_case_form())
    assert "safeguarding_board" not in keys(_presenter(demo_store, case).new_case_form())
    dhr.set_review_label(demo_store, SUSR)
    form = _presenter(demo_store, case).edit_case_form()
    assert form.field("safeguarding_board").label == "Regional Safeguarding &Board"
    assert "safeguarding_board" in keys(_presenter(demo_store, case).new_case_form())
    form.set_value("safeguarding_board", GWENT)
    assert form.save()
    assert dhr.case_record(demo_store, case)["safeguarding_board"] == GWENT
    dhr.set_review_label(demo_store, "Domestic Homicide Review")  # a review that has one shows it, whatever the name
    assert _presenter(demo_store, case).edit_case_form().value("safeguarding_board") == GWENT


def test_the_workbook_and_report_say_which_board(demo_store):
    sheet = dhr_sheet(demo_store, TODAY)
    assert "Regional Safeguarding Board" not in [c.title for c in sheet.columns]
    dhr.set_review_label(demo_store, SUSR)
    dhr.update_case(demo_store, dhr.case_id_by_reference(demo_store, CASE), safeguarding_board=GWENT)
    sheet = dhr_sheet(demo_store, TODAY)
    titles = [c.title for c in sheet.columns]
    at = titles.index("Regional Safeguarding Board")
    assert titles[at - 1] == "Lead authority" and titles[at + 1] == "Decision"
    rows = {row[0]: row for block in sheet.blocks for row in block.rows}
    assert rows[CASE][at] == GWENT and rows["WSCSP-DHR-2014-01"][at] == ""
    assert all(len(row) == len(titles) for row in rows.values())
    report = build_report(demo_store, today=TODAY)
    (section,) = [s for s in report.sections if s.title == "Single Unified Safeguarding Reviews: cost recovery"]
    assert f"Commissioned by (Regional Safeguarding Board): {CASE}, {GWENT}." in section.paragraphs


def test_the_boards_alt_key_is_its_own(demo_store):
    """Alt+B: no other field of the case form, nor Save (S) or Revert (V), has B."""
    dhr.set_review_label(demo_store, SUSR)
    form = _presenter(demo_store, dhr.case_id_by_reference(demo_store, CASE)).edit_case_form()
    keys = [f.label[f.label.index("&") + 1].casefold() for f in form.fields if "&" in f.label]
    assert len(keys) == len(set(keys)) and "b" in keys and not {"s", "v"} & set(keys), keys
