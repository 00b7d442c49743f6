"""Round 29: the Indicators tab as an officer uses it, against DESIGN §2.4 and the guide."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from safer_desk.domain.periods import FinancialYear


def _indicators_tab(window):
    return window.show_tab("indicators")


def test_compare_areas_opens_on_the_indicator_in_view_on_the_tab(demo_window, qtbot):
    """View > Compare Areas… meant to open on the tab's indicator (menu.open_comparison asks the tab for it), but
    the tab had no such method: it always opened on the first indicator (All crime), whatever the officer was
    looking at, so the figures beside Burglary's were All crime's until the indicator was chosen again."""
    tab = _indicators_tab(demo_window)
    assert tab.select_area("district:babergh") and tab.select_year(FinancialYear(2025))
    assert tab.select_indicator("Burglary")
    demo_window.compare_areas_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Compare Areas" and w.isVisible())
    qtbot.addWidget(dialog)
    assert dialog.indicator.currentText() == "Burglary"
    assert dialog.presenter.indicator_id == "indicator:burglary"
    dialog.close()



def test_compare_areas_says_a_rate_is_over_an_earlier_years_population(demo_store):
    """A count's rate per 1,000 in Compare Areas is over the area's population for the year, or where that year has
    none recorded the latest earlier one (as the tab's rates are): it was used without a word, so Babergh's 2025/26
    rate read as over its 2025/26 population when only 2024/25's (ONS mid-2023) was recorded. The tab says so in
    its sentence; the comparison now says so beside the population and in its sentence."""
    from safer_desk.presenters.area_comparison import AreaComparisonPresenter
    from safer_desk.services import indicators as svc

    svc.set_population(demo_store, "district:babergh", FinancialYear(2024), 92_000, source="ONS mid-2023 estimate")
    p = AreaComparisonPresenter(demo_store)
    p.load("indicator:all-crime")
    assert p.year == FinancialYear(2025)
    babergh = next(r for r in p.rows if r.area == "Babergh")
    assert (babergh.population, babergh.rate_text) == (92_000, "31.2 per 1,000")  # 2,869 over 92,000
    assert babergh.population_text == "92,000 (2024/25's)"
    from safer_desk.ui.indicators.comparison import comparison_columns

    column = next(c for c in comparison_columns() if c.key == "population")
    assert (column.text(babergh), column.plain(babergh)) == ("92,000 (2024/25's)", "92000")  # Excel gets the number
    assert "Babergh's population is 2024/25's: none is recorded for 2025/26." in p.summary()
    svc.set_population(demo_store, "district:babergh", FinancialYear(2025), 93_000)
    p.refresh()
    babergh = next(r for r in p.rows if r.area == "Babergh")
    assert babergh.population_text == "93,000" and "none is recorded" not in p.summary()


def test_the_gap_to_target_is_blank_where_figures_are_missing_as_the_rag_is(store):
    """An office that imported only January to March 2020 holds three months of 2019/20: the RAG says "Figures
    missing" and the sentence "Not judged against target", since the total is short by nine months. The grid's
    Gap to target row still compared it: "−900" against the 1,200 to date, which for a lower-is-better count reads
    as 900 better than target (and copies to Excel so). A gap is given where the figure to date is compared."""
    from datetime import date

    from safer_desk.domain.indicators import Rag
    from safer_desk.services import indicators as svc
    from safer_desk.services.indicators import PeriodValue

    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Burglary", polarity="lower")
    fy = FinancialYear(2019)
    svc.set_target(store, ind, area, fy, kind="annual", value=1200)
    svc.save_values(store, ind, area, [PeriodValue(m, 100) for m in ("2020-01", "2020-02", "2020-03")])
    grid = svc.entry_grid(store, ind, area, fy, today=date(2020, 5, 1))
    assert [c.text for c in grid.row(svc.GRID_RAG).cells[9:]] == ["○ Figures missing"] * 3
    gaps = grid.row(svc.GRID_GAP).cells
    assert [c.text for c in gaps] == [""] * 12
    assert gaps[11].tooltip == "Not compared with the target: no figures for Apr-19 to Dec-19."
    # A month missing in the middle: compared up to it, not at it or after it (its cumulative is carried over).
    svc.save_values(store, ind, area, [PeriodValue(m.iso, 100) for m in fy.months[:9] if m.iso != "2019-06"])
    grid = svc.entry_grid(store, ind, area, fy, today=date(2020, 5, 1))
    assert [c.text for c in grid.row(svc.GRID_GAP).cells][:4] == ["0", "0", "", ""]
    assert grid.row(svc.GRID_RAG).cells[3].rag is Rag.INCOMPLETE
    svc.save_values(store, ind, area, [PeriodValue("2019-06", 100)])  # filled in: every month compared
    grid = svc.entry_grid(store, ind, area, fy, today=date(2020, 5, 1))
    assert [c.text for c in grid.row(svc.GRID_GAP).cells] == ["0"] * 12


def test_after_a_police_import_of_three_months_the_grid_gives_no_gap_to_the_years_target(demo_window, qtbot):
    """The example's police.uk download reaches back to January 2025: Babergh's 2024/25 holds Jan-25 to Mar-25 only.
    With a target for the year, the window's grid showed (and copied) a gap of the three months against the
    trajectory to date, though the RAG beside it says Figures missing."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QTableWidgetSelectionRange

    from safer_desk.services import indicators as svc

    store = demo_window.session.store
    svc.set_target(store, "indicator:all-crime", "district:babergh", FinancialYear(2024), kind="annual", value=4000)
    tab = _indicators_tab(demo_window)
    tab.reload()
    assert tab.select_area("district:babergh") and tab.select_year(FinancialYear(2024))
    assert tab.select_indicator("All crime")
    row = tab.grid.keys.index(svc.GRID_GAP)
    assert [tab.grid.item(row, c).text() for c in range(12)] == [""] * 12
    assert tab.grid.item(row, 11).toolTip() == "Not compared with the target: no figures for Apr-24 to Dec-24."
    assert tab.grid.item(tab.grid.keys.index(svc.GRID_RAG), 11).text() == "○ Figures missing"
    tab.grid.clearSelection()
    tab.grid.setRangeSelected(QTableWidgetSelectionRange(row, 9, row, 11), True)  # Jan-25 to Mar-25
    assert tab.grid.copy_selection()
    assert QGuiApplication.clipboard().text().splitlines()[1].split("\t") == ["Gap to target", "", "", ""]


def test_compare_areas_opens_on_the_year_in_view_on_the_tab(demo_window, qtbot):
    """Compare Areas opened on the indicator's latest year whatever year the tab showed: an officer looking at
    2024/25 compared 2025/26's figures unless the year was chosen again."""
    tab = _indicators_tab(demo_window)
    assert tab.select_area("district:babergh") and tab.select_year(FinancialYear(2024))
    assert tab.select_indicator("Burglary")
    demo_window.compare_areas_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Compare Areas" and w.isVisible())
    qtbot.addWidget(dialog)
    assert (dialog.year.currentText(), dialog.presenter.year) == ("2024/25", FinancialYear(2024))
    dialog.close()


def test_compare_areas_fits_a_laptop_window(demo_window, qtbot):
    """Compare Areas sized its indicator list to the longest indicator's name (159 letters in the example), so the
    dialog opened 1,428 pixels wide on a 1093x582 window (a 1366x768 laptop at 125%): Rate per and Close were off
    the screen."""
    demo_window.resize(1093, 582)
    demo_window.compare_areas_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Compare Areas" and w.isVisible())
    qtbot.addWidget(dialog)
    assert dialog.width() <= demo_window.width(), dialog.width()
    assert dialog.minimumSizeHint().width() <= demo_window.width(), dialog.minimumSizeHint().width()
    dialog.close()


def test_compare_areas_says_once_which_areas_rates_are_over_an_earlier_years_population(demo_store):
    """Each area over 2024/25's population had a sentence of its own: eight areas read the same words eight times."""
    from safer_desk.presenters.area_comparison import AreaComparisonPresenter
    from safer_desk.services import indicators as svc

    for area, people in (("district:babergh", 92_000), ("district:ipswich", 139_000)):
        svc.set_population(demo_store, area, FinancialYear(2024), people)
    p = AreaComparisonPresenter(demo_store)
    p.load("indicator:all-crime")
    said = p.summary()
    assert "Babergh's and Ipswich's populations are 2024/25's: none is recorded for 2025/26." in said, said
    assert said.count("none is recorded") == 1


def test_compare_areas_shows_every_rate_with_the_places_of_its_column(demo_store):
    """East Suffolk's 37.98 per 1,000 read "38 per 1,000" beside "42.5" and "30.5": one column, one number of places
    (seen in the guide's picture)."""
    from safer_desk.presenters.area_comparison import AreaComparisonPresenter
    from safer_desk.services import indicators as svc

    for area, people in (("district:east-suffolk", 251_000), ("district:babergh", 94_000)):
        svc.set_population(demo_store, area, FinancialYear(2025), people)
    p = AreaComparisonPresenter(demo_store)
    p.load("indicator:all-crime")
    texts = {r.area: r.rate_text for r in p.rows if r.rate is not None}
    assert texts["East Suffolk"] == "38.0 per 1,000" and texts["Babergh"] == "30.5 per 1,000", texts
