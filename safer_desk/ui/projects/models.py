"""Table models of the Projects tab: the register (on the first screen). The commissioning page's are in
``scenario_models``, imported when that page is first opened."""

from __future__ import annotations

import re
from typing import Callable


from safer_desk.domain.money import format_pounds_plain
from safer_desk.domain.projects import CRITERIA, NO, STATUS_LABELS, STATUSES, UNKNOWN, YES
from safer_desk.presenters.formats import Unit
from safer_desk.services.projects import Project, shares_over_cost
from safer_desk.services.provenance import MERGED_FROM, NOT_A_COUNTY_FILE, RowOrigins
from safer_desk.ui.kit.tables import CENTER, LEFT, RIGHT, Column, RowTableModel

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


def _status_sort(p: Project) -> tuple[int, str]:
    """A status's place in the lifecycle (DESIGN.md 2.1), a status the register does not know last."""
    return (STATUSES.index(p.status) if p.status in STATUSES else len(STATUSES), p.status or "")


def _check(p: Project) -> str:
    r = p.reconciliation
    if r.agrees:  # shares more than the cost, as the editor warns of them (the column was blank beside them)
        return "⚠ shares over cost" if shares_over_cost(p) else ""
    return "⚠ line queried" if r.queried_lines else "⚠ lines differ"


def _check_tip(p: Project) -> str | None:
    return " ".join(w for w in (p.warning, shares_over_cost(p)) if w) or None


def register_columns(merged_from: Callable[[Project], str] = lambda p: "") -> list[Column]:
    """The register's columns; *Merged from* (``merged_from``: the office a project came from), after the areas, is
    shown in a county file only (hidden in an office's own)."""
    columns: list[Column] = [
        TextColumn("ref", "Ref", get=lambda p: _natural(p.ref), text_of=lambda p: p.ref),
        Column("title", "Project / initiative", get=lambda p: p.title, tooltip=lambda p: p.title),
        # sorted by the lifecycle (proposed → … → completed, then declined, withdrawn), not alphabetically
        TextColumn("status", "Status", get=_status_sort, text_of=lambda p: STATUS_LABELS.get(p.status, p.status or "")),
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
        Column("check", "Check", get=lambda p: _check(p), tooltip=_check_tip),
    ]  # text that reads as a formula ("=HYPERLINK(…)") is quoted by the kit's copy (``to_tsv``)


class RegisterModel(RowTableModel):
    """The register: one row per Project (immutable; replaced whole after each change)."""

    MERGED_FROM = [c.key for c in register_columns()].index("merged_from")

    def __init__(self, projects: list[Project] = (), parent=None):
        self.origins: RowOrigins = NOT_A_COUNTY_FILE  # where each project came from, in a county file
        super().__init__(register_columns(lambda p: self.origins.of(p.id)), projects, parent, noun="project")

    def set_rows(self, rows, origins: RowOrigins | None = None) -> None:
        """Every row anew (``origins``: where each came from, read with them; the ones held kept if None)."""
        if origins is not None:
            self.origins = origins
        super().set_rows(rows)

    def row_of(self, project_id: str) -> int:
        return self.find(lambda p: p.id == project_id)
