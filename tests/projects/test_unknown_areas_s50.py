"""A project whose "Areas covered" names no area the file knows ("Ipswich, Babergh" typed with a comma, "Ipswch")
was left out of every board report without a word, its funder's share with it. It now counts as the office's own,
in the office's report of all its areas (as a project naming no area does), and the report and the editor say which
name is not known and that areas are separated with ";"."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services import projects as svc
from safer_desk.services.report import build_report
from tests.projects.test_tab import page, tab  # noqa: F401 (fixtures)

JOINT = "Joint Ipswich and Babergh night-time economy project"


def _add(store, title, areas, ref):
    project = replace(svc.project_from_fields({"title": title, "cost": "£12,000", "ref": ref}), areas=areas)
    return svc.save_project(store, project)


def _register_rows(report):
    (table,) = [t for s in report.sections for t in s.tables if t.title == "Projects and the board's criteria"]
    return table


def test_a_project_of_areas_not_known_is_the_offices_own_and_said(demo_store):
    _add(demo_store, JOINT, ("Ipswich, Babergh",), "16")
    _add(demo_store, "Typo", ("Ipswch",), "17")
    table = _register_rows(build_report(demo_store))
    titles = [r[1] for r in table.rows]
    assert JOINT in titles and "Typo" in titles
    assert (f"16. {JOINT}: “Ipswich, Babergh” is not an area this file knows (separate areas with “;”: "
            "Ipswich; Babergh)") in table.note
    assert "17. Typo: “Ipswch” is not an area this file knows" in table.note


def test_a_project_with_one_area_known_is_in_that_areas_report_and_the_other_is_said(demo_store):
    _add(demo_store, JOINT, ("Ipswich", "Babergh District"), "16")
    table = _register_rows(build_report(demo_store, area="Ipswich"))
    assert JOINT in [r[1] for r in table.rows]
    assert f"16. {JOINT}: “Babergh District” is not an area this file knows" in table.note
    # A project of Plymouth, an area the file knows in another county, is still not the Suffolk office's.
    assert "Plymouth Domestic Abuse contract" not in [r[1] for r in _register_rows(build_report(demo_store)).rows]


def test_the_editor_says_an_area_is_not_known(demo_store):
    saved = _add(demo_store, JOINT, ("Ipswich, Babergh",), "16")
    presenter = ProjectsPresenter(demo_store)
    presenter.reload()
    presenter.select(saved.id)
    assert "“Ipswich, Babergh” is not an area this file knows (separate areas with “;”: Ipswich; Babergh)" in \
        presenter.editor.warning


def test_typed_in_the_window_the_warning_shows_after_save(tab, page, qtbot):  # noqa: F811
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    w = page.editor.widgets
    qtbot.keyClicks(w["title"], JOINT)
    qtbot.keyClicks(w["areas"], "Ipswich, Babergh")
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    assert svc.get_project(tab.session.store, page.editor.project.id).areas == ("Ipswich, Babergh",)
    assert page.editor.warning.isVisibleTo(page.editor)
    assert "“Ipswich, Babergh” is not an area this file knows" in page.editor.warning.text()
