"""Session 61 (wales): a unitary authority's "Countywide" project is its own.

Cardiff's office names its district and no county (Wales has no county councils above its principal areas; Plymouth
has none either). A project it recorded as covering "Countywide" (Welsh councils are county and county borough
councils: county-wide is the whole of Cardiff) was left out of its own board report and its export for the county
without a word, beside its projects naming Cardiff or nothing. With no county named, "Countywide" is the office's own.
"""

from __future__ import annotations

from safer_desk.domain.ids import new_id
from safer_desk.services import reference as ref
from safer_desk.services.projects import Project, add_projects
from safer_desk.services.report import build_report, report_areas
from safer_desk.services.report_sections.projects import projects_in_areas


def project_titles(document) -> list[str]:
    return [row[1] for s in document.sections for t in s.tables if t.title == "Projects and the board's criteria"
            for row in t.rows]


def cardiff_projects(store):
    ref.set_office_scope(store, districts=["Cardiff"])
    add_projects(store, [Project(id=new_id(), title="County-wide DV outreach", areas=("Countywide",)),
                         Project(id=new_id(), title="Night-time economy", areas=("Cardiff",)),
                         Project(id=new_id(), title="Street pastors", areas=())])


def test_a_unitary_offices_countywide_project_is_in_its_board_report(store):
    cardiff_projects(store)
    assert sorted(project_titles(build_report(store))) == \
        ["County-wide DV outreach", "Night-time economy", "Street pastors"]


def test_and_in_what_its_export_for_the_county_counts(store):
    cardiff_projects(store)
    from safer_desk.services.projects import load_projects

    kept = projects_in_areas(store, load_projects(store), report_areas(store))
    assert "County-wide DV outreach" in [p.title for p in kept]


def test_a_report_of_another_area_is_not_given_the_offices_countywide_project(store):
    cardiff_projects(store)
    ref.add_district(store, "Swansea")
    assert project_titles(build_report(store, area="Swansea")) == []
