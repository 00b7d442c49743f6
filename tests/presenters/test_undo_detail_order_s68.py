"""Undo and redo of a change to several rows list them in the History of Changes in the order the change made them:
a project saved with eight cost lines, then undone and redone, read "Deleted cost line Line 1, … Line 5, Line 3 …"
(the order of the lines' random ids), not Line 1 to Line 8 as the save itself read (session 68)."""

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.history import history_lines
from safer_desk.presenters.projects import ProjectsPresenter

LINES = [f"Line {i}" for i in range(1, 9)]


def _order(details: list[str], verb: str) -> list[str]:
    return [next(name for name in LINES if d.startswith(f"{verb} cost line {name} ")) for d in details
            if d.startswith(f"{verb} cost line ")]


def test_undo_and_redo_list_cost_lines_as_the_save_did(demo_store):
    log = ActionLog()
    projects = ProjectsPresenter(demo_store, perform=log, today=lambda: date(2026, 4, 1))
    projects.reload()
    home = next(r for r in projects.rows if r.title.startswith("Homeshield"))
    projects.select(home.id)
    projects.editor.set_cost_lines([("2010/11", "Staff", name, f"{i}000") for i, name in enumerate(LINES, 1)])
    assert projects.save(), projects.editor.messages
    log.undo()
    log.redo()
    redone, undone, saved = history_lines(demo_store)[:3]
    assert saved.action == f"Change cost lines of {home.title}"
    assert _order(list(saved.details), "Added") == LINES
    assert undone.action == f"Undo change cost lines of {home.title}"
    assert _order(list(undone.details), "Deleted") == LINES
    assert redone.action == f"Redo change cost lines of {home.title}"
    assert _order(list(redone.details), "Added") == LINES
