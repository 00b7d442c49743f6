"""A new officer's first plan, walked as docs/guide/budgets.md tells it (Name and Years, New plan; a Section, Add
section; each Line, Enter; then the cells). Seen in the window on a new file: the plan just made said only "it prints
no totals of its own to check against its lines" over an empty grid, which told nothing of the next step; and
`safer-desk budget` on a plan with lines but no figure yet printed its heading alone and said nothing, where the guide
says a CSV left with its heading alone says why."""

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as service


@pytest.fixture
def presenter(store):
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    return p


def test_each_step_of_a_first_plan_says_the_next(presenter):
    assert presenter.new_plan("Babergh CSP budget", "2026/27, 2027/28")
    summary = presenter.summary()
    assert summary.startswith("Babergh CSP budget: no sections yet")
    assert "Add section" in summary and "prints no totals" not in summary
    assert presenter.add_section("Expenditure")
    summary = presenter.summary()
    assert summary.startswith("Babergh CSP budget: no lines yet") and "Line" in summary and "Enter" in summary
    section = presenter.sections()[0][0]
    assert presenter.add_line(section, "Domestic Homicide Reviews")
    summary = presenter.summary()
    assert summary.startswith("Babergh CSP budget: no figures yet") and "double-click a cell" in summary
    line = next(r.line_id for r in presenter.rows if r.kind == "line")
    assert presenter.set_cell(line, "2026/27", "£7,525.58")
    # With a figure, the plan says what holds of its printed totals, as before.
    assert presenter.summary() == "Babergh CSP budget: it prints no totals of its own to check against its lines."


def test_budget_command_says_why_a_plan_with_lines_prints_its_heading_alone(presenter, store):
    assert presenter.new_plan("Babergh CSP budget", "2026/27")
    assert presenter.add_section("Expenditure")
    assert presenter.add_line(presenter.sections()[0][0], "Domestic Homicide Reviews")
    notes = service.no_lines_notes(store, "Babergh CSP budget")
    assert notes == ["Babergh CSP budget has no figures yet: its lines are listed once a figure is typed in them "
                     "(Budgets tab: double-click a cell)"]
    assert service.no_lines_notes(store) == notes  # every plan, too
