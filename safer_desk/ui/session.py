"""What the open window shares with its tabs: the open file, the undo stack, change notices."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from safer_desk.services.files import Store

UNDO_CLOSED = ("Edit > Undo does not go back past this: the changes made before it can no longer be undone (undoing "
               "one would put back figures it has since changed).")
# The same work on a file with no steps to close: an officer pressing Ctrl+Z to take an import back had no word of why
# nothing happened.
UNDO_NOT_A_STEP = ("Edit > Undo does not take back an import or a merge of files: View > History of Changes lists "
                   "what it changed.")


class Session(QObject):
    store_changed = Signal()
    data_changed = Signal(str)  # the area that changed ("projects", "allocation" …), "" for everything
    unsaved_changed = Signal()  # an editor's unsaved state may have changed (the window updates its title)
    undo_closed = Signal()  # an import or a merge changed the file outside Edit > Undo (the Edit menu says so)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.store: Store | None = None
        self.undo_stack = QUndoStack(self)
        self.changed_by_work = False  # an import or a merge changed the open file: Edit > Undo cannot go back past it

    @property
    def read_only(self) -> bool:
        return self.store is None or self.store.read_only

    def set_store(self, store: Store | None) -> None:
        old, self.store = self.store, store
        self.changed_by_work = False
        self.undo_stack.clear()
        if old is not None:
            old.close()
        self.store_changed.emit()

    def notify(self, area: str = "") -> None:
        self.data_changed.emit(area)

    def changed_outside_undo(self) -> str:
        """The file was changed by work that is not a step of Edit > Undo (a police.uk import, a merge of
        district files): the steps before it are closed, since undoing one now would put back rows the work has
        since written over (an import's figures deleted). Returns the words for the person: that, or with no steps
        to close that the work itself is not one."""
        self.changed_by_work = True
        said = UNDO_CLOSED if self.undo_stack.count() else UNDO_NOT_A_STEP
        self.undo_stack.clear()
        self.undo_closed.emit()
        return said

    def close(self) -> None:
        self.set_store(None)
