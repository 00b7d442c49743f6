"""The preview of rows pasted from Excel: how each column will be read, changeable before anything is added."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from safer_desk.domain.projects import ProjectError
from safer_desk.presenters.projects import PastePreview
from safer_desk.services.projects import PASTE_FIELD_CHOICES
from safer_desk.ui.kit import fitting_size
from safer_desk.ui.kit.choice import ChoiceBox
from safer_desk.ui.kit.colours import alert_style, on_pale_style, themed
from safer_desk.ui.kit.forms import NamedLabel

SHOWN_ROWS = 12
COLUMN_WIDTH = 190  # room for the longest field name in the choice above each column


class PastePreviewDialog(QDialog):
    """One combo per column says which field it fills; a heading row the register does not know is asked about."""

    def __init__(self, preview: PastePreview, parent: QWidget | None = None, *, ready=None):
        super().__init__(parent)
        self.preview = preview
        self.ready = ready  # asked once Add is pressed and the rows read: the editor's changes not saved
        self.projects: list = []
        self.setWindowTitle(preview.title())
        self.resize(*fitting_size(parent, 900, 460))
        layout = QVBoxLayout(self)
        self.intro = QLabel(self._intro())
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        self.question = QWidget()
        q = QHBoxLayout(self.question)
        q.setContentsMargins(0, 0, 0, 0)
        self.question_label = QLabel()
        self.question_label.setWordWrap(True)
        self.question_label.setStyleSheet(on_pale_style("#fff4d6", "border: 1px solid #b07800; padding: 4px;"))
        # The answer given shows as a pressed button (not as the default, which is Add's: Enter adds).
        self.headings_button = QPushButton("&Headings: leave the row out")
        self.headings_button.clicked.connect(lambda: self._answer(True))
        self.data_button = QPushButton("&Data: add it as a project")
        self.data_button.clicked.connect(lambda: self._answer(False))
        for b in (self.headings_button, self.data_button):
            b.setCheckable(True)
            b.setAutoDefault(False)
        q.addWidget(self.question_label, 1)
        q.addWidget(self.headings_button)
        q.addWidget(self.data_button)
        layout.addWidget(self.question)

        self.mapping: list[QComboBox] = []
        self.table = QTableWidget(0, preview.column_count)
        self.table.setAccessibleName("Rows to paste")
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultSectionSize(COLUMN_WIDTH)
        header.setStretchLastSection(True)
        # Each column's field sits right above the column it reads, and follows it when it is resized or scrolled.
        self.mapping_bar = QWidget()
        for c in range(preview.column_count):
            combo = ChoiceBox(self.mapping_bar)
            combo.setAccessibleName(f"Field for column {c + 1}")
            for key, label in PASTE_FIELD_CHOICES:
                combo.addItem(label, key)
            combo.currentIndexChanged.connect(lambda _i, c=c, w=combo: preview.set_key(c, w.currentData()))
            self.mapping.append(combo)
        self.mapping_bar.setFixedHeight(self.mapping[0].sizeHint().height() if self.mapping else 0)
        header.sectionResized.connect(self.place_mapping)
        header.geometriesChanged.connect(self.place_mapping)
        self.table.horizontalScrollBar().valueChanged.connect(self.place_mapping)
        read_as = QLabel("&Read each column as:")
        if self.mapping:
            read_as.setBuddy(self.mapping[0])  # Alt+R: the first column's field, Tab the next
        layout.addWidget(read_as)
        layout.addWidget(self.mapping_bar)
        layout.addWidget(self.table, 1)
        # A column of a funder's share ("OPCC contribution"): the year its shares are for, where its heading says none.
        self.share_year_row = QWidget()
        y = QHBoxLayout(self.share_year_row)
        y.setContentsMargins(0, 0, 0, 0)
        self.share_year = ChoiceBox()
        self.share_year.setAccessibleName("Year the funders' shares are for")
        for year in preview.share_years():
            self.share_year.addItem(year, year)
        self.share_year.setCurrentIndex(self.share_year.findData(preview.share_year))
        self.share_year.currentIndexChanged.connect(lambda _i: preview.set_share_year(self.share_year.currentData()))
        year_label = QLabel("Funders' shares are for the &year:")
        year_label.setBuddy(self.share_year)
        y.addWidget(year_label)
        y.addWidget(self.share_year)
        y.addStretch(1)
        layout.addWidget(self.share_year_row)
        self.problems = NamedLabel()
        self.problems.setWordWrap(True)
        themed(self.problems, alert_style)
        self.problems.setAccessibleName("Problems with the pasted rows")
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton("&Add projects", QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setDefault(True)
        self.buttons.accepted.connect(self.add)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # Tab reaches Add before Cancel to its right (Cancel, made first, came first)
        QWidget.setTabOrder(self.add_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel))
        preview.changed.connect(self.refresh)
        self.refresh()

    def _answer(self, headings: bool) -> None:
        self.preview.set_heading_row(headings)
        self._show_answer()  # the same answer again changes nothing, but the click unchecked its button

    def _show_answer(self) -> None:
        for b, answer in ((self.headings_button, True), (self.data_button, False)):
            b.setChecked(self.preview.heading_row is answer)

    def place_mapping(self, *_) -> None:
        """Put each column's field choice right above its column, as wide as the column."""
        header = self.table.horizontalHeader()
        left = self.table.frameWidth()
        for c, combo in enumerate(self.mapping):
            combo.setGeometry(left + header.sectionViewportPosition(c), 0, header.sectionSize(c) - 2,
                              self.mapping_bar.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.place_mapping()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.place_mapping()

    def _intro(self) -> str:
        return f"{self.preview.title()}. Check which field each column fills; nothing is added until you press Add."

    def refresh(self) -> None:
        p = self.preview
        self.setWindowTitle(p.title())  # the heading row answered: it is not one of the rows pasted
        self.intro.setText(self._intro())
        unknown = ", ".join(f"“{h}”" for h in p.reading.unknown_headings[:6])
        self.question_label.setText(f"The first row ({unknown}) does not name columns the register knows. "
                                    "Is it a row of headings?")
        self.question.setVisible(p.reading.heading_row is None)
        self._show_answer()
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
            self.share_year_row.setVisible(False)
            self.problems.setText("Answer the question above first.")
            self.add_button.setEnabled(False)
            return
        problems = p.problems()
        slips = p.slips()
        if problems.startswith("Nothing was pasted."):  # said of the rows as they are, before anything is added
            problems = problems.replace("Nothing was pasted.", "These rows cannot be added yet: correct them in "
                                        "Excel and paste again, or change how a column is read.", 1)
        self.share_year_row.setVisible(bool(p.heading_row) and p.asks_share_year())
        self.share_year.blockSignals(True)
        self.share_year.setCurrentIndex(self.share_year.findData(p.share_year))
        self.share_year.blockSignals(False)
        notes = [note for note in (*slips, p.shares_note(), p.already_in_register(), p.twice_in_rows(),
                                   p.areas_not_known(), p.reading.short_rows_note(p.heading_row),
                                   p.reading.not_pasted_note(), p.left_out()) if note]
        self.problems.setText(problems or "\n".join(f"⚠ {s}" for s in notes))
        self.add_button.setEnabled(not problems)
        count = len(p.data_rows())
        self.add_button.setText(f"&Add {count} project{'s' if count != 1 else ''}")

    def add(self) -> None:
        try:
            self.projects = self.preview.projects()
        except ProjectError as exc:
            self.problems.setText(str(exc))
            return
        if self.ready is not None:
            if not self.ready():  # Cancel: the rows stay here to add, the typing on screen
                self.projects = []
                return
            try:  # read again against the register as the answer left it (a ref saved there is taken)
                self.projects = self.preview.projects()
            except ProjectError as exc:
                self.problems.setText(str(exc))
                return
        self.accept()
