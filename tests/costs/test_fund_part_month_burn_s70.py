"""S70 (fund3): a fund spent only in a month not yet complete showed "Burn rate: —".

Babergh's new fund began on 01/12/2026 and spent £3,000 on 03/12/2026; on 07/12/2026 the page's Burn rate read "—",
as if nothing were known, while the command line printed the £3,000 as incomplete_months_left_out and warned the
month was not complete. A rate read from a week would say £3,000 a month (or £13,000 if scaled up): finance software
gives no rate from a part month, but says what is spent so far and that the month is not complete. The page now reads
"£3,000 so far (part month)" (the sentence under the figures names the month), and the command line and the CSV
export give the same: no monthly_burn_rate, the £3,000 of 2026-12 as not complete, and the warning that says so.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from safer_desk.cli import main
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter, burn_rate_text
from safer_desk.services import funds

TODAY = date(2026, 12, 7)
NAME = "Babergh Sanctuary 2026"


def _new_fund(store) -> str:
    fund = funds.add_fund(store, name=NAME, starts_on="01/12/2026", ends_on="30/11/2027")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="20000",
                           received_on="01/12/2026")
    referral = funds.add_referral(store, fund, reference="BAB-26-001", district="Babergh", referred_on="02/12/2026",
                                  risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
    funds.add_spend_line(store, referral, spent_on="03/12/2026", item="Replacement door locks", amount="3000")
    return fund


def test_the_burn_rate_says_the_spend_so_far_and_that_the_month_is_not_complete(demo_store):
    figures = funds.fund_figures(demo_store, _new_fund(demo_store), today=TODAY)
    assert burn_rate_text(figures) == "£3,000 so far (part month)"
    # with a complete month there is a rate, as before; with no spend at all, nothing to say
    assert burn_rate_text(funds.fund_figures(demo_store, _new_fund_later(demo_store), today=TODAY)) == "—"


def _new_fund_later(store) -> str:
    return funds.add_fund(store, name="Nothing spent yet", starts_on="01/12/2026", ends_on="30/11/2027")


def test_the_command_line_and_the_csv_say_the_same(demo_store, demo_path, capsys, tmp_path):
    fund = _new_fund(demo_store)
    assert main(["fund", str(demo_path), NAME, "--today", TODAY.isoformat()]) == 0
    printed = dict(csv.reader(io.StringIO(capsys.readouterr().out)))
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    p.reload(select=fund)
    exported = dict(csv.reader(p.export(tmp_path / "fund.csv").open(encoding="utf-8-sig")))
    for values in (printed, exported):
        assert values["monthly_burn_rate"] == ""  # no rate from a part month
        assert values["incomplete_months_left_out"] == "2026-12: 3000"
        assert "Dec-26 is not complete: the £3,000 keyed in it so far" in values["forecast_warnings"]


@pytest.fixture
def page(demo_window, qtbot):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    store = demo_window.session.store
    fund = _new_fund(store)
    page = tab.funds
    page.today = TODAY
    tab.pages.setCurrentIndex(2)
    page.presenter.select(fund)
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None
                    and page.data.figures.fund.name == NAME, timeout=10000)
    return page


def test_the_page_says_it(page):
    label = page.figure_labels["burn"]
    assert label.text() == "£3,000 so far (part month)"
    assert "No complete month of spend yet" in page.sentence.text()
    assert "Dec 2026 is not complete: the £3,000 keyed in it so far" in page.sentence.text()
