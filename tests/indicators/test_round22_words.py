"""Round 22 (tester h17): what the Indicators tab says agrees everywhere it is said.

A trajectory typed with bare commas is never read as one figure; a real change is never written as zero; the
chart's hover and the line under it say what the table says; Copy and Export keep an estimated RAG's "Est." and
give the Change % the window shows; an annual period is its financial year, never a month.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from safer_desk.domain.indicators import Change
from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import ChartMode, IndicatorForm, IndicatorsPresenter, month_label
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue

FY16 = FinancialYear(2016)
SYMBOLS = ("\u25b2", "\u25c6", "\u25cf", "\u25cb")


def copied_row(qtbot, tab, name: str) -> dict[str, str]:
    """The summary row of an indicator as Ctrl+C puts it on the clipboard (one row is selected at a time)."""
    import csv
    import io

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    tab.select_indicator(name)
    tab.summary_view.setFocus()
    QGuiApplication.clipboard().setText("(nothing copied)")
    qtbot.keyClick(tab.summary_view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    heading, row = csv.reader(io.StringIO(QGuiApplication.clipboard().text()), delimiter="\t")
    assert row[1] == name
    return dict(zip(heading, row))


def presenter_on(store, area_id: str, year: FinancialYear) -> IndicatorsPresenter:
    p = IndicatorsPresenter(store, today=lambda: date(2026, 11, 28))
    p.load(area_id, year)
    return p


def choose(presenter: IndicatorsPresenter, name: str) -> None:
    assert presenter.choose_indicator(svc.get_indicator(presenter.store, name).id, lambda *a: None)


# -- 1. a trajectory typed with bare commas ----------------------------------------------------------------------
def hate_crime_form(demo_store):
    p = presenter_on(demo_store, "district:plymouth", FY16)
    choose(p, "Police recorded hate crime")
    form = IndicatorForm.make(demo_store, p.view, p.area_id, p.year)
    form.set_value("target_kind", "trajectory")
    return p, form


def stored_trajectory(store, p):
    t = svc.get_target(store, p.selected, "district:plymouth", FY16)
    return None if t is None else (t.kind, [v for _, v in sorted(t.trajectory.items())])


@pytest.mark.parametrize("typed", ["55,108,162,214", "55,108,162,214,268,321,375,428,482,536,588,640"])
def test_a_trajectory_typed_with_bare_commas_is_refused_never_one_figure(demo_store, typed):
    p, form = hate_crime_form(demo_store)
    before = stored_trajectory(demo_store, p)
    form.set_value("trajectory", typed)
    assert not form.save()
    message = form.message("trajectory")
    assert "comma and a space" in message and typed in message
    assert "larger than" not in message
    assert "55, 108, 162, 214" in message  # what to type instead, read as the points it shows
    assert stored_trajectory(demo_store, p) == before


def test_a_trajectory_of_figures_with_thousands_commas_still_means_those_figures(demo_store):
    p, form = hate_crime_form(demo_store)
    form.set_value("trajectory", "1,200, 2,400")
    assert form.save(), form.message("trajectory")
    assert stored_trajectory(demo_store, p) == ("trajectory", [1200, 2400])
    p, form = hate_crime_form(demo_store)
    form.set_value("trajectory", "55, 108, 162, 214")
    assert form.save()
    assert stored_trajectory(demo_store, p) == ("trajectory", [55, 108, 162, 214])


# -- 2. a real change is never written as zero --------------------------------------------------------------------
def test_a_small_change_is_shown_with_the_places_that_make_it_non_zero():
    rate = Change(0.75, 74 / 104, "rate", "lower", 1000)
    assert rate.words() == "an increase of 0.04 (5.4%) on the same period last year"
    assert rate.signed_text() == "+0.04"
    pct = Change(50 * 100 / 61, 82.0, "percentage", "higher")
    assert pct.words("2015/16") == "a reduction of 0.03 percentage points on 2015/16"
    assert pct.signed_text() == "\u22120.03 pts"
    count = Change(12001, 12000, "count", "lower")
    assert count.words() == "an increase of 1 (0.01%) on the same period last year"
    assert count.signed_percent() == "+0.01%"
    # The usual places where they read as non-zero; a change that is truly zero keeps its words.
    assert Change(0.9, 0.7, "rate", "lower").signed_text() == "+0.2"
    assert Change(17.1, 16.9, "percentage", "higher").words() == \
        "an increase of 0.2 percentage points on the same period last year"
    assert Change(5, 5, "count", "lower").words() == "no change on the same period last year"
    assert Change(5, 5, "count", "lower").signed_text() == "0"
    assert Change(0.3, 0.1 + 0.2, "percentage", "higher").words() == "no change on the same period last year"


@pytest.fixture
def small_store(store):
    area = svc.ensure_area(store, "Testshire")
    rate = svc.save_indicator(store, "Residential burglary rate", unit="rate", rate_per=1000, polarity="lower")
    for y in (2015, 2016):
        svc.set_population(store, area, FinancialYear(y), 104000)
    svc.save_values(store, rate, area, [PeriodValue("2015-04", numerator=50), PeriodValue("2015-05", numerator=24)])
    svc.save_values(store, rate, area, [PeriodValue("2016-04", numerator=52), PeriodValue("2016-05", numerator=26)])
    pct = svc.save_indicator(store, "Victims satisfied", unit="percentage", polarity="higher", frequency="annual")
    svc.save_values(store, pct, area, [PeriodValue("2015/16", numerator=41, denominator=50),
                                       PeriodValue("2016/17", numerator=50, denominator=61)])
    return store, area


def test_the_sentence_grid_and_report_say_a_small_change_as_non_zero(small_store):
    from safer_desk.exchange.report_html import render_html
    from safer_desk.services.report import build_report

    store, area = small_store
    p = presenter_on(store, area, FY16)
    choose(p, "Residential burglary rate")
    assert "an increase of 0.04 (5.4%) on the same period last year (worse)" in p.view.headline()
    assert [c.text for c in p.figures.grid.row(svc.GRID_CHANGE).cells[:2]] == ["+0.02", "+0.02"]
    choose(p, "Victims satisfied")
    assert "a reduction of 0.03 percentage points on 2015/16 (worse)" in p.view.headline()
    report = render_html(build_report(store, year=FY16, area="Testshire"))
    assert "+0.04" in report and "\u22120.03 pts" in report
    assert "\u22120 pts" not in report and "of 0.0 (" not in report and "+0.0 " not in report


def test_copy_and_export_give_the_change_the_window_shows(small_store, tmp_path):
    # The Change column copied and exported the exact difference (0.038461538…) where the window shows +0.04 and
    # the sentence "an increase of 0.04": Excel got a figure the officer had never seen.
    import csv

    store, area = small_store
    rate = Change(0.75, 74 / 104, "rate", "lower", 1000)
    assert rate.shown_difference() == Decimal("0.04")
    assert Change(50 * 100 / 61, 82.0, "percentage", "higher").shown_difference() == Decimal("-0.03")
    assert Change(12_586, 12_016, "count", "lower").shown_difference() == 570
    assert Change(17.1, 16.9, "percentage", "higher").shown_difference() == Decimal("0.2")
    p = presenter_on(store, area, FY16)
    exported = list(csv.reader(p.export_summary(tmp_path / "summary.csv").open(encoding="utf-8-sig")))
    col = exported[0].index("Change")
    changes = {r[1]: r[col] for r in exported[1:]}
    assert changes["Residential burglary rate"] == "0.04" and changes["Victims satisfied"] == "-0.03"


# -- 3. the chart says what the table says ------------------------------------------------------------------------
@pytest.fixture
def knife_store(store):
    area = svc.ensure_area(store, "Testshire")
    ind = svc.save_indicator(store, "Knife crime rate", unit="rate", rate_per=1000, polarity="lower",
                             frequency="annual")
    svc.set_target(store, ind, area, FY16, kind="threshold", value=0.8)
    svc.save_values(store, ind, area, [PeriodValue("2016/17", numerator=845, denominator=1000000, comment="Rising")])
    return store, area


def test_the_chart_in_words_uses_the_places_the_table_uses_against_target(knife_store):
    store, area = knife_store
    p = presenter_on(store, area, FY16)
    assert p.view.ytd_text() == "0.85 per 1,000"
    cumulative = p.chart(ChartMode.CUMULATIVE)
    assert "latest 0.85 per 1,000" in cumulative.summary and "latest 0.80 per 1,000 (2016/17)" in cumulative.summary
    assert cumulative.text("2016/17 cumulative", 0) == "0.85 per 1,000"
    assert cumulative.text("Target 2016/17", 0) == "0.80 per 1,000"  # the figure's places (s75)
    year = p.chart(ChartMode.YEAR)
    assert year.text("2016/17", 0) == "0.85 per 1,000" and "latest 0.85 per 1,000" in year.summary
    areas = p.chart(ChartMode.AREAS)
    assert "latest 0.85 per 1,000" in areas.summary


def indicators_tab_on(window, store, area):
    """The store's file opened in the window, on Indicators with the area and 2016/17 chosen."""
    path = store.path
    store.close()
    assert window.open_path(path)
    tab = window.show_tab("indicators")
    tab.select_area(area)
    tab.select_year(FY16)
    return tab


def test_the_hover_says_the_rate_base_and_the_places_against_target(window, knife_store, demo_path, qtbot):
    store, area = knife_store
    tab = indicators_tab_on(window, store, area)
    tab.set_mode("cumulative")
    assert tab.chart.hover_text(0) == ("Year\n2016/17 cumulative: 0.85 per 1,000\n2015/16 cumulative: —\n"
                                       "Target 2016/17: 0.80 per 1,000")
    tab.set_mode("year")
    assert tab.chart.hover_text(0) == "Year\n2015/16: —\n2016/17: 0.85 per 1,000"
    assert window.open_path(demo_path)
    tab = window.show_tab("indicators")
    tab.select_area("county:east-sussex")
    tab.select_year(FinancialYear(2010))
    tab.select_indicator("Alcohol-related hospital admissions")
    tab.set_mode("year")
    assert tab.chart.hover_text(0) == "Year\n2009/10: 1,448 per 100,000\n2010/11: 1,610 per 100,000"
    assert "per 100,000" in tab.chart_summary.text() and "per 1,000" not in tab.chart_summary.text()


# -- 4. an estimated RAG copied and exported --------------------------------------------------------------------
def test_copy_and_export_keep_an_estimated_rag_as_words(demo_window, qtbot, tmp_path):
    import csv

    tab = demo_window.show_tab("indicators")
    tab.select_area("county:east-sussex")
    tab.select_year(FinancialYear(2011))
    idva = "IDVA service users reporting improved safety"
    tab.select_indicator(idva)
    assert tab.summary_proxy.index(tab.summary_view.currentIndex().row(), 0).data() == "Est. \u25cf Green"
    assert copied_row(qtbot, tab, idva)["RAG"] == "Est. Green"
    assert copied_row(qtbot, tab, "All crime")["RAG"] == "No target"
    p = presenter_on(demo_window.session.store, "county:east-sussex", FinancialYear(2011))
    target = p.export_summary(tmp_path / "summary.csv")
    exported = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert {r[1]: r[0] for r in exported[1:]}[idva] == "Est. Green"
    assert not any(s in r[0] for r in exported for s in SYMBOLS)


# -- 5. Change % copied and exported as the window shows it ---------------------------------------------------
def add_change_pct_figures(store, area):
    a = svc.save_indicator(store, "Burglary dwelling", unit="count", polarity="lower", frequency="annual")
    b = svc.save_indicator(store, "Victims satisfied", unit="percentage", polarity="higher", frequency="annual")
    svc.save_values(store, a, area, [PeriodValue("2015/16", 400), PeriodValue("2016/17", 421)])
    svc.save_values(store, b, area, [PeriodValue("2015/16", numerator=40, denominator=100),
                                     PeriodValue("2016/17", numerator=50, denominator=100)])


def test_the_shown_change_percent_is_one_figure():
    assert str(Change(421, 400, "count", "lower").shown_percent()) == "5.3"  # half up, as the window
    assert Change(421, 400, "count", "lower").signed_percent() == "+5.3%"
    assert str(Change(1149, 1223, "count", "lower").shown_percent()) == "-6.1"
    assert Change(50, 40, "percentage", "higher").shown_percent() is None  # said in points: blank
    assert Change(5, 0, "count", "lower").shown_percent() is None


def test_copy_and_export_give_the_change_percent_the_window_shows(window, store, qtbot, tmp_path):
    import csv

    area = svc.ensure_area(store, "Testshire")
    add_change_pct_figures(store, area)
    tab = indicators_tab_on(window, store, area)
    pct = [c.header for c in tab.summary_model.columns].index("Change %")
    shown = {tab.summary_proxy.index(r, 1).data(): tab.summary_proxy.index(r, pct).data()
             for r in range(tab.summary_proxy.rowCount())}
    assert shown == {"Burglary dwelling": "+5.3%", "Victims satisfied": ""}
    assert copied_row(qtbot, tab, "Burglary dwelling")["Change %"] == "5.3"
    assert copied_row(qtbot, tab, "Victims satisfied")["Change %"] == ""
    p = presenter_on(window.session.store, area, FY16)
    exported = list(csv.reader(p.export_summary(tmp_path / "summary.csv").open(encoding="utf-8-sig")))
    col = exported[0].index("Change %")
    assert {r[1]: r[col] for r in exported[1:]} == {"Burglary dwelling": "5.3", "Victims satisfied": ""}


def test_the_county_workbook_summary_gives_the_change_percent_shown(demo_store):
    from safer_desk.services.county_workbook import indicator_summary_sheet

    add_change_pct_figures(demo_store, "district:ipswich")
    sheet = indicator_summary_sheet(demo_store)
    col = [c.title for c in sheet.columns].index("Change %")
    rows = {r[2]: r[col] for b in sheet.blocks for r in b.rows if r[0] == "Ipswich" and r[1] == "2016/17"}
    assert rows["Burglary dwelling"].value == pytest.approx(0.053, abs=1e-12)
    assert rows["Victims satisfied"] is None


# -- 6. an annual period is its financial year ------------------------------------------------------------------
def test_an_annual_period_is_never_labelled_as_a_month(demo_store):
    assert month_label("2010/11") == "2010/11" and month_label("2009/10") == "2009/10"
    assert month_label("2020-03") == "Mar 2020" and month_label("2016-Q1") == svc.period_label("2016-Q1")
    p = presenter_on(demo_store, "county:suffolk", FinancialYear(2009))
    choose(p, "Serious violent crime in a public place where alcohol or substance misuse was a factor")
    for mode in ChartMode:
        data = p.chart(mode)
        assert "Oct 2009" not in data.summary and "Oct 2009" not in data.labels, mode
    areas = p.chart(ChartMode.AREAS)
    assert areas.labels == ["2009/10"] and "latest 1,407 (2009/10)" in areas.summary


def test_a_saved_target_of_a_million_or_more_reads_back_whole_and_saves_again(demo_store):
    # The form filled a saved trajectory and annual target with "{:g}": 1,234,567 came back as "1.23457e+06", the
    # figure cut to six digits, and Save then refused what the form itself had written.
    p, form = hate_crime_form(demo_store)
    form.set_value("trajectory", "1234567, 2469134.5")
    assert form.save(), form.message("trajectory")
    p.refresh()
    again = IndicatorForm.make(demo_store, p.view, p.area_id, p.year)
    assert again.value("trajectory") == "1234567, 2469134.5"
    assert again.save(), again.message("trajectory")
    assert stored_trajectory(demo_store, p) == ("trajectory", [1234567, 2469134.5])
    again.set_value("target_kind", "annual")
    again.set_value("target_value", "1234567")
    assert again.save(), again.message("target_value")
    p.refresh()
    assert IndicatorForm.make(demo_store, p.view, p.area_id, p.year).value("target_value") == "1234567"
