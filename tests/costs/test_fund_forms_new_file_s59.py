"""The fund forms on a new office file with no partners or districts yet (round 59). A coordinator starting a pot
in a new file pressed Contribution…: the Contributor box was empty, and Save said only "This field is needed."; New
referral… the same under District. Neither said where a partner or a district is added, as Spend line… says where a
catalogue item is (round 30). Each now says so in the dialog, and again beside the empty box on Save."""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import NO_DISTRICTS, NO_PARTNERS, FundsPresenter
from safer_desk.services import funds
from safer_desk.services.reference import add_district, add_organisation


def _page(store) -> FundsPresenter:
    funds.add_fund(store, name="New pot", starts_on="01/04/2025", ends_on="31/03/2026", risk_levels="high")
    page = FundsPresenter(store, perform=ActionLog(), today=lambda: date(2025, 6, 1))
    page.reload()
    return page


def test_a_contribution_with_no_partner_in_the_file_says_where_to_add_one(store):
    form = _page(store).contribution_form()
    assert NO_PARTNERS in form.note
    form.set_value("amount", "1,000")
    assert not form.save()
    assert form.errors["organisation"] == NO_PARTNERS
    assert NO_PARTNERS == ("The file has no partners yet: add the contributor in View > Districts, Partnerships and "
                           "Partners… first.")


def test_a_referral_with_no_district_in_the_file_says_where_to_add_one(store):
    form = _page(store).referral_form()
    assert NO_DISTRICTS in form.note and "This fund accepts:" in form.note
    form.set_value("reference", "NP-2025-001")
    assert not form.save()
    assert form.errors["district"] == NO_DISTRICTS


def test_with_partners_and_districts_nothing_more_is_said(store):
    add_organisation(store, "Babergh District Council", "district")
    add_district(store, "Babergh")
    page = _page(store)
    contribution, referral = page.contribution_form(), page.referral_form()
    assert NO_PARTNERS not in contribution.note and NO_DISTRICTS not in referral.note
    contribution.set_value("amount", "1,000")
    assert contribution.save(), contribution.errors
    referral.set_value("reference", "NP-2025-001")
    assert referral.save(), referral.errors


def test_the_window_says_where_to_add_a_partner(window, qtbot, tmp_path):
    from safer_desk.storage.store import open_store
    from tests.costs.test_fund_forms_round30e import fund_page

    path = tmp_path / "office.sqlite"
    new = open_store(path, create=True)
    funds.add_fund(new, name="New pot", starts_on="01/04/2025", ends_on="31/03/2026", risk_levels="high")
    new.close()
    page = fund_page(window, qtbot, path)
    dialog = page.contribution_dialog()
    assert NO_PARTNERS in dialog.form.note
    dialog.view.type_into("amount", "1,000")
    assert not dialog.apply()
    assert dialog.message_text() == NO_PARTNERS
    assert funds.contributions(window.session.store, page.fund_id) == []
