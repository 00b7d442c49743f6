"""S72 (fundsui): the undo of a corrected spend line says what the correction changed.

A Door chain (£10) keyed for TH-2018-001 on 03/07/2018 without its invoice, then corrected with Edit spend line…
(the amount £12.51 on the invoice INV-77): Edit > Undo read "Undo change the spend line Door chain (£10) for
TH-2018-001 in Suffolk Target Hardening Pilot", the same whichever of its date, item, amount, supplier or invoice was
corrected, so the officer could not tell what it would put back; a referral's correction says its changes ("…: at
MARAC no, reason to accept given"). It now ends ": amount £12.51, invoice given"; the supplier and invoice, free text,
are named only, as the referral's reason is.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"
UNDO = f"Undo change the spend line Door chain (£10) for TH-2018-001 in {PILOT}"


@pytest.fixture
def page(demo_store):
    fund = funds.fund_by_name(demo_store, PILOT)
    referral = next(r for r in funds.list_referrals(demo_store, fund.id) if r["reference"] == "TH-2018-001")
    funds.add_spend_line(demo_store, referral["id"], spent_on="03/07/2018", item="Door chain", amount="£10")
    log = ActionLog()
    p = FundsPresenter(demo_store, perform=log, today=lambda: date(2018, 7, 20))
    p.reload(select=fund.id)
    return p, log


def _line(page) -> dict:
    return dict(next(r for r in page.data.lines if r["reference"] == "TH-2018-001" and r["amount_pence"] == 1000
                     and r["spent_on"] == "2018-07-03"))


def _correct(page, log, **values) -> str:
    form = page.edit_spend_form(_line(page))
    for key, value in values.items():
        form.set_value(key, value)
    assert form.save() or form.save(), form.errors
    text = log.undo_text
    log.undo()
    page.reload()
    return text


@pytest.mark.parametrize("values, said", [
    ({"amount": "12.51", "invoice_ref": "INV-77"}, ": amount £12.51, invoice given"),
    ({"spent_on": "04/07/2018"}, ": date 04/07/2018"),
    ({"item": "Personal alarm", "amount": "£10"}, ": item Personal alarm"),
    ({"supplier": "Locks Direct Ltd"}, ": supplier changed"),
])
def test_the_undo_names_what_the_correction_changed(page, values, said):
    page, log = page
    assert _correct(page, log, **values) == UNDO + said
    assert _line(page)["amount_pence"] == 1000  # each undone
