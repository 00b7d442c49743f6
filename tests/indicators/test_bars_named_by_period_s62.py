"""s62: the chart's check box read "Bars by month" on a quarterly indicator, whose bars are quarters (and on an annual
one, whose bars are years). It is named for what it shows, keeping its key, Alt+N, for every indicator."""

from __future__ import annotations

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import bars_label

QUARTERLY = "indicator:referrals-to-domestic-abuse-services"
MONTHLY = "indicator:all-crime"


@pytest.mark.parametrize("frequency, text, name", [
    ("monthly", "Bars, o&ne per month", "Show months as bars"),
    ("quarterly", "Bars, o&ne per quarter", "Show quarters as bars"),
    ("annual", "Bars, o&ne per year", "Show years as bars"),
])
def test_the_label_names_the_periods_the_bars_are(frequency, text, name):
    assert bars_label(frequency) == (text, name)


def test_the_tab_names_the_bars_of_the_indicator_chosen(demo_window):
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FinancialYear(2016))
    tab.select_indicator(QUARTERLY)
    assert tab.bars_check.text() == "Bars, o&ne per quarter"
    assert tab.bars_check.accessibleName() == "Show quarters as bars"
    tab.select_indicator(MONTHLY)
    assert tab.bars_check.text() == "Bars, o&ne per month"
