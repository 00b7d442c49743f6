"""Ctrl+Z and Ctrl+Y in a box being typed in: the box's own typing first, then the window's Edit > Undo and Redo.

Qt's text boxes (a line, a box of several lines, a spin box's or an editable list's line) take the Undo and Redo keys
whether or not they have anything of their own to undo, so in the register's search, a form's field or a Costs field
Ctrl+Z never reached Edit > Undo once the typing was undone: the officer pressed it and nothing happened. One rule
for every box, kept by one filter the main window installs (``install_typing_undo``) on the box being typed in: the box
takes the key while it has typing of its own to undo (redo); then the key is the window's (the Edit menu's action,
or a dialog's shared one: ``dialogs.share_undo``, where a form closes first and asks about what is typed).

A box may also say it shows what the file holds (``shows_held``: an Allocation option holding its figure, a form's
field as saved): undoing its typing would then put back text the file no longer holds beside figures worked out from
what it does, so Ctrl+Z there is Edit > Undo at once (round 40, the Allocation options).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

_HOLDS = "_typing_undo_holds"  # a box's own test of whether it shows what the file holds (``shows_held``)


def shows_held(box: QWidget, holds: Callable[[], bool]) -> None:
    """Mark ``box`` (the widget that has the focus: a line, a spin box, a list) as showing what the file holds while
    ``holds()`` says so: Ctrl+Z there is then Edit > Undo, whatever the box could still undo of its own."""
    setattr(box, _HOLDS, holds)


def _text_of(widget: QWidget):
    """The text box behind a focused widget (a spin box's or an editable list's line), or None for any other."""
    # Imported here, once the focus first moves: importing these classes makes their enums, on the way to the first
    # screen otherwise (about 1 ms).
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit

    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        return widget
    if isinstance(widget, QComboBox):
        return widget.lineEdit()  # None unless editable
    if isinstance(widget, QAbstractSpinBox):  # its line is protected in Qt: its one child line edit
        return widget.findChild(QLineEdit)
    return None


def takes_key(widget: QWidget, *, undo: bool) -> bool:
    """Whether the focused ``widget`` keeps Ctrl+Z (``undo``) or Ctrl+Y for typing of its own: a box that can be typed
    in and has something of its own to undo (redo), and for Ctrl+Z does not show what the file holds."""
    box = _text_of(widget)
    if box is None or box.isReadOnly():
        return False  # not a text box, or one only to read: Qt passes the key on itself
    if isinstance(box, QLineEdit):
        own = box.isUndoAvailable() if undo else box.isRedoAvailable()
    else:
        own = box.document().isUndoAvailable() if undo else box.document().isRedoAvailable()
    if not own:
        return False
    holds = getattr(widget, _HOLDS, None)
    # Ctrl+Y after Ctrl+Z took the typing back to what is held still redoes that typing: it is the box's own.
    return not (undo and holds is not None and holds())


class TypingUndo(QObject):
    """The filter: an Undo or Redo key in a text box with nothing of its own to undo (redo) goes on to the window's
    shortcuts instead of being kept by the box (and lost). It watches the box that has the keyboard, nothing else:
    on the application it would be called for every event of every widget (each paint, each move of the mouse)."""

    def follow_focus(self, old, new) -> None:
        if old is not None:
            old.removeEventFilter(self)
        if new is not None and _text_of(new) is not None:
            new.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QWidget):
            undo = event.matches(QKeySequence.StandardKey.Undo)
            if (undo or event.matches(QKeySequence.StandardKey.Redo)) and _text_of(watched) is not None \
                    and not takes_key(watched, undo=undo):
                event.ignore()  # not the box's: the window's Edit > Undo (Redo) has it
                return True
        return False


def install_typing_undo(owner: QObject) -> TypingUndo:
    """Keep the rule for every box in the application while ``owner`` (the main window) lives: the box with the
    keyboard is watched as the focus moves (Qt stops calling the filter when ``owner`` is deleted). Two windows each
    installing it give the same answer."""
    typing_undo = TypingUndo(owner)
    app = QApplication.instance()
    app.focusChanged.connect(typing_undo.follow_focus)
    typing_undo.follow_focus(None, app.focusWidget())
    return typing_undo


__all__ = ["TypingUndo", "install_typing_undo", "shows_held", "takes_key"]
