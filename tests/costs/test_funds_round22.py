"""Pooled funds, round 22: spend keyed to set in Fund settings, names kept out of a contribution's note and the
catalogue, a reference pasted with a typographic dash, a date outside the fund's period refused at the first Save,
the Spend line dialog's first line following the referral chosen, the same duplicate check for a fund renamed, and
the county export never dating a fund's spend before the fund began."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.disclosure import SpendLine, summarise_with_disclosure_control
from safer_desk.domain.funds import FundError
from safer_desk.domain.periods import Month
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds
from safer_desk.storage.store import open_store
from tests.costs.test_new_case_then_cost_line import button, field, first_line, open_dialog, type_into

PILOT = "Suffolk Target Hardening Pilot"
TODAY = date(2018, 7, 3)


def presenter(store, today=TODAY) -> tuple[FundsPresenter, ActionLog]:
    log = ActionLog()
    p = FundsPresenter(store, perform=log, today=lambda: today)
    p.reload(select=funds.fund_by_name(store, PILOT).id)
    return p, log


def fill(form, values: dict) -> None:
    for key, value in values.items():
        form.set_value(key, value)


def add_july_spend(store):
    """£154.50 keyed for July 2018 on a new referral (the guide's example of a month not fully keyed)."""
    fund = funds.fund_by_name(store, PILOT)
    referral = funds.add_referral(store, fund.id, reference="TH-2018-016", district="Babergh",
                                  referred_on="02/07/2018", risk_level="high", at_marac=True, idva_assigned=True,
                                  perpetrator_resident=False)
    funds.add_spend_line(store, referral, spent_on="04/07/2018", item="Door chain", amount="154.50")
    return fund


# -- 1. spend keyed to, recorded where the forecast says -------------------------------------------------------

def test_the_part_keyed_warning_says_where_the_date_spend_is_keyed_to_is_recorded(demo_store):
    fund = add_july_spend(demo_store)
    warning, = funds.fund_figures(demo_store, fund.id, today=date(2018, 8, 20)).forecast.warnings
    assert "record the date spend is keyed to in Fund settings" in warning
    assert "--keyed-to" in warning and "for one run" in warning


def test_spend_keyed_to_is_set_in_fund_settings_as_one_undoable_step(demo_store):
    fund = add_july_spend(demo_store)
    p, log = presenter(demo_store, today=date(2018, 8, 20))
    assert funds.fund_figures(demo_store, fund.id, today=date(2018, 8, 20)).forecast.exhaustion_month == Month(2021, 1)
    form = p.edit_fund_form()
    assert form.field("spend_keyed_to").plain_label == "Spend keyed to" and form.value("spend_keyed_to") == ""
    form.set_value("spend_keyed_to", "30/06/2018")
    assert form.save(), (form.errors, form.form_message)
    assert funds.get_fund(demo_store, fund.id).spend_keyed_to == date(2018, 6, 30)
    figures = funds.fund_figures(demo_store, fund.id, today=date(2018, 8, 20))
    assert figures.forecast.exhaustion_month == Month(2020, 4) and figures.forecast.incomplete  # July left out
    assert log.done[-1].text == f"Change the settings of {PILOT}: spend keyed to 30/06/2018"  # s73: says what
    log.undo()
    assert funds.get_fund(demo_store, fund.id).spend_keyed_to is None
    log.redo()
    assert funds.get_fund(demo_store, fund.id).spend_keyed_to == date(2018, 6, 30)
    form = p.edit_fund_form()  # shown as recorded; blank clears it
    assert form.value("spend_keyed_to") == "30/06/2018"
    form.set_value("spend_keyed_to", "")
    assert form.save()
    assert funds.get_fund(demo_store, fund.id).spend_keyed_to is None


@pytest.mark.parametrize("typed", ["15/03/2018", "01/10/2019"])
def test_spend_keyed_to_outside_the_funds_period_is_refused_beside_the_field(demo_store, typed):
    fund = funds.fund_by_name(demo_store, PILOT)
    p, log = presenter(demo_store)
    form = p.edit_fund_form()
    form.set_value("spend_keyed_to", typed)
    assert not form.save() and not form.save()  # refused, never merely queried
    assert form.message("spend_keyed_to") == (f"Spend keyed to: {typed} is outside the fund's period (01/04/2018 to "
                                              "30/09/2019): type a date within it, or leave it blank.")
    assert funds.get_fund(demo_store, fund.id).spend_keyed_to is None and not log.done
    with pytest.raises(FundError, match="outside the fund's period"):
        funds.set_spend_keyed_to(demo_store, fund.id, typed)
    # the period and the date changed together are checked together
    assert funds.update_fund(demo_store, fund.id, ends_on="31/03/2020", spend_keyed_to="01/10/2019")
    assert funds.get_fund(demo_store, fund.id).spend_keyed_to == date(2019, 10, 1)


def test_the_command_lines_keyed_to_still_overrides_for_one_run(demo_store, demo_path, capsys):
    from safer_desk.cli import main

    add_july_spend(demo_store)
    demo_store.close()
    code = main(["fund", str(demo_path), PILOT, "--today", "20/08/2018", "--keyed-to", "30/06/2018"])
    values = dict(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert code == 0 and values["forecast_exhaustion_month"] == "2020-04" and values["spend_keyed_to"] == "2018-06-30"
    store = open_store(demo_path)
    try:
        assert funds.fund_by_name(store, PILOT).spend_keyed_to is None  # nothing stored
    finally:
        store.close()


# -- 2. a person's name in a contribution's note or a catalogue item's name ------------------------------------

def test_a_name_in_a_contributions_note_is_refused_beside_the_note(demo_store):
    p, log = presenter(demo_store)
    form = p.contribution_form()
    fill(form, {"organisation": "Ipswich Borough Council", "amount": "£500", "received_on": "01/06/2018",
                "note": "Top-up for Jane Smith, 12 Acacia Avenue, IP1 2AB"})
    assert not form.save() and not form.save()
    assert form.message("note").startswith("Note: “Jane Smith” looks like a person's name.")
    assert not log.done
    fund = funds.fund_by_name(demo_store, PILOT)
    given = funds.contributions(demo_store, fund.id)[0]
    with pytest.raises(FundError, match="looks like a person's name"):
        funds.update_contribution(demo_store, given["id"], organisation=given["organisation"], amount="£100",
                                  note="For Jane Smith")
    form.set_value("note", "Top-up agreed at the board, June")
    assert form.save()


def test_a_name_in_a_catalogue_items_name_is_refused_beside_the_item(demo_store):
    p, log = presenter(demo_store)
    form = p.item_form()
    fill(form, {"name": "Sanctuary room for Jane Smith", "usual_price": "£900"})
    assert not form.save() and not form.save()
    assert form.message("name").startswith("Item: “Jane Smith” looks like a person's name.")
    assert not log.done and not any("Smith" in i["name"] for i in funds.list_items(demo_store))
    form.set_value("name", "Sanctuary room")
    assert form.save()
    assert funds.add_default_catalogue(demo_store) is None  # the catalogue's own names are not names


# -- 3. a reference typed with another dash ---------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["TH\u20132018\u2013001", "TH\u20142018\u2014001", "TH\u20112018\u2011001",
                                   "th\u22122018\u2212001", "\u00a0TH-2018-001\u00a0"])
def test_a_reference_typed_with_another_dash_is_already_referred(demo_store, typed):
    p, log = presenter(demo_store)
    before = p.data.figures.victims
    form = p.referral_form()
    fill(form, {"reference": typed, "district": "Babergh", "referred_on": "02/05/2018"})
    assert not form.save() and not form.save()
    assert form.message("reference") == "Reference: TH-2018-001 is already referred to this fund."
    assert not log.done and p.data.figures.victims == before
    fund = funds.fund_by_name(demo_store, PILOT)
    assert funds.referral_id_by_reference(demo_store, fund.id, typed) == \
        funds.referral_id_by_reference(demo_store, fund.id, "TH-2018-001")


def test_a_referral_corrected_to_its_own_reference_with_another_dash_keeps_it_as_stored(demo_store):
    p, _ = presenter(demo_store)
    referral = next(r for r in p.data.referrals if r["reference"] == "TH-2018-002")
    form = p.edit_referral_form(referral)
    form.set_value("district", "Ipswich")
    form.set_value("reference", "TH\u20132018\u2013002")
    assert form.save(), form.errors
    row = next(r for r in p.data.referrals if r["id"] == referral["id"])
    assert row["district"] == "Ipswich" and row["reference"] == "TH\u20132018\u2013002"  # stored as typed


# -- 4. refused at the first Save, beside the field -------------------------------------------------------------

@pytest.mark.parametrize("day", ["15/03/2018", "01/10/2019"])
def test_a_spend_line_outside_the_funds_period_is_refused_at_the_first_save(demo_store, day):
    p, log = presenter(demo_store)
    ref = next(r for r in p.data.referrals if r["reference"] == "TH-2018-001")
    refusal = f"Date: {day} is outside the fund's period (01/04/2018 to 30/09/2019)."
    form = p.spend_form(ref)
    fill(form, {"spent_on": day, "item": "Door chain", "amount": "25"})
    assert not form.save()
    assert form.message("spent_on") == refusal and "Save again" not in form.form_message
    assert not form.save() and form.message("spent_on") == refusal and not log.done
    line = next(r for r in p.data.lines if r["reference"] == "TH-2018-001")
    form = p.edit_spend_form(line)
    form.set_value("spent_on", day)
    assert not form.save() and form.message("spent_on") == refusal


def test_a_spend_line_within_the_period_is_still_queried_once(demo_store):
    p, log = presenter(demo_store)
    ref = next(r for r in p.data.referrals if r["reference"] == "TH-2018-001")
    form = p.spend_form(ref)
    fill(form, {"spent_on": "02/04/2018", "item": "Door chain", "amount": "25"})
    assert not form.save() and "before the referral" in form.message("spent_on")
    assert form.save() and log.done[-1].text == f"Add Door chain (£25) for TH-2018-001 to {PILOT}"


def test_a_0_contribution_is_refused_beside_the_amount(demo_store):
    p, _ = presenter(demo_store)
    form = p.contribution_form()
    fill(form, {"organisation": "Ipswich Borough Council", "amount": "0"})
    assert not form.save()
    assert form.message("amount") == "Amount: must be more than £0."
    assert form.form_message == "Not saved: correct the field marked."


# -- 5. the Spend line dialog's first line follows the referral chosen -------------------------------------------

def test_the_spend_forms_first_line_follows_the_referral_chosen(demo_store):
    p, log = presenter(demo_store)
    ref = next(r for r in p.data.referrals if r["reference"] == "TH-2018-001")
    form = p.spend_form(ref)
    assert form.heading == f"Spend line for TH-2018-001 in {PILOT}"
    form.set_value("referral", "TH-2018-009")
    assert form.heading == f"Spend line for TH-2018-009 in {PILOT}"
    form.set_value("referral", "")
    assert form.heading == f"Spend line in {PILOT}"
    form.discard()
    assert form.heading == f"Spend line for TH-2018-001 in {PILOT}"
    fill(form, {"referral": "TH-2018-009", "spent_on": "20/06/2018", "amount": "25"})
    assert form.save() or form.save()
    assert log.done[-1].text.startswith("Add ") and log.done[-1].text.endswith(f"(£25) for TH-2018-009 to {PILOT}")


def test_the_spend_line_dialogs_first_line_names_the_referral_chosen_in_the_window(demo_window, qtbot):
    demo_window.resize(1280, 690)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.funds
    assert page.referrals.select_where(lambda r: r["reference"] == "TH-2018-001")
    dialog = open_dialog(qtbot, page, "Spend line")
    assert first_line(dialog) == f"Spend line for TH-2018-001 in {PILOT}"
    type_into(qtbot, field(dialog, "Referral"), "TH-2018-009")
    assert first_line(dialog) == f"Spend line for TH-2018-009 in {PILOT}"
    type_into(qtbot, field(dialog, "Date"), "20/06/2018")
    type_into(qtbot, field(dialog, "Amount (blank: the usual price)"), "25")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    assert demo_window.session.undo_stack.undoText().endswith(f"(£25) for TH-2018-009 to {PILOT}")


def test_fund_settings_in_the_window_offers_spend_keyed_to(demo_window, qtbot):
    demo_window.resize(1280, 690)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    tab.pages.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.funds
    qtbot.waitUntil(lambda: page.data is not None and not page.is_busy(), timeout=10000)
    page.edit_fund_dialog()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    dialog = page.dialog
    type_into(qtbot, field(dialog, "Spend keyed to"), "30/06/2018")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    assert funds.fund_by_name(page.store, PILOT).spend_keyed_to == date(2018, 6, 30)
    assert demo_window.session.undo_stack.undoText() == f"Change the settings of {PILOT}: spend keyed to 30/06/2018"


# -- 6. a fund renamed: the same duplicate check as a new fund ----------------------------------------------------

@pytest.mark.parametrize("typed", ["Suffolk  Target Hardening Pilot", "suffolk target hardening pilot",
                                   "SUFFOLK TARGET HARDENING PILOT\u00a0"])
def test_a_fund_renamed_to_an_existing_funds_name_as_typed_is_refused(demo_store, typed):
    p, log = presenter(demo_store)
    other = funds.add_fund(demo_store, name="Other Fund", starts_on="01/04/2019", ends_on="31/03/2020")
    p.reload(select=other)
    form = p.edit_fund_form()
    form.set_value("name", typed)
    assert not form.save()
    assert form.message("name") == f"Name: there is already a fund called {PILOT}."
    assert not log.done
    form = p.new_fund_form()
    fill(form, {"name": typed, "starts_on": "01/04/2019", "ends_on": "31/03/2020"})
    assert not form.save() and form.message("name") == f"Name: there is already a fund called {PILOT}."


def test_a_funds_own_name_retyped_in_another_case_or_spacing_is_kept(demo_store):
    fund = funds.fund_by_name(demo_store, PILOT)
    funds.add_fund(demo_store, name="Pilot\u2013Two", starts_on="01/04/2019", ends_on="31/03/2020")
    with pytest.raises(FundError, match="there is already a fund called Pilot\u2013Two\\."):
        funds.update_fund(demo_store, fund.id, name="pilot-two")
    assert funds.update_fund(demo_store, fund.id, name="Suffolk Target  Hardening pilot")["name"] == \
        "Suffolk Target  Hardening pilot"


# -- 7. the county export never dates a fund's spend before the fund began ---------------------------------------

def test_small_number_merging_dates_a_quarter_no_earlier_than_the_funds_first_month():
    lines = [SpendLine("f", "babergh", "2018-05", "Locks", "r1", 95000, True),
             SpendLine("f", "babergh", "2018-06", "Locks", "r2", 95000, True)]
    rows = summarise_with_disclosure_control(lines, periods={"f": ("2018-05", "2019-04")})
    assert [(r.month, r.item, r.victims, r.amount_pence, sorted(r.spent_in)) for r in rows] == [
        ("2018-05", "Other items", 2, 190000, ["2018-05", "2018-06"])]
    # a fund that began at the quarter's start, or no period given: the quarter's first month as before
    assert [r.month for r in summarise_with_disclosure_control(lines)] == ["2018-04"]
    assert [r.month for r in summarise_with_disclosure_control(lines, periods={"f": ("2018-04", "2019-03")})] == \
        ["2018-04"]
    # the whole-period step too: a fund of two victims in February and March that began in March
    late = [SpendLine("g", "a", "2019-02", "Locks", "r1", 100, True),
            SpendLine("g", "b", "2019-03", "Alarm", "r2", 100, True)]
    rows = summarise_with_disclosure_control(late, periods={"g": ("2019-02", "2019-06")})
    assert [r.month for r in rows] == ["2019-02"]


def sanctuary_fund(store) -> str:
    """A fund from 01/05/2018 with two victims in Babergh, £950 in May and £950 in June (too few to keep apart)."""
    fund = funds.add_fund(store, name="Sanctuary Fund", starts_on="01/05/2018", ends_on="30/04/2019")
    funds.add_contribution(store, fund, organisation="Babergh District Council", amount="£5,000",
                           received_on="01/05/2018")
    for ref, day in (("SF-2018-001", "03/05/2018"), ("SF-2018-002", "04/06/2018")):
        referral = funds.add_referral(store, fund, reference=ref, district="Babergh", referred_on=day,
                                      risk_level="high", at_marac="yes", idva_assigned="yes",
                                      perpetrator_resident="no")
        funds.add_spend_line(store, referral, spent_on=day, item="Replacement door locks", amount="£950")
    return fund


def test_the_county_export_dates_a_funds_spend_no_earlier_than_the_fund_began(demo_store, tmp_path):
    from safer_desk.services.county import export_for_county

    from tests.exchange.helpers import merge_accepting

    sanctuary_fund(demo_store)
    today = date(2018, 7, 20)
    out = export_for_county(demo_store, tmp_path / "export.sqlite").path
    export = open_store(out, read_only=True)
    try:
        fund = funds.fund_by_name(export, "Sanctuary Fund")
        assert [tuple(r) for r in export.rows("SELECT month, victims, amount_pence FROM fund_spend_summary "
                                              "WHERE fund_id = ?", (fund.id,))] == [("2018-05", 2, 190000)]
        there = funds.fund_figures(export, fund.id, today=today)
        # the span the county reads back: dated May, holding May and June
        assert there.merged == {Month(2018, 5): (Month(2018, 5), Month(2018, 6))}
        assert there.merged_words(Month(2018, 5)).startswith("May-18 also holds spend of Jun-18")
        f = there.forecast
        # May's and June's spend spread over the two months (round 26): as at June, the office's own forecast
        assert f.as_at == Month(2018, 6) and f.burn_rate_pence == 95_000 and f.exhaustion_month == Month(2018, 10)
        assert f.left_at_end_pence < 0  # the money runs out before the end, as in the office's own forecast
        assert not any("fewer than three victims" in w for w in f.warnings)  # the county's forecast is the office's
    finally:
        export.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county")
    try:
        merge_accepting(county, [out])
        there = funds.fund_figures(county, funds.fund_by_name(county, "Sanctuary Fund").id, today=today)
        assert min(there.by_month)[0] >= Month(2018, 5) and there.forecast.burn_rate_pence > 0
        assert there.merged == {Month(2018, 5): (Month(2018, 5), Month(2018, 6))}
    finally:
        county.close()
