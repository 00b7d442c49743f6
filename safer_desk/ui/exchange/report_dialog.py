"""File > Board Report…: the title, financial year, area, date of meeting, DHR figures' day and file of the report.

The report is collected and written off the GUI thread (ui.workers.run_task) on the worker's own
connection, inside one read transaction so its figures are one moment's even if someone edits while it is
written; a progress window with Cancel appears if it lasts. A cancelled or failed report leaves no file
and no temporary file, and an earlier report of the same name as it was. (Moved out of ui.exchange.dialogs
so the report and the merge dialogs can change independently.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from safer_desk.domain.periods import FinancialYear
from safer_desk.domain.text import file_name_from
from safer_desk.paths import typed_path
from safer_desk.services.progress import CancelCheck, Progress, check_cancelled, never_cancelled, no_progress
from safer_desk.ui import prompts
from safer_desk.ui.exchange.dialogs import _file_label, _folder_missing, _path_row, _replacing_refused, _typed_path
from safer_desk.ui.kit.choice import ChoiceBox
from safer_desk.ui.session import Session
from safer_desk.ui.workers import Task, run_task

REPORT_FILTER = "PDF document (*.pdf);;Web page (*.html)"
REPORT_SUFFIXES = (".pdf", ".html", ".htm")
PROGRESS_TOTAL = 1000


@dataclass(frozen=True)
class ReportRequest:
    """What the dialog asks for: the file, and the choices build_report takes."""

    target: Path
    year: str | None = None  # None: all years
    area: str | None = None  # the area's id ("county:cornwall"); None: all the office's areas
    title: str = ""
    meeting: str = ""
    as_at: date | None = None  # the day the DHR figures are as at (None: a past year's end, else today)
    today: date | None = None  # the report's day, the one As at was checked against (None: the computer's)


def write_board_report(store, request: ReportRequest, progress: Progress = no_progress,
                       cancelled: CancelCheck = never_cancelled, notes: list[str] | None = None) -> str:
    """Collect and write the report on this thread's own connection; returns what was written ("94 pages").
    ``notes`` hears what to say once it is written: a reference printed that may be a surname, as the command says.

    Runs on a worker: it opens (and closes) its own connection to the file, one read transaction long.
    progress hears per mille of the whole; cancelled raises services.progress.Cancelled, leaving no file.
    """
    from safer_desk.services.report import ReportError, build_report, nothing_to_report_words, report_surname_words
    from safer_desk.ui.exchange.report_pdf import progress_part

    pdf = request.target.suffix.lower() == ".pdf"
    thread_store = store.connect_for_thread()
    try:  # build_report reads one snapshot of the file for every section
        document = build_report(thread_store, year=request.year, area=request.area, title=request.title,
                                meeting=request.meeting, as_at=request.as_at, today=request.today,
                                progress=progress_part(progress, 0, 150 if pdf else 900, PROGRESS_TOTAL),
                                cancelled=cancelled)
        nothing = nothing_to_report_words(document, thread_store, request.today)
        said = report_surname_words(thread_store, document) if notes is not None and not nothing else ""
    finally:
        thread_store.close()
    if nothing:  # refused as `safer-desk report` refuses it: nothing written
        # Another year or area is worth choosing only where one was chosen: a report of everything has none.
        raise ReportError(nothing + (" Choose another year or area." if request.year or request.area else ""))
    if pdf:
        from safer_desk.ui.exchange.report_pdf import write_pdf

        pages = write_pdf(document, request.target, progress=progress_part(progress, 150, 990, PROGRESS_TOTAL),
                          cancelled=cancelled)
        what = f"{pages} pages"
    else:
        from safer_desk.exchange.report_html import write_html

        check_cancelled(cancelled)
        progress(900, PROGRESS_TOTAL, "Writing the web page")
        write_html(document, request.target)
        what = "a web page"
    progress(PROGRESS_TOTAL, PROGRESS_TOTAL, f"Wrote {request.target.name}")
    if said and notes is not None:
        notes.append(said)
    return what


def start_report(session: Session, request: ReportRequest, window: QWidget | None, *, written, stopped) -> Task:
    """Write the report in the background, with a progress window (over window) and Cancel if it lasts.

    Afterwards written(path, what, notes) — what is "94 pages" or "a web page", notes what to say with it — or
    stopped(why, cancelled).
    """
    from safer_desk.services.reference import ReferenceError
    from safer_desk.services.report import ReportError

    store = session.store
    notes: list[str] = []

    def work(progress, cancelled):
        return write_board_report(store, request, progress, cancelled, notes)

    def failed(exc: BaseException, trace: str) -> None:
        said = isinstance(exc, (ReportError, ReferenceError, OSError))  # messages written for the user
        stopped(str(exc) if said else f"{type(exc).__name__}: {exc}", False)

    return run_task(work, on_success=lambda what: written(request.target, what, notes), on_failure=failed,
                    on_cancel=lambda: stopped("cancelled", True), window=window, title="Writing the board report…")


def year_choices(today_year: int | None = None, first_held: FinancialYear | None = None,
                 last_held: FinancialYear | None = None) -> list[str]:
    """All years, then financial years from 2008/09 (the oldest seed paper), or the first the file holds if earlier
    (the example's 2007/08 figures), to next year, or the last the file holds if later, newest first."""
    from datetime import date

    current = FinancialYear.of(date.today()) if today_year is None else FinancialYear(today_year)
    oldest = min(2008, first_held.start_year) if first_held else 2008
    newest = max(current.start_year + 1, last_held.start_year) if last_held else current.start_year + 1
    years = [FinancialYear(y).label for y in range(newest, oldest - 1, -1)]
    return ["All years"] + years


class ReportDialog(QDialog):
    """Board Report…: the financial year, the area, and where to write the PDF or HTML."""

    written = Signal(object)  # the path
    stopped = Signal(str)  # not written: "cancelled", or why it failed

    def __init__(self, session: Session, parent: QWidget | None = None, *, ready=None):
        super().__init__(parent)
        from safer_desk.services.report import area_choices

        self.session = session
        self.ready = ready  # asked once Write Report is pressed and the choices pass: what is typed and not saved
        self.task: Task | None = None
        self.busy = False
        self.setWindowTitle("Board Report")
        self.year_combo = ChoiceBox(self)
        self.year_combo.setAccessibleName("Financial year")
        from safer_desk.services.report import years_held

        held = years_held(session.store)  # a year the file holds is never missing from the list (2007/08's figures)
        self.year_combo.addItems(year_choices(first_held=held[0] if held else None,
                                              last_held=held[1] if held else None))
        self.area_combo = ChoiceBox(self)
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
        from safer_desk.ui.kit.dates import DateField

        # The board paper's "DHR costs per partner as at 31 March", as Costs > Ledger's As at field.
        # The pooled funds' burn-down is as at the same day: the label says so, as the title page does.
        from safer_desk.domain.dhr import short_label
        from safer_desk.services.dhr import review_label

        called = short_label(review_label(session.store))  # "DHR", or "DARDR" with the reviews called so
        self.as_at = DateField(self, accessible_name=f"{called} and pooled-fund figures as at",
                               placeholder="dd/mm/yyyy (blank: a past year's end, else today)")
        self.as_at.edit.setToolTip(f"The {called} and pooled-fund figures on this day, as Costs > Ledger and Pooled "
                                   "funds show them as at it: only invoices, payments and refusals dated on or before "
                                   "it count, and of the pooled funds' spend and contributions only what is dated on "
                                   "or before it. The title page names the day; the other sections are as the file "
                                   "stands. Blank: the end of a past financial year, otherwise today.")
        store = session.store
        self.path_edit = QLineEdit(prompts.beside_file(store.path, f"{file_name_from(store.office_name)} board "
                                                                   "report.pdf"), self)
        self.path_edit.setAccessibleName("Report file")
        form = QFormLayout()
        form.addRow("&Title:", self.title_edit)
        form.addRow("Financial &year:", self.year_combo)
        form.addRow("&Area:", self.area_combo)
        form.addRow("Date of &meeting:", self.meeting_edit)
        form.addRow(f"{called} and fund figures a&s at:", self.as_at)
        path_row = _path_row(self, self.path_edit, self.browse)
        self.browse_button = path_row.itemAt(1).widget()
        form.addRow(_file_label(self, self.path_edit), path_row)
        QWidget.setTabOrder(self.title_edit, self.year_combo)  # the first field first: Tab goes down the form
        QWidget.setTabOrder(self.year_combo, self.area_combo)
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
        name = prompts.save_file_name(self, "Board Report", REPORT_FILTER, typed_path(self.path_edit.text()))
        if name:
            self.browsed = name  # a file there already was asked about by the dialog
            self.path_edit.setText(name)

    browsed = ""

    def set_area(self, name: str) -> None:
        """Choose an area by its label as listed ("Cornwall (county)"), or by a name only one area has."""
        labels = [self.area_combo.itemText(i) for i in range(self.area_combo.count())]
        named = [i for i, label in enumerate(labels) if label.rsplit(" (", 1)[0] == name or label == name]
        exact = [i for i in named if labels[i] == name]
        if len(exact) == 1 or len(named) == 1:
            self.area_combo.setCurrentIndex((exact or named)[0])
            return
        raise ValueError(f"no area {name}" if not named else f"{name} names more than one area: {labels}")

    def accept(self) -> None:
        """Check the choices, then write the report in the background; the dialog closes once it is written.

        While it is written the dialog stays (its fields disabled) under the progress window: a report that
        fails (a full disk, a folder that cannot be written) or is cancelled leaves the same choices, to try
        another file. (Staying also spares the window a repaint while the worker shares Python with it.)
        """
        from safer_desk.services.report import (
            ReportError, as_at_before_year_words, report_choices, year_not_held_words)

        if self.busy:
            return
        text = typed_path(self.path_edit.text())
        target = _typed_path(text, self.session.store.path) if text else None
        if target is None or target.suffix.lower() not in REPORT_SUFFIXES:
            prompts.show_error(self, "Board Report", "Choose a file ending in .pdf or .html for the report.")
            return
        if _folder_missing(self, "Board Report", target):
            return
        year = self.year_combo.currentText()
        year = None if year == "All years" else year
        today = date.today()  # one clock for the report: As at's check, the title page, every section
        try:
            chosen, _ = report_choices(year, self.meeting_edit.text())
            as_at = self._as_at_day(today)
            if as_at is not None and (before := as_at_before_year_words(chosen, as_at)):
                raise ReportError(f"As at: {before}")
        except ReportError as exc:
            prompts.show_error(self, "Board Report", f"The report was not written: {exc}")
            return
        # The report is read from the file: what is typed and not saved is asked about (Cancel keeps the dialog)
        # before the year is looked for in it, so a figure typed for the year and saved now counts as held (asked
        # after, the year was said missing for want of the figure the officer had just typed).
        if self.ready is not None and not self.ready():
            return
        # A year the file holds nothing of (next year, or one before the office's records) made a paper of
        # nothing but the reviews still open: refused as `report --year` refuses it.
        if chosen is not None and (not_held := year_not_held_words(self.session.store, chosen, today)):
            prompts.show_error(self, "Board Report", f"The report was not written: {not_held} Choose another year, "
                                                     "or All years.")
            return
        # Asked only of a report that would be written (asked first, Replace was clicked for choices then refused).
        if _replacing_refused(self, "Board Report", target, self.browsed):
            return
        # The area's id, not its name: Cornwall the county and Cornwall the district share one (None: all areas).
        request = ReportRequest(target, year, self.area_combo.currentData(), self.title_edit.text(),
                                self.meeting_edit.text(), as_at, today)
        self._set_busy(True)
        self.task = start_report(self.session, request, self, written=self._written, stopped=self._stopped)

    def _as_at_day(self, today: date) -> date | None:
        """The As at day typed (None when blank); one after today refused in the words of Costs > Ledger's As at
        field and `report --as-at` (``ledger_day_refusal``)."""
        from safer_desk.domain.periods import PeriodError, parse_uk_date
        from safer_desk.presenters.dhr import ledger_day_refusal
        from safer_desk.services.report import ReportError

        text = self.as_at.text().strip()
        if not text:
            return None
        try:
            day = parse_uk_date(text)
        except PeriodError as exc:
            raise ReportError(f"As at: {exc}") from exc
        if refusal := ledger_day_refusal(day, today):
            raise ReportError(f"As at: {refusal}")
        return day

    def reject(self) -> None:
        """Esc or Cancel while the report is written cancels it (the dialog stays until it has stopped)."""
        if self.busy and self.task is not None:
            self.task.cancel()
            return
        super().reject()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy  # a report is being written (until written or stopped has been handled)
        for widget in (self.title_edit, self.year_combo, self.area_combo, self.meeting_edit, self.as_at,
                       self.path_edit, self.write_button, self.browse_button):
            widget.setEnabled(not busy)

    def _written(self, target: Path, what: str, notes: list[str] = ()) -> None:
        self._set_busy(False)
        super().accept()
        prompts.show_info(self.parentWidget(), "Board Report",
                          "\n\n".join([f"Wrote the board report to {target} ({what}).", *notes]))
        self.written.emit(target)

    def _stopped(self, why: str, cancelled: bool) -> None:
        self._set_busy(False)
        if cancelled:
            prompts.show_info(self, "Board Report", "Cancelled; no report was written.")
        else:
            prompts.show_error(self, "Board Report", f"The report was not written: {why}")
        self.stopped.emit(why)
