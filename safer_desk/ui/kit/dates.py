"""The kit's British date field: type 1/4/26, 01/04/2026, 1-4-26 or 1 April 2026, or pick from a calendar.

Reading the text is ``domain.periods.parse_uk_date`` (Qt-free, tested there); this widget only
shows it: a line edit, a calendar button, and the date tidied to 01/04/2026 when the field is left.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSize, Signal
from PySide6.QtWidgets import (QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QStyle, QStyleOptionFrame, QToolButton,
                               QWidget, QWidgetAction)

from safer_desk.domain.periods import PeriodError, format_uk_date, parse_uk_date


class _DateEdit(QLineEdit):
    """A line edit never narrower than a date in its font: Qt's least width for one is a few characters, and with the
    system's text at 10 or 11 points the project editor's two dates on one row read "4/2009" and "3/2010"."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        least = super().minimumSizeHint()
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        margins = self.textMargins()
        text = self.fontMetrics().horizontalAdvance("00/00/0000") + 4 + margins.left() + margins.right()  # Qt's 2+2
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_LineEdit, option, QSize(text, least.height()), self)
        return QSize(max(least.width(), size.width()), least.height())


class DateField(QWidget):
    """``text()`` is what was typed; ``date()`` reads it (None when blank or unreadable)."""

    textEdited = Signal(str)
    returnPressed = Signal()

    def __init__(self, parent: QWidget | None = None, *, accessible_name: str = "", placeholder: str = "dd/mm/yyyy"):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)  # the calendar button against the field: the two dates of a row fit at 1093x582
        self.edit = _DateEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.set_accessible_name(accessible_name)
        self.button.setToolTip("Choose from a calendar")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(self.calendar.firstDayOfWeek().Monday)
        menu = QMenu(self.button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._calendar_to_text)
        self.button.setMenu(menu)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self.textEdited)
        self.edit.returnPressed.connect(self.returnPressed)
        self.edit.editingFinished.connect(self.tidy)

    def set_accessible_name(self, name: str) -> None:
        """The field's name to a screen reader, and its calendar button's ("Choose Status since from a calendar")."""
        if name:
            self.edit.setAccessibleName(name)
        self.button.setAccessibleName(f"Choose {name or 'date'} from a calendar")

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def date(self) -> date | None:
        try:
            return parse_uk_date(self.edit.text()) if self.edit.text().strip() else None
        except PeriodError:
            return None

    def tidy(self) -> None:
        """Show a readable date the British way (1/4/26 → 01/04/2026); leave anything else as typed."""
        day = self.date()
        if day is not None and self.edit.text() != format_uk_date(day):
            self.edit.setText(format_uk_date(day))
            self.textEdited.emit(self.edit.text())

    def _calendar_to_text(self) -> None:
        day = self.date() or date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _picked(self, qdate: QDate) -> None:
        self.edit.setText(format_uk_date(date(qdate.year(), qdate.month(), qdate.day())))
        self.textEdited.emit(self.edit.text())
        self.button.menu().close()
        self.edit.setFocus()
