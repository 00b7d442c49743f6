"""Session 76 (a county lead's round with three districts begun from the example): Babergh office shortlisted the
example's Homeshield Plus, Ipswich office declined it, Mid Suffolk office never touched it. The merge raised two
conflicts: Babergh against Ipswich (a real disagreement) and Babergh against Mid Suffolk ("status shortlisted from
Babergh office, proposed from Mid Suffolk office"), though Mid Suffolk's row was the example's as shipped, which no
one there had decided. An office's row that is the example's, unchanged, against another office's change of it is not
a disagreement: nothing is raised, and the county's version (the change) stands, whichever order the files come in."""

from __future__ import annotations

from dataclasses import replace

import pytest

from safer_desk.services import reference as ref
from safer_desk.services.county import any_decided, list_conflicts
from safer_desk.services.demo import build_demo
from safer_desk.services.projects import load_projects, save_project
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge


def _status(store, status: str) -> None:
    project = next(p for p in load_projects(store) if p.title == "Homeshield Plus")
    save_project(store, replace(project, status=status), loaded=project)


def _office(folder, district: str, status: str | None = None):
    store = open_store(build_demo(folder / f"{district}.sqlite"))
    try:
        store.set_meta("office_name", f"{district} office")
        ref.set_office_scope(store, districts=[district], county="Suffolk")
        if status is not None:
            _status(store, status)
        return export(store, folder / f"{district}-export.sqlite")
    finally:
        store.close()


@pytest.fixture
def sent(tmp_path_factory):  # per test: each test signs with its own officer's key
    folder = tmp_path_factory.mktemp("offices")
    return {"Babergh": _office(folder, "Babergh", "shortlisted"), "Ipswich": _office(folder, "Ipswich", "declined"),
            "Mid Suffolk": _office(folder, "Mid Suffolk")}


def _merged(tmp_path, sent, order):
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    merge(county, [sent[name] for name in order])
    return county



def test_an_untouched_example_row_after_a_change_raises_nothing(tmp_path, sent):
    county = _merged(tmp_path, sent, ["Babergh", "Ipswich", "Mid Suffolk"])
    try:
        conflicts = [c for c in list_conflicts(county) if "Homeshield" in c.detail]
        assert [c.office_name for c in conflicts] == ["Ipswich office"], [c.detail for c in conflicts]
        assert next(p for p in load_projects(county) if p.title == "Homeshield Plus").status == "shortlisted"
        assert not any_decided(county)  # the lead decided nothing
    finally:
        county.close()


def test_in_another_order_only_the_two_that_changed_it_disagree(tmp_path, sent):
    county = _merged(tmp_path, sent, ["Ipswich", "Babergh", "Mid Suffolk"])
    try:
        conflicts = [c for c in list_conflicts(county) if "Homeshield" in c.detail]
        assert len(conflicts) == 1 and conflicts[0].office_name != "Mid Suffolk office", [c.detail for c in conflicts]
    finally:
        county.close()


def test_merging_again_raises_nothing_more(tmp_path, sent):
    county = _merged(tmp_path, sent, ["Babergh", "Ipswich", "Mid Suffolk"])
    try:
        merge(county, [sent["Mid Suffolk"]])
        assert [c.office_name for c in list_conflicts(county) if "Homeshield" in c.detail] == ["Ipswich office"]
    finally:
        county.close()


def test_a_change_at_the_untouched_office_later_is_asked_about(tmp_path):
    babergh = _office(tmp_path, "Babergh", "shortlisted")
    store = open_store(build_demo(tmp_path / "Mid Suffolk.sqlite"))
    try:
        store.set_meta("office_name", "Mid Suffolk office")
        ref.set_office_scope(store, districts=["Mid Suffolk"], county="Suffolk")
        first = export(store, tmp_path / "mid-1.sqlite")
        _status(store, "withdrawn")
        second = export(store, tmp_path / "mid-2.sqlite")
    finally:
        store.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [babergh, first])
        assert [c.detail for c in list_conflicts(county)] == []
        merge(county, [second])
        assert [c.detail for c in list_conflicts(county)] == [
            "Project 'Homeshield Plus': status shortlisted from Babergh office, withdrawn from Mid Suffolk office"]
    finally:
        county.close()


def test_the_untouched_copy_merged_first_then_the_change(tmp_path, sent):
    """Mid Suffolk's untouched copy in first, alone: Babergh's change of the example's row is taken, not asked about."""
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [sent["Mid Suffolk"]])
        merge(county, [sent["Babergh"]])
        assert [c.detail for c in list_conflicts(county)] == []
        assert next(p for p in load_projects(county) if p.title == "Homeshield Plus").status == "shortlisted"
        merge(county, [sent["Ipswich"]])
        assert [c.detail for c in list_conflicts(county)] == [
            "Project 'Homeshield Plus': status shortlisted from Babergh office, declined from Ipswich office"]
    finally:
        county.close()


def test_two_untouched_copies_then_a_change(tmp_path):
    """Both untouched copies in first hold the row alike; the change that follows is taken, and they still count as
    offices that sent only the example."""
    from safer_desk.services import example_rows

    ipswich, mid = _office(tmp_path, "Ipswich"), _office(tmp_path, "Mid Suffolk")
    babergh = _office(tmp_path, "Babergh", "shortlisted")
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [ipswich, mid])
        merge(county, [babergh])
        assert [c.detail for c in list_conflicts(county)] == []
        assert next(p for p in load_projects(county) if p.title == "Homeshield Plus").status == "shortlisted"
        assert sorted(example_rows.example_only_offices(county).values()) == ["Ipswich office", "Mid Suffolk office"]
        merge(county, [mid])  # the same untouched copy again: nothing
        assert [c.detail for c in list_conflicts(county)] == [] and not any_decided(county)
    finally:
        county.close()
