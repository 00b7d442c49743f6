"""Round 37 (ind): which indicator Del chooses next is the presenter's rule, tested without a window.

Round 36 put the rule (the indicator listed after the deleted one, the one before it when it was last; undone, the
deleted one back and chosen; redone, the next one again) in the tab, reading the list's sort proxy: the presenter
chose every other indicator (area, year, a save, an undo) and only a window could test this one. The tab now hands
the presenter the order its list shows (sorted by a heading or not) and the presenter chooses.
"""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import IndicatorsPresenter, indicator_after

FY16 = FinancialYear(2016)


def _presenter(store) -> tuple[IndicatorsPresenter, ActionLog]:
    log = ActionLog()
    p = IndicatorsPresenter(store, perform=log)
    p.load("district:plymouth", FY16)
    return p, log


def _listed(p: IndicatorsPresenter) -> list[str]:
    return [r.indicator.id for r in p.rows]


def _shown(p: IndicatorsPresenter) -> str | None:
    """The indicator chosen, which must be the one whose figures and grid are in view."""
    assert p.view is not None and p.figures.indicator is not None
    assert p.view.indicator.id == p.figures.indicator.id == p.selected
    return p.selected


def test_the_rule_next_then_the_one_before_the_last():
    assert indicator_after("b", ["a", "b", "c"]) == "c"
    assert indicator_after("c", ["a", "b", "c"]) == "b"
    assert indicator_after("a", ["a"]) is None
    assert indicator_after("x", ["a", "b"]) is None  # not listed (filtered out): the presenter's first
    assert indicator_after("a", []) is None


def test_del_chooses_the_next_and_undo_the_deleted_one_again(demo_store):
    p, log = _presenter(demo_store)
    ids = _listed(p)
    assert len(ids) > 3
    middle, after = ids[2], ids[3]
    assert p.choose_indicator(middle, lambda *a: True)
    p.delete_indicator(middle)
    assert middle not in _listed(p)
    assert _shown(p) == after
    log.undo()
    assert _listed(p) == ids and _shown(p) == middle
    log.redo()
    assert _shown(p) == after


def test_del_on_the_last_chooses_the_one_before(demo_store):
    p, log = _presenter(demo_store)
    ids = _listed(p)
    assert p.choose_indicator(ids[-1], lambda *a: True)
    p.delete_indicator(ids[-1])
    assert _shown(p) == ids[-2]
    log.undo()
    assert _shown(p) == ids[-1]


def test_the_order_the_list_shows_decides_not_the_summary_s(demo_store):
    """Sorted by a heading (Z to A), the indicator after the deleted one is the one below it on the screen."""
    p, log = _presenter(demo_store)
    shown = list(reversed(_listed(p)))
    p.delete_indicator(shown[1], shown)
    assert _shown(p) == shown[2]
    log.undo()
    assert _shown(p) == shown[1]
