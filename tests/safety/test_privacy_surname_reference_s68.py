"""s68, privacy: a reference that is a surname alone ("Okonkwo-2026") was saved without a word.

The name detector needs two words to call something a name, so a review's or a fund referral's reference made of a
victim's surname and a number went through, and travelled to the county with every export. Nothing in its shape tells
"Okonkwo-2026" from a town's code ("Lowestoft-TH-01"), so it is asked about, not refused: the form says so beside the
reference, and Save again keeps it. A code's own letters ("BAB-2025-001", "WSCSP-DHR-2017-01", "TH-PSEUDO-0001"),
a district's or county's name ("Ipswich-TH-01", "FOREST-HEATH-DHR-2025-01") are not asked about, and a reference
refused anyway ("Jane-Smith-01") is refused, not asked about first."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.privacy import surname_alone
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import dhr, funds

SURNAMES = {"Okonkwo-2026": "Okonkwo", "OKONKWO-2026": "OKONKWO", "Ali-2019": "Ali", "okonkwo-2026-01": "okonkwo",
            "TH-2018-Okonkwo": "Okonkwo", "DHR/2026/O'Brien": "O'Brien"}
CODES = ["WSCSP-DHR-2017-01", "TH-2018-001", "BAB-2025-001", "PLY-DHR-2025-01", "GLOS-DHR-2019-01", "JOINT-DHR-2025-09",
         "TH-PSEUDO-0001", "FOREST-HEATH-DHR-2025-01", "Ipswich-TH-01", "MSDC-DHR1-01", "TH-BAB-2018-02",
         "REF-2026-01", "Suffolk-A-2019", "DHR 2017/01", "TH-2018-016", "DARDR-2026-01", "THAMES-VALLEY-2022-01"]


@pytest.mark.parametrize("reference,word", SURNAMES.items())
def test_a_surname_alone_in_a_reference_is_found(reference, word):
    assert surname_alone(reference) == word


@pytest.mark.parametrize("reference", CODES)
def test_a_codes_own_words_are_not_taken_for_a_surname(reference):
    assert surname_alone(reference) is None


def test_the_services_ask_and_never_refuse():
    [said] = dhr.reference_warnings("Okonkwo-2026")
    assert said.startswith("Reference: “Okonkwo” may be a surname.") and "never a victim's name" in said
    assert funds.reference_warnings("OKONKWO-2026") and not funds.reference_warnings("TH-2018-001")
    # refused anyway, by the refusal's own words: not asked about first
    assert dhr.reference_warnings("Jane-Smith-01") == [] and funds.reference_warnings("SARAH-01") == []


def test_a_new_review_with_a_surname_for_a_reference_is_asked_about_once(demo_store):
    reviews = DhrPresenter(demo_store, perform=ActionLog(), today=lambda: date(2026, 9, 1))
    reviews.reload()
    form = reviews.new_case_form()
    form.set_value("reference", "Okonkwo-2026")
    form.set_value("district", "Babergh")
    assert not form.save() and "“Okonkwo” may be a surname" in form.message("reference")
    assert dhr.case_id_by_reference(demo_store, "Okonkwo-2026") is None  # nothing written yet
    assert form.save()  # the officer can go on: Save again keeps it
    assert reviews.selected_case.reference == "Okonkwo-2026"
    edit = reviews.edit_case_form()
    edit.set_value("notes", "Panel arranged")
    assert edit.save()  # the reference as kept is not asked about again


def test_a_referral_with_a_surname_for_a_reference_is_asked_about_once(demo_store):
    page = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: date(2018, 7, 3))
    page.reload()
    form = page.referral_form()
    form.set_value("reference", "OKONKWO-2026")
    assert not form.save() and "“OKONKWO” may be a surname" in form.message("reference")
    assert form.save()
    fund = funds.list_funds(demo_store)[0]
    assert any(r["reference"] == "OKONKWO-2026" for r in funds.list_referrals(demo_store, fund.id))
    plain = page.referral_form()
    plain.set_value("reference", "TH-2018-097")
    assert plain.save()  # a code is saved at once


def test_the_export_says_which_references_may_be_surnames_on_the_command_line_and_in_words_for_the_window(
        demo_path, tmp_path, capsys):
    """Asked about when typed, kept: the export still carries it to the county, so `safer-desk export` (and the
    window's Export for County, which says the same words) names it again; the demo's codes are not named."""
    from safer_desk.services.county import export_surname_words
    from safer_desk.storage.store import open_store
    from tests.cli_run import run

    store = open_store(demo_path)
    try:
        assert export_surname_words(store, include_referrals=True) == ""
        dhr.add_case(store, reference="Okonkwo-2026")
        said = export_surname_words(store)
    finally:
        store.close()
    assert said == ("The export carries 1 reference with a word that may be a surname (review Okonkwo-2026). A "
                    "reference is a code, never a victim's name: if one is a name, change it and export again.")
    code, out, err = run(capsys, "export", demo_path, tmp_path / "county.sqlite")
    assert code == 0 and "wrote" in out
    assert f"safer-desk: warning: {said}" in err


def test_the_windows_export_says_the_same_words(demo_window, qtbot, prompts, tmp_path):
    from safer_desk.services.county import export_surname_words
    from safer_desk.ui.exchange.dialogs import start_export

    store = demo_window.session.store
    dhr.add_case(store, reference="OKONKWO-2026")
    said = export_surname_words(store)
    assert "review OKONKWO-2026" in said
    start_export(demo_window.session, tmp_path / "for county.sqlite", False, demo_window)
    qtbot.waitUntil(lambda: bool(prompts.errors or prompts.infos), timeout=20000)
    title, text = prompts.infos[-1]
    assert title == "Export for County" and text.endswith(said), text
