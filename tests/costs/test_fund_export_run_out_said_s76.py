"""S76 (funds): the fund report's Figures sheet named a run-out month other than the page's where its Per month table
gives months together (small numbers), and neither said why.

The pilot with one victim in July 2018 (£150) and three in each of August (£360), September (£330) and October
(£270), as at 20/11/2018. By hand, in pence: £20,000 less £2,417 (April–June) less £1,110 is £16,473 left.

- The page (the office's own, the 3 months chosen): August to October, £960 / 3 = £320 a month; £16,473 / £320 is
  51.5 months, so November 2018 to January 2023 (51 months, £16,320) are covered and the fund runs out in February
  2023; at the end of September 2019 (11 months) £16,473 − £3,520 = £12,953 is left.
- The workbook (July given only with August): the 4 months to October, £1,110 / 4 = £277.50 a month; 59 months
  (£16,372.50) are covered, to September 2023, and it runs out in October 2023; £16,473 − 11 × £277.50 = £13,420.50.

Both are right for their months; the workbook's rows monthly_burn_rate_3m and forecast_exhaustion_month_3m gave the
4-month figures under the 3-month name, and the page did not say what the report would give. The page now says
what the fund report and board report give and why; the workbook's and CSV's forecast_warnings say the months its
rate runs over and why."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from safer_desk.domain.periods import Month
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter, given_otherwise_words
from safer_desk.services import funds
from tests.cli_run import run
from tests.costs.test_fund_burn_rate_joined_months_s71 import _victims

PILOT = "Suffolk Target Hardening Pilot"
TODAY = date(2018, 11, 20)


def _autumn(store) -> str:
    fund = funds.fund_by_name(store, PILOT).id
    _victims(store, fund, 7, ["150"])
    _victims(store, fund, 8, ["100", "120", "140"])
    _victims(store, fund, 9, ["110", "110", "110"])
    _victims(store, fund, 10, ["80", "90", "100"])
    return fund


@pytest.fixture
def autumn(demo_store):
    return _autumn(demo_store)


def test_the_page_s_and_the_workbook_s_forecasts_by_hand(demo_store, autumn):
    f = funds.fund_figures(demo_store, autumn, today=TODAY)
    assert f.balance_pence == 1_647_300
    own, given = f.forecast, f.shared.forecast
    assert (own.window_months, own.burn_rate_pence, own.exhaustion_month, own.left_at_end_pence) == (
        3, 32_000, Month(2023, 2), 1_647_300 - 11 * 32_000)
    assert (given.window_months, given.burn_rate_pence, given.exhaustion_month, given.left_at_end_pence) == (
        4, 27_750, Month(2023, 10), 1_647_300 - 11 * 27_750)
    assert 51 * 32_000 <= 1_647_300 < 52 * 32_000 and 59 * 27_750 <= 1_647_300 < 60 * 27_750


def test_the_page_says_what_the_reports_give_and_why(demo_store):
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    p.reload(select=funds.fund_by_name(demo_store, PILOT).id)
    assert given_otherwise_words(p.data.figures) == ""  # the example: no month joined, the reports give the page's
    p.reload(select=_autumn(demo_store))
    said = given_otherwise_words(p.data.figures)
    assert "The fund report and board report give Jul 2018 only together with Aug 2018 (small numbers)" in said, said
    assert "£277.50 a month (the 4 months to Oct 2018)" in said and "runs out in Oct 2023" in said, said
    assert "£13,420.50 would be left" in said, said


def test_the_workbook_and_the_csv_say_why_their_rate_runs_over_four_months(demo_store, demo_path, autumn, capsys,
                                                                            tmp_path):
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    p.reload(select=autumn)
    rows = {r[0]: r for r in p.sheet("Figures").rows}
    assert rows["burn_rate_window_months"][2] == 4 and rows["forecast_exhaustion_month"][2] == "Oct 2023"
    words = rows["forecast_warnings"][2] or ""
    assert ("The burn rate is worked out over the 4 months to Oct 2018, not 3: Jul 2018 is given only together with "
            "Aug 2018 (small numbers)") in words, words
    assert "The 3-month figures (the _3m rows) are over those 4 months too" in words, words
    code, out, err = run(capsys, "fund", str(demo_path), PILOT, "--today", "20/11/2018", "--as-exported")
    assert code == 0, err
    csv_words = dict(csv.reader(io.StringIO(out)))["forecast_warnings"]
    assert "The burn rate is worked out over the 4 months to Oct-18, not 3: Jul-18 is given only together" in csv_words


def test_the_window_s_sentence_says_it(demo_window, qtbot):
    store = demo_window.session.store
    _autumn(store)
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.funds
    page.today = TODAY
    tab.pages.setCurrentIndex(2)
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None
                    and page.data.figures.today == TODAY, timeout=10000)
    text = page.sentence.text()
    assert page.figure_labels["runs_out"].text() == "Feb 2023"  # the office's own, as by hand
    assert "covers spending to Jan 2023 and runs out in Feb 2023" in text, text
    assert "The fund report and board report give Jul 2018 only together with Aug 2018" in text, text
    assert text.index("runs out in Feb 2023") < text.index("runs out in Oct 2023"), text
