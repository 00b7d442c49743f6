"""Session 63 (second pass): the summary table still compared another force's stray crime with last year.

An Exeter office holds Devon & Cornwall's January 2020 file (40 crimes in Exeter) and Suffolk's January 2021 file,
which places one crime in Exeter. For 2020/21 the sentence under the table and Compare Areas say whose crimes they
are and do not compare them, but the summary table's Change and Change % cells read −39 and −97.5%: Suffolk
Constabulary's one crime against Devon & Cornwall's count of Exeter, as if Exeter's crime had fallen. The cells are
blank for such a row, copied and exported blank too, and pointed at they say whose crimes they are.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import reference as ref
from safer_desk.services.police_import import import_police_files
from safer_desk.storage.store import open_store
from tests.indicators.test_other_force_year_on_tab_s63 import _street


def _exeter_file(tmp_path):
    path = tmp_path / "exeter.sqlite"
    store = open_store(path, create=True)
    try:
        import_police_files(store, [
            _street(tmp_path, "2020-01-devon-and-cornwall-street.csv", "Devon & Cornwall Police", "2020-01",
                    [("Exeter", 40), ("Plymouth", 60)]),
            _street(tmp_path, "2021-01-suffolk-street.csv", "Suffolk Constabulary", "2021-01",
                    [("Ipswich", 150), ("Exeter", 1)])])
        ref.set_office_scope(store, districts=["Exeter"])
    finally:
        store.close()
    return path


def _cells(tab, row: int) -> dict[str, str]:
    model = tab.summary_model
    return {model.headerData(c, Qt.Orientation.Horizontal): model.index(row, c).data()
            for c in range(model.columnCount())}


def test_the_summary_does_not_compare_another_force_s_stray_crime_with_last_year(window, tmp_path, qtbot):
    assert window.open_path(_exeter_file(tmp_path))
    tab = window.show_tab("indicators")
    assert tab.select_area("district:exeter") and tab.select_year(FinancialYear(2020))
    row = next(r for r in range(tab.summary_model.rowCount()) if tab.summary_model.row(r).indicator.name == "All crime")
    cells = _cells(tab, row)
    assert cells["Year to date"] == "1" and cells["Last year"] == "40", cells
    assert cells["Change"] == "" and cells["Change %"] == "", cells
    change = next(c for c, col in enumerate(tab.summary_model.columns) if col.key == "change")
    tip = tab.summary_model.index(row, change).data(Qt.ItemDataRole.ToolTipRole)
    assert "Crimes Suffolk Constabulary recorded in Exeter in 2020/21: 1 (Jan-21)" in tip, tip
    sheet = tab.presenter.summary_sheet(tab.summary_model.rows)
    exported = dict(zip(sheet.header, next(r for r in sheet.rows if r[1] == "All crime")))
    assert exported["Change"] is None and exported["Change %"] is None, exported


def test_the_own_force_s_year_is_still_compared(window, tmp_path):
    assert window.open_path(_exeter_file(tmp_path))
    tab = window.show_tab("indicators")
    assert tab.select_area("district:exeter") and tab.select_year(FinancialYear(2019))
    row = next(r for r in range(tab.summary_model.rowCount()) if tab.summary_model.row(r).indicator.name == "All crime")
    assert _cells(tab, row)["Year to date"] == "40"


def test_the_grid_s_monthly_change_does_not_compare_it_either(store, tmp_path):
    """The grid's Monthly change row read −39 under Jan-21: the same stray crime against Devon & Cornwall's count."""
    from safer_desk.services import indicators as svc

    import_police_files(store, [
        _street(tmp_path, "2020-01-devon-and-cornwall-street.csv", "Devon & Cornwall Police", "2020-01",
                [("Exeter", 40), ("Plymouth", 60)]),
        _street(tmp_path, "2021-01-suffolk-street.csv", "Suffolk Constabulary", "2021-01",
                [("Ipswich", 150), ("Exeter", 1)])])
    grid = svc.entry_grid(store, "indicator:all-crime", "district:exeter", FinancialYear(2020))
    jan = 9
    assert grid.row(svc.GRID_VALUE).cells[jan].text == "1" and grid.row(svc.GRID_LAST_YEAR).cells[jan].text == "40"
    change = grid.row(svc.GRID_CHANGE).cells[jan]
    assert change.text == "" and change.value is None, change
    assert change.tooltip == ("Not compared: crimes Suffolk Constabulary recorded in Exeter, not its figures (its own "
                              "force's police.uk counts are not held)."), change.tooltip


def test_another_force_s_stray_crime_is_not_judged_against_the_area_s_target(store, tmp_path):
    """With a target for Exeter, Suffolk Constabulary's one crime in Exeter in Apr-20 (Devon & Cornwall's April not
    held) read "● Green" against 667 by April, in the summary, the sentence's heading and Compare Areas: the area's
    own figures are missing, not met."""
    from datetime import date

    from safer_desk.domain.indicators import Rag
    from safer_desk.presenters.area_comparison import AreaComparisonPresenter
    from safer_desk.presenters.indicators import IndicatorsPresenter
    from safer_desk.services import indicators as svc

    import_police_files(store, [
        _street(tmp_path, "2019-04-devon-and-cornwall-street.csv", "Devon & Cornwall Police", "2019-04",
                [("Exeter", 700), ("Plymouth", 60)]),
        _street(tmp_path, "2020-04-suffolk-street.csv", "Suffolk Constabulary", "2020-04",
                [("Ipswich", 150), ("Exeter", 1)])])
    svc.set_target(store, "indicator:all-crime", "district:exeter", FinancialYear(2020), kind="annual", value=8000)
    row = next(r for r in svc.summary(store, "district:exeter", FinancialYear(2020))
               if r.indicator.id == "indicator:all-crime")
    assert row.rag is Rag.INCOMPLETE and row.view.status_label() == Rag.INCOMPLETE.label
    p = IndicatorsPresenter(store, today=lambda: date(2021, 3, 1))
    p.load("district:exeter", FinancialYear(2020))
    assert p.choose_indicator("indicator:all-crime", lambda *a: True)
    assert "Green" not in p.headline(), p.headline()
    compare = AreaComparisonPresenter(store, today=lambda: date(2021, 3, 1))
    compare.load("indicator:all-crime", FinancialYear(2020))
    exeter = next(r for r in compare.rows if r.area == "Exeter")
    assert exeter.rag == f"{Rag.INCOMPLETE.symbol} {Rag.INCOMPLETE.word}" and exeter.rag_key == Rag.INCOMPLETE.key
