"""Words over a table that scroll where the window is short (``NoteArea``), so the table keeps rows in view.

First Allocation's line above its results (seven lines ran the results past the page's foot at 1093x582); then the
merge summary's counts (fourteen lines with three offices' files and a 12 pt font at 150% on a 1366x768 laptop left
the table of conflicts one row)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget


class NoteArea(QScrollArea):
    """A word-wrapped label as tall as its lines where there is the room, else ``least_lines`` of it at least and the
    rest scrolled to."""

    def __init__(self, note: QLabel, parent: QWidget, *, least_lines: int = 2):
        super().__init__(parent)
        self._least_lines = least_lines
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(note)
        self.setAccessibleName(note.accessibleName())

    def whole_height(self) -> int:
        """The note's height at this width, every line of it."""
        return self.widget().heightForWidth(max(1, self.width()))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().sizeHint().width(), self.whole_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().minimumSizeHint().width(),
                     min(self.whole_height(), self._least_lines * self.widget().fontMetrics().lineSpacing()))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # its lines at the new width
