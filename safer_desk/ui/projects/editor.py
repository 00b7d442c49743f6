"""The editor of the selected project: a kit FormView over ``ProjectEditorPresenter``, plus the cost lines."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QMainWindow, QPushButton,
                               QTableWidgetItem,
                               QVBoxLayout, QWidget)

from safer_desk.domain.money import format_money
from safer_desk.domain.projects import CRITERIA_KEYS
from safer_desk.presenters.projects import ProjectEditorPresenter
from safer_desk.ui.kit import key_after_words
from safer_desk.ui.kit.forms import FormView, NamedLabel, WrappedLabel
from safer_desk.ui.kit.sheet_table import SheetTable
from safer_desk.ui.kit.colours import alert_style, on_pale_style, quiet_style, themed

LINE_COLUMNS = ("Year", "Category", "Description", "Amount", "Read as")  # the amount kept as written
# The figures stay in view on a laptop (1093x582 left the grid 328 pixels): Description is shown last, taking the room
# left, and Category and the figures take their text's width up to these (the whole text is each cell's tooltip).
LINE_WIDEST = {1: 100, 3: 110, 4: 110}
SECTIONS = [
    ("", ["title", "ref", "status", "funding_route", "cost", "cost_note", "capital", "start_date"]),
    ("Board criteria (√ yes, X no, ? unknown)", list(CRITERIA_KEYS)),
    ("", ["lead_organisation", "officers", "areas", "indicators", "outcomes", "priorities", "funding_sources",
          "description", "notes"]),
    ("Cost lines (by financial year and category)", ["cost_lines"]),
]
PAIRS = {"status": "status_date", "capital": "revenue", "start_date": "end_date",
         **{key: f"{key}_note" for key in CRITERIA_KEYS}}


class CostLinesTable(SheetTable):
    """The cost lines' grid: Ctrl+C and Edit > Copy copy the lines selected with their headings (Qt's own copied the
    current cell, and Edit > Copy the register's row); Ctrl+V and Edit > Paste give ``pasted`` the clipboard's text
    (Edit > Paste opened the register's Paste rows, offering each line as a project)."""

    pasted = Signal(str)

    def paste_rows(self) -> None:
        text = QGuiApplication.clipboard().text()
        if text.strip():
            self.pasted.emit(text)

    on_paste = paste_rows  # Ctrl+V (the kit's paste_key)


class CostLinesEditor(QWidget):
    """The cost lines as a small grid; each edit is handed to the presenter."""

    accept_requested = Signal(int)
    line_added = Signal()  # the keyboard is in the new line: the form scrolls it into view

    def __init__(self, presenter: ProjectEditorPresenter, parent: QWidget | None = None):
        super().__init__(parent)
        self.presenter = presenter
        self._filling = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = CostLinesTable(0, len(LINE_COLUMNS), corner="Line")  # copies and pastes lines as Excel does
        self.table.pasted.connect(self._paste)
        self.table.setAccessibleName("Cost lines")
        self.table.setHorizontalHeaderLabels(LINE_COLUMNS)
        header = self.table.horizontalHeader()
        header.moveSection(2, len(LINE_COLUMNS) - 1)  # shown last; its column number (the cell's place) stays
        header.setStretchLastSection(True)
        for c in (0, 1, 3, 4):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setMinimumHeight(130)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.itemChanged.connect(self._edited)
        self.table.viewport().installEventFilter(self)
        layout.addWidget(self.table)
        # Each year's lines added up ("By year: 2009/10 £46,500; …"): the figures the paper prints for each year.
        self.years = WrappedLabel()
        self.years.setAccessibleName("Cost lines by year")
        themed(self.years, quiet_style)
        self.years.hide()
        layout.addWidget(self.years)
        self.messages = NamedLabel()
        self.messages.setWordWrap(True)
        themed(self.messages, alert_style)
        self.messages.setAccessibleName("Message about cost lines")
        self.messages.hide()
        layout.addWidget(self.messages)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add li&ne")
        self.add_button.clicked.connect(self.add_line)
        self.remove_button = QPushButton("Re&move line")
        self.remove_button.clicked.connect(self.remove_lines)
        # U S G T D R are Status's, Save's, Funding route's, Title's, Start date's and Revert's: the key after the words
        self.accept_button = key_after_words("Use suggested figure", "5")
        self.accept_button.setToolTip("Read the selected queried line as the figure suggested for it")
        self.accept_button.clicked.connect(self._accept_selected)
        for b in (self.add_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        # Under the others: the three side by side made the form 416 pixels wide, more than its pane has beside the
        # register on a laptop (1366x768 at 125% or 150%), and the form ran past the window's edge.
        accept_row = QHBoxLayout()
        accept_row.addWidget(self.accept_button)
        accept_row.addStretch(1)
        layout.addLayout(accept_row)
        presenter.changed.connect(self.refresh)
        self.destroyed.connect(lambda *_: presenter.changed.disconnect(self.refresh))

    def _paste(self, text: str) -> None:
        from safer_desk.exchange.files import parse_tsv  # here, as the register's paste: not for the first screen

        at = self.table.currentIndex()
        said = self.presenter.paste_cost_lines(parse_tsv(text, keep_blank_rows=True), at.row() if at.isValid() else -1,
                                               at.column() if at.isValid() else 0)
        window = self.window()
        if said and isinstance(window, QMainWindow):  # a column or a heading row left out, said where Save says
            window.statusBar().showMessage(said, 10000)

    def refresh(self) -> None:
        lines = list(self.presenter.value("cost_lines") or ())
        editable = self.presenter.enabled and not self.presenter.read_only
        if [tuple(r) for r in self._lines()] != lines:
            self._filling = True
            self.table.setRowCount(0)
            for values in lines:
                self._append(values)
            self._filling = False
        self._fit_columns()
        for w in (self.table, self.add_button, self.remove_button):
            w.setEnabled(editable)
        self.accept_button.setEnabled(editable and not self.presenter.is_new)
        years = self.presenter.cost_line_years
        self.years.setText(years)
        self.years.setVisible(bool(years))
        messages = self.presenter.cost_line_messages()
        self.messages.setText("\n".join(f"⚠ Cost line {i + 1}: {m}" for i, m in sorted(messages.items())))
        self.messages.setVisible(bool(messages))

    def _fit_columns(self) -> None:
        """Year as wide as its text; Category and the figures as wide as theirs up to ``LINE_WIDEST``; Category
        narrower when the grid is, so the figures stay in view (its whole text is its tooltip)."""
        fm, pad = self.table.fontMetrics(), 16
        widths = {}
        for c in (0, 1, 3, 4):
            texts = [LINE_COLUMNS[c]] + [self.table.item(r, c).text() for r in range(self.table.rowCount())
                                         if self.table.item(r, c) is not None]
            width = max(fm.horizontalAdvance(t) for t in texts) + pad
            widths[c] = min(width, LINE_WIDEST.get(c, width))
        room = self.table.viewport().width() - widths[0] - widths[3] - widths[4]
        least = fm.horizontalAdvance("Cate…") + 8  # its heading cut short, read whole in its tooltip
        widths[1] = max(least, min(widths[1], room))
        for c, width in widths.items():
            self.table.setColumnWidth(c, width)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()  # the grid narrower (its scroll bar shown, the pane narrowed): the figures in view
        return super().eventFilter(watched, event)

    def _append(self, values) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            self.table.setItem(r, c, item)
        text = self._read_as(values[3] if len(values) > 3 else "")
        read = QTableWidgetItem(text)
        read.setToolTip(text)
        read.setFlags(read.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(r, 4, read)

    @staticmethod
    def _read_as(text: str) -> str:
        from safer_desk.domain.projects import read_line_amount

        if not (text or "").strip():
            return ""
        amount = read_line_amount(text)
        if amount.queried:
            hint = f" — did you mean {format_money(amount.suggestion_pence)}?" if amount.suggestion_pence else ""
            return f"⚠ queried{hint}"
        return amount.describe()

    def _lines(self) -> list[tuple[str, ...]]:
        return [tuple((self.table.item(r, c).text() if self.table.item(r, c) else "") for c in range(4))
                for r in range(self.table.rowCount())]

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() == 4:
            return
        self._filling = True
        item.setToolTip(item.text())
        read = self.table.item(item.row(), 4)
        if read is not None:
            read.setText(self._read_as(self.table.item(item.row(), 3).text() if self.table.item(item.row(), 3) else ""))
            read.setToolTip(read.text())
        self._filling = False
        self.presenter.set_cost_lines(self._lines())

    def add_line(self) -> None:
        """An empty line at the end, with the keyboard in its Year cell: what is typed next goes into it (Alt+N left
        the keyboard in the field it was pressed in, the line out of view)."""
        self.presenter.set_cost_lines([*self._lines(), ("", "", "", "")])
        row = self.table.rowCount() - 1
        if row < 0:
            return
        self.table.setCurrentCell(row, 0)
        self.table.scrollToItem(self.table.item(row, 0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.line_added.emit()

    def remove_lines(self) -> None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        self.presenter.set_cost_lines([line for r, line in enumerate(self._lines()) if r not in rows])

    def _accept_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if rows:
            self.accept_requested.emit(rows[0])


class ProjectEditor(FormView):
    """Every field of DESIGN.md §2.1 for one project; Save and the messages stay in view."""

    def __init__(self, presenter: ProjectEditorPresenter, parent: QWidget | None = None):
        self.cost_lines = CostLinesEditor(presenter)
        super().__init__(presenter, parent, pairs=PAIRS, sections=SECTIONS, custom={"cost_lines": self.cost_lines},
                         save_text="&Save changes", discard_text="&Revert",
                         unlabelled=[f"{key}_note" for key in CRITERIA_KEYS], spanning=["cost_lines"])
        self.save_button.setAccessibleName("Save changes to this project")
        self.warning = NamedLabel()
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName("Warning")  # the cost lines', and an area the file does not know
        self.warning.setStyleSheet(on_pale_style("#fff4d6", "border: 1px solid #b07800; padding: 4px;"))
        self.warning.hide()
        self.top.addWidget(self.warning)
        # The funders' shares as typed, read back under their field (issue 14): each share of the cost.
        self.funders = WrappedLabel()
        self.funders.setAccessibleName("Funders' shares")
        themed(self.funders, quiet_style)
        self.widgets["funding_sources"].parentWidget().layout().insertWidget(1, self.funders)
        # The date of each status change (the guide's *History* line), read-only under Status and since.
        self.status_history = WrappedLabel()
        self.status_history.setAccessibleName("Status history")
        themed(self.status_history, quiet_style)
        self.widgets["status"].parentWidget().layout().insertWidget(1, self.status_history)
        self.cost_lines.line_added.connect(lambda: self.scroll.ensureWidgetVisible(self.cost_lines.table))
        self.cost_lines.refresh()
        self.refresh()

    @property
    def project(self):
        """The project as the file holds it (or the new one being written)."""
        return self.presenter.project

    def refresh(self) -> None:
        super().refresh()
        if hasattr(self, "warning"):
            text = self.presenter.warning
            self.warning.setText(f"⚠ {text}" if text else "")
            self.warning.setVisible(bool(text))
        if hasattr(self, "status_history"):
            history = self.presenter.history
            self.status_history.setText(history)
            self.status_history.setVisible(bool(history))
        if hasattr(self, "funders"):
            self.funders.setText(self.presenter.funders_summary)
        if "areas" in self.widgets:
            self.widgets["areas"].setPlaceholderText(self.presenter.areas_placeholder)  # the office's own areas
        for key in CRITERIA_KEYS:
            if f"{key}_note" in self.widgets:
                self.widgets[f"{key}_note"].setPlaceholderText(self.presenter.qualifier_placeholder)  # so too


