"""A drop-down list the mouse wheel changes only once it has the keyboard.

Qt's QComboBox takes the wheel whenever the pointer is over it, clicked or not: an officer scrolling the project
form on a laptop turned Recre8's Status from Proposed to Live, and one notch over the Allocation tab's Rounding
re-split the pot, with nothing clicked. As in Windows' and Office's forms, a list not chosen (by a click or Tab)
leaves the wheel to the form or page around it, which scrolls; once chosen, the wheel steps through it as before.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QWidget


class ChoiceBox(QComboBox):
    """QComboBox whose wheel waits for the keyboard: taken by Tab or a click (not by the wheel itself)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Qt's WheelFocus would hand it the keyboard on a turn

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # passed on to the form or page under it, which scrolls


__all__ = ["ChoiceBox"]
