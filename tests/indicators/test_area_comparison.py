"""The county view (issue 13): one indicator's year for the office's areas side by side, derived ones labelled."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.area_comparison import AreaComparisonPresenter
from safer_desk.services import indicators as ind
from tests.foundation.test_window_guard import Watcher

YEAR = FinancialYear(2025)


def all_crime(store):
    return ind.get_indicator(store, "All crime").id


def by_area(presenter):
    return {r.area: r for r in presenter.rows}


def test_the_office_areas_side_by_side_with_derived_sums(demo_store):
    p = AreaComparisonPresenter(demo_store)
    p.load(all_crime(demo_store))
    assert p.year.label == "2025/26"
    rows = by_area(p)
    districts = {n: rows[n].figure for n in ("Babergh", "East Suffolk", "Ipswich", "Mid Suffolk", "West Suffolk")}
    assert all(v is not None for v in districts.values())
    assert rows["Suffolk (derived)"].figure == sum(districts.values())
    western = rows["Western Suffolk CSP (derived)"]
    assert western.figure == districts["Babergh"] + districts["Mid Suffolk"] + districts["West Suffolk"]
    assert [r.kind for r in p.rows][:1] == ["County"] and rows["Ipswich"].kind == "District"
    assert rows["Ipswich"].figure_text == f"{int(districts['Ipswich']):,}"
    assert rows["Ipswich"].rag == "○ No target"  # a word beside the symbol, never colour alone
    # raw counts: the chart compares the districts only, and the summary names the extremes
    title, bars = p.chart_bars()
    assert title == "Year to date, districts" and sorted(n for n, _ in bars) == sorted(districts)
    high = max(districts, key=districts.get)
    assert f"highest {high}" in p.summary()


def test_rates_per_population_compare_areas_of_any_size(demo_store):
    populations = {"district:babergh": 92_300, "district:east-suffolk": 246_100, "district:ipswich": 139_700,
                   "district:mid-suffolk": 103_400, "district:west-suffolk": 180_800}
    for area_id, population in populations.items():
        ind.set_population(demo_store, area_id, YEAR, population, source="ONS mid-year estimate (illustrative)")
    p = AreaComparisonPresenter(demo_store)
    p.load(all_crime(demo_store))
    rows = by_area(p)
    ipswich = rows["Ipswich"]
    assert ipswich.population == 139_700
    assert round(ipswich.rate, 6) == round(ipswich.figure * 1000 / 139_700, 6)
    assert ipswich.rate_text.endswith("per 1,000")
    assert rows["Suffolk (derived)"].population == sum(populations.values())  # its districts' added up
    p.set_rate_per(100_000)
    assert by_area(p)["Ipswich"].rate_text.endswith("per 100,000")
    title, bars = p.chart_bars()
    assert title == "Year to date per 100,000 population" and len(bars) == len(p.rows)


def test_areas_whose_figures_cover_different_periods_say_so(demo_store):
    # Ipswich's April to June 2025 are missing: its year to date is six months against the others' nine, so the
    # row names its period and the chart and summary say the periods differ instead of ranking it lowest.
    with demo_store.transaction():
        demo_store.conn.execute("DELETE FROM indicator_values WHERE indicator_id = ? AND area_id = "
                                "'district:ipswich' AND period IN ('2025-04', '2025-05', '2025-06')",
                                (all_crime(demo_store),))
    p = AreaComparisonPresenter(demo_store)
    p.load(all_crime(demo_store))
    rows = by_area(p)
    assert rows["Ipswich"].period == "Jul-25 to Dec-25 (no figures for Apr-25 to Jun-25)"
    assert rows["Babergh"].period == "Apr-25 to Dec-25"
    title, _ = p.chart_bars()
    assert title == "Year to date, districts (periods differ: see the table)"
    assert "The figures cover different periods: see the Period column." in p.summary()
    assert "highest" not in p.summary() and "lowest" not in p.summary()


def test_an_empty_file_says_what_to_do(store):
    p = AreaComparisonPresenter(store)
    p.load()
    assert p.rows == [] and "no indicators" in p.summary()


def test_the_window_shows_the_comparison_and_writes_nothing(demo_window, demo_path, qtbot):
    watcher = Watcher(demo_path)
    try:
        demo_window.compare_areas_action.trigger()
        dialog = next(w for w in QApplication.topLevelWidgets()  # the one just opened: not an earlier test's, closed
                      if w.windowTitle() == "Compare Areas" and w.isVisible())
        qtbot.addWidget(dialog)
        dialog.indicator.setCurrentIndex(dialog.indicator.findText("All crime"))
        model = dialog.view.model()
        areas = [model.index(r, 0).data() for r in range(model.rowCount())]
        assert "Western Suffolk CSP (derived)" in areas and "Ipswich" in areas
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        assert headers[:4] == ["Area", "Kind", "Year to date", "Period"]
        assert model.index(areas.index("Ipswich"), 3).data() == "Apr-25 to Dec-25"
        assert dialog.chart.accessibleName() == "Chart: Year to date, districts"
        assert dialog.chart.accessibleDescription() == dialog.summary.text() != ""
        assert dialog.year.currentText() == "2025/26"
        dialog.close()
        QApplication.processEvents()
        assert watcher.changes() == ""
    finally:
        watcher.close()
