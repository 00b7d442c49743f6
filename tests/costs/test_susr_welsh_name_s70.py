"""Session 70: a Single Unified Safeguarding Review's Welsh name beside the English.

The Welsh Government names a SUSR in Welsh Adolygiad Diogelu Unedig Sengl (ADUS) (llyw.cymru). With the reviews
called SUSRs, the Reviews page, the board report and the workbook named them in English only; they now say the Welsh
name beside it. A DHR's and a DARDR's words are unchanged (no Welsh name is held for them).
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.services import dhr
from safer_desk.services.county_workbook import dhr_sheet
from safer_desk.services.report import build_report
from tests.costs.test_costs_tab import settle, tab  # noqa: F401 - the fixtures

SUSR = "Single Unified Safeguarding Review"
WELSH = "In Welsh: Adolygiad Diogelu Unedig Sengl (ADUS)."
TODAY = date(2026, 12, 7)


def _reviews_section(store, label):
    report = build_report(store, today=TODAY)
    (section,) = [s for s in report.sections if s.title == f"{label}s: cost recovery"]
    return section


def test_the_report_and_workbook_say_a_susrs_welsh_name(demo_store):
    dhr.set_review_label(demo_store, SUSR)
    assert WELSH in _reviews_section(demo_store, SUSR).paragraphs
    assert WELSH in dhr_sheet(demo_store, TODAY).note


@pytest.mark.parametrize("label", ["Domestic Homicide Review", "Domestic Abuse Related Death Review"])
def test_a_dhr_and_a_dardr_say_no_welsh_name(demo_store, label):
    dhr.set_review_label(demo_store, label)
    assert not any("In Welsh" in p for p in _reviews_section(demo_store, label).paragraphs)
    assert "In Welsh" not in dhr_sheet(demo_store, TODAY).note


def test_the_reviews_page_says_it_under_the_name(tab, settle):  # noqa: F811
    assert WELSH not in tab.reviews.privacy_note.text()
    tab.reviews.label_combo.setCurrentText(SUSR)
    assert tab.reviews.privacy_note.text().startswith(
        "Single Unified Safeguarding Reviews are recorded by reference only — never a victim's name. " + WELSH)
    tab.window().session.undo_stack.undo()
    assert WELSH not in tab.reviews.privacy_note.text()
