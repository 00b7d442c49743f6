"""Round 23 on the Indicators tab: what an officer was shown or lost without being told.

- Indicator and Target… opened over figures typed in the grid, saved under a new name (another indicator), showed
  the new one and threw the typed figures away without a word.
- Compare Areas showed a red rate with the usual one decimal ("0.8 per 1,000 ▲ Red" against a target of 0.8),
  where the tab, the grid and the board report say "0.85 per 1,000".
- Import Figures previewed a county's population as "1e+06" and 1,234,567 crimes as "1.23457e+06".
- Import Figures took a negative rate the grid refuses, and a percentage of 950 or -5 the grid queries, without
  a word.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.area_comparison import AreaComparisonPresenter
from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue
from tests.indicators.test_tab import type_in
from tests.indicators import test_tab_unsaved
from tests.indicators.test_tab_unsaved import stored, type_in_cell

tab = test_tab_unsaved.tab  # the fixture: the Indicators tab on Plymouth's All crime, 2016/17

FY16 = FinancialYear(2016)


# -- Indicator and Target… over typed figures ------------------------------------------------------------------
def test_indicator_and_target_asks_about_typed_figures_before_it_opens(demo_window, tab, qtbot, prompts):
    store = demo_window.session.store
    type_in_cell(tab, qtbot, "2016/17", 8, "1480")
    assert tab.presenter.figures.is_dirty
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL]
    tab.edit_indicator()
    assert prompts.unsaved_questions[-1][1] == (
        "Figures of All crime for Plymouth, 2016/17 have unsaved changes in Dec-16.")
    assert tab.presenter.figures.is_dirty and tab.grid.item(0, 8).text() == "1480"  # Cancel: still typed
    assert not getattr(tab, "_indicator_dialog", None) or not tab._indicator_dialog.isVisible()
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]
    tab.edit_indicator()
    assert stored(store, "2016-12") == 1480  # saved before the form opened
    dialog = tab._indicator_dialog
    type_in(qtbot, dialog.form.widgets["name"], "Arson")
    assert not dialog.apply()  # a new name is asked about once
    assert dialog.apply()
    QApplication.processEvents()
    assert tab.view.indicator.name == "Arson"
    assert stored(store, "2016-12") == 1480  # nothing typed was thrown away on the way


def test_indicator_and_target_with_nothing_typed_opens_without_asking(demo_window, tab, qtbot, prompts):
    tab.edit_indicator()
    assert prompts.unsaved_questions == [] and tab._indicator_dialog.isVisible()
    tab._indicator_dialog.reject()


# -- Compare Areas reads a red rate as the tab does ---------------------------------------------------------------
@pytest.fixture
def red_rate(store):
    area = svc.ensure_area(store, "Mid Suffolk", "district")
    rate = svc.save_indicator(store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower")
    svc.set_population(store, area, FY16, 1000000)
    svc.set_target(store, rate, area, FY16, kind="annual", value=4.8)
    svc.save_values(store, rate, area, [PeriodValue("2016-04", numerator=420), PeriodValue("2016-05", numerator=425)],
                    require_red_comments=False)
    return rate


def test_compare_areas_shows_a_red_rate_with_the_places_the_tab_shows(store, red_rate):
    # 0.845 per 1,000, red against 0.8 to date: "0.8 per 1,000 ▲ Red" reads as on target, yet red.
    p = AreaComparisonPresenter(store)
    p.load(red_rate)
    [row] = p.rows
    assert row.rag == "\u25b2 Red"
    assert row.figure_text == "0.85 per 1,000"
    assert row.figure_text == svc.year_view(store, red_rate, "district:mid-suffolk", FY16).ytd_text()
    assert p.summary() == "Violent crime rate, 2016/17, year to date: 1 area, Mid Suffolk (0.85 per 1,000)."
    assert p.bar_texts() == ["0.85 per 1,000"]


def test_the_compare_areas_bars_end_with_the_table_s_figure(store, red_rate, qtbot):
    from safer_desk.ui.indicators.comparison import AreaComparisonDialog

    dialog = AreaComparisonDialog(store, indicator_id=red_rate)
    qtbot.addWidget(dialog)
    assert dialog.model.rows[0].figure_text == "0.85 per 1,000"
    assert dialog.chart.bar_text(0) == "0.85 per 1,000"  # was "0.8" beside a red RAG
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.chart.repaint()  # paints without error


# -- Import Figures: what the preview shows, what it takes ----------------------------------------------------------
def preview_of(demo_window, path):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    assert dialog.load(path)
    return dialog, {r["line"]: r for r in dialog.model.rows}


def test_the_import_preview_shows_large_figures_in_full(demo_window, prompts, tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text("indicator,area,period,value,numerator,denominator\n"
                    "All crime,Plymouth,2016-12,1234567,,\n"
                    "Level Two \u201cist\u201d incidents satisfaction,Plymouth,2016-10,,845,1000000\n"
                    "Level Two \u201cist\u201d incidents satisfaction,Plymouth,2016-11,88.88889,,\n",
                    encoding="utf-8")
    _, rows = preview_of(demo_window, path)
    assert rows[2]["value"] == "1,234,567"  # was "1.23457e+06"
    # as the grid will show them (session 75), the ratio's figures in full
    assert rows[3]["value"] == "0.1% (845 of 1,000,000)"  # was "845/1e+06"
    assert rows[4]["value"] == "88.9%"


def test_a_negative_rate_is_refused_by_the_import_as_by_the_grid(store, red_rate, tmp_path):
    from safer_desk.services.indicators_import import preview_values

    path = tmp_path / "figures.csv"
    path.write_text("indicator,area,period,value\nViolent crime rate,Mid Suffolk,2016-06,-5\n"
                    "Violent crime rate,Mid Suffolk,2016-07,0.4\n", encoding="utf-8")
    preview = preview_values(store, path)
    assert [g.line for g in preview.good] == [3]
    [(line, why)] = preview.refused
    assert line == 2 and "cannot be negative" in why


def test_a_percentage_the_grid_queries_is_queried_in_the_import_preview(demo_window, prompts, tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text("indicator,area,period,value\n"
                    "Level Two \u201cist\u201d incidents satisfaction,Plymouth,2016-10,950\n"
                    "Level Two \u201cist\u201d incidents satisfaction,Plymouth,2016-11,-5\n"
                    "Level Two \u201cist\u201d incidents satisfaction,Plymouth,2016-12,95\n", encoding="utf-8")
    dialog, rows = preview_of(demo_window, path)
    assert len(dialog.preview.good) == 3  # still imported if right: the grid keeps them when saved again
    assert rows[2]["status"] == "Check" and "950% is more than 100%" in rows[2]["why"]
    assert rows[3]["status"] == "Check" and "-5% is below nothing" in rows[3]["why"]
    assert rows[4]["status"] == "OK" and rows[4]["why"] == ""
    assert "2 to check" in dialog.summary.text()


def test_a_month_not_begun_is_queried_in_the_import_preview_as_in_the_grid(store, red_rate, tmp_path):
    from datetime import date

    from safer_desk.services.indicators_import import preview_values

    path = tmp_path / "figures.csv"
    path.write_text("indicator,area,period,numerator,denominator\nViolent crime rate,Mid Suffolk,2016-11,400,\n"
                    "Violent crime rate,Mid Suffolk,2016-12,410,\n", encoding="utf-8")
    preview = preview_values(store, path, today=date(2016, 11, 30))
    assert [g.line for g in preview.good] == [2, 3]
    assert preview.queried == {3: "Dec-16 has not begun yet (today is 30/11/2016): is this the right period?"}
    assert "Line 3 (check): Dec-16 has not begun yet" in preview.report()


# -- "2010/11" in a monthly sheet ---------------------------------------------------------------------------------
@pytest.mark.parametrize("typed, month", [("2010/11", "Nov-10"), ("2009/10", "Oct-09"), ("2011/12", "Dec-11")])
def test_a_financial_year_in_a_monthly_sheet_is_refused_not_read_as_a_month(store, typed, month, tmp_path):
    # "2011/12", the way every board paper writes the financial year, was stored as December 2011 for a monthly
    # indicator: the year's figure in one month, without a word.
    from safer_desk.services.indicators_import import preview_values

    svc.ensure_area(store, "Mid Suffolk", "district")
    svc.save_indicator(store, "Burglary", unit="count", polarity="lower")
    path = tmp_path / "figures.csv"
    path.write_text(f"indicator,area,period,value\nBurglary,Mid Suffolk,{typed},1200\n"
                    "Burglary,Mid Suffolk,2016/04,100\nBurglary,Mid Suffolk,2016-12,90\n", encoding="utf-8")
    preview = preview_values(store, path)
    assert [g.value.period for g in preview.good] == ["2016-04", "2016-12"]  # one reading only: months
    [(line, why)] = preview.refused
    assert line == 2 and f"could be the financial year {typed} or {month}" in why
    with pytest.raises(svc.IndicatorError, match="could be the financial year"):
        svc.parse_period(typed, "monthly")
    assert svc.parse_period(typed, "annual") == typed and svc.parse_period(typed) == typed
