"""s61: a lower-is-better count already over its target to date, with a month before missing, read "Figures missing",
though the missing month can only add to it: a certain red was hidden. It is red, and says the month is missing."""

from __future__ import annotations

from safer_desk.domain.indicators import Rag
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from tests.indicators.test_no_figure_round32ind import PLYMOUTH, _without_june

FY16 = FinancialYear(2016)
CRIME = "indicator:all-crime"  # a count, lower is better


def test_a_count_over_its_target_with_a_month_missing_is_red_and_says_the_month(demo_store):
    svc.set_target(demo_store, CRIME, PLYMOUTH, FY16, kind="annual", value=0)
    _without_june(demo_store, CRIME)
    v = svc.year_view(demo_store, CRIME, PLYMOUTH, FY16)
    assert v.rag is Rag.RED
    assert v.period_rags[3] is Rag.RED  # July, the first total short by June
    assert "figures are missing for Jun-16, which can only add to it" in v.headline()
    grid = svc.entry_grid(demo_store, CRIME, PLYMOUTH, FY16)
    assert [c.text for c in grid.row(svc.GRID_RAG).cells][3] == Rag.RED.label
    # Its gap to target is the figures held: at least that, said when pointed at.
    gap = grid.row(svc.GRID_GAP).cells
    assert gap[3].text == "+4,603" and gap[3].tooltip == (
        "At least this: the figures held, without Jun-16, which can only add to it.")
    assert gap[1].tooltip == ""


def test_a_short_total_under_its_target_is_still_not_judged(demo_store):
    """Under the target with a month missing: the month could take it over, so it is not judged (nor is a
    higher-is-better count, whose missing month could take it up to its target)."""
    svc.set_target(demo_store, CRIME, PLYMOUTH, FY16, kind="annual", value=1_000_000)
    _without_june(demo_store, CRIME)
    v = svc.year_view(demo_store, CRIME, PLYMOUTH, FY16)
    assert v.rag is Rag.INCOMPLETE
    hate = "indicator:level-two-ist-incidents-reported"
    _without_june(demo_store, hate)
    assert svc.year_view(demo_store, hate, PLYMOUTH, FY16).rag is Rag.INCOMPLETE


def test_a_higher_is_better_count_over_its_target_with_a_month_missing_is_green_and_says_the_month(demo_store):
    """s62: the same holds the other way: a count where higher is better, already at its target to date without
    June, can only go further over it; it read "Figures missing" where a lower-is-better count was judged red."""
    hate = "indicator:level-two-ist-incidents-reported"  # a count, higher is better
    svc.set_target(demo_store, hate, PLYMOUTH, FY16, kind="annual", value=12)
    _without_june(demo_store, hate)
    v = svc.year_view(demo_store, hate, PLYMOUTH, FY16)
    assert v.rag is Rag.GREEN
    assert "green; figures are missing for Jun-16, which can only add to it" in v.headline()
    grid = svc.entry_grid(demo_store, hate, PLYMOUTH, FY16)
    assert [c.text for c in grid.row(svc.GRID_RAG).cells][3] == Rag.GREEN.label
    assert grid.row(svc.GRID_GAP).cells[3].tooltip == (
        "At least this: the figures held, without Jun-16, which can only add to it.")
    # Short of its target without June: still not judged (June could take it up to the target).
    svc.set_target(demo_store, hate, PLYMOUTH, FY16, kind="annual", value=1_000_000)
    assert svc.year_view(demo_store, hate, PLYMOUTH, FY16).rag is Rag.INCOMPLETE
