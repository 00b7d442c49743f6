"""Session 76, a county lead's round: the lead decided conflict #1 (Homeshield Plus, Babergh against Ipswich) with
`safer-desk conflicts COUNTY --keep county --conflict 1`; the next round's merge raised a new disagreement (a payment
beyond a share) and numbered it #1 again, since the conflicts' table gives the next free number once the highest is
gone. The lead's notes, the audit trail's "conflict decided" entry for #1, and the same command run again from a
script now meant another conflict. A conflict's number is never given twice in one county file: a new one follows
the highest number open or ever decided."""

from __future__ import annotations

from dataclasses import replace

from safer_desk.services import reference as ref
from safer_desk.services.county import list_conflicts, resolve_conflicts
from safer_desk.services.demo import build_demo
from safer_desk.services.projects import load_projects, save_project
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge


def _status(store, status: str) -> None:
    project = next(p for p in load_projects(store) if p.title == "Homeshield Plus")
    save_project(store, replace(project, status=status), loaded=project)


def test_a_decided_conflicts_number_is_not_given_again(tmp_path):
    sent = {}
    for district, status in (("Babergh", "shortlisted"), ("Ipswich", "declined")):
        store = open_store(build_demo(tmp_path / f"{district}.sqlite"))
        try:
            store.set_meta("office_name", f"{district} office")
            ref.set_office_scope(store, districts=[district], county="Suffolk")
            _status(store, status)
            sent[district] = export(store, tmp_path / f"{district}-1.sqlite")
            if district == "Ipswich":
                _status(store, "withdrawn")
                sent["Ipswich again"] = export(store, tmp_path / f"{district}-2.sqlite")
        finally:
            store.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [sent["Babergh"], sent["Ipswich"]])
        assert [c.id for c in list_conflicts(county)] == [1]
        resolve_conflicts(county, "county", which=1)
        assert list_conflicts(county) == []
        merge(county, [sent["Ipswich again"]])
        conflicts = list_conflicts(county)
        assert [c.detail for c in conflicts] == [
            "Project 'Homeshield Plus': status shortlisted from Babergh office, withdrawn from Ipswich office"]
        assert conflicts[0].id == 2
    finally:
        county.close()
