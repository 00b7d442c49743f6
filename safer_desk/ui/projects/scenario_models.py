"""Table models of the Projects tab's commissioning page: the projects of a scenario, and two scenarios compared.
Imported when the page is first opened (not on the way to the first screen)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from safer_desk.domain.money import format_money
from safer_desk.domain.projects import CRITERIA, ProjectError, Scale, parse_scale
from safer_desk.presenters.formats import Unit
from safer_desk.services.projects import Project
from safer_desk.services.provenance import MERGED_FROM
from safer_desk.ui.kit.tables import CENTER, RIGHT, Column, RowTableModel, money_column
from safer_desk.ui.projects.models import TextColumn, _cost_copy, _criterion_sort, _natural


@dataclass
class ScenarioEntry:
    """A project as it stands in the scenario being edited: ticked or not, and at what scale."""

    project: Project
    ticked: bool = False
    scale: Scale = Scale()
    committed_pence: int | None = None  # as the scenario counts it (the presenter's ``committed``), when ticked
    merged_from: str = ""  # in a county file, the office the project came from (the register's words)
    scale_said: str = ""  # said in place of the scale: "nothing (withdrawn)" (the presenter's ``scale_words``)

    @property
    def share_committed(self) -> Fraction:
        """How much of the project its scale commits: an amount typed as its part of the cost (£35,000 of £105,000
        is 1/3), its own fraction being kept as 1."""
        cost = self.project.planning_pence
        if self.scale.amount_pence is not None and cost:
            return Fraction(self.scale.amount_pence, cost)
        return self.scale.fraction


def scale_for_excel(scale: Scale) -> str:
    """A scale as Copy gives it to Excel (``Scale.for_excel``): "0 1/3", shown 1/3, since "1/3" is a date there."""
    return scale.for_excel()


SCENARIO_COLUMNS = [
    Column("ticked", "Fund?", get=lambda e: e.ticked, show=lambda v: "Yes" if v else "", align=CENTER),
    TextColumn("ref", "Ref", get=lambda e: _natural(e.project.ref), text_of=lambda e: e.project.ref),
    Column("title", "Project / initiative", get=lambda e: e.project.title, tooltip=lambda e: e.project.title),
    # Beside the title (two offices may each have an "Outreach worker" 1), as the scenario's export writes it; shown
    # in a county file only, as in the register.
    Column("merged_from", MERGED_FROM, get=lambda e: e.merged_from, tooltip=lambda e: e.merged_from or None),
    # The symbol alone on screen (its qualifier in the tooltip), but copied whole as the register's copy and the
    # board's table give it: "√ for Ipswich only" pasted as "√" read as a √ for every area.
    *[TextColumn(key, short, get=lambda e, k=key: _criterion_sort(e.project, k), align=CENTER,
                 text_of=lambda e, k=key: e.project.criterion(k).symbol,
                 copy_of=lambda e, k=key: e.project.criterion(k).describe(),
                 tooltip=lambda e, k=key, t=title: f"{t} {e.project.criterion(k).describe() or '(blank)'}")
      for key, short, title in CRITERIA],
    Column("met", "Met", get=lambda e: e.project.met_shown, align=CENTER, tooltip=lambda e: e.project.met_tooltip),
    Column("funding_route", "Funding", get=lambda e: e.project.funding_route),
    TextColumn("cost", "Cost", get=lambda e: e.project.planning_pence, align=RIGHT,
               text_of=lambda e: e.project.cost_text, copy_of=lambda e: _cost_copy(e.project)),  # as the register
    # Sorted by how much of the project it commits (as words, 1/2 came before 1/3 and 6 of 12 months after 2/3).
    TextColumn("scale", "Scale", get=lambda e: e.share_committed, text_of=lambda e: e.scale_said or e.scale.describe(),
               align=CENTER, copy_of=lambda e: e.scale_said or scale_for_excel(e.scale),
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


def comparison_columns(a_name: str = "A", b_name: str = "B") -> list[Column]:
    """Project, what scenario A and scenario B commit ("—" when not ticked), the difference (B − A), and (shown in a
    county file only) where the project came from; copied for Excel as plain numbers, a blank where a scenario commits
    nothing, under the two scenarios' names (headed "A" and "B" on screen, beside the lists naming them: pasted, the
    letters lost which was which)."""
    show = lambda v: "—" if v is None else format_money(v)  # noqa: E731
    return [
        Column("title", "Project", get=lambda r: r.title),
        Column("a", "A", get=lambda r: r.a_pence, show=show, align=RIGHT, unit=Unit.MONEY, copy_header=a_name),
        Column("b", "B", get=lambda r: r.b_pence, show=show, align=RIGHT, unit=Unit.MONEY, copy_header=b_name),
        Column("diff", "B − A", get=lambda r: r.difference_pence, show=lambda v: format_money(v), align=RIGHT,
               unit=Unit.MONEY, copy_header="Difference"),
        Column("merged_from", MERGED_FROM, get=lambda r: r.merged_from, tooltip=lambda r: r.merged_from or None),
    ]

