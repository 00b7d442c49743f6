"""Costs > Reviews, round 25.

1. An invoice date (a cost line's, or the partners' invoices on Bill partners) or the date a refusal was re-split or
   carried, typed after today, was kept without a word: 01/10/2019 typed for 01/10/2018 put the invoices' due dates a
   year out (nothing overdue) and the re-split invoices a year ahead. A stage's date after today is asked about once;
   so are these now (an invoice may be raised ahead: Save again keeps it).
2. A split naming a partner that has left the partnership (or not yet joined it) was kept; billing then refused it.
   The split is checked against the statutory partners on the day it would be billed (today, as the Split grid and
   the Bill form show), naming the partner and the day.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.dhr import DhrError
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from tests.costs.test_new_case_then_cost_line import button, field, type_into
from tests.costs.test_partners_on_billing_date import ICB, ICB_NAME, ccgs_became_the_icb, costed_case
from tests.costs.test_dhr_share_equally_bills_equally_s73 import type_percentages_to_100
from tests.costs.test_search_choice_round22 import reviews_page

TODAY = date(2018, 9, 1)
BILLED = "WSCSP-DHR-2017-01"
UNDER_WAY = "WSCSP-DHR-2017-02"
PROBATION = "org:national-probation-service"


def presenter_on(store, reference: str, today: date = TODAY) -> DhrPresenter:
    p = DhrPresenter(store, today=lambda: today)
    p.reload()
    p.select(dhr.case_id_by_reference(store, reference))
    return p


# -- 1. dates after today -----------------------------------------------------------------------------------------

def test_a_cost_line_invoiced_after_today_is_asked_about_once(demo_store):
    p = presenter_on(demo_store, UNDER_WAY)
    form = p.cost_line_form()
    form.set_value("amount", "2000")
    form.set_value("invoiced_on", "01/10/2019")
    assert not form.save()
    said = form.message("invoiced_on")
    assert "01/10/2019 is after today (01/09/2018)" in said and "Save again" in said
    assert not dhr.cost_lines(demo_store, p.selected)
    assert form.save()  # raised ahead: kept
    assert [line["invoiced_on"] for line in dhr.cost_lines(demo_store, p.selected)] == ["2019-10-01"]


def test_a_cost_line_invoiced_after_today_already_kept_is_not_asked_again(demo_store):
    p = presenter_on(demo_store, UNDER_WAY)
    dhr.add_cost_line(demo_store, p.selected, category="Administration", amount="100", invoiced_on="01/10/2019")
    p.reload()
    form = p.edit_cost_line_form(dhr.cost_lines(demo_store, p.selected)[0])
    form.set_value("amount", "150")
    assert form.save()
    assert dhr.case_cost_pence(demo_store, p.selected) == 15000


def test_partners_invoiced_after_today_are_asked_about_once(demo_store):
    p = presenter_on(demo_store, UNDER_WAY)
    dhr.add_cost_line(demo_store, p.selected, category="Administration", amount="1100")
    form = p.bill_form()
    form.set_value("invoiced_on", "01/10/2019")
    assert not form.save()
    assert "01/10/2019 is after today (01/09/2018)" in form.message("invoiced_on")
    assert not dhr.list_shares(demo_store, today=TODAY, case_id=p.selected)
    # Then whose partners: on 01/10/2019 West Suffolk Council, not the two councils it replaced (asked once too).
    assert not form.save()
    assert "West Suffolk Council would be billed" in form.message("invoiced_on")
    assert form.save()
    shares = dhr.list_shares(demo_store, today=TODAY, case_id=p.selected)
    assert len(shares) == 10 and {s.invoiced_on for s in shares} == {date(2019, 10, 1)}


def test_a_refusal_re_split_after_today_is_asked_about_once(demo_store):
    p = presenter_on(demo_store, BILLED)
    refused = next(s for s in dhr.list_shares(demo_store, today=TODAY, case_id=p.selected)
                   if s.organisation_id == PROBATION and s.kind == "share")
    form = p.resolve_form(refused)
    form.set_value("on", "01/09/2019")
    assert not form.save()
    assert "01/09/2019 is after today (01/09/2018)" in form.message("on")
    assert not [s for s in dhr.list_shares(demo_store, today=TODAY, case_id=p.selected) if s.kind == "re-split"]
    assert form.save()
    assert len([s for s in dhr.list_shares(demo_store, today=TODAY, case_id=p.selected) if s.kind == "re-split"]) == 10


def test_today_and_earlier_invoice_dates_are_not_asked_about(demo_store):
    p = presenter_on(demo_store, UNDER_WAY)
    form = p.cost_line_form()
    form.set_value("amount", "2000")
    form.set_value("invoiced_on", "01/09/2018")
    assert form.save()
    form = p.bill_form()
    form.set_value("invoiced_on", "31/08/2018")
    assert form.save()


def test_the_bill_dialog_asks_beside_the_invoice_date(demo_window, qtbot):
    page = reviews_page(demo_window, qtbot, TODAY)
    case_id = dhr.case_id_by_reference(page.store, UNDER_WAY)
    dhr.add_cost_line(page.store, case_id, category="Administration", amount="1100")
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    page.presenter.select(case_id)
    dialog = page.bill_dialog()
    type_into(qtbot, field(dialog, "Invoice date"), "01/10/2019")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "after today" in dialog.form.message("invoiced_on")
    assert not dhr.list_shares(page.store, today=TODAY, case_id=case_id)
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "West Suffolk Council would be billed" in dialog.form.message("invoiced_on")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert len(dhr.list_shares(page.store, today=TODAY, case_id=case_id)) == 10


# -- 2. a split naming a partner not on the day ----------------------------------------------------------------------

NOW = date(2026, 11, 30)


@pytest.fixture
def changed(demo_store):
    ccgs_became_the_icb(demo_store)
    return demo_store


def test_a_split_giving_a_percentage_to_a_partner_that_has_left_is_refused_naming_it_and_the_day(changed):
    case_id = costed_case(changed)
    with pytest.raises(DhrError) as refused:
        dhr.set_split_rule(changed, case_id, "percentages", on=NOW,
                           percentages={"West Suffolk CCG": "50", "Suffolk County Council": "50"})
    said = str(refused.value)
    assert "West Suffolk CCG" in said and "30/11/2026" in said and "to 30/06/2022" in said
    assert dhr.split_rule(changed, case_id).kind == "equal"  # nothing kept


def test_a_capped_part_for_a_partner_not_yet_joined_is_refused_naming_it(changed):
    case_id = costed_case(changed)
    with pytest.raises(DhrError) as refused:
        dhr.set_split_rule(changed, case_id, "capped", cap_payer=ICB_NAME, on=date(2022, 6, 1))
    said = str(refused.value)
    assert ICB_NAME in said and "01/06/2022" in said and "from 01/07/2022" in said
    assert dhr.split_rule(changed, case_id).kind == "equal"


def test_a_split_among_the_partners_on_the_day_is_kept_and_billed_that_day(changed):
    case_id = costed_case(changed)
    dhr.set_split_rule(changed, case_id, "capped", cap_payer=ICB_NAME, cap_percent="50", on=NOW)
    shares = dhr.bill_partners(changed, case_id, invoiced_on=NOW)
    assert shares[ICB] > max(v for k, v in shares.items() if k != ICB) and sum(shares.values()) == 752558


def test_an_organisation_never_a_partner_is_refused_as_before(changed):
    case_id = costed_case(changed)
    with pytest.raises(DhrError, match="statutory partner"):
        dhr.set_split_rule(changed, case_id, "percentages", percentages={"Ipswich Borough Council": "100"}, on=NOW)


def test_the_split_grid_checks_the_split_on_its_own_day(changed):
    """The grid lists the partners on its day (15/06/2022: the CCGs, not the ICB) and Save checks against those."""
    costed_case(changed)
    split = presenter_on(changed, UNDER_WAY, date(2022, 6, 15)).split_form()
    assert "West Suffolk CCG" in {r.partner for r in split.rows()}
    split.set_kind("percentages")
    type_percentages_to_100(split)
    assert split.save(), split.form_message
    assert "org:west-suffolk-ccg" in dhr.split_rule(changed, split.case.id).percent_bp


# -- 3. a refusal re-split on the review's own terms -----------------------------------------------------------------

def test_a_re_split_is_due_on_the_terms_of_the_refused_invoice_not_thirty_days(demo_store):
    """Billed on 60 days' terms, a refusal re-split: its invoices were due in 30 days (overdue a month early)."""
    p = presenter_on(demo_store, UNDER_WAY)
    dhr.add_cost_line(demo_store, p.selected, category="Administration", amount="1100")
    dhr.bill_partners(demo_store, p.selected, invoiced_on="01/08/2018", due_days=60)
    share = next(s for s in dhr.list_shares(demo_store, today=TODAY, case_id=p.selected)
                 if s.organisation_id == PROBATION)
    dhr.refuse_share(demo_store, share.id, on="10/08/2018", reason="National policy")
    refused = next(s for s in dhr.list_shares(demo_store, today=TODAY, case_id=p.selected) if s.id == share.id)
    form = p.resolve_form(refused)
    assert form.value("due_days") == "60"  # the refused invoice's own terms
    assert form.save()
    parts = [s for s in dhr.list_shares(demo_store, today=TODAY, case_id=p.selected) if s.kind == "re-split"]
    assert len(parts) == 10 and {s.due_on for s in parts} == {date(2018, 10, 31)}  # 01/09/2018 + 60 days
    assert not any(s.overdue_pence for s in dhr.list_shares(demo_store, today=date(2018, 10, 15), case_id=p.selected)
                   if s.kind == "re-split")  # not overdue a fortnight into their terms


def test_the_re_split_days_to_pay_can_be_changed_and_must_be_whole(demo_store):
    p = presenter_on(demo_store, BILLED)
    refused = next(s for s in dhr.list_shares(demo_store, today=TODAY, case_id=p.selected) if s.status == "refused")
    form = p.resolve_form(refused)
    assert form.value("due_days") == "30"
    form.set_value("due_days", "14.5")
    assert not form.save() and "whole number" in form.message("due_days")
    form.set_value("due_days", "14")
    assert form.save()
    parts = [s for s in dhr.list_shares(demo_store, today=TODAY, case_id=p.selected) if s.kind == "re-split"]
    assert {s.due_on for s in parts} == {date(2018, 9, 15)}


def test_the_re_split_dialog_offers_days_to_pay(demo_window, qtbot):
    page = reviews_page(demo_window, qtbot, TODAY)
    page.presenter.select(dhr.case_id_by_reference(page.store, BILLED))
    refused = next(s for s in page.shown_details.shares if s.status == "refused")
    page.shares.choose_id(refused.id)
    dialog = page.resolve_dialog()
    type_into(qtbot, field(dialog, "Days to pay"), "45")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    parts = [s for s in dhr.list_shares(page.store, today=TODAY, case_id=refused.case_id) if s.kind == "re-split"]
    assert len(parts) == 10 and {s.due_on for s in parts} == {date(2018, 10, 16)}
