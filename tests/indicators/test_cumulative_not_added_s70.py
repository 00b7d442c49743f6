"""Cumulative against target for an indicator whose figures are never added up: arson offences in Suffolk are given
as the 12 months to each month (450, 440, 430 for Apr to Jun 2009), and the chart named them "2009/10 cumulative",
its words "2009/10 cumulative: … latest 430", where the grid has no cumulative row at all and the sentence says "430 in
the 12 months to Jun-09": 430 is not the year's total. The chart now names them as the figures they are, and says
they are not added up (session 70)."""

from __future__ import annotations

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import ChartMode, IndicatorsPresenter
from safer_desk.services import indicators as svc

SUFFOLK = "county:suffolk"
FY09 = FinancialYear(2009)
ARSON = "indicator:arson-offences"  # rolling 12 months
DRUGS = "indicator:perceptions-of-drug-use-or-drug-dealing-as-a-problem"  # a survey's figure at each date
ALL_CRIME = "indicator:all-crime"


def _chart(store, indicator_id, figures):
    svc.save_values(store, indicator_id, SUFFOLK, [svc.PeriodValue(p, value=x) for p, x in
                                                   zip(["2009-04", "2009-05", "2009-06"], figures)],
                    require_red_comments=False)
    p = IndicatorsPresenter(store)
    p.load(SUFFOLK, FY09)
    assert p.choose_indicator(indicator_id, lambda _text: True)
    return p.chart(ChartMode.CUMULATIVE)


@pytest.mark.parametrize("indicator_id, figures, said", [
    (ARSON, [450, 440, 430], "12 months to each month"), (DRUGS, [30.0, 28.0, 27.0], "at each date")])
def test_figures_never_added_up_are_not_called_cumulative(demo_store, indicator_id, figures, said):
    data = _chart(demo_store, indicator_id, figures)
    assert "2009/10" in data.series and data.series["2009/10"][:3] == figures
    assert not any("cumulative" in name for name in data.series), list(data.series)
    assert "cumulative" not in data.title and "cumulative" not in data.summary, (data.title, data.summary)
    assert said in data.title and "not added up" in data.summary, (data.title, data.summary)


def test_figures_that_add_up_are_still_cumulative(demo_store):
    data = _chart(demo_store, ALL_CRIME, [3000, 3100, 3200])
    assert data.series["2009/10 cumulative"][:3] == [3000, 6100, 9300]
    assert "cumulative" in data.title
