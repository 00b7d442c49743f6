"""The editor for the selected project: every field of DESIGN.md §2.1, checked when saved."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from safer_desk.domain.money import format_money
from safer_desk.domain.projects import CRITERIA, CRITERIA_KEYS, STATUSES, SYMBOLS
from safer_desk.services.projects import Project, project_fields

CRITERION_CHOICES = [("", "(blank)"), ("yes", "√ yes"), ("no", "X no"), ("unknown", "? unknown")]
EDITOR_LABELS = {"laa_outcome": "LAA2 outcome", "csp_priority": "CSP priority", "cross_cutting": "Cross cutting",
                 "additional": "Additional", "innovative": "Innovative"}
LINE_COLUMNS = ("Year", "Category", "Description", "Amount as written", "Read as")


def _plain(height_lines: int, name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setAccessibleName(name)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * height_lines + 12)
    return edit


class ProjectEditor(QWidget):
    """Fields of one project; ``save_requested`` asks the tab to validate and save them as one undoable step."""

    save_requested = Signal()
    revert_requested = Signal()
    accept_suggestion_requested = Signal(int)  # cost line index

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.project: Project | None = None
        self.edits: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {}
        layout = QVBoxLayout(self)
        self.heading = QLabel("Select a project in the register, or add one.")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.heading)

        self.errors = QLabel()
        self.errors.setWordWrap(True)
        self.errors.setAccessibleName("Problems with this project")
        self.errors.setStyleSheet("color: #a00000; border: 1px solid #a00000; padding: 4px;")
        self.errors.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.errors.hide()
        layout.addWidget(self.errors)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName("Cost warning")
        self.warning.setStyleSheet("background: #fff4d6; border: 1px solid #b07800; padding: 4px;")
        self.warning.hide()
        layout.addWidget(self.warning)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(form)

        def line(key: str, label: str, placeholder: str = "") -> QLineEdit:
            edit = QLineEdit()
            edit.setAccessibleName(label)
            edit.setPlaceholderText(placeholder)
            self.edits[key] = edit
            form.addRow(f"{label}:", edit)
            return edit

        line("title", "&Title")
        line("ref", "Ref")
        status_row = QHBoxLayout()
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for s in STATUSES:
            self.status.addItem(s.capitalize(), s)
        self.edits["status"] = self.status
        self.status_date = QLineEdit()
        self.status_date.setAccessibleName("Status date")
        self.status_date.setPlaceholderText("dd/mm/yyyy (today if blank)")
        self.edits["status_date"] = self.status_date
        status_row.addWidget(self.status, 1)
        status_row.addWidget(QLabel("since"))
        status_row.addWidget(self.status_date, 1)
        form.addRow("Status:", status_row)
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setAccessibleName("Status history")
        form.addRow("History:", self.history)
        self.funding_route = QComboBox()
        self.funding_route.setEditable(True)
        self.funding_route.setAccessibleName("Funding route")
        self.funding_route.addItems(["PRG &/or SSPB", "SSPB", "PRG", "OPCC"])
        self.edits["funding_route"] = self.funding_route
        form.addRow("&Funding route:", self.funding_route)
        line("cost", "&Cost", "£30,000 · £54,372 - £62,372 · Minimum £50,000")
        line("cost_note", "Cost note")
        capital_row = QHBoxLayout()
        for key, label in (("capital", "Capital"), ("revenue", "Revenue")):
            edit = QLineEdit()
            edit.setAccessibleName(label)
            edit.setPlaceholderText(label.lower())
            self.edits[key] = edit
            capital_row.addWidget(edit)
        form.addRow("Capital / revenue:", capital_row)
        dates_row = QHBoxLayout()
        for key, label in (("start_date", "Start"), ("end_date", "End")):
            edit = QLineEdit()
            edit.setAccessibleName(f"{label} date")
            edit.setPlaceholderText(f"{label.lower()} dd/mm/yyyy")
            self.edits[key] = edit
            dates_row.addWidget(edit)
        form.addRow("Start / end:", dates_row)

        criteria = QGroupBox("Board criteria (√ yes, X no, ? unknown)")
        criteria_form = QFormLayout(criteria)
        self.criterion_values: dict[str, QComboBox] = {}
        self.criterion_notes: dict[str, QLineEdit] = {}
        for key, _, title in CRITERIA:
            row = QHBoxLayout()
            combo = QComboBox()
            combo.setAccessibleName(title)
            for value, text in CRITERION_CHOICES:
                combo.addItem(text, value)
            note = QLineEdit()
            note.setAccessibleName(f"{title} qualifier")
            note.setPlaceholderText("e.g. for Ipswich only")
            row.addWidget(combo)
            row.addWidget(note, 1)
            self.criterion_values[key], self.criterion_notes[key] = combo, note
            criteria_form.addRow(EDITOR_LABELS.get(key, title), row)
        layout.addWidget(criteria)

        people = QFormLayout()
        layout.addLayout(people)
        line_ = QLineEdit()
        line_.setAccessibleName("Lead organisation")
        self.edits["lead_organisation"] = line_
        people.addRow("Lead organisation:", line_)
        self.edits["officers"] = _plain(3, "Lead officers")
        self.edits["officers"].setPlaceholderText("One a line: Name, Role, Organisation")
        people.addRow("Lead officers:", self.edits["officers"])
        for key, label, hint in (("areas", "Areas covered", "Countywide; Ipswich"),
                                 ("indicators", "Indicators", "NI 32; LT7"),
                                 ("outcomes", "Outcomes", "separate with ;"),
                                 ("priorities", "Priorities", "separate with ;")):
            edit = QLineEdit()
            edit.setAccessibleName(label)
            edit.setPlaceholderText(hint)
            self.edits[key] = edit
            people.addRow(f"{label}:", edit)
        self.edits["funding_sources"] = _plain(2, "Funding sources")
        self.edits["funding_sources"].setPlaceholderText("One a line: Source: £amount (or Tbc)")
        people.addRow("Funding sources:", self.edits["funding_sources"])
        self.edits["description"] = _plain(4, "Description")
        people.addRow("Description:", self.edits["description"])
        self.edits["notes"] = _plain(2, "Notes")
        people.addRow("Notes:", self.edits["notes"])

        lines_box = QGroupBox("Cost lines (by financial year and category)")
        lines_layout = QVBoxLayout(lines_box)
        self.lines = QTableWidget(0, len(LINE_COLUMNS))
        self.lines.setAccessibleName("Cost lines")
        self.lines.setHorizontalHeaderLabels(LINE_COLUMNS)
        self.lines.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setMinimumHeight(150)
        self.lines.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        lines_layout.addWidget(self.lines)
        buttons = QHBoxLayout()
        self.add_line_button = QPushButton("Add line")
        self.add_line_button.clicked.connect(lambda: self._append_line(("", "", "", "")))
        self.remove_line_button = QPushButton("Remove line")
        self.remove_line_button.clicked.connect(self._remove_line)
        self.accept_button = QPushButton("Use suggested figure")
        self.accept_button.setToolTip("Read the selected queried line as the figure suggested for it")
        self.accept_button.clicked.connect(self._accept_selected)
        for b in (self.add_line_button, self.remove_line_button, self.accept_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lines_layout.addLayout(buttons)
        layout.addWidget(lines_box)

        actions = QHBoxLayout()
        self.save_button = QPushButton("&Save changes")
        self.save_button.setAccessibleName("Save changes to this project")
        self.save_button.clicked.connect(self.save_requested)
        self.revert_button = QPushButton("&Revert")
        self.revert_button.clicked.connect(self.revert_requested)
        actions.addStretch(1)
        actions.addWidget(self.revert_button)
        actions.addWidget(self.save_button)
        layout.addLayout(actions)
        layout.addStretch(1)
        self.set_project(None)

    # -- loading -------------------------------------------------------------------------------------------
    def set_project(self, project: Project | None, *, read_only: bool = False) -> None:
        self.project = project
        self.clear_errors()
        enabled = project is not None and not read_only
        for kind in (QLineEdit, QPlainTextEdit, QComboBox, QTableWidget, QPushButton):
            for w in self.findChildren(kind):
                w.setEnabled(enabled)
        if project is None:
            self.heading.setText("Select a project in the register, or add one.")
            for edit in self.edits.values():
                self._set_text(edit, "")
            self.lines.setRowCount(0)
            self.history.setText("")
            self.warning.hide()
            return
        self.heading.setText(f"{project.ref + '. ' if project.ref else ''}{project.title}")
        fields = project_fields(project)
        for key, edit in self.edits.items():
            self._set_text(edit, fields.get(key, ""))
        for key in CRITERIA_KEYS:
            c = project.criterion(key)
            self.criterion_values[key].setCurrentIndex(max(0, self.criterion_values[key].findData(c.value)))
            self.criterion_notes[key].setText(c.qualifier)
        self.history.setText("; ".join(
            f"{h.status.capitalize()} {self._uk(h.changed_on) or '(date not recorded)'}"
            + (f" — {h.note}" if h.note else "") for h in project.status_history) or "(none)")
        self.lines.setRowCount(0)
        for line in project.cost_lines:
            self._append_line((line.financial_year, line.category, line.description, line.amount.text), line.amount)
        self.show_warning(project.warning)

    @staticmethod
    def _uk(iso: str | None) -> str:
        return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}" if iso else ""

    @staticmethod
    def _set_text(edit, text: str) -> None:
        if isinstance(edit, QComboBox):
            i = edit.findData(text)
            if i < 0:
                i = edit.findText(text)
            if i < 0 and edit.isEditable():
                edit.setEditText(text)
            else:
                edit.setCurrentIndex(max(i, 0))
        elif isinstance(edit, QPlainTextEdit):
            edit.setPlainText(text)
        else:
            edit.setText(text)

    def _append_line(self, values: tuple[str, str, str, str], amount=None) -> None:
        r = self.lines.rowCount()
        self.lines.insertRow(r)
        for c, value in enumerate(values):
            self.lines.setItem(r, c, QTableWidgetItem(value))
        read = QTableWidgetItem(self._read_as(amount))
        read.setFlags(read.flags() & ~Qt.ItemFlag.ItemIsEditable)
        if amount is not None and amount.queried:
            read.setToolTip(amount.query)
        self.lines.setItem(r, 4, read)

    @staticmethod
    def _read_as(amount) -> str:
        if amount is None:
            return ""
        if amount.queried:
            hint = f" — did you mean {format_money(amount.suggestion_pence)}?" if amount.suggestion_pence else ""
            return f"⚠ queried{hint}"
        return amount.describe()

    def _remove_line(self) -> None:
        rows = sorted({i.row() for i in self.lines.selectedIndexes()}, reverse=True)
        for r in rows:
            self.lines.removeRow(r)

    def _accept_selected(self) -> None:
        rows = sorted({i.row() for i in self.lines.selectedIndexes()})
        if rows:
            self.accept_suggestion_requested.emit(rows[0])

    # -- reading -------------------------------------------------------------------------------------------
    def fields(self) -> dict[str, str]:
        out = {}
        for key, edit in self.edits.items():
            if isinstance(edit, QComboBox):
                out[key] = (edit.currentData() or "") if not edit.isEditable() else edit.currentText()
            elif isinstance(edit, QPlainTextEdit):
                out[key] = edit.toPlainText()
            else:
                out[key] = edit.text()
        for key in CRITERIA_KEYS:
            value = self.criterion_values[key].currentData() or ""
            note = self.criterion_notes[key].text().strip()
            # A qualifier without a value is passed on as it is, so the check says a value is needed.
            out[key] = f"{SYMBOLS[value]} {note}".strip() if value else note
        return out

    def cost_line_values(self) -> list[tuple[str, str, str, str]]:
        values = []
        for r in range(self.lines.rowCount()):
            values.append(tuple((self.lines.item(r, c).text() if self.lines.item(r, c) else "") for c in range(4)))
        return values

    # -- messages ------------------------------------------------------------------------------------------
    def show_errors(self, message: str) -> None:
        self.errors.setText("⚠ Not saved:\n" + message)
        self.errors.show()

    def clear_errors(self) -> None:
        self.errors.clear()
        self.errors.hide()

    def show_warning(self, text: str) -> None:
        self.warning.setText(f"⚠ {text}" if text else "")
        self.warning.setVisible(bool(text))
