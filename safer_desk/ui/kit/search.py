"""The search box above a table or a list: the keys an officer working without a mouse reaches for.

Esc empties it (the clear button is for the mouse; a second Esc, on an empty box, goes on to the window as before,
so a dialog still closes), and Down moves into what it searches, on the first row when none is chosen: from the box
the table was otherwise reached only by tabbing through every filter between. One box for both: the office dialog's
district filter (a list in a dialog, where Enter goes into the list too) and the window's table searches.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView, QWidget

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SearchBox(QLineEdit):
    """A QLineEdit searching ``table``, a table or a list (set when it is made; or a function giving the one shown,
    where the box searches several): Esc empties it, Down goes into it. With ``enter_goes_in`` Enter goes in too and
    never goes on: in a dialog, Enter would otherwise press its default button (Save) half-way through choosing."""

    def __init__(self, parent: QWidget | None = None, *,
                 table: QAbstractItemView | Callable[[], QAbstractItemView | None] | None = None,
                 enter_goes_in: bool = False) -> None:
        super().__init__(parent)
        self.table = table
        self.enter_goes_in = enter_goes_in
        self.setClearButtonEnabled(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()  # textChanged: the table shows every row again
            event.accept()
            return
        enter = self.enter_goes_in and key in _ENTER
        # Down alone: with Shift or Ctrl it is the text's own key on some systems (select or go to the end).
        down = key == Qt.Key.Key_Down and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if (down or enter) and (self._into_table() or enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def _into_table(self) -> bool:
        view = self.table() if callable(self.table) else self.table
        model = view.model() if view is not None else None
        # Visible once its window is: a dialog's list is gone into before the dialog is painted; a table on a page
        # not shown (a fund's Spend lines behind its Referrals) is not.
        if model is None or not model.rowCount() or not view.isVisibleTo(view.window()):
            return False
        if isinstance(view, QTableView):  # a table's chosen rows are those selected: Copy, Edit… and Del act on them
            selection = view.selectionModel()
            if selection is None or not selection.selectedRows():
                view.selectRow(0)
        elif not view.currentIndex().isValid():  # a list's is its current row: the one Space ticks
            view.setCurrentIndex(model.index(0, 0))
        view.setFocus(Qt.FocusReason.TabFocusReason)
        return True


__all__ = ["SearchBox"]
