"""File > Board Report…: the title, financial year, area, date of meeting and file of the board report.

Moved out of ui.exchange.dialogs so the report and the merge dialogs can change independently.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from safer_desk.domain.periods import FinancialYear
from safer_desk.ui import prompts
from safer_desk.ui.exchange.dialogs import _file_label, _path_row
from safer_desk.ui.session import Session

REPORT_FILTER = "PDF document (*.pdf);;Web page (*.html)"


def year_choices(today_year: int | None = None) -> list[str]:
    """All years, then financial years from 2008/09 (the oldest seed paper) to next year, newest first."""
    from datetime import date

    current = FinancialYear.of(date.today()) if today_year is None else FinancialYear(today_year)
    years = [FinancialYear(y).label for y in range(current.start_year + 1, 2007, -1)]
    return ["All years"] + years


class ReportDialog(QDialog):
    """Board Report…: the financial year, the area, and where to write the PDF or HTML."""

    written = Signal(object)  # the path

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        from safer_desk.services.report import area_choices

        self.session = session
        self.setWindowTitle("Board Report")
        self.year_combo = QComboBox(self)
        self.year_combo.setAccessibleName("Financial year")
        self.year_combo.addItems(year_choices())
        self.area_combo = QComboBox(self)
        self.area_combo.setAccessibleName("Area")
        for choice in area_choices(session.store):
            label = choice.name if choice.kind == "all" else f"{choice.name} ({choice.kind})"
            self.area_combo.addItem(label, choice.id)
        from safer_desk.services.report import REPORT_TITLE

        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(REPORT_TITLE)
        self.title_edit.setAccessibleName("Report title")
        self.meeting_edit = QLineEdit(self)
        self.meeting_edit.setPlaceholderText("dd/mm/yyyy (optional)")
        self.meeting_edit.setAccessibleName("Date of meeting")
        store = session.store
        self.path_edit = QLineEdit(str(store.path.with_name(f"{store.path.stem} board report.pdf")), self)
        self.path_edit.setAccessibleName("Report file")
        form = QFormLayout()
        form.addRow("&Title:", self.title_edit)
        form.addRow("Financial &year:", self.year_combo)
        form.addRow("&Area:", self.area_combo)
        form.addRow("Date of &meeting:", self.meeting_edit)
        form.addRow(_file_label(self, self.path_edit), _path_row(self, self.path_edit, self.browse))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.write_button = buttons.addButton("&Write Report", QDialogButtonBox.ButtonRole.AcceptRole)
        self.write_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("A PDF to print or circulate, or a web page (.html) with the same tables and "
                                "charts.", self))
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def browse(self) -> None:
        name = prompts.save_file_name(self, "Board Report", REPORT_FILTER, self.path_edit.text())
        if name:
            self.path_edit.setText(name)

    def set_area(self, name: str) -> None:
        for i in range(self.area_combo.count()):
            if self.area_combo.itemText(i).split(" (")[0] == name:
                self.area_combo.setCurrentIndex(i)
                return
        raise ValueError(f"no area {name}")

    def accept(self) -> None:
        """Build the report from the tabs' sections and write it; the dialog closes when it is written."""
        from safer_desk.exchange.report_html import write_html
        from safer_desk.services.report import ReportError, build_report
        from safer_desk.ui.exchange.report_pdf import write_pdf

        text = self.path_edit.text().strip()
        target = Path(text) if text else None
        if target is None or target.suffix.lower() not in (".pdf", ".html", ".htm"):
            prompts.show_error(self, "Board Report", "Choose a file ending in .pdf or .html for the report.")
            return
        year = self.year_combo.currentText()
        area_id = self.area_combo.currentData()
        area_name = self.area_combo.currentText().split(" (")[0] if area_id else None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            document = build_report(self.session.store, year=None if year == "All years" else year, area=area_name,
                                    title=self.title_edit.text(), meeting=self.meeting_edit.text())
            if target.suffix.lower() == ".pdf":
                pages = write_pdf(document, target)
                what = f"{pages} pages"
            else:
                write_html(document, target)
                what = "a web page"
        except (ReportError, OSError) as exc:
            QGuiApplication.restoreOverrideCursor()
            prompts.show_error(self, "Board Report", f"The report was not written: {exc}")
            return
        QGuiApplication.restoreOverrideCursor()
        super().accept()
        prompts.show_info(self.parentWidget(), "Board Report", f"Wrote the board report to {target} ({what}).")
        self.written.emit(target)
