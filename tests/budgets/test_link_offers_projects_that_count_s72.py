"""Session 72: Link line… offers the projects whose actual can count; one declined or withdrawn is greyed, saying why.

A line linked to a withdrawn or declined project shows no actual (Commissioning and the board report count nothing
for it), but Link line… offered such a project beside the rest: the officer linked "Sanctuary scheme", withdrawn on
01/06/2017, and learnt only from the line's tooltip afterwards that it showed nothing. The list now offers the
projects going ahead, and shows the others greyed at its end with the reason ("5. Sanctuary scheme (withdrawn on
01/06/2017: no actual)"); asked to link one all the same, it says why not and links nothing.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc
from safer_desk.services.projects import add_projects, project_from_fields
from safer_desk.storage.store import open_store

PLAN = "Community safety budget 2017/18"
LINE = "Sanctuary scheme"


def _made(store):
    ids = {}
    for ref, title, status in (("4", "IDVA service", "live"), ("5", "Sanctuary scheme", "withdrawn"),
                               ("6", "Street pastors", "declined")):
        (ids[title],) = add_projects(store, [project_from_fields({
            "title": title, "ref": ref, "cost": "£12,000", "laa_outcome": "yes", "start_date": "01/04/2017",
            "status": status, "status_date": "01/06/2017"})])
    plan = svc.create_plan(store, PLAN, columns=["2017/18"])
    line = svc.add_line(store, svc.add_section(store, plan, "Expenditure"), LINE)
    return ids, plan, line


def test_the_presenter_offers_projects_going_ahead_and_refuses_one_withdrawn(store):
    ids, plan, line = _made(store)
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    p.select(plan)
    assert p.link_choices()["project"] == [(ids["IDVA service"], "4. IDVA service")]
    assert p.projects_held_back == [(ids["Sanctuary scheme"], "5. Sanctuary scheme", "withdrawn on 01/06/2017"),
                                    (ids["Street pastors"], "6. Street pastors", "declined on 01/06/2017")]
    assert not p.link_line(line, "project", ids["Sanctuary scheme"])
    assert p.error.startswith("Link: 5. Sanctuary scheme was withdrawn on 01/06/2017"), p.error
    assert "would show no actual" in p.error
    assert svc.line_links(store, plan).get(line, []) == []
    assert p.link_line(line, "project", ids["IDVA service"])


@pytest.fixture
def path(tmp_path):
    store = open_store(tmp_path / "office.sqlite", create=True)
    try:
        made = _made(store)
    finally:
        store.close()
    return tmp_path / "office.sqlite", made


def test_the_dialog_greys_a_withdrawn_project_with_why(qtbot, window, path):
    file, (ids, plan, line) = path
    assert window.open_path(file)
    tab = window.show_tab("budgets")
    tab.presenter.select(plan)
    row = next(r for r in tab.presenter.rows if r.label == LINE)
    dialog = tab.link_line(row)
    qtbot.waitUntil(dialog.isVisible)
    dialog.kind.setCurrentIndex(dialog.kind.findData("project"))
    target = dialog.target
    texts = [target.itemText(i) for i in range(target.count())]
    assert texts == ["4. IDVA service", "5. Sanctuary scheme (withdrawn on 01/06/2017: no actual)",
                     "6. Street pastors (declined on 01/06/2017: no actual)"]
    enabled = [target.model().item(i).isEnabled() for i in range(target.count())]
    assert enabled == [True, False, False]
    assert target.currentIndex() == 0
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_Down)  # the keyboard passes the greyed ones by
    assert target.currentIndex() == 0
    dialog.reject()
