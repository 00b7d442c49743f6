"""Session 69: a share more than the project's cost (the Plymouth contract's cost typed £100,000 beside the PCC's
share of £110,000: a slip the editor warns of, "⚠ The shares add up to £110,000, more than the cost £100,000.")
went out with no word of it in the Projects Export… workbook (its Warning cell blank), in the register's Check column
(blank, so Ctrl+C of the register said nothing), and in the board report's projects table, whose Funders' shares cell
read "OPCC (2017/18): £110,000 of £100,000" with no ⚠ while the award table under it flagged the same share. Each now
says it, as the editor does; shares within the cost, and shares of different years each within it, say nothing."""

from __future__ import annotations

import dataclasses

from safer_desk.domain.money import parse_cost
from safer_desk.domain.periods import FinancialYear
from safer_desk.services.projects import shares_over_cost
from safer_desk.services.projects import (EXPORT_HEADER, FundingSource, export_rows, load_projects, register_sheets,
                                          save_project)
from safer_desk.services.report import build_report

OVER = "The shares for 2017/18 add up to £110,000, more than the cost £100,000."


def _contract(store, cost: str = "£100,000", *shares: FundingSource):
    p = next(p for p in load_projects(store) if p.ref == "P1")
    save_project(store, dataclasses.replace(p, cost=parse_cost(cost), cost_lines=(), funding_sources=shares or (
        FundingSource("OPCC", 11_000_000, "", "2017/18"),)))
    return next(p for p in load_projects(store) if p.ref == "P1")


def test_the_export_workbook_warns_of_a_share_over_the_cost(demo_store):
    p = _contract(demo_store)
    assert shares_over_cost(p) == OVER
    (row,) = export_rows([p], pounds_plain=False)
    cells = dict(zip(EXPORT_HEADER, row))
    assert cells["Funding sources"] == "OPCC (2017/18): £110,000"  # as typed: it pastes back
    assert cells["Warning"] == OVER
    (sheet, _lines) = register_sheets([p], "Plymouth")
    assert sheet.rows[0][EXPORT_HEADER.index("Warning")] == OVER


def test_the_board_reports_projects_table_flags_it_as_its_award_table_does(demo_store):
    _contract(demo_store)
    sections = build_report(demo_store, year=FinancialYear.parse("2017/18"), area="Plymouth").sections
    (table,) = [t for s in sections for t in s.tables if t.title == "Projects and the board's criteria"]
    (row,) = [r for r in table.rows if r[0] == "P1"]
    assert row[-1] == "OPCC (2017/18): £110,000 of £100,000 ⚠", row[-1]
    assert f"P1. Plymouth Domestic Abuse contract: {OVER}" in table.note or \
        f"Plymouth Domestic Abuse contract: {OVER}" in table.note, table.note


def test_shares_within_the_cost_say_nothing(demo_store):
    p = _contract(demo_store, "£100,000", FundingSource("OPCC", 6_000_000, "", "2017/18"),
                  FundingSource("OPCC", 6_000_000, "", "2018/19"))  # £120,000 over two years, each within
    assert shares_over_cost(p) == ""
    assert dict(zip(EXPORT_HEADER, export_rows([p], pounds_plain=False)[0]))["Warning"] == ""


def test_an_undated_share_counts_in_each_year_as_the_editor_counts_it(demo_store):
    p = _contract(demo_store, "£100,000", FundingSource("OPCC", 6_000_000, "", "2017/18"),
                  FundingSource("Lottery", 5_000_000, "", ""))
    assert shares_over_cost(p) == OVER


def test_a_minimum_has_no_upper_figure_to_be_over(demo_store):
    assert shares_over_cost(_contract(demo_store, "Minimum £100,000")) == ""


def test_the_registers_check_column_says_it_so_a_copy_of_the_register_does(demo_store, qtmodeltester):
    from PySide6.QtCore import Qt

    from safer_desk.ui.projects.models import RegisterModel

    _contract(demo_store)
    model = RegisterModel(load_projects(demo_store))
    qtmodeltester.check(model)
    column = [c.key for c in model.columns].index("check")
    index = model.index(model.row_of(next(p.id for p in load_projects(demo_store) if p.ref == "P1")), column)
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == "⚠ shares over cost"
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == OVER
    others = [model.data(model.index(r, column), Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]
    assert others.count("⚠ shares over cost") == 1
