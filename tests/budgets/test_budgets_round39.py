"""The Budgets tab, round 39 (awf): pastes from Excel as a finance officer makes them.

1. One line's three years pasted ("100  200  300") were asked about as "the paper's Total column" because
   100 + 200 = 300: on one row that is chance as often as a total. A Total column is asked about when several rows
   copied all add up that way; the paper's real Total column (the MTFP's five lines) is still asked about, and a
   block too wide for the years by its total is still refused saying so.
2. The sheet's heading row copied with the figures and its Total ("2011/12  2012/13  2013/14  Total") was refused
   as "“2011/12” is not an amount of money" on the first line: it is said to be the heading, with the Total column.
3. "N/A" or "TBA" (TBC since session 62) in a cell says what a cell can be (TBC, N/K or nil), not the amount
   fields' advice to leave it blank.
4. An error Excel shows in place of a figure ("#REF!", "#N/A") pasted in a block was "not an amount of money": it is
   said to be an error from the sheet, to correct there.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.domain.budgets import BudgetError, parse_cell
from tests.budgets.test_budgets_round32bud import COMMUNITY_SAFETY, _figures, _plan, _row, excel
from tests.budgets.test_budgets_round38bdx import _with_total_column


def test_one_lines_years_that_happen_to_add_up_paste_without_a_question(store):
    p = _plan(store)
    steps = len(p.perform.done)
    assert p.paste_block(_row(p, "Employees"), 0, [["100", "200", "300"]]), p.error
    assert p.error == ""
    assert _figures(p, "Employees") == ["£100", "£200", "£300", ""]
    assert len(p.perform.done) == steps + 1


def test_one_lines_years_typed_in_the_window_paste_at_once(qtbot, empty_tab):
    tab = empty_tab
    p = tab.presenter
    assert p.new_plan("MTFP", "2011/12, 2012/13, 2013/14, 2014/15")
    assert p.add_section("Community Safety")
    assert p.add_line(p.added_section, "Employees")
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == "Employees")
    tab.view.setCurrentIndex(tab.model.index(row, tab.model.year_columns[0]))
    tab.view.setFocus()
    QGuiApplication.clipboard().setText(excel([["1,000", "2,500", "3,500"]]))
    qtbot.keyClick(tab.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert tab.message.isHidden() or "Total column" not in tab.message.text()
    assert [tab.model.index(row, c).data() for c in tab.model.year_columns[:3]] == ["£1,000", "£2,500", "£3,500"]


def test_several_rows_that_all_add_up_are_still_asked_about(store):
    p = _plan(store)
    block = _with_total_column(COMMUNITY_SAFETY[:2], years=3)  # two lines, each with its total of three years
    assert not p.paste_block(_row(p, "Employees"), 0, block)
    assert "Total column" in p.error and "Paste the same cells again to keep it" in p.error, p.error
    assert _figures(p, "Employees") == ["", "", "", ""]


def test_a_row_of_nothing_is_no_second_row_adding_up(store):
    p = _plan(store)
    assert p.paste_block(_row(p, "Employees"), 0, [["100", "200", "300"], ["0", "0", "0"]]), p.error
    assert _figures(p, "Transport") == ["£0", "£0", "£0", ""]


def test_one_row_too_wide_by_its_total_is_still_refused_saying_so(store):
    p = _plan(store)
    assert not p.paste_block(_row(p, "Employees"), 0, [["327,800", "384,300", "393,200", "393,200", "1,498,500"]])
    assert "Total column" in p.error and "Nothing was pasted" in p.error, p.error


def test_the_heading_row_copied_with_its_total_is_said_to_be_the_heading(store):
    p = _plan(store)
    block = [["2011/12", "2012/13", "2013/14", "Total"], *_with_total_column(COMMUNITY_SAFETY[:2], years=3)]
    assert not p.paste_block(_row(p, "Employees"), 0, block)
    assert p.error.startswith("The first row copied is the plan's years (2011/12 \u2013 2013/14) and the paper's "
                              "“Total”, not figures: nothing was pasted."), p.error
    assert "without the Total column" in p.error
    assert _figures(p, "Employees") == ["", "", "", ""]


# "N/A" says nil or N/K: test_cell_refusals_say_what_to_type_s61; "TBA" and "t.b.c." are read as TBC since s62
# (test_tba_and_a_year_in_thousands_s62)
@pytest.mark.parametrize("typed", ["see below", "Bid"])
def test_words_for_no_figure_in_a_cell_say_what_a_cell_can_be(typed):
    with pytest.raises(BudgetError) as caught:
        parse_cell(typed)
    assert str(caught.value) == (f"“{typed}” is not an amount of money. A cell is an amount (£4,000), TBC, N/K or nil, "
                                 "and may have a note in brackets after it, as in £4,000 (£2,000 per District).")


def test_a_block_with_an_excel_error_in_it_names_the_cell_and_the_error(store):
    p = _plan(store)
    assert not p.paste_block(_row(p, "Employees"), 0, [["327,800", "#REF!", "393,200"]])
    assert p.error.startswith("Employees, 2012/13: “#REF!” is an error from the sheet, not an amount: correct it "
                              "there, then copy the figure again."), p.error
    assert _figures(p, "Employees") == ["", "", "", ""]


def test_an_excel_error_in_a_plan_in_thousands_is_said_as_in_pounds():
    # Read as "#REF!K" (scaled to £'000), it was "not an amount of money" there, the sheet's error not named.
    with pytest.raises(BudgetError) as caught:
        parse_cell("#REF!", unit="thousand")
    assert str(caught.value).startswith("“#REF!” is an error from the sheet, not an amount: correct it there"), \
        str(caught.value)
