"""Session 72: deleting two projects asked "Delete 2 projects from the register?" and Edit > Undo said "Undo delete 2
projects": two such deletes read alike in Edit > Undo and the History's Action column, and the question did not say
which two (the rows chosen are behind it). Up to three are now named, as one is ("Delete 2 projects (Suffolk Recre8
and Suffolk Strive) from the register?"); more are counted."""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.history import history_lines
from safer_desk.presenters.projects import ProjectsPresenter


def _ids(presenter, *refs: str) -> list[str]:
    by_ref = {p.ref: p.id for p in presenter.rows}
    return [by_ref[r] for r in refs]


def test_two_deletes_of_two_projects_are_told_apart(demo_store):
    log = ActionLog()
    p = ProjectsPresenter(demo_store, perform=log)
    p.reload()
    assert p.delete_question(_ids(p, "7", "6")) == \
        "Delete 2 projects (Suffolk Recre8 and Suffolk Strive) from the register? (Edit > Undo puts them back.)"
    p.delete(_ids(p, "7", "6"))
    p.delete(_ids(p, "12", "14"))
    assert [a.text for a in log.done] == [
        "Delete 2 projects (Suffolk Recre8 and Suffolk Strive)",
        "Delete 2 projects (PPO alcohol worker and Ipswich CSP initiative: Prostitution Support via ICENI…)"]
    assert [line.action for line in history_lines(demo_store)[:2]] == [a.text for a in reversed(log.done)]


def test_three_are_named_and_four_counted(demo_store):
    p = ProjectsPresenter(demo_store)
    p.reload()
    assert p.describe_many(_ids(p, "5", "6", "7")) == "3 projects (Suffolk ELEV8, Suffolk Strive and Suffolk Recre8)"
    assert p.describe_many(_ids(p, "5", "6", "7", "12")) == "4 projects"
