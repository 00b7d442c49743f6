"""Dialogs of the Indicators tab: importing figures (with a preview), and an indicator with its target.

Each dialog validates and applies through a method (``apply()``) that tests call
directly; the dialogs are opened with ``open()``, never ``exec()``. Each change is one named Action
on the window's undo stack (tab "indicators"); nothing is written before the person saves.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QVBoxLayout)

from safer_desk.domain.checks import NumberError, parse_number, parse_percentage, percentage_slip
from safer_desk.domain.indicators import (FREQUENCY_LABELS, POLARITY_LABELS, TARGET_KINDS, UNIT_LABELS,
                                          IndicatorError, format_value)
from safer_desk.presenters.actions import Action
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.ui import prompts
from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import RIGHT, Column, RowTableModel
from safer_desk.ui.kit.undo import push_action


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
            Column("area", "Area"), Column("period", "Period"), Column("value", "Value", align=RIGHT),
            Column("why", "Why refused"),
        ], [], self)
        self.table = DataTableView(self, accessible_name="Rows to import")
        self.table.setSortingEnabled(False)
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
                         f"{g.value.numerator:,g}/{g.value.denominator:,g}" if g.value.numerator is not None
                         else f"{g.value.value:,g}"), why="") for g in self.preview.good]
        rows += [dict(line=line, status="Refused", indicator="", area="", period="", value="", why=why)
                 for line, why in self.preview.refused]
        rows.sort(key=lambda r: r["line"])
        self.model.set_rows(rows)
        self.table.size_columns_to_visible()
        self.setWindowTitle(f"Import Figures from {preview_name(path)}")
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
            push_action(self.session.undo_stack, Action(f"Import figures from {preview.path.name}",
                                                        lambda: apply_values(store, preview), undo, "indicators",
                                                        lambda: self.session.notify("indicators")))
        except (IndicatorError, ValueError) as exc:
            prompts.show_error(self, "Figures not imported", str(exc))
            return False
        self.accept()
        return True


class IndicatorDialog(QDialog):
    """Add or change an indicator and its target for the chosen area and year (named in the title)."""

    saved_indicator = Signal(str)

    def __init__(self, session, view: svc.YearView | None, area_id: str | None, year: FinancialYear | None,
                 parent=None):
        super().__init__(parent)
        self.session, self.area_id, self.year = session, area_id, year
        ind = view.indicator if view is not None else None
        where = f" for {view.area_name}, {year.label}" if view is not None and year is not None else ""
        self.setWindowTitle(f"Indicator {ind.name} and its target{where}" if ind else "New indicator")
        self.heading = QLabel((f"Indicator {ind.label} and its target{where}: change it, then Save." if ind else
                               "A new indicator: name it, then Save. Nothing is written until you save."), self)
        self.heading.setWordWrap(True)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a1c1c")
        self.message.setAccessibleName("Message about the target")
        self._confirmed = ""
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
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
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
        typed = self.target_value.text().strip()
        try:
            if not typed:
                value = None
            elif self.unit.currentData() == "percentage":
                number = parse_percentage(typed)
                slip = percentage_slip(number)
                if slip is not None and self._confirmed != typed:
                    self._confirmed = typed
                    self.message.setText(f"Target figure: {slip.message} Save again to keep it.")
                    return False
                value = float(number)
            else:
                value = float(parse_number(typed, what="a target figure"))
            # "55, 108, 162" or one a line; "1,234" keeps its thousands separator (no space after it)
            trajectory = [float(parse_number(t, what="a trajectory figure"))
                          for t in re.split(r"[;\s]+|,\s+", self.trajectory.toPlainText().strip()) if t.strip(", ")
                          ] if kind == "trajectory" else None
        except NumberError as exc:
            self.message.setText(f"Target figure: {exc}")
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

        try:
            push_action(self.session.undo_stack, Action(f"Save indicator {name}", do, undo, "indicators",
                                                        lambda: self.session.notify("indicators")))
        except (IndicatorError, ValueError) as exc:
            self.message.setText(f"Not saved: {exc}")
            return False
        self.saved_indicator.emit(indicator_id)  # the tab shows the indicator just saved
        self.accept()
        return True


def preview_name(path) -> str:
    from pathlib import Path

    return Path(path).name


__all__ = ["ImportFiguresDialog", "IndicatorDialog", "TARGET_KINDS", "format_value"]
