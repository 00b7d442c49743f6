"""Dialogs of the Indicators tab: importing figures (with a preview), and an indicator with its target.

Each dialog validates and applies through a method (``apply()``) that tests call
directly; the dialogs are opened with ``open()``, never ``exec()``. Each change is one named Action
on the window's undo stack (tab "indicators"); nothing is written before the person saves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout

from safer_desk.domain.indicators import IndicatorError
from safer_desk.domain.periods import FinancialYear
from safer_desk.domain.text import counted
from safer_desk.presenters.actions import snapshot_action
from safer_desk.presenters.indicators import IndicatorForm
from safer_desk.services import indicators as svc
from safer_desk.ui import prompts
from safer_desk.ui.kit.dialogs import GuardedDialog
from safer_desk.ui.kit.forms import FormView
from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import RIGHT, Column, RowTableModel
from safer_desk.ui.kit.undo import push_action
from safer_desk.ui.kit import fitting_size


class ImportFiguresDialog(QDialog):
    """Preview a long-form CSV/xlsx of figures, list the refused rows and why, then import the good ones."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.preview = None
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def load(self, path) -> bool:
        from safer_desk.exchange.indicator_import import ValuesFileError
        from safer_desk.services.indicators_import import figure_text, preview_values

        try:
            self.preview = preview_values(self.session.store, path)
        except (ValuesFileError, OSError) as exc:
            prompts.show_error(self.parentWidget(), "Figures not imported", str(exc))
            return False
        preview = self.preview
        queried = preview.queried
        uncommented = preview.uncommented
        rows = [dict(line=g.line, status="Check" if g.line in queried else "Unchanged" if g.line in preview.unchanged
                     else "Needs comment" if g.line in uncommented else "OK", indicator=g.indicator, area=g.area_name,
                     period=svc.period_label(g.value.period), value=figure_text(g.value),
                     replaces=preview.replaced_text(g.line), held=preview.replaced_text(g.line, full=True),
                     why=" ".join(filter(None, (queried.get(g.line), uncommented.get(g.line)))))
                for g in preview.good]
        rows += [dict(line=line, status="Refused", indicator="", area="", period="", value="", replaces="", held="",
                      why=why) for line, why in preview.refused]
        rows.sort(key=lambda r: r["line"])
        self.model.set_rows(rows)
        self.table.size_columns_to_visible()
        self.setWindowTitle(f"Import Figures from {preview_name(path)}")
        said = [f"{len(queried)} to check: imported as they are unless you correct the sheet"] if queried else []
        if uncommented:  # the grid asks for a comment on a red figure typed; these are imported without one
            said.append(f"{len(uncommented)} red with no comment saying why, marked Needs comment: give one in the "
                        "sheet's comment column, or in the grid after importing")
        if changes := preview.change_words(", listed under Replaces"):
            said.insert(0, changes)
        refused = f"{len(preview.refused)} refused (listed with the reason)"
        if preview.good and not preview.changes:
            self.summary.setText(f"Nothing to import: every row is already as the file holds it; {refused}.")
        else:
            self.summary.setText(f"{counted(len(preview.good), 'row')} can be imported"
                                 f"{' (' + '; '.join(said) + ')' if said else ''}; {refused}. Nothing is saved until "
                                 "you import.")
        self.import_button.setEnabled(bool(preview.changes))
        return True

    def apply(self) -> bool:
        from safer_desk.services.indicators_import import apply_values

        if self.preview is None or not self.preview.changes:
            return False
        store = self.session.store
        preview = self.preview
        keys = sorted({(g.indicator_id, g.area_id) for g in preview.good})
        wanted = [(ind, area, [g.value.period for g in preview.good if (g.indicator_id, g.area_id) == (ind, area)])
                  for ind, area in keys]
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


class IndicatorFormDialog(GuardedDialog):
    """An indicator's form presenter in a dialog: the kit's FormView (messages beside the fields, Enter saves, Save
    always in view), Revert and Cancel; the kit's guard asks Save / Discard / Cancel before Esc, Cancel or the close
    box throws typing away. Indicator and Target… and Baseline and Benchmarks… are this."""

    def __init__(self, session, presenter, parent, size: tuple[int, int]):
        presenter.read_only = session.read_only
        super().__init__(parent, presenter)
        self.session, self.presenter = session, presenter
        self.form = FormView(self.presenter, self, save_text="&Save", discard_text="Re&vert")
        cancel = QPushButton("Cancel", self)
        cancel.clicked.connect(self.reject)
        self.form.button_bar.addWidget(cancel)
        self.presenter.saved.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.resize(*fitting_size(parent, *size))

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
            session.store, view, area_id, year,
            perform=lambda action: push_action(session.undo_stack, action),
            after=self._after)
        super().__init__(session, presenter, parent, (520, 520))
        # A figure, right-aligned as the kit's number fields are; read as text so that "28%" reaches the presenter.
        self.form.widgets["target_value"].setAlignment(Qt.AlignmentFlag.AlignRight)

    def _after(self, indicator_id: str) -> None:
        self.session.notify("indicators")
        self.saved_indicator.emit(indicator_id)  # the tab shows the indicator just saved


def preview_name(path) -> str:
    from pathlib import Path

    return Path(path).name


__all__ = ["ImportFiguresDialog", "IndicatorDialog"]
