"""Round 29: rates per 1,000 read with the places that make the figures on one screen agree with each other.

A count typed alone for a rate, among 104,000 people: 52 and 26 crimes this year (Apr, May) against 55 and 30
last year. With one place everywhere the sentence said "0.8 per 1,000, a reduction of 0.1 (8.2%)" while last
year's cumulative read 0.8 too, and the Monthly change read −0.03 and −0.04 between cells reading 0.5/0.5 and
0.3/0.3; the guide's worked example (52 + 26 among 104,000) says 0.75 per 1,000. Rates compared side by side now
read with the places their change needs (0.75 against 0.82, a reduction of 0.07), and no more where one place
already agrees (12.3 against 11.8).
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain import indicators as dom
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue

FY16 = FinancialYear(2016)
POP = 104000


def per_1000(count: int) -> float:
    return dom.figure_value(count, POP, "rate", 1000)


def test_rates_compared_side_by_side_read_with_the_places_their_change_needs():
    # To date: 78 against 85 crimes, 0.75 against 0.817 per 1,000: "0.8" twice beside a reduction.
    assert dom.places_compared([per_1000(78), per_1000(85)], "rate") is None  # two places already, a rate under 10
    assert dom.format_compared([per_1000(78), per_1000(85)], "rate", 1000) == ["0.75 per 1,000", "0.82 per 1,000"]
    # Either side of the Monthly change: April 0.5 against 0.529, May 0.25 against 0.288.
    assert dom.format_compared([per_1000(52), per_1000(55)], "rate", 1000) == ["0.5 per 1,000", "0.53 per 1,000"]
    assert dom.format_compared([per_1000(26), per_1000(30)], "rate", 1000) == ["0.25 per 1,000", "0.29 per 1,000"]
    # A rate over one: 158 against 161 crimes (1.519, 1.548) read "1.5" twice with one place.
    assert dom.format_compared([per_1000(158), per_1000(161)], "rate", 1000) == ["1.52 per 1,000", "1.55 per 1,000"]


@pytest.mark.parametrize("values", [
    (12.3, 11.8),  # one place already tells them apart
    (1610, 1448),  # per 100,000: whole numbers
    (0.75, 0.75),  # no change: "0.8" twice reads as none
    (dom.figure_value(1234, 100000, "rate", 1000), dom.figure_value(1187, 100000, "rate", 1000)),  # 12.3, 11.9
    (0.5, None),  # nothing to compare with
])
def test_no_more_places_than_the_comparison_needs(values):
    assert dom.places_compared(values, "rate") is None
    assert dom.format_compared(values, "rate") == [dom.format_value(v, "rate") for v in values]


def test_counts_and_percentages_keep_their_places():
    assert dom.places_compared([0.75, 0.817], "count") is None
    assert dom.places_compared([28.04, 28.01], "percentage") is None


def test_the_change_between_two_rates_reads_with_their_places():
    change = dom.Change(per_1000(78), per_1000(85), "rate", "lower", 1000)
    assert change.words() == "a reduction of 0.07 (8.2%) on the same period last year"  # was "0.1"
    assert change.signed_text() == "\u22120.07" and float(change.shown_difference()) == -0.07
    # As before where the figures already agree, and for a change the grid shows alone.
    assert dom.Change(1610, 1448, "rate", "lower", 100000).words().startswith("an increase of 162 (11.2%)")
    assert dom.Change(12.3, 11.8, "rate", "lower").signed_text() == "+0.5"
    assert dom.Change(per_1000(52) - per_1000(55), 0, "rate", "lower").signed_text() == "\u22120.03"
    assert dom.Change(0.13, 0, "rate", "lower").signed_text() == "+0.13"  # as 0.13 itself reads (s74)


def test_a_rate_judged_against_its_target_reads_against_last_year_too():
    # Green against 0.8, as before; "0.75", never "0.8" beside the target's "0.8" and a gap of -0.05 (s73); and beside
    # last year's 0.817 it is 0.75, not the "0.8" last year reads too.
    assert dom.format_against_target(0.75, 0.8, "rate", "lower", 5) == ("0.75 per 1,000", "0.8 per 1,000")
    assert dom.format_against_target(per_1000(78), 0.8, "rate", "lower", 5, compared=[per_1000(85)]) == \
        ("0.75 per 1,000", "0.8 per 1,000")
    # Red against 0.8: the places its RAG needs stand where last year needs none more.
    assert dom.format_against_target(0.845, 0.8, "rate", "lower", 5, compared=[0.6]) == \
        ("0.85 per 1,000", "0.8 per 1,000")


@pytest.fixture
def worked_case(store):
    area = svc.ensure_area(store, "Mid Suffolk", "district")
    rate = svc.save_indicator(store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower")
    svc.set_population(store, area, FY16, POP)
    svc.set_population(store, area, FY16.previous(), POP)
    svc.save_values(store, rate, area, [PeriodValue("2016-04", numerator=52), PeriodValue("2016-05", numerator=26),
                                        PeriodValue("2015-04", numerator=55), PeriodValue("2015-05", numerator=30)])
    return store, rate, area


def test_the_sentence_reads_the_worked_case_as_the_guide_does(worked_case):
    store, rate, area = worked_case
    view = svc.year_view(store, rate, area, FY16, today=date(2016, 6, 10))
    assert view.headline().startswith("Apr-16 to May-16: 0.75 per 1,000, a reduction of 0.07 (8.2%)")


def test_the_grid_reads_each_pair_with_the_places_its_change_needs(worked_case):
    store, rate, area = worked_case
    grid = svc.entry_grid(store, rate, area, FY16, today=date(2016, 6, 10))

    def texts(key):
        return [c.text.removesuffix(" per 1,000") for c in grid.row(key).cells[:2]]

    assert texts(svc.GRID_VALUE) == ["0.50", "0.25"] and texts(svc.GRID_LAST_YEAR) == ["0.53", "0.29"]
    assert texts(svc.GRID_CHANGE) == ["\u22120.03", "\u22120.04"]
    assert texts(svc.GRID_CUMULATIVE) == ["0.50", "0.75"] and texts(svc.GRID_CUMULATIVE_LAST) == ["0.53", "0.82"]


def test_the_summary_the_board_report_and_compare_areas_read_the_pair_as_the_sentence_does(worked_case):
    from safer_desk.presenters.area_comparison import AreaComparisonPresenter
    from safer_desk.services.report_sections.indicators import board_report_sections
    from safer_desk.ui.indicators.models import summary_columns

    store, rate, area = worked_case
    row = next(r for r in svc.summary(store, area, FY16) if r.indicator.id == rate)
    columns = {c.key: c for c in summary_columns()}
    assert [columns[k].text(row) for k in ("ytd", "last", "change", "pct")] == \
        ["0.75 per 1,000", "0.82 per 1,000", "\u22120.07", "\u22128.2%"]
    table = board_report_sections(store, year=FY16, area_id=area)[0].tables[0]
    shown = [table.rows[0][table.header.index(h)] for h in ("This year", "Last year", "Change")]
    assert shown == ["0.75 per 1,000", "0.82 per 1,000", "\u22120.07"]
    comparison = AreaComparisonPresenter(store)
    comparison.load(rate)
    [compared] = comparison.rows
    assert (compared.figure_text, compared.change_text) == ("0.75 per 1,000", "a reduction of 0.07 (8.2%), better")
