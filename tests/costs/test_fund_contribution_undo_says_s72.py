"""S72 (fundsui): the undo of a corrected contribution says what the correction changed.

Ipswich Borough Council's £2,000 to the Suffolk pilot corrected with Edit contribution… (£2,500, received on
01/06/2018) was undone as "Undo change the contribution of £2,000 from Ipswich Borough Council to Suffolk Target
Hardening Pilot", whichever of its contributor, amount, date or note was corrected. It now ends ": amount £2,500,
received 01/06/2018"; the note, free text that travels to the county, is named only.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"
IPSWICH = "Ipswich Borough Council"


@pytest.fixture
def page(demo_store):
    fund = funds.fund_by_name(demo_store, PILOT)
    log = ActionLog()
    p = FundsPresenter(demo_store, perform=log, today=lambda: date(2018, 7, 20))
    p.reload(select=fund.id)
    return p, log


def _ipswich(page) -> dict:
    return dict(next(c for c in page.data.contributions if c["organisation"] == IPSWICH))


@pytest.mark.parametrize("values, said", [
    ({"amount": "£2,500", "received_on": "01/06/2018"}, ": amount £2,500, received 01/06/2018"),
    ({"note": "second instalment"}, ": note given"),
    ({"organisation": "Babergh District Council"}, ": contributor Babergh District Council"),
])
def test_the_undo_names_what_the_correction_changed(page, values, said):
    page, log = page
    before = _ipswich(page)
    form = page.edit_contribution_form(before)
    for key, value in values.items():
        form.set_value(key, value)
    assert form.save() or form.save(), form.errors
    assert log.undo_text == f"Undo change the contribution of £2,000 from {IPSWICH} to {PILOT}{said}"
    log.undo()
    page.reload()
    assert _ipswich(page)["amount_pence"] == before["amount_pence"] == 200_000
