"""Session 74: an office that sent only its copy of the example (`safer-desk demo`, then Office Details and Export for
County, nothing else done) is not counted as an office the county's rows came from.

Babergh office began from the example and added a project of its own; Ipswich and Suffolk office wrote the example and
exported it untouched. The county's board report said "Figures from the 3 office files merged …" and each of the
example's projects was "3 offices", "sent alike by Babergh office, Ipswich office and Suffolk office", as if three
offices had each put forward the Suffolk papers' projects. No change to the export's format was needed: every copy of
the example holds its rows under the same ids, and the county keeps each merged row's hash, which the shipped
resources/example/example-rows.json holds for the example's rows."""

from __future__ import annotations

import json

import pytest

from safer_desk.services import example_rows
from safer_desk.services import reference as ref
from safer_desk.services.demo import build_demo
from safer_desk.services.projects import Project, add_projects, load_projects, save_project
from safer_desk.services.provenance import EXAMPLE_DATA, PROJECTS, row_origins
from safer_desk.services.report_sections import merged_from_cells
from safer_desk.services.report_sections.county import merged_offices_words
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge

TODAY = __import__("datetime").date(2026, 12, 7)


def _office(folder, name: str, district: str, change=None):
    store = open_store(build_demo(folder / f"{district}.sqlite"))
    try:
        store.set_meta("office_name", name)
        ref.set_office_scope(store, districts=[district], county="Suffolk")
        if change is not None:
            change(store)
        return export(store, folder / f"{district}-export.sqlite")
    finally:
        store.close()


def _own_project(store) -> None:
    add_projects(store, [Project(id="p-babergh-nte", title="Babergh night-time economy patrols", areas=("Babergh",))])


def _county(folder, sent):
    county = open_store(folder / "county.sqlite", create=True, office_name="Suffolk county team")
    county.merge_report = merge(county, sent)
    return county


def test_offices_that_sent_only_the_example_are_not_counted(tmp_path):
    sent = [_office(tmp_path, "Babergh office", "Babergh", _own_project),
            _office(tmp_path, "Ipswich office", "Ipswich"), _office(tmp_path, "Suffolk office", "Mid Suffolk")]
    county = _county(tmp_path, sent)
    try:
        assert sorted(example_rows.example_only_offices(county).values()) == ["Ipswich office", "Suffolk office"]
        origins = row_origins(county, PROJECTS)
        projects = load_projects(county)
        homeshield = next(p.id for p in projects if p.title == "Homeshield Plus")
        assert origins.of(homeshield) == "Babergh office"  # the example's, which Babergh office works from
        assert origins.of("p-babergh-nte") == "Babergh office"
        cells, note = merged_from_cells(origins, [p.id for p in projects])
        assert "3 offices" not in cells and "sent alike" not in note
        words = merged_offices_words(county, TODAY)
        assert words.startswith("Figures from the office file merged into this county file (Babergh office), as at "
                                "07/12/2026."), words
        assert ("Ipswich office and Suffolk office sent only their copies of Safer Desk's example data: they are "
                "not counted among the offices the figures came from.") in words
        # said as they go in, too
        assert ("Ipswich office and Suffolk office sent only their copies of Safer Desk's example data, nothing of "
                "their own: they are not named as where the county's rows came from, and the board report does not "
                "count them among the offices its figures came from.") in county.merge_report.text()
    finally:
        county.close()


def test_a_row_only_copies_of_the_example_hold_is_example_data(tmp_path):
    def own_work_and_one_deleted(store):
        _own_project(store)
        from safer_desk.services.projects import delete_projects

        delete_projects(store, [next(p.id for p in load_projects(store) if p.title == "PPO alcohol worker")])

    sent = [_office(tmp_path, "Babergh office", "Babergh", own_work_and_one_deleted),
            _office(tmp_path, "Ipswich office", "Ipswich"), _office(tmp_path, "Suffolk office", "Mid Suffolk")]
    county = _county(tmp_path, sent)
    try:
        origins = row_origins(county, PROJECTS)
        projects = load_projects(county)
        alcohol = next(p.id for p in projects if p.title == "PPO alcohol worker")  # Ipswich's and Suffolk's copies
        assert origins.of(alcohol) == EXAMPLE_DATA
        cells, note = merged_from_cells(origins, [p.id for p in projects])
        assert cells.count(EXAMPLE_DATA) == 1 and cells.count("Babergh office") == len(projects) - 1
        assert note == ("“Example data”: sent only by offices' copies of Safer Desk's example, which are not "
                        "counted as offices the rows came from.")
        assert origins.sentence(alcohol) == "Example data, as copies of Safer Desk's example sent it."
        assert origins.comes_back_words([alcohol]) == (
            "It is the example data, which the offices that sent their copies of Safer Desk's example still hold: "
            "their next exports, merged, put it back. To remove it for good, ask those offices to delete it in their "
            "own files.")
    finally:
        county.close()


def test_a_county_of_copies_of_the_example_alone_names_them_as_before(tmp_path):
    sent = [_office(tmp_path, "Ipswich office", "Ipswich"), _office(tmp_path, "Suffolk office", "Mid Suffolk")]
    county = _county(tmp_path, sent)
    try:  # a lead trying the county's side: there is no office's own work to count them beside
        assert example_rows.example_only_offices(county) == {}
        origins = row_origins(county, PROJECTS)
        assert {origins.of(p.id) for p in load_projects(county)} == {"Ipswich office, Suffolk office"}
        assert merged_offices_words(county, TODAY) == (
            "Figures from the 2 office files merged into this county file (Ipswich office, Suffolk office), as at "
            "07/12/2026.")
    finally:
        county.close()


def test_an_office_that_changed_one_example_row_is_counted(tmp_path):
    def shortlist_strive(store):
        project = next(p for p in load_projects(store) if p.title == "Suffolk Strive")
        from dataclasses import replace

        save_project(store, replace(project, status="shortlisted"), loaded=project)

    sent = [_office(tmp_path, "Babergh office", "Babergh", shortlist_strive), _office(tmp_path, "Ipswich office",
                                                                                      "Ipswich")]
    county = _county(tmp_path, sent)
    try:
        assert list(example_rows.example_only_offices(county).values()) == ["Ipswich office"]
        assert merged_offices_words(county, TODAY).startswith(
            "Figures from the office file merged into this county file (Babergh office)")
    finally:
        county.close()


def test_an_office_sent_alone_before_the_others(tmp_path):
    sent = [_office(tmp_path, "Ipswich office", "Ipswich"), _office(tmp_path, "Babergh office", "Babergh",
                                                                    _own_project)]
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, sent[:1])  # its rows kept by their whole hash, which counts when its copy was made
        assert example_rows.example_only_offices(county) == {}  # alone: named as before
        merge(county, sent[1:])
        assert list(example_rows.example_only_offices(county).values()) == ["Ipswich office"]
    finally:
        county.close()


def test_without_the_resource_every_office_is_counted_as_before(tmp_path, monkeypatch):
    sent = [_office(tmp_path, "Babergh office", "Babergh", _own_project), _office(tmp_path, "Ipswich office",
                                                                                  "Ipswich")]
    county = _county(tmp_path, sent)
    monkeypatch.setattr(example_rows, "_resource", lambda: ({}, {}))
    try:
        assert example_rows.example_only_offices(county) == {}
        origins = row_origins(county, PROJECTS)
        homeshield = next(p.id for p in load_projects(county) if p.title == "Homeshield Plus")
        assert origins.of(homeshield) == "Babergh office, Ipswich office"
    finally:
        county.close()


@pytest.mark.timeout(120)
def test_the_shipped_hashes_are_those_of_this_versions_example(tmp_path):
    shipped = json.loads(example_rows_resource().read_text(encoding="utf-8"))
    fresh = example_rows.build_example_hashes(tmp_path)
    assert shipped == json.loads(example_rows.example_hashes_text(fresh)), (
        "resources/example/example-rows.json is out of date: python -m safer_desk.services.demo --write-resource")


def example_rows_resource():
    from safer_desk.paths import resource

    return resource(*example_rows.RESOURCE_PARTS)
