"""Dialogs of the Indicators tab: importing figures (with a preview), and an indicator with its target.

Each dialog validates and applies through a method (``apply()``) that tests call
directly; the dialogs are opened with ``open()``, never ``exec()``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QVBoxLayout)

from safer_desk.domain.indicators import (FREQUENCY_LABELS, POLARITY_LABELS, TARGET_KINDS, UNIT_LABELS,
                                          IndicatorError, format_value)
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.ui import prompts
from safer_desk.ui.table_model import Column, RowTableModel
from safer_desk.ui.table_view import DataTableView
from safer_desk.ui.kit.undo import push_service_action


class ImportFiguresDialog(QDialog):
    """Preview a long-form CSV/xlsx of figures, list the refused rows and why, then import the good ones."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.preview = None
        self.setWindowTitle("Import Figures")
        self.resize(760, 480)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = RowTableModel([
            Column("line", "Line"), Column("status", "Status"), Column("indicator", "Indicator"),
            Column("area", "Area"), Column("period", "Period"), Column("value", "Value"), Column("why", "Why refused"),
        ], [], self)
        self.table = DataTableView(self, accessible_name="Rows to import")
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
        from safer_desk.services.indicators_import import preview_values

        try:
            self.preview = preview_values(self.session.store, path)
        except (ValuesFileError, OSError) as exc:
            prompts.show_error(self.parentWidget(), "Figures not imported", str(exc))
            return False
        rows = [dict(line=g.line, status="OK", indicator=g.indicator, area=g.area_name,
                     period=svc.period_label(g.value.period),
                     value="" if g.value.value is None and g.value.numerator is None else (
                         f"{g.value.numerator:g}/{g.value.denominator:g}" if g.value.numerator is not None
                         else f"{g.value.value:g}"), why="") for g in self.preview.good]
        rows += [dict(line=line, status="Refused", indicator="", area="", period="", value="", why=why)
                 for line, why in self.preview.refused]
        rows.sort(key=lambda r: r["line"])
        self.model.set_rows(rows)
        self.table.size_columns_to_visible()
        self.summary.setText(f"{len(self.preview.good)} row(s) can be imported; {len(self.preview.refused)} "
                             "refused (listed with the reason). Nothing is saved until you import.")
        self.import_button.setEnabled(bool(self.preview.good))
        return True

    def apply(self) -> bool:
        from safer_desk.services.indicators_import import apply_values

        if self.preview is None or not self.preview.good:
            return False
        store = self.session.store
        preview = self.preview
        keys = {(g.indicator_id, g.area_id) for g in preview.good}
        before = {k: svc.snapshot_values(store, k[0], k[1], [g.value.period for g in preview.good
                                                             if (g.indicator_id, g.area_id) == k]) for k in keys
                  if store.scalar("SELECT 1 FROM indicator_areas WHERE id = ?", (k[1],))}

        def undo():
            with store.transaction():
                for (ind, area), values in before.items():
                    svc.save_values(store, ind, area, values, require_red_comments=False)

        try:
            push_service_action(self.session.undo_stack, f"Import figures from {preview.path.name}",
                                 lambda: apply_values(store, preview), undo,
                                 after=lambda: self.session.notify("indicators"), tab="indicators")
        except (IndicatorError, ValueError) as exc:
            prompts.show_error(self, "Figures not imported", str(exc))
            return False
        self.accept()
        return True


class IndicatorDialog(QDialog):
    """Add or change an indicator and its target for the chosen area and year."""

    def __init__(self, session, view: svc.YearView | None, area_id: str | None, year: FinancialYear | None,
                 parent=None):
        super().__init__(parent)
        self.session, self.area_id, self.year = session, area_id, year
        self.setWindowTitle("Indicator and Target")
        ind = view.indicator if view is not None else None
        target = view.target if view is not None else None
        self.name = QLineEdit(ind.name if ind else "", self)
        self.code = QLineEdit(ind.code if ind else "", self)
        self.unit = self._combo(UNIT_LABELS, ind.unit if ind else "count")
        self.polarity = self._combo(POLARITY_LABELS, ind.polarity if ind else "lower")
        self.frequency = self._combo(FREQUENCY_LABELS, ind.frequency if ind else "monthly")
        self.source = QLineEdit(ind.source if ind else "", self)
        self.tolerance = QDoubleSpinBox(self)
        self.tolerance.setRange(0, 100)
        self.tolerance.setSuffix(" points" if ind is not None and ind.tolerance_kind == "points" else " %")
        self.tolerance.setValue(ind.tolerance_pct if ind else 5)
        self.target_kind = QComboBox(self)
        self.target_kind.addItem("No target", "")
        for kind, label in (("annual", "Annual figure"), ("threshold", "Threshold (no more than / at least)"),
                            ("trajectory", "Cumulative trajectory (one figure per period)")):
            self.target_kind.addItem(label, kind)
        self.target_kind.setCurrentIndex(max(0, self.target_kind.findData(target.kind if target else "")))
        self.profile = QComboBox(self)
        self.profile.addItem("Spread evenly over the year", "even")
        self.profile.addItem("In last year's seasonal profile", "seasonal")
        if target is not None and target.profile == "seasonal":
            self.profile.setCurrentIndex(1)
        self.target_value = QLineEdit("" if target is None or target.value is None else f"{target.value:g}", self)
        self.trajectory = QPlainTextEdit(self)
        self.trajectory.setPlaceholderText("55, 108, 162, … (cumulative, one per period)")
        if target is not None and target.kind == "trajectory" and view is not None:
            self.trajectory.setPlainText(", ".join(f"{t:g}" for t in view.target_at if t is not None))
        self.trajectory.setMaximumHeight(60)
        form = QFormLayout()
        for label, w in (("&Name:", self.name), ("&Code:", self.code), ("&Unit:", self.unit),
                         ("&Better when:", self.polarity), ("&Frequency:", self.frequency), ("&Source:", self.source),
                         ("Amber &within:", self.tolerance),
                         (f"&Target {year.label if year else ''}:", self.target_kind),
                         ("Target &figure:", self.target_value), ("&Profile:", self.profile),
                         ("T&rajectory:", self.trajectory)):
            form.addRow(label, w)
            w.setAccessibleName(label.replace("&", "").rstrip(":"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   parent=self)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _combo(self, labels: dict[str, str], current: str) -> QComboBox:
        combo = QComboBox(self)
        for key, label in labels.items():
            combo.addItem(label, key)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def apply(self) -> bool:
        store = self.session.store
        name = self.name.text().strip()
        kind = self.target_kind.currentData()
        try:
            value = float(self.target_value.text().replace(",", "").rstrip("%")) if \
                self.target_value.text().strip() else None
            trajectory = [float(t) for t in self.trajectory.toPlainText().replace("\n", ",").replace(",", " ").split()
                          ] if kind == "trajectory" else None
        except ValueError:
            prompts.show_error(self, "Not saved", "The target figures must be numbers.")
            return False
        indicator_id = svc.reference_id("indicator", name) if name else ""
        before_ind = store.one("SELECT * FROM indicators WHERE id = ?", (indicator_id,)) if name else None
        before_target = svc.get_target(store, indicator_id, self.area_id, self.year) \
            if before_ind is not None and self.area_id and self.year else None

        def do():
            with store.transaction():
                svc.save_indicator(store, name, code=self.code.text(), unit=self.unit.currentData(),
                                   polarity=self.polarity.currentData(), frequency=self.frequency.currentData(),
                                   source=self.source.text(), tolerance_pct=self.tolerance.value(),
                                   area_id=before_ind["area_id"] if before_ind is not None else None)
                if self.area_id and self.year:
                    if kind:
                        svc.set_target(store, indicator_id, self.area_id, self.year, kind=kind, value=value,
                                       trajectory=trajectory, profile=self.profile.currentData())
                    else:
                        svc.clear_target(store, indicator_id, self.area_id, self.year)

        def undo():
            with store.transaction():
                if before_ind is None:
                    svc.delete_indicator(store, indicator_id)
                    return
                b = before_ind
                svc.save_indicator(store, b["name"], code=b["code"], unit=b["unit"], polarity=b["polarity"],
                                   frequency=b["frequency"], source=b["source"], area_id=b["area_id"],
                                   tolerance_pct=b["tolerance_pct"], rate_per=b["rate_per"],
                                   description=b["description"])
                if self.area_id and self.year:
                    svc.clear_target(store, indicator_id, self.area_id, self.year)
                    t = before_target
                    if t is not None:
                        traj = [t.trajectory[p] for p in sorted(t.trajectory)] if t.kind == "trajectory" else None
                        svc.set_target(store, indicator_id, self.area_id, self.year, kind=t.kind, value=t.value,
                                       trajectory=traj, profile=t.profile, note=t.note)

        tab = self.parentWidget()
        if hasattr(tab, "_indicator_id"):
            tab._indicator_id = indicator_id  # the tab shows the indicator just saved
        try:
            push_service_action(self.session.undo_stack, f"Save indicator {name}", do, undo,
                                 after=lambda: self.session.notify("indicators"), tab="indicators")
        except (IndicatorError, ValueError) as exc:
            prompts.show_error(self, "Not saved", str(exc))
            return False
        self.accept()
        return True


__all__ = ["ImportFiguresDialog", "IndicatorDialog", "TARGET_KINDS", "format_value"]
