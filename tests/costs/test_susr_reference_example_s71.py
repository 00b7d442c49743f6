"""Session 71: a SUSR's New case form gives a SUSR's reference as its example, not a Suffolk DHR's.

With the reviews called Single Unified Safeguarding Reviews, a Welsh officer's New case form said "Use a reference,
never the victim's name: a form like WSCSP-DHR-2019-01." and showed "e.g. WSCSP-DHR-2019-01" in Reference, the
code of a Suffolk Domestic Homicide Review. It now gives a SUSR's ("CV-SUSR-2025-01", as the guide's example); a
DHR's form reads as before.
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr

SUSR = "Single Unified Safeguarding Review"


def _form(store):
    presenter = DhrPresenter(store, perform=ActionLog(), today=lambda: date(2026, 12, 7))
    presenter.reload()
    return presenter.new_case_form()


def _reference_words(form) -> str:
    (field,) = [f for f in form.fields if f.key == "reference"]
    return " ".join([form.heading, field.placeholder, field.help])


def test_a_susrs_form_gives_a_susrs_reference(demo_store):
    dhr.set_review_label(demo_store, SUSR)
    said = _reference_words(_form(demo_store))
    assert "DHR" not in said, said
    assert "a form like CV-SUSR-2025-01" in said and "e.g. CV-SUSR-2025-01" in said, said


def test_a_dhrs_form_reads_as_before(demo_store):
    said = _reference_words(_form(demo_store))
    assert "a form like WSCSP-DHR-2019-01" in said and "e.g. WSCSP-DHR-2019-01" in said, said
