"""Labels of the kit that are cheap to import (the register's first screen uses one)."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class NamedLabel(QLabel):
    """A label with an accessible name ("Message about Cost", "Projects shown") that still says its words.

    Qt hands a screen reader a named label's name in place of its text, so the message, count or warning the label
    shows went unheard; its words (without markup) are its accessible description, kept as its text changes.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None, *, name: str = ""):
        super().__init__(text, parent)
        if name:
            self.setAccessibleName(name)
        self._describe()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._describe()

    def clear(self) -> None:
        super().clear()
        self._describe()

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self._describe()

    def _describe(self) -> None:
        text = self.text()
        if self.textFormat() != Qt.TextFormat.PlainText and QtGui.Qt.mightBeRichText(text):
            text = QtGui.QTextDocumentFragment.fromHtml(text).toPlainText()
        text = text if self.accessibleName() else ""  # unnamed, the text is its name already: not said twice
        if self.accessibleDescription() != text:
            self.setAccessibleDescription(text)
