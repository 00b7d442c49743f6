"""S73 (funds7): a referral's date corrected to after its spend is asked about, as a spend line before it is.

TH-2018-001 (referred 04/04/2018, its three spend lines dated 09/04/2018) was corrected in Edit referral…
to 01/06/2018 (the date of a note, say, keyed as the referral's): it saved at once, leaving all its spend before it,
though a spend line keyed before its referral is asked about ("01/06/2018 is before the referral (22/06/2018)"). The
correction is now asked about once beside the date, naming how many of its lines it leaves before it and the first;
Save again keeps it. A date corrected that leaves no line before it, and a correction that keeps the date, are saved
unasked.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"


@pytest.fixture
def page(demo_store):
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: date(2018, 7, 3))
    p.reload(select=funds.fund_by_name(demo_store, PILOT).id)
    return p


def _form(page, reference="TH-2018-001"):
    return page.edit_referral_form(next(r for r in page.data.referrals if r["reference"] == reference))


def _referred(page, reference="TH-2018-001") -> str:
    return next(r for r in page.data.referrals if r["reference"] == reference)["referred_on"]


def test_a_date_after_its_spend_is_asked_about_once(page):
    lines = sorted(r["spent_on"] for r in page.data.lines if r["reference"] == "TH-2018-001")
    assert len(lines) == 3 and lines[0] == "2018-04-09"
    form = _form(page)
    form.set_value("referred_on", "01/06/2018")
    assert not form.save()
    assert form.errors["referred_on"].startswith(
        "3 spend lines of TH-2018-001 are dated before 01/06/2018 (the first on 09/04/2018): saved so, its spend "
        "is before its referral."), form.errors
    assert _referred(page) == "2018-04-04"
    assert form.save(), form.errors  # Save again keeps it
    assert _referred(page) == "2018-06-01"


def test_a_date_leaving_no_line_before_it_and_a_date_kept_are_not_asked_about(page):
    form = _form(page)
    form.set_value("referred_on", "02/04/2018")
    assert form.save(), form.errors
    assert _referred(page) == "2018-04-02"
    form = _form(page)
    form.set_value("at_marac", "no")
    form.set_value("override_reason", "Panel agreed")
    assert form.save(), form.errors
