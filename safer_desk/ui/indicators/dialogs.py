"""Dialogs of the Indicators tab: importing figures (with a preview), and an indicator with its target.

Each dialog validates and applies through a method (``apply()``) that tests call
directly; the dialogs are opened with ``open()``, never ``exec()``. Each change is one named Action
on the window's undo stack (tab "indicators"); nothing is written before the person saves.

Import Figures… reads and checks the file on the thread pool (ui.workers.run_task, through a reading connection of
the worker's own), and a large import is written there too (its own connection, one transaction): a progress window
with Cancel shows if the work lasts, and the window is never held while a workbook of thousands of rows is read.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from safer_desk.domain.indicators import IndicatorError
from safer_desk.domain.periods import FinancialYear
from safer_desk.domain.text import as_sentence, counted
from safer_desk.presenters.actions import Action, snapshot_action, user_action
from safer_desk.presenters.indicators import IndicatorForm, import_failed_text, not_imported_text, read_only_words
from safer_desk.services import indicators as svc
from safer_desk.services.progress import Cancelled, stopped_by
from safer_desk.ui import prompts
from safer_desk.ui.kit.dialogs import GuardedDialog
from safer_desk.ui.kit.forms import FormView, WrappedLabel
from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import RIGHT, Column, RowTableModel
from safer_desk.ui.kit.undo import ActionCommand, push_action
from safer_desk.ui.kit import fitting_size


# Good rows that change the file from which an import is written on a worker thread (20,000 held the window ~1 s).
BACKGROUND_FROM = 2000
# Import Figures' preview: the pixels of the reasons kept in sight, and the least that Replaces gives way to them.
REASONS_LEAST, REPLACES_LEAST = 320, 120


class ImportFiguresDialog(QDialog):
    """Preview a long-form CSV/xlsx of figures, list the refused rows and why, then import the good ones."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.preview = None
        self.task = None  # reading the file, or writing a large import, on a worker thread
        self._dropped = self._writing = False
        self.setWindowTitle("Import Figures")
        # Wide enough for what a row replaces and why a row is refused side by side, where the window has room.
        self.resize(*fitting_size(parent, 1040, 480))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = RowTableModel([
            Column("line", "Line"), Column("status", "Status"), Column("indicator", "Indicator"),
            Column("area", "Area"), Column("period", "Period"), Column("value", "Value", align=RIGHT),
            Column("replaces", "Replaces", tooltip=lambda r: f"The file holds {r['held']}: importing replaces "
                                                              "it." if r["replaces"] else None),
            Column("why", "Why refused, or what to check", tooltip=lambda r: r["why"] or None),
        ], [], self)
        self.table = DataTableView(self, accessible_name="Rows to import")
        self.table.setSortingEnabled(False)
        self.table.verticalHeader().setVisible(False)  # the file's own line numbers are the first column
        self.table.setModel(self.model)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, parent=self)
        self.import_button = self.buttons.addButton("&Import Good Rows", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        # The row the keyboard is on, said in full: a long reason ends in "…" in its cell, and the cell's tooltip
        # needs a mouse.
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason.setAccessibleName("The row chosen and why")
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._say_reason())
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.finished.connect(self._drop_reading)

    def load(self, path) -> bool:
        """Read and check the file here, on this thread, and show the preview (False, said, for a bad file)."""
        from safer_desk.exchange.indicator_import import ValuesFileError
        from safer_desk.services.indicators_import import preview_values

        try:
            preview = preview_values(self.session.store, path)
        except (ValuesFileError, OSError) as exc:
            prompts.show_error(self.parentWidget(), "Figures not imported", str(exc))
            return False
        self.show_preview(preview)
        return True

    def load_in_background(self, path):
        """Read and check the file on a worker thread, then open with the preview; returns the running Task.

        A 20,000-row workbook took 2-3 s, and the window was held all that time. The progress window (with Cancel)
        shows only if the reading lasts; a bad file is said as ``load`` says it; Cancel, closing this dialog, or
        another file opened meanwhile drops the reading and opens nothing."""
        from safer_desk.exchange.indicator_import import ValuesFileError
        from safer_desk.services.files import reading_connection
        from safer_desk.ui.workers import run_task

        store, name = self.session.store, preview_name(path)

        def work(progress, cancelled):
            from safer_desk.services.indicators_import import preview_values

            progress(0, 0, f"Reading and checking {name}…")
            with reading_connection(store) as own, stopped_by(own, cancelled):  # looking never writes
                preview = preview_values(own, path)
            if cancelled():
                raise Cancelled()
            return preview

        def done(preview) -> None:
            if self._still_wanted(store):
                self.show_preview(preview)
                self.open()

        def failed(exc: BaseException, _trace: str) -> None:
            if not self._still_wanted(store):
                return
            said = str(exc) if isinstance(exc, (ValuesFileError, OSError)) else (
                f"{name} could not be read and checked ({exc}). Nothing was changed.")
            prompts.show_error(self.parentWidget(), "Figures not imported", said)

        window = self.parentWidget().window() if self.parentWidget() is not None else None
        # The task belongs to the application: it outlives this dialog (and the tab) if another file is opened.
        self.task = run_task(work, on_success=done, on_failure=failed, window=window, title=f"Reading {name}…",
                             parent=QCoreApplication.instance())
        return self.task

    def _still_wanted(self, store) -> bool:
        """The dialog is still there, not closed, and its file still the one open."""
        return shiboken6.isValid(self) and not self._dropped and self.session.store is store

    def _drop_reading(self) -> None:
        """Closed (Cancel, Esc) before the preview came: its reading stops, and nothing opens."""
        if self.preview is None:
            self._dropped = True
            if self.task is not None and shiboken6.isValid(self.task):  # a reading that failed has gone already
                self.task.cancel()

    def show_preview(self, preview) -> None:
        """Fill the table and the summary with a preview read (``load`` or ``load_in_background``)."""
        from safer_desk.services.indicators_import import figure_text

        self.preview = preview
        path = preview.path
        queried = preview.queried
        uncommented = preview.uncommented
        rows = [dict(line=g.line, status="Check" if g.line in queried else "Unchanged" if g.line in preview.unchanged
                     else "Needs comment" if g.line in uncommented else "OK", indicator=g.indicator, area=g.area_name,
                     period=svc.period_label(g.value.period), value=g.shown or figure_text(g.value),
                     replaces=preview.replaced_text(g.line), held=preview.replaced_text(g.line, full=True),
                     why=_sentences(queried.get(g.line), uncommented.get(g.line)))
                for g in preview.good]
        # A line giving a good row again, the same figure, is imported once (as on the command line): not refused.
        # Its cells as the sheet gives them, so it can be found there (blank, only the reason said which line).
        blank = dict.fromkeys(("indicator", "area", "period", "value"), "")
        rows += [dict(line=line, status="Repeated" if line in preview.repeated else "Refused",
                      **{**blank, **preview.read.get(line, {})}, replaces="", held="", why=_sentences(why))
                 for line, why in preview.refused]
        rows.sort(key=lambda r: r["line"])
        self.model.set_rows(rows)
        if rows and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._say_reason()
        self.table.size_columns_to_visible()
        self._room_for_reasons()
        self.setWindowTitle(f"Import Figures from {preview_name(path)}")
        said = [f"{len(queried)} to check: imported as they are unless you correct the sheet"] if queried else []
        if uncommented:  # the grid asks for a comment on a red figure typed; these are imported without one
            said.append(f"{len(uncommented)} red with no comment saying why, marked Needs comment: give one in the "
                        "sheet's comment column, or in the grid after importing")
        if changes := preview.change_words(", listed under Replaces"):
            said.insert(0, changes)
        refused = f"{len(preview.refusals)} refused (listed with the reason)"
        if preview.repeated:
            refused += f"; {len(preview.repeated):,} repeated (imported once)"
        if preview.good and not preview.changes:
            self.summary.setText(f"Nothing to import: every row is already as the file holds it; {refused}.")
        else:
            self.summary.setText(f"{counted(len(preview.good), 'row')} can be imported"
                                 f"{' (' + '; '.join(said) + ')' if said else ''}; {refused}. Nothing is saved until "
                                 "you import.")
        if preview.text_doubt:  # a Mac's "CSV (Macintosh)" read as Windows text: what was read, and how to save it
            self.summary.setText(f"{self.summary.text()} {preview.text_doubt}")
        if self.session.read_only:  # a file opened to read: the preview to read, and why Import is greyed
            self.summary.setText(f"{self.summary.text()} {read_only_words('Import Good Rows')}")
        self.import_button.setEnabled(bool(preview.changes) and not self.session.read_only)

    def _say_reason(self) -> None:
        """Under the table, the current row's line, status and reason ("Line 4 (Refused): The value 50 is …")."""
        index = self.table.currentIndex()
        row = self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None
        said = f"Line {row['line']} ({row['status']})" if row else ""
        self.reason.setText(f"{said}: {row['why']}" if row and row["why"] else said)

    def _room_for_reasons(self) -> None:
        """Why a row is refused (or is to check) in sight beside what rows replace: a replaced comment widened
        Replaces to 360 pixels, and on a laptop the reasons began at the dialog's edge. Replaces gives way, down to
        REPLACES_LEAST (its cell says the rest when pointed at); a width the person gave it by hand is kept."""
        columns = [c.key for c in self.model.columns]
        why, replaces = columns.index("why"), columns.index("replaces")
        if not any(r["why"] for r in self.model.rows):
            return
        table_width = self.table.viewport().width() if self.isVisible() else self.width() - 40
        room = table_width - self.table.horizontalHeader().sectionPosition(why)
        wanted = min(self.table.columnWidth(why), REASONS_LEAST)
        if room < wanted:
            width = self.table.columnWidth(replaces)
            self.table.fit_column(replaces, max(REPLACES_LEAST, width - (wanted - room)))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.preview is not None:
            self._room_for_reasons()  # the table's own width, now it is laid out

    def apply(self) -> bool:
        """Import the good rows as one undoable step; True when imported (or, for a large import, when its writing
        has started: the dialog closes when it is done)."""
        from safer_desk.services.indicators_import import apply_values

        if self.preview is None or not self.preview.changes or self._writing:
            return False
        if self.session.read_only:  # the button is greyed; Enter asked all the same: said why, nothing raised
            prompts.show_error(self, "Figures not imported", read_only_words("Import Good Rows"))
            return False
        store = self.session.store
        preview = self.preview
        keys = sorted({(g.indicator_id, g.area_id) for g in preview.good})
        wanted = [(ind, area, [g.value.period for g in preview.good if (g.indicator_id, g.area_id) == (ind, area)])
                  for ind, area in keys]
        if preview.changes >= BACKGROUND_FROM:
            self._write_in_background(wanted)
            return True
        # Undo and redo put the figures back exactly (their sources too: a paper's figure stays the paper's).
        action = snapshot_action(f"Import figures from {preview.path.name}", key=preview.path.name,
                                 snap=lambda k: svc.snapshot_value_rows(store, wanted),
                                 restore=lambda rows: svc.put_back_value_rows(store, rows), absent=lambda k: None,
                                 change=lambda: apply_values(store, preview),
                                 after=lambda k: self.session.notify("indicators"), tab="indicators")
        try:
            push_action(self.session.undo_stack, action)
        except (IndicatorError, ValueError) as exc:
            prompts.show_error(self, "Figures not imported", str(exc))
            return False
        self.accept()
        return True

    def _write_in_background(self, wanted) -> None:
        """The import written on a worker thread through a connection of its own, in one transaction (Cancel rolls
        it back: nothing changes), then put on Edit > Undo as the step ``apply`` makes, with the same snapshots."""
        from safer_desk.services.indicators_import import apply_values
        from safer_desk.ui.workers import run_task

        store, session, preview = self.session.store, self.session, self.preview
        text = f"Import figures from {preview.path.name}"

        def work(progress, cancelled):
            progress(0, 0, f"Importing {counted(preview.changes, 'figure')} from {preview.path.name}…")
            own = store.connect_for_thread()
            try:
                with user_action(text):  # its history entries are one action, as push_action groups them
                    with stopped_by(own, cancelled):
                        before = svc.snapshot_value_rows(own, wanted)
                        if cancelled():
                            raise Cancelled()
                        apply_values(own, preview)  # one transaction: stopped part way, it is rolled back
                    after = svc.snapshot_value_rows(own, wanted)  # written: no longer stopped
                return before, after
            finally:
                own.close()

        def done(result) -> None:
            before, after = result
            action = Action(text, lambda: svc.put_back_value_rows(store, after),
                            lambda: svc.put_back_value_rows(store, before), "indicators",
                            after=lambda: session.notify("indicators"))
            session.undo_stack.push(ActionCommand(action, done_already=True))  # refreshes the tab (action.after)
            if shiboken6.isValid(self):
                self._end_writing()
                self.accept()

        def failed(exc: BaseException, _trace: str) -> None:
            self._end_writing()
            said = not_imported_text(str(exc)) if isinstance(exc, (IndicatorError, ValueError)) else \
                import_failed_text(exc, store.path.name, otherwise=f"The figures could not be written ({exc}).")
            prompts.show_error(self, "Figures not imported", said)

        def stopped() -> None:
            self._end_writing()
            self.show_preview(preview)  # the summary as it was, then what happened
            self.summary.setText(f"The import was cancelled; nothing was changed. {self.summary.text()}")

        self._writing = True
        self.buttons.setEnabled(False)
        self.task = run_task(work, on_success=done, on_failure=failed, on_cancel=stopped, window=self,
                             title=f"Importing figures from {preview.path.name}…", parent=QCoreApplication.instance())

    def _end_writing(self) -> None:
        self._writing = False
        self.buttons.setEnabled(True)

    def reject(self) -> None:
        if self._writing:  # Esc or the close box while the import is written: it is asked to stop, and this stays
            self.task.cancel()
            return
        super().reject()


class IndicatorFormDialog(GuardedDialog):
    """An indicator's form presenter in a dialog: the kit's FormView (messages beside the fields, Enter saves, Save
    always in view), Revert and Cancel; the kit's guard asks Save / Discard / Cancel before Esc, Cancel or the close
    box throws typing away. Indicator and Target… and Baseline and Benchmarks… are this. On a file open read-only
    it is there to be read, as the other records' dialogs are (``FormView.close_only``)."""

    def __init__(self, session, presenter, parent, size: tuple[int, int], *, ready=None, **view):
        presenter.read_only = session.read_only
        super().__init__(parent, presenter)
        self.session, self.presenter = session, presenter
        self.ready = ready  # asked once Save is pressed and the fields pass: the grid's figures typed, not saved
        self.form = FormView(self.presenter, self, save_text="&Save", discard_text="Re&vert",
                             on_save=self._save_when_ready, **view)
        cancel = QPushButton("Cancel", self)
        cancel.clicked.connect(self.reject)
        self.form.button_bar.addWidget(cancel)
        self.form.close_only(cancel)  # a file open read-only: the indicator to read, said at the top, Close only
        self.presenter.saved.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.resize(*fitting_size(parent, *size))

    def _save_when_ready(self) -> bool:
        """The form saved once ``ready`` agrees (Cancel: nothing saved, the dialog and the figures typed stay); a
        problem in the form is said beside its field first, unasked."""
        if self.ready is not None and not self.presenter.read_only and self.presenter.validate() is not None \
                and not self.ready():
            return False
        return self.presenter.save()

    def save(self) -> bool:
        return self.form.save()  # the view's save: a problem puts the focus on its field

    def apply(self) -> bool:
        return self.save()


class IndicatorDialog(IndicatorFormDialog):
    """Add or change an indicator and its target for the chosen area and year (named in the title and heading).

    A thin view over the form presenter built by ``presenters.indicators.IndicatorForm``.
    """

    saved_indicator = Signal(str)

    def __init__(self, session, view: svc.YearView | None, area_id: str | None, year: FinancialYear | None,
                 parent=None):
        presenter = IndicatorForm.make(
            session.store, view, area_id, year, read_only=session.read_only,
            perform=lambda action: push_action(session.undo_stack, action),
            after=self._after)
        # Under Profile, across the form: why the months held are not last year's figures' as they are now, and the
        # box to spread the target again from them (shown only then).
        spread = QWidget()
        self.spread_note = WrappedLabel("", spread)
        self.spread_note.setAccessibleName("About the target's spread")
        self.spread_box = QCheckBox(presenter.field("respread").label, spread)
        self.spread_box.setToolTip("Spread the target over the months again, in the seasonal profile of last year's "
                                   "figures as they are now (Edit > Undo puts the months back)")
        self.spread_box.toggled.connect(lambda on: presenter.set_value("respread", "yes" if on else ""))
        box = QVBoxLayout(spread)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.spread_note)
        box.addWidget(self.spread_box)
        super().__init__(session, presenter, parent, (520, 560), custom={"respread": spread}, spanning={"respread"})
        # A figure, right-aligned as the kit's number fields are; read as text so that "28%" reaches the presenter.
        self.form.widgets["target_value"].setAlignment(Qt.AlignmentFlag.AlignRight)
        presenter.changed.connect(self._show_spread)
        self.destroyed.connect(lambda *_: presenter.changed.disconnect(self._show_spread))
        self._show_spread()

    def _show_spread(self) -> None:
        """The note and its box as the form holds them (Revert unticks the box): there only while there is
        something to say."""
        p = self.presenter
        self.form.widgets["respread"].setVisible(bool(p.spread_note))
        self.spread_note.setText(p.spread_note)
        self.spread_box.setEnabled(p.respread_offered)
        self.spread_box.blockSignals(True)
        try:
            self.spread_box.setChecked(p.value("respread") == "yes")
        finally:
            self.spread_box.blockSignals(False)

    def _after(self, indicator_id: str) -> None:
        self.session.notify("indicators")
        self.saved_indicator.emit(indicator_id)  # the tab shows the indicator just saved


def _sentences(*parts: str | None) -> str:
    """The reasons given, each a sentence of its own ("… format the cell as a percentage. Level Two … is red …"),
    ending as `safer-desk import-figures` ends each line: "… called “Atlantis”" ran on beside "… over 100%."."""
    return " ".join(as_sentence(p) for p in parts if p)


def preview_name(path) -> str:
    from pathlib import Path

    return Path(path).name


__all__ = ["ImportFiguresDialog", "IndicatorDialog"]
