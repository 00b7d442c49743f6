"""What the open window shares with its tabs: the open file, the undo stack, change notices."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from safer_desk.services.files import Store

UNDO_CLOSED = ("Edit > Undo does not go back past this: the changes made before it can no longer be undone (undoing "
               "one would put back figures it has since changed).")


class Session(QObject):
    store_changed = Signal()
    data_changed = Signal(str)  # the area that changed ("projects", "allocation" …), "" for everything
    unsaved_changed = Signal()  # an editor's unsaved state may have changed (the window updates its title)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.store: Store | None = None
        self.undo_stack = QUndoStack(self)

    @property
    def read_only(self) -> bool:
        return self.store is None or self.store.read_only

    def set_store(self, store: Store | None) -> None:
        old, self.store = self.store, store
        self.undo_stack.clear()
        if old is not None:
            old.close()
        self.store_changed.emit()

    def notify(self, area: str = "") -> None:
        self.data_changed.emit(area)

    def changed_outside_undo(self) -> str:
        """The file was changed by work that is not a step of Edit > Undo (a police.uk import, a merge of
        district files): the steps before it are closed, since undoing one now would put back rows the work has
        since written over (an import's figures deleted). Returns the words for the person, "" when none were."""
        if not self.undo_stack.count():
            return ""
        self.undo_stack.clear()
        return UNDO_CLOSED

    def close(self) -> None:
        self.set_store(None)
