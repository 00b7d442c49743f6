"""A year typed twice in a new plan's Years (session 65, helper bud).

"2017/18, 17/18" was refused naming the year and saying what to do ("2017/18 is given twice … give each year once"),
but the commoner slip, the same year typed twice as "2017/18, 2017/18" (or in other capitals, "Benchmark 2009/10,
benchmark 2009/10"), was refused with "Columns: each column needs its own heading.", naming neither the year nor what
to type. It now names the heading given twice, and for a year says what the other refusal says.
"""

from __future__ import annotations

from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.storage.store import open_store


def refusal(tmp_path, years: str) -> str:
    store = open_store(tmp_path / "plans.sqlite", create=True)
    presenter = BudgetsPresenter(store)
    assert presenter.new_plan("CSP budget", years) is None
    assert presenter.plans == [] or all(p.name != "CSP budget" for p in presenter.plans)
    return presenter.error


def test_the_same_year_typed_twice_is_named_with_what_to_type(tmp_path):
    assert refusal(tmp_path, "2017/18, 2018/19, 2017/18") == (
        "Columns: 2017/18 is given twice (“2017/18” and “2017/18”): give each year once, or a heading for the other "
        "figures with the year they belong to (Benchmark 2017/18).")


def test_a_heading_typed_twice_is_named(tmp_path):
    assert refusal(tmp_path, "East Sussex 2009/10, Benchmark 2009/10, benchmark 2009/10") == (
        "Columns: “benchmark 2009/10” is given twice (“Benchmark 2009/10” and “benchmark 2009/10”): each column "
        "needs its own heading.")
