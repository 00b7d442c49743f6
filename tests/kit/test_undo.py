"""The one undo shape: a named command per user action, carrying its tab; done first or by the push."""

import pytest
from PySide6.QtGui import QUndoStack

from safer_desk.presenters.actions import Action, ActionLog, lower_first
from safer_desk.ui.kit.undo import ActionCommand, push_action, push_snapshot_action


def test_an_action_pushed_is_done_named_and_carries_its_tab(qtbot):
    stack, lines, shown = QUndoStack(), [], []
    result = push_action(stack, Action("Cost line for WSCSP-DHR-2026-07", do=lambda: lines.append(2000) or "line-1",
                                       undo=lines.pop, tab="costs", after=lambda: shown.append(list(lines))))
    assert result == "line-1" and lines == [2000]
    assert stack.undoText() == "Cost line for WSCSP-DHR-2026-07" and stack.command(0).tab == "costs"
    stack.undo()
    stack.redo()
    assert lines == [2000] and shown == [[2000], [], [2000]]


def test_run_first_does_the_action_before_it_is_on_the_stack(qtbot):
    stack, lines = QUndoStack(), []

    def refuse():
        raise ValueError("no such review")

    with pytest.raises(ValueError, match="no such review"):
        push_action(stack, Action("Pay", do=refuse, undo=lambda: None), run_first=True)
    assert stack.count() == 0
    push_action(stack, Action("Add", do=lambda: lines.append(1), undo=lines.pop), run_first=True)
    assert lines == [1] and stack.count() == 1  # done once, not again by the push
    stack.undo()
    assert lines == []


def test_a_snapshot_action_puts_back_the_rows_as_they_were(qtbot):
    table = {"r1": {"cost": 752_558}}
    stack = QUndoStack()

    def snap(key):
        return dict(table[key]) if key in table else None

    def restore(rows):
        key, row = rows
        if row is None:
            table.pop(key, None)
        else:
            table[key] = dict(row)

    def edit():
        table["r1"]["cost"] = 952_558

    refreshed = []
    push_snapshot_action(stack, "Edit review r1", key="r1", snap=lambda k: (k, snap(k)), restore=restore,
                         absent=lambda k: (k, None), action=edit, after=lambda: refreshed.append(1), tab="costs")

    def add():
        table["r2"] = {"cost": 100}
        return "r2"

    push_snapshot_action(stack, "Add review r2", key=None, snap=lambda k: (k, snap(k)), restore=restore,
                         absent=lambda k: (k, None), action=add, after=lambda: None)
    stack.undo()
    assert "r2" not in table
    stack.undo()
    assert table == {"r1": {"cost": 752_558}} and refreshed == [1, 1]  # shown after the edit and after its undo
    stack.redo()
    stack.redo()
    assert table == {"r1": {"cost": 952_558}, "r2": {"cost": 100}}


def test_without_a_window_the_action_log_undoes_and_redoes():
    log, lines = ActionLog(), []
    log(Action("Save project Suffolk Strive", do=lambda: lines.append("saved"), undo=lines.pop))
    assert log.undo_text == "Undo save project Suffolk Strive"
    log.undo()
    assert lines == [] and log.undo_text == ""
    log.redo()
    assert lines == ["saved"]
    assert lower_first("DHR ledger") == "DHR ledger" and lower_first("A") == "A"
    assert isinstance(ActionCommand(Action("x", do=lambda: None, undo=lambda: None)).action, Action)
