"""Session 70: a plan's line for one funder's contribution to a project, linked to that funder's share.

The papers' budgets have lines like "OPCC contribution to the IDVA service £20,000" where the project costs £60,000
shared by three funders. A line could be linked to the project's whole cost only, so its actual read £60,000 beside
the £20,000 planned: an overspend of £40,000 that never was. A link may now count one funder's share (schema step
34); a share taken out of the project, or its funder renamed, leaves the link saying so, not a silent £0.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from safer_desk.domain.budgets import BudgetError
from safer_desk.services import budgets as svc
from safer_desk.domain.projects import read_line_amount
from safer_desk.services.projects import (CostLine, FundingSource, add_projects, get_project, project_from_fields,
                                          save_project)

LINE = "OPCC contribution to the IDVA service"
SHARES = "OPCC (2017/18): £20,000\nHome Office (2017/18): £25,000\nSuffolk County Council (2017/18): £15,000"


def _plan(store, shares: str = SHARES, **fields):
    (project,) = add_projects(store, [project_from_fields({
        "title": "IDVA service", "ref": "4", "cost": "£60,000", "laa_outcome": "yes", "start_date": "01/04/2017",
        "funding_sources": shares, **fields})])
    plan = svc.create_plan(store, "Community safety budget", columns=["2017/18", "2018/19"])
    line = svc.add_line(store, svc.add_section(store, plan, "Expenditure"), LINE)
    svc.set_cell(store, line, "2017/18", "20,000")
    return plan, line, project


def _row(store, plan):
    return next(r for r in svc.plan_view(store, plan).rows if r.label == LINE)


def test_a_line_linked_to_one_funders_share_shows_that_share_not_the_whole_cost(store):
    plan, line, project = _plan(store)
    svc.link_line(store, line, project=project, measure="share", funder="O.P.C.C.")  # as a paper prints it
    row = _row(store, plan)
    (link,) = row.links
    assert (link.measure, link.funder) == ("share", "OPCC")  # as the project's funding sources spell it
    assert link.describe() == "OPCC's share of project 4. IDVA service"
    assert [c.pence for c in row.actuals] == [20_000_00, None]  # not £60,000
    assert row.actuals_note == ""


def test_a_share_with_no_year_falls_as_the_projects_cost_does(store):
    plan, line, project = _plan(store, "OPCC: £20,000\nHome Office: £40,000")
    save_project(store, replace(get_project(store, project), cost_lines=tuple(
        CostLine(year, "staff", "", read_line_amount("£30,000")) for year in ("2017/18", "2018/19"))))
    svc.link_line(store, line, project=project, measure="share", funder="OPCC")
    assert [c.pence for c in _row(store, plan).actuals] == [10_000_00, 10_000_00]


def test_a_share_taken_out_or_its_funder_renamed_is_said_not_a_silent_nothing(store):
    plan, line, project = _plan(store)
    svc.link_line(store, line, project=project, measure="share", funder="OPCC")
    p = get_project(store, project)
    renamed = tuple(replace(s, source="Police and Crime Commissioner") if s.source == "OPCC" else s
                    for s in p.funding_sources)
    save_project(store, replace(p, funding_sources=renamed))
    row = _row(store, plan)
    assert [c.pence for c in row.actuals] == [None, None]
    assert row.actuals_note.startswith("OPCC's share of project 4. IDVA service: the project has no share from OPCC "
                                       "any more (its funders now are Police and Crime Commissioner, Home Office, "
                                       "Suffolk County Council")
    save_project(store, replace(p, funding_sources=(FundingSource("OPCC", None, "Tbc", "2017/18"),)))
    assert "the share is not known yet (Tbc)" in _row(store, plan).actuals_note


def test_a_funder_with_no_share_or_a_share_beside_the_whole_cost_is_refused(store):
    plan, line, project = _plan(store)
    with pytest.raises(BudgetError, match="has no share from Lottery: its funders are OPCC, Home Office"):
        svc.link_line(store, line, project=project, measure="share", funder="Lottery")
    with pytest.raises(BudgetError, match="only for a project's share"):
        svc.link_line(store, line, project=project, funder="OPCC")
    svc.link_line(store, line, project=project, measure="share", funder="OPCC")
    with pytest.raises(BudgetError, match="count that share twice"):
        svc.link_line(store, line, project=project)
    with pytest.raises(BudgetError, match="already linked"):
        svc.link_line(store, line, project=project, measure="share", funder="opcc")
    assert len(svc.line_links(store, plan)[line]) == 1
    (bare,) = add_projects(store, [project_from_fields({"title": "Outreach", "ref": "5", "laa_outcome": "yes"})])
    with pytest.raises(BudgetError, match="Outreach has no funding sources yet: give each funder's share"):
        svc.link_line(store, line, project=bare, measure="share", funder="")
    with pytest.raises(BudgetError, match="whose share of the project IDVA service the line counts: OPCC, Home"):
        svc.link_line(store, line, project=project, measure="share")


def test_the_table_refuses_a_share_without_its_funder_or_of_a_fund(store):
    plan, line, project = _plan(store)
    for values in ((project, None, "share", ""), (project, None, "cost", "OPCC")):
        with pytest.raises(sqlite3.IntegrityError):
            store.conn.execute("INSERT INTO budget_line_links(id, line_id, project_id, fund_id, measure, funder) "
                               "VALUES ('x', ?, ?, ?, ?, ?)", (line, *values))


def test_link_line_offers_each_funders_share_of_the_project_and_the_grid_shows_it(qtbot, window, tmp_path):
    from PySide6.QtCore import Qt

    from safer_desk.storage.store import open_store

    path = tmp_path / "office.sqlite"
    made = open_store(path, create=True, office_name="Babergh office")
    try:
        plan, line, project = _plan(made)
    finally:
        made.close()
    assert window.open_path(path)
    window.resize(1280, 800)
    window.show()
    tab = window.show_tab("budgets")
    tab.presenter.select(plan)
    row = next(r for r in tab.presenter.rows if r.label == LINE)
    dialog = tab.link_line(row)
    qtbot.waitUntil(dialog.isVisible)
    dialog.kind.setCurrentIndex(dialog.kind.findData("project"))
    dialog.measure.setCurrentIndex(dialog.measure.findData("share"))
    assert dialog.measure.currentText() == "One funder's share of it"
    offered = [dialog.organisation.itemText(i) for i in range(dialog.organisation.count())]
    assert offered == ["OPCC's share of 4. IDVA service", "Home Office's share of 4. IDVA service",
                       "Suffolk County Council's share of 4. IDVA service"]
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    store = window.session.store
    (link,) = svc.line_links(store, plan)[line]
    assert (link.measure, link.funder) == ("share", "OPCC")
    assert window.session.undo_stack.undoText() == (
        f"Link line {LINE} to OPCC's share of project 4. IDVA service in plan Community safety budget")
    shown = next(r for r in tab.presenter.rows if r.label == LINE)
    assert [c.actual.replace("£", "") for c in shown.cells] == ["20,000", ""]  # beside the £20,000, not £60,000
    assert "Linked to OPCC's share of project 4. IDVA service" in shown.label_tip


def test_the_board_report_says_whose_share_the_actual_is_and_when_it_is_gone(store):
    from safer_desk.services.report_sections.budgets import plan_table

    plan, line, project = _plan(store)
    svc.link_line(store, line, project=project, measure="share", funder="OPCC")
    table = plan_table(svc.plan_view(store, plan))
    actual = next(r for r in table.rows if r[0].strip().startswith("actual:"))
    assert actual[0].strip() == "actual: OPCC's share of project 4. IDVA service"
    assert "20,000" in " ".join(actual[1:]) and "60,000" not in " ".join(actual[1:])
    p = get_project(store, project)
    save_project(store, replace(p, funding_sources=p.funding_sources[1:]))
    table = plan_table(svc.plan_view(store, plan))
    assert not any(r[0].strip().startswith("actual:") for r in table.rows)
    assert f"{LINE}, actual: OPCC's share of project 4. IDVA service: the project has no share from OPCC any more" in (
        table.note)
