"""Pooled funds, round 25: months declared fully keyed with no spend count in the burn rate (spend that stopped
is not forecast at its old rate)."""

from __future__ import annotations

import csv
import io
from datetime import date

from PySide6.QtCore import Qt

from safer_desk.cli import main
from safer_desk.domain.funds import forecast_fund
from safer_desk.domain.periods import Month
from safer_desk.services import funds
from safer_desk.storage.store import open_store
from tests.costs.test_new_case_then_cost_line import button, field, open_dialog, type_into

PILOT = "Suffolk Target Hardening Pilot"
SEED_MONTHS = {Month(2018, 4): 79_500, Month(2018, 5): 83_500, Month(2018, 6): 78_700}  # £2,417 (seed 002 §6.4)


def cli_values(capsys, *argv) -> dict[str, str]:
    assert main(list(argv)) == 0
    return dict(csv.reader(io.StringIO(capsys.readouterr().out)))


# -- 1. spend that stopped, in months said to be fully keyed ------------------------------------------------------

def test_months_keyed_with_no_spend_count_as_zero_in_the_burn_rate(demo_store):
    """Spend keyed to 28/02/2019 and nothing spent since June 2018: the burn rate read £805.67 a month "to Jun-18"
    and the fund ran out in April 2020, as if the eight months the officer said were fully keyed had not happened."""
    fund = funds.fund_by_name(demo_store, PILOT)
    funds.set_spend_keyed_to(demo_store, fund.id, "28/02/2019")
    figures = funds.fund_figures(demo_store, fund.id, today=date(2019, 3, 12))
    f = figures.forecast
    assert f.as_at == Month(2019, 2) and f.window_spend_pence == 0 and f.burn_rate_pence == 0
    assert f.exhaustion_month is None and f.lasts_past is not None and f.warnings == ()
    twelve = figures.ranges.forecasts[-1]  # Apr-18 to Feb-19: eleven months of the fund
    assert (twelve.window_months, twelve.burn_rate_pence) == (11, 21_973)
    assert "the 3 months to Feb-19" in funds.forecast_sentence(figures)


def test_the_command_lines_keyed_to_counts_the_keyed_months_with_no_spend(demo_path, capsys):
    values = cli_values(capsys, "fund", str(demo_path), PILOT, "--today", "12/03/2019", "--keyed-to", "28/02/2019")
    assert (values["burn_rate_as_at_month"], values["monthly_burn_rate"]) == ("2019-02", "0")
    assert values["forecast_exhaustion_month"] == "" and values["left_at_period_end"] == "17583"
    assert values["monthly_burn_rate_12m"] == "219.73"


def test_without_a_keyed_to_date_the_burn_rate_still_runs_to_the_latest_month_with_spend(demo_store):
    fund = funds.fund_by_name(demo_store, PILOT)
    f = funds.fund_figures(demo_store, fund.id, today=date(2019, 3, 12)).forecast
    assert (f.as_at, f.exhaustion_month) == (Month(2018, 6), Month(2020, 4))  # the seed paper's worked example


def test_keyed_to_within_a_month_with_spend_keeps_that_month_out():
    f = forecast_fund(2_000_000, {**SEED_MONTHS, Month(2018, 7): 15_450}, start=Month(2018, 4), end=Month(2019, 9),
                      incomplete_from=Month(2018, 7), complete_to=Month(2018, 6))
    assert (f.as_at, f.exhaustion_month) == (Month(2018, 6), Month(2020, 4))


def test_keyed_to_past_the_funds_end_runs_the_burn_rate_to_its_last_month():
    f = forecast_fund(2_000_000, SEED_MONTHS, start=Month(2018, 4), end=Month(2019, 9),
                      incomplete_from=Month(2019, 11), complete_to=Month(2019, 10))
    assert f.as_at == Month(2019, 9) and f.burn_rate_pence == 0


# -- 2. a fund with no spend yet has no run-out to speak of --------------------------------------------------------

def fund_page(window, qtbot):
    window.resize(1280, 690)
    window.show()
    tab = window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.funds
    qtbot.waitUntil(lambda: page.data is not None and not page.is_busy(), timeout=10000)
    return tab, page


def save(qtbot, tab, dialog):
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)


def test_a_new_funds_runs_out_reads_a_dash_not_that_it_lasts(demo_window, qtbot):
    """A fund with no spend yet read "Runs out: Not at this rate" (it lasts) beside a burn rate of "—" and a sentence
    saying there is no forecast: there is no rate to last at, and the command line leaves the month blank."""
    tab, page = fund_page(demo_window, qtbot)
    page.new_fund_dialog()
    dialog = page.dialog
    type_into(qtbot, field(dialog, "Name"), "Lowestoft Sanctuary")
    type_into(qtbot, field(dialog, "Starts"), "01/04/2019")
    type_into(qtbot, field(dialog, "Ends"), "31/03/2020")
    save(qtbot, tab, dialog)
    dialog = open_dialog(qtbot, page, "Contribution")
    type_into(qtbot, field(dialog, "Contributor"), "Waveney District Council")
    type_into(qtbot, field(dialog, "Amount"), "1234.56")
    type_into(qtbot, field(dialog, "Received"), "01/04/2019")
    save(qtbot, tab, dialog)
    shown = {k: label.text() for k, label in page.figure_labels.items()}
    assert (shown["contributions"], shown["balance"], shown["burn"]) == ("£1,234.56", "£1,234.56", "—")
    assert shown["runs_out"] == "—"
    # seen today, after its period (round 34): it ended with nothing spent, not "no spend yet"; what it received is
    # what is left at its end (round 59), not "—"
    assert shown["at_end"] == "£1,234.56 left"
    assert "period ended on 31/03/2020: nothing is recorded as spent" in page.sentence.text()


# -- 3. spend already keyed in a month not complete is money gone ---------------------------------------------------

def add_july_line(store, amount: str):
    fund = funds.fund_by_name(store, PILOT)
    referral = funds.add_referral(store, fund.id, reference="TH-2018-099", district="Babergh",
                                  referred_on="02/07/2018", risk_level="high", at_marac=True, idva_assigned=True,
                                  perpetrator_resident=False)
    funds.add_spend_line(store, referral, spent_on="04/07/2018", item="Door chain", amount=amount)
    return fund


def test_spend_keyed_in_the_month_under_way_that_overspends_the_fund_is_not_forecast_away(demo_store):
    """£18,000 keyed on 4 July 2018 (July under way): the balance read −£417, yet the forecast said the fund covered
    spending to March 2020 with £5,498 left at the end of the period, as if the £18,000 had not been spent."""
    fund = add_july_line(demo_store, "18000")
    figures = funds.fund_figures(demo_store, fund.id, today=date(2018, 7, 20))
    f = figures.forecast
    assert figures.balance_pence == -41_700
    assert f.as_at == Month(2018, 6) and f.burn_rate_pence == 80_567  # July is still left out of the burn rate
    assert (f.exhaustion_month, f.last_funded_month) == (Month(2018, 7), Month(2018, 6))
    assert f.left_at_end_pence == -41_700 - 80_567 * 14  # −£11,696.38 at the rate shown (s76)
    assert f.forecast_line[1] == (Month(2018, 7), 2_041_700)  # the line goes through what is already spent
    assert "more than the burn rate" in " ".join(f.warnings)
    assert "the fund covers spending to Jun-18 and runs out in Jul-18" in funds.forecast_sentence(figures)


def test_a_large_line_in_the_month_under_way_brings_the_run_out_forward(demo_path, capsys):
    store = open_store(demo_path)
    try:
        add_july_line(store, "5000")
    finally:
        store.close()
    values = cli_values(capsys, "fund", str(demo_path), PILOT, "--today", "20/07/2018")
    # July at the £5,000 already keyed, then £805.67 a month: £12,583 lasts 15.6 more months
    assert (values["monthly_burn_rate"], values["forecast_exhaustion_month"]) == ("805.67", "2019-11")
    assert values["left_at_period_end"] == "1303.62"  # 17,583 − 5,000 − 14 × 805.67 (not 5,497.95)


def test_spend_under_the_burn_rate_in_the_month_under_way_still_changes_nothing():
    f = forecast_fund(2_000_000, {**SEED_MONTHS, Month(2018, 7): 15_450}, start=Month(2018, 4), end=Month(2019, 9),
                      incomplete_from=Month(2018, 7))
    assert (f.exhaustion_month, f.left_at_end_pence) == (Month(2020, 4), 549_795)


def test_spend_keyed_after_the_run_out_at_the_rate_does_not_move_it_later():
    f = forecast_fund(100_000, {Month(2018, 4): 50_000, Month(2018, 12): 1_000}, start=Month(2018, 4),
                      end=Month(2019, 9), incomplete_from=Month(2018, 5))
    assert f.exhaustion_month == Month(2018, 6)  # £500 left after April at £500 a month: May covered, June not


def test_the_window_counts_spend_keyed_this_month_past_the_balance(demo_window, qtbot):
    """The page (which counts from today) said the fund lasted months more when this month's invoices had spent it."""
    this_month = Month.of(date.today())
    first = this_month.plus(-3)
    store = demo_window.session.store
    fund_id = funds.add_fund(store, name="Lowestoft Sanctuary", starts_on=first.first_day.isoformat(),
                             ends_on=this_month.plus(11).first_day.isoformat())
    funds.add_contribution(store, fund_id, organisation="Waveney District Council", amount="1000")
    referral = funds.add_referral(store, fund_id, reference="LS-001", district="Waveney",
                                  referred_on=first.first_day.isoformat(), risk_level="high", at_marac=True,
                                  idva_assigned=True, perpetrator_resident=False)
    for k in range(3):
        funds.add_spend_line(store, referral, spent_on=first.plus(k).first_day.isoformat(), item="Door chain",
                             amount="100")
    funds.add_spend_line(store, referral, spent_on=date.today().isoformat(), item="Window locks", amount="900")
    _, page = fund_page(demo_window, qtbot)
    page.fund_combo.setCurrentIndex(page.fund_combo.findData(fund_id))
    qtbot.waitUntil(lambda: page.data.figures.fund.id == fund_id and not page.is_busy(), timeout=10000)
    shown = {k: label.text() for k, label in page.figure_labels.items()}
    assert (shown["balance"], shown["burn"]) == ("-£200", "£100 a month")
    assert shown["runs_out"] == f"⚠ Before the end: {this_month.first_day:%b %Y}"
    assert shown["last_funded"] == f"{this_month.plus(-1).first_day:%b %Y}"
