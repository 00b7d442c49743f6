"""Session 61 (second look): "884 641" typed into a cell of a plan in £'000.

A figure grouped with spaces is read as one figure, and in a plan in £'000 one of £884,641,000 is asked about,
offering "type 884.641" for £884,641. Two figures copied side by side from a PDF's £'000 row ("884 641": 884 and
641) read exactly so, and that advice is wrong for them: the question says they may be figures side by side too, and
how those go in. A figure of three groups ("884 641 700") was said to read as £884,641,000, its last group dropped."""

from __future__ import annotations

import pytest

from safer_desk.domain import budgets as rules
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc


@pytest.mark.parametrize(("typed", "parts"), [("884 641", "884 and 641"), ("(884 641)", "")])
def test_a_spaced_figure_is_asked_about_as_figures_side_by_side_too(typed, parts):
    asked = rules.pounds_in_thousands_query(typed, "thousand")
    assert "£884,641, type" in asked, asked
    if parts:
        assert (f"if it is 2 figures side by side ({parts}, as a row copied from a PDF gives them), type each in its "
                "own cell.") in asked, asked
    else:  # a negative in brackets is one figure: no row of a PDF looks so
        assert "side by side" not in asked, asked


@pytest.mark.parametrize("typed", ["884,641", "884641", "£884,641", "£884 641"])
def test_a_figure_with_commas_or_none_is_one_figure(typed):
    asked = rules.pounds_in_thousands_query(typed, "thousand")
    assert asked and "side by side" not in asked, asked


@pytest.mark.parametrize("typed", ["884 641 700", "884,641,700"])
def test_a_figure_of_three_groups_is_said_to_read_as_it_does(typed):
    read = rules.parse_cell(typed, unit="thousand").amount_pence
    assert read == 884_641_700 * 100_000
    asked = rules.pounds_in_thousands_query(typed, "thousand")
    assert asked.startswith(f"“{typed}” in a plan in £'000 reads as £884,641,700,000;"), asked


def test_the_grid_asks_so_and_keeps_it_when_typed_again(demo_store):
    p = BudgetsPresenter(demo_store, perform=ActionLog())
    p.reload()
    plan = next(n for n in (pl.name for pl in svc.list_plans(demo_store))
                if svc.plan_view(demo_store, svc.plan_id_by_name(demo_store, n)).plan.unit == "thousand")
    p.select(svc.plan_id_by_name(demo_store, plan))
    line = next(r for r in p.rows if r.kind == "line")
    assert not p.set_cell(line.line_id, p.columns[0], "884 641")
    assert "884 and 641" in p.error and "type each in its own cell" in p.error
