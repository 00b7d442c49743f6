"""Pooled funds, round 34 (fnd): a forecast that runs from a month long past, said as such.

1. The example's Suffolk pilot seen in December 2026 (its period ended on 30/09/2019, £2,417 of £20,000 recorded as
   spent, all of it April–June 2018, no "Spend keyed to" date): the window, `safer-desk fund` and the board report
   said "open", £805.67 a month as at Jun-18 and "runs out in Apr-20 … £5,498 would be left", in the future tense,
   with nothing said of Jul-18 to Sep-19, months that are over with no spend recorded. A fund whose period has ended
   is now said to have ended (status "ended"), with what was spent and what is left unspent as recorded; the forecast
   is kept as what it is, a projection from the burn-rate month; the months over with no spend are said.
2. The same silence for a live fund whose officer stopped keying spend: seen on 10/10/2018, July to September 2018
   are over with no spend recorded, and the forecast still ran from June at June's rate without a word.
The figures themselves (burn rate, run-out, what would be left at the end) are unchanged: the paper's are tests.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from safer_desk.cli import main
from safer_desk.domain.funds import KEYED_TO_ON_THE_COMMAND_LINE
from safer_desk.domain.periods import Month
from safer_desk.presenters.funds import months_as_the_window_names_them
from safer_desk.services import funds
from safer_desk.services.report_sections.costs import board_report_sections

PILOT = "Suffolk Target Hardening Pilot"
LATER = date(2026, 12, 1)  # long after the pilot's period (01/04/2018 to 30/09/2019)
GAP = ("No spend is recorded after Jun-18, though Jul-18 to Sep-19 are over: if spend since is still to be keyed, "
       "key it; if nothing was spent, record the date spend is keyed to in Fund settings… (on the command line, "
       "--keyed-to gives it for one run), and those months count as £0 in the burn rate. Until then the forecast "
       "runs from Jun-18.")


def pilot(store) -> funds.Fund:
    return funds.fund_by_name(store, PILOT)


def cli_rows(capsys, *args) -> tuple[dict[str, str], str]:
    assert main(["fund", *args]) == 0
    captured = capsys.readouterr()
    return dict(list(csv.reader(io.StringIO(captured.out)))[1:]), captured.err


# -- 1. a fund whose period has ended ---------------------------------------------------------------------------

def test_an_ended_funds_figures_are_kept_and_the_months_with_no_spend_are_said(demo_store):
    figures = funds.fund_figures(demo_store, pilot(demo_store).id, today=LATER)
    f = figures.forecast
    # the paper's figures, as before
    assert (f.as_at, f.burn_rate_pence, f.exhaustion_month, f.left_at_end_pence) == (Month(2018, 6), 80_567,
                                                                                     Month(2020, 4), 549_795)
    assert GAP in f.warnings
    assert figures.period_ended and funds.status_word(figures) == "ended"


def test_an_ended_fund_is_said_to_have_ended_with_its_spend_and_what_is_left_and_the_forecast_as_a_projection(
        demo_store):
    text = funds.forecast_sentence(funds.fund_figures(demo_store, pilot(demo_store).id, today=LATER))
    assert text.startswith("The fund's period ended on 30/09/2019: £2,417 is recorded as spent, so £17,583 of the "
                           "£20,000 received is left unspent as recorded.")
    assert ("Projected from Jun-18 at £805.67 a month (the 3 months to Jun-18), the fund would have covered spending "
            "to Mar-20 and run out in Apr-20, with £5,497.95 left at the period's end (Sep-19): a projection, not "
            "spend recorded.") in text
    assert GAP in text
    assert "When its spend is all keyed, close it in Fund settings…" in text
    assert " runs out in " not in text and "would be left" not in text  # no future tense for a period over
    assert "Over 3-, 6- and 12-month windows" not in text


def test_the_command_line_says_ended_keeps_the_figures_and_warns_of_the_months_with_no_spend(demo_path, capsys):
    values, err = cli_rows(capsys, str(demo_path), PILOT, "--today", "01/12/2026")
    assert values["status"] == "ended"
    assert (values["monthly_burn_rate"], values["forecast_exhaustion_month"], values["left_at_period_end"]) == (
        "805.67", "2020-04", "5497.95")
    assert GAP in values["forecast_warnings"] and f"safer-desk: warning: {GAP}" in err


def test_the_board_report_says_the_same(demo_store):
    section = next(s for s in board_report_sections(demo_store, today=LATER) if s.title == f"{PILOT}: burn-down")
    said = funds.forecast_sentence(funds.fund_figures(demo_store, pilot(demo_store).id, today=LATER))
    # the same words, less the command line's --keyed-to (advice to the officer, not the board: session 45)
    assert said.replace(KEYED_TO_ON_THE_COMMAND_LINE, "") in section.paragraphs and "period ended on 30/09/2019" in said


def test_spend_keyed_to_the_last_day_leaves_no_projection_and_no_gap(demo_store):
    fund = pilot(demo_store)
    funds.set_spend_keyed_to(demo_store, fund.id, "30/09/2019")
    figures = funds.fund_figures(demo_store, fund.id, today=LATER)
    text = funds.forecast_sentence(figures)
    assert text.startswith("The fund's period ended on 30/09/2019: £2,417 is recorded as spent, so £17,583")
    assert "Projected" not in text and "No spend is recorded after" not in text
    assert figures.forecast.left_at_end_pence == 1_758_300  # the months keyed with no spend: nothing more went


def test_a_closed_fund_is_closed_not_ended_and_says_no_gap(demo_store):
    fund = pilot(demo_store)
    funds.update_fund(demo_store, fund.id, status="closed")
    figures = funds.fund_figures(demo_store, fund.id, today=LATER)
    assert funds.status_word(figures) == "closed"
    assert not any(w.startswith("No spend is recorded after") for w in figures.forecast.warnings)
    assert funds.forecast_sentence(figures).startswith("The fund is closed")


# -- 2. a live fund whose spend stopped being keyed -------------------------------------------------------------

def test_a_live_fund_with_months_over_and_no_spend_says_so_and_stays_open(demo_store):
    figures = funds.fund_figures(demo_store, pilot(demo_store).id, today=date(2018, 10, 10))
    f = figures.forecast
    assert (f.as_at, f.burn_rate_pence, f.exhaustion_month) == (Month(2018, 6), 80_567, Month(2020, 4))
    gap = next(w for w in f.warnings if w.startswith("No spend is recorded after"))
    assert gap.startswith("No spend is recorded after Jun-18, though Jul-18 to Sep-18 are over:")
    assert funds.status_word(figures) == "open" and not figures.period_ended
    assert "the fund covers spending to Mar-20 and runs out in Apr-20" in funds.forecast_sentence(figures)


def test_one_month_over_with_no_spend_is_said_in_the_singular(demo_store):
    f = funds.fund_figures(demo_store, pilot(demo_store).id, today=date(2018, 8, 2)).forecast
    assert any(w.startswith("No spend is recorded after Jun-18, though Jul-18 is over:") and "that month counts"
               in w for w in f.warnings), f.warnings


@pytest.mark.parametrize("today", [date(2018, 7, 20), date(2018, 6, 30)])
def test_no_gap_while_the_burn_rates_month_is_the_last_one_over(demo_store, today):
    f = funds.fund_figures(demo_store, pilot(demo_store).id, today=today).forecast
    assert not any(w.startswith("No spend is recorded after") for w in f.warnings), f.warnings


def test_spend_keyed_to_a_date_says_no_gap(demo_store):
    fund = pilot(demo_store)
    funds.set_spend_keyed_to(demo_store, fund.id, "30/09/2018")
    f = funds.fund_figures(demo_store, fund.id, today=date(2018, 10, 10)).forecast
    assert not any(w.startswith("No spend is recorded after") for w in f.warnings), f.warnings


# -- the window --------------------------------------------------------------------------------------------------

def test_the_window_says_the_fund_ended_and_marks_the_forecast_as_projected(demo_window, qtbot):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    page.today = LATER
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    qtbot.waitUntil(lambda: page.data.figures.period_ended, timeout=10000)
    text = page.sentence.text()
    assert text.startswith(f"{PILOT} (period ended, 01/04/2018 to 30/09/2019;") and "(open," not in text
    assert months_as_the_window_names_them(funds.forecast_sentence(page.data.figures)) in text  # "Jun 2018"
    assert page.figure_labels["runs_out"].text() == "Apr 2020 (projected)"
    assert page.figure_labels["at_end"].text() == "£5,497.95 left (projected)"
    assert ("projected from Jun 2018 it would have run out in Apr 2020; the period ended in Sep 2019."
            in page.chart.accessibleDescription())


def test_the_workbooks_figures_say_ended_too(demo_store):
    from safer_desk.presenters.funds import FundsPresenter, figures_rows

    page = FundsPresenter(demo_store, today=lambda: LATER)
    page.reload(select=pilot(demo_store).id)
    rows = {r[0]: r for r in figures_rows(page.data.figures)}
    assert rows["status"][2] == "ended" and rows["left_at_period_end"][1] == 549_795
    assert months_as_the_window_names_them(GAP) in rows["forecast_warnings"][2]  # "Jun 2018", as the page
