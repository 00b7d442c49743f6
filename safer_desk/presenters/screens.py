"""The base of a tab's presenter: a selection, the editor of what is selected, and the unsaved-changes guard."""

from __future__ import annotations

from typing import Callable

from safer_desk.domain.enums import LabelledEnum
from safer_desk.presenters.actions import Action, run_now
from safer_desk.presenters.events import Event
from safer_desk.presenters.forms import FormPresenter, discard_question


class UnsavedChoice(LabelledEnum):
    """The three answers to "you have unsaved changes"."""

    SAVE = ("save", "&Save")
    DISCARD = ("discard", "&Discard")
    CANCEL = ("cancel", "Cancel")


def read_only_refusal(what: str) -> str:
    """What a change asked of a file open read-only (another copy of it open, or a county file opened to read) is
    told, wherever it is refused (Budgets, the records dialogs, Commissioning): what was not done, and why."""
    return (f"The file is open read-only: “{what}” was not done, as nothing in it can be changed (the title bar says "
            "read-only).")


# How a file open read-only can be changed, said after a refusal where there is room.
READ_ONLY_REMEDY = ("To change it, open it again when nobody else has it open, or use File > Save a Copy… and work in "
                    "the copy.")


# Asked with the description of what is unsaved; the ui shows a message box, tests answer from a queue.
AskUnsaved = Callable[[str], UnsavedChoice]


class ScreenPresenter:
    """A screen's state: ``selected`` key, the ``editor`` of that record, and whether it is saved.

    ``perform`` runs each Action (the window pushes it on the undo stack; tests run it at once).
    Subclasses fill ``editor`` and call ``changed.emit()`` when what the screen shows changes.
    """

    tab = ""

    def __init__(self, *, perform: Callable[[Action], object] = run_now):
        self.perform = perform
        self.editor: FormPresenter | None = None
        self.selected: str | None = None
        self.changed = Event()

    def has_unsaved_changes(self) -> bool:
        return self.editor is not None and self.editor.is_dirty

    def describe_unsaved(self) -> str:
        return self.editor.describe_unsaved() if self.has_unsaved_changes() and self.editor else ""

    def save(self) -> bool:
        """Save the editor; True when there is nothing left unsaved."""
        if not self.has_unsaved_changes() or self.editor is None:
            return True
        return self.editor.save()

    def discard(self) -> None:
        if self.editor is not None:
            self.editor.discard()

    def discard_asked(self, confirm: Callable[[str], bool]) -> bool:
        """The Discard command: what is typed goes once ``confirm`` agrees, told what is lost. It is no undo step
        (nothing was saved to undo), so it asks, as a desktop program asks before it destroys work; True when
        nothing typed is left (discarded, or there was none), False when the answer kept it."""
        described = self.describe_unsaved()
        if described and not confirm(discard_question(described)):
            return False
        self.discard()
        return True

    def may_leave(self, ask: AskUnsaved, save: Callable[[], bool] | None = None) -> bool:
        """Before leaving the record, tab, file or program: True when it is safe to go on.

        Unsaved edits are asked about: Save (go on only if it saved), Discard, or Cancel (stay). ``save``: how the
        screen saves when the answer is Save, where its view says why a save was refused (else ``self.save``).
        """
        if not self.has_unsaved_changes():
            return True
        choice = ask(self.describe_unsaved())
        if choice == UnsavedChoice.SAVE:
            return (save or self.save)()
        if choice == UnsavedChoice.DISCARD:
            self.discard()
            return True
        return False
