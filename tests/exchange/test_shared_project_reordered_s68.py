"""A shared project whose lead officers two offices both put in another order, and nothing else (s68).

Babergh and Ipswich offices hold one county-wide project (from one start) with its officers Ann Lee, then Bob Ray.
Both put Bob Ray first. Babergh's file raises a conflict (Ipswich still sends the old order: fair); Ipswich's file then
sends the same order, so the county takes it and closes both conflicts. Its summary said so, but also said "2 rows
held with conflict #2 (Project 'County awareness plan'), not counted above: 2 project officers of Ipswich office's
version, which come in with it if it is kept": a conflict closed in the same breath, rows already in.
"""

from __future__ import annotations

import pytest

from safer_desk.services import projects as ps
from safer_desk.services.county import list_conflicts
from safer_desk.services.projects import Officer, Project, add_projects
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template

OFFICES = ("Babergh", "Ipswich")


@pytest.fixture
def offices(tmp_path):
    start = template(tmp_path, months=["2025-01"])
    store = open_store(start)
    try:
        add_projects(store, [Project(id="p-county", title="County awareness plan", areas=("Countywide",), officers=(
            Officer("Ann Lee", "Lead", "Suffolk County Council"), Officer("Bob Ray", "Deputy", "Suffolk Police")))])
    finally:
        store.close()
    held = {n: office_from(start, tmp_path / f"{n}.sqlite", f"{n} office", districts=[n]) for n in OFFICES}
    yield held
    for store in held.values():
        store.close()


@pytest.fixture
def county(tmp_path):
    store = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    yield store
    store.close()


def _reorder(store) -> None:
    p = ps.get_project(store, "p-county")
    fields = ps.project_fields(p)
    fields["officers"] = "\n".join(reversed(fields["officers"].split("\n")))
    ps.save_project(store, ps.project_from_fields(fields, base=p), loaded=p)


def _officers(store) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT name FROM project_officers WHERE project_id = 'p-county' "
                                             "ORDER BY position")]


def test_both_offices_reordering_alike_is_taken_and_said_once(offices, county, tmp_path):
    merge(county, [export(s, tmp_path / f"{n}-1.sqlite") for n, s in offices.items()])
    for store in offices.values():
        _reorder(store)
    first = merge(county, [export(offices["Babergh"], tmp_path / "Babergh-2.sqlite")])
    [c] = first.conflicts
    assert "the same lines in another order" in c.detail
    report = merge(county, [export(offices["Ipswich"], tmp_path / "Ipswich-2.sqlite")])
    assert list_conflicts(county) == [] and report.conflicts == []
    assert _officers(county) == ["Bob Ray", "Ann Lee"]
    notes = report.merged[0].conflict_notes
    assert any("every office that holds it now sends the same version" in n for n in notes), notes
    assert not any("held with conflict" in n for n in notes), notes
    assert "held with conflict" not in report.text()


def test_one_office_reordering_is_a_conflict_the_county_keeps_its_order(offices, county, tmp_path):
    merge(county, [export(s, tmp_path / f"{n}-1.sqlite") for n, s in offices.items()])
    _reorder(offices["Babergh"])
    report = merge(county, [export(s, tmp_path / f"{n}-2.sqlite") for n, s in offices.items()])
    [c] = report.conflicts
    assert "the same lines in another order" in c.detail
    assert _officers(county) == ["Ann Lee", "Bob Ray"]
