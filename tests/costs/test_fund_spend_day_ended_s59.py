"""Session 59: a spend line for a fund whose period had ended opened on today's date, which Save then refused.

Keying the last invoices of the Suffolk Target Hardening Pilot after it ended, the Spend line form's Date read today
(outside the fund's period): every line had to have its date typed again before Save took it. It now opens on the
fund's last day (while the fund runs, on today, as before).
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.funds import FundsPresenter


def test_an_ended_funds_spend_line_opens_on_its_last_day(demo_store):
    fund = FundsPresenter(demo_store, today=lambda: date(2026, 12, 5))
    fund.reload()
    last = fund.data.figures.fund.ends_on
    assert last < date(2026, 12, 5)
    assert fund.spend_form().values["spent_on"] == f"{last:%d/%m/%Y}"
    fund.close_form(fund.editor)


def test_a_running_funds_spend_line_opens_on_today(demo_store):
    fund = FundsPresenter(demo_store, today=lambda: date(2018, 7, 3))
    fund.reload()
    assert fund.spend_form().values["spent_on"] == "03/07/2018"
    fund.close_form(fund.editor)
