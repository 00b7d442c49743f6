"""File > Export for County…, Import District Files… (with the key confirmation), Signing Keys… and the merge
summary (Board Report… is in ui.exchange.report_dialog; conflicts are decided in ui.exchange.conflicts_dialog).

Each dialog validates and starts its work from ``accept()`` (tests fill the fields and call it; the window
opens the dialogs with ``open()``). Long work runs off the GUI thread with progress and Cancel
(ui.workers.run_task) on its own connection; every message goes through ui.prompts.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from safer_desk.domain.text import counted, file_name_from
from safer_desk.paths import typed_path
from safer_desk.presenters.formats import local_day_text
from safer_desk.ui import prompts
from safer_desk.ui.kit import fitting_size, shown_as_typed
from safer_desk.ui.kit.dialogs import GUIDE_WORDS
from safer_desk.ui.kit.labels import NamedLabel
from safer_desk.ui.kit.note_area import NoteArea
from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import Column, SortProxy, RowTableModel
from safer_desk.ui.session import Session
from safer_desk.ui.workers import run_task

EXPORT_FILTER = "Export for merging (*.sqlite);;Excel workbook (*.xlsx)"
WORKBOOK_FILTER = "Excel workbook (*.xlsx)"  # all a file open read-only can make
DISTRICT_FILTER = "District exports (*.sqlite);;All files (*)"  # what Export for County… writes (never .db)


def _file_label(parent: QWidget, edit: QLineEdit) -> QLabel:
    """The "File:" label with Alt+F moving to the file name (a layout cannot be a label's buddy)."""
    label = QLabel("&File:", parent)
    label.setBuddy(edit)
    return label


def _path_row(parent: QWidget, edit: QLineEdit, browse) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    button = QPushButton("&Browse…", parent)
    button.setAccessibleName(f"Browse for {edit.accessibleName().lower()}")
    button.clicked.connect(browse)
    row.addWidget(button)
    return row


def _replacing_refused(parent: QWidget, title: str, target: Path, browsed: str) -> bool:
    """A file typed over one that is there: asked first (Replace or Cancel), as the Browse… dialog asks; one chosen
    with Browse… was asked about there. A board report written over last month's without a word was lost."""
    if not target.is_file() or str(target) == browsed:
        return False
    return not prompts.ask(parent, title, f"{target.name} is already in {target.parent}.\n\nReplace it?",
                           yes="Replace", no="Cancel", cautious=True)


def _typed_path(text: str, office_file: Path) -> Path:
    """The file a path field names: a name typed alone goes into the folder of the one suggested (beside the office
    file), never into the folder the program happened to start in (a packaged program's own folder,
    C:\\Windows\\System32 from a shortcut)."""
    target = Path(text).expanduser()
    return target if target.is_absolute() else Path(prompts.beside_file(office_file, target.name)).parent / target


def _folder_missing(parent: QWidget, title: str, target: Path) -> bool:
    """A file typed into a folder that does not exist: said, with the dialog left open to choose again (a
    mistyped folder is never made on the user's behalf); so is a new name Windows refuses ("Babergh: county.sqlite",
    CON.xlsx), which the writer would refuse only after the work was done and the dialog closed."""
    from safer_desk.domain.text import name_windows_refuses
    from safer_desk.exchange.files import folder_problem

    problem = folder_problem(target)
    if problem:
        prompts.show_error(parent, title, f"The folder {target.parent} {problem}. Choose a folder that exists "
                                          "(Browse…), or make the folder first.")
        return True
    why = name_windows_refuses(target.name)
    if why and not target.exists():
        prompts.show_error(parent, title, f"{target.name} cannot be used: its name {why}. Choose another name "
                                          "(nothing was written).")
        return True
    return False


class ExportDialog(QDialog):
    """Export for the county: where to, and whether individual referrals go too (unticked by default)."""

    finished_export = Signal(object)  # the ExportResult

    def __init__(self, session: Session, parent: QWidget | None = None, *, ready=None):
        super().__init__(parent)
        self.session = session
        self.task = None
        self.ready = ready  # asked once Export is pressed and the choices pass: what is typed and not saved
        self.setWindowTitle("Export for County")
        store = session.store
        # Named after the office (as the county lists it), not its file: every office keeping the default file
        # sent the county a "safer-desk for county.sqlite".
        from safer_desk.services.county import read_only_export_words

        # A file open read-only cannot take the next export number: the workbook is what it can make.
        self.read_only_words = read_only_export_words(store) if store is not None else None
        ending = ".xlsx" if self.read_only_words else ".sqlite"
        suggested = prompts.beside_file(store.path, f"{file_name_from(store.office_name)} for county{ending}") \
            if store else "export.sqlite"
        self.path_edit = QLineEdit(suggested, self)
        self.path_edit.setAccessibleName("Export file")
        self.referrals_check = QCheckBox("Include &individual referrals (victim-level target-hardening rows)", self)
        self.referrals_check.setAccessibleName("Include individual referrals")
        self.referrals_check.setChecked(False)
        explain = QLabel(
            "Without this, target-hardening referrals are sent as totals by district and month only, and the "
            "reviews' case notes and panel-meeting notes stay with you. Tick it only when the county has agreed to "
            "receive individual (pseudonymous) referrals and those notes.", self)
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_file_label(self, self.path_edit), _path_row(self, self.path_edit, self.browse))
        layout = QVBoxLayout(self)
        self.hint = QLabel(self.read_only_words or
                           "A .sqlite file is for the county lead to merge; an .xlsx workbook is for reading in Excel.",
                           self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.referrals_check)
        layout.addWidget(explain)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def browse(self) -> None:
        kinds = WORKBOOK_FILTER if self.read_only_words else EXPORT_FILTER  # a .sqlite would be refused
        # The file dialog does not ask before replacing: Export refuses an office's own file first, and asks about any
        # other (the dialog asked "replace?" of the office's own file, refused only after Replace).
        name = prompts.save_file_name(self, "Export for County", kinds, typed_path(self.path_edit.text()),
                                      confirm_overwrite=False)
        if name:
            self.path_edit.setText(name)

    def accept(self) -> None:
        """Check the choices and start the export in the background (the dialog closes when it starts)."""
        from safer_desk.services.county import CountyError, refuse_export_target

        store = self.session.store
        text = typed_path(self.path_edit.text())
        if store is None:
            prompts.show_error(self, "Export for County", "Open a file first.")
            return
        if not text:
            prompts.show_error(self, "Export for County", "Choose where to save the export.")
            return
        target = _typed_path(text, store.path)
        try:
            kind = refuse_export_target(store, target)  # the office's own file refused before "Replace it?"
        except CountyError as exc:  # said as the service and the command line say it
            prompts.show_error(self, "Export for County", str(exc))
            return
        if kind == "sqlite" and self.read_only_words:  # said before the dialog closes, so the workbook can be chosen
            prompts.show_error(self, "Export for County", self.read_only_words)
            return
        if _folder_missing(self, "Export for County", target) or \
                _replacing_refused(self, "Export for County", target, ""):
            return
        if self.ready is not None and not self.ready():  # the export is read from the file: Cancel keeps the dialog
            return
        include = self.referrals_check.isChecked()
        window = self.parentWidget()
        super().accept()
        self.task = start_export(self.session, target, include, window, self.finished_export.emit)


# How an export's own refusal says that nothing was written ("… Nothing was written.", "The export was not written:
# …", "… is not written: …", a write's "Nothing was changed"): the window adds "No export was written." only to an
# error that does not say it already.
NOTHING_WRITTEN_WORDS = ("nothing was written", "not written", "nothing was changed")


def _says_nothing_written(message: str) -> bool:
    folded = message.casefold()
    return any(words in folded for words in NOTHING_WRITTEN_WORDS)


def _victim_level_words(result) -> str:
    """What the export did with the victim-level detail: left out, or sent (the referrals, and the reviews' notes
    when the file holds them: an .sqlite export, not a workbook, whose sheets show no notes)."""
    if result.include_referrals:
        notes = result.case_notes_sent if Path(result.path).suffix.lower() == ".sqlite" else 0
        return (f"Individual referrals are included ({result.row_counts.get('fund_referrals', 0):,})"
                + (f", and so are the reviews' case and panel-meeting notes ({notes:,})." if notes else ".")
                + " This export holds victim-level data: keep it as securely as the office file and send it only "
                  "to the county." + deleted_lines_words(result))
    if result.left_out and not result.referrals_held and not result.summary_rows:  # nothing of victims to leave out
        said = "This file holds no individual referrals."
    else:
        said = "Individual referrals were left out" + (
            f" ({counted(result.summary_rows, 'total')} by district and month instead)." if result.left_out else ".")
    if result.case_notes_left_out:
        said += (f" The reviews' case and panel-meeting notes were left out ({result.case_notes_left_out:,}); the "
                 "reviews themselves are in the export.")
    return said + deleted_lines_words(result)


def deleted_lines_words(result) -> str:
    """Said of the deleted review cost lines, and cost lines' earlier versions, whose words the export left out (they
    look like a name or an address, and nothing corrects a deleted line or a replaced version); "" when none."""
    said = ""
    if n := result.deleted_lines_words_left_out:
        said += (f" The words of {counted(n, 'deleted review cost line')} were left out: they look like a name or an "
                 "address, and a deleted line cannot be corrected. Their cost and days are in the export; the words "
                 "stay in the office's file.")
    if n := result.versions_words_left_out:
        said += (f" The words of {counted(n, 'earlier version')} of review cost lines were left out: they look like "
                 "a name or an address, and a version a correction replaced cannot be corrected. Their cost and days "
                 "are in the export; the words stay in the office's file.")
    return said


def start_export(session: Session, target: Path, include_referrals: bool, window: QWidget | None, done=None):
    from safer_desk.services.county import (CountyError, export_for_county, export_name_words,
                                            export_of_a_county_words, export_surname_words)

    store = session.store

    def work(progress, cancelled):
        thread_store = store.connect_for_thread()
        try:
            return export_for_county(thread_store, target, include_referrals=include_referrals, progress=progress,
                                     cancelled=cancelled)
        finally:
            thread_store.close()

    def succeeded(result) -> None:
        privacy = _victim_level_words(result)
        unnamed = export_name_words(store)  # the county would know the office as its file ("safer-desk")
        surnames = export_surname_words(store, include_referrals=result.include_referrals)
        county = export_of_a_county_words(result)  # a region's county file refuses it: said now, not there first
        # Its number and key, as `safer-desk export` says them: the county's merge speaks of exports by number, and
        # its lead asks the officer to read out the key's fingerprint (a workbook takes neither)
        signed = (f"\n\nExport number {result.sequence} of {result.office_name}, signed with your key "
                  f"{result.key_fingerprint}." if result.sequence is not None else "")
        prompts.show_info(window, "Export for County",
                          f"Exported {result.total_rows:,} rows from {len(result.row_counts)} tables to "
                          f"{result.path}.{signed}\n\n{privacy}" + (f"\n\n{county}" if county else "")
                          + (f"\n\n{unnamed}" if unnamed else "")
                          + (f"\n\n{surnames}" if surnames else ""))
        if done:
            done(result)

    def failed(exc: BaseException, trace: str) -> None:
        message = str(exc) if isinstance(exc, (CountyError, OSError)) else f"The export failed: {exc}"
        said = "" if _says_nothing_written(message) else "\nNo export was written."  # said once
        prompts.show_error(window, "Export for County", message + said)

    def cancelled() -> None:
        prompts.show_info(window, "Export for County", "Cancelled; no export was written.")

    return run_task(work, on_success=succeeded, on_failure=failed, on_cancel=cancelled, window=window,
                    title="Exporting for the county…")


CONFLICT_COLUMNS = [
    Column("id", "No.", show=lambda v: f"#{v}"),
    Column("detail", "Conflict", tooltip=lambda c: c.detail),
    Column("office_name", "Raised by"),
    Column("group", "About", get=lambda c: c.group_words),
]


class MergeResultDialog(QDialog):
    """The end-of-merge summary (rows added, replaced, unchanged, removed; police.uk force-months shared) and the
    conflicts in plain words, grouped; Decide Conflicts… opens the Conflicts dialog to keep one side or the other."""

    def __init__(self, report, parent: QWidget | None = None, session: Session | None = None, *, note: str = ""):
        super().__init__(parent)
        from safer_desk.services.county import conflict_groups

        self.setWindowTitle("District files merged")
        self.setProperty(GUIDE_WORDS, "Import District Files")  # F1: the guide names it by the menu's words
        self.report = report
        self.session = session
        self.conflicts_dialog = None
        # The conflicts are in the table below; a file whose key the window asks about next is not merged yet.
        summary = report.text(asking_keys=True).split("\n\n")[0]
        summary = "\n".join(filter(None, [summary or "Nothing was merged.", note]))  # note: Undo closed by the merge
        self.summary_label = NamedLabel(summary, self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setAccessibleName("Merge summary")
        # Grouped as the summary says them: group by group, each in the order `safer-desk conflicts` lists them.
        conflicts = [c for _, _, members in conflict_groups(report.conflicts) for c in members]
        self.model = RowTableModel(CONFLICT_COLUMNS, conflicts, parent=self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = DataTableView(self, accessible_name="Conflicts")
        self.view.setModel(self.proxy)
        from safer_desk.ui.exchange.conflicts_dialog import asks_before_copying_victim_level

        asks_before_copying_victim_level(self.view, self)
        self.view.size_columns_to_visible(max_width=620)
        # Four conflicts in view however short the dialog (the counts above scroll first): see ``summary_area``.
        shown_rows = min(4, max(1, len(conflicts)))
        self.view.setMinimumHeight(self.view.horizontalHeader().sizeHint().height() + 2 * self.view.frameWidth()
                                   + shown_rows * self.view.verticalHeader().defaultSectionSize()
                                   + self.view.horizontalScrollBar().sizeHint().height())
        groups = "; ".join(f"{words} {len(members)}" for _, words, members in conflict_groups(conflicts))
        heading = QLabel(" ".join(filter(None, [
            f"{counted(len(conflicts), 'conflict')} ({groups}): the county's version is kept until you decide."
            if conflicts else "No conflicts.", report.open_besides_words()])), self)
        heading.setWordWrap(True)
        # The selected conflict in full (the table cuts long sentences short).
        self.detail_label = NamedLabel(parent=self)
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setAccessibleName("Selected conflict")
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.decide_button = buttons.addButton("&Decide Conflicts…", QDialogButtonBox.ButtonRole.ActionRole)
        self.decide_button.setAccessibleName("Decide the conflicts: keep the county's or the district's version")
        self.decide_button.clicked.connect(self.open_conflicts)
        self.decide_button.setVisible(bool(conflicts or report.open_besides) and session is not None)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        # Scrolled where the dialog is short (two lines at the least): three offices' counts with a 12 pt font at 150%
        # (890x422) ran to fourteen lines and left one conflict in view.
        self.summary_area = NoteArea(self.summary_label, self)
        layout.addWidget(self.summary_area)
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail_label)
        layout.addWidget(buttons)
        self.view.setVisible(bool(conflicts))
        self.detail_label.setVisible(bool(conflicts))
        if conflicts:
            self.view.setCurrentIndex(self.proxy.index(0, 1))
        self.resize(*fitting_size(parent, 1100, 480 if conflicts else 260))

    def _show_detail(self, current, _previous=None) -> None:
        if not current.isValid():
            self.detail_label.clear()
            return
        c = self.model.row(self.proxy.mapToSource(current).row())
        self.detail_label.setText(f"#{c.id} ({c.group_words}): {c.detail}.")

    def copy_selection(self) -> None:
        self.view.copy_selection()  # as the table's Ctrl+C: asked first when a conflict is about a referral

    def open_conflicts(self):
        from safer_desk.ui.exchange.conflicts_dialog import ConflictsDialog

        if self.session is None or self.session.store is None:
            return None
        self.conflicts_dialog = ConflictsDialog(self.session, self)
        self.conflicts_dialog.open()
        return self.conflicts_dialog


def import_district_files(window, paths: list[str] | None = None, accept_keys=(), accept_restored: bool = False):
    """File > Import District Files…: merge chosen exports into the open (county) file in the background.

    A file refused only because its key is not registered for its office is offered to the county lead
    (KeyConfirmDialog, one per key); the files whose keys are accepted are then merged with those keys. A file
    refused as not following on from its office's last export, made after it as a restored backup's export is, is
    asked about (as `safer-desk merge --accept-restored`), and on Yes merged on its own as that.
    """
    from safer_desk.services.county import (CountyError, held_back_words, list_imports, merge_district_files,
                                            refusals_words, refuse_office_file)

    session: Session = window.session
    store = session.store
    if store is None:
        prompts.show_error(window, "Import District Files", "Open (or create) the county file first.")
        return None
    if store.read_only:
        prompts.show_error(window, "Import District Files",
                           f"{store.path.name} is open read-only; district files cannot be merged into it.")
        return None
    try:
        refuse_office_file(store)  # an office's own file, open by mistake for the county's
    except CountyError as exc:
        prompts.show_error(window, "Import District Files", str(exc))
        return None
    if paths is None:
        paths = prompts.open_file_names(window, "Import District Files", DISTRICT_FILTER)
    if not paths:
        return None
    accepted_before = set(accept_keys)
    imports_before = len(list_imports(store))

    def merged_before_it_stopped() -> str:
        """Files merged before a cancel or a failure stay merged: Edit > Undo is closed past them, as after a merge
        (undoing a decision taken before would put back a conflict their merge has since told again)."""
        return session.changed_outside_undo() if len(list_imports(store)) != imports_before else ""

    def work(progress, cancelled):
        thread_store = store.connect_for_thread()
        try:
            return merge_district_files(thread_store, [Path(p) for p in paths], progress=progress,
                                        cancelled=cancelled, accept_keys=accepted_before,
                                        accept_restored=accept_restored)
        finally:
            thread_store.close()

    def succeeded(report) -> None:
        session.notify("")
        closed = session.changed_outside_undo() if report.merged else ""  # said in the merge's summary
        # One such file at a time, as --accept-restored takes one: several are refused in words, each saying to
        # merge it on its own (then asked about).
        restored = report.restored_offers if not accept_restored and len(report.restored_offers) == 1 else []
        offered = {Path(o.path).name for o in [*report.key_offers, *restored]}
        other_refusals = [why for name, why in report.refused if name not in offered]
        if report.held_back:  # nothing merged beside a refused file, as `safer-desk merge` says
            other_refusals.append(held_back_words(report.held_back))
        if report.merged:
            window.merge_result = MergeResultDialog(report, window, session, note=closed)
            window.merge_result.show()
        if other_refusals or not (report.merged or report.key_offers or restored):
            prompts.show_error(window, "Import District Files",
                               refusals_words(other_refusals, sep="\n\n") or "Nothing was merged.")
        if report.key_offers:
            offers = report.key_offers
            confirm_keys(window, offers, lambda accepted: _merge_accepted(window, offers, accepted, accepted_before))
        if restored and _restored_accepted(window, restored[0]):
            import_district_files(window, [str(restored[0].path)], accept_keys=accepted_before, accept_restored=True)

    def kept_before_it_stopped() -> str:
        """What stays of a merge stopped part-way, in words: the files merged before it, or that nothing was."""
        merged = len(list_imports(store)) - imports_before
        if not merged:
            return "No file was merged: the county file is as it was."
        return (f"{counted(merged, 'file')} merged before it stay{'s' if merged == 1 else ''} merged; merge the "
                "others again.")

    def failed(exc: BaseException, trace: str) -> None:
        from safer_desk.services.files import write_refused

        session.notify("")
        kept = kept_before_it_stopped()
        closed = merged_before_it_stopped()
        # A full disk in words, naming the county file, as `safer-desk merge` says it (not SQLite's "database or
        # disk is full", which leaves open whether the export or the disk is at fault)
        refused = write_refused(exc)
        why = f"{store.path.name} could not be written or read: {refused}" if refused else str(exc)
        prompts.show_error(window, "Import District Files", "\n".join(filter(None, [
            f"The merge stopped: {why.rstrip('.')}. The file it was merging was rolled back. {kept}", closed])))

    def on_cancel() -> None:
        session.notify("")
        kept = kept_before_it_stopped()
        closed = merged_before_it_stopped()
        prompts.show_info(window, "Import District Files", "\n".join(filter(None, [
            f"Cancelled: the file being merged was rolled back. {kept}", closed])))

    return run_task(work, on_success=succeeded, on_failure=failed, on_cancel=on_cancel, window=window,
                    title="Merging district files…")


def _restored_accepted(window, offer) -> bool:
    """The county lead's answer, asked plainly, to whether a file refused as not following on is the export of a
    backup its office restored (`safer-desk merge --accept-restored`)."""
    name, office = Path(offer.path).name, offer.office_name
    return prompts.ask(
        window, "Import District Files",
        f"{name} does not follow on from the last export merged from {office}: two files have each been making its "
        f"exports, or {office} restored a backup of its Safer Desk file (as Safer Desk advises for a damaged file) "
        f"and exported from it.\n\nHas {office} told you it restored a backup? Merge {name} as the export of its "
        f"restored file only if so: {office}'s figures become those of the restored file (what its earlier exports "
        "sent and the restored file no longer holds is taken out, and recorded), and its next exports follow on "
        "from this one. Otherwise nothing is merged and the county file stays as it is.",
        yes="Merge as Restored", no="Don't Merge", cautious=True)


def _merge_accepted(window, offers: list, accepted: list, accepted_before: set) -> None:
    """Merge the files whose keys the county lead accepted; the others are said in the status bar (after Do Not
    Accept nothing was said, and a summary already shown read "you are asked next whether to accept it")."""
    from safer_desk.services.county import keys_not_accepted_words

    said = keys_not_accepted_words([o for o in offers if o not in accepted])
    if said:
        window.statusBar().showMessage(said, 15000)
    if accepted:  # each key for the office it was confirmed with, never for another office its files claim
        import_district_files(window, [str(o.path) for o in accepted],
                              accept_keys=accepted_before | {(o.fingerprint, o.office_id) for o in accepted})


def confirm_keys(window, offers: list, done) -> None:
    """Ask about each offered key in turn (window.key_dialog), once per key and office however many files
    carry it, then call done(the offers accepted)."""
    from safer_desk.services.county import key_questions

    pending, accepted = key_questions(offers), []

    def next_offer() -> None:
        if not pending:
            window.key_dialog = None
            done(accepted)
            return
        group = pending.pop(0)
        dialog = KeyConfirmDialog(group[0], window, more_files=len(group) - 1)
        window.key_dialog = dialog

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                accepted.extend(group)
            dialog.deleteLater()
            next_offer()

        dialog.finished.connect(finished)
        dialog.open()

    next_offer()


class KeyConfirmDialog(QDialog):
    """A new signing key for an office: show its fingerprint for the county lead to confirm by phone."""

    def __init__(self, offer, parent: QWidget | None = None, *, more_files: int = 0):
        """more_files: how many other files from the same office are signed with the same key (accepted with it)."""
        super().__init__(parent)
        self.offer = offer
        office = offer.office_name
        self.setWindowTitle(f"Confirm the signing key of {office}")
        files = Path(offer.path).name + (
            f" (and {more_files} more file{'s' if more_files > 1 else ''} from {office} signed with the same key)"
            if more_files else "")
        says = "say they are" if more_files else "says it is"
        self.intro_label = intro = QLabel(
            f"{files} {says} from {office} and {'are' if more_files else 'is'} signed by "
            f"{offer.signed_by or 'an unnamed officer'} with a key this county file has not registered for "
            f"{office}. A new officer or a new laptop brings a new key; so would a forged file.", self)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if offer.other_offices:
            warning = NamedLabel(
                f"Warning: this key is the key of {', '.join(offer.other_offices)}. A file for {office} signed "
                f"with it was made by someone holding that office's key. Accept it only if {office} confirms it "
                "as their own officer's key.", self)
            warning.setWordWrap(True)
            warning.setAccessibleName("Warning")
            warning.setStyleSheet("font-weight: bold")
            layout.addWidget(warning)
        self.office_keys_label = None
        if offer.office_keys:  # the office is known: its key changed (a new officer or laptop), or the file is forged
            known = NamedLabel(
                f"{office}'s files have been signed until now with {'key' if len(offer.office_keys) == 1 else 'keys'} "
                f"{', '.join(offer.office_keys)}. This file's key is not that one: ask {office} why.", self)
            known.setWordWrap(True)
            known.setAccessibleName("Keys of the office until now")
            layout.addWidget(known)
            self.office_keys_label = known
        self.fingerprint_label = NamedLabel(offer.fingerprint, self)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(font.pointSizeF() * 1.6 if font.pointSizeF() > 0 else 16)
        self.fingerprint_label.setFont(font)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label.setAccessibleName("Key fingerprint")
        self.fingerprint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.fingerprint_label)
        how = QLabel(
            f"Phone {office} on a number you already have (not one given with the file) and ask them to read out "
            "their fingerprint (File > Signing Keys…, or `safer-desk key`). Accept it only if every group matches. "
            "Accepting registers the key for this office and is recorded in the audit trail.", self)
        how.setWordWrap(True)
        layout.addWidget(how)
        self.confirmed_check = QCheckBox(f"I have &confirmed this fingerprint with {shown_as_typed(office)} by phone",
                                         self)
        self.confirmed_check.setAccessibleName("Fingerprint confirmed by phone")
        layout.addWidget(self.confirmed_check)
        buttons = QDialogButtonBox(self)
        self.accept_button = buttons.addButton("&Accept Key and Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        self.refuse_button = buttons.addButton("Do &Not Accept", QDialogButtonBox.ButtonRole.RejectRole)
        self.refuse_button.setDefault(True)
        self.accept_button.setEnabled(False)
        self.confirmed_check.toggled.connect(self.accept_button.setEnabled)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def accept(self) -> None:
        if not self.confirmed_check.isChecked():
            return
        super().accept()


KEY_COLUMNS = [
    Column("office_name", "Office"),
    Column("fingerprint", "Fingerprint"),
    Column("status", "Status", get=lambda k: "Active" if k.active else f"Withdrawn {local_day_text(k.withdrawn_at)}"),
    Column("first_signed_by", "First signed by"),
    Column("accepted_at", "Accepted", show=local_day_text),
    Column("accepted_by", "Accepted by"),
    Column("withdrawn_reason", "Reason withdrawn"),
]


class SigningKeysDialog(QDialog):
    """File > Signing Keys…: this officer's fingerprint, and the county file's register of office keys."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        from safer_desk.services.county import CountyError, officer_key_words

        self.session = session
        self.setWindowTitle("Signing Keys")
        try:
            fingerprint, privacy_note = officer_key_words()
            mine = f"Your signing key (read it to the county lead when they phone): {fingerprint}"
            if privacy_note:  # a copy from a backup others could read, made the officer's alone again
                mine += f"\n{privacy_note}"
        except CountyError as exc:  # what is wrong with the key, never offered as a fingerprint to read out
            mine = str(exc)
        self.own_label = NamedLabel(mine, self)
        self.own_label.setWordWrap(True)
        self.own_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.own_label.setAccessibleName("Your signing key")
        self.new_key_button = QPushButton("&New Key…", self)
        self.new_key_button.setAccessibleName("Make a new signing key in place of one the county withdrew or a "
                                              "damaged one")
        self.new_key_button.setToolTip("After the county lead has withdrawn your key, or when your key file is "
                                       "damaged: a new one, which the county confirms with you by phone")
        self.new_key_button.clicked.connect(self.replace_withdrawn)
        self.model = RowTableModel(KEY_COLUMNS, parent=self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = DataTableView(self, accessible_name="Registered keys")
        self.view.setModel(self.proxy)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText("why (for example: laptop lost, officer left)")
        self.reason_edit.setAccessibleName("Reason for withdrawing")
        self.withdraw_button = QPushButton("&Withdraw Key…", self)
        self.withdraw_button.setAccessibleName("Withdraw the selected key")
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.reason_edit.returnPressed.connect(self.withdraw_button.click)  # the reason given, Enter withdraws
        row = QHBoxLayout()
        row.addWidget(QLabel("&Reason:", self))
        row.itemAt(0).widget().setBuddy(self.reason_edit)
        row.addWidget(self.reason_edit, 1)
        row.addWidget(self.withdraw_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        own = QHBoxLayout()
        own.addWidget(self.own_label, 1)
        own.addWidget(self.new_key_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(own)
        layout.addWidget(QLabel("Keys this file has registered for district offices (a county file):", self))
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.refresh()
        self.resize(*fitting_size(parent, 900, 420))

    def reject(self) -> None:
        """Esc, Close or the close box: a reason typed and no key withdrawn is asked about first (it was thrown away
        without a word, as no other form in the program does); Keep Open (Enter's answer) leaves it in its box."""
        reason = self.reason_edit.text().strip()
        if reason and self.withdraw_button.isEnabled() and not prompts.ask(
                self, "Signing Keys", f"You typed a reason for withdrawing a key (“{reason}”) but have withdrawn "
                "none. Close, letting the reason go? To withdraw, choose the key and press Withdraw Key….",
                yes="Close", no="Keep Open", cautious=True):
            self.reason_edit.setFocus()
            return
        super().reject()

    def keyPressEvent(self, event) -> None:
        """Enter withdraws only from the Reason box or on Withdraw Key… itself: on a key's row it pressed the
        button, whose question answers Withdraw to Enter, so Enter, Enter withdrew a key with no reason."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def refresh(self) -> None:
        from safer_desk.services.county import registered_keys

        store = self.session.store
        self.model.set_rows(registered_keys(store) if store is not None else [])
        self.view.size_columns_to_visible()
        self.withdraw_button.setEnabled(store is not None and not store.read_only and self.model.rowCount() > 0)

    def replace_withdrawn(self) -> None:
        """A new key in place of the officer's own, once the county has withdrawn it: named by its fingerprint, typed
        (as `safer-desk key --replace-withdrawn`), so never made by a slip."""
        from safer_desk.services.county import CountyError, officer_key_damaged, replace_withdrawn_key

        damaged = officer_key_damaged()
        if damaged:  # no fingerprint to type: the key in the file is lost
            self.replace_damaged(damaged)
            return
        typed = prompts.ask_text(self, "New Key", "Only when the county lead has withdrawn your key: type its "
                                 "fingerprint, as the county's refusal gives it (the old key's public half is kept)")
        if typed is None or not typed.strip():
            return
        try:
            old, new, record = replace_withdrawn_key(typed)
        except CountyError as exc:
            prompts.show_error(self, "New Key", str(exc))
            return
        self._key_made(new, f"The key {old} it replaces is kept (its public half) in {record}.")

    def replace_damaged(self, damaged: str) -> None:
        from safer_desk.services.county import CountyError, replace_damaged_key

        said = damaged.split(" Move it aside", 1)[0]
        if not prompts.ask(self, "New Key", f"{said}\n\nMake a new signing key? The damaged file is set aside (kept, "
                           "not deleted), and the county lead confirms the new key with you by phone before merging "
                           "your next export.", yes="Make New Key", no="Cancel", cautious=True):
            return
        try:
            new, aside = replace_damaged_key()
        except CountyError as exc:
            prompts.show_error(self, "New Key", str(exc))
            return
        self._key_made(new, f"The damaged key file was set aside as {aside}.")

    def _key_made(self, new: str, kept: str) -> None:
        """A new signing key shown and said, with what became of the one it replaces (``kept``)."""
        self.own_label.setText(f"Your signing key (read it to the county lead when they phone): {new}")
        prompts.show_info(self, "New Key", f"Your new signing key is {new}. The county lead confirms it with you by "
                                           f"phone before merging your next export. {kept}")

    def selected_key(self):
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(index).row())

    def withdraw_selected(self) -> None:
        from safer_desk.services.county import CountyError, withdraw_key

        key = self.selected_key()
        if key is None:
            prompts.show_error(self, "Withdraw Key", "Choose the key to withdraw first.")
            return
        if not key.active:
            prompts.show_error(self, "Withdraw Key", f"The key {key.fingerprint} of {key.office_name} is already "
                                                     "withdrawn.")
            return
        if not prompts.ask(self, "Withdraw Key",
                           f"Withdraw the key {key.fingerprint} of {key.office_name}? Every export signed with it, "
                           "whichever office it says it is from, will be refused from now on, and this is recorded "
                           "in the audit trail.", yes="Withdraw", cautious=True):
            return
        try:
            withdraw_key(self.session.store, key.fingerprint, self.reason_edit.text().strip())
        except CountyError as exc:
            prompts.show_error(self, "Withdraw Key", str(exc))
            return
        self.reason_edit.clear()
        self.refresh()
        self.session.notify("")
