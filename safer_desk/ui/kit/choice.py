"""A drop-down list the mouse wheel changes only once it has the keyboard.

Qt's QComboBox takes the wheel whenever the pointer is over it, clicked or not: an officer scrolling the project
form on a laptop turned Recre8's Status from Proposed to Live, and one notch over the Allocation tab's Rounding
re-split the pot, with nothing clicked. As in Windows' and Office's forms, a list not chosen (by a click or Tab)
leaves the wheel to the form or page around it, which scrolls; once chosen, the wheel steps through it as before.

A choice cut short by the list's width (a scenario's title on a 1366x768 laptop at 125%) is shown whole when pointed
at, as a table's cut cell is; a tooltip the page gives the list is left to show instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
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

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and not self.toolTip():
            from PySide6.QtWidgets import QToolTip  # when first pointed at, not on the way to the first screen

            text = self.currentText()
            if text and self.choice_cut_short():
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def choice_cut_short(self) -> bool:
        """Whether the chosen text is wider than the part of the list that shows it."""
        from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        shown = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return self.fontMetrics().horizontalAdvance(self.currentText()) > shown.width()


__all__ = ["ChoiceBox"]
