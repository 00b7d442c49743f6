"""The start page in the window frame: above the tabs while the open file holds nothing yet (or no file
is open), it says what to do next, each step a button (``presenters.start``)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout

from safer_desk.presenters.start import Step, start_page


class StartBanner(QFrame):
    """``actions`` maps each Step to what its button does (the window's own methods)."""

    def __init__(self, actions: dict[Step, Callable[[], object]], parent=None):
        super().__init__(parent)
        self.setObjectName("startBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("What to do next")
        self.actions = actions
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.reminder = QLabel(self)  # the office still called after its file, pointing to Office Details…
        self.reminder.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.buttons: dict[Step, QPushButton] = {}
        self.notes: dict[Step, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addWidget(self.reminder)
        layout.addLayout(self.grid)
        # True while the program starts: the file is about to open, so "No file is open" would only flash
        self.suspended = False
        self.letters = True  # the steps' Alt letters shown: only while the Projects tab is in view (show_letters)
        self.hide()

    def show_for(self, store) -> None:
        """Show what to do for this file (hidden when it already holds the office's work)."""
        page = None if self.suspended else start_page(store)
        if page is None:
            self.hide()
            return
        self.heading.setText(page.heading)
        self.text.setText(page.text)
        self.reminder.setText(page.reminder)
        self.reminder.setVisible(bool(page.reminder))
        for widget in list(self.buttons.values()) + list(self.notes.values()):
            self.grid.removeWidget(widget)
            widget.hide()  # at once: until deleted, an old step's button kept its Alt letter beside the new ones
            widget.deleteLater()
        self.buttons.clear()
        self.notes.clear()
        for row, step in enumerate(page.steps):
            button = QPushButton(self._text(step), self)
            button.setAccessibleName(step.label.replace("&", "").rstrip("…"))
            button.clicked.connect(lambda _=False, s=step: self.actions[s]())
            note = QLabel(page.note(step), self)
            note.setWordWrap(True)
            self.grid.addWidget(button, row, 0)
            self.grid.addWidget(note, row, 1, Qt.AlignmentFlag.AlignVCenter)
            self.buttons[step] = button
            self.notes[step] = note
        self.show()

    def show_letters(self, shown: bool) -> None:
        """The steps' Alt letters shown (the Projects tab in view, beside whose keys they were chosen) or not: over
        another tab they were that tab's own (Alt+Y Costs' Payment…, Alt+K Allocation's Working on), and a letter
        shown twice presses neither."""
        if shown != self.letters:
            self.letters = shown
            for step, button in self.buttons.items():
                button.setText(self._text(step))

    def _text(self, step: Step) -> str:
        return step.label if self.letters else step.label.replace("&", "")

    def button(self, step: Step) -> QPushButton:
        return self.buttons[step]
