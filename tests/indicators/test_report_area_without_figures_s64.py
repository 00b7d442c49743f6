"""The example file re-pointed to Gwent (office districts Newport and Torfaen): the board report had "Indicators:
Torfaen" and nothing about Newport, as if the office had no such area (the example holds no figures for Newport).
An office's own area with nothing for the year now has its section, saying so; one that had ended is still left out."""

from __future__ import annotations

from safer_desk.services import reference as ref
from safer_desk.services.report import build_report


def _indicator_sections(store, year=None):
    return {s.title: s.paragraphs for s in build_report(store, year=year).sections
            if s.title.startswith("Indicators")}


def test_an_office_area_without_figures_is_said_not_dropped(demo_store):
    ref.set_office_scope(demo_store, partnerships=[], districts=["Newport", "Torfaen"], county="")
    sections = _indicator_sections(demo_store)
    # said after the areas with figures (s69: several such areas are said once there, not a page each)
    assert list(sections) == ["Indicators: Torfaen, 2024/25", "Indicators: Newport, 2024/25"]
    assert sections["Indicators: Newport, 2024/25"] == [
        "No indicator figures or targets are held for Newport for 2024/25."]


def test_a_year_asked_for_is_said_the_same_way(demo_store):
    ref.set_office_scope(demo_store, partnerships=[], districts=["Newport", "Torfaen"], county="")
    sections = _indicator_sections(demo_store, "2024/25")
    assert sections["Indicators: Newport"] == ["No indicator figures or targets are held for Newport for 2024/25."]


def test_the_example_offices_report_is_as_it_was(demo_store):
    assert not [t for t, said in _indicator_sections(demo_store).items()
                if any("No indicator figures or targets are held" in p for p in said)]


def test_a_year_none_of_the_offices_areas_has_figures_for_has_no_indicators_part(demo_store):
    ref.set_office_scope(demo_store, partnerships=[], districts=["Newport", "Torfaen"], county="")
    assert _indicator_sections(demo_store, "2016/17") == {}
