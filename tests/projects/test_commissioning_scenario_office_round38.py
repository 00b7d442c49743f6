"""Round 38 (cfx): Projects > Commissioning's Scenario list says which office each scenario of a county file came from.

The register, the table to tick, Compare and the board report name a row's office in a county file; the Scenario list
(and Compare's two lists) gave a merged scenario its name alone, "Option A", whichever office saved it. Two offices'
scenarios of one name are one conflict at the county (the county keeps the first until the lead decides), so the list
holds it once: "Option A (merged from Babergh office)". A scenario the county lead saved in the county file, and an
office's own file, list the names alone, as before.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import projects_commissioning as com
from safer_desk.services.county import list_conflicts
from safer_desk.services.projects import add_projects, load_projects, project_from_fields
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template

LISTED = ["Babergh plan (merged from Babergh office)", "County plan",
          "Mid Suffolk plan (merged from Mid Suffolk office)", "Option A (merged from Babergh office)",
          "Shared plan (merged from Babergh office, Mid Suffolk office)"]


def _scenario(store, name: str, title: str) -> None:
    project = project_from_fields({"title": title, "cost": "£1,000", "laa_outcome": "yes"})
    add_projects(store, [project])
    com.save_scenario(store, com.new_scenario(name, 500_000, [com.ScenarioItem(project.id)]))


@pytest.fixture
def files(tmp_path):
    """Babergh and Mid Suffolk each saved an "Option A" of their own and a plan of their own, and both hold the
    "Shared plan" they started with; the county saved a plan of its own after merging them."""
    base = template(tmp_path, police=False)
    store = open_store(base)
    try:
        _scenario(store, "Shared plan", "County-wide outreach")
    finally:
        store.close()
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    for office, name in ((babergh, "Babergh"), (mid, "Mid Suffolk")):
        _scenario(office, "Option A", f"{name} night patrol")
        _scenario(office, f"{name} plan", f"{name} youth work")
    merge(county, [export(babergh, tmp_path / "b.sqlite"), export(mid, tmp_path / "m.sqlite")])
    _scenario(county, "County plan", "County review")
    yield SimpleNamespace(county=county, babergh=babergh)
    for store in (county, babergh, mid):
        store.close()


def _listed(store) -> list[str]:
    presenter = CommissioningPresenter(store)
    presenter.set_projects(load_projects(store))
    return [label for _id, label in presenter.scenario_choices()]


def test_two_offices_scenarios_of_one_name_are_one_conflict(files):
    [conflict] = [c for c in list_conflicts(files.county) if c.table == "commissioning_scenarios"]
    assert conflict.subject == "Commissioning scenario 'Option A'" and conflict.office_name == "Mid Suffolk office"
    assert [s.name for s in com.list_scenarios(files.county)].count("Option A") == 1


def test_the_scenario_list_of_a_county_file_names_each_scenario_s_office(files):
    assert _listed(files.county) == LISTED


def test_an_office_s_own_scenario_list_is_as_it_was(files):
    assert _listed(files.babergh) == ["Babergh plan", "Option A", "Shared plan"]


def _open_commissioning(window, store, qtbot):
    store.close()
    assert window.open_path(store.path)
    tab = window.show_tab("projects")
    qtbot.waitUntil(lambda: not tab.register.loading and bool(tab.register.model.rows), timeout=10000)
    return tab.show_commissioning()


def _texts(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_the_window_s_scenario_lists_name_each_office(window, files, qtbot):
    page = _open_commissioning(window, files.county, qtbot)
    assert _texts(page.scenarios) == ["(not saved)", *LISTED]
    assert _texts(page.compare_a) == _texts(page.compare_b) == LISTED
    # choosing one loads it under its own name: the office is said in the list, not saved with it
    page.scenarios.setCurrentIndex(page.scenarios.findText(LISTED[3]))
    page.scenarios.activated.emit(page.scenarios.currentIndex())
    assert page.name.text() == "Option A"
    assert page.scenarios.currentText() == LISTED[3]


def test_an_office_s_own_window_lists_names_alone(window, files, qtbot):
    page = _open_commissioning(window, files.babergh, qtbot)
    assert _texts(page.scenarios) == ["(not saved)", "Babergh plan", "Option A", "Shared plan"]
