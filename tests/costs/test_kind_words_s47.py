"""Session 47: Costs says a review's kind and a share's kind in words, as its forms and the history do.

Seen in the window: Shares and payments read "share" in its Kind column, and the cases' Kind read "review" and
"learning review", the values as stored, where the Review form says "Review" and "Learning review" and the history
"Re-split" and "Carried by the lead authority"."""

from __future__ import annotations

import pytest

from safer_desk.presenters.dhr import SHARE_KINDS, CaseKind


@pytest.fixture
def reviews(costs_tab):
    return costs_tab.reviews


def _column(table, key: str) -> dict[str, str]:
    col = table.model.column_index(key)
    shown = table.shown
    return {shown.index(r, 0).data(): shown.index(r, col).data() for r in range(shown.rowCount())}


def _choose(reviews, qtbot, reference: str) -> None:
    shown = reviews.cases.shown
    row = next(r for r in range(shown.rowCount()) if shown.index(r, 0).data() == reference)
    reviews.cases.view.selectRow(row)
    qtbot.waitUntil(lambda: reviews.shares.shown.rowCount() > 0, timeout=5000)


def test_the_cases_kind_is_said_as_the_review_form_says_it(reviews):
    kinds = _column(reviews.cases, "kind")
    assert kinds["WSCSP-DHR-2017-01"] == CaseKind.REVIEW.label == "Review"
    assert kinds["WSCSP-LR-2017-01"] == "Learning review"


def test_a_shares_kind_is_said_in_words(reviews, qtbot):
    _choose(reviews, qtbot, "WSCSP-DHR-2017-01")
    kinds = set(_column(reviews.shares, "kind").values()) - {None, ""}
    assert kinds and kinds <= set(SHARE_KINDS.values())
    assert "share" not in kinds and "Share" in kinds
