"""A county and a district of one name (Cornwall): the county's board report and the figures the command line
prints name each area apart (round 27).

The county's report holds a section for the county (derived from its districts) and one for the district of
the same name; both were headed "Indicators: Cornwall", in the contents too, so the board could not tell the
county's figures from the district's. ``safer-desk indicators FILE --derived`` likewise printed "Cornwall" for
the county's derived rows and the district's stored ones, so a SUMIF on "Cornwall" counted a month twice. A
name another area of the file has is now given with its kind, as the report's title and the area lists give it
("Cornwall (county)"); a name only one area has is as before.
"""

from __future__ import annotations

from safer_desk.services import indicators as svc
from safer_desk.services.report import build_report


def test_the_county_report_heads_the_county_and_the_district_apart(cornwall):
    document = build_report(cornwall, area="Cornwall (county)", year="2024/25")
    assert [s.title for s in document.sections] == [
        "Indicators: Cornwall (county)", "Indicators: Cornwall (district)", "Indicators: Isles of Scilly"]
    assert document.sections[0].tables[0].title.startswith("Performance summary, Cornwall (county), 2024/25")
    assert document.sections[0].paragraphs[0].startswith("Figures marked as derived for Cornwall (county) ")
    assert document.sections[1].tables[0].title == "Performance summary, Cornwall (district), 2024/25"


def test_a_name_only_one_area_has_heads_its_section_as_before(demo_store):
    document = build_report(demo_store, area="Babergh", year="2016/17")
    assert all(s.title in ("Indicators: Babergh",) for s in document.sections if s.title.startswith("Indicators"))


def test_the_derived_figures_name_the_county_and_the_district_apart(cornwall):
    rows = svc.figure_rows(cornwall, derived=True)
    assert {(r.area, r.derived_from) for r in rows} == {
        ("Cornwall (county)", "Cornwall + Isles of Scilly"), ("Cornwall (district)", ""), ("Isles of Scilly", "")}
    county = [r for r in rows if r.area == "Cornwall (county)" and r.period == "2024-04"]
    assert [r.value for r in county] == ["3007"]


def test_the_command_prints_the_county_and_the_district_apart(cornwall_path):
    from tests.exchange.helpers import cli_output

    code, out, err = cli_output(["indicators", str(cornwall_path), "--derived"])
    assert code == 0, err
    lines = out.splitlines()
    assert "All crime,Cornwall (county),2024-04,3007,Cornwall + Isles of Scilly" in lines
    assert "All crime,Cornwall (district),2024-04,3000," in lines
    assert not any(line.startswith("All crime,Cornwall,") for line in lines)
