"""The register's export writes a project's Cost note beside a stated cost, so the rows paste back whole: the note
went out only where no cost was stated (in the Cost column), and "match funded: SCC pays the first £25,000" beside
Homeshield Plus's £125,000 was lost on the way to another file."""

import csv
from dataclasses import replace

from safer_desk.services import projects as svc
from safer_desk.storage.store import open_store

NOTE = "match funded: SCC pays the first £25,000"


def _round_trip(store, projects, tmp_path):
    """The projects exported to CSV as Export… writes them, and pasted into a new file."""
    svc.export_register(store, tmp_path / "r.csv", projects)
    with (tmp_path / "r.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    new = open_store(tmp_path / "new.sqlite", create=True)
    try:
        for p in svc.projects_from_reading(svc.read_paste(rows)):
            svc.save_project(new, p)
        return rows, {p.ref: p for p in svc.load_projects(new)}
    finally:
        new.close()


def test_a_cost_note_beside_a_cost_is_exported_and_pasted_back(demo_store, tmp_path):
    projects = svc.load_projects(demo_store)
    projects = [replace(p, cost_note=NOTE) if p.ref == "1" else p for p in projects]
    rows, again = _round_trip(demo_store, projects, tmp_path)
    head = rows[0]
    homeshield = next(r for r in rows[1:] if r[0] == "1")
    assert homeshield[head.index("Cost note")] == NOTE
    assert (again["1"].cost.describe(), again["1"].cost_note) == ("£125,000", NOTE)
    # A note with no cost ("Not stated") comes back as the note it was, with no cost.
    p4 = next(p for p in projects if p.ref == "P4")
    assert p4.cost is None and p4.cost_note
    assert (again["P4"].cost, again["P4"].cost_note) == (None, p4.cost_note)
    for before in projects:
        assert svc.project_fields(again[before.ref])["cost_note"] == svc.project_fields(before)["cost_note"]
