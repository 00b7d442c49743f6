"""The board report's Funders' shares keep counting a completed project's share against its award: its money was
spent. Marking P1 (the PCC's £110,000 of the Plymouth Domestic Abuse contract) completed gave the £110,000 back to
the award ("£123,500 of the £400,568 … £277,068 left"), telling the board money was free that was spent. Declined
and withdrawn projects still count nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from safer_desk.services import projects as svc
from safer_desk.services.report import build_report

PCC = "PCC grant to Safer Plymouth 2017-19"


def _pcc_2017(store):
    (table,) = [t for s in build_report(store, area="Plymouth").sections for t in s.tables
                if t.title.startswith(f"{PCC}: 2017/18")]
    return table


def _mark(store, ref, status):
    project = next(p for p in svc.load_projects(store) if p.ref == ref)
    svc.save_project(store, replace(project, status=status), loaded=project)


@pytest.mark.parametrize("status", ["commissioned", "live", "completed"])
def test_a_spent_share_stays_counted_against_the_award(demo_store, status):
    _mark(demo_store, "P1", status)
    table = _pcc_2017(demo_store)
    assert "OPCC's shares come to £233,500 of the £400,568 awarded for 2017/18: £167,068 left." in table.note
    (p1,) = [r for r in table.rows if r[0] == "P1"]
    assert p1[-1] == status.capitalize()


@pytest.mark.parametrize("status", ["declined", "withdrawn"])
def test_a_share_of_a_project_not_going_ahead_counts_nothing(demo_store, status):
    _mark(demo_store, "P1", status)
    table = _pcc_2017(demo_store)
    assert "OPCC's shares come to £123,500 of the £400,568 awarded for 2017/18: £277,068 left." in table.note
    assert not [r for r in table.rows if r[0] == "P1"]
