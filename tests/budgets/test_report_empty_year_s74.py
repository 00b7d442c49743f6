"""Session 74: a plan whose year has nothing typed in it yet (2019/20 of a three-year plan) was printed with that
column blank, its subtotal and total too, and nothing under the table said why: a blank column in a board paper reads
as figures lost. The note under the table now says the year has no figures entered yet; a year with a TBC or N/K in
it is not said to be empty."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services.report_sections.budgets import board_report_sections


def _plan(store, rows):
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("Small plan", "2017/18, 2018/19, 2019/20", unit="pound"), p.error
    assert p.add_section("Spend"), p.error
    assert p.add_line(p.added_section, "Staff\nTransport"), p.error
    first = next(i for i, r in enumerate(p.rows) if r.kind == "line")
    assert p.paste_block(first, 0, rows) or p.paste_block(first, 0, rows), p.error
    return p


def test_a_year_with_nothing_entered_is_said_under_the_table(store):
    _plan(store, [["1000", "2000", ""], ["500", "600", ""]])
    [section] = board_report_sections(store, year=FinancialYear(2019))
    [table] = section.tables
    assert [r[3] for r in table.rows] == ["", "", "", ""]
    assert "No figures are entered for 2019/20 yet: its column is blank." in table.note


def test_a_year_with_a_tbc_is_not_said_to_be_empty(store):
    _plan(store, [["1000", "2000", "TBC"], ["500", "600", ""]])
    [section] = board_report_sections(store)
    assert "No figures are entered" not in section.tables[0].note
