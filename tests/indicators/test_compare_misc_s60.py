"""Round 60: Compare Areas' populations and its day, as an officer reads them."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear


def _populations(store, year_of_west: FinancialYear) -> None:
    from safer_desk.services import indicators as svc

    for area, people in (("babergh", 94_000), ("east-suffolk", 251_000), ("ipswich", 139_000),
                         ("mid-suffolk", 103_000)):
        svc.set_population(store, f"district:{area}", FinancialYear(2025), people)
    svc.set_population(store, "district:west-suffolk", year_of_west, 180_000)


def test_a_county_with_some_districts_over_an_earlier_population_is_not_said_to_be_that_years(demo_store):
    """Four of Suffolk's five districts had 2025/26 populations and West Suffolk only 2024/25's: Compare Areas said
    Suffolk's population (767,000, their sum) was "2024/25's", a year it has for one district of five. It says the
    population is partly that year's, and whose."""
    from safer_desk.presenters.area_comparison import AreaComparisonPresenter

    _populations(demo_store, FinancialYear(2024))
    p = AreaComparisonPresenter(demo_store)
    p.load("indicator:all-crime", FinancialYear(2025))
    rows = {r.area: r for r in p.rows}
    assert rows["Suffolk (derived)"].population_text == "767,000 (partly 2024/25's)"
    assert rows["West Suffolk"].population_text == "180,000 (2024/25's)"
    said = p.summary()
    assert "West Suffolk's population is 2024/25's: none is recorded for 2025/26." in said, said
    assert "Suffolk's, Safer Suffolk Partnership Board's and Western Suffolk CSP's populations are partly 2024/25's " \
           "(West Suffolk's): none is recorded for 2025/26." in said, said
    assert "Suffolk's population is 2024/25's" not in said.replace("West Suffolk's population is", "")


def test_a_county_whose_districts_are_all_over_an_earlier_population_is_that_years(demo_store):
    """Every district over 2024/25's population: the county's sum is 2024/25's, said so (not "partly")."""
    from safer_desk.presenters.area_comparison import AreaComparisonPresenter
    from safer_desk.services import indicators as svc

    for area in ("babergh", "east-suffolk", "ipswich", "mid-suffolk", "west-suffolk"):
        svc.set_population(demo_store, f"district:{area}", FinancialYear(2024), 100_000)
    p = AreaComparisonPresenter(demo_store)
    p.load("indicator:all-crime", FinancialYear(2025))
    rows = {r.area: r for r in p.rows}
    assert rows["Suffolk (derived)"].population_text == "500,000 (2024/25's)"
    assert "partly" not in p.summary()


def test_the_population_column_says_whose_population_is_an_earlier_years(demo_window, qtbot):
    """The Population column's tip beside a county partly over 2024/25's populations names the district."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    _populations(demo_window.session.store, FinancialYear(2024))
    demo_window.compare_areas_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Compare Areas" and w.isVisible())
    qtbot.addWidget(dialog)
    model = dialog.view.model()
    column = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Horizontal) == "Population")
    tips = {model.index(r, 0).data(): model.index(r, column).data(Qt.ToolTipRole) for r in range(model.rowCount())}
    assert tips["Suffolk (derived)"] == ("None is recorded for the year for West Suffolk: their latest earlier ones "
                                         "are added in")
    assert tips["West Suffolk"] == "None is recorded for the year: the rate is over the latest earlier one"
    assert tips["Babergh"] is None
    dialog.close()


def test_compare_areas_reads_the_day_it_is_given(demo_store):
    """AreaComparisonPresenter read date.today() itself, so whether a year is over (its rows "No figure recorded",
    its sentence "no figure was recorded") could not be fixed in a test: the day is passed, as the other
    presenters take it. On 1 October 2016, 2016/17 is running: its rows and its sentence say "yet"."""
    from datetime import date

    from safer_desk.presenters.area_comparison import AreaComparisonPresenter

    p = AreaComparisonPresenter(demo_store, today=lambda: date(2016, 10, 1))
    p.load("indicator:all-crime", FinancialYear(2016))
    assert {r.figure_text for r in p.rows} == {"No figure yet"}
    assert p.summary() == "All crime, 2016/17: none of the office's areas has a figure yet."
    p.today = lambda: date(2017, 4, 1)  # read when used: a window left open over the year's end
    p.refresh()
    assert {r.figure_text for r in p.rows} == {"No figure recorded"}
    assert p.summary() == "All crime, 2016/17: no figure was recorded for any of the office's areas."
