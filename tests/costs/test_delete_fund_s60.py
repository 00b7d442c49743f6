"""Costs > Pooled funds had no way to delete a fund (session 60): a fund added by mistake ("Targt hardening", a
trial one) stayed in the Fund list, the board report and every export for good. More > Delete fund now deletes a
fund with nothing recorded in it, asked once, as one step of Edit > Undo; a fund with contributions, referrals,
merged spend or budget lines linked to it is refused with the reason, and nothing is deleted."""

from __future__ import annotations

import pytest

from safer_desk.domain.funds import FundError
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import budgets
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"


def _empty_fund(store) -> str:
    return funds.add_fund(store, name="Targt hardening", starts_on="01/04/2025", ends_on="31/03/2026",
                          risk_levels="high")


def _ids(store) -> set[str]:
    return {f.id for f in funds.list_funds(store)}


def test_a_fund_with_nothing_recorded_is_deleted_as_one_undoable_step(demo_store):
    fund = _empty_fund(demo_store)
    log = ActionLog()
    p = FundsPresenter(demo_store, perform=log)
    p.reload(select=fund)
    assert p.more_actions()["delete_fund"]
    assert p.delete_fund_refusal() == ""
    assert p.delete_fund_question() == ("Delete the fund Targt hardening? It has no contributions, referrals or "
                                        "spend.")
    p.delete_fund()
    assert fund not in _ids(demo_store)
    assert log.undo_text == "Undo delete fund Targt hardening"
    assert p.fund is not None and p.fund.id != fund  # the page shows another fund
    log.undo()
    assert fund in _ids(demo_store) and p.fund.id == fund  # back, and shown again
    log.redo()
    assert fund not in _ids(demo_store)


def test_a_fund_with_money_or_referrals_is_refused_with_the_reason(demo_store):
    pilot = funds.fund_by_name(demo_store, PILOT).id
    said = funds.fund_in_use(demo_store, pilot)
    assert said.startswith(f"{PILOT} cannot be deleted: it has ") and "contributions (£20,000)" in said, said
    assert "referrals" in said
    with pytest.raises(FundError, match="cannot be deleted"):
        funds.delete_fund(demo_store, pilot)
    assert pilot in _ids(demo_store)
    p = FundsPresenter(demo_store, perform=ActionLog())
    p.reload(select=pilot)
    assert p.delete_fund_refusal() == said


def test_a_fund_a_budget_line_is_linked_to_is_refused_naming_the_line(demo_store):
    fund = _empty_fund(demo_store)
    plan = budgets.create_plan(demo_store, "Trial plan", columns=["2025/26"])
    section = budgets.add_section(demo_store, plan, "Spend")
    (line,) = budgets.add_lines(demo_store, section, ["Target hardening"])
    budgets.link_line(demo_store, line, fund="Targt hardening")
    said = funds.fund_in_use(demo_store, fund)
    assert "a budget line is linked to it (Trial plan: Target hardening)" in said, said
    with pytest.raises(FundError):
        funds.delete_fund(demo_store, fund)
    assert fund in _ids(demo_store)


def test_more_delete_fund_in_the_window_asks_once_and_refuses_saying_why(demo_window, qtbot, prompts):
    store = demo_window.session.store
    fund = _empty_fund(store)
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    page.fund_combo.setCurrentIndex(page.fund_combo.findData(fund))
    qtbot.waitUntil(lambda: not page.is_busy() and page.data.figures.fund.id == fund, timeout=10000)
    prompts.answers.append(True)
    page.more_actions["delete_fund"].trigger()
    assert prompts.questions == [("Delete fund", "Delete the fund Targt hardening? It has no contributions, "
                                                 "referrals or spend.")]
    qtbot.waitUntil(lambda: not page.is_busy() and page.fund_combo.findData(fund) == -1, timeout=10000)
    assert fund not in _ids(store)
    assert demo_window.undo_action.text() == "&Undo delete fund Targt hardening"
    demo_window.undo_action.trigger()
    qtbot.waitUntil(lambda: not page.is_busy() and page.fund_combo.findData(fund) != -1, timeout=10000)

    page.fund_combo.setCurrentIndex(page.fund_combo.findText(PILOT))
    qtbot.waitUntil(lambda: not page.is_busy() and page.data.figures.fund.name == PILOT, timeout=10000)
    page.more_actions["delete_fund"].trigger()  # refused at once, not asked and then refused
    assert len(prompts.questions) == 1
    assert prompts.errors[-1][0] == "Delete fund" and "cannot be deleted" in prompts.errors[-1][1]

