"""Session 74: a plan total the paper prints as TBC, typed over the worked-out total, shows in its "(as printed)" row,
yet the sentence over the grid said the plan "prints no totals of its own to check against its lines". It now says
the paper's total is there, TBC or N/K, and so not checked."""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter


def test_a_printed_total_of_tbc_is_said_to_be_printed_and_not_checked(store):
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("Safer streets", "2024/25, 2025/26"), p.error
    assert p.add_section("Spend"), p.error
    assert p.add_line(p.added_section, "Street lighting"), p.error
    line = next(r for r in p.rows if r.kind == "line")
    assert p.set_cell(line.line_id, "2024/25", "1,000"), p.error
    assert p.summary().endswith(": it prints no totals of its own to check against its lines.")
    total = next(r for r in p.rows if r.kind == "total")
    assert p.set_printed_total(total, "2024/25", "TBC", typed=True), p.error
    assert [c.text for c in next(r for r in p.rows if r.kind == "stated-total").cells][0] == "TBC"
    assert "prints no totals" not in p.summary()
    assert p.summary().endswith(": 1 printed total is TBC or N/K as the paper prints it, so it was not checked "
                                "against its lines."), p.summary()
