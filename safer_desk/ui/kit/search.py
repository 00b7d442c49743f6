"""The search box above a table: the keys an officer working without a mouse reaches for.

Esc empties it (the clear button is for the mouse; a second Esc, on an empty box, goes on to the window as before,
so a dialog still closes), and Down moves into its table, on the first row when none is chosen, as the office
dialog's filter does: from the box the table was otherwise reached only by tabbing through every filter between.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QWidget


class SearchBox(QLineEdit):
    """A QLineEdit searching ``table`` (set when the table is made; or a function giving the table shown, where the
    box searches several): Esc empties it, Down goes into the table."""

    def __init__(self, parent: QWidget | None = None, *,
                 table: QAbstractItemView | Callable[[], QAbstractItemView | None] | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.setClearButtonEnabled(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_Escape and plain and self.text():
            self.clear()  # textChanged: the table shows every row again
            event.accept()
            return
        if event.key() == Qt.Key.Key_Down and plain and self._into_table():
            event.accept()
            return
        super().keyPressEvent(event)

    def _into_table(self) -> bool:
        table = self.table() if callable(self.table) else self.table
        model = table.model() if table is not None else None
        if model is None or not model.rowCount() or not table.isVisible():
            return False
        selection = table.selectionModel()
        if selection is None or not selection.selectedRows():
            table.selectRow(0)
        table.setFocus(Qt.FocusReason.TabFocusReason)
        return True


__all__ = ["SearchBox"]
