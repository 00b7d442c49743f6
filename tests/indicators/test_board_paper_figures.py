"""The Indicators tab's figures as a board paper shows them, checked by hand against the example file and figures
typed into the grid as an officer types them."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc

FY25 = FinancialYear(2025)


def test_last_years_cumulative_is_not_drawn_from_a_year_missing_its_first_months(demo_window):
    # The example's police.uk files start in January 2025: 2024/25 holds Jan-25 to Mar-25 only (Babergh: 298, 325
    # and 384). Added up from January those are not 2024/25's figures to date, and beside 2025/26's 2,869 to
    # December a line ending at 1,007 read as a year of a third of the crime; the table has no figure to compare
    # with (the same periods last year are not all there), and neither has the chart nor the grid.
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:babergh")
    tab.select_year(FY25)
    tab.select_indicator("All crime")
    view = tab.view
    assert view.values_last[9:] == [298, 325, 384]  # the months themselves are shown, as bars and in the grid
    assert view.change is None
    assert view.cumulative_last == [None] * 12
    row = tab.grid.keys.index(svc.GRID_CUMULATIVE_LAST)
    assert [tab.grid.item(row, c).text() for c in range(12)] == [""] * 12
    tab.set_mode("cumulative")
    assert tab.chart.data.series["2024/25 cumulative"] == [None] * 12
    assert "2024/25 cumulative: \u2014" in tab.chart.hover_text(11)
    assert "1,007" not in tab.chart_summary.text()
    # This year's own months are all there: its cumulative stands.
    assert view.cumulative[8] == 2869


def test_a_rates_count_typed_with_no_population_recorded_says_to_give_the_population(demo_window, prompts):
    # The guide: a rate's count may be typed alone, and the area's population for the year is used. Plymouth has
    # none recorded, and the grid's rows are Numerator and Population: "give both a numerator and a denominator"
    # sent the officer looking for a Denominator row.
    store = demo_window.session.store
    svc.save_indicator(store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower")
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FinancialYear(2016))
    tab.select_indicator("Violent crime rate")
    tab.grid.edit_text(svc.GRID_NUMERATOR, 0, "250")
    assert not tab.save_figures()
    message = tab.grid_messages.text()
    assert "no population is recorded for Plymouth" in message and "Population row" in message
    assert "denominator, or neither" not in message
    tab.grid.edit_text(svc.GRID_DENOMINATOR, 0, "264,000")
    assert tab.save_figures()
    assert tab.view.ytd.value == 250 / 264


def test_a_threshold_for_a_count_added_up_through_the_year_is_refused_never_judged_against_the_total(
        demo_window, prompts, qtbot):
    # "No more than 1,600" for All crime: the figure to date is the year's total (12,586 by November), which a
    # threshold for one month judged red from May on (and asked for a comment on every month), though no month
    # passed 1,692. A count's target is an annual figure (spread through the year) or a cumulative trajectory.
    from PySide6.QtCore import Qt

    from tests.indicators.test_tab import choose, plymouth_tab, type_in

    store = demo_window.session.store
    tab = plymouth_tab(demo_window)
    tab.select_indicator("All crime")
    tab.edit_indicator()
    dialog = tab._indicator_dialog
    choose(dialog.form.widgets["target_kind"], "Threshold (no more than / at least)")
    type_in(qtbot, dialog.form.widgets["target_value"], "1,600")
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    message = dialog.form.messages["target_kind"].text()  # beside the kind of target (session 68), not above Save
    assert "added up through the year" in message and "19,200 in the year" in message
    assert svc.get_target(store, "indicator:all-crime", "district:plymouth", FinancialYear(2016)) is None
    assert tab.view.rag.word == "No target"
    # A percentage keeps its threshold ("at least 90%"), and so does a count of one period a year.
    ind = svc.save_indicator(store, "Domestic homicides", polarity="lower", frequency="annual")
    svc.set_target(store, ind, "district:plymouth", FinancialYear(2016), kind="threshold", value=0)


def test_a_percentage_typed_beside_a_numerator_and_denominator_that_give_another_is_queried_never_dropped(
        demo_window, prompts):
    # Typed 50 (%) with 1 and 4 for October: the window saved 25% and dropped the 50 without a word; a figures
    # sheet refuses the same line ("50 for 1 of 4"). One of them is wrong, and the officer is the one to say which.
    from tests.indicators.test_tab import plymouth_tab

    store = demo_window.session.store
    tab = plymouth_tab(demo_window)
    tab.select_indicator("Level Two \u201cist\u201d incidents satisfaction")
    before = store.conn.total_changes
    for key, text in ((svc.GRID_VALUE, "50"), (svc.GRID_NUMERATOR, "1"), (svc.GRID_DENOMINATOR, "4"),
                      (svc.GRID_COMMENT, "Few asked")):
        tab.grid.edit_text(key, 6, text)
    assert not tab.save_figures()
    assert store.conn.total_changes == before
    message = tab.grid_messages.text()
    assert "Oct-16" in message and "50" in message and "1 / 4" in message and "25%" in message
    assert tab.view.values[6] is None
    # A figure typed to the places it is written in, as the sheet allows (16 of 18 is 88.888…%), is kept as the ratio.
    tab.grid.edit_text(svc.GRID_VALUE, 6, "88.9")
    tab.grid.edit_text(svc.GRID_NUMERATOR, 6, "16")
    tab.grid.edit_text(svc.GRID_DENOMINATOR, 6, "18")
    assert tab.save_figures()
    assert (tab.view.this_year[6].numerator, tab.view.this_year[6].denominator) == (16, 18)


def test_rolling_12_months_says_why_it_has_nothing_to_draw_where_there_are_figures(demo_window):
    # Referrals are quarterly (six quarters held) and satisfaction has six months: the chart's line said "no
    # figures to chart yet" for both, under a grid full of them.
    from tests.indicators.test_tab import plymouth_tab

    tab = plymouth_tab(demo_window)
    tab.set_mode("rolling")
    tab.select_indicator("Referrals to domestic abuse services")
    assert "no figures" not in tab.chart_summary.text()
    assert "worked out from monthly figures" in tab.chart_summary.text() and "quarterly" in tab.chart_summary.text()
    tab.select_indicator("Level Two \u201cist\u201d incidents satisfaction")
    assert "no figures" not in tab.chart_summary.text()
    assert "twelve months in a row" in tab.chart_summary.text()
    tab.select_indicator("All crime")
    assert "latest 18,177 (Nov 2016)" in tab.chart_summary.text()  # Dec-15 to Nov-16, added up by hand
