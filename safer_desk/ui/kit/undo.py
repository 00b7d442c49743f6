"""The one undo shape: each user action is one named QUndoCommand built from a service's do/undo pair.

Modelled on orange-canvas-core ``document/commands.py`` (``SimpleUndoCommand``). The command
carries the key of the tab where the action happened; the main window brings that tab into view
before undoing or redoing it, and the Edit menu says what it will undo ("Undo save project X").
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from safer_desk.presenters.actions import Action, user_action


class ActionCommand(QUndoCommand):
    """Runs ``action.do`` on redo and ``action.undo`` on undo; ``action.after`` refreshes the view both ways.

    With ``done_already`` the first redo (at push) does nothing, because the action has just been
    done outside the stack (so a refusal reached the caller as the service raised it); ``push_action`` always
    does so. Otherwise the push performs it; an exception from that first ``do`` is kept in ``error`` (not raised
    through Qt, which would wrap its message) and the command marks itself obsolete so the stack drops it (the
    stack has dropped the steps Redo offered by then).
    """

    def __init__(self, action: Action, *, done_already: bool = False):
        super().__init__(action.text)
        self.action = action
        self.tab = action.tab
        self._skip_first = done_already
        self._done_once = done_already  # every later redo is named "Redo …" in the history
        self._undone_already = False
        self.error: Exception | None = None
        self.result: Any = None

    def redo(self) -> None:
        if self._skip_first:
            self._skip_first = False
        else:
            try:
                self.result = self.action.perform_redo() if self._done_once else self.action.perform_do()
                self._done_once = True
            except Exception as exc:  # kept for whoever pushed the command, unchanged
                self.error = exc
                self.setObsolete(True)
                return
        if self.action.after:
            self.action.after()

    def undo(self) -> None:
        if self._undone_already:
            self._undone_already = False
        else:
            self.action.perform_undo()
        if self.action.after:
            self.action.after()


def push_action(stack: QUndoStack, action: Action, *, run_first: bool = False) -> Any:
    """Do an action as one undoable step and return what ``do`` returned.

    It is done before it goes on the stack (``run_first`` is kept for its callers; every action is): a refusal then
    leaves nothing to undo, reaches the caller exactly as the service raised it and leaves the stack as it was, the
    steps Edit > Redo offers included (``QUndoStack.push`` drops them before it runs the command it is given). So
    does an action that left the file as it was (``Action.changed_nothing``).
    """
    result = action.perform_do()
    if action.changed_nothing:  # the file as it was: no step that would undo nothing, and Redo stays on offer
        if action.after:
            action.after()
        return result
    stack.push(ActionCommand(action, done_already=True))
    return result


def undo_step(stack: QUndoStack) -> None:
    """Undo the last action on the stack. Its undo runs before the stack moves, so a failure (the disk full, the
    file gone) raises its own error and leaves the stack where it was, Edit > Undo still offering the action;
    ``QUndoStack.undo`` alone moves on even when the command's undo raises, as if it had been undone."""
    command = stack.command(stack.index() - 1)
    if isinstance(command, ActionCommand):
        command.action.perform_undo()
        command._undone_already = True
    stack.undo()


def redo_step(stack: QUndoStack) -> None:
    """Redo the next action on the stack, as ``undo_step`` undoes one: a failure leaves the stack where it was."""
    command = stack.command(stack.index())
    if isinstance(command, ActionCommand):
        command.action.perform_redo()
        command._skip_first = True
    stack.redo()


def push_service_action(stack: QUndoStack, text: str, do: Callable[[], Any], undo: Callable[[], Any],
                        after: Callable[[], None] | None = None, *, tab: str = "", run_first: bool = False) -> Any:
    """``push_action`` for call sites that have the pieces rather than an Action."""
    return push_action(stack, Action(text, do, undo, tab, after), run_first=run_first)


def push_snapshot_action(stack: QUndoStack, text: str, *, key: str | None, snap: Callable[[str], Any],
                         restore: Callable[[Any], None], absent: Callable[[str], Any], action: Callable[[], Any],
                         after: Callable[[], None], tab: str = "") -> Any:
    """Do ``action`` now as one undoable step whose undo and redo put back the rows as they were.

    ``key`` names the record the action changes, or None when the action creates it (its id is then
    the action's result, and "before" is that it did not exist).
    """
    before = snap(key) if key else None
    with user_action(text):  # its entries named in the history as its undo and redo are ("Undo …", "Redo …")
        result = action()  # a refusal raises here, before anything is on the undo stack
    k = key or result
    before = before if before is not None else absent(k)
    after_rows = snap(k)
    stack.push(ActionCommand(Action(text, lambda: restore(after_rows), lambda: restore(before), tab, after),
                             done_already=True))
    return result
