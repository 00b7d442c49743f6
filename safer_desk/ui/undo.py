"""Undo: one QUndoCommand per user action, wrapping service calls that do and undo it."""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand


class ServiceCommand(QUndoCommand):
    """Runs ``do`` on redo and ``undo`` on undo; ``after`` refreshes the view both ways.

    The first redo (when the command is pushed) performs the action, so push the
    command instead of calling the service yourself. If ``do`` raises, the
    exception propagates from ``QUndoStack.push`` and the command is marked obsolete.
    """

    def __init__(self, text: str, do: Callable[[], object], undo: Callable[[], object],
                 after: Callable[[], None] | None = None):
        super().__init__(text)
        self._do, self._undo, self._after = do, undo, after

    def redo(self) -> None:
        try:
            self._do()
        except Exception:
            self.setObsolete(True)
            raise
        if self._after:
            self._after()

    def undo(self) -> None:
        self._undo()
        if self._after:
            self._after()


def push_service_command(stack, text: str, do: Callable[[], object], undo: Callable[[], object],
                         after: Callable[[], None] | None = None) -> None:
    """Do an action through the undo stack; a failing action leaves nothing on the stack."""
    command = ServiceCommand(text, do, undo, after)
    try:
        stack.push(command)
    except Exception:
        # QUndoStack keeps an obsolete command only until the next push; remove it now.
        if stack.count() and stack.command(stack.count() - 1) is command:
            stack.setIndex(stack.count() - 1)
        raise
