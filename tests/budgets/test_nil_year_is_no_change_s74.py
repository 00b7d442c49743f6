"""Session 74: Excel shows a year of £0 as "-" (its accounting and comma styles), so a line copied from a council's
sheet as "12,000 | - | 13,000" onto a plan with three years was refused with "read two ways … as the paper's 2 years
with its annual change (%) between them", though "-" (no change) cannot be the change from £12,000 to £13,000. Only
changes that could be the change between the figures either side of them (to the figures' rounding, the paper's
sign aside, as seed 004 prints "(0.7)" for 878 to 884) make the second reading; otherwise the figures go in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from tests.budgets.test_grid_keys_round22 import WESTERN, choose_plan, year


@pytest.fixture
def plan(store):
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("Safer streets", "2024/25, 2025/26, 2026/27"), p.error
    assert p.add_section("Spend"), p.error
    assert p.add_line(p.added_section, "Street lighting\nCCTV"), p.error
    return p


def _first(p) -> int:
    return next(i for i, r in enumerate(p.rows) if r.kind == "line")


def _figures(p) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in p.rows if r.kind == "line"]


@pytest.mark.parametrize("copied, shown", [
    (["12,000", "-", "13,000"], ["£12,000", "nil", "£13,000"]),  # "-" between two figures that differ
    (["15,000", "(10)", "12,000"], ["£15,000", "-£10", "£12,000"]),  # a fall of 20%, not 10%
    (["500", "2.5", "500"], ["£500", "£2.50", "£500"]),  # no change, not 2.5%
    (["(1,200)", "-", "(1,300)"], ["-£1,200", "nil", "-£1,300"]),  # Excel's negatives either side of a nil
])
def test_a_year_that_cannot_be_the_change_between_its_neighbours_is_pasted_unasked(plan, copied, shown):
    p = plan
    assert p.paste_block(_first(p), 0, [copied]), p.error
    assert _figures(p)[0] == shown
    assert "read two ways" not in p.error


@pytest.mark.parametrize("copied", [
    ["878", "(0.7)", "884"],  # seed 004: the paper's sign wrong, its size right
    ["62", "-", "62"],  # seed 004's income line: no change
    ["62", "(1.3)", "61"],  # in £'000, 62 and 61 may be 61.5 and 61.4: a change of (1.3) may be right
])
def test_changes_that_may_be_the_papers_are_still_asked_about(plan, copied):
    p = plan
    assert not p.paste_block(_first(p), 0, [copied])
    assert "read two ways" in p.error, p.error
    assert all(t == "" for t in _figures(p)[0])


def test_ctrl_v_of_an_excel_row_with_a_nil_year_puts_it_in(qtbot, tab):
    choose_plan(tab, WESTERN)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).label.startswith("E-CINS"))
    QGuiApplication.clipboard().setText(" 12,000 \t -   \t 13,000 \r\n")  # Excel's accounting style
    tab.view.setCurrentIndex(tab.model.index(row, year(tab, 0)))
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "read two ways" not in tab.message.text(), tab.message.text()
    assert [c.text for c in tab.model.row(row).cells] == ["£12,000", "nil", "£13,000"]
