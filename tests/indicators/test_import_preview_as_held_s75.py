"""Session 75 (ind3): Import Figures' preview showed a percentage indicator's 85.5 as "85.5", where the grid then
shows "85.5%" (and a rate's figure with no "per 100,000", a ratio as "12/14" where the grid shows 85.7%). The
Value column now shows each figure as it will be held and as the grid will show it: "85.5%", "85.7% (12 of 14)",
"1,234", "612.5 per 100,000"."""

from __future__ import annotations

from tests.indicators.test_import_figures_round25 import _csv


def _values(dialog) -> dict[int, str]:
    keys = [c.key for c in dialog.model.columns]
    return {int(dialog.model.index(r, 0).data()): dialog.model.index(r, keys.index("value")).data()
            for r in range(dialog.model.rowCount())}


def test_the_preview_shows_each_figure_as_the_grid_will(demo_window, tmp_path, qtbot):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    path = _csv(tmp_path, "indicator,area,period,value,numerator,denominator\n"
                          "Level Two “ist” incidents satisfaction,Plymouth,2016-10,85.5,,\n"
                          "Level Two “ist” incidents satisfaction,Plymouth,2016-11,,12,14\n"
                          "All crime,Babergh,2025-01,1234,,\n"
                          "Alcohol-related hospital admissions,East Sussex,2010-11,612.5,,\n"
                          "All crime,Babergh,2025-02,abc,,\n")
    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    qtbot.addWidget(dialog)
    assert dialog.load(path)
    shown = _values(dialog)
    assert shown[2] == "85.5%"
    assert shown[3] == "85.7% (12 of 14)"
    assert shown[4] == "1,234"
    assert shown[5] == "612.5 per 100,000"
    assert shown[6] == "abc"  # a refused row: as the sheet gives it, so it can be found there


def test_the_grid_shows_what_the_preview_said(demo_window, tmp_path, qtbot):
    from safer_desk.domain.periods import FinancialYear
    from safer_desk.services import indicators as svc
    from safer_desk.services.indicators_import import apply_values
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    path = _csv(tmp_path, "indicator,area,period,value\n"
                          "Level Two “ist” incidents satisfaction,Plymouth,2016-10,85.5\n")
    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    qtbot.addWidget(dialog)
    assert dialog.load(path)
    said = _values(dialog)[2]
    store = demo_window.session.store
    apply_values(store, dialog.preview)
    grid = svc.entry_grid(store, "indicator:level-two-ist-incidents-satisfaction", "district:plymouth",
                          FinancialYear(2016))
    assert grid.row(svc.GRID_VALUE).cells[6].text == said == "85.5%"
