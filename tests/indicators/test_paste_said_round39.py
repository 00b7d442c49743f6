"""Round 39 (inx): a paste into the grid never drops figures without a word.

Cells copied from Excel and pasted on a row that is worked out (last year, the change, the RAG) pasted nothing and
said nothing; pasted across a partnership's months derived from its districts' figures, the figures that landed on
those months were dropped without a word, the others kept. The grid says what was not pasted, where, and why.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from safer_desk.domain.periods import FinancialYear

FY16 = FinancialYear(2016)
HATE = "Police recorded hate crime"


def _tab(demo_window, area: str):
    tab = demo_window.show_tab("indicators")
    assert tab.select_area(area) and tab.select_year(FY16) and tab.select_indicator(HATE)
    return tab


def _paste(tab, key: str, col: int, text: str) -> bool:
    tab.grid.setFocus()
    tab.grid.setCurrentCell(tab.grid.keys.index(key), col)
    QApplication.clipboard().setText(text)
    return tab.paste_rows()


def _row(tab, key: str) -> list[str]:
    r = tab.grid.keys.index(key)
    return [tab.grid.item(r, c).text() for c in range(tab.grid.columnCount())]


def test_a_paste_on_a_row_worked_out_says_where_figures_go(demo_window):
    tab = _tab(demo_window, "district:plymouth")
    before = _row(tab, "change")
    assert not _paste(tab, "change", 8, "40\t41")  # (last year's row: test_last_year_row_typed_s63)
    assert _row(tab, "change") == before and not tab.presenter.figures.is_dirty
    said = tab.grid_messages.text()
    assert said.startswith("Nothing was pasted: the Monthly change row is worked out, not typed."), said
    assert "paste on the 2016/17 row" in said


def test_figures_pasted_on_derived_months_are_said_not_pasted(demo_window):
    """Safer Plymouth's Apr-16 to Nov-16 are derived from Plymouth's; Dec-16 on can be typed (its own figure)."""
    tab = _tab(demo_window, "partnership:safer-plymouth")
    values = _row(tab, "value")
    assert _paste(tab, "value", 6, "40\t41\t42\t43")  # Oct-16 to Jan-17
    assert _row(tab, "value")[6:10] == values[6:8] + ["42", "43"]  # the derived months as they were
    said = tab.grid_messages.text()
    assert "2 figures were not pasted (Oct-16 and Nov-16): derived from the districts' figures, which cannot be " \
           "typed over." in said, said


def test_a_paste_that_fits_says_nothing_more(demo_window):
    tab = _tab(demo_window, "district:plymouth")
    assert _paste(tab, "value", 8, "40\t41")
    assert _row(tab, "value")[8:10] == ["40", "41"]
    assert tab.grid_messages.text() == ""


def test_typing_on_a_derived_month_says_why_it_is_not_typed(demo_window, qtbot):
    """Keys typed on a cell that cannot be typed in went nowhere, without a word."""
    tab = _tab(demo_window, "partnership:safer-plymouth")
    values = _row(tab, "value")
    tab.grid.setFocus()
    tab.grid.setCurrentCell(tab.grid.keys.index("value"), 6)  # Oct-16, derived from Plymouth's
    qtbot.keyClicks(tab.grid, "5")
    assert _row(tab, "value") == values
    assert tab.grid_messages.text() == "Oct-16, 2016/17 cannot be typed in: derived from the districts' figures, " \
                                       "which cannot be typed over."


def test_typing_on_a_row_worked_out_says_where_figures_go(demo_window, qtbot):
    tab = _tab(demo_window, "district:plymouth")
    tab.grid.setFocus()
    tab.grid.setCurrentCell(tab.grid.keys.index("cumulative"), 8)
    qtbot.keyClicks(tab.grid, "5")
    said = tab.grid_messages.text()
    assert said.startswith("Dec-16, 2016/17 cumulative cannot be typed in: the row is worked out, not typed."), said


def test_typing_in_a_read_only_file_says_it_is_read_only(window, demo_path, qtbot):
    assert window.open_path(demo_path, read_only=True)
    tab = _tab(window, "district:plymouth")
    tab.grid.setFocus()
    tab.grid.setCurrentCell(tab.grid.keys.index("value"), 8)
    qtbot.keyClicks(tab.grid, "5")
    assert "read-only" in tab.grid_messages.text()


def test_keys_that_move_or_copy_say_nothing(demo_window, qtbot):
    from PySide6.QtCore import Qt

    tab = _tab(demo_window, "partnership:safer-plymouth")
    tab.grid.setFocus()
    tab.grid.setCurrentCell(tab.grid.keys.index("value"), 6)
    qtbot.keyClick(tab.grid, Qt.Key.Key_Right)
    qtbot.keyClick(tab.grid, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert tab.grid_messages.text() == ""


def test_del_on_a_derived_month_says_why_it_is_kept(demo_window, qtbot):
    """Del empties the selected cells that can be typed in; on one that cannot, it did nothing without a word."""
    from PySide6.QtCore import Qt

    tab = _tab(demo_window, "partnership:safer-plymouth")
    values = _row(tab, "value")
    tab.grid.setFocus()
    tab.grid.setCurrentCell(tab.grid.keys.index("value"), 6)
    qtbot.keyClick(tab.grid, Qt.Key.Key_Delete)
    assert _row(tab, "value") == values
    assert tab.grid_messages.text().startswith("Oct-16, 2016/17 cannot be typed in: derived from the districts'")


def test_del_on_a_month_of_its_own_empties_it_and_says_nothing_more(demo_window, qtbot):
    from PySide6.QtCore import Qt

    tab = _tab(demo_window, "district:plymouth")
    tab.grid.setFocus()
    tab.grid.setCurrentCell(tab.grid.keys.index("value"), 7)
    qtbot.keyClick(tab.grid, Qt.Key.Key_Delete)
    assert _row(tab, "value")[7] == "" and tab.presenter.figures.is_dirty
    assert "cannot be typed in" not in tab.grid_messages.text()
