"""Fixtures of the exchange tests: district files with stand-in tables, and a county file."""

from __future__ import annotations

import pytest

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
