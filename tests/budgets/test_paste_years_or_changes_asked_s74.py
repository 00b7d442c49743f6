"""Session 74: seed 004's "878 | (0.7) | 884" copied without its heading row onto a plan with room for three years
was pasted as three years' figures, "(0.7)" as a fall of £700, though it may as well be the paper's two years with
its annual change between them; nothing copied tells the two readings apart. It is now asked about, naming both
readings and how to get each: pasting again keeps them as the years' figures; the heading row copied with them
places the change. Where the width tells (nine figures over five years), nothing is asked, as before."""

from __future__ import annotations

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter

YEARS = "2010/11 Budget, 2011/12 Budget, 2012/13 Budget, 2013/14 Budget, 2014/15 Budget"


@pytest.fixture
def revenue(store):
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("East Sussex revenue budget", YEARS, unit="thousand"), p.error
    assert p.add_section("Revenue"), p.error
    assert p.add_line(p.added_section, "A Budget Net\nB Income or specific grant"), p.error
    return p


def _first(p) -> int:
    return next(i for i, r in enumerate(p.rows) if r.kind == "line")


def _line(p, label="A Budget Net"):
    return [(c.text, c.stated_change) for c in next(r for r in p.rows if r.label == label).cells]


def test_years_and_changes_that_fit_either_way_are_asked_about(revenue):
    p = revenue
    before = _line(p)
    assert not p.paste_block(_first(p), 0, [["878", "(0.7)", "884"]])
    assert _line(p) == before  # nothing pasted
    assert "read two ways" in p.error and "3 years' figures" in p.error, p.error
    assert "2 years with its annual change (%) between them" in p.error, p.error
    assert "copy the heading row of years with them" in p.error and "paste the same cells again" in p.error, p.error
    assert "Nothing was pasted." in p.error
    for _ in range(2):  # again: the years' figures, once any figure of them asked about is kept too
        if p.paste_block(_first(p), 0, [["878", "(0.7)", "884"]]):
            break
    assert [t for t, _ in _line(p)[:3]] == ["878", "-0.7", "884"], p.error  # a fall of £700, as asked
    assert all(c == "" for _, c in _line(p))


def test_figures_with_no_change_among_them_are_pasted_without_a_question(revenue):
    p = revenue
    assert p.paste_block(_first(p), 0, [["878", "700", "884"]]), p.error
    assert [t for t, _ in _line(p)[:3]] == ["878", "700", "884"]


def test_nine_figures_over_five_years_are_still_read_as_years_and_changes(revenue):
    p = revenue
    rows = [["878", "(0.7)", "884", "(27.5)", "641", "1.7", "652", "(0.6)", "648"]]
    assert p.paste_block(_first(p), 0, rows), p.error
    assert _line(p)[1] == ("884", "(0.7)")
