"""S73 (funds7): Fund settings' *Spend keyed to* after today is asked about, as other dates after today are.

On 07/12/2026 the officer recorded Babergh's 2026/27 sanctuary fund as keyed to 31/12/2026 (meaning 30/11, or
01/12 typed for 12/01): saved unasked, though no spend can be keyed to a day not yet come, and once that day passed
December would count as complete whatever was still to be keyed. A spend line, referral or contribution dated after
today is asked about; so now is this date, once, beside the field; Save again keeps it. A date up to today, or the
date as it was, is saved unasked.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds

TODAY = date(2026, 12, 7)


@pytest.fixture
def page(demo_store):
    fund = funds.add_fund(demo_store, name="Babergh sanctuary 2026/27", starts_on="01/04/2026", ends_on="31/03/2027")
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    p.reload(select=fund)
    return p


def test_a_date_after_today_is_asked_about_once(page):
    form = page.edit_fund_form()
    form.set_value("spend_keyed_to", "31/12/2026")
    assert not form.save()
    assert form.errors["spend_keyed_to"].startswith(
        "31/12/2026 is after today (07/12/2026): spend cannot be keyed to a day not yet come. Is the date right?")
    assert page.fund.spend_keyed_to is None
    assert form.save(), form.errors
    assert funds.get_fund(page.store, page.fund.id).spend_keyed_to == date(2026, 12, 31)
    form = page.edit_fund_form()  # kept as it is: not asked again at the next change of settings
    form.set_value("status", "closed")
    assert form.save(), form.errors


@pytest.mark.parametrize("day", ["30/11/2026", "07/12/2026"])
def test_a_date_up_to_today_is_saved_unasked(page, day):
    form = page.edit_fund_form()
    form.set_value("spend_keyed_to", day)
    assert form.save(), form.errors
