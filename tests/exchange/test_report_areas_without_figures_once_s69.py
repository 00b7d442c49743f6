"""Session 69: a county file's 2009/10 board report (the Western CSP office merged in) gave Forest Heath, Mid Suffolk
and St Edmundsbury a page each, every page one line: "No indicator figures or targets are held for Forest Heath for
2009/10." The areas of a year with no figures are now said once, in one section naming them all."""

from __future__ import annotations

from datetime import date

from safer_desk.services.report import build_report
from tests.exchange.district_offices import county_merged_from

TODAY = date(2026, 12, 7)


def _indicators(document):
    return {s.title: s.paragraphs for s in document.sections if s.title.startswith("Indicators")}


def test_the_districts_without_figures_are_said_once(demo_path, tmp_path):
    with county_merged_from(demo_path, tmp_path) as county:
        sections = _indicators(build_report(county, year="2009/10", today=TODAY))
    assert list(sections) == ["Indicators: Suffolk", "Indicators: Forest Heath, Mid Suffolk and St Edmundsbury"]
    assert sections["Indicators: Forest Heath, Mid Suffolk and St Edmundsbury"] == [
        "No indicator figures or targets are held for Forest Heath, Mid Suffolk and St Edmundsbury for 2009/10."]


def test_the_example_offices_2009_10_says_its_seven_districts_once_after_suffolks_figures(demo_store):
    """The example's 2009/10 gave seven one-line pages, Babergh's to Waveney's, before Suffolk's figures."""
    sections = _indicators(build_report(demo_store, year="2009/10", today=TODAY))
    named = "Babergh, Forest Heath, Ipswich, Mid Suffolk, St Edmundsbury, Suffolk Coastal and Waveney"
    assert list(sections) == ["Indicators: Suffolk", f"Indicators: {named}"]
    assert sections[f"Indicators: {named}"] == [f"No indicator figures or targets are held for {named} for 2009/10."]
