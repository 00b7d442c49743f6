"""New referral… on a new office's file (round 63). A Plymouth office named its district (`safer-desk office FILE
--district Plymouth --county Devon`), which put Devon's districts in the file. The coordinator's first referral opened
on East Devon, the first district by name and not the office's, and Save kept it: the victim was counted in East
Devon's spend. The form now opens on the office's own district (the list still holds every district, as a pooled fund
may take referrals from the whole county)."""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds
from safer_desk.services.reference import add_district, set_office_scope


def _plymouth(store) -> FundsPresenter:
    for name in ("East Devon", "Exeter", "Plymouth", "Torbay"):
        add_district(store, name)
    set_office_scope(store, districts=["Plymouth"])
    funds.add_fund(store, name="Plymouth Sanctuary Fund", starts_on="01/04/2026", ends_on="30/09/2027",
                   risk_levels="high")
    page = FundsPresenter(store, perform=ActionLog(), today=lambda: date(2026, 12, 6))
    page.reload()
    return page


def test_a_new_referral_opens_on_the_office_s_district(store):
    form = _plymouth(store).referral_form()
    assert form.value("district") == "Plymouth"
    form.set_value("reference", "PLY-2026-001")
    assert form.save(), form.errors
    assert [r["district"] for r in funds.list_referrals(store, funds.list_funds(store)[0].id)] == ["Plymouth"]


def test_every_district_is_still_offered(store):
    form = _plymouth(store).referral_form()
    offered = [value for value, _label in next(f for f in form.fields if f.key == "district").choices]
    assert offered == ["East Devon", "Exeter", "Plymouth", "Torbay"]


def test_a_file_with_no_office_named_opens_on_the_first_district(store):
    add_district(store, "Babergh")
    add_district(store, "Mid Suffolk")
    funds.add_fund(store, name="Pilot", starts_on="01/04/2026", ends_on="30/09/2027", risk_levels="high")
    page = FundsPresenter(store, perform=ActionLog(), today=lambda: date(2026, 12, 6))
    page.reload()
    assert page.referral_form().value("district") == "Babergh"


def test_the_window_s_new_referral_shows_the_office_s_district(window, qtbot, tmp_path):
    from safer_desk.storage.store import open_store
    from tests.costs.test_fund_forms_round30e import fund_page

    path = tmp_path / "plymouth.sqlite"
    new = open_store(path, create=True)
    _plymouth(new)
    new.close()
    page = fund_page(window, qtbot, path)
    page.today = date(2026, 12, 6)
    dialog = page.referral_dialog()
    assert dialog.view.widgets["district"].currentText() == "Plymouth"
    dialog.view.type_into("reference", "PLY-2026-001")
    assert dialog.apply(), dialog.message_text()
    assert [r["district"] for r in funds.list_referrals(window.session.store, page.fund_id)] == ["Plymouth"]
