"""S64 (left): the fund page's forecast sentence and chart line name months as the window does ("Jun 2018").

Since last round a month reads "Jun 2018" in the window and the workbooks, "Jun-18" in the board report (the papers'
columns) and "2018-06" in the command line's CSV. The page's figures, axis and marks said "Apr 2020", but the
sentence under them still said "(the 3 months to Jun-18) … runs out in Apr-20" and an ended fund's chart line
"Projected from Jun-18": one page named one month two ways. The board report keeps "Jun-18"
(test_fund_projection_chart).
"""

from __future__ import annotations

import re
from datetime import date

from safer_desk.presenters.funds import months_as_the_window_names_them
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"
LATER = date(2026, 12, 1)  # long after the pilot's period (01/04/2018 to 30/09/2019)
DURING = date(2018, 7, 20)
REPORT_MONTH = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{2,4}\b")


def test_report_months_in_generated_words_become_the_windows():
    said = months_as_the_window_names_them("At £100 a month (the 3 months to Jun-18), it runs out in Apr-20; "
                                           "it lasts to Jan-2070. Paid 01/04/2018.")
    assert said == ("At £100 a month (the 3 months to Jun 2018), it runs out in Apr 2020; it lasts to Jan 2070. "
                    "Paid 01/04/2018.")


def test_the_board_reports_words_are_unchanged(demo_store):
    fund = funds.fund_by_name(demo_store, PILOT)
    assert "(the 3 months to Jun-18)" in funds.forecast_sentence(funds.fund_figures(demo_store, fund.id, today=DURING))


def _funds_page(demo_window, qtbot):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None and page.chart is not None, timeout=10000)
    return page


def test_the_pages_sentence_and_chart_line_name_months_as_the_window(demo_window, qtbot):
    page = _funds_page(demo_window, qtbot)
    for today, line in ((DURING, funds.FORECAST_SERIES), (LATER, "Projected from Jun 2018")):
        page.today = today
        page.refresh()
        qtbot.waitUntil(lambda: not page.is_busy() and page.data.figures.period_ended == (today == LATER),
                        timeout=10000)
        qtbot.waitUntil(lambda: line in page.chart.legend_names(), timeout=10000)
        text = page.sentence.text()
        assert "Jun 2018" in text and not REPORT_MONTH.search(text), text
        assert not any(REPORT_MONTH.search(name) for name in page.chart.legend_names())


def test_the_workbooks_forecast_warnings_name_months_as_the_page(demo_store):
    from safer_desk.presenters.actions import ActionLog
    from safer_desk.presenters.funds import FundsPresenter

    fund = funds.fund_by_name(demo_store, PILOT)
    stale = date(2019, 2, 10)  # months over with no spend after Jun-18: the forecast says so, naming months
    assert REPORT_MONTH.search(" ".join(funds.fund_figures(demo_store, fund.id, today=stale).forecast.warnings))
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: stale)
    p.reload(select=fund.id)
    figures = {r[0]: r[2] for r in next(s for s in p.report_sheets() if s.name == "Figures").rows}
    assert "Jun 2018" in figures["forecast_warnings"] and not REPORT_MONTH.search(figures["forecast_warnings"])
