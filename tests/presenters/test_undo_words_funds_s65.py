"""Session 65 (hist): Edit > Undo and the History of Changes say what a fund's spend line or catalogue item step did.

Found by adding a spend line for TH-2018-001 and saving a catalogue item on the fund page, then opening the Edit
menu: it read "Undo spend line for TH-2018-001 in Suffolk Target Hardening Pilot" and "Undo catalogue item Door
chain", where every other step of the page says what it did ("Undo add referral …", "Undo change the spend line …",
"Undo delete catalogue item …"). The History of Changes' Action column read the same, so an auditor could not tell an
item added from its price changed, nor one spend line added from another.
"""

from __future__ import annotations

import csv
from datetime import date

import pytest

from safer_desk.domain.money import format_money
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.presenters.history import HistoryPresenter, history_lines
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"


@pytest.fixture
def log():
    return ActionLog()


@pytest.fixture
def fund_page(demo_store, log):
    page = FundsPresenter(demo_store, perform=log, today=lambda: date(2018, 7, 3))
    page.reload()
    assert page.fund.name == PILOT
    return page


def test_a_spend_line_added_is_named_add_with_its_item_and_amount(fund_page, demo_store, log):
    form = fund_page.spend_form({"reference": "TH-2018-001"})
    form.set_value("item", "Door chain")
    form.set_value("amount", "27.50")
    assert form.save(), (form.errors, form.form_message)
    said = f"Add Door chain (£27.50) for TH-2018-001 to {PILOT}"
    assert log.undo_text == f"Undo {said[0].lower()}{said[1:]}"
    assert history_lines(demo_store)[0].action == said


def test_a_spend_line_at_the_usual_price_names_that_price(fund_page, demo_store, log):
    usual = funds.item_by_name(demo_store, "Door chain")["usual_price_pence"]
    form = fund_page.spend_form({"reference": "TH-2018-001"})
    form.set_value("item", "Door chain")
    assert form.save(), (form.errors, form.form_message)
    assert log.undo_text == f"Undo add Door chain ({format_money(usual)}) for TH-2018-001 to {PILOT}"


def test_a_catalogue_item_added_or_changed_says_which(fund_page, demo_store, log):
    form = fund_page.item_form()
    form.set_value("name", "Smart doorbell camera")
    form.set_value("usual_price", "89")
    assert form.save(), (form.errors, form.form_message)
    assert log.undo_text == "Undo add catalogue item Smart doorbell camera"
    item = funds.item_by_name(demo_store, "Door chain")
    form = fund_page.item_form(item)
    form.set_value("usual_price", "31")
    assert form.save(), (form.errors, form.form_message)
    assert log.undo_text == "Undo change catalogue item Door chain: usual price £31"  # s73: what it changed
    assert [line.action for line in history_lines(demo_store)[:2]] == [
        "Change catalogue item Door chain: usual price £31", "Add catalogue item Smart doorbell camera"]


def test_the_export_leaves_the_spend_line_s_reference_and_amount_out_of_its_name(fund_page, demo_store, tmp_path):
    form = fund_page.spend_form({"reference": "TH-2018-001"})
    form.set_value("item", "Door chain")
    form.set_value("amount", "27.50")
    assert form.save(), (form.errors, form.form_message)
    presenter = HistoryPresenter(demo_store)
    target = presenter.export(tmp_path / "history.csv", presenter.load()[:1])
    with target.open(encoding="utf-8-sig", newline="") as fh:
        text = "\n".join(",".join(row) for row in csv.reader(fh))
    assert "TH-2018-001" not in text and "27.50" not in text, text
    assert f"Add Door chain (amount left out) for (reference left out) to {PILOT}" in text
