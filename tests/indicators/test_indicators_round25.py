"""Round 25: the Indicators tab as a district officer preparing the board's performance paper uses it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableWidgetSelectionRange

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.indicators import PeriodValue
from safer_desk.storage.store import open_store

FY16, FY19 = FinancialYear(2016), FinancialYear(2019)
AB = "partnership:ab-csp"


def indicators_tab(window, path, area: str, year: FinancialYear, indicator: str):
    """The window on the file at path, its Indicators tab showing the area, year and indicator."""
    assert window.open_path(path)
    tab = window.show_tab("indicators")
    tab.select_area(area)
    tab.select_year(year)
    tab.select_indicator(indicator)
    return tab


def copied_grid_row(tab, key: str) -> list[str]:
    """One row of the entry grid as Ctrl+C puts it on the clipboard (its label first)."""
    grid = tab.grid
    row = grid.keys.index(key)
    grid.clearSelection()
    grid.setRangeSelected(QTableWidgetSelectionRange(row, 0, row, grid.columnCount() - 1), True)
    QGuiApplication.clipboard().setText("(nothing copied)")
    assert grid.copy_selection()
    return QGuiApplication.clipboard().text().splitlines()[1].split("\t")


# -- 1. the grid's change and gap rows copied as the grid shows them ----------------------------------------------
def test_the_gap_to_target_is_copied_to_excel_as_the_grid_shows_it(demo_window):
    """East Sussex's 63.2% against a target of 50%: the gap reads "+13.2 pts", and Excel got 13.200000000000003."""
    tab = demo_window.show_tab("indicators")
    tab.select_area("county:east-sussex")
    tab.select_year(FinancialYear(2010))
    tab.select_indicator("Adults leaving alcohol treatment in a planned way")
    assert tab.grid.item(tab.grid.keys.index(svc.GRID_GAP), 0).text() == "+13.2 pts"
    assert copied_grid_row(tab, svc.GRID_GAP)[1] == "13.2"


def test_the_satisfaction_gap_is_copied_as_shown_never_with_float_noise(demo_window):
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FY16)
    tab.select_indicator("Level Two \u201cist\u201d incidents satisfaction")
    grid = tab.grid
    row = grid.keys.index(svc.GRID_GAP)
    shown = [grid.item(row, c).text() for c in range(grid.columnCount())]
    copied = copied_grid_row(tab, svc.GRID_GAP)[1:]
    expected = [s.replace("\u2212", "-").replace("+", "").replace(" pts", "").replace(" pt", "") for s in shown]
    assert copied == expected and "2.6" in copied and "-1.8" in copied


def test_a_monthly_change_of_rates_is_copied_as_shown(window, tmp_path):
    """0.7 against 0.6 per 1,000 is a change of "+0.1": Excel got 0.09999999999999998."""
    path = tmp_path / "rates.sqlite"
    st = open_store(path, create=True)
    area = svc.ensure_area(st, "Alpha", "district")
    ind = svc.save_indicator(st, "Crime rate", unit="rate", rate_per=1000)
    for year, figures in ((FY19, [0.1, 0.2, 0.7]), (FinancialYear(2018), [0.1, 0.2, 0.6])):
        svc.save_values(st, ind, area, [PeriodValue(m.iso, v) for m, v in zip(year.months, figures)])
    st.close()
    tab = indicators_tab(window, path, area, FY19, "Crime rate")
    assert tab.grid.item(tab.grid.keys.index(svc.GRID_CHANGE), 2).text() == "+0.1"
    assert copied_grid_row(tab, svc.GRID_CHANGE)[1:4] == ["0", "0", "0.1"]


# -- 2. a derived partnership's red periods take the comment they are asked for -----------------------------------
def derived_partnership_red(path) -> str:
    """AB CSP worked out from Alpha and Beta: 16 burglaries a month against 10 a month (120 in the year): red."""
    st = open_store(path, create=True)
    ref.add_district(st, "Alpha", county="Testshire")
    ref.add_district(st, "Beta", county="Testshire")
    ref.add_partnership(st, "AB CSP", districts=["Alpha", "Beta"])
    ind = svc.save_indicator(st, "Burglary")
    for district, n in (("Alpha", 10), ("Beta", 6)):
        area = svc.ensure_area(st, district, "district")
        svc.save_values(st, ind, area, [PeriodValue(m.iso, float(n)) for m in FY19.months[:6]])
    svc.set_target(st, ind, AB, FY19, kind="annual", value=120)
    st.close()
    return ind


def test_a_derived_partnerships_red_period_takes_the_comment_it_needs(window, tmp_path, qtbot):
    path = tmp_path / "ab.sqlite"
    ind = derived_partnership_red(path)
    tab = indicators_tab(window, path, AB, FY19, "Burglary")
    grid = tab.grid
    comment_row = grid.keys.index(svc.GRID_COMMENT)
    assert grid.item(grid.keys.index(svc.GRID_RAG), 0).text() == "\u25b2 Red"
    assert grid.item(comment_row, 0).toolTip() == "Red against target: a comment saying why is needed."
    item = grid.item(comment_row, 0)
    assert item.flags() & Qt.ItemFlag.ItemIsEditable  # asked for, so it can be typed
    assert not grid.item(0, 0).flags() & Qt.ItemFlag.ItemIsEditable  # the derived figure is not typed over
    grid.edit_text(svc.GRID_COMMENT, 0, "Two burglary series in Alpha")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert not tab.presenter.figures.is_dirty, tab.presenter.figures.form_message
    store = window.session.store
    row = svc.value_rows(store, ind, AB, ["2019-04"])["2019-04"]
    # The comment is the partnership's; its figure is still worked out from the districts' (none of its own).
    assert (row["value"], row["numerator"], row["comment"]) == (None, None, "Two burglary series in Alpha")
    view = svc.year_view(store, ind, AB, FY19)
    assert view.values[0] == 16 and view.is_derived_at(0) and view.comments[0] == "Two burglary series in Alpha"
    assert grid.item(comment_row, 0).text() == "Two burglary series in Alpha"
    assert grid.item(comment_row, 0).toolTip() != "Red against target: a comment saying why is needed."
    # Edit > Undo of the comment puts the period back as it was: no row of the partnership's own.
    window.session.undo_stack.undo()
    assert svc.value_rows(store, ind, AB, ["2019-04"]) == {}
    assert grid.item(comment_row, 0).text() == ""
    window.session.undo_stack.redo()
    # A district's figure corrected later still flows through to the partnership.
    svc.save_values(store, ind, "district:alpha", [PeriodValue("2019-04", 4.0)])
    assert svc.year_view(store, ind, AB, FY19).values[0] == 10


def satisfaction_of_alpha_and_beta(store) -> str:
    """AB CSP worked out from Alpha's 16 of 18 and Beta's 9 of 10 in April 2019; the indicator's id."""
    ref.add_district(store, "Alpha", county="Testshire")
    ref.add_district(store, "Beta", county="Testshire")
    ref.add_partnership(store, "AB CSP", districts=["Alpha", "Beta"])
    ind = svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
    for district, (num, den) in (("Alpha", (16, 18)), ("Beta", (9, 10))):
        area = svc.ensure_area(store, district, "district")
        svc.save_values(store, ind, area, [PeriodValue("2019-04", None, float(num), float(den))])
    return ind


def test_a_comment_saved_beside_a_derived_percentage_keeps_it_derived(store):
    ind = satisfaction_of_alpha_and_beta(store)
    derived = svc.year_view(store, ind, AB, FY19).this_year[0]
    assert (derived.numerator, derived.denominator) == (25, 28)
    # What the grid sends for a comment typed beside a derived figure: the figure it shows, with the comment.
    svc.save_values(store, ind, AB, [PeriodValue("2019-04", None, 25.0, 28.0, "Few asked")])
    row = svc.value_rows(store, ind, AB, ["2019-04"])["2019-04"]
    assert (row["value"], row["numerator"], row["denominator"], row["comment"]) == (None, None, None, "Few asked")
    # A figure of the partnership's own that differs is still its own (it wins over the derived one).
    svc.save_values(store, ind, AB, [PeriodValue("2019-04", None, 20.0, 28.0)])
    assert svc.value_rows(store, ind, AB, ["2019-04"])["2019-04"]["numerator"] == 20


def test_the_command_line_still_derives_a_period_that_has_a_comment(tmp_path, capsys):
    """`safer-desk indicators --derived` printed no figure for a derived period once the partnership had commented
    on it: the comment's row was taken for a figure of its own."""
    import csv
    import io

    from safer_desk.cli import main

    path = tmp_path / "ab.sqlite"
    ind = derived_partnership_red(path)
    st = open_store(path)
    svc.save_values(st, ind, AB, [PeriodValue("2019-04", 16.0, comment="Two burglary series in Alpha")])
    st.close()
    assert main(["indicators", str(path), "--derived"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    ab = {r["period"]: r["value"] for r in rows if r["area"] == "AB CSP"}
    assert ab["2019-04"] == "16" and len(ab) == 6


# -- 3. a partnership month that cannot be worked out says why ------------------------------------------------------
def test_a_partnership_month_a_district_lacks_says_which_district_in_the_grid(window, tmp_path):
    """Beta's May figure is missing: AB CSP's May is blank and "Figures missing"; the grid now names Beta."""
    path = tmp_path / "ab.sqlite"
    ind = derived_partnership_red(path)
    st = open_store(path)
    svc.save_values(st, ind, "district:beta", [PeriodValue("2019-05", None)])
    st.close()
    tab = indicators_tab(window, path, AB, FY19, "Burglary")
    grid = tab.grid
    assert grid.item(0, 1).text() == ""
    assert "no figures for May-19" in tab.headline.text()
    source = grid.item(grid.keys.index(svc.GRID_SOURCE), 1)
    # 2019/20 is over by the day the window is looked at: none is still to come (round 37 pol: not "yet").
    assert source.text() == "Not derived: no figure was recorded for Beta"
    assert grid.item(grid.keys.index(svc.GRID_SOURCE), 0).text() == "Derived from Alpha + Beta"
    # Months after the latest figure are simply not in yet: nothing is said of them.
    assert grid.item(grid.keys.index(svc.GRID_SOURCE), 7).text() == ""


# -- 4. a rate over an earlier year's population says so ------------------------------------------------------------
def test_a_rate_over_an_earlier_years_population_names_that_year(store):
    """No population recorded for 2019/20 yet: the count typed alone is over 2018/19's, and the tab says so."""
    area = svc.ensure_area(store, "Alpha", "district")
    svc.set_population(store, area, FinancialYear(2018), 100000, source="ONS mid-2018 estimate")
    ind = svc.save_indicator(store, "Crime rate", unit="rate", rate_per=1000)
    svc.save_values(store, ind, area, [PeriodValue("2019-04", None, 120.0, None)])
    view = svc.year_view(store, ind, area, FY19)
    assert view.values[0] == 1.2
    assert view.population_text() == ("per 1,000 of a population 100,000 (ONS mid-2018 estimate; 2018/19's: none "
                                      "is recorded for 2019/20)")
    svc.set_population(store, area, FY19, 100000)
    assert svc.year_view(store, ind, area, FY19).population_text() == "per 1,000 of a population 100,000"


def test_a_derived_partnership_with_a_comment_of_its_own_is_still_listed_as_derived(store):
    """The Area list said "AB CSP (partnership)" once the partnership held a comment beside its derived figure: the
    comment's row was taken for figures of its own, though the grid and the headline still said derived."""
    from safer_desk.presenters.indicators import IndicatorsPresenter

    ind = satisfaction_of_alpha_and_beta(store)
    svc.save_values(store, ind, AB, [PeriodValue("2019-04", None, 25.0, 28.0, "Few asked")])
    labels = {c.id: c.label for c in IndicatorsPresenter(store).area_choices()}
    assert labels[AB] == "AB CSP (partnership, derived)"
    svc.save_values(store, ind, AB, [PeriodValue("2019-04", None, 20.0, 28.0)])  # a figure of its own: not derived
    assert {c.id: c.label for c in IndicatorsPresenter(store).area_choices()}[AB] == "AB CSP (partnership)"
