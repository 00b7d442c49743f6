"""Figures saved as the file holds them are no step of Edit > Undo (session 63, helper hist).

Plymouth's All crime for April 2016 is 1,335. Typed again as 1335 (the paper's figure, read again to check it) and
saved, the file was left as it was (nothing in the History of Changes), yet Edit > Undo offered "Undo save figures
of …": an undo that undid nothing ("Undone: …", and no figure moved), taking the place of the step before it, and a
Redo on offer was dropped. A save that changes nothing now leaves the undo stack as it was.
"""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import Action, ActionLog, snapshot_action
from safer_desk.services import indicators as svc
from safer_desk.ui.app import wait_until_idle
from tests.window_sizes import resize_window


def test_figures_saved_as_held_leave_no_undo_step_and_keep_redo(demo_window, qtbot, prompts):
    resize_window(demo_window, (1280, 800))
    tab = demo_window.show_tab("indicators")
    assert tab.select_area("district:plymouth") and tab.select_year(FinancialYear(2016))
    wait_until_idle(demo_window)
    grid, stack, store = tab.grid, demo_window.session.undo_stack, demo_window.session.store
    assert grid.model().index(0, 0).data() == "1,335"
    grid.edit_text(svc.GRID_VALUE, 1, "1,600")
    assert tab.save_figures()
    demo_window.undo_action.trigger()  # May back to 1,576: Redo offers 1,600 again
    wait_until_idle(demo_window)
    audit = store.scalar("SELECT max(id) FROM audit_log")
    grid.edit_text(svc.GRID_VALUE, 0, "1335")
    assert tab.save_figures()
    assert store.scalar("SELECT max(id) FROM audit_log") == audit  # nothing written
    assert stack.index() == 0 and not demo_window.undo_action.isEnabled(), demo_window.undo_action.text()
    assert demo_window.redo_action.isEnabled()
    assert grid.model().index(0, 0).data() == "1,335"


def test_a_snapshot_step_that_changes_nothing_is_not_kept():
    """The same for every step put back by snapshots (presenters.actions.snapshot_action)."""
    rows = {"a": 1}
    log = ActionLog()

    def step(value: int) -> Action:
        return snapshot_action("Set a", key="a", snap=lambda k: rows[k], restore=lambda v: rows.update(a=v),
                               absent=lambda k: None, change=lambda: rows.update(a=value), after=lambda k: None)

    log(step(2))
    log(step(2))  # as held: not a step
    assert [a.text for a in log.done] == ["Set a"]
    log.undo()
    assert rows == {"a": 1}
