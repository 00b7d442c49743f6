"""Session 71: a line linked to a funder's share of a project whose share is part known, seed 003's £110,000 of the
OPCC's money for the Plymouth domestic abuse contract with a second tranche still "Tbc", showed an actual of
£110,000 and said nothing, as if that were the whole share; Commissioning says such a share is "part known" and never
drops the part not known. The line's tooltip, the board report and `budget --actuals` now say the actual counts the
known part only (a share all in words was said already)."""

from __future__ import annotations

from dataclasses import replace

from safer_desk.services import budgets as svc
from safer_desk.services.projects import FundingSource, add_projects, get_project, project_from_fields, save_project
from safer_desk.services.report_sections.budgets import plan_table

LINE = "OPCC contribution to the domestic abuse contract"


def test_a_share_part_known_says_its_actual_is_the_known_part(store):
    (project,) = add_projects(store, [project_from_fields({
        "title": "Plymouth Domestic Abuse contract", "ref": "P1", "cost": "£501,753", "laa_outcome": "yes",
        "start_date": "01/04/2017", "funding_sources": "OPCC (2017/18): £110,000"})])
    plan = svc.create_plan(store, "Safer Plymouth budget", columns=["2017/18"])
    line = svc.add_line(store, svc.add_section(store, plan, "Expenditure"), LINE)
    svc.set_cell(store, line, "2017/18", "£150,000")
    svc.link_line(store, line, project=project, measure="share", funder="OPCC")
    p = get_project(store, project)
    save_project(store, replace(p, funding_sources=(*p.funding_sources,
                                                    FundingSource("OPCC", None, "Tbc", "2017/18"))))
    view = svc.plan_view(store, plan)
    (row,) = [r for r in view.rows if r.links]
    assert [a.pence for a in row.actuals] == [110_000_00]
    assert row.actuals_note == ("OPCC's share of project P1. Plymouth Domestic Abuse contract: part of the share is "
                                "not known yet (Tbc), so the line's actual counts the known part only.")
    assert row.actuals_note in plan_table(view).note
    assert svc.actuals_notes_for(store) == [f"Safer Plymouth budget: {LINE}, actual: {row.actuals_note}"]
