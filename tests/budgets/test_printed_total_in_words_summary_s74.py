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


def test_the_board_report_says_the_printed_total_is_tbc_not_a_tbc_in_the_lines(store):
    """The report said of it "1 printed total could not be checked (a TBC or N/K in the lines …)": the lines held
    no TBC; the paper's total was one."""
    from safer_desk.services.report import build_report

    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("Safer streets", "2024/25, 2025/26"), p.error
    assert p.add_section("Spend"), p.error
    assert p.add_line(p.added_section, "Street lighting"), p.error
    assert p.set_cell(next(r for r in p.rows if r.kind == "line").line_id, "2024/25", "1,000"), p.error
    assert p.set_printed_total(next(r for r in p.rows if r.kind == "total"), "2024/25", "TBC", typed=True), p.error
    section = next(s for s in build_report(store, year="2024/25").sections if s.title == "Budgets and plans")
    assert "in the lines" not in section.paragraphs[0] and "prints no totals" not in section.paragraphs[0]
    assert section.paragraphs[0].endswith("1 printed total is TBC or N/K as the paper prints it, so not checked."), \
        section.paragraphs[0]
