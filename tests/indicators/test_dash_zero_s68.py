"""A dash pasted into the figures grid, or in a CSV saved from Excel, said "“-” says there is no figure (no
figure)": the same words twice, and nothing of what a dash most often is in a sheet, the nought its accounting
format shows as "-" (a month with no burglaries). It now says so, in the grid and in Import Figures (session 68)."""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc

TODAY = date(2017, 1, 10)
MEANT = "(or 0, as a sheet's accounting format shows it)"


def test_a_dash_pasted_in_the_grid_is_said_as_no_figure_or_a_nought(demo_store):
    p = IndicatorsPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    p.load("district:plymouth", FinancialYear(2016))
    p.choose_indicator("indicator:all-crime", lambda *a: True)
    assert p.figures.paste(svc.GRID_VALUE, 8, [["1,600", "-"]]) == 2
    assert not p.figures.save()
    said = p.figures.message(svc.GRID_VALUE, 9)
    assert said.startswith(f"“-” says there is no figure {MEANT}: leave the cell blank") and "type 0" in said, said
    assert "(no figure)" not in said


def test_a_dash_in_a_sheet_is_said_the_same_way(demo_store, tmp_path):
    from safer_desk.services.indicators_import import preview_values

    sheet = tmp_path / "figures.csv"
    sheet.write_text("indicator,area,period,value\nAll crime,Plymouth,2016-12, - \n", encoding="utf-8")
    preview = preview_values(demo_store, sheet, today=TODAY)
    ((line, why),) = preview.refused
    assert f"“-” says there is no figure {MEANT}" in why and "(no figure)" not in why, why
