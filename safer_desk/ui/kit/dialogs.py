"""The kit's dialog over a form presenter: what is typed is never lost by Esc, Cancel or the close box.

Used by the Costs dialogs (``ui/costs/widgets.py``) and the Indicator and Target dialog
(``ui/indicators/dialogs.py``): one guard, one question (Save / Discard / Cancel, ``prompts.ask_unsaved``).
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QWidget

from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.ui import prompts


class GuardedDialog(QDialog):
    """A dialog over a form presenter (``is_dirty``, ``describe_unsaved()``, ``save()``, ``title``): closing it
    with unsaved edits asks Save / Discard / Cancel first; Ctrl+S saves the form, as in the window.

    A successful save closes the dialog by the form's own way (its ``saved`` event, or its screen): Save in the
    question only saves. ``left_unsaved`` is what closing without saving does besides closing."""

    def __init__(self, parent: QWidget | None, form):
        super().__init__(parent)
        self.form_presenter = form
        self.setWindowTitle(form.title)
        self.setAccessibleName(form.title)
        # A new record's form is unsaved from the start: it is asked about only once something is typed in it.
        values = getattr(form, "values", None)
        self._new_as_opened = dict(values) if values is not None and getattr(form, "saved_values", None) == {} \
            else None
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.activated.connect(self.save)

    def save(self) -> bool:
        return self.form_presenter.save()

    def has_unsaved_changes(self) -> bool:
        form = self.form_presenter
        if not form.is_dirty:
            return False
        return self._new_as_opened is None or form.values != self._new_as_opened

    def left_unsaved(self) -> None:
        """Closing without saving (nothing typed, or Discard chosen): nothing more here."""

    def reject(self) -> None:
        """Cancel, Esc or the close box: unsaved edits are asked about first."""
        if self.has_unsaved_changes():
            choice = prompts.ask_unsaved(self, "Unsaved changes", self.form_presenter.describe_unsaved())
            if choice == UnsavedChoice.CANCEL:
                return
            if choice == UnsavedChoice.SAVE:
                self.save()  # saved, the form closes the dialog; refused, it stays open with the messages
                return
        self._close_unsaved()

    def may_close(self) -> bool:
        """Before its file closes (the program closing, another file opened): unsaved edits are asked about, and True
        once they are saved or discarded (the dialog then closed); False for Cancel or a save refused, which stays
        open with its messages."""
        if not self.isVisible() or not self.has_unsaved_changes():
            return True
        self.raise_()
        self.activateWindow()
        choice = prompts.ask_unsaved(self, "Unsaved changes", self.form_presenter.describe_unsaved())
        if choice == UnsavedChoice.CANCEL:
            return False
        if choice == UnsavedChoice.SAVE:
            return self.save() and not (self.isVisible() and self.has_unsaved_changes())
        self._close_unsaved()
        return True

    def _close_unsaved(self) -> None:
        self.left_unsaved()
        if self.isVisible():
            super().reject()


__all__ = ["GuardedDialog"]
