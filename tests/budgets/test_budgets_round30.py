"""The Budgets tab, round 30.

1. Ctrl+V (Edit > Paste) of a figure copied from Excel onto a cell with a note ("£7,525.58 (Cost to be reimbursed from
   WSCSP key statutory partners)") put the figure in and silently took the note away; typed there, the note stays.
2. Excel's accounting zero ("£ -") was refused as not an amount.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from safer_desk.domain.budgets import parse_cell

NOTE = "Cost to be reimbursed from WSCSP key statutory partners"


def _dhr_2017(demo_window, qtbot):
    """Seed 002 §6 shown, its DHRs 2017/18 cell (£7,525.58, with its note) chosen, the grid in focus."""
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("budgets")
    tab.presenter.select(next(p.id for p in tab.presenter.plans if p.name.startswith("Western Suffolk")))
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data().startswith("Domestic Homicide"))
    tab.view.setCurrentIndex(tab.model.index(row, 1))
    tab.view.setFocus()
    qtbot.waitUntil(tab.view.hasFocus)
    return tab, row


def _line(tab, row):
    return tab.presenter.rows[row]


def test_a_figure_pasted_over_a_cell_with_a_note_keeps_the_note_as_typing_there_does(demo_window, qtbot):
    tab, row = _dhr_2017(demo_window, qtbot)
    assert _line(tab, row).cells[0].note == NOTE
    QGuiApplication.clipboard().setText("£8,000\r\n")  # one cell copied in Excel
    demo_window.paste_action.trigger()
    cell = _line(tab, row).cells[0]
    assert cell.pence == 8_000_00 and cell.note == NOTE
    assert cell.edit_text == f"£8,000 ({NOTE})"
    demo_window.undo_action.trigger()  # one step of Edit > Undo, as typing it
    cell = _line(tab, row).cells[0]
    assert cell.pence == 7_525_58 and cell.note == NOTE


def test_a_figure_pasted_with_a_note_of_its_own_replaces_the_note(demo_window, qtbot):
    """A cell copied with its note in brackets is the whole cell, as typing it whole is."""
    tab, row = _dhr_2017(demo_window, qtbot)
    QGuiApplication.clipboard().setText("£8,000 (Agreed at the board)\r\n")
    demo_window.paste_action.trigger()
    cell = _line(tab, row).cells[0]
    assert cell.pence == 8_000_00 and cell.note == "Agreed at the board"


# 2. Excel's accounting format shows £0 as "£ -": copied from the MTFP's sheet (its 2014/15 LAA Reward Grant) and
#    pasted or typed, it was refused as "not an amount of money" (the Allocation tab reads it as £0).

@pytest.mark.parametrize("unit", ["pound", "thousand"])
@pytest.mark.parametrize("typed", [" £ -   ", "£ -", "£-", "£ – (Grant ends)"])
def test_excels_accounting_zero_is_a_cell_of_nothing(typed, unit):
    cell = parse_cell(typed, unit=unit)
    assert cell.status == "amount" and cell.pence == 0
    assert cell.note == ("Grant ends" if "(" in typed else "")


def test_excels_accounting_zero_pasted_into_the_grid_is_0(demo_window, qtbot):
    tab, row = _dhr_2017(demo_window, qtbot)
    QGuiApplication.clipboard().setText(" £ -   \r\n")
    demo_window.paste_action.trigger()
    assert tab.presenter.error == ""
    cell = _line(tab, row).cells[0]
    assert cell.pence == 0 and cell.status == "amount" and cell.note == NOTE
