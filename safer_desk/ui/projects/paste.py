"""The preview of rows pasted from Excel: how each column will be read, changeable before anything is added."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from safer_desk.domain.projects import ProjectError
from safer_desk.presenters.projects import PastePreview
from safer_desk.services.projects import PASTE_FIELD_CHOICES

SHOWN_ROWS = 12


class PastePreviewDialog(QDialog):
    """One combo per column says which field it fills; a heading row the register does not know is asked about."""

    def __init__(self, preview: PastePreview, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.projects: list = []
        rows = len(preview.reading.rows)
        self.setWindowTitle(f"Paste {rows} row{'s' if rows != 1 else ''} into the project register")
        self.resize(900, 460)
        layout = QVBoxLayout(self)
        self.intro = QLabel(f"Paste {rows} row{'s' if rows != 1 else ''} into the project register. "
                            "Check which field each column fills; nothing is added until you press Add.")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        self.question = QWidget()
        q = QHBoxLayout(self.question)
        q.setContentsMargins(0, 0, 0, 0)
        self.question_label = QLabel()
        self.question_label.setWordWrap(True)
        self.question_label.setStyleSheet("background: #fff4d6; border: 1px solid #b07800; padding: 4px;")
        self.headings_button = QPushButton("&Headings: leave the row out")
        self.headings_button.clicked.connect(lambda: preview.set_heading_row(True))
        self.data_button = QPushButton("&Data: add it as a project")
        self.data_button.clicked.connect(lambda: preview.set_heading_row(False))
        q.addWidget(self.question_label, 1)
        q.addWidget(self.headings_button)
        q.addWidget(self.data_button)
        layout.addWidget(self.question)

        self.mapping: list[QComboBox] = []
        mapping_row = QHBoxLayout()
        self.table = QTableWidget(0, preview.column_count)
        self.table.setAccessibleName("Rows to paste")
        self.table.setTabKeyNavigation(False)
        for c in range(preview.column_count):
            combo = QComboBox()
            combo.setAccessibleName(f"Field for column {c + 1}")
            for key, label in PASTE_FIELD_CHOICES:
                combo.addItem(label, key)
            combo.currentIndexChanged.connect(lambda _i, c=c, w=combo: preview.set_key(c, w.currentData()))
            self.mapping.append(combo)
            mapping_row.addWidget(combo)
        layout.addWidget(QLabel("Read each column as:"))
        layout.addLayout(mapping_row)
        layout.addWidget(self.table, 1)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a00000;")
        self.problems.setAccessibleName("Problems with the pasted rows")
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton("&Add projects", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.add)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        preview.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        p = self.preview
        unknown = ", ".join(f"“{h}”" for h in p.reading.unknown_headings[:6])
        self.question_label.setText(f"The first row ({unknown}) does not name columns the register knows. "
                                    "Is it a row of headings?")
        self.question.setVisible(p.reading.heading_row is None)
        for b, answer in ((self.headings_button, True), (self.data_button, False)):
            b.setDefault(p.heading_row is answer)
        for c, combo in enumerate(self.mapping):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(p.keys[c] or "")))
            combo.blockSignals(False)
        rows = p.data_rows() if p.heading_row is not None else list(p.reading.rows)
        self.table.setHorizontalHeaderLabels([p.column_heading(c) if p.heading_row is not False else f"Column {c + 1}"
                                              for c in range(p.column_count)])
        self.table.setRowCount(min(len(rows), SHOWN_ROWS))
        for r, row in enumerate(rows[:SHOWN_ROWS]):
            for c in range(p.column_count):
                self.table.setItem(r, c, QTableWidgetItem(row[c] if c < len(row) else ""))
        if p.heading_row is None:
            self.problems.setText("Answer the question above first.")
            self.add_button.setEnabled(False)
            return
        problems = p.problems()
        slips = p.slips()
        self.problems.setText(problems or "\n".join(f"⚠ {s}" for s in slips))
        self.add_button.setEnabled(not problems)
        count = len(p.data_rows())
        self.add_button.setText(f"&Add {count} project{'s' if count != 1 else ''}")

    def add(self) -> None:
        try:
            self.projects = self.preview.projects()
        except ProjectError as exc:
            self.problems.setText(str(exc))
            return
        self.accept()
