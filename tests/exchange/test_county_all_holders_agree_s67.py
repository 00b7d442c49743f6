"""A row every office holds, changed alike by every one of them, is no conflict (DESIGN §3: the same data from two
offices is never a conflict).

Found merging six Suffolk offices that started from one file: each office changed a county-wide project's cost to
the same £2,500 (the county lead's letter to them all). The first office's file raised a conflict, fairly: the others
still said "not stated". But once every office that holds the project had sent £2,500, the county still held
"not stated", with one conflict per office, each "cost not stated in the county file, sent alike by Babergh office,
Ipswich office and Mid Suffolk office; £2,500 from …": a version no office sends any more, kept over the one they
all send, for the county lead to decide by hand, office by office.
"""

from __future__ import annotations

import pytest

from safer_desk.presenters.history import history_lines
from safer_desk.services import projects as ps
from safer_desk.services.county import list_conflicts, resolve_conflicts
from safer_desk.services.projects import Project, add_projects
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template

OFFICES = ("Babergh", "Ipswich", "Mid Suffolk")


def _offices(tmp_path):
    start = template(tmp_path, months=["2025-01"])
    store = open_store(start)
    try:
        add_projects(store, [Project(id="p-county", title="County awareness plan", areas=("Countywide",))])
    finally:
        store.close()
    return {name: office_from(start, tmp_path / f"{name}.sqlite", f"{name} office", districts=[name])
            for name in OFFICES}


def _send(offices, tmp_path, tag):
    return [export(store, tmp_path / f"{name}-{tag}.sqlite") for name, store in offices.items()]


def _cost_to(store, text: str) -> None:
    """The office keys the county-wide project's cost."""
    p = ps.get_project(store, "p-county")
    ps.save_project(store, ps.project_from_fields({**ps.project_fields(p), "cost": text}, base=p))


def _cost(store, title="County awareness plan"):
    return store.conn.execute("SELECT cost_min_pence FROM projects WHERE title = ?", (title,)).fetchone()[0]


@pytest.fixture
def offices(tmp_path):
    """The three offices' files, each from one start holding the county-wide project."""
    held = _offices(tmp_path)
    yield held
    for store in held.values():
        store.close()


@pytest.fixture
def county(tmp_path):
    store = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    yield store
    store.close()


def test_a_row_every_holder_now_sends_alike_is_taken_with_no_conflict(offices, county, tmp_path):
    merge(county, _send(offices, tmp_path, "1"))
    for store in offices.values():
        _cost_to(store, "£2,500")
    second = _send(offices, tmp_path, "2")
    merge(county, second[:2])
    assert len(list_conflicts(county)) == 2  # Mid Suffolk office still says "not stated": a disagreement
    report = merge(county, second[2:])
    assert list_conflicts(county) == []
    assert _cost(county) == 250_000
    said = " ".join(report.merged[-1].conflict_notes)
    assert "County awareness plan" in said and "every office that holds it now sends" in said
    # the History of Changes says it as the summary did (no decision of the county lead's)
    told = [d for line in history_lines(county) for d in line.details if "every office that holds" in d]
    assert told and told[0].startswith("Project 'County awareness plan': every office that holds it"), told
    # and a file sent again changes nothing, nor raises the disagreement again
    merge(county, second)
    assert list_conflicts(county) == [] and _cost(county) == 250_000


def test_a_row_only_some_holders_change_stays_a_conflict(offices, county, tmp_path):
    merge(county, _send(offices, tmp_path, "1"))
    for name in OFFICES[:2]:
        _cost_to(offices[name], "£2,500")
    merge(county, _send(offices, tmp_path, "2"))
    assert len(list_conflicts(county)) == 2 and _cost(county) is None


def test_the_county_lead_s_decision_against_that_version_stands(offices, county, tmp_path):
    merge(county, _send(offices, tmp_path, "1"))
    for store in offices.values():
        _cost_to(store, "£2,500")
    second = _send(offices, tmp_path, "2")
    merge(county, second[:1])
    [babergh] = list_conflicts(county)
    resolve_conflicts(county, "county", which=babergh.id)  # the lead keeps "not stated" against £2,500
    merge(county, second[1:])
    assert _cost(county) is None
    merge(county, second)
    assert _cost(county) is None
