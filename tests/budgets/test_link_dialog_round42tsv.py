"""Budgets, round 42 (tsv): Link line… names each project as the rest of the window does.

The dialog listed projects by title alone. In a county file two offices may each send a "Sanctuary scheme" (each
numbered 1 in its own register): the list showed two entries alike, and the officer could not tell which one the line
was being linked to, nor Edit > Undo say which one it was. Each project is named as Commissioning names it: its ref
and title, and where another project of a county file has its title, the office it came from ("1. Sanctuary scheme
(merged from Babergh office)", as the register's *Merged from* says it).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc
from safer_desk.services.projects import add_projects, load_projects, project_from_fields
from safer_desk.storage.store import open_store
from safer_desk.ui.main_window import undo_words
from tests.exchange.district_offices import export, merge, office_from, template

PLAN = "Community safety budget 2025/26"
LINE = "Refuge bed spaces"
BABERGH = "1. Sanctuary scheme (merged from Babergh office)"
MID = "1. Sanctuary scheme (merged from Mid Suffolk office)"


def _sanctuary(store, cost: str) -> None:
    add_projects(store, [project_from_fields({"title": "Sanctuary scheme", "ref": "1", "cost": cost,
                                              "laa_outcome": "yes"})])


@pytest.fixture
def files(tmp_path):
    """Babergh's and Mid Suffolk's exports merged into a county file; each office numbered its "Sanctuary scheme"
    1. The county typed a project of its own and a plan with one line to link."""
    base = template(tmp_path, police=False)
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        _sanctuary(babergh, "£10,000")
        _sanctuary(mid, "£12,000")
        merge(county, [export(babergh, tmp_path / "b.sqlite"), export(mid, tmp_path / "m.sqlite")])
        add_projects(county, [project_from_fields({"title": "County-wide review", "ref": "2", "cost": "£2,000",
                                                   "laa_outcome": "yes"})])
        by_cost = {p.planning_pence: p.id for p in load_projects(county)}
        plan = svc.create_plan(county, PLAN, columns=["2025/26"])
        svc.add_line(county, svc.add_section(county, plan, "Expenditure"), LINE)
        made = SimpleNamespace(county=tmp_path / "county.sqlite", babergh=babergh, plan=plan,
                               mid_id=by_cost[12_000_00])
    finally:
        mid.close()
        county.close()
    yield made
    babergh.close()


def test_two_offices_projects_of_one_title_are_told_apart_and_the_one_chosen_is_linked(qtbot, window, files):
    assert window.open_path(files.county)
    window.resize(1280, 800)
    window.show()
    tab = window.show_tab("budgets")
    tab.presenter.select(files.plan)
    row = next(r for r in tab.presenter.rows if r.label == LINE)
    dialog = tab.link_line(row)
    qtbot.waitUntil(dialog.isVisible)
    dialog.kind.setCurrentIndex(dialog.kind.findData("project"))
    texts = [dialog.target.itemText(i) for i in range(dialog.target.count())]
    assert texts == [BABERGH, MID, "2. County-wide review"]  # the register's order: ref, then title
    dialog.target.setCurrentIndex(dialog.target.findText(MID))
    assert dialog.target.currentData() == files.mid_id
    assert dialog.target.toolTip() == MID  # whole, where a long title is cut at the box's edge
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    (link,) = svc.line_links(window.session.store, files.plan)[row.line_id]
    assert link.target_id == files.mid_id  # Mid Suffolk's, not Babergh's of the same title and ref
    assert window.session.undo_stack.undoText() == f"Link line {LINE} to project {MID} in plan {PLAN}"
    assert window.undo_action.text() == "&Undo " + undo_words(f"link line {LINE} to project {MID} in plan {PLAN}")


def test_in_an_offices_own_file_a_project_is_its_ref_and_title(files):
    """Nothing merged: no office is said, the ref and title as the register gives them."""
    (project,) = load_projects(files.babergh)
    assert BudgetsPresenter(files.babergh).link_choices()["project"] == [(project.id, "1. Sanctuary scheme")]
