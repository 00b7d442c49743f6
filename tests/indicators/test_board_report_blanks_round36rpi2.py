"""The board report's Indicators section as a board member reads it: every blank Last year, Change and Change %
says why (the window says it when pointed at; paper cannot), a chart compares two years only where it can, the
RAG legend is said once, and the figures are the Indicators tab's for the same area and year."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.exchange.report_html import render_html
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import indicators as svc
from safer_desk.services.demo_data import reference
from safer_desk.services.indicators import PeriodValue
from safer_desk.services.report import build_report

Y18, Y19, Y24, Y25 = FinancialYear(2018), FinancialYear(2019), FinancialYear(2024), FinancialYear(2025)
TODAY = date(2026, 1, 20)
LEGEND = "RAG: green at or better than target"


def _save(store, ind, area, values):
    svc.save_values(store, ind, area, values, require_red_comments=False)


@pytest.fixture
def suffolk(store):
    """As the example file's police.uk year: 2025/26 from April to December, and of 2024/25 only January to March
    (the downloads begin in January 2025); a percentage held in both years (Babergh); a year of 0 before (Ipswich)."""
    reference.add_examples(store)
    crime = svc.save_indicator(store, "All crime")
    asb = svc.save_indicator(store, "Anti-social behaviour")
    share = svc.save_indicator(store, "Repeat MARAC cases", unit="percentage")
    for area in ("district:babergh", "district:ipswich", "district:mid-suffolk"):
        for ind in (crime, asb):
            _save(store, ind, area, [PeriodValue(m.iso, 300.0) for m in Y24.months[9:]])
            _save(store, ind, area, [PeriodValue(m.iso, 320.0) for m in Y25.months[:9]])
    _save(store, share, "district:babergh", [PeriodValue(m.iso, numerator=3, denominator=10) for m in Y24.months])
    _save(store, share, "district:babergh", [PeriodValue(m.iso, numerator=1, denominator=4) for m in Y25.months[:9]])
    zero = svc.save_indicator(store, "Hate incidents")
    _save(store, zero, "district:ipswich", [PeriodValue(m.iso, 0.0) for m in Y24.months])
    _save(store, zero, "district:ipswich", [PeriodValue(m.iso, 2.0) for m in Y25.months[:9]])
    return store


def _section(doc, name):
    return next(s for s in doc.sections if s.title == f"Indicators: {name}")


def _summary(section):
    return next(t for t in section.tables if t.title.startswith("Performance summary"))


def _row(table, label):
    return next(r for r in table.rows if r[1] == label)


def test_blank_last_year_and_change_say_why_under_the_table(suffolk):
    doc = build_report(suffolk, year="2025/26", area="Babergh", today=TODAY)
    table = _summary(_section(doc, "Babergh"))
    assert _row(table, "All crime")[4:7] == ["", "", ""]
    assert ("Last year, Change and Change % are blank for All crime and Anti-social behaviour: no figures for the "
            "same period last year to compare with (2024/25's are for Jan-25 to Mar-25 only).") in table.note
    # A percentage's change is in points: Change shows it, Change % is blank and says so.
    share = _row(table, "Repeat MARAC cases")
    assert share[5] != "" and share[6] == ""
    assert "Change % is blank for Repeat MARAC cases: a percentage's change is in points (under Change)." \
        in table.note


def test_a_change_from_a_year_of_zero_says_why_it_has_no_percentage(suffolk):
    doc = build_report(suffolk, year="2025/26", area="Ipswich", today=TODAY)
    table = _summary(_section(doc, "Ipswich"))
    assert _row(table, "Hate incidents")[5:7] == ["+18", ""]
    assert "Change % is blank for Hate incidents: last year's figure is 0, and no change is a percentage of 0." \
        in table.note


def test_every_indicator_blank_for_the_same_reason_is_said_once_for_all(suffolk):
    doc = build_report(suffolk, year="2025/26", area="Mid Suffolk", today=TODAY)
    note = _summary(_section(doc, "Mid Suffolk")).note
    assert note.startswith("Last year, Change and Change % are blank for every indicator: no figures for the same "
                           "period last year to compare with (2024/25's are for Jan-25 to Mar-25 only). ")
    assert note.count("blank for") == 1


def test_a_chart_with_no_period_in_both_years_does_not_promise_a_comparison(suffolk):
    doc = build_report(suffolk, year="2025/26", area="Babergh", today=TODAY)
    section = _section(doc, "Babergh")
    titles = [c.title for c in section.charts]
    assert "All crime: 2025/26 by month" in titles
    assert not any(t.startswith("All crime: 2025/26 against") for t in titles)
    chart = next(c for c in section.charts if c.title == "All crime: 2025/26 by month")
    assert [s.name for s in chart.series] == ["2025/26"]  # not 2024/25's January to March beside April to December
    # Where both years have figures the chart still compares them.
    assert "Repeat MARAC cases: 2025/26 against 2024/25" in titles


def test_the_rag_legend_is_said_once_in_the_report(suffolk):
    doc = build_report(suffolk, year="2025/26", today=TODAY)
    # East and West Suffolk, with no figures, are said to have none (s64): no summary there to carry the legend
    sections = [s for s in doc.sections if s.title.startswith("Indicators:") and s.tables]
    assert len(sections) >= 2
    notes = [t.note for s in sections for t in s.tables]
    assert sum(n.count(LEGEND) for n in notes) == 1
    assert LEGEND in _summary(sections[0]).note
    assert render_html(doc).count(LEGEND) == 1
    # The others point to it.
    first = sections[0].title.removeprefix("Indicators: ")
    assert all(f"RAG and Change are read as under {first}'s performance summary." in _summary(s).note
               for s in sections[1:])


# -- the same figures as the Indicators tab ---------------------------------------------------------------------
@pytest.fixture
def east(store):
    """East Suffolk (from 01/04/2019) and the districts it replaced, Waveney and Suffolk Coastal, with 2018/19
    figures; a gap in Suffolk Coastal's for April 2018 in one of the two indicators."""
    reference.add_examples(store)
    count = svc.save_indicator(store, "Domestic abuse incidents", polarity="higher")
    gap = svc.save_indicator(store, "Burglary")
    for ind in (count, gap):
        _save(store, ind, "district:waveney", [PeriodValue(m.iso, 100.0) for m in Y18.months])
        _save(store, ind, "district:suffolk-coastal", [PeriodValue(m.iso, 50.0) for m in Y18.months])
        _save(store, ind, "district:east-suffolk", [PeriodValue(m.iso, 160.0) for m in Y19.months[:8]])
    _save(store, gap, "district:suffolk-coastal", [PeriodValue(Y18.months[0].iso, None)])
    return store


def _tab_rows(store, area_id, year, today):
    p = IndicatorsPresenter(store, today=lambda: today)
    p.load(area_id, year)
    return [[r.view.status_label(), r.indicator.label, r.view.range_text(), r.view.ytd_text(),
             r.view.ytd_last_text(), "" if r.view.change is None else r.view.change.signed_text(),
             "" if r.view.change is None else r.view.change.signed_percent(), r.view.target_words()]
            for r in p.rows]


def _report_rows(section):
    return [[c.removesuffix(" (derived)") if i == 1 else c for i, c in enumerate(r)] for r in _summary(section).rows]


def test_the_successor_s_section_has_the_tab_s_figures_and_says_why_one_is_blank(east):
    today = date(2019, 12, 10)
    doc = build_report(east, year="2019/20", area="East Suffolk", today=today)
    section = _section(doc, "East Suffolk")
    assert sorted(_report_rows(section)) == sorted(_tab_rows(east, "district:east-suffolk", Y19, today))
    table = _summary(section)
    assert _row(table, "Domestic abuse incidents")[4:6] == ["1,200", "+80"]
    assert _row(table, "Burglary")[4:7] == ["", "", ""]
    assert ("Last year, Change and Change % are blank for Burglary: no figures for the same period last year to "
            "compare with (2018/19: Suffolk Coastal and Waveney; no figure for Suffolk Coastal for Apr-18, left blank "
            "rather than Waveney's alone).") \
        in table.note


@pytest.mark.parametrize("area_id, name", [("district:babergh", "Babergh"), ("district:ipswich", "Ipswich")])
def test_each_area_s_section_has_the_tab_s_figures(suffolk, area_id, name):
    doc = build_report(suffolk, year="2025/26", area=name, today=TODAY)
    assert sorted(_report_rows(_section(doc, name))) == sorted(_tab_rows(suffolk, area_id, Y25, TODAY))


def test_districts_replaced_before_the_year_have_no_section_of_blanks(east):
    """Waveney and Suffolk Coastal ended on 31/03/2019: a 2019/20 report for East Suffolk gave each a section of
    blank rows saying "No figure yet", as if their 2019/20 figures were still to come."""
    doc = build_report(east, year="2019/20", area="East Suffolk", today=date(2019, 12, 10))
    assert [s.title for s in doc.sections if s.title.startswith("Indicators:")] == ["Indicators: East Suffolk"]
    # Their own year still has its sections.
    doc = build_report(east, year="2018/19", area="East Suffolk", today=date(2019, 12, 10))
    titles = [s.title for s in doc.sections if s.title.startswith("Indicators:")]
    assert "Indicators: Waveney" in titles and "Indicators: Suffolk Coastal" in titles
