"""Round 44 (xc4): the merge summary says the rows it holds back with a conflict about a project.

Mid Suffolk office retitled a project both offices sent alike (with its two officers and a match-funding line):
its next file's 5 rows merged as "0 added, 0 replaced, 2 unchanged, 0 removed, 1 conflict", three rows short of what
its export said it held, with nothing said of them. They are the project's officers and funding line, held with the
conflict (they come in with the office's version if the county lead keeps it): the summary now says so, counted.
"""

from __future__ import annotations

from dataclasses import replace

from safer_desk.services import projects
from safer_desk.services.county import export_for_county
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import babergh_and_mid_suffolk, merge, template


def test_the_parts_held_with_a_project_s_conflict_are_said_and_counted(tmp_path):
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
            projects.save_project(mid, replace(shared, title="Mid Suffolk youth work"), loaded=shared)
            again = export_for_county(mid, tmp_path / "Mid Suffolk-2.sqlite")
        finally:
            mid.close()
        report = merge(county, [again.path])
        (summary,) = report.merged
        (conflict,) = summary.conflicts
        assert conflict.table == "projects"
        held = [n for n in summary.conflict_notes if "held with" in n]
        assert held == [f"3 rows held with conflict #{conflict.id} (Project 'Western Suffolk youth work'), not counted "
                        "above: 2 project officers and 1 project funding source of Mid Suffolk office's version, "
                        "which come in with it if it is kept (all 3 as the county file holds them: only the project "
                        "itself differs)."]
        assert held[0] in report.text()
    finally:
        county.close()
