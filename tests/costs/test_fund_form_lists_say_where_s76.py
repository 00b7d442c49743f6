"""A pooled fund's forms on a new, empty file: each box with nothing to choose (Contributor, District, Referral,
Item) was an empty list with no word; as a review's form does (round s7x, presenters/dhr.py), it now says where its
names come from, and choosing it still saves nothing (the form's own refusal says where to add one)."""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import NO_DISTRICTS, NO_ITEMS, NO_PARTNERS, FundsPresenter
from safer_desk.services import funds
from safer_desk.services.reference import add_district, add_organisation


def _page(store) -> FundsPresenter:
    funds.add_fund(store, name="New pot", starts_on="01/04/2025", ends_on="31/03/2026", risk_levels="high")
    page = FundsPresenter(store, perform=ActionLog(), today=lambda: date(2025, 6, 1))
    page.reload()
    return page


def _box(form, key: str) -> tuple[tuple[str, str], ...]:
    return next(f for f in form.fields if f.key == key).choices


def test_each_empty_box_says_where_its_names_come_from(store):
    page = _page(store)
    assert _box(page.contribution_form(), "organisation") == (
        ("", "(none yet: add one in View > Districts, Partnerships and Partners…)"),)
    assert _box(page.referral_form(), "district") == (
        ("", "(none yet: tick the office's districts in File > Office Details…)"),)
    spend = page.spend_form()
    assert _box(spend, "referral") == (("", "(none yet: add one with New referral…)"),)
    assert _box(spend, "item") == (("", "(none yet: add one with More > Catalogue item…)"),)


def test_the_word_is_no_choice_saving_still_refused_saying_where(store):
    page = _page(store)
    form = page.contribution_form()
    form.set_value("amount", "1,000")
    assert not form.save()
    assert form.errors["organisation"] == NO_PARTNERS
    referral = page.referral_form()
    referral.set_value("reference", "NP-2025-001")
    assert not referral.save()
    assert referral.errors["district"] == NO_DISTRICTS
    assert "File > Office Details…" in NO_DISTRICTS  # the box's words and the refusal's agree
    assert "More > Catalogue item…" in NO_ITEMS


def test_with_names_held_the_boxes_list_them_alone(store):
    add_organisation(store, "Babergh District Council", "district")
    add_district(store, "Babergh")
    page = _page(store)
    assert _box(page.contribution_form(), "organisation") == (("Babergh District Council",) * 2,)
    assert _box(page.referral_form(), "district") == (("Babergh", "Babergh"),)


def test_the_window_box_shows_where(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QComboBox

    from safer_desk.storage.store import open_store
    from tests.costs.test_fund_forms_round30e import fund_page

    path = tmp_path / "office.sqlite"
    new = open_store(path, create=True)
    funds.add_fund(new, name="New pot", starts_on="01/04/2025", ends_on="31/03/2026", risk_levels="high")
    new.close()
    page = fund_page(window, qtbot, path)
    dialog = page.contribution_dialog()
    box = dialog.view.widgets["organisation"]
    assert isinstance(box, QComboBox)
    assert box.currentText() == "(none yet: add one in View > Districts, Partnerships and Partners…)"
    dialog.view.type_into("amount", "1,000")
    assert not dialog.apply()
    assert dialog.message_text() == NO_PARTNERS
    assert funds.contributions(window.session.store, page.fund_id) == []
