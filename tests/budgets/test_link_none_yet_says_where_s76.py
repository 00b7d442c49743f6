"""Link line… on a new file, walked as docs/guide/budgets.md's *Links* tells it: the Which list was empty for a
review, a pooled fund and a project alike, and Link said only "choose the project, pooled fund or review the line …
is linked to", though there was none to choose. The list and the refusal now say the file has none yet and where
one is added."""

from __future__ import annotations

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import LINK_NONE_WHERE, LINK_NONE_YET, BudgetsPresenter
from safer_desk.services import budgets as svc
from safer_desk.storage.store import open_store


def _plan(store):
    plan = svc.create_plan(store, "CSP budget", columns=["2026/27"])
    return plan, svc.add_line(store, svc.add_section(store, plan, "Expenditure"), "Youth work")


@pytest.mark.parametrize("kind, words", [("review", "no reviews yet: add one on Costs with New case…"),
                                         ("fund", "no pooled funds yet: add one on Costs, Pooled funds, More > "
                                                  "New fund…"),
                                         ("project", "no projects yet: add one on Projects with Add project")])
def test_linking_with_none_to_choose_says_where_one_is_added(store, kind, words):
    plan, line = _plan(store)
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    p.select(plan)
    assert LINK_NONE_YET[kind].startswith("(none yet: ")
    assert not p.link_line(line, kind, None)
    assert p.error == f"Link: this file has {words}, so there is none to link “Youth work” to yet."


def test_with_one_to_choose_the_refusal_is_as_before(demo_store):
    p = BudgetsPresenter(demo_store, perform=ActionLog())
    p.reload()
    row = next(r for r in p.rows if r.kind == "line")
    assert not p.link_line(row.line_id, "review", None)
    assert p.error.startswith("Link: choose the project, pooled fund or review")


def test_the_dialog_shows_none_yet_greyed(qtbot, window, tmp_path):
    store = open_store(tmp_path / "office.sqlite", create=True)
    try:
        plan, line = _plan(store)
    finally:
        store.close()
    assert window.open_path(tmp_path / "office.sqlite")
    tab = window.show_tab("budgets")
    tab.presenter.select(plan)
    dialog = tab.link_line(next(r for r in tab.presenter.rows if r.kind == "line"))
    qtbot.waitUntil(dialog.isVisible)
    for kind in ("review", "fund", "project"):
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        assert dialog.target.count() == 1 and dialog.target.itemText(0) == LINK_NONE_YET[kind]
        assert not dialog.target.model().item(0).isEnabled() and dialog.target.itemData(0) is None
        assert dialog.target.toolTip() == f"This file has {LINK_NONE_WHERE[kind]}."
    dialog.link()
    assert dialog.message.isVisibleTo(dialog) and "no projects yet" in dialog.message.text()
    dialog.reject()
