"""A reference typed with a superscript figure ("WSCSP-DHR-2026-0²", AltGr+2 on some keyboards) was refused with
Python's own words, "Not saved: invalid literal for int() with base 10: '²'", by the New case and New referral forms
(session 58's hunt of the Costs tab): the check that a reference is not one already recorded read "²" as a number.
It is now kept as written, as a letter is, and the reference is checked as any other."""

from __future__ import annotations

from datetime import date

from safer_desk.domain import dhr as rules
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import dhr, funds


def test_the_reference_key_keeps_a_superscript_as_written():
    assert rules.reference_key("WSCSP-DHR-2026-0²") == "wscspdhr#2026#0²"
    assert rules.reference_key("WSCSP-DHR-2026-0²") != rules.reference_key("WSCSP-DHR-2026-02")


def test_a_new_case_with_a_superscript_is_saved_not_refused_in_pythons_words(demo_store):
    reviews = DhrPresenter(demo_store, perform=ActionLog(), today=lambda: date(2026, 3, 1))
    reviews.reload()
    form = reviews.new_case_form()
    form.set_value("reference", "WSCSP-DHR-2026-0²")
    assert form.save(), form.form_message
    assert dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2026-0²")


def test_a_referral_with_a_superscript_is_checked_as_any_other(demo_store):
    page = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: date(2019, 3, 1))
    page.reload()
    form = page.referral_form()
    form.set_value("reference", "TH-2019-1³")
    form.save()
    assert "invalid literal" not in form.form_message, form.form_message
    fund = funds.list_funds(demo_store)[0]
    assert funds.referral_id_by_reference(demo_store, fund.id, "TH-2019-1³")
