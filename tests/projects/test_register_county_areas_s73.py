"""Session 73: a county file's register and board report disagreed on what the county holds.

Babergh's and Mid Suffolk's offices began their files from the example, so each sent the Plymouth projects (P1-P8)
the example holds as another office's. The county's register under "All areas" listed all 23 projects ("23 of 23
projects"), the eight Plymouth ones among them, while the board report's "All areas" (the districts merged into the
county file) listed the 15 Suffolk ones and said nothing of the rest. "All areas" is the county's areas in both
(DESIGN §3: lists, reports and "All areas" mean the office's areas): the register keeps the report's 12, says how many
it leaves out and where they are, and choosing Plymouth still shows them.
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from


def _county(demo_path, tmp_path):
    sent = []
    for name, district in (("Babergh office", "Babergh"), ("Mid Suffolk office", "Mid Suffolk")):
        office = office_from(demo_path, tmp_path / f"{district}.sqlite", name, districts=[district])
        try:
            sent.append(export(office, tmp_path / f"{district}-export.sqlite"))
        finally:
            office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    merge(county, sent)
    return county


def _reported_titles(store) -> set[str]:
    report = build_report(store, today=date(2026, 12, 7))
    table = next(t for s in report.sections for t in s.tables if t.title == "Projects and the board's criteria")
    return {row[1] for row in table.rows}


def test_the_county_register_lists_what_its_report_lists(demo_path, tmp_path):
    county = _county(demo_path, tmp_path)
    try:
        presenter = ProjectsPresenter(county, perform=ActionLog())
        presenter.reload()
        assert len(presenter.rows) == 23
        keep = presenter.filter_predicate()
        assert keep is not None, "All areas kept every project of the file, Plymouth's too"
        shown = {p.title for p in presenter.rows if keep(p)}
        assert shown == _reported_titles(county)
        # Ipswich's two projects (14, 15) and the Ipswich-only 9 too: no Ipswich office has sent its file yet
        assert {p.ref for p in presenter.rows if not keep(p)} == {"9", "14", "15", *(f"P{n}" for n in range(1, 9))}
        assert presenter.outside_areas_note() == (
            "11 projects of areas outside this county file's (Ipswich and Plymouth) are not listed under All areas, "
            "as the board report leaves them out: choose the area to see them.")
        plymouth = presenter.filter_predicate(area="Plymouth")
        assert {p.ref for p in presenter.rows if plymouth(p)} == {f"P{n}" for n in range(1, 9)}
    finally:
        county.close()


def test_an_office_file_still_lists_every_project(demo_store):
    presenter = ProjectsPresenter(demo_store, perform=ActionLog())
    presenter.reload()
    assert presenter.filter_predicate() is None
    assert presenter.outside_areas_note() == ""


def test_the_county_window_says_what_all_areas_leaves_out(demo_path, tmp_path, window, qtbot, monkeypatch):
    import openpyxl

    from safer_desk.ui.kit import exports

    _county(demo_path, tmp_path).close()
    assert window.open_path(tmp_path / "county.sqlite")
    page = window.show_tab("projects").register
    assert page.count.text() == "12 of 23 projects (11 of other areas)"
    assert page.count.toolTip().startswith("11 projects of areas outside this county file's (Ipswich and Plymouth)")
    # read out as shown, then what All areas leaves out (the count's own words stay its description)
    assert page.count.accessibleDescription().startswith("12 of 23 projects (11 of other areas). 11 projects of areas")
    target = tmp_path / "register.xlsx"

    def chosen(_parent, _caption, _name, write, failed="", refusals=(), ready=None):
        assert ready is None or ready()
        write(target)
        return target

    said = []
    monkeypatch.setattr(exports, "export_to_chosen_file", chosen)
    monkeypatch.setattr("safer_desk.ui.projects.tab.prompts.show_info", lambda _p, _t, text: said.append(text))
    page.export_register()
    assert said == [f"Saved 12 of 23 projects (as filtered: the county file's areas only, leaving out 11 projects of "
                    f"other areas) to {target}."]
    title = str(openpyxl.load_workbook(target).worksheets[0].cell(1, 1).value)
    assert "leaving out 11 projects of other areas" in title, title
    page.area_filter.setCurrentIndex(page.area_filter.findData("Plymouth"))
    assert page.count.text() == "8 of 23 projects" and page.count.toolTip() == ""


def test_another_county_offices_county_wide_project_is_named_by_its_county(demo_path, tmp_path):
    """An Exeter (Devon) office's "Countywide" project is Devon's, in neither the Suffolk county's report nor its
    register's All areas; the count's words named it as an area called "Countywide" outside the county file's."""
    from safer_desk.services import reference
    from safer_desk.services.projects import add_projects, project_from_fields

    sent = []
    for name, district, county in (("Babergh office", "Babergh", "Suffolk"), ("Exeter office", "Exeter", "Devon")):
        office = office_from(demo_path, tmp_path / f"{district}.sqlite", name, districts=[district], county=county)
        try:
            if district == "Exeter":
                add_projects(office, [project_from_fields({"title": "Devon sanctuary scheme", "ref": "D1",
                                                           "cost": "£9,000", "areas": "Countywide"})])
            sent.append(export(office, tmp_path / f"{district}-export.sqlite"))
        finally:
            office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, sent)
        reference.set_office_scope(county, county="Suffolk")  # the county team names its county
        presenter = ProjectsPresenter(county, perform=ActionLog())
        presenter.reload()
        keep = presenter.filter_predicate()
        assert "Devon sanctuary scheme" not in {p.title for p in presenter.rows if keep(p)}
        assert "Devon sanctuary scheme" not in _reported_titles(county)
        assert presenter.outside_areas_note().startswith(
            "12 projects of areas outside this county file's (Devon county-wide, Ipswich and Plymouth) are not listed")
    finally:
        county.close()
