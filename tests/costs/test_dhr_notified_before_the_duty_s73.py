"""Costs > Reviews > New case / Edit case: a review notified before 13/04/2011, when the duty to hold Domestic Homicide
Reviews began (s9 Domestic Violence, Crime and Victims Act 2004), was taken without a word (session 73). "01/03/2011"
typed for 01/03/2021 (a slip of the year) made a 2021 review a 2011 one: its stage due dates ten years overdue, its
partners those of 2011. The date is now asked about once beside it, as other dates out of place are; Save again
keeps it (a review held before the duty, of the office's own accord). A SUSR's date is asked about before
01/10/2024, when SUSRs began in Wales.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from safer_desk.domain import dhr as rules
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr

TODAY = date(2026, 12, 7)


def _new_case(store, notified: str, today: date = TODAY):
    p = DhrPresenter(store, today=lambda: today)
    p.reload()
    form = p.new_case_form()
    form.set_value("reference", "WSCSP-DHR-2021-04")
    form.set_value("district", "Babergh")
    form.set_value("notified_on", notified)
    return p, form


def test_a_notification_before_the_duty_began_is_asked_about_once(demo_store):
    p, form = _new_case(demo_store, "01/03/2011", today=date(2021, 6, 1))  # ten years back: no far-year question
    assert not form.save()
    said = form.message("notified_on")
    assert said.startswith("01/03/2011 is before 13/04/2011, when the duty to hold Domestic Homicide Reviews "
                           "began"), said
    assert dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2021-04") is None
    assert form.save(), form.form_message  # asked once: Save again keeps it
    assert dhr.case_record(demo_store, dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2021-04"))[
        "notified_on"] == "2011-03-01"


def test_the_first_day_of_the_duty_is_not_asked_about(demo_store):
    p, form = _new_case(demo_store, "13/04/2011", today=date(2018, 9, 1))
    assert form.save(), form.message("notified_on")


def test_the_question_is_asked_in_place_of_the_far_year_one_not_after_it(demo_store):
    p, form = _new_case(demo_store, "01/03/2009")  # in 2026, more than ten years back as well
    assert not form.save()
    assert "when the duty to hold Domestic Homicide Reviews began" in form.message("notified_on")
    assert "years from the year in view" not in form.message("notified_on")
    assert form.save(), form.message("notified_on")  # once


def test_edit_case_asks_only_when_the_date_is_changed_to_one_before(demo_store):
    p, form = _new_case(demo_store, "01/03/2011", today=date(2021, 6, 1))
    assert not form.save() and form.save()
    p.select(dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2021-04"))
    edit = p.edit_case_form()
    edit.set_value("notes", "Panel arranged")
    assert edit.save(), edit.message("notified_on")  # the date kept: not asked again
    edit = p.edit_case_form()
    edit.set_value("notified_on", "28/02/2011")
    assert not edit.save() and "13/04/2011" in edit.message("notified_on")


@given(st.dates(date(1990, 1, 1), date(2030, 12, 31)), st.sampled_from(rules.LABELS))
def test_a_day_is_asked_about_only_before_the_reviews_began(day, label):
    began = rules.reviews_began(label)
    said = rules.before_reviews_began_words(day, label)
    assert bool(said) == (day < began)
    if said:
        assert began.strftime("%d/%m/%Y") in said
