"""A sheet's mark for no figure pasted into the grid ("n/a", "-", "..", Excel's "#N/A") is refused saying what it is
and what to do, as Import Figures says it: it was "“n/a” is not a figure (try a form like 1,234 or 88.9)", which
tells an officer with a month not yet in neither that a blank cell is no figure nor that 0 is a figure of none (an
accounting-format zero copies from Excel as "-")."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QGuiApplication

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import indicators as svc
from safer_desk.storage.store import open_store

FY = FinancialYear(2024)


def _burglary(store) -> tuple[str, str]:
    area = svc.ensure_area(store, "Babergh", "district")
    return svc.save_indicator(store, "Burglary"), area


def test_marks_for_no_figure_are_refused_saying_what_to_do(store):
    ind, area = _burglary(store)
    svc.save_values(store, ind, area, [svc.PeriodValue("2024-04", 12)])
    presenter = IndicatorsPresenter(store, today=lambda: date(2026, 12, 1))
    presenter.load(area, FY)
    editor = presenter.figures
    assert editor.paste(svc.GRID_VALUE, 0, [["10", "n/a", "-", "..", "#N/A", "#DIV/0!", "11"]]) == 7
    assert not editor.save()
    said = {name.split(",")[0]: text for name, _, text in (m.partition(": ") for m in editor.messages())}
    assert set(said) == {"May-24", "Jun-24", "Jul-24", "Aug-24", "Sep-24"}
    assert said["May-24"] == ("“n/a” says there is no figure (not applicable): leave the cell blank for a month "
                              "with no figure, or type 0 where none were counted.")
    assert said["Jun-24"].startswith("“-” says there is no figure (or 0, as a sheet's accounting format shows it): "
                                     "leave the cell blank")
    assert said["Aug-24"] == ("“#N/A” is an error from the sheet, not a figure: correct it there, or leave the cell "
                              "blank for a month with no figure.")
    assert said["Sep-24"].startswith("“#DIV/0!” is an error from the sheet")
    # Nothing was saved: April keeps its 12.
    assert svc.year_view(store, ind, area, FY).values[0] == 12
    # A figure that is not a number at all is refused as before.
    editor.set_text(svc.GRID_VALUE, 1, "lots")
    editor.save()
    assert any(m.startswith("May-24, 2024/25: “lots” is not a figure") for m in editor.messages())


def test_n_a_pasted_from_excel_into_the_grid_says_to_leave_the_cell_blank(window, tmp_path):
    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    try:
        ind, area = _burglary(store)
        svc.save_values(store, ind, area, [svc.PeriodValue("2024-04", 12)])
    finally:
        store.close()
    assert window.open_path(path)
    tab = window.show_tab("indicators")
    tab.select_area(area)
    tab.select_year(FY)
    tab.select_indicator("Burglary")
    grid = tab.grid
    QGuiApplication.clipboard().setText("10\tn/a\t11\n")
    grid.setCurrentCell(grid.keys.index(svc.GRID_VALUE), 0)
    assert grid.paste_rows()
    assert not tab.save_figures()
    assert "“n/a” says there is no figure (not applicable): leave the cell blank" in tab.grid_messages.text()
    grid.edit_text(svc.GRID_VALUE, 1, "")
    assert tab.save_figures(), tab.grid_messages.text()
    assert tab.view.values[:3] == [10, None, 11]
