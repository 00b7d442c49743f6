"""Session 66 (wales2): the crimes police.uk could not place were named "Unknown area (unknown)" wherever the
Indicators tab names an area with its kind: found by typing "unknown" in the area box (Find), in the area list once
chosen, and in the History of Changes' area column. The kind in brackets tells a county from a district of the same
name; "Unknown area" is no district, partnership or county, and "(unknown)" beside it said nothing."""

from __future__ import annotations

import pytest

from safer_desk.presenters.history import area_words
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.presenters.populations import area_text
from safer_desk.services import reference as ref
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import fixture

UNKNOWN = "area:unknown-area"


@pytest.fixture
def plymouth(store):
    ref.set_office_scope(store, districts=["Plymouth"], county="Devon")
    import_police_files(store, [fixture("devon-and-cornwall-2020-q1", "download-a")])
    return store


def test_find_names_the_crimes_without_a_place_unknown_area(plymouth):
    presenter = IndicatorsPresenter(plymouth)
    assert [c.label for c in presenter.search_areas("unkn")] == ["Unknown area"]
    found, why = presenter.find_area("unknown area")
    assert found is not None and found.id == UNKNOWN and found.label == "Unknown area", why
    presenter.load(UNKNOWN, presenter.year)
    assert "Unknown area" in [c.label for c in presenter.area_choices()]
    assert not any("(unknown)" in c.label for c in presenter.area_choices())


def test_the_history_and_populations_name_it_unknown_area(plymouth):
    labels, names = area_words(plymouth)
    assert labels[UNKNOWN] == names[UNKNOWN] == "Unknown area"
    assert area_text(plymouth, UNKNOWN) == "Unknown area"
