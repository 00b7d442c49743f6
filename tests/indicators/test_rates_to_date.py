"""A rate per population added up through the year: the crimes to date over the population, as a board paper
states it ("0.75 crimes per 1,000 people in April and May"), never over the population counted once a month.

A population is a stock, not a flow: 52 violent crimes in April and 26 in May among 104,000 people are 78 crimes
among 104,000 people by the end of May, 0.75 per 1,000. Adding the two months' populations (208,000) would give
0.375 per 1,000, the mean of the monthly rates, which no paper prints and which an annual target per 1,000 would
always find met. So a rate's year to date is its count's year to date per head, its annual target is profiled
through the year as a count's is, and its 12 months to a date are the 12 months' count over the population.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safer_desk.domain import indicators as dom
from safer_desk.domain.indicators import Figure, Rag
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue

FY16 = FinancialYear(2016)
MONTHS = svc.year_periods("monthly", FY16)


def test_two_months_of_a_rate_are_their_crimes_over_the_population():
    figs = [Figure(0.5, 52, 104000), Figure(0.25, 26, 104000)]
    both = dom.combine(figs, "rate", 1000)
    assert both.value == pytest.approx(0.75)
    assert (both.numerator, both.denominator) == (78, 104000)  # the population used, once
    assert dom.cumulative(figs + [None], "rate", 1000)[:2] == [pytest.approx(0.5), pytest.approx(0.75)]
    # Rates typed as figures (no count or population) over one population add up the same way.
    assert dom.combine([Figure(0.5), Figure(0.25)], "rate").value == pytest.approx(0.75)
    # A percentage is still the sum of numerators over the sum of denominators.
    assert dom.combine([Figure(50, 1, 2), Figure(25, 1, 4)], "percentage").value == pytest.approx(100 / 3)


def test_a_population_that_changes_within_the_periods_is_taken_at_its_mean():
    both = dom.combine([Figure(None, 50, 100000), Figure(None, 60, 120000)], "rate", 1000)
    assert both.denominator == 110000 and both.value == pytest.approx(110 / 110000 * 1000)


@pytest.fixture
def area(store):
    return svc.ensure_area(store, "Mid Suffolk", "district")


@pytest.fixture
def rate(store, area):
    return svc.save_indicator(store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower")


def test_the_year_view_of_a_monthly_rate(store, area, rate):
    svc.set_population(store, area, FY16, 104000, source="ONS mid-2016")
    svc.set_population(store, area, FY16.previous(), 104000, source="ONS mid-2015")
    svc.save_values(store, rate, area, [PeriodValue("2016-04", numerator=52), PeriodValue("2016-05", numerator=26),
                                        PeriodValue("2015-04", numerator=40), PeriodValue("2015-05", numerator=38)])
    view = svc.year_view(store, rate, area, FY16, today=date(2016, 6, 10))
    assert view.values[:2] == [pytest.approx(0.5), pytest.approx(0.25)]
    assert view.cumulative[:3] == [pytest.approx(0.5), pytest.approx(0.75), None]
    assert view.ytd.value == pytest.approx(0.75) and view.ytd_last.value == pytest.approx(0.75)
    assert view.ytd.denominator == 104000
    assert view.headline().startswith("Apr-16 to May-16: 0.75 per 1,000, no change")  # as it is, not "0.8" (s74)


def test_an_annual_target_for_a_rate_is_spread_through_the_year_and_judged_to_date(store, area, rate):
    svc.set_population(store, area, FY16, 100000)
    svc.set_target(store, rate, area, FY16, kind="annual", value=6)  # no more than 6 per 1,000 in the year
    with pytest.raises(svc.CommentRequired, match="red against its target in Jun-16"):  # 1.8 to date against 1.5
        svc.save_values(store, rate, area, [PeriodValue(m, numerator=n) for m, n in zip(MONTHS, (40, 50, 90))])
    svc.save_values(store, rate, area, [PeriodValue(m, numerator=n, comment=c) for m, n, c in
                                        zip(MONTHS, (40, 50, 90), ("", "", "Night-time economy; see note"))])
    view = svc.year_view(store, rate, area, FY16, today=date(2016, 7, 10))
    assert view.target_at[:3] == [pytest.approx(0.5), pytest.approx(1.0), pytest.approx(1.5)]
    assert view.target_at[-1] == pytest.approx(6)
    assert view.cumulative[:3] == [pytest.approx(0.4), pytest.approx(0.9), pytest.approx(1.8)]
    assert view.period_rags[:3] == [Rag.GREEN, Rag.GREEN, Rag.RED]  # 1.8 to date against 1.5: 20% over
    assert view.rag is Rag.RED
    assert svc.target_text(svc.get_indicator(store, rate), view.target).startswith("6 per 1,000 in the year")


def test_a_rate_judged_red_never_reads_the_same_as_its_target(store, area, rate):
    # 845 crimes among 1,000,000 people are 0.845 per 1,000: 5.6% over 0.8 to date, red. At one decimal it read
    # "0.8 per 1,000 … against target (0.8 per 1,000 by May-16): red".
    svc.set_population(store, area, FY16, 1000000)
    svc.set_target(store, rate, area, FY16, kind="annual", value=4.8)
    svc.save_values(store, rate, area, [PeriodValue("2016-04", numerator=420), PeriodValue("2016-05", numerator=425)],
                    require_red_comments=False)
    view = svc.year_view(store, rate, area, FY16)
    assert view.rag is Rag.RED and view.ytd.value == pytest.approx(0.845)
    # the targets with the figures' places, one column one number of places (s75): "0.80", not "0.8"
    assert view.headline() == "Apr-16 to May-16: 0.85 per 1,000. Against target (0.80 per 1,000 by May-16): red."
    assert (view.ytd_text(), view.ytd_target_text()) == ("0.85 per 1,000", "0.80 per 1,000")
    assert [view.cumulative_text(i) for i in range(3)] == [("0.42 per 1,000", "0.40 per 1,000"),
                                                           ("0.85 per 1,000", "0.80 per 1,000"),
                                                           ("", "1.20 per 1,000")]
    # The grid's rows say the same, the gap included (0.045 was "+0.0").
    grid = svc.entry_grid(store, rate, area, FY16)
    assert [c.text for c in grid.row(svc.GRID_CUMULATIVE).cells[:3]] == ["0.42 per 1,000", "0.85 per 1,000", ""]
    assert [c.text for c in grid.row(svc.GRID_TARGET).cells[:3]] == ["0.40 per 1,000", "0.80 per 1,000",
                                                                      "1.20 per 1,000"]
    assert [c.text for c in grid.row(svc.GRID_GAP).cells[:3]] == ["+0.02", "+0.05", ""]
    assert [c.text for c in grid.row(svc.GRID_RAG).cells[:2]] == ["\u25c6 Amber", "\u25b2 Red"]


def test_the_summary_and_the_board_report_read_a_red_rate_as_the_sentence_does(store, area, rate):
    # The sentence and the grid said "0.85 per 1,000 … red"; the summary's Year to date and the board report's
    # "This year" still said "0.8 per 1,000", the target's figure, beside "Red".
    from safer_desk.services.report_sections.indicators import board_report_sections
    from safer_desk.ui.indicators.models import summary_columns

    svc.set_population(store, area, FY16, 1000000)
    svc.set_target(store, rate, area, FY16, kind="annual", value=4.8)
    svc.save_values(store, rate, area, [PeriodValue("2016-04", numerator=420), PeriodValue("2016-05", numerator=425)],
                    require_red_comments=False)
    row = next(r for r in svc.summary(store, area, FY16) if r.indicator.id == rate)
    assert row.rag is Rag.RED and "0.85 per 1,000" in row.view.headline()
    ytd = next(c for c in summary_columns() if c.key == "ytd")
    assert ytd.text(row) == "0.85 per 1,000"
    assert ytd.plain(row) == "0.85"  # Excel is given the figure as the table shows it (Copy gives what is shown)
    table = board_report_sections(store, year=FY16, area_id=area)[0].tables[0]
    this_year = table.header.index("This year")
    assert [(r[0], r[this_year]) for r in table.rows] == [("\u25b2 Red", "0.85 per 1,000")]


def test_a_figures_sheet_may_give_a_rates_count_alone_as_the_grid_may(store, area, rate, tmp_path):
    # The grid takes 52 crimes alone and uses the area's population for the year; Import Figures refused the same
    # count ("give both a numerator and a denominator").
    from safer_desk.services.indicators_import import apply_values, preview_values

    svc.set_population(store, area, FY16, 104000)
    svc.save_values(store, rate, area, [PeriodValue("2016-04", numerator=52)])
    path = tmp_path / "figures.csv"
    path.write_text("indicator,area,period,numerator,denominator\nViolent crime rate,Mid Suffolk,2016-05,26,\n"
                    "Violent crime rate,Mid Suffolk,2015-05,26,\n", encoding="utf-8")
    preview = preview_values(store, path)
    assert [(g.line, g.value.numerator, g.value.denominator) for g in preview.good] == [(2, 26, 104000)]
    # No population for 2015/16: refused, saying so, the way the grid refuses it.
    assert preview.refused == [(3, "Violent crime rate, May-15: no population is recorded for Mid Suffolk in "
                                   "2015/16, so the count alone is not a rate: give the population with it (the "
                                   "Population row, or a denominator column).")]
    assert apply_values(store, preview) == 1
    view = svc.year_view(store, rate, area, FY16)
    assert view.cumulative[:2] == [pytest.approx(0.5), pytest.approx(0.75)] and view.ytd.denominator == 104000


def test_a_month_missing_before_the_latest_leaves_a_rate_unjudged_as_a_count_is(store, area, rate):
    svc.set_population(store, area, FY16, 100000)
    svc.set_target(store, rate, area, FY16, kind="annual", value=6)
    svc.save_values(store, rate, area, [PeriodValue("2016-04", numerator=40), PeriodValue("2016-06", numerator=40)])
    view = svc.year_view(store, rate, area, FY16, today=date(2016, 7, 10))
    assert view.period_rags[2] is Rag.INCOMPLETE


def test_a_cumulative_trajectory_for_a_rate_cannot_go_down(store, area, rate):
    with pytest.raises(dom.IndicatorError, match="cannot go down"):
        svc.set_target(store, rate, area, FY16, kind="trajectory", trajectory=[0.5, 1.0, 0.9])


def test_the_12_months_to_a_date_of_a_rate_are_their_crimes_over_the_population(store, area, rate):
    svc.set_population(store, area, FY16, 10000)
    svc.save_values(store, rate, area, [PeriodValue(m, numerator=10) for m in MONTHS])
    rolled = svc.rolling_12_months(store, svc.get_indicator(store, rate), area)
    assert rolled == [("2017-03", pytest.approx(12.0))]  # 120 crimes among 10,000 people: 12 per 1,000


@given(counts=st.lists(st.integers(0, 5000), min_size=1, max_size=12), population=st.integers(1, 2_000_000),
       per=st.sampled_from(dom.RATE_PERS))
def test_a_rates_year_to_date_is_its_counts_year_to_date_per_head(counts, population, per):
    rates = [Figure(dom.figure_value(n, population, "rate", per), n, population) for n in counts]
    as_counts = dom.cumulative([Figure(n) for n in counts], "count")
    assert dom.cumulative(rates, "rate", per) == [pytest.approx(c * per / population) for c in as_counts]

