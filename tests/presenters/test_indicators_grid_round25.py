"""Figures typed in the Indicators grid (round 25): a percentage retyped as the grid shows it keeps its numerator
and denominator, as Import Figures keeps them."""

from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import IndicatorsPresenter

SATISFACTION = "indicator:level-two-ist-incidents-satisfaction"


def held(store, period):
    return tuple(store.rows("SELECT value, numerator, denominator, source FROM indicator_values WHERE indicator_id = ? "
                            "AND area_id = 'district:plymouth' AND period = ?", (SATISFACTION, period))[0])


@pytest.fixture
def presenter(demo_store):
    p = IndicatorsPresenter(demo_store, perform=ActionLog(), today=lambda: date(2026, 11, 28))
    p.load("district:plymouth", FinancialYear(2016))
    assert p.choose_indicator(SATISFACTION, lambda text: None)
    return p


def test_a_percentage_retyped_as_shown_keeps_the_papers_numerator_and_denominator(presenter, demo_store):
    # May-16 is the paper's 16 of 18, shown as 88.9%. Typing 88.9 in it (or pasting the paper's percentages over
    # the year) dropped 16 and 18 and kept 88.9 as a plain percentage: the year to date became the mean of the
    # months' percentages (92.6% to May became 94.4%) and the source "Typed", without a word. "88.9%" changed nothing.
    before = held(demo_store, "2016-05")
    assert before[1:] == (16, 18, "seed 003")
    cumulative = presenter.figures.cell("cumulative", 5).text
    presenter.figures.set_text("value", 1, "88.9")
    presenter.figures.set_text("value", 0, "100")  # 9 of 9
    assert presenter.save()
    assert held(demo_store, "2016-05") == before
    assert held(demo_store, "2016-04")[1:] == (9, 9, "seed 003")
    assert presenter.figures.cell("cumulative", 5).text == cumulative == "88.2%"
    assert presenter.figures.cell("numerator", 1).text == "16"


def test_a_different_percentage_typed_over_a_ratio_still_replaces_it(presenter, demo_store):
    presenter.figures.set_text("value", 1, "80")
    assert presenter.save()
    assert held(demo_store, "2016-05") == (80, None, None, "typed")
