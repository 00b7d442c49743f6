"""Deleting a contribution the fund's spend already relies on (round 63). A Plymouth coordinator deleted NHS Devon's
£1,500.50, received in July after spend began, and was asked only "Delete the contribution of £1,500.50 from NHS
Devon?", where deleting a referral says what it does to the fund. Saying yes left £5,000 contributed against £5,500
spent: the fund overspent by £500 with no word before. The question now says so when the contributions left are less
than the spend; otherwise it is as before."""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds
from safer_desk.services.reference import add_district, add_organisation


def _fund(store) -> FundsPresenter:
    add_district(store, "Plymouth")
    for name in ("Plymouth City Council", "NHS Devon"):
        add_organisation(store, name)
    fund_id = funds.add_fund(store, name="Plymouth Sanctuary Fund", starts_on="01/04/2026", ends_on="30/09/2027",
                             risk_levels="high")
    funds.add_contribution(store, fund_id, organisation="Plymouth City Council", amount="5,000",
                           received_on="01/04/2026")
    funds.add_contribution(store, fund_id, organisation="NHS Devon", amount="1,500.50", received_on="15/07/2026")
    funds.save_item(store, "Door lock", usual_price="95", supplier=None)
    referral = funds.add_referral(store, fund_id, reference="PLY-2026-001", district="Plymouth",
                                  referred_on="05/04/2026", risk_level="high", at_marac="yes", idva_assigned="yes",
                                  perpetrator_resident="no")
    funds.add_spend_line(store, referral, spent_on="06/04/2026", item="Door lock", amount="5,500")
    page = FundsPresenter(store, perform=ActionLog(), today=lambda: date(2026, 12, 6))
    page.reload()
    return page


def _given(page, who: str) -> dict:
    return next(c for c in page.data.contributions if c["organisation"] == who)


def test_the_question_says_the_spend_would_be_past_what_is_left(store):
    page = _fund(store)
    assert page.delete_contribution_question(_given(page, "NHS Devon")) == (
        "Delete the contribution of £1,500.50 from NHS Devon? It leaves £5,000 contributed to Plymouth Sanctuary "
        "Fund, £500 less than the £5,500 already spent from it.")


def test_a_contribution_the_spend_does_not_need_is_asked_as_before(store):
    page = _fund(store)
    funds.add_contribution(store, page.fund.id, organisation="NHS Devon", amount="2,000", received_on="01/08/2026")
    page.reload()
    given = next(c for c in page.data.contributions if c["amount_pence"] == 200000)
    assert page.delete_contribution_question(given) == "Delete the contribution of £2,000 from NHS Devon?"


def test_the_window_asks_it(window, qtbot, tmp_path, monkeypatch):
    from safer_desk.storage.store import open_store
    from safer_desk.ui import prompts
    from tests.costs.test_fund_forms_round30e import fund_page

    path = tmp_path / "plymouth.sqlite"
    new = open_store(path, create=True)
    _fund(new)
    new.close()
    page = fund_page(window, qtbot, path)
    page.today = date(2026, 12, 6)
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    page.select_table("Contributions")
    view = page.contributions.view
    row = next(r for r in range(view.model().rowCount()) if view.model().index(r, 0).data() == "NHS Devon")
    view.setCurrentIndex(view.model().index(row, 0))
    asked = []
    monkeypatch.setattr(prompts, "ask", lambda _parent, _title, question, **_kw: asked.append(question) or False)
    page.delete_contribution()
    assert asked == ["Delete the contribution of £1,500.50 from NHS Devon? It leaves £5,000 contributed to Plymouth "
                     "Sanctuary Fund, £500 less than the £5,500 already spent from it."]
    assert len(funds.contributions(window.session.store, page.fund_id)) == 2


def test_correcting_a_contribution_below_the_spend_is_asked_once(store):
    """The same money taken away by Edit contribution… (£5,000 corrected to £500) is said beside the amount, and
    Save again keeps it; a correction that leaves the spend covered, or a note, saves at once."""
    page = _fund(store)
    form = page.edit_contribution_form(_given(page, "Plymouth City Council"))
    form.set_value("amount", "500")
    assert not form.save()
    assert form.message("amount") == (
        "Saving £500 leaves £2,000.50 contributed to Plymouth Sanctuary Fund, £3,499.50 less than the £5,500 already "
        "spent from it. Save again to keep it as it is.")
    assert form.save(), form.errors
    assert {c["organisation"]: c["amount_pence"] for c in funds.contributions(store, page.fund.id)} == {
        "Plymouth City Council": 50000, "NHS Devon": 150050}
    page.reload()
    again = page.edit_contribution_form(_given(page, "NHS Devon"))
    again.set_value("note", "top-up")
    assert again.save(), again.errors
    page.reload()
    covered = page.edit_contribution_form(_given(page, "Plymouth City Council"))
    covered.set_value("amount", "4,000")
    assert covered.save(), covered.errors
