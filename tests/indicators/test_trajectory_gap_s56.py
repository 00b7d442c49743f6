"""A trajectory with an empty place in it ("55, 108, , 214"): the empty place was dropped, so every later month took
the next month's figure (June's target became 214, March had none) and the RAG turned red without a word. It is
refused, saying where the figure is missing, as any figure that cannot be read is."""

from __future__ import annotations

import pytest

from safer_desk.domain.checks import NumberError
from safer_desk.presenters.indicators import trajectory_figures


@pytest.mark.parametrize("typed", ["55, 108, , 214, 268", "55; ; 108", "55,, 108", "55, 108 ,, 214", "55;;108"])
def test_a_trajectory_with_a_figure_missing_is_refused_never_moved_up_a_month(typed):
    with pytest.raises(NumberError, match="missing"):
        trajectory_figures(typed, "count")


@pytest.mark.parametrize("typed, figures", [("55, 108, 162", [55, 108, 162]), ("55; 108; 162", [55, 108, 162]),
                                            ("1,200, 2,400", [1200, 2400]),
                                            ("15 per 1,000; 16 per 1,000", None)])
def test_a_whole_trajectory_still_reads(typed, figures):
    if figures is None:
        assert trajectory_figures(typed, "rate", 1000) == [15, 16]
    else:
        assert trajectory_figures(typed, "count") == figures
