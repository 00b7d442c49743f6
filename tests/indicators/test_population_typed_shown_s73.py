"""Session 73 (ind7): a population typed in the Indicators grid, "100000", stayed "100000" in its cell until Save
Figures, beside the "100,000" of every month saved, the one figure of the grid without its thousands separator. A
whole number typed in a Numerator or Population cell now reads as every figure does; what is saved is the number
typed."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.storage.store import open_store

FY16 = FinancialYear(2016)


def _file(tmp_path):
    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    try:
        area = svc.ensure_area(store, "Babergh", "district")
        ind = svc.save_indicator(store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower")
        svc.save_values(store, ind, area, [svc.PeriodValue("2016-04", None, 12, 100000)])
    finally:
        store.close()
    return path, area


def test_a_population_typed_reads_with_its_thousands_separator(qtbot, window, tmp_path):
    path, area = _file(tmp_path)
    assert window.open_path(path)
    tab = window.show_tab("indicators")
    assert tab.select_area(area) and tab.select_year(FY16)
    assert tab.select_indicator("Violent crime rate")
    grid = tab.grid
    population, numerator = grid.keys.index(svc.GRID_DENOMINATOR), grid.keys.index(svc.GRID_NUMERATOR)
    assert grid.item(population, 0).text() == "100,000"
    grid.edit_text(svc.GRID_NUMERATOR, 1, "1500")
    grid.edit_text(svc.GRID_DENOMINATOR, 1, "100000")
    assert grid.item(population, 1).text() == "100,000"
    assert grid.item(numerator, 1).text() == "1,500"
    assert tab.save_figures()
    store = window.session.store
    assert tuple(store.one("SELECT numerator, denominator FROM indicator_values WHERE period = '2016-05'")) == \
        (1500, 100000)
    assert grid.item(population, 1).text() == "100,000"


def test_what_is_not_a_whole_number_stays_as_typed(store):
    from safer_desk.presenters.actions import ActionLog
    from safer_desk.presenters.indicators import IndicatorsPresenter

    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower")
    svc.save_values(store, ind, area, [svc.PeriodValue("2016-04", None, 12, 100000)])
    p = IndicatorsPresenter(store, perform=ActionLog(), today=lambda: date(2017, 1, 10))
    p.load(area, FY16)
    p.choose_indicator(ind, lambda *a: True)
    for typed in ("1oo000", "100000.5", "10,00"):
        p.figures.set_text(svc.GRID_DENOMINATOR, 1, typed)
        assert p.figures.cell(svc.GRID_DENOMINATOR, 1).text == typed
