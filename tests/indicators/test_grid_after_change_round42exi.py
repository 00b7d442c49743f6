"""Round 42 (exi): figures typed and not saved are kept when the file changes under them, and the other cells of the
grid show the file as it is now.

An officer types December's figure, then imports a sheet (or undoes an import) that changes November's: the grid
kept the November the file held when typing began (35) beside a cumulative and a change row that added the new one
(40), and Discard Typed put the old 35 back; a month the sheet filled stayed blank beside its cumulative.
"""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.ui.workers import running_tasks

FY16 = FinancialYear(2016)
HATE = "Police recorded hate crime"
SHEET = ("indicator,area,period,value\nPolice recorded hate crime,Plymouth,2016-11,40\n"
         "Police recorded hate crime,Plymouth,2017-01,20\n")


def _row(tab, key: str) -> list[str]:
    r = tab.grid.keys.index(key)
    return [tab.grid.item(r, c).text() for c in range(tab.grid.columnCount())]


def _import(window, qtbot, path) -> None:
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    dialog = ImportFiguresDialog(window.session, window.show_tab("indicators"))
    assert dialog.load(path)
    dialog.open()
    with qtbot.waitSignal(dialog.finished, timeout=15000):
        assert dialog.apply()
    qtbot.waitUntil(lambda: not running_tasks(), timeout=15000)


def _hate_crime(window):
    tab = window.show_tab("indicators")
    assert tab.select_area("district:plymouth") and tab.select_year(FY16) and tab.select_indicator(HATE)
    return tab


def test_figures_imported_while_others_are_typed_show_in_the_grid(demo_window, qtbot, prompts, tmp_path):
    tab = _hate_crime(demo_window)
    tab.grid.edit_text("value", 8, "50")  # Dec-16, not saved
    sheet = tmp_path / "figures.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    _import(demo_window, qtbot, sheet)
    assert prompts.errors == []
    # Nov-16 as imported (the cumulative 292 adds 40 to 252), Dec-16 as typed, Jan-17 as imported.
    assert _row(tab, "value")[7:10] == ["40", "50", "20"]
    assert _row(tab, "cumulative")[7] == "292" and _row(tab, "change")[7] == "+2"
    assert tab.presenter.figures.dirty_cells() == [("value", 8)]
    tab.discard_figures()
    assert _row(tab, "value")[7:10] == ["40", "", "20"]  # the file's figures, not those before the import
    assert not tab.presenter.figures.is_dirty


def test_an_import_undone_while_a_figure_is_typed_shows_the_figure_it_put_back(demo_window, qtbot, prompts,
                                                                                tmp_path):
    store = demo_window.session.store
    tab = _hate_crime(demo_window)
    sheet = tmp_path / "figures.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    _import(demo_window, qtbot, sheet)
    tab.grid.edit_text("value", 8, "50")
    demo_window.session.undo_stack.undo()
    assert store.scalar("SELECT value FROM indicator_values WHERE indicator_id = ? AND area_id = ? AND period = ?",
                        ("indicator:police-recorded-hate-crime", "district:plymouth", "2016-11")) == 35
    assert _row(tab, "value")[7:10] == ["35", "50", ""]
    assert _row(tab, "cumulative")[7] == "287"
    assert tab.save_figures()  # the typed figure is saved; the undone import stays undone
    assert _row(tab, "value")[7:10] == ["35", "50", ""]
    assert _row(tab, "cumulative")[7:9] == ["287", "337"]
