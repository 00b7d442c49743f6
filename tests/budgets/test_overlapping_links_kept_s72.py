"""Session 72: links that overlap on one line, held from before their refusals, count neither and say so.

Two more pairs are refused when linked, but a file linked before the refusal (or a county file whose offices each
linked the line) holds them, and the line added them up without a word:
- a fund's contributions from every organisation beside Babergh's alone: seed 002's target-hardening line read
  £22,000 in 2018/19, the £20,000 every organisation put in and Babergh's £2,000 of it again;
- a project's whole cost beside one funder's share of it: the IDVA service's £60,000 and the OPCC's £20,000 of it
  read £80,000.
As with a fund's spend beside its contributions, the two count nothing on that line and it says which and how to
choose (unlink the one that should not count); the line's other links still count.
"""

from __future__ import annotations

from safer_desk.domain.ids import new_id
from safer_desk.services import budgets as svc
from safer_desk.services.demo_data import budgets as demo
from safer_desk.services.projects import add_projects, project_from_fields

LINE = "Target Hardening for High Risk DV Victims"


def _kept(store, line, *, project=None, fund=None, measure, organisation=None, funder=""):
    """A link as a version before the refusal stored it."""
    org = store.scalar("SELECT id FROM organisations WHERE name = ?", (organisation,)) if organisation else None
    with store.transaction():
        store.conn.execute("INSERT INTO budget_line_links(id, line_id, project_id, fund_id, case_id, measure, "
                           "organisation_id, funder) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)",
                           (new_id(), line, project, fund, measure, org, funder))


def _row(store, plan, label):
    return next(r for r in svc.plan_view(store, plan).rows if r.label == label)


def test_every_organisations_contributions_beside_one_organisations(demo_store):
    plan = svc.plan_id_by_name(demo_store, demo.IMPLICATIONS)
    row = _row(demo_store, plan, LINE)
    assert sorted(k.organisation for k in row.links) == ["Babergh District Council", "Mid Suffolk District Council"]
    babergh = next(k for k in row.links if k.organisation.startswith("Babergh"))
    svc.unlink_line(demo_store, next(k.id for k in row.links if k.organisation.startswith("Mid")))
    _kept(demo_store, row.line_id, fund=babergh.target_id, measure="contributions")
    row = _row(demo_store, plan, LINE)
    assert [a.pence for a in row.actuals] == [None, None, None], [a.text for a in row.actuals]
    assert ("Fund Suffolk Target Hardening Pilot: contributions from every organisation are linked beside those "
            "from Babergh District Council alone: added, Babergh District Council's would count twice, so neither "
            "counts. Unlink the one that should not count (right-click the line).") in row.actuals_note, \
        row.actuals_note


def test_a_projects_whole_cost_beside_a_funders_share(store):
    (project,) = add_projects(store, [project_from_fields({
        "title": "IDVA service", "ref": "4", "cost": "£60,000", "laa_outcome": "yes", "start_date": "01/04/2017",
        "end_date": "31/03/2018", "funding_sources": "OPCC (2017/18): £20,000\nHome Office (2017/18): £40,000"})])
    plan = svc.create_plan(store, "Community safety budget", columns=["2017/18"])
    section = svc.add_section(store, plan, "Expenditure")
    line = svc.add_line(store, section, "IDVA service")
    other = svc.add_line(store, section, "Home Office grant")
    svc.set_cell(store, line, "2017/18", "20,000")
    svc.link_line(store, line, project=project, measure="share", funder="OPCC")
    svc.link_line(store, other, project=project, measure="share", funder="Home Office")
    _kept(store, line, project=project, measure="cost")
    row = _row(store, plan, "IDVA service")
    assert [a.pence for a in row.actuals] == [None], [a.text for a in row.actuals]
    assert ("Project 4. IDVA service: its whole cost is linked beside OPCC's share of it: added, the share would count "
            "twice, so neither counts. Unlink the one that should not count (right-click the line).") in \
        row.actuals_note, row.actuals_note
    assert [a.pence for a in _row(store, plan, "Home Office grant").actuals] == [40_000_00]  # untouched
