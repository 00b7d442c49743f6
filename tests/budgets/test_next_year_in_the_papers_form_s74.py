"""Session 74: Add year… offered "2012/13" after the revenue plan's "2010/11 Budget … 2014/15 Budget" headings, and
"2026/27" after "24/25, 25/26" or "2024-25, 2025-26": OK as offered left one heading unlike the paper's others, in the
grid, the workbook exported and the board report. The year after the latest is now offered in its heading's form."""

from __future__ import annotations

import pytest

from safer_desk.domain.budgets import heading_after
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter


@pytest.mark.parametrize("years, offered", [
    ("2017/18, 2018/19", "2019/20"),
    ("2010/11 Budget, 2011/12 Budget", "2012/13 Budget"),
    ("24/25, 25/26", "26/27"),
    ("2024-25, 2025-26", "2026-27"),
    ("2024/2025, 2025/2026", "2026/2027"),
    ("11/12 £, 12/13 £", "13/14 £"),
    ("East Sussex 2009/10, Benchmark 2009/10, East Sussex 2010/11", "East Sussex 2011/12"),
    ("2017/18 Budget, 2017/18 Actual", "2018/19 Budget"),  # the latest year's first column
    ("2098/99", "2099/00"),
])
def test_add_year_offers_the_next_year_as_the_plan_heads_its_years(store, years, offered):
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("Plan", years), p.error
    assert p.next_year() == offered
    assert p.add_year(p.next_year()), p.error
    assert p.columns[-1] == offered


def test_a_heading_keeps_the_spaces_and_dash_it_was_written_with():
    assert heading_after("2011 – 12 Budget") == "2012 – 13 Budget"
    assert heading_after("99/00") == "00/01"


def test_the_window_adds_the_year_offered_in_the_papers_form(qtbot, tab, prompts, monkeypatch):
    from safer_desk.ui import prompts as module
    from tests.budgets.test_budgets_round25 import year_headings
    from tests.budgets.test_budgets_view import choose_plan

    offered = []
    monkeypatch.setattr(module, "ask_text", lambda parent, title, label, text="": offered.append(text) or text)
    choose_plan(tab, "East Sussex Community Safety revenue")
    tab.add_year_button.click()
    assert offered == ["2015/16 Budget"]
    assert year_headings(tab)[-1] == "2015/16 Budget"
