"""S73 (funds7): the undo of Fund settings says what the change was.

The district officer closed the Suffolk Target Hardening Pilot in Fund settings… (Status Closed), and later recorded
the date its spend is keyed to: each step read "Undo change the settings of Suffolk Target Hardening Pilot",
whichever of its name, period, status, rules or date keyed to was changed, so the officer could not tell what Undo
would put back (the fund open again? the rules back to high risk only?), where a contribution's, a spend line's and
a referral's corrections name theirs ("…: amount £2,500, received 01/06/2018"). It now ends with what changed, as
Fund settings… words it ("…: status Closed", "…: spend keyed to 30/06/2018", "…: risk levels accepted High and
medium risk"); the purpose, free text, is named, not quoted; a reason to accept that the change of rules takes off
a referral meeting them is counted.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"
UNDO = f"Undo change the settings of {PILOT}"


@pytest.fixture
def page(demo_store):
    log = ActionLog()
    p = FundsPresenter(demo_store, perform=log, today=lambda: date(2018, 7, 20))
    p.reload(select=funds.fund_by_name(demo_store, PILOT).id)
    return p, log


def _settings(page, log, **values) -> str:
    form = page.edit_fund_form()
    for key, value in values.items():
        form.set_value(key, value)
    assert form.save() or form.save(), form.errors
    text = log.undo_text
    log.undo()
    page.reload()
    return text


@pytest.mark.parametrize("values, said", [
    ({"status": "closed"}, ": status Closed"),
    ({"spend_keyed_to": "30/06/2018"}, ": spend keyed to 30/06/2018"),
    ({"risk_levels": "high,medium"}, ": risk levels accepted High and medium risk"),
    ({"require_idva": "no", "ends_on": "31/03/2020"}, ": ends 31/03/2020, must have an IDVA assigned no"),
    ({"purpose": "Locks and alarms"}, ": purpose changed"),
    ({"name": "Suffolk Sanctuary Scheme"}, ": name Suffolk Sanctuary Scheme"),
])
def test_the_undo_names_what_the_settings_changed(page, values, said):
    page, log = page
    assert _settings(page, log, **values) == UNDO + said


def test_a_reason_taken_off_is_counted(page, demo_store):
    page, log = page
    funds.update_fund(demo_store, page.fund.id, risk_levels="high,medium")
    with demo_store.transaction():
        demo_store.conn.execute("UPDATE fund_referrals SET risk_level = 'medium', override_reason = 'IDVA due' "
                                "WHERE reference = 'TH-2018-008'")
    page.reload()
    said = _settings(page, log, risk_levels="high")
    assert said == UNDO + ": risk levels accepted High risk only, reason to accept removed from 1 referral"


def test_settings_saved_unchanged_say_nothing_more(page):
    page, log = page
    form = page.edit_fund_form()
    form.set_value("status", "closed")
    assert form.save()
    said = log.undo_text
    form = page.edit_fund_form()
    form.set_value("name", PILOT)  # typed again as it is: nothing changed, no step
    assert form.save()
    assert log.undo_text == said == UNDO + ": status Closed"
