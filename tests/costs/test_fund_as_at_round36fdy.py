"""Pooled funds, round 36 (fdy): the board report's fund as at the report's day, and the command line's run-out.

1. The board report for 2018/19, made on 01/12/2026, gave the reviews as at 31/03/2019 but the Suffolk pilot "As at
   01/12/2026 (today)": period ended, £17,583 left unspent. A board reading the 2018/19 paper expects the fund as the
   year ended: open, six months to run, the same figures `safer-desk fund --today 31/03/2019` prints and Costs >
   Pooled funds shows on that day, to the penny. A fund that had not begun by the report's day is not listed.
2. `safer-desk fund` printed forecast_exhaustion_month_3m/_6m/_12m naming a month already over with nothing to tell
   a script it is no forecast (the main row's warning says so for its own month only), and an ended fund's
   left_at_period_end with nothing to say it is a projection. Rows are added (…_kind), none renamed or changed.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from safer_desk.domain.funds import KEYED_TO_ON_THE_COMMAND_LINE
from safer_desk.domain.periods import Month
from safer_desk.services import funds
from tests.costs.test_cli import run
from tests.costs.test_fund_past_run_out_round36fnx import small_fund, stale_fund

PILOT = "Suffolk Target Hardening Pilot"
MADE_ON = date(2026, 12, 1)
YEAR_END = date(2019, 3, 31)


def _fund_section(store, name: str = PILOT, **report):
    from safer_desk.services.report import build_report

    document = build_report(store, today=MADE_ON, **report)
    return next((s for s in document.sections if s.title == f"{name}: burn-down"), None)


def _cli_values(capsys, path, name: str, *argv: str) -> dict[str, str]:
    code, out, err = run(capsys, "fund", str(path), name, *argv)
    assert code == 0, err
    return dict(csv.reader(io.StringIO(out)))


# -- 1. the board report's fund as at its day ------------------------------------------------------------------

def test_a_past_years_report_gives_the_fund_as_the_year_ended(demo_store):
    section = _fund_section(demo_store, year="2018/19")
    # The year's last day is over when its paper is read: March is complete (round 40, qbr).
    figures = funds.fund_figures(demo_store, funds.fund_by_name(demo_store, PILOT).id, today=YEAR_END,
                                 day_named=True)
    assert not figures.period_ended and figures.today == YEAR_END
    said = section.paragraphs[0]
    assert said.startswith("As at 31/03/2019, the end of 2018/19: contributions £20,000;"), said
    assert "01/12/2026" not in " ".join(section.paragraphs), section.paragraphs
    # as the fund's page says it, less the command line's --keyed-to (advice to the officer, not the board: session 45)
    assert section.paragraphs[1] == funds.forecast_sentence(figures).replace(KEYED_TO_ON_THE_COMMAND_LINE, "")
    assert "period ended" not in section.paragraphs[1], section.paragraphs[1]


def test_the_report_the_command_line_and_the_page_agree_to_the_penny(demo_window, qtbot, demo_path, capsys):
    from safer_desk.domain.money import format_money
    from tests.costs.test_fund_page_round30d import _page_on

    store = demo_window.session.store
    # A contribution after the year's end and a spend line in March 2019: neither the same as the year's end nor
    # as today, so each figure is the day's own.
    fund = funds.fund_by_name(store, PILOT)
    funds.add_contribution(store, fund.id, organisation="Suffolk County Council", amount="£1,000.50",
                           received_on="15/04/2019")
    referral = funds.add_referral(store, fund.id, reference="TH-2019-901", district="Ipswich",
                                  referred_on="02/03/2019", risk_level="high", at_marac="yes", idva_assigned="yes",
                                  perpetrator_resident="no")
    funds.add_spend_line(store, referral, spent_on="05/03/2019", item="Door chain", amount="£25.37")
    funds.add_spend_line(store, referral, spent_on="05/05/2019", item="Door chain", amount="£13.11")
    values = _cli_values(capsys, demo_path, PILOT, "--today", "31/03/2019")
    section = _fund_section(store, year="2018/19")
    page = _page_on(demo_window, qtbot, YEAR_END, PILOT)
    shown = page.presenter.read().figures
    assert (values["spend"], values["balance"], values["victims"]) == ("2442.37", "17557.63", "16")
    assert shown.spent_pence == 244_237 and shown.balance_pence == 1_755_763 and shown.victims == 16
    assert page.figure_labels["balance"].text() == format_money(shown.balance_pence) == "£17,557.63"
    said = section.paragraphs[0]
    assert (f"contributions {format_money(shown.contributions_pence)}; spent £2,442.37 supporting 16 victims"
            in said), said
    assert "balance £17,557.63." in said, said
    # The same money; its forecast counts March 2019 (over when the year's paper is read, round 40 qbr), where the
    # page on 31/03/2019 itself, a day not yet over, leaves it out.
    as_year_ended = funds.fund_figures(store, fund.id, today=YEAR_END, day_named=True)
    assert (as_year_ended.spent_pence, as_year_ended.balance_pence) == (shown.spent_pence, shown.balance_pence)
    # The paper's burn rate is over whole stretches of the months its table joins (March's one victim is given with
    # the months before it, s71): the figures as they leave the office (``shared``), the same money.
    assert section.paragraphs[1] == funds.forecast_sentence(as_year_ended.shared)
    month_rows = next(t for t in section.tables if t.title == "Spend per month")
    assert month_rows.total_row == ["Total", "16", "£2,442.37"]
    assert values["forecast_exhaustion_month"] == shown.forecast.exhaustion_month.iso  # the command line's
    # --today 31/03/2019 is the position during that day, as the page's: March not complete
    # The money and spend dated after the report's day came after 31/03/2019, not after the day it was made.
    assert ("£1,000.50 of the contributions is dated after 31/03/2019 (the first on 15/04/2019)"
            in section.paragraphs[1]), section.paragraphs[1]
    assert "£13.11 of the spend is dated after 31/03/2019" in section.paragraphs[1], section.paragraphs[1]
    assert "after today" not in section.paragraphs[1]
    assert "£1,000.50 of the contributions is dated after today" in values["forecast_warnings"]  # its own --today


def test_a_report_as_at_a_day_in_the_year_says_that_day(demo_store):
    section = _fund_section(demo_store, as_at=date(2018, 7, 20))
    figures = funds.fund_figures(demo_store, funds.fund_by_name(demo_store, PILOT).id, today=date(2018, 7, 20))
    assert section.paragraphs[0].startswith("As at 20/07/2018: contributions £20,000;"), section.paragraphs[0]
    assert section.paragraphs[1] == funds.forecast_sentence(figures)


def test_a_report_of_today_reads_as_before(demo_store):
    section = _fund_section(demo_store)
    assert section.paragraphs[0].startswith("Contributions £20,000;"), section.paragraphs[0]
    assert "The fund's period ended on 30/09/2019" in section.paragraphs[1]


def test_a_fund_not_begun_by_the_reports_day_is_not_listed(demo_store):
    assert _fund_section(demo_store, as_at=date(2018, 3, 1)) is None
    assert _fund_section(demo_store, year="2017/18") is None  # as before: not running in the year
    assert _fund_section(demo_store, as_at=date(2018, 4, 1)) is not None  # its first day


# -- 2. the command line's run-out rows ------------------------------------------------------------------------
# funds.kind_rows says what each run-out month and the end's figure is: `safer-desk fund` prints them after every
# row there was, and the fund report's workbook and CSV list them too.


def _kinds(store, name: str, today: date, **given) -> dict[str, str]:
    figures = funds.fund_figures(store, funds.fund_by_name(store, name).id, today=today, **given)
    return dict(funds.kind_rows(figures))


def test_the_main_run_out_row_says_what_it_is(demo_store):
    stale_fund(demo_store)
    small_fund(demo_store, "Overspent", "£1,000", [("10/04/2025", "£600"), ("10/05/2025", "£600")])
    stale = _kinds(demo_store, "Stale", date(2025, 12, 10))
    assert stale["forecast_exhaustion_month_kind"] == "projected"
    assert [stale[f"forecast_exhaustion_month_{w}m_kind"] for w in (3, 6, 12)] == ["projected"] * 3
    coming = _kinds(demo_store, "Stale", date(2025, 6, 20))
    assert coming["forecast_exhaustion_month_kind"] == "forecast" and coming["left_at_period_end_kind"] == "forecast"
    assert _kinds(demo_store, "Overspent", date(2025, 7, 10))["forecast_exhaustion_month_kind"] == "ran_out"


def _slowed(store) -> None:
    # Heavy spend in April and May, little since: on 3 months the money lasts to 2026, on 6 and 12 (five months
    # of spend) it would have run out in Oct-25, a month over by 10/12/2025 while £700 is left.
    small_fund(store, "Slowed", "£3,000", [("10/04/2025", "£1,000"), ("10/05/2025", "£1,000"),
                                           ("10/06/2025", "£100"), ("10/07/2025", "£100"), ("10/08/2025", "£100")])


def test_a_range_month_already_over_is_said_to_be_a_projection(demo_store):
    _slowed(demo_store)
    figures = funds.fund_figures(demo_store, funds.fund_by_name(demo_store, "Slowed").id, today=date(2025, 12, 10))
    months = {w: f.exhaustion_month for w, f in zip(figures.ranges.windows, figures.ranges.forecasts)}
    assert months == {3: Month(2026, 4), 6: Month(2025, 10), 12: Month(2025, 10)} and figures.balance_pence == 70_000
    kinds = dict(funds.kind_rows(figures))
    assert kinds["forecast_exhaustion_month_kind"] == "forecast"
    assert [kinds[f"forecast_exhaustion_month_{w}m_kind"] for w in (3, 6, 12)] == ["forecast", "projected",
                                                                                   "projected"]
    sentence = funds.forecast_sentence(figures)
    assert "runs out between Oct-25" not in sentence, sentence
    assert ("Over 3-, 6- and 12-month windows the fund runs out in Apr-26: Apr-26 on 3 months; it would have run out "
            "in a month already over: Oct-25 on 6 months (only 5 months of spend); Oct-25 on 12 months (only 5 "
            "months of spend), a projection the spend recorded since does not bear out, not a forecast.") in sentence


def test_an_ended_funds_left_at_the_end_is_marked_projected(demo_store):
    kinds = _kinds(demo_store, PILOT, MADE_ON)
    assert kinds["left_at_period_end_kind"] == "projected" and kinds["forecast_exhaustion_month_kind"] == "projected"
    keyed = _kinds(demo_store, PILOT, MADE_ON, keyed_to=date(2019, 9, 30))  # the burn rate runs to the last month
    assert keyed["left_at_period_end_kind"] == "recorded"
    closed = funds.fund_by_name(demo_store, PILOT)
    funds.update_fund(demo_store, closed.id, status="closed")
    assert _kinds(demo_store, PILOT, MADE_ON) == {"forecast_exhaustion_month_kind": "",
                                                  **{f"forecast_exhaustion_month_{w}m_kind": "" for w in (3, 6, 12)},
                                                  "left_at_period_end_kind": "recorded"}


def test_the_command_line_prints_the_kinds_after_every_row_there_was(demo_store, demo_path, capsys):
    _slowed(demo_store)
    values = _cli_values(capsys, demo_path, "Slowed", "--today", "10/12/2025")
    assert values["forecast_exhaustion_month_6m"] == "2025-10" and values["balance"] == "700"  # as before
    assert [values[f"forecast_exhaustion_month_{w}m_kind"] for w in (3, 6, 12)] == ["forecast", "projected",
                                                                                   "projected"]
    code, out, _ = run(capsys, "fund", str(demo_path), PILOT)
    rows = list(csv.reader(io.StringIO(out)))[1:]
    names = [name for name, _ in rows]
    first_added = names.index("forecast_exhaustion_month_kind")
    assert names[first_added - 1] == "forecast_warnings", names
    assert rows[first_added:first_added + 5] == [["forecast_exhaustion_month_kind", "projected"],
                                  ["forecast_exhaustion_month_3m_kind", "projected"],
                                  ["forecast_exhaustion_month_6m_kind", "projected"],
                                  ["forecast_exhaustion_month_12m_kind", "projected"],
                                  ["left_at_period_end_kind", "projected"]]
    assert dict(rows)["left_at_period_end"] == "5497.95"  # 17,583 − 15 × 805.67, the rate shown (s76)
