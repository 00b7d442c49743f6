"""The Costs presenters without a window: selection, forms named for their record, unsaved edits,
actions and undo, the split grid (behaviour 9), looking never writes, today read when used."""

from datetime import date, timedelta

import pytest

from safer_desk.domain.money import format_money
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.costs import CostsPresenter, tie_to_field
from safer_desk.presenters.dhr import DhrPresenter, RefusalHandling, SplitKind, SplitPresenter, ledger_sheets
from safer_desk.presenters.forms import Field, FieldKind
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.services import dhr, funds
from tests.costs.test_dhr_share_equally_bills_equally_s73 import type_percentages_to_100

TODAY = date(2018, 9, 1)
BILLED = "WSCSP-DHR-2017-01"


@pytest.fixture
def log():
    return ActionLog()


@pytest.fixture
def reviews(demo_store, log):
    p = DhrPresenter(demo_store, perform=log, today=lambda: TODAY)
    p.reload()
    return p


@pytest.fixture
def fund_page(demo_store, log):
    p = FundsPresenter(demo_store, perform=log, today=lambda: date(2018, 7, 3))
    p.reload()
    return p


def case_id(store, reference):
    return dhr.case_id_by_reference(store, reference)


def version(store):
    return store.scalar("PRAGMA data_version"), store.conn.total_changes


# -- 1. a record just created is selected and shown; dialogs name their record -----------------------

def test_first_shown_is_the_case_with_most_money_at_stake(reviews):
    assert reviews.selected_case.reference == BILLED


def test_a_new_case_is_selected_so_its_cost_line_goes_to_it(reviews, demo_store, log):
    form = reviews.new_case_form()
    assert reviews.editor is form and form.title == "New domestic homicide review"
    assert "not saved yet" in form.heading
    form.set_value("reference", "WSCSP-DHR-2026-07")
    form.set_value("district", "Babergh")
    assert case_id(demo_store, "WSCSP-DHR-2026-07") is None  # nothing written before Save
    assert form.save()
    assert reviews.editor is None
    assert reviews.selected_case.reference == "WSCSP-DHR-2026-07"  # selected and shown
    line = reviews.cost_line_form()
    assert line.title == "Cost line for WSCSP-DHR-2026-07" and line.heading.startswith("Cost line for WSCSP-DHR-2026-07")
    line.set_value("amount", "2000")
    assert line.save()
    assert dhr.case_cost_pence(demo_store, case_id(demo_store, BILLED)) == 752558  # the billed review untouched
    assert dhr.case_cost_pence(demo_store, case_id(demo_store, "WSCSP-DHR-2026-07")) == 200000
    assert log.undo_text == "Undo add £2,000 cost line to WSCSP-DHR-2026-07"
    assert log.done[-1].tab == "costs"
    log.undo()
    assert dhr.case_cost_pence(demo_store, case_id(demo_store, "WSCSP-DHR-2026-07")) == 0
    assert reviews.selected_case.reference == "WSCSP-DHR-2026-07"  # undo shows the case it changed
    log.redo()
    assert dhr.case_cost_pence(demo_store, case_id(demo_store, "WSCSP-DHR-2026-07")) == 200000
    log.undo()
    log.undo()  # the case itself
    assert case_id(demo_store, "WSCSP-DHR-2026-07") is None and reviews.selected is None


def test_every_form_names_the_case_it_changes(reviews):
    share = next(s for s in reviews.details().shares if s.partner == "Suffolk County Council")
    refused = next(s for s in reviews.details().shares if s.status == "refused")
    titles = [reviews.edit_case_form().title, reviews.cost_line_form().title, reviews.panel_meeting_form().title,
              reviews.recommendation_form().title, reviews.bill_form().title, reviews.payment_form(share).title,
              reviews.refuse_form(share).title, reviews.write_off_form(share).title,
              reviews.resolve_form(refused).title, reviews.split_form().title]
    assert all(BILLED in t for t in titles), titles
    assert reviews.payment_form(share).title == f"Payment from Suffolk County Council for {BILLED}"


def test_no_case_selected_says_so(reviews):
    reviews.select(None)
    with pytest.raises(LookupError, match="Select a case"):
        reviews.cost_line_form()


# -- refusals beside their field; a likely slip asked once ------------------------------------------

def test_a_refusal_sits_beside_its_field_and_nothing_is_written(reviews, demo_store, log):
    form = reviews.new_case_form()
    form.set_value("reference", "Jane Smith")
    before = version(demo_store)
    assert not form.save()
    assert form.message("reference").startswith("“Jane Smith” looks like a person's name")
    assert version(demo_store) == before and log.done == []
    share = next(s for s in reviews.details().shares if s.partner == "Suffolk County Council")
    pay = reviews.payment_form(share)
    assert pay.value("amount") == "£284.14"
    pay.set_value("amount", "£300")
    assert not pay.save()
    assert pay.message("amount").startswith("£300 is more than the £284.14 outstanding on this share.")


def test_tie_to_field_by_label_or_quoted_value():
    fields = [Field("amount", "A&mount", FieldKind.MONEY), Field("reference", "&Reference")]
    assert tie_to_field("Amount: the amount must be more than £0.", fields, {}) == {
        "amount": "Amount: the amount must be more than £0."}
    assert tie_to_field("“Jo Bloggs” looks like a name", fields, {"reference": "Jo Bloggs"}) == {
        "reference": "“Jo Bloggs” looks like a name"}
    assert tie_to_field("The partners have already been billed.", fields, {}) == {}


def test_a_supplier_like_a_name_is_asked_once_then_kept(reviews, demo_store):
    form = reviews.cost_line_form()
    form.set_value("amount", "100")
    form.set_value("supplier", "Jane Smith")
    assert not form.save() and "Save again" in form.message("supplier")
    assert form.save()


def test_a_date_far_from_today_is_queried_beside_it(reviews):
    form = reviews.panel_meeting_form()
    form.set_value("met_on", "01/04/1918")
    assert not form.save() and "Save again" in form.message("met_on")


# -- 2. unsaved edits are guarded -------------------------------------------------------------------------

def test_leaving_with_an_unsaved_form_asks(reviews, fund_page, demo_store):
    costs = CostsPresenter(lambda: [reviews, fund_page])
    form = reviews.cost_line_form()
    assert not costs.has_unsaved_changes()  # opened, nothing typed: nothing to lose
    form.set_value("amount", "150")
    assert costs.has_unsaved_changes()
    assert costs.describe_unsaved() == f"Cost line for {BILLED} has not been saved."
    asked = []
    assert not costs.may_leave(lambda text: asked.append(text) or UnsavedChoice.CANCEL)
    assert asked and reviews.editor is form
    assert costs.may_leave(lambda text: UnsavedChoice.SAVE)
    assert dhr.case_cost_pence(demo_store, case_id(demo_store, BILLED)) == 752558 + 15000
    form = reviews.cost_line_form()
    form.set_value("amount", "99")
    assert costs.may_leave(lambda text: UnsavedChoice.DISCARD)
    assert reviews.editor is None and not costs.has_unsaved_changes()
    assert dhr.case_cost_pence(demo_store, case_id(demo_store, BILLED)) == 752558 + 15000
    form = fund_page.contribution_form()
    form.set_value("amount", "ten")
    assert costs.has_unsaved_changes() and "Contribution to" in costs.describe_unsaved()
    assert costs.save() is False  # not an amount: Save refuses, the edit stays
    costs.discard()
    assert not costs.has_unsaved_changes()


# -- 8. looking never writes; today read when used ----------------------------------------------------

def test_opening_every_form_writes_nothing(reviews, fund_page, demo_store):
    before = version(demo_store)
    owing = next(s for s in reviews.details().shares if s.outstanding_pence)  # Payment… on a paid one opens nothing
    refused = next(s for s in reviews.details().shares if s.status == "refused")  # nor Re-split… on one not refused
    for make in (reviews.new_case_form, reviews.edit_case_form, reviews.cost_line_form, reviews.panel_meeting_form,
                 reviews.recommendation_form, reviews.stage_rule_form, reviews.bill_form, reviews.split_form,
                 lambda: reviews.payment_form(owing), lambda: reviews.refuse_form(owing),
                 lambda: reviews.resolve_form(refused), fund_page.new_fund_form, fund_page.edit_fund_form,
                 fund_page.contribution_form, fund_page.referral_form, fund_page.spend_form, fund_page.item_form):
        form = make()
        form.discard()
        reviews.close_form()
        fund_page.close_form()
    assert version(demo_store) == before


def test_today_is_read_when_used(demo_store):
    days = iter([date(2018, 9, 1), date(2030, 1, 1)])
    p = DhrPresenter(demo_store, today=lambda: next(days))
    p.reload()
    overdue = {c.reference: c.overdue_items for c in p.rows}
    p.reload()
    assert sum(c.overdue_items for c in p.rows) > sum(overdue.values())  # later day, more overdue


# -- 9. the split: a grid of partners, a live total, a preview adding up exactly -----------------------

def test_split_grid_live_total_and_exact_preview(reviews, demo_store, log):
    reviews.select(case_id(demo_store, "WSCSP-DHR-2017-02"))
    line = reviews.cost_line_form()
    line.set_value("amount", "1000")
    assert line.save()
    split = reviews.split_form()
    assert isinstance(split, SplitPresenter) and split.title == "Split the cost of WSCSP-DHR-2017-02"
    rows = split.rows()
    assert len(rows) == 11 and sum(r.share_pence for r in rows) == 100000  # equal: exact to the penny
    split.set_kind(SplitKind.PERCENTAGES)
    assert split.total_text() == "Total 0% — 100% still to share" and split.problem()
    type_percentages_to_100(split)  # Share equally now chooses Equal shares for eleven
    assert split.total_text() == "Total 100%" and split.problem() == ""
    assert split.preview_total_pence() == 100000
    police = next(r.organisation_id for r in split.rows() if r.partner == "Suffolk Constabulary")
    split.set_percent(police, "20")
    assert "too much" in split.total_text() and not split.save()
    assert "add up to" in split.form_message
    split.set_percent(police, "abc")
    assert next(r for r in split.rows() if r.organisation_id == police).problem.startswith("“abc” is not a percentage")
    type_percentages_to_100(split)  # Share equally now chooses Equal shares for eleven
    assert split.is_dirty and split.save()
    assert dhr.split_rule(demo_store, split.case.id).kind == "percentages"
    assert log.undo_text == "Undo split the cost of WSCSP-DHR-2017-02: a percentage per partner"
    log.undo()
    assert dhr.split_rule(demo_store, split.case.id).kind == "equal"


def test_split_capped_part_first(reviews, demo_store):
    reviews.select(case_id(demo_store, "WSCSP-DHR-2017-02"))
    line = reviews.cost_line_form()
    line.set_value("amount", "12000")
    assert line.save()  # an Independent chair/author cost: the capped base
    split = reviews.split_form()
    split.set_kind("capped")
    police = next(oid for oid, name in split.partners if name == "Suffolk Constabulary")
    split.set_cap(payer=police, percent="50", amount="£5,000")
    shares = {r.partner: r.share_pence for r in split.rows()}
    assert shares["Suffolk Constabulary"] == 500000 and sum(shares.values()) == 1200000
    assert split.save()


@pytest.mark.parametrize("percent", ["NaN", "sNaN", "inf"])
def test_a_capped_part_that_is_not_a_percentage_is_said_so(reviews, demo_store, percent):
    # "NaN" typed as the capped part raised decimal.InvalidOperation (the window's "Something went wrong").
    reviews.select(case_id(demo_store, "WSCSP-DHR-2017-02"))
    split = reviews.split_form()
    split.set_kind("capped")
    police = next(oid for oid, name in split.partners if name == "Suffolk Constabulary")
    split.set_cap(payer=police, percent=percent, amount="£5,000")
    assert "is not a percentage" in split.problem() and not split.save()


def test_billed_split_shows_refusals_and_the_net_equals_the_cost_after_a_resplit(reviews, demo_store):
    split = reviews.split_form()
    assert split.billed and not split.editable
    npS = next(r for r in split.rows() if r.partner == "National Probation Service")
    assert npS.refused_pence == 68414 and "Refused (not yet dealt with)" == npS.status
    assert "Net billed £6,841.44" in split.total_text()
    assert not split.save() and "already been billed" in split.form_message
    reviews.close_form()
    refused = next(s for s in reviews.details().shares if s.status == "refused")
    form = reviews.resolve_form(refused)
    assert form.value("handling") == RefusalHandling.RESPLIT.value
    assert form.save()
    split = reviews.split_form()
    rows = split.rows()
    assert sum(r.resplit_pence for r in rows) == 68414
    assert sum(r.net_pence for r in rows) == split.cost_pence == 752558  # net billed equals the cost
    assert split.total_text() == "Net billed £7,525.58 of the cost £7,525.58"
    assert reviews.selected_case.net_billed_pence == reviews.selected_case.cost_pence


# -- the fund page ------------------------------------------------------------------------------------

def test_a_new_fund_is_selected_and_a_spend_line_names_its_referral(fund_page, demo_store, log):
    first = fund_page.selected
    form = fund_page.new_fund_form()
    form.set_value("name", "Sanctuary Scheme")
    form.set_value("starts_on", "01/04/2018")
    form.set_value("ends_on", "31/03/2019")
    assert form.save()
    assert fund_page.fund.name == "Sanctuary Scheme" and fund_page.selected != first
    log.undo()
    assert funds.fund_by_name(demo_store, "Sanctuary Scheme") is None
    assert fund_page.selected == first
    spend = fund_page.spend_form({"reference": "TH-2018-001"})
    assert spend.title == f"Spend line for {fund_page.fund.name}" and "TH-2018-001" in spend.heading
    spent = fund_page.data.figures.spent_pence
    assert spend.save()  # today's date, the first catalogue item at its usual price
    assert fund_page.data.figures.spent_pence > spent
    assert log.undo_text.startswith("Undo add ") and " for TH-2018-001 to " in log.undo_text


def test_fund_export_through_the_one_export_path(fund_page, tmp_path):
    out = fund_page.export(tmp_path / "fund.csv")
    assert out.read_text(encoding="utf-8-sig").splitlines()[0] == "name,value"  # as `safer-desk fund` prints it
    import openpyxl

    book = openpyxl.load_workbook(fund_page.export(tmp_path / "fund.xlsx"))
    assert book.sheetnames[:3] == ["Figures", "Per month", "Per district"]
    from safer_desk.exchange.tables import UnsupportedFormat

    with pytest.raises(UnsupportedFormat):
        fund_page.export(tmp_path / "fund.pdf")


def test_ledger_sheets_have_the_totals_line(demo_store):
    partners = dhr.partner_ledger(demo_store, today=TODAY)
    cases = [c for c in dhr.list_cases(demo_store, today=TODAY) if c.kind == "review"]
    per_partner, per_case = ledger_sheets(partners, cases, TODAY)
    assert per_partner.rows[-1][0] == "Total" and per_partner.rows[-1][3] == 752558
    assert per_case.rows[-1][:2] == ["Total", 752558]


def test_after_billing_the_forms_say_what_a_new_cost_means_and_what_would_be_billed(reviews, demo_store):
    # Billed already: a cost added now is billed as further invoices, and the bill form says for how much.
    assert "billed £7,525.58" in reviews.cost_line_form().note
    assert "already been billed for all" in reviews.bill_form().note
    dhr.add_cost_line(demo_store, case_id(demo_store, BILLED), category="Administration", amount="£1,000")
    reviews.reload()
    bill = reviews.bill_form()
    assert bill.note.startswith("Costs of £1,000 added since the partners were billed, as further invoices: ")
    assert "Suffolk Constabulary £90.91" in bill.note
    reviews.select(case_id(demo_store, "WSCSP-DHR-2017-02"))
    assert "billed" not in reviews.cost_line_form().note
    assert reviews.bill_form().note == "The case has no costs yet: add its cost lines before billing the partners."


def test_further_invoices_are_numbered_on_in_the_series_of_the_first_ones(reviews, demo_store):
    # The first invoices are MSDC-DHR1-01 … 11; the form offered "WSCSP-DHR-2017-01-", so the further ones were
    # WSCSP-DHR-2017-01-12 … 22, outside the series the partners hold.
    billed = case_id(demo_store, BILLED)
    dhr.add_cost_line(demo_store, billed, category="Administration", amount="£1,000")
    reviews.reload(select=billed)
    bill = reviews.bill_form()
    assert bill.value("prefix") == "MSDC-DHR1-"
    assert bill.save()
    further = sorted(s.invoice_ref for s in dhr.list_shares(demo_store, today=TODAY, case_id=billed)
                     if s.invoiced_on == TODAY)
    assert further == [f"MSDC-DHR1-{n}" for n in range(12, 23)]
    reviews.select(case_id(demo_store, "WSCSP-DHR-2017-02"))  # not billed yet: the case's own reference
    assert reviews.bill_form().value("prefix") == "WSCSP-DHR-2017-02-"


def test_a_spend_line_that_takes_the_fund_past_its_contributions_is_queried_once(fund_page, demo_store):
    # £2,417 spent of £20,000: a £30,000 line (a sanctuary room keyed as a lock?) is asked about beside the amount;
    # Save again keeps it. A line within what is left saves at once.
    funds.save_item(demo_store, "Sanctuary room", usual_price="£300")
    fund_page.reload()
    spend = fund_page.spend_form({"reference": "TH-2018-001"})
    spend.set_value("item", "Sanctuary room")
    spend.set_value("amount", "£30,000")
    spent = fund_page.data.figures.spent_pence
    assert not spend.save()
    assert "£12,417 past" in spend.message("amount") and "£20,000" in spend.message("amount")
    assert fund_page.data.figures.spent_pence == spent
    assert spend.save()
    assert fund_page.data.figures.spent_pence == spent + 3_000_000
    within = fund_page.spend_form({"reference": "TH-2018-001"})
    within.set_value("item", "Sanctuary room")  # blank amount: the usual £300, but the fund is already past
    assert not within.save() and "past" in within.message("amount")
    funds.add_contribution(demo_store, fund_page.fund.id, organisation="Suffolk County Council", amount="£20,000")
    fund_page.reload()
    again = fund_page.spend_form({"reference": "TH-2018-001"})
    again.set_value("item", "Sanctuary room")
    assert again.save()


def test_a_payment_before_its_invoice_and_spend_before_its_referral_are_queried_once(reviews, fund_page, demo_store):
    # Suffolk County Council's share was invoiced on 15/06/2018: a payment dated 15/06/2017 is a typing slip more
    # often than a prepayment. Asked once beside the date; Save again keeps it.
    share = next(s for s in reviews.details().shares if s.partner == "Suffolk County Council")
    pay = reviews.payment_form(share)
    pay.set_value("paid_on", "15/06/2017")
    pay.set_value("amount", "£10")
    assert not pay.save() and "before its invoice of 15/06/2018" in pay.message("paid_on")
    assert pay.save()
    on_time = reviews.payment_form(next(s for s in reviews.details().shares if s.partner == "Suffolk County Council"))
    on_time.set_value("paid_on", "20/06/2018")
    on_time.set_value("amount", "£10")
    assert on_time.save()
    referral = next(r for r in fund_page.data.referrals if r["reference"] == "TH-2018-001")
    spend = fund_page.spend_form(referral)
    spend.set_value("spent_on", "01/04/2018")  # in the fund's period, before the referral
    first = spend.save()
    assert not first and "before the referral" in spend.message("spent_on")


def test_a_payment_spend_or_referral_dated_after_today_is_queried_once(reviews, fund_page):
    # 01/12 for 12/01: a payment, a spend line or a referral cannot have happened after today. Asked once beside
    # the date (Save again keeps it); a due date in the future is what due dates are, and is not asked about.
    share = next(s for s in reviews.details().shares if s.partner == "Suffolk County Council")
    pay = reviews.payment_form(share)
    later = TODAY + timedelta(days=20)
    pay.set_value("paid_on", later.strftime("%d/%m/%Y"))
    pay.set_value("amount", "£10")
    assert not pay.save()
    assert pay.message("paid_on").startswith(f"{later:%d/%m/%Y} is after today ({TODAY:%d/%m/%Y}): "
                                             "a payment cannot have been made yet")
    assert pay.save()
    spend = fund_page.spend_form(next(r for r in fund_page.data.referrals if r["reference"] == "TH-2018-001"))
    spend.set_value("spent_on", "30/07/2018")  # today is 03/07/2018 for the fund page
    assert not spend.save() and "30/07/2018 is after today (03/07/2018)" in spend.message("spent_on")
    referral = fund_page.referral_form()
    referral.set_value("reference", "TH-2018-099")
    referral.set_value("referred_on", "04/07/2018")
    assert not referral.save() and "04/07/2018 is after today" in referral.message("referred_on")
    meeting = reviews.panel_meeting_form()  # a panel meeting is often planned ahead
    meeting.set_value("met_on", later.strftime("%d/%m/%Y"))
    assert "after today" not in meeting.message("met_on")


def test_a_refusal_or_write_off_dated_before_its_invoice_or_after_today_is_queried_once(reviews):
    # West Suffolk CCG's share was invoiced on 15/06/2018 (today 01/09/2018 here).
    share = next(s for s in reviews.details().shares if s.partner == "West Suffolk CCG")
    refuse = reviews.refuse_form(share)
    refuse.set_value("on", "15/06/2017")
    refuse.set_value("reason", "Not a statutory partner for reviews")
    assert not refuse.save() and "before its invoice of 15/06/2018" in refuse.message("on")
    refuse.set_value("on", "20/09/2018")
    assert not refuse.save() and "20/09/2018 is after today (01/09/2018): a refusal cannot" in refuse.message("on")
    assert refuse.save()
    assert next(s for s in reviews.details().shares if s.partner == "West Suffolk CCG").status == "refused"
    other = next(s for s in reviews.details().shares if s.partner == "Norfolk and Suffolk CRC")
    write_off = reviews.write_off_form(other)
    write_off.set_value("on", "01/08/2018")
    write_off.set_value("reason", "Organisation dissolved")
    assert write_off.save()  # after the invoice, before today: nothing to ask



def test_a_referral_outside_the_funds_period_is_queried_once(fund_page):
    # The pilot runs 01/04/2018 to 30/09/2019: no spend can be made on a referral outside it.
    early = fund_page.referral_form()
    early.set_value("reference", "TH-2018-098")
    early.set_value("referred_on", "15/03/2018")
    assert not early.save() and "15/03/2018 is before Suffolk Target Hardening Pilot started (01/04/2018)" in \
        early.message("referred_on")
    assert early.save()
    page = FundsPresenter(fund_page.store, today=lambda: date(2019, 12, 1))
    page.reload()
    late = page.referral_form()
    late.set_value("reference", "TH-2019-099")
    late.set_value("referred_on", "01/11/2019")
    assert not late.save() and ("01/11/2019 is after Suffolk Target Hardening Pilot ended (30/09/2019): no spend "
                                "can be made on it") in late.message("referred_on")


def test_a_case_date_before_the_death_was_notified_or_out_of_order_is_queried_once(reviews):
    # WSCSP-DHR-2017-01 was notified on 06/03/2017: the Home Office told on 03/04/2016 (the year slipped) is asked
    # about, as is a QA Panel letter before the report went to the panel. Save again keeps them. (A decision
    # before the notification is refused outright.)
    reviews.select(case_id(reviews.store, "WSCSP-DHR-2017-01"))
    form = reviews.edit_case_form()
    form.set_value("home_office_told_on", "03/04/2016")
    assert not form.save()
    assert form.message("home_office_told_on").startswith("03/04/2016 is before the death was notified "
                                                          "(06/03/2017).")
    assert form.save()
    form = reviews.edit_case_form()
    form.set_value("qa_letter_on", "01/03/2018")
    assert not form.save()
    assert form.message("qa_letter_on").startswith("01/03/2018 is before the report went to the QA Panel "
                                                   "(28/03/2018).")
    form.set_value("qa_letter_on", "21/06/2018")
    assert form.save()


def test_a_stage_rule_without_its_stages_is_refused_beside_them(reviews, log):
    # Found by driving every Costs form with odd text: a blank stage raised a KeyError instead of a message.
    form = reviews.stage_rule_form()
    form.set_value("stage", "")
    form.set_value("after", "")
    assert not form.save()
    assert form.message("stage") == "This field is needed." and form.message("after") == "This field is needed."
    assert log.done == []


def test_share_equally_without_partners_says_what_is_needed(reviews, log):
    form = reviews.new_case_form()
    form.set_value("reference", "WSCSP-DHR-2019-09")
    assert form.save() or form.save()
    grid = reviews.split_form()
    assert grid.partners == [] and not grid.editable
    grid.share_equally()  # it raised "there is nobody to split the money between"
    assert "partnership conducting the review" in grid.form_message
    assert not grid.save()


def test_a_pound_of_spend_lately_is_saved_undoable_and_the_fund_lasts_past_the_forecast(fund_page, demo_store, log):
    """£1 dated after today (queried, then kept) left the burn rate at a third of a penny a month: working out the
    run-out raised 'year 6414 is out of range' after the line was written, so the form said 'Not saved' with the
    line in the file and nothing to undo."""
    from safer_desk.services.funds import forecast_sentence

    before = demo_store.scalar("SELECT count(*) FROM fund_spend_lines")
    form = fund_page.spend_form()
    form.set_value("amount", "£1")
    form.set_value("spent_on", "01/09/2018")
    assert not form.save() and "after today" in form.slips["spent_on"].message  # asked once
    assert form.save(), form.form_message
    assert demo_store.scalar("SELECT count(*) FROM fund_spend_lines") == before + 1
    assert log.undo_text.startswith("Undo add ") and "(£1) for " in log.undo_text
    # On the page's date (03/07/2018) the £1 dated September is not spent yet, so it is left out of the figures and
    # said; once it is spent, the fund lasts past the forecast.
    assert "£1 of the spend is dated after today (the first on 01/09/2018)" in forecast_sentence(fund_page.data.figures)
    from safer_desk.services.funds import fund_figures

    later = fund_figures(demo_store, fund_page.selected, today=date(2018, 12, 1))
    assert "the fund does not run out: it lasts past" in forecast_sentence(later)
    log.undo()
    assert demo_store.scalar("SELECT count(*) FROM fund_spend_lines") == before


# -- correcting what was keyed: a referral edited or deleted, a contribution or catalogue item deleted --------

def referral(page, reference):
    return next(r for r in page.data.referrals if r["reference"] == reference)


def per_district(page):
    return {name: (victims, pence) for name, victims, pence in page.data.figures.by_district}


def test_a_referral_keyed_to_the_wrong_district_is_corrected_and_its_spend_moves_with_it(fund_page, log):
    # TH-2018-008 (£205, four spend lines) was keyed to Babergh; it is a Mid Suffolk victim.
    before = per_district(fund_page)
    form = fund_page.edit_referral_form(referral(fund_page, "TH-2018-008"))
    assert form.title == f"Referral TH-2018-008 in {fund_page.fund.name}"
    assert form.value("district") == "Babergh" and form.value("referred_on") == "14/05/2018"
    assert form.value("at_marac") == "yes" and form.value("perpetrator_resident") == "no"
    form.set_value("district", "Mid Suffolk")
    assert form.save()
    after = per_district(fund_page)
    assert after["Mid Suffolk"] == (before["Mid Suffolk"][0] + 1, before["Mid Suffolk"][1] + 20500)
    assert "Babergh" not in after  # its only victim
    assert referral(fund_page, "TH-2018-008")["lines"] == 4
    assert fund_page.data.figures.spent_pence == sum(p for _, p in before.values())
    assert log.undo_text == f"Undo change referral TH-2018-008 in {fund_page.fund.name}: district Mid Suffolk"
    log.undo()
    assert per_district(fund_page) == before
    log.redo()
    assert per_district(fund_page) == after


def test_a_corrected_referrals_undo_says_what_changed(fund_page, log):
    """The undo of a corrected referral read "Change referral TH-2018-008 in …" whatever was changed, where other
    corrections say theirs ("Change plan …: unit pounds"): Edit > Undo did not say what it would put back. The reason
    to accept is free text: said as given, not quoted."""
    form = fund_page.edit_referral_form(referral(fund_page, "TH-2018-008"))
    form.set_value("referred_on", "15/05/2018")
    form.set_value("at_marac", "no")
    form.set_value("override_reason", "MARAC chair agreed")
    assert form.save() or form.save()
    assert log.undo_text == (f"Undo change referral TH-2018-008 in {fund_page.fund.name}: referred on 15/05/2018, "
                             "at MARAC no, reason to accept given")
    form = fund_page.edit_referral_form(referral(fund_page, "TH-2018-008"))
    form.set_value("reference", "TH-2018-108")
    form.set_value("at_marac", "yes")  # the fund's rule met again: no reason needed
    form.set_value("override_reason", "")
    assert form.save() or form.save()
    assert log.undo_text == (f"Undo change referral TH-2018-008 in {fund_page.fund.name}: reference TH-2018-108, "
                             "at MARAC yes, reason to accept removed")


def test_a_corrected_referral_is_checked_as_a_new_one_is(fund_page, demo_store):
    form = fund_page.edit_referral_form(referral(fund_page, "TH-2018-008"))
    form.set_value("reference", "th-2018-009")  # another victim's reference, typed in lower case
    assert not form.save() and "TH-2018-009 is already referred" in form.message("reference")
    form.set_value("reference", "th-2018-008")  # its own, in another case: not a clash
    form.set_value("risk_level", "medium")  # the fund takes high risk only: an override reason is needed
    assert not form.save()
    assert funds.list_referrals(demo_store, fund_page.fund.id)[7]["risk_level"] == "high"  # nothing written
    form.set_value("override_reason", "MARAC chair agreed")
    assert form.save()
    row = referral(fund_page, "th-2018-008")
    assert row["risk_level"] == "medium" and row["eligibility"] == "⚠ Override: MARAC chair agreed"


def test_a_referral_deleted_takes_its_spend_with_it_and_undo_brings_all_back(fund_page, log):
    row = referral(fund_page, "TH-2018-006")
    assert fund_page.delete_referral_question(row) == (
        "Delete referral TH-2018-006 and its 3 spend lines (£200)? The fund's spend goes down by that much.")
    spent, victims, lines = (fund_page.data.figures.spent_pence, fund_page.data.figures.victims,
                             len(fund_page.data.lines))
    fund_page.delete_referral(row)
    assert all(r["reference"] != "TH-2018-006" for r in fund_page.data.referrals)
    assert (fund_page.data.figures.spent_pence, fund_page.data.figures.victims, len(fund_page.data.lines)) == (
        spent - 20000, victims - 1, lines - 3)
    log.undo()
    assert referral(fund_page, "TH-2018-006")["lines"] == 3
    assert (fund_page.data.figures.spent_pence, fund_page.data.figures.victims, len(fund_page.data.lines)) == (
        spent, victims, lines)


def test_a_contribution_keyed_twice_is_deleted_and_the_balance_follows(fund_page, demo_store, log):
    funds.add_contribution(demo_store, fund_page.fund.id, organisation="Babergh District Council", amount="£2,000")
    fund_page.reload()
    assert fund_page.data.figures.contributions_pence == 2_200_000
    twice = [c for c in fund_page.data.contributions if c["organisation"] == "Babergh District Council"]
    fund_page.delete_contribution(twice[-1])
    assert fund_page.data.figures.contributions_pence == 2_000_000
    assert fund_page.data.figures.balance_pence == 2_000_000 - 241_700
    assert log.undo_text.startswith("Undo delete the contribution of £2,000 from Babergh District Council")
    log.undo()
    assert fund_page.data.figures.contributions_pence == 2_200_000


def test_a_catalogue_item_in_use_stays_and_an_unused_one_goes(fund_page, demo_store, log):
    used = next(i for i in fund_page.data.items if i["name"] == "Replacement door locks")
    with pytest.raises(ValueError, match="Replacement door locks is on 13 spend lines and cannot"):
        fund_page.delete_item(used)
    funds.save_item(demo_store, "Sanctuary room", usual_price="£300")
    fund_page.reload()
    fund_page.delete_item(next(i for i in fund_page.data.items if i["name"] == "Sanctuary room"))
    assert all(i["name"] != "Sanctuary room" for i in fund_page.data.items)
    log.undo()
    assert any(i["name"] == "Sanctuary room" for i in fund_page.data.items)


def the_share(reviews, partner):
    return next(s for s in reviews.details().shares if s.partner == partner and s.kind == "share")


def test_a_payment_keyed_in_error_is_chosen_deleted_and_undone(reviews, log):
    county = the_share(reviews, "Suffolk County Council")
    form = reviews.delete_payment_form(county)
    assert form.title == f"Delete a payment by Suffolk County Council for {BILLED}"
    assert [label for _, label in form.fields[0].choices] == ["01/08/2018: £400 (BACS part)"]
    assert "£400 paid of £684.14" in form.note
    assert form.save()
    assert the_share(reviews, "Suffolk County Council").outstanding_pence == 68414
    assert log.undo_text == f"Undo delete the payment of £400 by Suffolk County Council for {BILLED}"
    log.undo()
    assert the_share(reviews, "Suffolk County Council").paid_pence == 40000
    with pytest.raises(LookupError, match="No payment has been recorded on West Suffolk CCG's share"):
        reviews.delete_payment_form(the_share(reviews, "West Suffolk CCG"))


def test_a_refusal_withdrawn_is_reopened_in_one_undoable_step(reviews, log):
    probation = the_share(reviews, "National Probation Service")
    assert reviews.reopen_question(probation).startswith(f"Reopen {probation.invoice_ref}? Its £684.14 refused")
    reviews.reopen_share(probation)
    assert the_share(reviews, "National Probation Service").status == "invoiced"
    assert reviews.selected_case.shortfall_pence == 0
    log.undo()
    probation = the_share(reviews, "National Probation Service")
    assert probation.status == "refused" and "national policy" in probation.reason
    with pytest.raises(ValueError, match="nothing to reopen"):
        reviews.reopen_question(the_share(reviews, "Suffolk County Council"))


def test_a_recommendation_is_corrected_or_deleted_and_a_panel_meeting_deleted(reviews, log):
    # The action plan could be added to and completed, never corrected: an extension agreed, an owner changed,
    # a recommendation keyed twice. Numbers stay as the papers cite them.
    reviews.select(case_id(reviews.store, BILLED))
    added = reviews.recommendation_form()
    added.set_value("text", "Share the learning with GP practices")
    assert added.save()
    recs = reviews.details().actions
    assert len(recs) >= 2
    first, second = recs[0], recs[1]
    form = reviews.edit_recommendation_form(first)
    assert form.title == f"Recommendation {first['number']} of {BILLED}" and form.value("text") == first["text"]
    form.set_value("due_on", "31/03/2019")
    form.set_value("owner", "Suffolk Constabulary")
    assert form.save()
    changed = reviews.details().actions[0]
    assert (changed["due_on"], changed["owner"], changed["text"]) == ("2019-03-31", "Suffolk Constabulary",
                                                                      first["text"])
    reviews.delete_recommendation(second)
    assert [r["number"] for r in reviews.details().actions] == [r["number"] for r in recs if r is not second]
    log.undo()
    log.undo()
    assert reviews.details().actions == recs
    meetings = reviews.details().meetings
    assert meetings
    reviews.delete_panel_meeting(meetings[0])
    assert len(reviews.details().meetings) == len(meetings) - 1
    assert log.undo_text.startswith("Undo delete the panel meeting of ")
    log.undo()
    assert reviews.details().meetings == meetings


def test_a_spend_line_keyed_wrongly_is_corrected_in_place_and_undone(fund_page, log):
    # a £95 lock keyed as £950: the fund's spend and the victim's total follow the correction, and undo
    line = next(r for r in fund_page.data.lines if r["reference"] == "TH-2018-006")
    spent, victim = fund_page.data.figures.spent_pence, referral(fund_page, "TH-2018-006")["spent_pence"]
    lines = len(fund_page.data.lines)
    form = fund_page.edit_spend_form(line)
    assert form.title == f"Spend line {line['item']} ({format_money(line['amount_pence'])}) for TH-2018-006"
    assert form.value("amount") == format_money(line["amount_pence"]) and form.value("item") == line["item"]
    form.set_value("amount", "£950")
    assert form.save() or form.save()  # past the money contributed? asked once
    assert fund_page.data.figures.spent_pence == spent - line["amount_pence"] + 95000
    assert referral(fund_page, "TH-2018-006")["spent_pence"] == victim - line["amount_pence"] + 95000
    assert len(fund_page.data.lines) == lines  # corrected, not added
    assert log.undo_text.startswith("Undo change the spend line ")
    log.undo()
    assert fund_page.data.figures.spent_pence == spent
    assert next(r for r in fund_page.data.lines if r["id"] == line["id"])["amount_pence"] == line["amount_pence"]


def test_a_contribution_keyed_wrongly_is_corrected_and_the_balance_follows(fund_page, log):
    given = fund_page.data.contributions[0]
    form = fund_page.edit_contribution_form(given)
    assert form.value("organisation") == given["organisation"]
    form.set_value("amount", "£1")
    assert form.save()
    assert fund_page.data.figures.contributions_pence == 2_000_000 - given["amount_pence"] + 100
    log.undo()
    assert fund_page.data.figures.contributions_pence == 2_000_000


def test_a_cost_line_keyed_wrongly_is_corrected_but_never_below_what_was_billed(reviews, log, demo_store):
    line = reviews.details().costs[0]
    form = reviews.edit_cost_line_form(line)
    assert "corrected below that bills them again" in form.note
    assert form.value("amount") == format_money(line["amount_pence"]) and form.value("category") == line["category"]
    form.set_value("amount", "£1")  # below what was billed: asked first, the partners billed again
    assert not form.save() and "billed again" in form.message("amount")
    form.set_value("amount", format_money(line["amount_pence"] + 1000))
    form.set_value("supplier", "Standing Together")
    assert form.save() or form.save()
    fixed = next(c for c in reviews.details().costs if c["id"] == line["id"])
    assert (fixed["amount_pence"], fixed["supplier"]) == (line["amount_pence"] + 1000, "Standing Together")
    assert dhr.unbilled_pence(demo_store, reviews.selected) == 1000  # billed with Bill partners (charge)…
    assert log.undo_text.startswith("Undo change the ")
    log.undo()
    assert next(c for c in reviews.details().costs if c["id"] == line["id"])["amount_pence"] == line["amount_pence"]


def greyed(reviews) -> set[str]:
    return {key for key, enabled in reviews.more_actions(reviews.details()).items() if not enabled}


def test_the_more_menu_greys_what_the_chosen_case_has_nothing_for(reviews, demo_store, log):
    """More > Delete a payment… was offered on a case nothing had been paid on, and said so only when chosen."""
    from safer_desk.presenters.dhr import MORE_ACTIONS

    assert set(reviews.more_actions(reviews.details())) == set(MORE_ACTIONS)
    # paid, refused, costed; nothing refunded
    assert reviews.selected_case.reference == BILLED and greyed(reviews) == {"delete_refund"}
    reviews.select(case_id(demo_store, "WSCSP-DHR-2017-02"))  # nothing billed, costed or recommended yet
    assert greyed(reviews) == {"resolve", "write_off", "complete_recommendation", "edit_cost_line",
                               "delete_cost_line", "paste_payments", "delete_payment", "delete_refund",
                               "reopen_share"}
    reviews.select(None)
    assert greyed(reviews) == set(MORE_ACTIONS) - {"stage_rule"}  # the rules are the office's, not a case's

    reviews.select(case_id(demo_store, BILLED))
    refused = next(s for s in reviews.details().shares if s.status == "refused")
    assert reviews.resolve_form(refused).save()  # the one refusal re-split: nothing left to re-split
    assert greyed(reviews) == {"resolve", "delete_refund"}
    log.undo()
    assert greyed(reviews) == {"delete_refund"}
    for share in reviews.details().shares:  # every payment deleted: nothing left to delete
        while dhr.share_payments(demo_store, share.id):
            dhr.delete_payment(demo_store, dhr.share_payments(demo_store, share.id)[0]["id"])
    assert "delete_payment" in greyed(reviews)

    looking = DhrPresenter(demo_store, read_only=True)
    looking.reload()
    assert greyed(looking) == set(MORE_ACTIONS)


def test_the_fund_pages_more_menu_greys_what_the_fund_has_nothing_for(fund_page, store, log):
    from safer_desk.presenters.funds import MORE_ACTIONS

    def fund_greyed(page) -> set[str]:
        return {key for key, enabled in page.more_actions().items() if not enabled}

    assert set(fund_page.more_actions()) == set(MORE_ACTIONS) and fund_greyed(fund_page) == set()
    form = fund_page.new_fund_form()
    form.set_value("name", "Sanctuary Scheme")
    form.set_value("starts_on", "01/04/2018")
    form.set_value("ends_on", "31/03/2019")
    assert form.save()  # a new fund: nothing referred, spent or contributed yet
    assert fund_greyed(fund_page) == {"edit_referral", "edit_spend_line", "edit_contribution", "delete_referral",
                                      "delete_spend_line", "delete_contribution"}
    log.undo()
    assert fund_greyed(fund_page) == set()

    empty = FundsPresenter(store)  # a file with no fund and no catalogue yet
    empty.reload()
    assert fund_greyed(empty) == set(MORE_ACTIONS) - {"new_fund", "item"}
    looking = FundsPresenter(fund_page.store, read_only=True)
    looking.reload()
    assert fund_greyed(looking) == set(MORE_ACTIONS)


def test_undo_of_a_contribution_changed_writes_back_that_contribution_alone(fund_page, demo_store, log):
    """The undo deleted every contribution of the fund and wrote them all again: the file's trail held 18
    changes to 9 rows for one amount put back. Now it holds that one change, and the History reads it alone."""
    from safer_desk.presenters.history import history_lines
    from safer_desk.services.history import actions

    chosen = fund_page.data.contributions[0]
    assert len(fund_page.data.contributions) > 1
    form = fund_page.edit_contribution_form(chosen)
    form.set_value("amount", "£1,500")
    assert form.save()
    log.undo()
    undo = actions(demo_store, limit=1)[0]
    assert undo.label.startswith("Undo change the contribution of £2,000 from")
    assert [(e.table_name, e.row_id, e.action, e.column_name, e.old_value, e.new_value) for e in undo.entries] == [
        ("fund_contributions", chosen["id"], "update", "amount_pence", 150000, 200000)]
    line = history_lines(demo_store, limit=1)[0]
    assert line.entries == 1 and line.details == (
        f"Changed the amount of fund contribution of {chosen['organisation']}, {fund_page.fund.name} from £1,500 "
        "to £2,000",)
    log.redo()
    redo = actions(demo_store, limit=1)[0]
    assert [(e.table_name, e.action, e.column_name) for e in redo.entries] == [
        ("fund_contributions", "update", "amount_pence")]


def test_undo_of_a_referral_change_shows_the_fund_it_was_made_in(fund_page, demo_store, log):
    """With another fund chosen since, Edit > Undo put back a referral of the pilot while the page showed the
    other fund: the person saw nothing change. Undo and redo now show the fund they change."""
    pilot = fund_page.fund
    other = funds.add_fund(demo_store, name="Western Suffolk Sanctuary Fund", starts_on="01/04/2019",
                           ends_on="31/03/2020")
    form = fund_page.edit_referral_form(referral(fund_page, "TH-2018-008"))
    form.set_value("district", "Mid Suffolk")
    assert form.save()
    assert fund_page.select(other)
    fund_page.reload()
    log.undo()
    assert fund_page.fund.id == pilot.id and referral(fund_page, "TH-2018-008")["district"] == "Babergh"
    fund_page.reload(select=other)
    log.redo()
    assert fund_page.fund.id == pilot.id and referral(fund_page, "TH-2018-008")["district"] == "Mid Suffolk"
    form = fund_page.referral_form()
    for name, value in (("reference", "TH-2018-099"), ("district", "Babergh"), ("override_reason", "Panel agreed")):
        form.set_value(name, value)
    assert form.save(), form.errors
    fund_page.reload(select=other)
    log.undo()
    assert fund_page.fund.id == pilot.id
