"""The kit's dialog over a form presenter: what is typed is never lost by Esc, Cancel or the close box.

Used by the Costs dialogs (``ui/costs/widgets.py``) and the Indicator and Target dialog
(``ui/indicators/dialogs.py``): one guard, one question (Save / Discard / Cancel, ``prompts.ask_unsaved``).

``share_undo`` gives a window of its own the main window's Edit > Undo and Redo keys (and, to one left open beside
the window, F1 for the user guide); ``GuideInForms`` gives every modal dialog F1, the guide at the part about it.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.ui import prompts


def enter_presses_focused_button(dialog: QDialog, event) -> bool:
    """For a dialog of lists and buttons with no default button (History of Changes, Funders' Awards, Populations):
    Enter presses only the button in focus, whose own key it is; in a filter or on a list it pressed the dialog's
    default (Export… opened a save window; Add opened a blank form). True when the key was Enter (taken here)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return False
    event.accept()
    if isinstance(button := dialog.focusWidget(), QPushButton) and button.isEnabled():
        button.click()
    return True


def window_with_undo(widget: QWidget | None) -> QWidget | None:
    """The window whose Edit menu undoes and redoes (its ``undo_action`` and ``redo_action``), ``widget``'s own or
    one further up (a form opened over a list opened over the main window); None when there is none."""
    while widget is not None:
        top = widget.window()
        if getattr(top, "undo_action", None) is not None and getattr(top, "redo_action", None) is not None:
            return top
        widget = top.parentWidget()
    return None


def share_undo(dialog: QWidget, *, form: bool = False) -> None:
    """Edit > Undo and Redo, with their keys (Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z), in ``dialog``: a window of its own,
    modal or not, whose changes are steps of the main window's undo stack. The window's keys reached only the
    window, so Ctrl+Z in the dialog did nothing.

    A field being typed in (a table cell's editor too) still takes Ctrl+Z first and undoes the typing, as in the
    window. A ``form`` (typed, then saved as one step: an award, Office Details) is closed first by its ``reject``,
    which asks about what is typed: the step undone may be the very record it shows, which it would then show as it
    was. Save answered saves, and that save is the next step to undo, as on a tab; Cancel leaves it all as it was.
    With nothing to undo the form stays open.

    A window that is not a form (a list left open beside the window: History of Changes, Funders' Awards) takes
    Help > User Guide's F1 too: it did nothing there. (A modal form has F1 of its own: ``GuideInForms``.)"""
    window = window_with_undo(dialog.parentWidget())
    if window is None:
        return
    guide = getattr(window, "guide_action", None)
    if not form and guide is not None:
        dialog.addAction(guide)
    if form:
        dialog.setProperty(CLOSED_BEFORE_STEP, True)  # an undo from another window closes it first too
    for shared in (window.undo_action, window.redo_action):
        if not form:
            dialog.addAction(shared)
            continue
        own = QAction(dialog)  # the same keys, in this window only: the window's action is not also added here
        own.setShortcuts(shared.shortcuts())
        own.triggered.connect(partial(_close_then_step, dialog, window, shared))
        dialog.addAction(own)


# A dialog's property: the words the guide names it by ("Merging district files"), tried before its title's.
GUIDE_WORDS = "guide_words"
_HAS_GUIDE_KEY = "has_guide_key"


class GuideInForms(QObject):
    """F1 in every modal dialog of ``window`` (a form: Payment…, Refused…, Add year…, an award, the merge's summary):
    the user guide at the place it names that form (``GuideWindow.open_form_topic``: by the dialog's ``GUIDE_WORDS``,
    else its title's first words, else those of the list it was opened from), on the page of the tab in view first.
    The window's F1 did nothing in a modal dialog, which holds the window's keys; and a guide opened beside it could
    not be read until the form was closed. So the guide opens as the form's own window (closed with the form), which
    the form does not hold. A dialog gets the key when it first takes the keyboard (``QApplication.focusChanged``),
    so no dialog has to ask for it."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.main_window = window
        QApplication.instance().focusChanged.connect(self.follow_focus)

    @Slot(QWidget, QWidget)
    def follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        dialog = new.window() if new is not None else None
        if not isinstance(dialog, QDialog) or dialog.property(_HAS_GUIDE_KEY) or not dialog.isModal():
            return
        from safer_desk.ui.guide import GuideWindow

        if isinstance(dialog, (GuideWindow, QFileDialog)):
            return
        if window_with_undo(dialog.parentWidget()) is not self.main_window:
            return
        dialog.setProperty(_HAS_GUIDE_KEY, True)
        guide = getattr(self.main_window, "guide_action", None)
        if guide is not None and guide in dialog.actions():  # share_undo's, for a list beside the window: held here
            dialog.removeAction(guide)  # (and two actions on one key fire neither)
        key = QAction(dialog)
        key.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents))
        key.triggered.connect(partial(open_guide_over, dialog, self.main_window))
        dialog.addAction(key)


def open_guide_over(dialog: QDialog, window) -> QDialog:
    """The user guide as ``dialog``'s own window, at the place about it (see ``GuideInForms``)."""
    from safer_desk.ui.guide import GuideWindow, form_phrases

    guide = next((child for child in dialog.findChildren(GuideWindow) if child.parent() is dialog), None)
    if guide is None:
        guide = GuideWindow(dialog, within=window)
        dialog.finished.connect(guide.close)
    more = dialog.property(GUIDE_WORDS)
    phrases = form_phrases(dialog.windowTitle(), tuple([more] if isinstance(more, str) else more or ()))
    over = dialog.parentWidget()
    while over is not None and over.window() is not window:  # an award's form: then the list it was opened from
        phrases += form_phrases(over.window().windowTitle())
        over = over.window().parentWidget()
    store = getattr(getattr(window, "session", None), "store", None)
    guide.open_form_topic(window.current_tab_key() if store is not None else None, phrases)
    guide.show()
    guide.raise_()
    guide.activateWindow()
    return guide


# A form's property: an undo or redo closes it first, wherever it is asked for (``forms_closed_before_step``).
CLOSED_BEFORE_STEP = "closed_before_step"


def forms_closed_before_step(window: QWidget) -> bool:
    """Before an undo or redo asked for anywhere (the History of Changes' Ctrl+Z, which a form open over the window
    does not block): every form open over ``window`` closed by its ``reject``, which asks about what is typed (Save,
    Discard or Cancel). Left open, a form on the record the step changed showed it as it was before the step, and its
    Save put that back (a cost line's correction undone, then saved again with the supplier typed). False when one
    stays open (Cancel, or a save refused beside its fields): nothing is to be undone then."""
    from PySide6.QtWidgets import QApplication

    for form in QApplication.topLevelWidgets():
        if not form.property(CLOSED_BEFORE_STEP) or not form.isVisible():
            continue
        owner = form.parentWidget()
        while owner is not None and owner is not window:
            owner = owner.parentWidget()
        if owner is None:
            continue  # another window's
        form.reject()
        if form.isVisible():
            return False
    return True


def _close_then_step(form: QDialog, window, shared: QAction) -> None:
    if not shared.isEnabled():
        return  # nothing to undo (or redo): the form is left as it is
    stack = window.session.undo_stack
    depth = stack.index()
    form.reject()  # what is typed asked about: Save, Discard or Cancel
    if form.isVisible():
        return  # Cancel, or a save refused (its messages beside the fields)
    if stack.index() != depth:
        undo = shared is window.undo_action
        window.statusBar().showMessage("Saved. Undo again to undo it." if undo else "Saved.", 8000)
        return
    shared.trigger()


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
        share_undo(self, form=True)

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


__all__ = ["GuardedDialog", "forms_closed_before_step", "share_undo", "window_with_undo"]
