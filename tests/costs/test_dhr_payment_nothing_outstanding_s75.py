"""Session 75: Payment… on a share with nothing outstanding says so, as Enter on it does, and opens no form.

Costs > Reviews > Shares and payments, Babergh's invoice (paid in full) or the Probation Service's (refused) chosen,
Payment… (Alt+Y): a form opened saying "Outstanding on this share: £0." with £0 filled in as the amount, and Save could
only be refused ("Amount: must be more than £0."). Enter on the same share has said since session 45 that nothing is
outstanding and what to use instead (More > Delete a payment…, Reopen a refused or written-off share); Payment… now
says the same under "Nothing outstanding" and opens nothing.
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


@pytest.mark.parametrize("partner", ["Babergh District Council", "National Probation Service"])
def test_payment_on_a_share_with_nothing_outstanding_says_so(demo_store, partner):
    page = DhrPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    page.reload(select=dhr.case_id_by_reference(demo_store, BILLED))
    share = next(s for s in page.details().shares if s.partner == partner)
    with pytest.raises(NothingTo) as said:
        page.payment_form(share)
    assert said.value.title == "Nothing outstanding"
    assert str(said.value) == page.share_opened_words(share) and "Nothing is outstanding" in str(said.value)
    assert page.editor is None
    county = next(s for s in page.details().shares if s.partner == "Suffolk County Council")
    assert page.payment_form(county).values["amount"] == "£284.14"  # one with something outstanding opens


def test_the_payment_button_on_a_paid_share_says_so_in_the_window(costs_tab, qtbot, prompts):
    page = costs_tab.reviews
    assert page.select_case(dhr.case_id_by_reference(page.store, BILLED))
    page.details.setCurrentIndex(2)
    assert page.shares.select_where(lambda s: s.partner == "Babergh District Council")
    next(b for b in page.edit_buttons if b.text().replace("&", "") == "Payment…").click()
    assert [title for title, _ in prompts.errors] == ["Nothing outstanding"]
    assert "Nothing is outstanding on Babergh District Council's share" in prompts.errors[0][1]
    assert page.dialog is None or not page.dialog.isVisible()
