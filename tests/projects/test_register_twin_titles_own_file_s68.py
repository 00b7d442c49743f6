"""Session 68: in an office's own file, two projects of one title are told apart by their refs.

A district office keeps an "Outreach worker" 16 (this year's) and an "Outreach worker" 17 (next year's bid). Delete
asked "Delete project Outreach worker from the register?" and Edit > Undo offered "Undo Delete project Outreach
worker", of either: the officer could not tell which would go or come back. Where another project of the register has
its title, the register now names it with its ref, as its Ref column shows it ("16. Outreach worker"); a title no
other project has is said as before.
"""

from __future__ import annotations

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.history import history_lines
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services.projects import add_projects, project_from_fields
from safer_desk.storage.store import open_store


@pytest.fixture
def office(tmp_path):
    store = open_store(tmp_path / "babergh.sqlite", create=True, office_name="Babergh office")
    add_projects(store, [project_from_fields({"title": "Outreach worker", "ref": "16", "cost": "£10,000"}),
                         project_from_fields({"title": "Outreach worker", "ref": "17", "cost": "£12,000"}),
                         project_from_fields({"title": "Youth diversion", "ref": "3"})])
    yield store
    store.close()


def _register(store, log):
    register = ProjectsPresenter(store, perform=log)
    register.reload()
    return register


def _by_ref(register, ref):
    return next(p for p in register.rows if p.ref == ref)


def test_delete_and_undo_say_which_outreach_worker(office):
    log = ActionLog()
    register = _register(office, log)
    assert register.delete_question([_by_ref(register, "17").id]) == (
        "Delete project 17. Outreach worker from the register? (Edit > Undo puts it back.)")
    register.delete([_by_ref(register, "16").id])
    assert [a.text for a in log.done] == ["Delete project 16. Outreach worker"]
    assert history_lines(office)[0].action == "Delete project 16. Outreach worker"
    # one "Outreach worker" left: its title says which again
    assert register.describe_many([_by_ref(register, "17").id]) == "project Outreach worker"


def test_save_and_add_say_which_when_the_title_is_shared(office):
    log = ActionLog()
    register = _register(office, log)
    register.select(_by_ref(register, "17").id)
    register.editor.set_value("cost", "£12,500")
    assert register.editor.save()
    register.select(_by_ref(register, "3").id)
    register.editor.set_value("cost", "£5,000")
    assert register.editor.save()
    twin = project_from_fields({"title": "Youth diversion", "ref": "4"})
    register.save_project(twin, new=True)
    assert [a.text for a in log.done] == ["Change cost of 17. Outreach worker to £12,500",
                                          "Change cost of Youth diversion to £5,000", "Add project 4. Youth diversion"]
