"""Table models of the Projects tab: the register, and the projects of a commissioning scenario."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from safer_desk.domain.money import format_money, format_pounds_plain
from safer_desk.domain.projects import (CRITERIA, NO, STATUS_LABELS, UNKNOWN, YES, ProjectError, Scale, parse_scale)
from safer_desk.presenters.formats import Unit
from safer_desk.services.projects import Project
from safer_desk.services.provenance import MERGED_FROM, NOT_A_COUNTY_FILE, RowOrigins
from safer_desk.ui.kit.tables import CENTER, LEFT, RIGHT, Column, RowTableModel, money_column

# Sorting criteria: met first, then unknown, then not met, blanks last.
_CRITERION_ORDER = {YES: 0, UNKNOWN: 1, NO: 2}


def TextColumn(key: str, header: str, *, get=None, align=LEFT, text_of=None, tooltip=None, unit=Unit.TEXT,
               copy_of=None) -> Column:
    """A column whose shown text comes from the whole row (raw value still from ``get``, for sorting)."""
    return Column(key, header, get=get, align=align, tooltip=tooltip, unit=unit, text_of=text_of, copy_of=copy_of)


def _cost_copy(p: Project) -> str:
    """A cost for Excel: a single amount as a plain number; a range or minimum as plain words."""
    cost = p.cost
    if cost is None:
        return p.cost_note or ""
    if cost.kind == "amount":
        return format_pounds_plain(cost.min_pence)
    if cost.kind == "range":
        return f"{format_pounds_plain(cost.min_pence)} - {format_pounds_plain(cost.max_pence or 0)}"
    return f"Minimum {format_pounds_plain(cost.min_pence)}"


def _natural(ref: str) -> str:
    """A sort key that puts "2" before "10" and "P1" after "15": numbers padded with zeros."""
    return re.sub(r"\d+", lambda m: m.group(0).zfill(9), ref)


def _criterion_sort(p: Project, key: str):
    c = p.criterion(key)
    return (_CRITERION_ORDER[c.value], c.qualifier) if c.value else None


def _check(p: Project) -> str:
    r = p.reconciliation
    if r.agrees:
        return ""
    return "⚠ line queried" if r.queried_lines else "⚠ lines differ"


def register_columns(merged_from: Callable[[Project], str] = lambda p: "") -> list[Column]:
    """The register's columns; *Merged from* (``merged_from``: the office a project came from), after the areas, is
    shown in a county file only (hidden in an office's own)."""
    columns: list[Column] = [
        TextColumn("ref", "Ref", get=lambda p: _natural(p.ref), text_of=lambda p: p.ref),
        Column("title", "Project / initiative", get=lambda p: p.title, tooltip=lambda p: p.title),
        Column("status", "Status", get=lambda p: p.status, show=lambda s: STATUS_LABELS.get(s, s or "")),
        Column("funding_route", "Funding route", get=lambda p: p.funding_route),
        TextColumn("cost", "Cost", get=lambda p: p.planning_pence, align=RIGHT, text_of=lambda p: p.cost_text,
                   unit=Unit.MONEY, copy_of=_cost_copy),
        # before the five criteria, so the count stays in view on a laptop (issue 15)
        Column("met", "Met", get=lambda p: p.met_shown, align=CENTER, unit=Unit.COUNT, tooltip=lambda p: p.met_tooltip),
    ]
    for key, short, title in CRITERIA:
        columns.append(TextColumn(
            key, short, get=lambda p, k=key: _criterion_sort(p, k), align=CENTER,
            text_of=lambda p, k=key: p.criterion(k).describe(),
            tooltip=lambda p, k=key, t=title: f"{t} {p.criterion(k).describe() or '(blank)'}"))
    return columns + [
        Column("lead_organisation", "Lead organisation", get=lambda p: p.lead_organisation),
        Column("areas", "Areas", get=lambda p: "; ".join(p.areas)),
        Column("merged_from", MERGED_FROM, get=merged_from, tooltip=lambda p: merged_from(p) or None),
        Column("check", "Check", get=lambda p: _check(p), tooltip=lambda p: p.warning or None),
    ]  # text that reads as a formula ("=HYPERLINK(…)") is quoted by the kit's copy (``to_tsv``)


class RegisterModel(RowTableModel):
    """The register: one row per Project (immutable; replaced whole after each change)."""

    MERGED_FROM = [c.key for c in register_columns()].index("merged_from")

    def __init__(self, projects: list[Project] = (), parent=None):
        self.origins: RowOrigins = NOT_A_COUNTY_FILE  # where each project came from, in a county file
        super().__init__(register_columns(lambda p: self.origins.of(p.id)), projects, parent)

    def set_rows(self, rows, origins: RowOrigins | None = None) -> None:
        """Every row anew (``origins``: where each came from, read with them; the ones held kept if None)."""
        if origins is not None:
            self.origins = origins
        super().set_rows(rows)

    def row_of(self, project_id: str) -> int:
        return self.find(lambda p: p.id == project_id)


# -- commissioning ---------------------------------------------------------------------------------------

@dataclass
class ScenarioEntry:
    """A project as it stands in the scenario being edited: ticked or not, and at what scale."""

    project: Project
    ticked: bool = False
    scale: Scale = Scale()
    committed_pence: int | None = None  # as the scenario counts it (the presenter's ``committed``), when ticked
    merged_from: str = ""  # in a county file, the office the project came from (the register's words)


SCENARIO_COLUMNS = [
    Column("ticked", "Fund?", get=lambda e: e.ticked, show=lambda v: "Yes" if v else "", align=CENTER),
    TextColumn("ref", "Ref", get=lambda e: _natural(e.project.ref), text_of=lambda e: e.project.ref),
    Column("title", "Project / initiative", get=lambda e: e.project.title, tooltip=lambda e: e.project.title),
    # Beside the title (two offices may each have an "Outreach worker" 1), as the scenario's export writes it; shown
    # in a county file only, as in the register.
    Column("merged_from", MERGED_FROM, get=lambda e: e.merged_from, tooltip=lambda e: e.merged_from or None),
    *[TextColumn(key, short, get=lambda e, k=key: _criterion_sort(e.project, k), align=CENTER,
                 text_of=lambda e, k=key: e.project.criterion(k).symbol,
                 tooltip=lambda e, k=key, t=title: f"{t} {e.project.criterion(k).describe() or '(blank)'}")
      for key, short, title in CRITERIA],
    Column("met", "Met", get=lambda e: e.project.met_shown, align=CENTER, tooltip=lambda e: e.project.met_tooltip),
    Column("funding_route", "Funding", get=lambda e: e.project.funding_route),
    TextColumn("cost", "Cost", get=lambda e: e.project.planning_pence, align=RIGHT,
               text_of=lambda e: e.project.cost_text, copy_of=lambda e: _cost_copy(e.project)),  # as the register
    Column("scale", "Scale", get=lambda e: e.scale.describe(), align=CENTER,
           tooltip=lambda e: "Double-click to scale: 1/3 for a pilot, 6 of 12 months, 50%, or the amount (£35K)"),
    money_column("committed", "Committed", get=lambda e: e.committed_pence),
]


class ScenarioModel(RowTableModel):
    """Projects to tick and scale; ticking uses the check box of the first column, the scale is typed."""

    changed = Signal()
    refused = Signal(str)

    TICK, MERGED_FROM, SCALE = (next(n for n, c in enumerate(SCENARIO_COLUMNS) if c.key == key)
                                for key in ("ticked", "merged_from", "scale"))

    def __init__(self, entries: list[ScenarioEntry] = (), parent=None):
        super().__init__(SCENARIO_COLUMNS, entries, parent)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        if index.column() == self.TICK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.SCALE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and 0 <= index.row() < self.rowCount():
            entry = self.row(index.row())
            if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.TICK:
                return Qt.CheckState.Checked if entry.ticked else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.EditRole and index.column() == self.SCALE:
                return entry.scale.describe() if not entry.scale.is_whole else "1"
        return super().data(index, role)

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        entry = self.row(index.row())
        if index.column() == self.TICK and role == Qt.ItemDataRole.CheckStateRole:
            ticked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            if ticked and entry.project.planning_pence is None:
                self.refused.emit(f"{entry.project.title}: no cost is stated, so it cannot be committed yet.")
            entry.ticked = ticked
        elif index.column() == self.SCALE and role == Qt.ItemDataRole.EditRole:
            try:
                entry.scale = parse_scale(str(value))
            except ProjectError as exc:
                self.refused.emit(str(exc))
                return False
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        self.changed.emit()
        return True

    def entries(self) -> list[ScenarioEntry]:
        return self.rows

    def set_ticks(self, scales: dict[str, Scale]) -> None:
        """Tick exactly the given projects at their scales (a saved scenario, or an accepted suggestion)."""
        self.beginResetModel()
        for entry in self._rows:
            entry.ticked = entry.project.id in scales
            entry.scale = scales.get(entry.project.id, Scale())
        self.endResetModel()
        self.changed.emit()


def comparison_columns() -> list[Column]:
    """Project, what scenario A and scenario B commit ("—" when not ticked), the difference, and (shown in a county
    file only) where the project came from; copied for Excel as plain numbers, a blank where a scenario commits
    nothing."""
    show = lambda v: "—" if v is None else format_money(v)  # noqa: E731
    return [
        Column("title", "Project", get=lambda r: r.title),
        Column("a", "A", get=lambda r: r.a_pence, show=show, align=RIGHT, unit=Unit.MONEY),
        Column("b", "B", get=lambda r: r.b_pence, show=show, align=RIGHT, unit=Unit.MONEY),
        Column("diff", "B − A", get=lambda r: r.difference_pence, show=lambda v: format_money(v), align=RIGHT,
               unit=Unit.MONEY),
        Column("merged_from", MERGED_FROM, get=lambda r: r.merged_from, tooltip=lambda r: r.merged_from or None),
    ]

