"""Fixtures of the exchange tests: district files with stand-in tables, and a county file."""

from __future__ import annotations

import pytest

from safer_desk.services import dhr
from safer_desk.services.projects import Project, add_projects
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import Offices, cornwall_office, office_from, template
from tests.exchange.helpers import fill_district, new_office, use_standin_privacy


@pytest.fixture
def standin_privacy(monkeypatch):
    """The stand-in victim-level tables count as private (as costs.PRIVATE_TABLES will list the real ones)."""
    use_standin_privacy(monkeypatch)


@pytest.fixture
def district(tmp_path, standin_privacy):
    """A district office's file with reference data, stand-in registers, indicators and referrals."""
    from safer_desk.services.demo_data import reference

    store = new_office(tmp_path / "babergh.sqlite", "Babergh office")
    reference.add_examples(store)
    store.ids = fill_district(store)
    yield store
    store.close()


@pytest.fixture
def county(tmp_path):
    """An empty county file with the stand-in tables (as if it had the same schema as the districts)."""
    store = new_office(tmp_path / "county.sqlite", "Suffolk county")
    yield store
    store.close()


@pytest.fixture
def offices(tmp_path):
    """Babergh and Mid Suffolk offices from one template holding a county-wide project (p-shared) and a billed
    review (WSCSP-DHR-2025-01), and the county file they send to."""
    base = template(tmp_path, police=False)
    store = open_store(base)
    try:
        add_projects(store, [Project(id="p-shared", title="Western Suffolk youth work", areas=("Countywide",))])
        case = dhr.add_case(store, reference="WSCSP-DHR-2025-01", district="Mid Suffolk",
                            partnership="Western Suffolk CSP", notified_on="2025-06-02")
        dhr.add_cost_line(store, case, category="Independent chair/author", amount="7525.58")
        dhr.bill_partners(store, case, invoiced_on="2025-09-01")
    finally:
        store.close()
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    o = Offices(tmp_path, county, babergh, mid)
    yield o
    for store in (county, babergh, mid):
        store.close()


@pytest.fixture
def cornwall(tmp_path):
    store = cornwall_office(tmp_path / "cornwall.sqlite")
    yield store
    store.close()


@pytest.fixture
def cornwall_path(tmp_path):
    path = tmp_path / "cornwall.sqlite"
    cornwall_office(path).close()
    return path
