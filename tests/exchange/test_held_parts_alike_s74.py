"""Session 74: the merge summary's rows held with a conflict say which of them are the county's own. Babergh office
shortlisted Suffolk Strive (a project every office sent alike) and nothing else: "6 rows held with conflict #1 …: 1
project status change, 1 project officer and 4 project cost lines of Babergh office's version, which come in with it
if it is kept" read as though Babergh had changed the officer and the cost lines, which were as the county holds them.
"""

from __future__ import annotations

from dataclasses import replace

from safer_desk.services import projects
from safer_desk.services.county import export_for_county
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import babergh_and_mid_suffolk, merge, template


def test_parts_held_with_a_conflict_say_how_many_are_the_countys(tmp_path):
    base = template(tmp_path, police=False)
    store = open_store(base)
    try:
        projects.add_projects(store, [projects.Project(
            id="p-shared", title="Western Suffolk youth work", areas=("Countywide",),
            officers=(projects.Officer("Youth lead", "Lead", "Babergh DC"), projects.Officer("Outreach", "", "")),
            funding_sources=(projects.FundingSource("Suffolk County Council", amount_pence=500000),))])
    finally:
        store.close()
    sent = babergh_and_mid_suffolk(base, tmp_path)
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        assert merge(county, sent).conflicts == []
        mid = open_store(tmp_path / "Mid Suffolk.sqlite")
        try:
            shared = projects.get_project(mid, "p-shared")
            officers = (shared.officers[0], projects.Officer("Outreach", "Outreach worker", ""))
            projects.save_project(mid, replace(shared, title="Mid Suffolk youth work", officers=officers),
                                  loaded=shared)
            again = export_for_county(mid, tmp_path / "Mid Suffolk-2.sqlite")
        finally:
            mid.close()
        (summary,) = merge(county, [again.path]).merged
        (conflict,) = summary.conflicts
        held = [n for n in summary.conflict_notes if "held with" in n]
        assert held == [f"3 rows held with conflict #{conflict.id} (Project 'Western Suffolk youth work'), not counted "
                        "above: 2 project officers and 1 project funding source of Mid Suffolk office's version, "
                        "which come in with it if it is kept (2 of them as the county file holds them)."]
    finally:
        county.close()
