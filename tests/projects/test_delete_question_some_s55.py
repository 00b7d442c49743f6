"""Deleting three projects of which two are ticked in the saved scenario asked "Delete 3 projects from the register?
They are ticked in the saved scenario …" (session 55, a tester): as if all three were. It says how many are."""

from __future__ import annotations

from safer_desk.presenters.projects import ProjectsPresenter


def _ids(presenter, *refs: str) -> list[str]:
    by_ref = {p.ref: p.id for p in presenter.rows}
    return [by_ref[r] for r in refs]


def test_some_of_the_projects_ticked_says_how_many(demo_store):
    p = ProjectsPresenter(demo_store)
    p.reload()
    question = p.delete_question(_ids(p, "1", "4", "10"))  # 4 and 10 are ticked in the example's scenario
    assert question.startswith("Delete 3 projects (Homeshield Plus, Local Domestic Violence Coordinators and "
                               "Supported accommodation for young offenders.) from the register? "
                               "2 of them are ticked in the saved scenario "
                               "“Retained budget 2009/10: pilot and DV coordinators”, which will no longer count "
                               "them."), question


def test_all_of_them_ticked_says_they_are(demo_store):
    p = ProjectsPresenter(demo_store)
    p.reload()
    question = p.delete_question(_ids(p, "4", "10"))
    assert ("Delete 2 projects (Local Domestic Violence Coordinators and Supported accommodation for young "
            "offenders.) from the register? They are ticked in the saved scenario") in question, question


def test_one_of_them_ticked_says_one_is(demo_store):
    p = ProjectsPresenter(demo_store)
    p.reload()
    question = p.delete_question(_ids(p, "1", "4"))
    assert "1 of them is ticked in the saved scenario" in question and "no longer count it." in question, question
