"""Session 75: Refused… and More > Write off… on a share with nothing left to refuse say so and open no form.

Costs > Reviews > Shares and payments, Babergh's invoice (paid in full) or the Probation Service's (refused) chosen,
Refused…: a form opened for a date and a reason, and only once the reason was typed and saved was it refused ("This
share is paid in full; there is nothing to refuse.", "This share is already refused."). As Payment… does since this
round, the button now says why at once, under "Nothing to refuse" (or "Nothing to write off"), and opens nothing.
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


@pytest.mark.parametrize(("partner", "said"), [
    ("Babergh District Council", "There is nothing to refuse. Nothing is outstanding on Babergh District Council's"),
    ("National Probation Service", "National Probation Service's share of WSCSP-DHR-2017-01 is already refused: "
                                   "there is nothing more to refuse")])
def test_refused_on_a_share_with_nothing_left_says_so(demo_store, partner, said):
    page = DhrPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    page.reload(select=dhr.case_id_by_reference(demo_store, BILLED))
    share = next(s for s in page.details().shares if s.partner == partner)
    with pytest.raises(NothingTo) as refused:
        page.refuse_form(share)
    assert refused.value.title == "Nothing to refuse" and str(refused.value).startswith(said), str(refused.value)
    with pytest.raises(NothingTo) as written_off:
        page.write_off_form(share)
    assert written_off.value.title == "Nothing to write off" and "write off" in str(written_off.value)
    assert page.editor is None
    county = next(s for s in page.details().shares if s.partner == "Suffolk County Council")
    assert page.refuse_form(county).title  # one with something outstanding opens


def test_the_refused_button_on_a_paid_share_says_so_in_the_window(costs_tab, qtbot, prompts):
    page = costs_tab.reviews
    assert page.select_case(dhr.case_id_by_reference(page.store, BILLED))
    page.details.setCurrentIndex(2)
    assert page.shares.select_where(lambda s: s.partner == "Babergh District Council")
    next(b for b in page.edit_buttons if b.text().replace("&", "") == "Refused…").click()
    assert [title for title, _ in prompts.errors] == ["Nothing to refuse"]
    assert "Nothing is outstanding on Babergh District Council's share" in prompts.errors[0][1]
    assert page.dialog is None or not page.dialog.isVisible()
