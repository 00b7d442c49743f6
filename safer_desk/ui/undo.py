"""Undo: one QUndoCommand per user action, wrapping service calls that do and undo it."""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand

from safer_desk.storage.audit import user_action


class ServiceCommand(QUndoCommand):
    """Runs ``do`` on redo and ``undo`` on undo; ``after`` refreshes the view both ways.

    The first redo (when the command is pushed) performs the action, so push the command
    instead of calling the service yourself. An exception from ``do`` is kept (not raised
    through Qt, which would wrap its message) and the command marks itself obsolete, so
    QUndoStack drops it; ``push_service_command`` then re-raises the original exception.
    """

    def __init__(self, text: str, do: Callable[[], object], undo: Callable[[], object],
                 after: Callable[[], None] | None = None):
        super().__init__(text)
        self._do, self._undo, self._after = do, undo, after
        self.error: Exception | None = None

    def redo(self) -> None:
        try:
            with user_action(self.text()):  # the audit entries it writes read as this one action
                self._do()
        except Exception as exc:  # handed to push_service_command, which re-raises it unchanged
            self.error = exc
            self.setObsolete(True)
            return
        if self._after:
            self._after()

    def undo(self) -> None:
        with user_action(f"Undo {self.text()}"):
            self._undo()
        if self._after:
            self._after()


def push_service_command(stack, text: str, do: Callable[[], object], undo: Callable[[], object],
                         after: Callable[[], None] | None = None) -> None:
    """Do an action through the undo stack; a failing action raises its own error and leaves nothing to undo."""
    command = ServiceCommand(text, do, undo, after)
    stack.push(command)  # an obsolete command is deleted by the stack, not added
    if command.error is not None:
        raise command.error
