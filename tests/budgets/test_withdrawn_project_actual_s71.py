"""Session 71: a line linked to a withdrawn or declined project shows no actual, and says why.

Commissioning counts a declined or withdrawn project as committing nothing ("… is withdrawn: it commits nothing
here"), and the board report's Funders' shares counts its shares as nothing (docs/guide/projects.md). A budget line
linked to the IDVA service's cost (£60,000 in 2017/18), withdrawn on 01/06/2017, still showed £60,000 as its actual
(£42,000 more than the paper's £18,000), and a line linked to the OPCC's share showed £20,000: money the partnership
never spent. Such a link now shows no actual, and the line says why ("withdrawn on 01/06/2017: no actual").
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from safer_desk.cli import main
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc
from safer_desk.services.projects import add_projects, get_project, project_from_fields, save_project
from safer_desk.services.report_sections.budgets import plan_table

PLAN = "Community safety budget"


def _plan(store, status: str):
    (project,) = add_projects(store, [project_from_fields({
        "title": "IDVA service", "ref": "4", "cost": "£60,000", "laa_outcome": "yes", "start_date": "01/04/2017",
        "end_date": "31/03/2018", "status": status, "status_date": "01/06/2017",
        "funding_sources": "OPCC (2017/18): £20,000\nHome Office (2017/18): £40,000"})])
    plan = svc.create_plan(store, PLAN, columns=["2017/18", "2018/19"])
    section = svc.add_section(store, plan, "Expenditure")
    cost = svc.add_line(store, section, "IDVA service")
    share = svc.add_line(store, section, "OPCC contribution to the IDVA service")
    svc.set_cell(store, cost, "2017/18", "18,000")
    svc.set_cell(store, share, "2017/18", "20,000")
    svc.link_line(store, cost, project=project)
    svc.link_line(store, share, project=project, measure="share", funder="OPCC")
    return project, plan


def _rows(store, plan):
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    p.select(plan)
    return {r.label: r for r in p.rows if r.kind == "line"}


def test_a_withdrawn_projects_cost_and_share_show_no_actual_and_say_why(store, capsys):
    project, plan = _plan(store, "withdrawn")
    rows = _rows(store, plan)
    for label in ("IDVA service", "OPCC contribution to the IDVA service"):
        row = rows[label]
        assert [c.actual for c in row.cells] == ["", ""], (label, [c.actual for c in row.cells])
        assert "withdrawn on 01/06/2017: no actual" in row.actuals_note, row.actuals_note
    assert rows["IDVA service"].actuals_note.startswith("Project 4. IDVA service: cost: withdrawn on 01/06/2017: no "
                                                        "actual"), rows["IDVA service"].actuals_note
    assert "withdrawn on 01/06/2017: no actual" in plan_table(svc.plan_view(store, plan)).note  # the board report
    assert main(["budget", str(store.path), PLAN, "--actuals"]) == 0
    out = capsys.readouterr()
    cli = {r["line"]: r for r in csv.DictReader(io.StringIO(out.out)) if r["year"] == "2017/18"}
    assert cli["IDVA service"]["actual"] == "" and "withdrawn on 01/06/2017: no actual" in out.err


def test_a_declined_project_likewise_and_one_going_ahead_again_counts(store):
    project, plan = _plan(store, "declined")
    assert "declined on 01/06/2017: no actual" in _rows(store, plan)["IDVA service"].actuals_note
    save_project(store, replace(get_project(store, project), status="live"))
    rows = _rows(store, plan)
    assert rows["IDVA service"].cells[0].actual == "£60,000"
    assert rows["OPCC contribution to the IDVA service"].cells[0].actual == "£20,000"
    assert "no actual" not in rows["IDVA service"].actuals_note
