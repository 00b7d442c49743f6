"""Round 25: the Indicators tab's tables copied to Excel give the figures as shown, as plain numbers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.formats import plain_shown
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue
from safer_desk.storage.store import open_store
from tests.indicators.test_indicators_round25 import copied_grid_row, indicators_tab

FY16, FY19 = FinancialYear(2016), FinancialYear(2019)


def copied_summary_row(tab, name: str) -> dict[str, str]:
    """The summary table's row of one indicator as Ctrl+C with headings puts it on the clipboard, by heading."""
    view = tab.summary_view
    row = next(r for r in range(tab.summary_proxy.rowCount()) if tab.summary_proxy.index(r, 1).data().endswith(name))
    view.selectRow(row)
    QGuiApplication.clipboard().setText("(nothing copied)")
    assert view.copy_selection(with_header=True)
    heading, line = QGuiApplication.clipboard().text().splitlines()[:2]
    return dict(zip(heading.split("\t"), line.split("\t")))


def shown_and_copied_grid_row(tab, key: str) -> tuple[list[str], list[str]]:
    copied = copied_grid_row(tab, key)[1:]  # without its label
    row = tab.grid.keys.index(key)
    return [tab.grid.item(row, c).text() for c in range(tab.grid.columnCount())], copied


def rates_typed_as_figures(path) -> str:
    """A rate per 1,000 typed month by month as plain figures: 0.1 + 0.2 is 0.30000000000000004 to a computer."""
    st = open_store(path, create=True)
    area = svc.ensure_area(st, "Alpha", "district")
    ind = svc.save_indicator(st, "Crime rate", unit="rate", rate_per=1000)
    for year, figures in ((FY19, [0.1, 0.2, 0.7]), (FinancialYear(2018), [0.1, 0.2, 0.6])):
        svc.save_values(st, ind, area, [PeriodValue(m.iso, v) for m, v in zip(year.months, figures)])
    st.close()
    return area


def test_plain_shown_turns_a_shown_figure_into_a_plain_number():
    assert [plain_shown(t) for t in ("88.2%", "+13.2 pts", "\u22121,099", "1,610 per 100,000", "0.85 per 1,000",
                                     "12,586", "0", "\u2212\u00a31,234.50", "")] == \
        ["88.2", "13.2", "-1099", "1610", "0.85", "12586", "0", "-1234.50", ""]


def test_the_year_to_date_percentage_is_copied_as_the_table_shows_it(demo_window):
    """Plymouth's Level Two satisfaction reads 88.2% to date: Excel got 88.23529411764706."""
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FY16)
    name = "Level Two \u201cist\u201d incidents satisfaction"
    tab.select_indicator(name)
    copied = copied_summary_row(tab, name)
    assert copied["Year to date"] == "88.2"
    row = next(r for r in range(tab.summary_proxy.rowCount()) if tab.summary_proxy.index(r, 1).data().endswith(name))
    last = next(c for c in range(tab.summary_proxy.columnCount())
                if tab.summary_proxy.headerData(c, Qt.Orientation.Horizontal) == "Last year")
    assert copied["Last year"] == plain_shown(tab.summary_proxy.index(row, last).data())


def test_summary_and_cumulative_rows_of_rates_are_copied_as_shown(window, tmp_path):
    """0.1 + 0.2 per 1,000 reads "0.3 per 1,000" to date; Excel got 0.30000000000000004 and 0.9000000000000001."""
    path = tmp_path / "rates.sqlite"
    area = rates_typed_as_figures(path)
    tab = indicators_tab(window, path, area, FY19, "Crime rate")
    copied = copied_summary_row(tab, "Crime rate")
    assert copied["Last year"] == "0.9" and copied["Year to date"] == plain_shown(
        tab.summary_proxy.index(0, 2).data())
    for key in (svc.GRID_CUMULATIVE, svc.GRID_CUMULATIVE_LAST):
        shown, cells = shown_and_copied_grid_row(tab, key)
        assert cells[:3] == [plain_shown(s) for s in shown[:3]]
        assert cells[1] == "0.3" and all(len(c) < 6 for c in cells)


def test_a_threshold_says_no_direction_once_the_indicator_is_monitor_only(demo_path):
    """NI 32's "no more than 28%" read "At least 28%" once its polarity was changed to Monitor only."""
    st = open_store(demo_path)
    ind = svc.get_indicator(st, "Repeat cases at MARAC")
    target = svc.get_target(st, ind.id, "county:suffolk", FinancialYear(2010))
    assert svc.target_text(ind, target) == "No more than 28%"
    svc.save_indicator(st, ind.name, code=ind.code, unit=ind.unit, polarity="monitor", frequency=ind.frequency,
                       area_id=ind.area_id, tolerance_pct=ind.tolerance_pct, tolerance_kind=ind.tolerance_kind,
                       figure_basis=ind.figure_basis)
    view = svc.year_view(st, ind.id, "county:suffolk", FinancialYear(2010))
    assert view.target_words() == "Threshold of 28%" and "at least" not in view.headline().lower()
    st.close()


def test_the_summary_export_gives_the_year_to_date_as_the_table_shows_it(demo_window, tmp_path):
    """Export… wrote Plymouth's Level Two satisfaction to date as 88.23529411764706, where the table reads 88.2%
    and Copy gives 88.2: the guide says the export gives the same."""
    import openpyxl

    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FY16)
    name = "Level Two \u201cist\u201d incidents satisfaction"
    tab.presenter.export_summary(tmp_path / "summary.xlsx")
    rows = list(openpyxl.load_workbook(tmp_path / "summary.xlsx").active.iter_rows(values_only=True))
    header = next(r for r in rows if r and r[0] == "RAG")
    row = next(r for r in rows if r and r[1] == name)
    assert row[header.index("Year to date")] == 88.2
    assert isinstance(row[header.index("Last year")], (int, float)) or row[header.index("Last year")] is None
