"""Session 72: the History of Changes after Edit > Undo of a project's delete said the project twice in each of its
rows put back ("Added status change of Homeshield Plus: project Homeshield Plus; …"), and a scenario's tick of a
project whose title ends in a full stop read "… young offenders., …". Each row now names the project once, and a
title's full stop is not followed by a comma or a colon."""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.history import history_lines
from safer_desk.presenters.projects import ProjectsPresenter


def _undone_delete_details(store, title: str) -> list[str]:
    log = ActionLog()
    p = ProjectsPresenter(store, perform=log)
    p.reload()
    project = next(x for x in p.rows if x.title.startswith(title))
    p.delete([project.id])
    log.undo()
    return list(history_lines(store)[0].details)


def test_a_status_change_put_back_names_its_project_once(demo_store):
    details = _undone_delete_details(demo_store, "Homeshield Plus")
    status = [d for d in details if d.startswith("Added status change of Homeshield Plus")]
    assert status, details
    for d in status:
        assert "project Homeshield Plus" not in d, d


def test_a_tick_of_a_title_ending_in_a_full_stop_reads_cleanly(demo_store):
    details = _undone_delete_details(demo_store, "Supported accommodation for young offenders")
    assert any("young offenders" in d for d in details), details
    for d in details:
        assert ".," not in d and ".:" not in d, d
