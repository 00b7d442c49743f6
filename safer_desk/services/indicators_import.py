"""Import indicator figures in long form (CSV or .xlsx): preview first, then save the good rows at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from safer_desk.domain.indicators import IndicatorError
from safer_desk.domain.text import counted
from safer_desk.exchange.indicator_import import LongRow, read_long_rows
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue
from safer_desk.storage.store import Store


@dataclass(frozen=True)
class GoodRow:
    line: int
    indicator_id: str
    indicator: str
    area_name: str
    area_kind: str
    area_id: str
    value: PeriodValue


@dataclass
class ValuesPreview:
    path: Path
    good: list[GoodRow] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)  # (line, why)

    def report(self) -> str:
        lines = [f"{counted(len(self.good), 'row')} can be imported, {len(self.refused)} refused."]
        lines += [f"Line {line}: {why}" for line, why in self.refused]
        return "\n".join(lines)


def _number(indicator: svc.Indicator, text: str, row: str) -> float | None:
    """A figure from a sheet, read as the grid reads it (svc.parse_figure): "1,2,3" is refused (never stored as
    123), and so is "12%" for a count (never 12 crimes)."""
    from safer_desk.domain.checks import NumberError

    t = (text or "").strip()
    if not t:
        return None
    try:
        return float(svc.parse_figure(indicator, t, row))
    except NumberError as exc:
        raise IndicatorError(f"the {row} “{text}” is not read: {exc}") from None


def _find_area(store: Store, name: str) -> tuple[str, str, str] | None:
    """(id, name, kind) of an area, district or partnership of that name (without writing)."""
    for table, kind in (("indicator_areas", None), ("districts", "district"), ("partnerships", "partnership")):
        col = "kind" if kind is None else f"'{kind}'"
        r = store.one(f"SELECT id, name, {col} AS kind FROM {table} WHERE lower(name) = lower(?)", (name,))
        if r is not None:
            return r["id"], r["name"], r["kind"]
    return None


def preview_values(store: Store, path: Path | str) -> ValuesPreview:
    """Read a long-form file and check every row; nothing is written."""
    preview = ValuesPreview(Path(path))
    seen: dict[tuple[str, str, str], int] = {}
    for row in read_long_rows(path):
        try:
            preview.good.append(_check_row(store, row, seen))
        except IndicatorError as exc:
            msg = str(exc)
            preview.refused.append((row.line, msg[0].upper() + msg[1:]))
    return preview


def _check_row(store: Store, row: LongRow, seen: dict) -> GoodRow:
    if row.split is not None:
        raise IndicatorError(row.split)
    f = row.fields
    name = f.get("indicator", "")
    if not name:
        raise IndicatorError("the indicator is blank")
    try:
        ind = svc.get_indicator(store, name)
    except IndicatorError:
        raise IndicatorError(f"there is no indicator called “{name}” (add it first)") from None
    area_name = f.get("area", "")
    if not area_name:
        raise IndicatorError("the area is blank")
    area = _find_area(store, area_name)
    if area is None:
        raise IndicatorError(f"there is no district, partnership or county called “{area_name}”")
    period = svc.parse_period(f.get("period", ""), ind.frequency)
    key = (ind.id, area[0], period)
    if key in seen:
        raise IndicatorError(f"{ind.name}, {area[1]}, {svc.period_label(period)} is also on line {seen[key]}")
    pv = PeriodValue(period, *(_number(ind, f.get(row, ""), row)
                               for row in (svc.GRID_VALUE, svc.GRID_NUMERATOR, svc.GRID_DENOMINATOR)),
                     f.get("comment") or None)
    if pv.value is None and pv.numerator is None:
        raise IndicatorError("there is no value (or numerator and denominator)")
    pv = svc.with_population(store, ind, area[0], pv)  # a rate's count alone, as the grid takes it
    svc.check_value(ind, pv)
    seen[key] = row.line
    return GoodRow(row.line, ind.id, ind.name, area[1], area[2], area[0], pv)


def apply_values(store: Store, preview: ValuesPreview) -> int:
    """Save the previewed good rows in one transaction; returns how many."""
    groups: dict[tuple[str, str], list[PeriodValue]] = {}
    with store.transaction():
        for g in preview.good:
            area_id = svc.ensure_area(store, g.area_name, g.area_kind if g.area_kind in svc.AREA_KINDS else "district")
            groups.setdefault((g.indicator_id, area_id), []).append(g.value)
        for (ind, area), values in groups.items():
            svc.save_values(store, ind, area, values, source=f"file:{preview.path.name}", require_red_comments=False)
    return len(preview.good)
