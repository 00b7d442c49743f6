"""Session 70: Edit case for a Single Unified Safeguarding Review names its stage dates as its stages are named.

With the reviews called SUSRs, the Stages read "Welsh Government notified of the review" and "Report sent for
quality assurance", but Edit case still asked for "Home Office told", "Report to the QA Panel" and "QA Panel letter",
and queried a letter dated before the report as "before the report went to the QA Panel". It now asks for Referred,
Welsh Government told (Alt+G), Report sent for QA and QA letter, and its questions say so; a DHR's form is unchanged.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr

SUSR = "Single Unified Safeguarding Review"
TODAY = date(2026, 12, 7)
CASE = "WSCSP-DHR-2017-01"  # notified 06/03/2017, its report went for quality assurance on 28/03/2018


def _form(store):
    presenter = DhrPresenter(store, perform=ActionLog(), today=lambda: TODAY)
    presenter.reload()
    presenter.select(dhr.case_id_by_reference(store, CASE))
    return presenter.edit_case_form()


def _dates(form) -> list[str]:
    return [f.label for f in form.fields if f.key in dhr.CASE_DATE_FIELDS]


def test_a_susrs_case_form_names_its_stage_dates(demo_store):
    dhr.set_review_label(demo_store, SUSR)
    labels = _dates(_form(demo_store))
    assert labels == ["Re&ferred", "Decision da&te", "Welsh &Government told", "Cha&ir appointed",
                      "Report sent for &QA", "QA l&etter", "P&ublished", "Learning &workshop"]
    assert not any("Home Office" in label or "Panel" in label for label in labels)
    keys = [f.label[f.label.index("&") + 1].casefold() for f in _form(demo_store).fields if "&" in f.label]
    assert len(keys) == len(set(keys)), keys


def test_a_dhrs_case_form_is_unchanged(demo_store):
    assert _dates(_form(demo_store)) == ["N&otified", "Decision da&te", "&Home Office told", "Cha&ir appointed",
                                         "Report to the &QA Panel", "QA Pan&el letter", "P&ublished",
                                         "Learning &workshop"]


def test_a_susrs_date_questions_say_its_stages(demo_store):
    dhr.set_review_label(demo_store, SUSR)
    form = _form(demo_store)
    form.set_value("home_office_told_on", "03/04/2016")
    form.set_value("qa_letter_on", "01/03/2018")
    assert not form.save()
    assert form.message("home_office_told_on").startswith(
        "03/04/2016 is before it was referred to the Regional Safeguarding Board (06/03/2017).")
    assert form.message("qa_letter_on").startswith(
        "01/03/2018 is before the report was sent for quality assurance (28/03/2018).")


def test_a_susrs_date_refusal_names_the_field_as_the_form_does(demo_store):
    dhr.set_review_label(demo_store, SUSR)
    with pytest.raises(dhr.DhrError, match="^Welsh Government told"):
        dhr.update_case(demo_store, dhr.case_id_by_reference(demo_store, CASE), home_office_told_on="31/02/2017")


def test_a_susrs_cost_dated_before_its_referral_is_asked_about_in_its_words(demo_store):
    """A cost line invoiced before the review's first stage was asked about as "before the death was notified",
    though a SUSR's first stage is its referral to the Regional Safeguarding Board."""
    dhr.set_review_label(demo_store, SUSR)
    presenter = DhrPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    presenter.reload()
    presenter.select(dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-02"))  # notified 13/11/2017
    form = presenter.cost_line_form()
    form.set_value("invoiced_on", "13/11/2016")
    form.set_value("amount", "2,450.00")
    assert not form.save()
    assert form.message("invoiced_on").startswith(
        "13/11/2016 is before it was referred to the Regional Safeguarding Board (13/11/2017).")


def test_the_workbook_heads_a_susrs_first_date_as_its_referral(demo_store):
    from safer_desk.services.county_workbook import dhr_sheet

    assert "Notified" in [c.title for c in dhr_sheet(demo_store, TODAY).columns]
    dhr.set_review_label(demo_store, SUSR)
    titles = [c.title for c in dhr_sheet(demo_store, TODAY).columns]
    assert "Referred" in titles and "Notified" not in titles
