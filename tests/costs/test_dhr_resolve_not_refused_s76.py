"""Session 76: More > Re-split or carry a refusal… on a share that is not refused says so and opens no form.

Costs > Reviews > Shares and payments, a review with one refusal awaiting a decision (the Probation Service's on
WSCSP-DHR-2017-01), Babergh's paid share chosen, More > Re-split or carry a refusal…: the action is offered for the
review (it has a refusal), yet the form opened for Babergh's share, saying "£0.00 refused", and only Save said "Only
a refused share can be re-split or carried." It now says at once which share is refused and opens nothing; on the
refused share itself it opens, and once dealt with it says the refusal was already re-split or carried.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.costs import NothingTo
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr

TODAY = date(2018, 9, 1)
BILLED = "WSCSP-DHR-2017-01"


def _page(store) -> DhrPresenter:
    page = DhrPresenter(store, perform=ActionLog(), today=lambda: TODAY)
    page.reload(select=dhr.case_id_by_reference(store, BILLED))
    return page


def _share(page: DhrPresenter, partner: str) -> dhr.ShareRow:
    return next(s for s in page.details().shares if s.partner == partner)


@pytest.mark.parametrize("partner", ["Babergh District Council", "Suffolk County Council"])
def test_resolve_on_a_share_not_refused_names_the_refused_one(demo_store, partner):
    page = _page(demo_store)
    with pytest.raises(NothingTo) as refused:
        page.resolve_form(_share(page, partner))
    said = str(refused.value)
    assert refused.value.title == "Not a refused share", said
    assert said.startswith(f"{partner}'s share of {BILLED} is not refused"), said
    assert "National Probation Service's share" in said and "£684.14" in said, said
    assert page.editor is None


def test_resolve_opens_on_the_refused_share_and_not_again_once_dealt_with(demo_store):
    page = _page(demo_store)
    probation = _share(page, "National Probation Service")
    form = page.resolve_form(probation)
    assert "£684.14 refused" in form.note
    dhr.resolve_refusal(demo_store, probation.id, "re-split", on=TODAY)
    page.reload(select=probation.case_id)
    with pytest.raises(NothingTo) as again:
        page.resolve_form(_share(page, "National Probation Service"))
    assert again.value.title == "Already dealt with"
    assert "already re-split among the other partners" in str(again.value), str(again.value)


def test_the_resolve_action_on_a_paid_share_says_so_in_the_window(costs_tab, qtbot, prompts):
    page = costs_tab.reviews
    assert page.select_case(dhr.case_id_by_reference(page.store, BILLED))
    page.details.setCurrentIndex(2)
    assert page.shares.select_where(lambda s: s.partner == "Babergh District Council")
    page.resolve_dialog()
    assert [title for title, _ in prompts.errors] == ["Not a refused share"]
    assert "National Probation Service's share" in prompts.errors[0][1]
    assert page.dialog is None or not page.dialog.isVisible()
