"""S71 (burn): a burn rate, a forecast or a spend "so far" leaving the office never tells a month its Per month table
gives only together with the next (small numbers).

1. The pilot with one victim in July 2018 (£150) and three in each of August (£360), September (£330) and October
   (£270), as at 20/11/2018: the table gives "Jul-18 to Aug-18: £510", September and October; the board report's
   burn rate was "£320 a month (the 3 months to Oct-18)": £960 less September and October is August's £360, so
   July's one victim had £150. The rate (each window of the range too) is now over whole stretches: "the 4 months
   to Oct-18", £1,110 over July to October, which the table gives anyway.
2. The pilot with one victim in July 2018 (£150), as at 20/07/2018: July, not complete, is joined with June, yet the
   report said "Jul-18 is not complete: the £150 keyed in it so far", and its 3-month rate to June (£805.67, times
   three less April and May) told June's spend, the joined row less it July's. A stretch running into a month not
   complete is now not complete as a whole: the rate runs to May, and the spend so far is the stretch's.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.periods import Month
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds
from safer_desk.services.report import build_report

PILOT = "Suffolk Target Hardening Pilot"


def _victims(store, fund, month: int, amounts: list[str]) -> None:
    for k, amount in enumerate(amounts):
        referral = funds.add_referral(store, fund, reference=f"TH-2018-{month:02d}-{k}", district="Ipswich",
                                      referred_on=f"02/{month:02d}/2018", risk_level="high", at_marac="yes",
                                      idva_assigned="yes", perpetrator_resident="no")
        funds.add_spend_line(store, referral, spent_on=f"03/{month:02d}/2018", item="Door chain", amount=amount)


@pytest.fixture
def autumn(demo_store):
    fund = funds.fund_by_name(demo_store, PILOT).id
    _victims(demo_store, fund, 7, ["150"])
    _victims(demo_store, fund, 8, ["100", "120", "140"])
    _victims(demo_store, fund, 9, ["110", "110", "110"])
    _victims(demo_store, fund, 10, ["80", "90", "100"])
    return fund


def _given_alone(figures) -> dict[Month, int]:
    """The months the shared Per month table gives alone, with their spend; and the joined rows as (first, last)."""
    rows = figures.month_rows
    from safer_desk.services.funds import _month_spans

    return {rows[s.start][0]: rows[s.start][2] for s in _month_spans(figures) if len(s) == 1}


def _told(figures, forecast) -> int | None:
    """What a published rate tells beyond the table: its window's spend (months times the rate, to a penny or two)
    less the months given alone in it; None when the window holds only whole rows of the table (nothing new)."""
    rows, spans = figures.month_rows, funds._month_spans(figures)
    at, n = forecast.as_at, forecast.window_months
    first = at.plus(-(n - 1))
    cut = [s for s in spans if any(first <= rows[i][0] <= at for i in s)
           and not all(first <= rows[i][0] <= at for i in s)]
    if not cut:
        return None
    alone = _given_alone(figures)
    return forecast.burn_rate_pence * n - sum(p for m, p in alone.items() if first <= m <= at)


def test_a_rate_whose_window_cuts_joined_months_told_the_month_withheld(demo_store, autumn):
    today = date(2018, 11, 20)
    office = funds.fund_figures(demo_store, autumn, today=today)
    months, _ = funds.months_shared(office)
    assert ("Jul-18 to Aug-18", 4, 51_000) in months  # July's one victim joined with August
    # The office's own figures: the 3 months to Oct-18, August's £360 told by the rate less Sep and Oct.
    assert abs(_told(office, office.forecast) - 36_000) <= 2
    doc = build_report(demo_store, year="2018/19", today=today)
    said = " ".join(next(s for s in doc.sections if s.title == f"{PILOT}: burn-down").paragraphs)
    assert "At £277.50 a month (the 4 months to Oct-18)" in said and "3 months to Oct-18" not in said
    # The range says a window it widened, not "on 3 months" of four.
    assert "on 3 months (widened to 4 so that months given together are not split)" in said
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: today)
    p.reload(select=autumn)
    assert p.data.figures.forecast.window_months == 3  # the office's own page keeps its window
    rows = {r[0]: r for r in next(s for s in p.report_sheets() if s.name == "Figures").rows}
    assert rows["monthly_burn_rate"][1] == 27_750 and rows["burn_rate_window_months"][2] == 4
    assert rows["monthly_burn_rate_3m"][1] == 27_750
    shared = office.shared
    for forecast in (shared.forecast, *shared.ranges.forecasts):
        assert _told(shared, forecast) is None  # every window holds whole rows of the table
    assert (shared.forecast.window_months, shared.forecast.burn_rate_pence) == (4, 27_750)  # £1,110 over Jul-Oct
    assert shared.spent_pence == office.spent_pence and shared.balance_pence == office.balance_pence


def test_a_month_not_complete_joined_with_the_last_complete_one_is_not_told(demo_store, tmp_path):
    fund = funds.fund_by_name(demo_store, PILOT).id
    _victims(demo_store, fund, 7, ["150"])
    today = date(2018, 7, 20)
    office = funds.fund_figures(demo_store, fund, today=today)
    months, _ = funds.months_shared(office)
    assert ("Jun-18 to Jul-18", 6, 93_700) in months
    # The office's own: the 3 months to Jun-18 tell June (£787) and so July's £150, and July's spend so far is said.
    assert abs(_told(office, office.forecast) - 78_700) <= 2
    assert any("Jul-18 is not complete: the £150 keyed" in w for w in office.forecast.warnings)
    doc = build_report(demo_store, year="2018/19", today=today)
    said = " ".join(next(s for s in doc.sections if s.title == f"{PILOT}: burn-down").paragraphs)
    assert "£150" not in said
    assert "Jun-18 to Jul-18 are not complete: the £937 keyed in them so far" in said
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: today)
    p.reload(select=fund)
    rows = {r[0]: r for r in next(s for s in p.report_sheets() if s.name == "Figures").rows}
    assert rows["incomplete_months_left_out"][2] == "Jun 2018 to Jul 2018: £937"
    assert "£150" not in (rows["forecast_warnings"][2] or "")
    csv = dict(r.split(",", 1) for r in p.export(tmp_path / "pilot.csv").read_text("utf-8-sig").splitlines()[1:])
    assert csv["incomplete_months_left_out"].strip('"') == "2018-06 to 2018-07: 937"
    shared = office.shared
    assert shared.forecast.as_at == Month(2018, 5)
    for forecast in (shared.forecast, *shared.ranges.forecasts):
        assert _told(shared, forecast) is None
    assert [(m, v) for m, v in shared.forecast.incomplete] == [(Month(2018, 6), 93_700)]


def test_a_month_chosen_inside_joined_months_runs_to_their_end(demo_store, autumn):
    """The page's burn rate as at Jul-18 (chosen), exported: July is given only with August, so the workbook's rate
    runs to August (the months' end), not to July (which, less the months before, is July's one victim's £150)."""
    office = funds.fund_figures(demo_store, autumn, today=date(2018, 11, 20), as_at=Month(2018, 7), window=1)
    assert (office.forecast.as_at, office.forecast.burn_rate_pence) == (Month(2018, 7), 15_000)  # the page's own
    shared = office.shared
    assert (shared.forecast.as_at, shared.forecast.window_months) == (Month(2018, 8), 2)
    assert shared.forecast.burn_rate_pence == 25_500  # July and August, £510 over 2 months
    for forecast in (shared.forecast, *shared.ranges.forecasts):
        assert _told(shared, forecast) is None


def test_the_last_months_spend_against_the_months_before_is_not_told_when_joined(demo_store):
    """One victim in July 2018 (£150) and three in August (£20 each), as at 20/09/2018: the table gives "Jul-18 to
    Aug-18: £210", but the report said "Aug-18's spend (£60) is under half the average of the months before it
    (£591)": £210 less £60 is July's one victim's £150. The words stay, without the figures."""
    fund = funds.fund_by_name(demo_store, PILOT).id
    _victims(demo_store, fund, 7, ["150"])
    _victims(demo_store, fund, 8, ["20", "20", "20"])
    today = date(2018, 9, 20)
    office = funds.fund_figures(demo_store, fund, today=today)
    assert any(w.startswith("Aug-18's spend (£60) is under half") for w in office.forecast.warnings)  # the page's
    doc = build_report(demo_store, year="2018/19", today=today)
    said = " ".join(next(s for s in doc.sections if s.title == f"{PILOT}: burn-down").paragraphs)
    assert "£60" not in said and "£150" not in said
    assert "Aug-18's spend is under half the average of the months before it" in said
