"""A year's board report counts the award's shares for that year of every project drawn on it, however the project
is dated (docs/guide/exchange.md). A project with no dates of its own (pasted, or merged, with no start date and an
undated status) but a share dated 2017/18 was left out of the 2017/18 report's award table: P2's £25,000 of the PCC's
money went back to what is "left" (£192,068 instead of £167,068), while the report for all years and Commissioning
against 2017/18 counted it."""

from __future__ import annotations

from dataclasses import replace

from safer_desk.services import projects as svc
from safer_desk.services.report import build_report

PCC = "PCC grant to Safer Plymouth 2017-19"


def _pcc_2017(store, year):
    (table,) = [t for s in build_report(store, area="Plymouth", year=year).sections for t in s.tables
                if t.title.startswith(f"{PCC}: 2017/18")]
    return table


def _undate(store, ref):
    project = next(p for p in svc.load_projects(store) if p.ref == ref)
    svc.save_project(store, replace(project, status_history=(), start_date=None, end_date=None), loaded=project)


def test_an_undated_projects_dated_share_counts_in_its_years_report(demo_store):
    _undate(demo_store, "P2")
    said = "OPCC's shares come to £233,500 of the £400,568 awarded for 2017/18: £167,068 left."
    assert said in _pcc_2017(demo_store, None).note
    table = _pcc_2017(demo_store, "2017/18")
    assert said in table.note
    assert [r for r in table.rows if r[0] == "P2"]
