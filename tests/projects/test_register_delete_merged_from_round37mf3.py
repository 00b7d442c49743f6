"""Round 37 (mf3): the register's questions and steps say which project of a county file they are about.

Two offices that each numbered an "Outreach worker" 16 sent a county file two projects of that title. The register
shows where each came from (*Merged from*), but Delete asked "Delete project Outreach worker from the register?" and
Edit > Undo offered "Undo Delete project Outreach worker" (Save the same): of either. Where another project has its
title, they now give its ref and the office it came from; an office's own file gives its ref (session 68).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.history import history_lines
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services.projects import add_projects, project_from_fields
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template

BABERGH_WORKER = "16. Outreach worker (merged from Babergh office)"
# Said of a project an office sent (session 62, county2): its next export puts it back, unless deleted there.
COMES_BACK = ("It was merged from Babergh office, whose file still has it: its next export, merged, puts it back. "
              "To remove it for good, ask Babergh office to delete it in its own file.")


def _files(tmp_path):
    """Babergh's and Mid Suffolk's exports merged into a county file: each office has an "Outreach worker" 16, and
    Babergh a project no other office has."""
    base = template(tmp_path, police=False)
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        for office, cost in ((babergh, "£10,000"), (mid, "£12,000")):
            add_projects(office, [project_from_fields({"title": "Outreach worker", "ref": "16", "cost": cost})])
        add_projects(babergh, [project_from_fields({"title": "Babergh youth diversion", "ref": "3"})])
        merge(county, [export(babergh, tmp_path / "b.sqlite"), export(mid, tmp_path / "m.sqlite")])
    finally:
        mid.close()
    return SimpleNamespace(county=county, babergh=babergh, county_path=tmp_path / "county.sqlite")


@pytest.fixture
def files(tmp_path):
    made = _files(tmp_path)
    yield made
    made.county.close()
    made.babergh.close()


def _presenter(store, log=None) -> ProjectsPresenter:
    presenter = ProjectsPresenter(store, perform=log or ActionLog())
    presenter.reload()
    return presenter


def _worker(presenter, cost_pence: int):
    return next(p for p in presenter.rows if p.title == "Outreach worker" and p.planning_pence == cost_pence)


def test_delete_and_save_name_which_outreach_worker_of_a_county_file(files):
    log = ActionLog()
    register = _presenter(files.county, log)
    babergh = _worker(register, 1_000_000)
    assert register.describe_many([babergh.id]) == f"project {BABERGH_WORKER}"
    assert register.delete_question([babergh.id]) == (
        f"Delete project {BABERGH_WORKER} from the register? {COMES_BACK} (Edit > Undo puts it back.)")
    # a title no other project has is named as before
    diversion = next(p for p in register.rows if p.title == "Babergh youth diversion")
    assert register.delete_question([diversion.id]) == (
        f"Delete project Babergh youth diversion from the register? {COMES_BACK} (Edit > Undo puts it back.)")
    register.select(_worker(register, 1_200_000).id)
    register.editor.set_value("cost", "£12,500")
    assert register.editor.save()
    register.delete([babergh.id])
    done = ["Change cost of 16. Outreach worker (merged from Mid Suffolk office) to £12,500",
            f"Delete project {BABERGH_WORKER}"]
    assert [a.text for a in log.done] == done
    assert [line.action for line in history_lines(files.county)[:2]] == done[::-1]  # View > History of Changes…


def test_an_office_s_own_register_says_what_it_said(files):
    log = ActionLog()
    register = _presenter(files.babergh, log)
    worker = _worker(register, 1_000_000)
    add_projects(files.babergh, [project_from_fields({"title": "Outreach worker", "ref": "17"})])
    register.reload()  # two of a title in an office's own file: its ref says which, no office (session 68)
    assert register.delete_question([worker.id]) == (
        "Delete project 16. Outreach worker from the register? (Edit > Undo puts it back.)")
    register.delete([worker.id])
    assert [a.text for a in log.done] == ["Delete project 16. Outreach worker"]
    assert history_lines(files.babergh)[0].action == "Delete project 16. Outreach worker"


def test_the_window_asks_and_undoes_naming_the_office(window, files, qtbot, prompts):
    files.county.close()
    assert window.open_path(files.county_path)
    page = window.show_tab("projects").register
    qtbot.waitUntil(lambda: not page.loading and bool(page.model.rows), timeout=10000)
    babergh = _worker(page.presenter, 1_000_000)
    page.select_project(babergh.id)
    prompts.answers.append(True)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert prompts.questions == [(f"Delete project {BABERGH_WORKER}",
                                  f"Delete project {BABERGH_WORKER} from the register? {COMES_BACK} "
                                  "(Edit > Undo puts it back.)")]
    qtbot.waitUntil(lambda: page.presenter.project(babergh.id) is None, timeout=5000)
    assert window.session.undo_stack.undoText() == f"Delete project {BABERGH_WORKER}"
