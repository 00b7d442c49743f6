"""A district formed from others: its "same period last year" is its predecessors' figures (DESIGN §2.2, §3).

On 1 April 2019 Waveney and Suffolk Coastal became East Suffolk. An officer's 2019/20 board paper compares East
Suffolk with 2018/19, when the area was Waveney's and Suffolk Coastal's: their figures summed for a count, a
ratio of the summed numerators and denominators for a percentage (never the mean of the two), said as such. A
predecessor without a figure for a period leaves that period blank and is said, never summed as if whole.
Police.uk figures are already filed under today's district; the gap was the typed figures.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.demo_data import reference
from safer_desk.services.indicators import PeriodValue

Y18, Y19 = FinancialYear(2018), FinancialYear(2019)
EAST = "district:east-suffolk"


def _save(store, ind, area, values):
    svc.save_values(store, ind, area, values, require_red_comments=False)


@pytest.fixture
def east(store):
    """Suffolk's districts; a typed count and a typed percentage: Waveney's and Suffolk Coastal's for 2018/19,
    East Suffolk's for April to November 2019."""
    reference.add_examples(store)
    count = svc.save_indicator(store, "Domestic abuse incidents", polarity="higher")
    share = svc.save_indicator(store, "Repeat MARAC cases", unit="percentage")
    _save(store, count, "district:waveney", [PeriodValue(m.iso, 100.0) for m in Y18.months])
    _save(store, count, "district:suffolk-coastal", [PeriodValue(m.iso, 50.0) for m in Y18.months])
    _save(store, count, EAST, [PeriodValue(m.iso, 160.0) for m in Y19.months[:8]])
    _save(store, share, "district:waveney", [PeriodValue(m.iso, numerator=3, denominator=10) for m in Y18.months])
    _save(store, share, "district:suffolk-coastal",
          [PeriodValue(m.iso, numerator=1, denominator=30) for m in Y18.months])
    _save(store, share, EAST, [PeriodValue(m.iso, numerator=8, denominator=40) for m in Y19.months[:8]])
    return store, count, share


def test_a_successor_s_last_year_is_its_predecessors_figures_summed(east):
    store, count, _ = east
    v = svc.year_view(store, count, EAST, Y19)
    assert v.values_last == [150.0] * 12
    assert v.ytd_last.value == 1200
    assert v.change is not None and v.change.difference == 80
    assert v.last_year_words() == "2018/19: Suffolk Coastal and Waveney"
    assert "2018/19: Suffolk Coastal and Waveney" in v.headline()
    assert "an increase of 80" in v.headline()


def test_a_successor_s_percentage_last_year_is_a_ratio_of_sums_not_a_mean(east):
    store, _, share = east
    v = svc.year_view(store, share, EAST, Y19)
    # (3 + 1) / (10 + 30) = 10%, not the mean of 30% and 3.3%
    assert v.ytd_last.value == pytest.approx(10.0)
    assert (v.ytd_last.numerator, v.ytd_last.denominator) == (32, 320)
    assert v.last_year[0].value == pytest.approx(10.0)


def test_a_predecessor_missing_some_months_is_said_and_those_months_left_blank(east):
    store, count, _ = east
    for m in Y18.months[:3]:
        svc.save_values(store, count, "district:suffolk-coastal", [PeriodValue(m.iso, None)],
                        require_red_comments=False)
    v = svc.year_view(store, count, EAST, Y19)
    assert v.values_last[:3] == [None, None, None]  # not Waveney's 100 as if it were the whole area's
    assert v.values_last[3:] == [150.0] * 9
    assert v.ytd_last is None and v.change is None  # Apr-Nov against a last year short by three months: not compared
    words = v.last_year_words()
    assert words.startswith("2018/19: Suffolk Coastal and Waveney")
    assert "no figure for Suffolk Coastal for Apr-18 to Jun-18" in words
    assert words in v.headline()


def test_a_predecessor_with_no_figures_at_all_is_said(east):
    store, count, _ = east
    svc.save_values(store, count, "district:suffolk-coastal", [PeriodValue(m.iso, None) for m in Y18.months],
                    require_red_comments=False)
    v = svc.year_view(store, count, EAST, Y19)
    assert v.values_last == [None] * 12 and v.change is None
    assert "no figures for Suffolk Coastal" in v.last_year_words()
    assert v.last_year_words() in v.headline()


def test_a_district_that_replaced_none_says_nothing_of_predecessors(east):
    store, count, _ = east
    _save(store, count, "district:babergh", [PeriodValue(m.iso, 10.0) for m in Y19.months[:2]])
    v = svc.year_view(store, count, "district:babergh", Y19)
    assert v.last_year_words() == ""
    assert v.values_last == [None] * 12


def test_the_predecessors_year_itself_is_not_shown_as_the_successor_s(east):
    """East Suffolk's own 2018/19 stays its own (nothing typed): the county overview counts the predecessors there,
    so the successor's grid for 2018/19 does not take their figures for its own."""
    store, count, _ = east
    v = svc.year_view(store, count, EAST, Y18)
    assert v.values == [None] * 12 and v.ytd is None


# -- every place the comparison shows --------------------------------------------------------------------------
NAMED = "2018/19: Suffolk Coastal and Waveney"


def test_the_grid_s_last_year_rows_are_the_predecessors_and_say_so(east):
    store, count, _ = east
    grid = svc.entry_grid(store, count, EAST, Y19)
    rows = {r.key: r for r in grid.rows}
    last = rows[svc.GRID_LAST_YEAR]
    assert last.label == NAMED
    assert [c.text for c in last.cells] == ["150"] * 12
    assert "Suffolk Coastal + Waveney" in last.cells[0].tooltip
    assert rows[svc.GRID_CUMULATIVE_LAST].label == "2018/19 cumulative: Suffolk Coastal and Waveney"
    assert rows[svc.GRID_CUMULATIVE_LAST].cells[7].text == "1,200"
    assert rows[svc.GRID_CHANGE].cells[0].text == "+10"


def test_the_grid_says_why_a_month_of_last_year_is_blank(east):
    store, count, _ = east
    svc.save_values(store, count, "district:suffolk-coastal", [PeriodValue(Y18.months[0].iso, None)],
                    require_red_comments=False)
    last = next(r for r in svc.entry_grid(store, count, EAST, Y19).rows if r.key == svc.GRID_LAST_YEAR)
    assert last.cells[0].text == "" and "no figure for Suffolk Coastal" in last.cells[0].tooltip


def test_the_tab_s_chart_and_words_name_the_predecessors(east):
    from datetime import date

    from safer_desk.presenters.indicators import IndicatorsPresenter

    store, count, _ = east
    presenter = IndicatorsPresenter(store, today=lambda: date(2019, 12, 10))
    presenter.load(EAST, Y19)
    assert presenter.choose_indicator(count, lambda *a: True)
    year = presenter.chart("year")
    assert list(year.series) == ["2019/20", NAMED]
    assert year.series[NAMED] == [150.0] * 12
    assert "2019/20 against 2018/19" in year.title
    cumulative = presenter.chart("cumulative")
    assert "2018/19 cumulative: Suffolk Coastal and Waveney" in cumulative.series
    assert NAMED in presenter.headline() and "an increase of 80" in presenter.headline()
    # The summary exported to Excel: last year's figure, and whose it is
    sheet = presenter.summary_sheet()
    row = next(r for r in sheet.rows if r[1] == "Domestic abuse incidents")
    assert row[sheet.header.index("Last year")] == 1200
    assert row[sheet.header.index("Area")] == f"East Suffolk (last year {NAMED})"


def test_compare_areas_gives_the_successor_s_change_on_its_predecessors(east):
    from safer_desk.presenters.area_comparison import AreaComparisonPresenter

    store, count, _ = east
    presenter = AreaComparisonPresenter(store)
    presenter.load(count, Y19)
    row = next(r for r in presenter.rows if r.area_id == EAST)
    assert row.change_text == f"an increase of 80 (6.7%), better (against {NAMED})"


def test_compare_areas_says_why_there_is_no_change_for_the_successor(east):
    from safer_desk.presenters.area_comparison import AreaComparisonPresenter

    store, count, _ = east
    svc.save_values(store, count, "district:suffolk-coastal", [PeriodValue(m.iso, None) for m in Y18.months],
                    require_red_comments=False)
    presenter = AreaComparisonPresenter(store)
    presenter.load(count, Y19)
    row = next(r for r in presenter.rows if r.area_id == EAST)
    assert row.change_text == ("not compared: 2018/19: Suffolk Coastal and Waveney; no figures for Suffolk Coastal, "
                               "left blank rather than Waveney's alone")


def test_the_board_report_compares_the_successor_with_its_predecessors(east):
    from datetime import date

    from safer_desk.services.report import build_report

    store, count, _ = east
    doc = build_report(store, year="2019/20", area="East Suffolk", today=date(2019, 12, 10))
    section = next(s for s in doc.sections if s.title == "Indicators: East Suffolk")
    table = next(t for t in section.tables if t.title.startswith("Performance summary"))
    row = next(r for r in table.rows if r[1] == "Domestic abuse incidents")
    assert row[4] == "1,200" and row[5] == "+80"
    said = " ".join(section.paragraphs)
    assert said.count("Suffolk Coastal and Waveney") == 1  # said once for the section, not under each indicator
    assert ("East Suffolk began on 01/04/2019: its 2018/19 figures here (Last year, and the 2018/19 bars) are "
            "those of the districts it replaced, Suffolk Coastal and Waveney (counts summed; percentages and rates "
            "as a ratio of the sums).") in section.paragraphs
    chart = next(c for c in section.charts if c.title.startswith("Domestic abuse incidents: 2019/20 against"))
    assert [s.name for s in chart.series] == [NAMED, "2019/20"]
    assert chart.series[0].values == [150.0] * 12

    # A gap in the predecessors' figures is said under the indicator it is in.
    svc.save_values(store, count, "district:suffolk-coastal", [PeriodValue(Y18.months[0].iso, None)],
                    require_red_comments=False)
    doc = build_report(store, year="2019/20", area="East Suffolk", today=date(2019, 12, 10))
    section = next(s for s in doc.sections if s.title == "Indicators: East Suffolk")
    assert any(p.startswith("Domestic abuse incidents:") and "no figure for Suffolk Coastal for Apr-18" in p
               for p in section.paragraphs)
