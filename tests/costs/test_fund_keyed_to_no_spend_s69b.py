"""S69: a fund with nothing spent but its spend said keyed to a date had no burn rate.

A fund of £5,000 from 01/04/2025, nothing spent, Fund settings' *Spend keyed to* 31/08/2025: on 15/09/2025 April
to August are complete with £0 spent in them, and `safer-desk fund --as-at 2025-08` gave a burn rate of 0 and £5,000
left at the period's end; without --as-at, and on the page, there was no burn rate at all ("—", blank), as if no
month were complete. The burn rate now runs to the month spend is keyed to, spent or not: £0 a month."""

from __future__ import annotations

import csv
import io
from datetime import date

from safer_desk.domain.periods import Month
from safer_desk.services import funds
from tests.costs.test_cli import run

TODAY = date(2025, 9, 15)
NAME = "Quiet pot"


def _fund(store) -> str:
    fund = funds.add_fund(store, name=NAME, starts_on="01/04/2025", ends_on="31/03/2026", risk_levels="high")
    funds.set_spend_keyed_to(store, fund, "31/08/2025")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£5,000",
                           received_on="01/04/2025")
    return fund


def test_the_burn_rate_runs_to_the_month_keyed_to_at_nothing_spent(demo_store):
    fund = _fund(demo_store)
    shown = funds.fund_figures(demo_store, fund, today=TODAY)
    chosen = funds.fund_figures(demo_store, fund, today=TODAY, as_at=Month.parse("2025-08"))
    assert shown.forecast.as_at == Month.parse("2025-08")
    assert (shown.forecast.burn_rate_pence, shown.left_at_end_pence) == (0, 500_000)
    assert funds.fund_report_rows(shown) == funds.fund_report_rows(chosen)


def test_the_sentence_says_nothing_is_spent_not_fifty_years(demo_store):
    said = funds.forecast_sentence(funds.fund_figures(demo_store, _fund(demo_store), today=TODAY))
    assert said == ("Nothing spent to Aug-25, the last month spend is keyed to: at £0 a month the fund does not run "
                    "out, and £5,000 would be left at the end of the period (Mar-26).")


def test_the_command_line_gives_the_same_with_or_without_as_at(demo_store, demo_path, capsys):
    _fund(demo_store)
    printed = []
    for extra in ((), ("--as-at", "2025-08")):
        code, out, err = run(capsys, "fund", str(demo_path), NAME, "--today", "15/09/2025", *extra)
        assert code == 0, err
        printed.append(dict(csv.reader(io.StringIO(out))))
    assert printed[0] == printed[1]
    assert (printed[0]["monthly_burn_rate"], printed[0]["left_at_period_end"]) == ("0", "5000")


def test_the_page_shows_a_burn_rate_of_nothing(demo_window, qtbot):
    from tests.costs.test_fund_page_round30d import _page_on

    _fund(demo_window.session.store)
    page = _page_on(demo_window, qtbot, TODAY, NAME)
    assert page.figure_labels["burn"].text().startswith("£0")


def test_a_month_chosen_before_it_is_not_called_the_month_keyed_to(demo_store):
    said = funds.forecast_sentence(funds.fund_figures(demo_store, _fund(demo_store), today=TODAY,
                                                      as_at=Month.parse("2025-07")))
    assert said.startswith("Nothing spent to Jul-25: at £0 a month the fund does not run out"), said
