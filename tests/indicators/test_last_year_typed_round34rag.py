"""Last year's figures can be typed in: the Year list offers the year before the first with figures.

The list ran from the first year with figures to this one, so a new office file offered this year alone, and an
officer could not type last year's figures in to compare this year's with ("this year against last"), nor, once
this year's were typed, any year before it: only Import Figures could bring them in.
"""

from __future__ import annotations

from datetime import date

from safer_desk.domain.indicators import Rag
from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import indicators as svc
from safer_desk.storage.store import open_store


def _new_file(store) -> tuple[str, str]:
    area = svc.ensure_area(store, "Babergh", "district")
    return svc.save_indicator(store, "Burglary", tolerance_pct=5), area


def test_a_new_file_offers_last_year_as_well_as_this_one(store):
    _, area = _new_file(store)
    presenter = IndicatorsPresenter(store, today=lambda: date(2026, 12, 1))
    presenter.load(area)
    assert presenter.year == FinancialYear(2026)  # opened on this year
    assert presenter.years() == [FinancialYear(2025), FinancialYear(2026)]
    # From January, next year too (its targets are set before it begins), and still last year.
    presenter = IndicatorsPresenter(store, today=lambda: date(2027, 1, 5))
    presenter.load(area)
    assert presenter.years() == [FinancialYear(2025), FinancialYear(2026), FinancialYear(2027)]


def test_the_year_before_the_first_with_figures_is_offered(store):
    ind, area = _new_file(store)
    svc.save_values(store, ind, area, [svc.PeriodValue("2024-04", 90)])
    presenter = IndicatorsPresenter(store, today=lambda: date(2026, 12, 1))
    presenter.load(area)
    assert presenter.years()[0] == FinancialYear(2023)
    assert presenter.years()[-1] == FinancialYear(2026)


def test_last_year_s_figures_typed_in_the_window_are_this_year_s_comparison(window, tmp_path):
    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    try:
        ind, area = _new_file(store)
        this_year = FinancialYear.of(date.today())
        svc.set_target(store, ind, area, this_year, kind="annual", value=1200)
    finally:
        store.close()
    assert window.open_path(path)
    tab = window.show_tab("indicators")
    tab.select_area(area)
    last = this_year.previous()
    at = tab.year_combo.findData(last.start_year)
    assert at >= 0, [tab.year_combo.itemText(i) for i in range(tab.year_combo.count())]
    tab.year_combo.setCurrentIndex(at)
    tab.year_combo.activated.emit(at)  # as choosing it in the list does
    assert tab.presenter.year == last
    tab.select_indicator("Burglary")
    tab.grid.edit_text(svc.GRID_VALUE, 0, "90")
    assert tab.save_figures(), tab.grid_messages.text()
    assert tab.select_year(this_year)
    tab.grid.edit_text(svc.GRID_VALUE, 0, "99")
    assert tab.save_figures(), tab.grid_messages.text()
    assert "an increase of 9 (10.0%) on the same period last year" in tab.headline.text()
    view = svc.year_view(tab.presenter.store, ind, area, this_year)
    assert view.rag is Rag.GREEN and view.ytd_last.value == 90
