"""The Indicators tab without Qt: the area, year and indicator in view, the entry grid being typed in, the chart.

``IndicatorsPresenter`` owns what the tab shows (the summary rows, the chosen indicator's words, grid and
chart data) and the choices that change it (area, year, indicator); ``FiguresEditor`` owns the figures
typed into the grid: what was typed, whether it differs from the file, the message beside each cell,
and Save (one undoable Action) / Discard. Changing the area, year or indicator with typed figures asks
Save / Discard / Cancel first (``ScreenPresenter.may_leave``), so a typed figure is never thrown away
unseen. Looking never writes: everything here reads through the services until Save.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Callable, Sequence

from safer_desk.domain.checks import NumberError, Slip, parse_number, percentage_slip
from safer_desk.domain.enums import LabelledEnum
from safer_desk.domain.indicators import (POLARITY_LABELS, UNIT_LABELS, Change, IndicatorError, Rag, column_places,
                                          default_tolerance_kind, figure_value, format_number, format_value,
                                          period_kind, rate_label)
from safer_desk.domain.periods import FinancialYear, Month, PeriodError, format_uk_date
from safer_desk.domain.text import counted, filled_width, in_words, shortened
from safer_desk.presenters.actions import Action, change_text, run_now, snapshot_action
from safer_desk.presenters.events import Event
from safer_desk.presenters.formats import Unit, plain, plain_shown
from safer_desk.presenters.screens import READ_ONLY_REMEDY, AskUnsaved, ScreenPresenter, read_only_refusal
from safer_desk.services import indicators as svc
from safer_desk.services import reference
from safer_desk.services.district_counties import english_name, without_accents
from safer_desk.services.files import write_refused
from safer_desk.services.indicators import EntryGrid, PeriodValue

TAB = "indicators"
# The area chosen when the file has figures for it and the person has not chosen another (the example file).
DEFAULT_AREA = "district:plymouth"
EDITABLE_ROWS = svc.GRID_EDITABLE
NUMBER_ROWS = (svc.GRID_VALUE, svc.GRID_NUMERATOR, svc.GRID_DENOMINATOR)
POLICE_SOURCE = "police.uk"


class ChartMode(LabelledEnum):
    """What the chart shows."""

    YEAR = ("year", "This year against last year")
    CUMULATIVE = ("cumulative", "Cumulative against target")
    ROLLING = ("rolling", "Rolling 12 months")
    AREAS = ("areas", "Areas compared")


class PasteTotal(LabelledEnum):
    """What to do with a row copied with a last figure that is the sum of the others (a year-to-date total?)."""

    WITHOUT = ("without", "Paste Without It")
    ALL = ("all", "Paste All")
    CANCEL = ("cancel", "Cancel")


AskTotal = Callable[[str], PasteTotal]


class AreaGroup(LabelledEnum):
    """Where an area sits in the area list."""

    OWN = ("own", "Your areas")
    WITH_FIGURES = ("with_figures", "Other areas with figures")
    CHOSEN = ("chosen", "Found by search")


@dataclass(frozen=True)
class AreaChoice:
    id: str
    label: str
    group: AreaGroup


@dataclass
class ChartData:
    """What one chart mode shows: category labels ("Apr 2016") and named series (None leaves a gap)."""

    labels: list[str]
    series: dict[str, list[float | None]]
    unit: str = "count"
    title: str = ""
    rate_per: int | None = None
    summary: str = ""  # a short text for screen readers and under the chart
    # Each series' figures as the table and the grid show them ("0.85 per 1,000", red against 0.8, where one
    # decimal would read "0.8"); a series not here is shown in the unit's one format.
    texts: dict[str, list[str]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not any(v is not None for values in self.series.values() for v in values)

    def text(self, name: str, index: int) -> str:
        """A point as the hover and the line under the chart say it: as the table says it ("" for no figure)."""
        values = self.series.get(name, [])
        value = values[index] if 0 <= index < len(values) else None
        if value is None:
            return ""
        shown = self.texts.get(name, [])
        if index < len(shown) and shown[index]:
            return shown[index]
        return format_value(value, self.unit, rate_per=self.rate_per)

    def copy_rows(self, names: Sequence[str] | None = None) -> list[list[str]]:
        """The chart's figures as a table for Excel (its Ctrl+C): the title (with a rate's base) over the periods, then
        a row per series (``names``: in the order drawn), each figure as the hover says it as a plain number, a period
        without one an empty cell."""
        title = self.title + (f" ({rate_label(self.rate_per)})" if self.unit == "rate" and self.rate_per else "")
        rows = [[title, *self.labels]]
        for name in self.series if names is None else names:
            rows.append([name, *(plain_shown(t) if (t := self.text(name, i)) else "" for i in range(len(self.labels)))])
        return rows


# What the Cumulative view of an indicator whose figures are never added up shows (domain FIGURE_BASES).
NOT_ADDED_UP = {"rolling12": "figures for the 12 months to each {}", "snapshot": "figures at each date"}


def month_label(period: str, frequency: str | None = None) -> str:
    """"2020-03" -> "Mar 2020" (a month always with its year); other periods as the services label them.

    A stored "2010/11" is a financial year, though it reads as November 2010 taken as year/month: the period's
    kind (or the indicator's ``frequency``) decides, as services.indicators.parse_period's does."""
    try:
        kind = frequency or period_kind(period)
    except IndicatorError:
        kind = "monthly"  # not a stored period: a month as typed ("Mar 2020"), if it is one
    if kind != "monthly":
        return svc.period_label(period)
    try:
        m = Month.parse(period)
    except PeriodError:
        return svc.period_label(period)
    return f"{calendar.month_abbr[m.month]} {m.year}"


def bars_label(frequency: str) -> tuple[str, str]:
    """The chart's Bars check box for an indicator of ``frequency``, and its name for a screen reader: its bars are the
    indicator's periods (a quarterly one's quarters, not months); Alt+N for every frequency."""
    period = {"quarterly": "quarter", "annual": "year"}.get(frequency, "month")
    return f"Bars, o&ne per {period}", f"Show {period}s as bars"


_WITH_KIND = re.compile(r"\((district|partnership|county)\)\s*$", re.IGNORECASE)  # "Cornwall (county)"


def area_label(kind: str, name: str, derived: bool = False) -> str:
    """An area as the tab's lists name it: a district by its name, a partnership or county with its kind
    ("Devon (county)"); "Unknown area" (the crimes police.uk could not place) by its name, as it is no kind of area
    ("Unknown area (unknown)" said nothing)."""
    if kind in ("district", "", "unknown"):
        return name
    return f"{name} ({kind}, derived)" if derived else f"{name} ({kind})"


def status_words(view: svc.YearView) -> str:
    """The RAG in plain words for Excel (Copy and Export): "Red", "No target", and "Est. Green" for a paper's
    estimated RAG, as the window's "Est. ● Green" without its symbol."""
    return rag_words(view.status_label())


def rag_words(label: str) -> str:
    """A RAG as the window shows it ("▲ Red", "Est. ● Green") in plain words for Excel: "Red", "Est. Green"."""
    symbols = {rag.symbol for rag in Rag}
    return " ".join(word for word in label.split(" ") if word not in symbols)


def shown_figure(text: str):
    """A figure as the table shows it ("88.2%", "12,586", "1,610 per 100,000", "+0.2 pts") as an export's cell: the
    number the table shows (Copy's, 88.2), its places and its unit, so a workbook prints 88.2% and not a bare 88.2
    beside the counts; None when the text is not a figure."""
    from decimal import InvalidOperation

    from safer_desk.exchange.files import ShownFigure

    number = plain_shown(text)
    try:
        value = Decimal(number)
    except InvalidOperation:
        return None
    figure = re.match(r"[+\u2212-]?[\d,]*\.?\d+", text.strip())
    unit = text.strip()[figure.end():].rstrip() if figure else ""
    return ShownFigure(value, len(number.partition(".")[2]), unit)


def change_percent_shown(change: Change | None) -> float | None:
    """The Change % cell as a plain number for Copy and Export: the figure the window shows (+5.25% shows as
    +5.3%, so 5.3), or None where the window's cell is blank (a percentage's change is in points)."""
    shown = None if change is None else change.shown_percent()
    return None if shown is None else float(shown)


def not_imported_text(said: str) -> str:
    """An import's refusal with "Nothing was changed." after it, unless it says so already ("…; nothing was
    imported."): the police import's failure said the same thing twice."""
    folded = said.casefold()
    return said if "nothing was imported" in folded or "nothing was changed" in folded else \
        f"{said}\n\nNothing was changed."


def import_failed_text(exc: BaseException, file_name: str, otherwise: str = "", *, path=None) -> str:
    """An import's failure as the window says it: a write the disk refused (full, gone, read-only) in words naming
    the office's file, as the command line says it, not SQLite's own "database or disk is full" (which names neither
    the file nor what to do); any other failure as ``otherwise`` says it (its own words when not given). Either way
    with "Nothing was changed." once. Given the file's ``path``, the folder it is in is said: which disk is full."""
    cause = write_refused(exc)
    if cause is None:
        return not_imported_text(otherwise or str(exc))
    about_space = any(word in cause for word in ("full", "space", "quota"))
    remedy = " Free some space on the disk, then import again." if about_space else ""
    where = ""
    if path is not None:
        from safer_desk.storage.safe_write import folder_said

        where = f" to {folder_said(path)}"
    return (f"{file_name} could not be written{where}: {cause}. The import was rolled back: nothing was changed, and "
            f"the file is as it was before it.{remedy}")


def read_only_words(what: str) -> str:
    """What a change asked of the tab on a file open read-only is told (Del, Import Figures, a paste, Import Police
    Data): what was not done, why, and how to change the file; never a change that silently does nothing."""
    return f"{read_only_refusal(what)} {READ_ONLY_REMEDY}"


def indicator_after(indicator_id: str, listed: Sequence[str]) -> str | None:
    """The indicator Del chooses after deleting ``indicator_id``: the one listed after it, or the one before it when it
    was last; None when it was the only one or is not listed (the list's first is chosen then)."""
    ids = list(listed)
    if indicator_id not in ids or len(ids) < 2:
        return None
    at = ids.index(indicator_id)
    return ids[at + 1] if at + 1 < len(ids) else ids[at - 1]


# -- the entry grid ------------------------------------------------------------------------------------
def edit_text(value: float | None, row: str, indicator: svc.Indicator) -> str:
    """How a figure reads in an editable cell: the unit's one format ("1,335", "88.9%", "1,610 per 100,000")."""
    if value is None:
        return ""
    if row == svc.GRID_VALUE:
        return indicator.format(value)
    if float(value).is_integer():
        return format_number(value, 0)
    return format_number(value, 4).rstrip("0").rstrip(".")


_WHOLE_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")  # 100000 or 100,000 typed in a Numerator or Population cell


def start_text(cell: "svc.GridCell", row: str, indicator: svc.Indicator) -> str:
    """What a cell of an editable row shows before anything is typed: a comment as written; a period's figure as it
    reads beside last year's (the service's text: 0.25 against 0.34 per 1,000, not the "0.3" of a rate's usual one
    place, which read the same as last year's beside a fall of 0.09); a numerator or denominator as typed."""
    if row == svc.GRID_COMMENT or (row == svc.GRID_VALUE and cell.text):
        return cell.text
    return edit_text(cell.value, row, indicator)


@dataclass
class CellState:
    text: str
    editable: bool = False
    rag: Rag | None = None
    tooltip: str = ""
    needs_comment: bool = False
    message: str = ""  # the problem or question about what was typed here


# A figure as a sheet shows it, plainly: 327, 1,234, 12.5 (a pasted total is compared with the sum of the others).
_PLAIN_FIGURE = re.compile(r"(\d{1,3}(,\d{3})+|\d+)(\.\d+)?")


class FiguresEditor:
    """The figures typed into the grid of one indicator, area and year, until they are saved."""

    def __init__(self, owner: "IndicatorsPresenter"):
        self.owner = owner
        self.grid: EntryGrid | None = None
        self.texts: dict[tuple[str, int], str] = {}
        self.loaded: dict[tuple[str, int], str] = {}
        self.errors: dict[tuple[str, int], str] = {}
        self.slips: dict[tuple[str, int], Slip] = {}
        self._confirmed: dict[tuple[str, int], str] = {}
        self.form_message = ""
        # A refused paste or keys' words, while said, and what the line said before them (``take_back_refusal``).
        self._refusal: str | None = None
        self._before_refusal = ""
        # The cells an undo or redo of saved figures put back, by row and period, while the grid is shown again
        # after it: the grid chooses them (``undone_positions``), as the Budgets grid chooses its cells undone.
        self.undone_cells: tuple[tuple[str, Any], ...] = ()
        self.title = ""
        self.changed = Event()
        self.saved = Event()

    # -- what is shown -------------------------------------------------------------------------------
    @property
    def indicator(self) -> svc.Indicator | None:
        return None if self.grid is None else self.grid.view.indicator

    @staticmethod
    def _texts_of(grid: EntryGrid) -> dict[tuple[str, int], str]:
        """The text each cell that can be typed in starts with: the figure or comment the file holds."""
        ind = grid.view.indicator
        return {(row.key, col): start_text(cell, row.key, ind)
                for row in grid.rows if row.key in EDITABLE_ROWS for col, cell in enumerate(row.cells)}

    def reload_keeping_typed(self, grid: EntryGrid) -> None:
        """The same indicator, area and year read again after a change made elsewhere (an import, an undo): what
        was typed and not saved stays; every other cell shows what the file holds now. (The cells kept what the
        file held when typing began: an import's 40 for Nov-16 showed as the 35 before it, beside a cumulative
        row that added 40, and Discard Typed put the 35 back.)"""
        typed = {k: self.texts[k] for k in self.dirty_cells()}
        self.grid = grid
        self.loaded = self._texts_of(grid)
        self.texts = {**self.loaded, **{k: t for k, t in typed.items() if k in self.loaded}}
        # The messages of cells no longer typed go (a figure queried that the file now holds as typed).
        dirty = set(self.dirty_cells())
        self.errors = {k: m for k, m in self.errors.items() if k in dirty}
        self.slips = {k: s for k, s in self.slips.items() if k in dirty}
        self.changed.emit()

    def load(self, grid: EntryGrid | None) -> None:
        self.grid = grid
        self.texts, self.loaded = {}, {}
        if grid is not None:
            self.loaded = self._texts_of(grid)
            self.texts = dict(self.loaded)
            ind = grid.view.indicator
            v = grid.view
            self.title = f"Figures of {ind.name} for {v.area_name}, {v.year.label}"
        else:
            self.title = ""
        self.errors, self.slips, self._confirmed, self.form_message = {}, {}, {}, ""
        self.changed.emit()

    def cell(self, key: str, col: int) -> CellState:
        """What one cell of the grid shows: the typed text in editable rows, the computed text elsewhere."""
        assert self.grid is not None
        row = self.grid.row(key)
        c = row.cells[col]
        text = self.texts.get((key, col), c.text)
        if (key, col) in self.texts and not c.editable:
            text = start_text(c, key, self.grid.view.indicator)
        elif key in (svc.GRID_NUMERATOR, svc.GRID_DENOMINATOR) and _WHOLE_NUMBER.fullmatch(text.strip()):
            # A population typed "100000" read so beside its neighbours' "100,000" until saved: a whole number typed
            # is shown as every figure is (what was typed stays the text that is saved)
            text = format_number(int(text.strip().replace(",", "")), 0)
        return CellState(text, c.editable and not self.owner.read_only, c.rag, c.tooltip, c.needs_comment,
                         self.message(key, col))

    def set_text(self, key: str, col: int, text: str) -> None:
        """What the person typed in a cell; its message goes (it is checked again on Save)."""
        if (key, col) not in self.texts or self.texts[(key, col)] == text:
            return
        self.texts[(key, col)] = text
        self.errors.pop((key, col), None)
        self.slips.pop((key, col), None)
        self.form_message = ""
        self.changed.emit()

    def message(self, key: str, col: int) -> str:
        if (key, col) in self.errors:
            return self.errors[(key, col)]
        if (key, col) in self.slips:
            return f"{self.slips[(key, col)].message} Save again to keep it."
        return ""

    def messages(self) -> list[str]:
        """Every cell's message as a line naming the cell ("Apr-16, All crime: …"), in grid order."""
        if self.grid is None:
            return []
        out = []
        for key, col in sorted(set(self.errors) | set(self.slips),
                               key=lambda kc: (self.grid.keys.index(kc[0]), kc[1])):
            out.append(f"{self.cell_name(key, col)}: {self.message(key, col)}")
        return out

    def cell_name(self, key: str, col: int) -> str:
        assert self.grid is not None
        return f"{self.grid.labels[col]}, {self.grid.row(key).label}"

    # -- dirty ------------------------------------------------------------------------------------------
    def undone_positions(self) -> list[tuple[str, int]]:
        """The cells an undo or redo put back, as (row key, column) of the grid shown: none of a period or row it
        does not show (the same indicator's figures of another year in view)."""
        if self.grid is None:
            return []
        periods = list(self.grid.periods)
        return [(key, periods.index(period)) for key, period in self.undone_cells
                if key in self.grid.keys and period in periods]

    def show_as_held(self) -> None:
        """Figures typed another way than the file holds them ("1335" over 1,335: no change) shown as held again, as
        a save of them writes nothing: they stayed as typed beside the saved ones."""
        dirty = set(self.dirty_cells())
        self.texts.update({k: self.loaded[k] for k, text in self.texts.items()
                           if k in self.loaded and text != self.loaded[k] and k not in dirty})

    def dirty_cells(self) -> list[tuple[str, int]]:
        return [k for k, text in self.texts.items() if text.strip() != self.loaded.get(k, "").strip()
                and not self._same_figure(k[0], text, self.loaded.get(k, ""))]

    def _same_figure(self, key: str, typed: str, held: str) -> bool:
        """Whether a figure typed another way ("349.0", "0349") is the figure the cell held (349): it marked the
        figures unsaved, and leaving them asked about "unsaved changes", though Save Figures wrote nothing."""
        if key == svc.GRID_COMMENT or self.indicator is None or not typed.strip() or not held.strip():
            return False
        try:
            return svc.parse_figure(self.indicator, typed.strip(), key) == \
                svc.parse_figure(self.indicator, held.strip(), key)
        except (NumberError, IndicatorError, ValueError):
            return False

    @property
    def is_dirty(self) -> bool:
        return bool(self.dirty_cells())

    def describe_unsaved(self) -> str:
        cells = self.dirty_cells()
        if not cells or self.grid is None:
            return ""
        periods = [self.grid.labels[c] for c in sorted({c for _, c in cells})]
        return f"{self.title} have unsaved changes in {', '.join(periods)}."

    # -- validate and save -------------------------------------------------------------------------------
    def _read(self, key: str, col: int) -> tuple[Decimal | None, str, Slip | None]:
        ind = self.indicator
        assert ind is not None
        text = self.texts[(key, col)].strip()
        if not text:
            return None, "", None
        try:
            value = svc.parse_figure(ind, text, key)  # the one rule, the figures sheet's too
        except NumberError as exc:
            return None, no_figure_mark(text, ind.frequency) or str(exc), None
        if ind.unit == "percentage" and key == svc.GRID_VALUE:
            return value, "", self._period_slip(col, percentage_slip(value) or under_one_percent(value, text))
        if value < 0:
            return None, "A figure here cannot be negative.", None
        if ind.unit == "count" and key == svc.GRID_VALUE and value != value.to_integral_value():
            return None, "A count is a whole number.", None
        return value, "", self._period_slip(col)

    def _period_slip(self, col: int, slip: Slip | None = None) -> Slip | None:
        """What to ask about a figure for this period, after ``slip`` (950%): not begun yet, or a district's figure
        for a period the district did not exist in (Forest Heath in May-20), which no partnership or county total
        counts, or for all of one it began part-way through. All are asked at once: Save again keeps the figure."""
        assert self.grid is not None
        begun = self._not_begun(col)
        area_id, period = self.grid.view.area_id, self.grid.periods[col]
        dates = svc.outside_dates(self.owner.store, area_id, period) or \
            svc.part_way_question(self.owner.store, area_id, period)  # all of the quarter it began part-way through
        text = " ".join(x.message if isinstance(x, Slip) else x for x in (slip, begun, dates) if x)
        return Slip(text) if text else None

    def _not_begun(self, col: int) -> Slip | None:
        """A figure for a period that has not begun (one column too far, or next year's sheet)."""
        assert self.grid is not None
        today = self.owner.today()
        if svc.period_span(self.grid.periods[col])[0] <= today:
            return None
        kind = {"monthly": "month", "quarterly": "quarter"}.get(period_kind(self.grid.periods[col]), "year")
        return Slip(f"{self.grid.labels[col]} has not begun yet (today is {today:%d/%m/%Y}): is this the right "
                    f"{kind}?")

    def period_values(self) -> list[PeriodValue] | None:
        """The periods with typed changes as PeriodValues; None with messages beside the cells when any is wrong."""
        if self.grid is None:
            return []
        errors: dict[tuple[str, int], str] = {}
        slips: dict[tuple[str, int], Slip] = {}
        typed: dict[tuple[str, int], Decimal | None] = {}
        dirty = self.dirty_cells()
        for key, col in dirty:
            if key == svc.GRID_COMMENT:
                continue
            value, error, slip = self._read(key, col)
            if error:
                errors[(key, col)] = error
            elif slip is not None:
                slips[(key, col)] = slip
            typed[(key, col)] = value
        self.errors, self.slips = errors, slips
        if errors:
            self.form_message = "Not saved: correct the figures marked."
            self.changed.emit()
            return None
        out = []
        keys = self.grid.keys

        def figure_was_ratio(col: int) -> bool:
            return svc.GRID_NUMERATOR in keys and self.grid.row(svc.GRID_NUMERATOR).cells[col].value is not None

        for col in sorted({c for _, c in dirty}):
            def figure(key: str) -> float | None:
                if key not in keys:
                    return None
                if (key, col) in typed:
                    x = typed[(key, col)]
                    return None if x is None else float(x)
                return self.grid.row(key).cells[col].value

            num, den = figure(svc.GRID_NUMERATOR), figure(svc.GRID_DENOMINATOR)
            value = None if num is not None or den is not None else figure(svc.GRID_VALUE)
            if num is None and den is None and (svc.GRID_VALUE, col) not in typed and figure_was_ratio(col):
                value = None  # its numerator and denominator cleared: the percentage worked out from them goes too
            if (svc.GRID_VALUE, col) in typed and (svc.GRID_NUMERATOR, col) not in typed \
                    and (svc.GRID_DENOMINATOR, col) not in typed:
                x = typed[(svc.GRID_VALUE, col)]
                if x is not None and figure_was_ratio(col) and den and not self._disagrees(col, x, num, den):
                    value = None  # the ratio as shown (88.9 for 16 of 18) keeps it, as Import Figures does
                else:
                    num = den = None  # a figure typed over a ratio replaces it
                    value = None if x is None else float(x)
            disagrees = self._disagrees(col, typed.get((svc.GRID_VALUE, col)), num, den)
            if disagrees:
                errors[(svc.GRID_VALUE, col)] = disagrees
            comment = self.texts[(svc.GRID_COMMENT, col)].strip() if (svc.GRID_COMMENT, col) in dirty else None
            pv = PeriodValue(self.grid.periods[col], value, num, den, comment)
            if (problem := self._no_population(pv)) and svc.GRID_DENOMINATOR in keys:
                errors[(svc.GRID_DENOMINATOR, col)] = problem  # where the population is to be typed
            out.append(pv)
        if errors:
            self.form_message = "Not saved: correct the figures marked."
            self.changed.emit()
            return None
        return out

    def _no_population(self, pv: PeriodValue) -> str:
        """Why a rate's count typed alone cannot be saved (no population recorded for the year), or "": said above
        the grid only, no cell marked. The cell's name says the month, so the indicator and month are left out."""
        ind = self.indicator
        assert ind is not None and self.grid is not None
        try:
            svc.with_population(self.owner.store, ind, self.grid.view.area_id, pv)
        except IndicatorError as exc:
            said = str(exc)
            prefix = f"{ind.name}, {svc.period_label(pv.period)}: "
            return said[len(prefix):] if said.startswith(prefix) else said
        return ""

    def _disagrees(self, col: int, typed: Decimal | None, num: float | None, den: float | None) -> str:
        """Why a figure typed beside its numerator and denominator cannot be saved: the ratio is what is kept, so a
        figure they do not give to the places it is typed with (50 for 1 of 4) would be dropped without a word, as
        a figures sheet refuses it (services.indicators_import)."""
        ind = self.indicator
        assert ind is not None and self.grid is not None
        if typed is None or num is None:
            return ""
        if den is None and ind.unit == "rate":  # a count alone: over the area's population for the year
            pop = svc.population_for(self.owner.store, self.grid.view.area_id,
                                     svc.year_of_period(self.grid.periods[col]))
            den = None if pop is None else float(pop.population)
        if not den:
            return ""
        computed = figure_value(num, den, ind.unit, ind.rate_per)
        places = max(0, -typed.as_tuple().exponent)
        if abs(Decimal(repr(computed)) - typed) <= Decimal(5).scaleb(-places - 1) + Decimal("1e-9"):
            return ""
        given = [format_number(x, 0 if float(x).is_integer() else 2) for x in (num, den)]
        return (f"{plain(typed, Unit.NUMBER)} is not what the numerator and denominator give ({given[0]} / {given[1]} "
                f"\u2192 {ind.format(computed)}): clear the figure, or correct them.")

    def save(self) -> bool:
        """Check and save the typed figures as one undoable Action; False (with messages) when nothing was saved."""
        if self.grid is None or self.owner.read_only:
            return False
        if not self.is_dirty:
            return True
        values = self.period_values()
        if values is None:
            return False
        unconfirmed = {k: s for k, s in self.slips.items() if self._confirmed.get(k) != self.texts.get(k)}
        if unconfirmed:
            for key in unconfirmed:
                self._confirmed[key] = self.texts[key]
            self.form_message = "Not saved yet: check the figures queried, then Save again to keep them."
            self.changed.emit()
            return False
        store, v = self.owner.store, self.grid.view
        ind, area_id = v.indicator, v.area_id
        try:
            svc.validate_values(store, ind.id, area_id, values)
        except (IndicatorError, ValueError) as exc:
            self.form_message = f"Not saved: {exc}"
            self.changed.emit()
            return False
        periods, year = [pv.period for pv in values], v.year
        keys = self.grid.keys
        cells = tuple((key, self.grid.periods[col]) for key, col in sorted(self.dirty_cells(),
                                                                            key=lambda kc: (kc[1], keys.index(kc[0]))))
        shown: list[bool] = []

        def after(_key) -> None:
            """Undone or redone, the figures are brought into view (the indicator, area and year they are of), as the
            other tabs bring their record: an undo of another indicator's figures changed nothing to be seen; and
            their cells chosen (not when first saved: the keys stay where the officer left them)."""
            self.undone_cells = cells if shown else ()
            shown.append(True)
            try:
                self.owner.bring_into_view(ind.id, area_id, year)
            finally:
                self.undone_cells = ()

        action = snapshot_action(
            self._save_text(f"{ind.name} for {v.area_name}, {year.label}"), key=(ind.id, area_id),
            snap=lambda k: svc.snapshot_value_rows(store, [(*k, periods)]),
            restore=lambda rows: svc.put_back_value_rows(store, rows), absent=lambda k: None,
            change=lambda: svc.save_values(store, ind.id, area_id, values),
            after=after, tab=TAB)
        try:
            self.owner.perform(action)
        except (IndicatorError, ValueError) as exc:
            self.form_message = f"Not saved: {exc}"
            self.changed.emit()
            return False
        self.saved.emit()
        return True

    def _save_text(self, of: str) -> str:
        """A save as Edit > Undo and the History name it, saying what it changed ("Change Apr 2016 of All crime for
        Plymouth, 2016/17 to 1,480"; "Change Apr 2016, May 2016 and 2 more of …"): each save of a year read "Save
        figures of All crime for Plymouth, 2016/17" alike. A comment is named without its words, as a project's
        notes are."""
        keys, frequency = self.grid.keys, self.grid.view.indicator.frequency
        labels = [month_label(period, frequency) for period in self.grid.periods]  # "Apr 2016", not "Apr-16"
        named = {svc.GRID_VALUE: "", svc.GRID_NUMERATOR: " numerator", svc.GRID_DENOMINATOR: " denominator",
                 svc.GRID_COMMENT: " comment"}
        changed = [(f"{labels[col]}{named.get(key, '')}", None if key == svc.GRID_COMMENT else self._said(key, col))
                   for key, col in sorted(self.dirty_cells(), key=lambda kc: (kc[1], keys.index(kc[0])))]
        return change_text(changed, of) if changed else f"Save figures of {of}"

    def _said(self, key: str, col: int) -> str:
        """A figure saved as the grid shows it once saved ("1,480" typed 1480; "88.5%"); "" taken out."""
        ind, value = self.indicator, self._read(key, col)[0]
        if value is None or ind is None:
            return ""
        if key == svc.GRID_VALUE:
            return format_value(value, ind.unit, rate_per=ind.rate_per)
        return format_number(value, 0 if value == value.to_integral_value() else 1)

    def discard(self) -> None:
        self.texts = dict(self.loaded)
        self.errors, self.slips, self._confirmed, self.form_message = {}, {}, {}, ""
        self.changed.emit()

    def refuse_paste(self, why: str) -> None:
        """A paste with nothing to read (the clipboard empty, or a web page's table with no text): said why."""
        self._say_of_action(why)

    def _say_of_action(self, words: str) -> None:
        """What a paste or keys on the grid did not do, said until the person acts on the grid again."""
        if self._refusal is None or self.form_message != self._refusal:
            self._before_refusal = self.form_message  # "Not saved yet: … Save again to keep them.", said again after
        self._refusal = self.form_message = words
        self.changed.emit()

    def take_back_refusal(self) -> None:
        """The person acted on the grid again (another cell, Esc, a click): a refused paste's or keys' words are no
        longer said (they stayed until some later edit, unlike the other tables'), and what the line said before them
        is said again: the Save again prompt of figures queried, which Save again still keeps."""
        refusal, self._refusal = self._refusal, None
        if refusal is not None and self.form_message == refusal:
            self.form_message = self._before_refusal
            self.changed.emit()

    def paste(self, start_key: str, start_col: int, rows: list[list[str]], ask_total: AskTotal | None = None) -> int:
        """Cells copied from Excel typed in from a cell on (a row of twelve months fills the year); how many.

        Figures go only into the figure rows and comments only into the Comment row (pasted from the Comment row
        itself): a column of two figures pasted on April put the second in April's comment. A row whose last figure
        is the sum of the others (a paper's year-to-date total, or by chance a month's) is asked about with
        ``ask_total`` (pasted without it, all of it, or not at all); refused without it."""
        if self.grid is None:
            return 0
        if self.owner.read_only:  # every cell greyed: the paste said nothing, or blamed the clipboard's shape
            self.refuse_paste(read_only_words("Paste"))
            return 0
        rows, elsewhere = self._without_periods_copied(start_col, rows)
        if elsewhere:
            self.refuse_paste(elsewhere)
            return 0
        keys = [k for k in self.grid.keys if k in EDITABLE_ROWS]
        if start_key == svc.GRID_LAST_YEAR:  # last year's figures, sent to this year's row, were saved as this year's
            _, whose = self._last_year_typed(start_col)
            last, this = self.grid.view.year.previous().label, self.grid.view.year.label
            self.refuse_paste(f"Nothing was pasted: the {self.grid.row(start_key).label} row shows " + (
                f"{whose}. To paste theirs, choose each in Area and {last} in Year." if whose else
                f"the figures of {last} beside this year's. To paste them, choose {last} in Year and paste on its row "
                f"(on the {this} row they would be saved as {this}'s)."))
            return 0
        if start_key not in keys:  # the change, the RAG …: it pasted nothing, and said nothing
            word = {"monthly": "month", "quarterly": "quarter"}.get(self.grid.view.indicator.frequency, "period")
            self.refuse_paste(f"Nothing was pasted: the {self.grid.row(start_key).label} row is worked out, not "
                              f"typed. Select the first {word}'s cell and paste on the "
                              f"{self.grid.row(keys[0]).label} row (comments on the Comment row).")
            return 0
        same_kind = (svc.GRID_COMMENT,) if start_key == svc.GRID_COMMENT else NUMBER_ROWS
        keys = [k for k in keys[keys.index(start_key):] if k in same_kind]
        figures = start_key != svc.GRID_COMMENT
        refused = self._label_copied(rows) if figures else ""
        if not refused and figures and (totals := self._totals_copied(start_col, rows)):
            said, period = self._total_question(start_col, rows, totals)
            answer = ask_total(f"{said[0].upper()}{said[1:]} Paste the figures without it, or all of them if it is "
                               f"{period}'s own figure?") if ask_total is not None else None
            if answer is None:
                refused = f"Nothing was pasted: {said} In Excel, copy the figures without it, and paste them again."
            elif answer == PasteTotal.CANCEL:
                refused = "Nothing was pasted."
            elif answer == PasteTotal.WITHOUT:  # the total's cell left out: the period it landed on keeps its figure
                rows = [cells[:totals[r]] if r in totals else cells for r, cells in enumerate(rows)]
        refused = refused or self._paste_overflow(keys, start_col, rows)
        if refused:
            self._say_of_action(refused)
            return 0
        self.form_message = ""
        pasted = 0
        left_out: dict[str, list[tuple[str, int]]] = {}  # why -> the cells a figure landed on and was not pasted
        for key, cells in zip(keys, rows):  # empty rows below the last filled one need no row (checked above)
            for c, text in enumerate(cells):
                col = start_col + c
                if col >= len(self.grid.periods):
                    continue
                if not self.cell(key, col).editable:
                    if text.strip():  # dropped without a word, the others kept: said under the grid
                        left_out.setdefault(self._not_typed(key, col), []).append((key, col))
                    continue
                text = text.strip()
                if key != svc.GRID_COMMENT and text.casefold() == svc.NO_FIGURE_TEXT.casefold():
                    text = ""  # the grid's own words for a period with none, copied from it: no figure, as a blank
                self.set_text(key, col, text)
                pasted += 1
        if left_out:
            self._say_of_action(" ".join(
                f"{counted(len(at), 'comment' if at[0][0] == svc.GRID_COMMENT else 'figure')} "
                f"{'was' if len(at) == 1 else 'were'} not pasted ({in_words([self.grid.labels[c] for _, c in at])}): "
                f"{why}." for why, at in left_out.items()))
        return pasted

    def refuse_typing(self, key: str, col: int) -> None:
        """Keys typed on a cell that cannot be typed in went nowhere without a word: said under the grid, and why."""
        if self.grid is None:
            return
        if self.owner.read_only:
            self.refuse_paste(read_only_words("Type a figure"))
            return
        name = self.cell_name(key, col)
        if key == svc.GRID_LAST_YEAR:  # named by the month it holds (Dec-15 beside Dec-16), typed in its own year
            month, whose = self._last_year_typed(col)
            last, this = self.grid.view.year.previous().label, self.grid.view.year.label
            self.refuse_paste(f"{month} is {whose}: to type theirs, choose each in Area and {last} in Year." if whose
                              else f"{month} is a figure of {last}, shown beside this year's: to type it, choose "
                                   f"{last} in Year (a figure typed on the {this} row is {this}'s).")
        elif key not in EDITABLE_ROWS:
            self.refuse_paste(f"{name} cannot be typed in: the row is worked out, not typed. Type figures on the "
                              f"{self.grid.row(svc.GRID_VALUE).label} row (comments on the Comment row).")
        else:
            self.refuse_paste(f"{name} cannot be typed in: {self._not_typed(key, col)}.")

    def _last_year_typed(self, col: int) -> tuple[str, str]:
        """What the figures of last year's row are (its months are typed in last year itself, or for a district formed
        since, in the districts it replaced): (the month of ``col`` as last year names it, whose figures they are when
        they are other districts' added up, else ""). "Type them on this year's row" put last year's in this year."""
        assert self.grid is not None
        v = self.grid.view
        derived = v.last_derived[col] if col < len(v.last_derived) else None
        names = sorted({*derived.used, *derived.missing}, key=str.casefold) if derived is not None else []
        month = svc.period_label(svc.year_periods(v.indicator.frequency, v.year.previous())[col])
        return month, (in_words([n + "'s" for n in names]) + " figures added up" if names else "")

    def _not_typed(self, key: str, col: int) -> str:
        """Why a cell of a row that takes figures cannot be typed in (said of a figure pasted on it)."""
        assert self.grid is not None
        v = self.grid.view
        if v.is_derived_at(col):
            return "derived from the districts' figures, which cannot be typed over"
        if v.indicator.measure == "milestone":
            return "a milestone is recorded in Baseline and Benchmarks…, not typed as a figure"
        if key == svc.GRID_VALUE and any(k in self.grid.keys for k in (svc.GRID_NUMERATOR, svc.GRID_DENOMINATOR)):
            return "a figure worked out from its numerator and denominator: paste those on their rows"
        return "the cell cannot be typed in"

    def _without_periods_copied(self, start_col: int, rows: list[list[str]]) -> tuple[list[list[str]], str]:
        """Cells copied from this grid (its Copy puts the periods over the figures and each row's label before them,
        for Excel), or a sheet's block shaped so, without those periods and labels; with why not, where the first
        period copied is not the cell's period of the year (Apr-16's figures pasted on May-17 would land a month late).
        Other cells as they are, with ""."""
        assert self.grid is not None
        header = [c.strip() for c in rows[0]] if rows else []
        if len(rows) < 2 or len(header) < 2 or header[0] or not all(header[1:]):
            return rows, ""
        frequency = self.grid.view.indicator.frequency
        try:
            copied = [svc.parse_period(text, frequency) for text in header[1:]]
        except IndicatorError:
            return rows, ""
        if not all(self._grid_row_label(cells[0]) for cells in rows[1:] if cells and "".join(cells).strip()):
            return rows, ""  # rows of other things (indicators, areas) under the periods: not this grid's rows
        first = copied[0]
        at = svc.year_periods(frequency, svc.year_of_period(first)).index(first)
        if at != start_col:
            return rows, (f"Nothing was pasted: the figures copied start at {svc.period_label(first)}, so pasted on "
                          f"{self.grid.labels[start_col]} they would land on the wrong periods. Select "
                          f"{self.grid.labels[at]}'s cell and paste again.")
        return [cells[1:] for cells in rows[1:]], ""

    def _grid_row_label(self, label: str) -> bool:
        """Whether ``label`` names a row as the grid's Copy names it: a year ("2016/17", "2018/19: Suffolk Coastal and
        Waveney", "2016/17 cumulative") or a row of its own ("Numerator", "Comment", "Target (cum.)")."""
        assert self.grid is not None
        label = label.strip()
        if label in {row.label for row in self.grid.rows} | {"Numerator", "Denominator", "Population", "Comment"}:
            return True
        try:
            FinancialYear.parse(label.split(":")[0].split(" ")[0])
        except (PeriodError, ValueError):
            return False
        return True

    def _label_copied(self, rows: list[list[str]]) -> str:
        """Why a row copied with its label ("Police recorded hate crime", then the months' figures) is not pasted
        on figures, or "": pasted, the label took the first month and every figure landed a month late. Words
        are a label where they hold no digit (not "1,610 per 100,000" as the grid shows a rate) and are not a
        sheet's mark for no figure ("n/a"), with a figure after them in the row."""
        assert self.grid is not None
        for cells in rows:
            filled = [c.strip() for c in cells if c.strip()]
            first = filled[0] if filled else ""
            if (re.search(r"[^\W\d_]", first) and not re.search(r"\d", first)
                    and not no_figure_mark(first, "monthly") and first.casefold() != svc.NO_FIGURE_TEXT.casefold()
                    and any(re.search(r"\d", c) for c in filled[1:])):
                word = {"monthly": "month", "quarterly": "quarter"}.get(self.grid.view.indicator.frequency, "year")
                return (f"Nothing was pasted: the first cell copied, “{shortened(first, 40)}”, is words, not a "
                        f"figure (a row's label?): pasted here, every figure after it would land a {word} late. "
                        f"In Excel, copy the figures without it, and paste them on the first {word}'s cell.")
        return ""

    def _totals_copied(self, start_col: int, rows: list[list[str]]) -> dict[int, int]:
        """The rows of counts copied with their total at the end (a board paper's year-to-date column), by index, and
        the column of each one's total: pasted, the total is saved as the next period's figure. A last figure of 10
        or more that is the sum of the figures before it, three of them or more not 0, is taken for a total."""
        assert self.grid is not None
        if not self.grid.view.indicator.totals:
            return {}
        found = {}
        for r, cells in enumerate(rows):
            filled = [(c, text.strip()) for c, text in enumerate(cells) if text.strip()]
            if len(filled) < 4 or not all(_PLAIN_FIGURE.fullmatch(text) for _, text in filled):
                continue
            *figures, (last_col, last) = [(c, Decimal(text.replace(",", ""))) for c, text in filled]
            # A rare crime's few a month add up by chance (1, 1, 1, 3): a total beside three months with some, 10 or
            # more, is seldom chance (a month can be: 2, 3, 5, 10, so it is asked, never refused outright).
            if last >= 10 and last == sum(f for _, f in figures) and sum(1 for _, f in figures if f) >= 3 \
                    and start_col + last_col < len(self.grid.periods):
                found[r] = last_col
        return found

    def _total_question(self, start_col: int, rows: list[list[str]], totals: dict[int, int]) -> tuple[str, str]:
        """What the first total copied is, in words, and the period it would be saved as."""
        assert self.grid is not None
        r, last_col = next(iter(totals.items()))
        count = sum(1 for text in rows[r][:last_col] if text.strip())
        period = self.grid.labels[start_col + last_col]
        return (f"the last cell copied, {rows[r][last_col].strip()}, is the sum of the {count} figures before it (a "
                f"total?): pasted here, it would be saved as {period}'s figure."), period

    def _paste_overflow(self, keys_from_here: list[str], start_col: int, rows: list[list[str]]) -> str:
        """Why cells copied from Excel do not fit from this cell (nothing is pasted then), or "".

        Pasted from the wrong cell, a year of figures would land in the wrong months and the rest be dropped
        without a word; trailing empty cells and rows need no room."""
        assert self.grid is not None
        periods = self.grid.periods
        wide = max(map(filled_width, rows), default=0)
        high = len(rows)
        while high and not filled_width(rows[high - 1]):
            high -= 1
        left = len(periods) - start_col
        frequency = self.grid.view.indicator.frequency
        word = {"monthly": "month", "quarterly": "quarter"}.get(frequency, "period")
        if left <= 0:
            return f"Select the cell of the {word} the first value belongs to: nothing was pasted."
        if wide > left:
            return (f"{wide} values were copied across, but from {svc.period_label(periods[start_col])} there "
                    f"{'is' if left == 1 else 'are'} only {left} {word}{'' if left == 1 else 's'} left in "
                    f"{self.grid.view.year.label}: nothing was pasted. Select the cell of the {word} the first "
                    "value belongs to, or copy fewer.")
        if high <= len(keys_from_here):
            return ""
        comments = keys_from_here[0] == svc.GRID_COMMENT
        if wide <= 1 and not comments:
            # Not laid across the months: Excel never turns a column into a row when pasting, and where the grid
            # has Numerator and Denominator rows a column of two is one period's pair.
            return (f"{high} figures were copied down a column, but the {word}s run across this grid: nothing was "
                    f"pasted. Copy the figures from a row of {word}s (in Excel, Paste Special > Transpose turns a "
                    f"column into a row) and paste them on the first {word}'s cell.")
        row = self.grid.row(keys_from_here[0]).label
        taking = "comments" if comments else "figures (never the Comment row)"
        return (f"{high} rows were copied, but from {row} only {len(keys_from_here)} "
                f"row{'' if len(keys_from_here) == 1 else 's'} can take {taking}: nothing was pasted.")


# -- the tab -------------------------------------------------------------------------------------------------
class IndicatorsPresenter(ScreenPresenter):
    """What the Indicators tab shows and which area, year and indicator are in view."""

    tab = TAB

    def __init__(self, store, *, read_only: bool = False, perform: Callable[[Action], Any] = run_now,
                 today: Callable[[], date] = date.today):
        super().__init__(perform=perform)
        self.store = store
        self.read_only = read_only
        self.today = today  # read when used
        self.area_id: str | None = None
        self.year: FinancialYear | None = None
        self.rows: list[svc.SummaryRow] = []
        self.view: svc.YearView | None = None
        self.figures = FiguresEditor(self)
        self.editor = self.figures  # type: ignore[assignment]  # the screen's one editor
        self.figures.changed.connect(lambda *_: self.changed.emit())
        self._chosen: list[AreaChoice] = []
        # The area and year were chosen before the file held a figure: chosen again as on opening the file once it
        # does (a merge or an import into a new file), unless the officer chose one (a year chosen is kept).
        self._provisional = False
        self._latest_own: frozenset[str] = frozenset()  # the area's indicators of its latest year listed
        self._year_chosen = False

    def save(self) -> bool:
        self.figures.show_as_held()
        return super().save()

    # -- areas and years ---------------------------------------------------------------------------------
    def area_choices(self) -> list[AreaChoice]:
        """The office's own areas first, then other areas with figures not from police.uk, then areas found
        by search; the rest of the country's areas stay behind ``search_areas``."""
        own = reference.office_areas(self.store)
        have = svc.list_areas(self.store, with_values_only=True)
        kinds = {a.id: a.kind for a in have}
        # A partnership or county is derived unless it holds figures of its own (a comment beside a derived
        # figure is not one): asked of those only, each through the area index.
        groups = [i for i, k in kinds.items() if k in ("partnership", "county")]
        own_values = svc.holding_own_figures(self.store, groups)
        # The rows not from police.uk found through the (period, source) index, not a read of every row:
        # after a decade's import (50,000 figures) 27 ms against 4, each time the areas are listed.
        typed = {r[0] for r in self.store.rows(
            "SELECT DISTINCT area_id FROM indicator_values WHERE rowid IN (SELECT rowid FROM indicator_values "
            "WHERE source <> ?)", (POLICE_SOURCE,))}
        out: list[AreaChoice] = []
        seen: set[str] = set()

        def add(area_id: str, kind: str, name: str, group: AreaGroup) -> None:
            if area_id in seen:
                return
            seen.add(area_id)
            derived = kind in ("partnership", "county") and area_id in kinds and area_id not in own_values
            out.append(AreaChoice(area_id, area_label(kind, name, derived), group))

        for a in own:
            add(a.id, a.kind, a.name, AreaGroup.OWN)
        for a in have:
            if a.id in typed or (a.is_group and a.id not in own_values and any(
                    d in typed for d in self._member_ids(a.id))):
                add(a.id, a.kind, a.name, AreaGroup.WITH_FIGURES)
        for c in self._chosen:
            if c.id not in seen:
                seen.add(c.id)
                out.append(c)
        return out

    def _member_ids(self, area_id: str) -> list[str]:
        area = reference.find_area(self.store, area_id)
        return [] if area is None else reference.area_district_ids(self.store, area)

    def search_areas(self, text: str, *, limit: int = 20, listed: list[AreaChoice] | None = None
                     ) -> list[AreaChoice]:
        """Every other area whose name holds ``text`` (the 140-odd a force's police files name); ``listed``:
        area_choices() when the caller has them already."""
        listed = {c.id for c in (self.area_choices() if listed is None else listed)}
        _, others = reference.area_lists(self.store)
        return [AreaChoice(a.id, area_label(a.kind, a.name), AreaGroup.CHOSEN)
                for a in reference.search_areas([a for a in others if a.id not in listed], text, limit=limit)]

    def find_area(self, text: str) -> tuple[AreaChoice | None, str]:
        """The area Find names: one whose name is the text, else the first other area whose name holds it, else one
        of the Area list's (which Find left unfound, as if the file had no Plymouth); or None and why, in words
        (Find with a name no area has did nothing, without a word)."""
        typed = text.strip()
        if not typed:
            return None, ""
        listed = self.area_choices()
        if (coded := svc.area_by_code(self.store, typed)) is not None:  # an ONS code, as council sheets give them
            return next((c for c in listed if c.id == coded.id),
                        AreaChoice(coded.id, area_label(coded.kind, coded.name), AreaGroup.CHOSEN)), ""
        # "Gwynedd (district)", as the board report heads its section and Import Figures asks it to be named: the
        # search reads names alone
        if _WITH_KIND.search(typed) and (named := svc.find_area(self.store, typed)) is not None:
            return next((c for c in listed if c.id == named.id),
                        AreaChoice(named.id, area_label(named.kind, named.name), AreaGroup.CHOSEN)), ""
        others = self.search_areas(typed, limit=0, listed=listed)
        # As the search reads it: "Caerdydd" is the office's Cardiff, "ynys mon" Ynys Môn
        needle, welsh = without_accents(typed), english_name(typed)
        in_list = [c for c in listed if reference.area_name_holds(c.label, needle, welsh)]
        exact = [c for c in others + in_list if reference.loose_name(c.label) == reference.loose_name(needle)
                 or c.label == welsh]
        chosen = exact or others or in_list
        if chosen:
            return chosen[0], ""
        current = reference.became_name(typed)
        if current:  # "Taunton Deane": its figures are not lost, the import counts them under Somerset
            return None, (f"{reference.became_words(typed)}, and its police.uk figures are counted under it: "
                          f"type {current}.")
        if meant := svc.area_meant(self.store, typed):
            return None, (f"No area's name contains “{typed}”: did you mean “{meant}”? Type it, or choose an area from "
                          "the Area list.")
        # The office's own areas as the examples (a Gwynedd office was shown Suffolk's papers' "Plymouth, Suffolk")
        own = list(dict.fromkeys(a.name for a in reference.office_areas(self.store)))[:2] or ["Plymouth", "Suffolk"]
        return None, (f"No area's name contains “{typed}”: type part of a district's, partnership's or county's "
                      f"name ({', '.join(own)}), or choose one from the Area list.")

    def _years_with_figures(self) -> list[FinancialYear]:
        return svc.years_with_values(self.store, area_id=self.area_id) or svc.years_with_values(self.store)

    def years(self) -> list[FinancialYear]:
        """Every year from the one before the first with figures to this one (or the last with figures, if later):
        a year is chosen to type its figures in, so one with none yet (this year, the year after a paper's) is
        offered, and the year before the first, whose figures this year's are compared with (a new file's last
        year could not be chosen, nor could a year before the first typed). From January next year is offered
        too: its targets are set before it begins."""
        with_figures = self._years_with_figures()
        today = self.today()
        now = FinancialYear.of(today).start_year + (1 if today.month <= 3 else 0)
        bounds = [y.start_year for y in with_figures] + [FinancialYear.of(today).start_year, now]
        return [FinancialYear(y) for y in range(min(bounds) - 1, max(bounds) + 1)]

    def area_name(self) -> str:
        for c in self.area_choices():
            if c.id == self.area_id:
                return c.label
        area = svc.find_area(self.store, self.area_id or "")
        return "" if area is None else area.label

    # -- loading ------------------------------------------------------------------------------------------
    def load(self, area_id: str | None = None, year: FinancialYear | None = None) -> None:
        """The first area and year to show: the one asked for, else the example's, else the first with figures."""
        self._choose_first(area_id, year)
        self.refresh()

    def _choose_first(self, area_id: str | None, year: FinancialYear | None) -> None:
        area_id_asked = area_id
        choices = self.area_choices()
        ids = [c.id for c in choices]
        if area_id and area_id not in ids:
            self._remember(area_id)
            ids.append(area_id)
        if not area_id:
            # The office's own first area with figures (its county, then its partnerships and districts), as the
            # board report and the workbook lead with it; else the example's Plymouth; else the first with figures.
            with_figures = {r[0] for r in self.store.rows("SELECT DISTINCT area_id FROM indicator_values")}
            scope = reference.office_scope(self.store)
            own = [c.id for c in choices if c.group is AreaGroup.OWN] if scope.is_set or scope.is_county_file \
                else []  # (an office naming no areas has every one listed as its own)
            # A county file's county, whose figures are its districts' added up (it holds none of its own), as its
            # report leads with it; an office's file opens on its own figures (a district office naming its county
            # opens on its district, not on the county it adds up from the police.uk counts of every district).
            area_id = next((i for i in own if i in with_figures or (
                scope.is_county_file and self._derived_with_figures(i, with_figures))), None) or (
                DEFAULT_AREA if DEFAULT_AREA in ids else next((i for i in ids if i in with_figures),
                                                              ids[0] if ids else None))
        self.area_id = area_id
        years = self.years()
        # Opened on the latest year with figures (this year when there are none), not on an empty year, nor on one
        # whose only figures are another force's few crimes in the area (one crime in Exeter in Suffolk's file).
        with_figures = self._years_with_figures()
        while len(with_figures) > 1 and area_id and svc.other_forces_year(self.store, area_id, with_figures[-1]):
            with_figures = with_figures[:-1]
        self.year = year if year in years else (with_figures or years)[-1]
        self._provisional = not (area_id_asked or year) and not self.store.scalar(
            "SELECT 1 FROM indicator_values LIMIT 1")

    def _derived_with_figures(self, area_id: str, with_figures: set[str]) -> bool:
        """Whether a county or partnership holding none of its own figures has its districts' added up (a county
        file's Suffolk): not while a district of the county is missing from the file (its figures cannot be), nor
        for a partnership of one district (Safer Plymouth), whose figures are its district's, as the report says."""
        if not area_id.startswith(("county:", "partnership:")):
            return False
        members = self._member_ids(area_id)
        if area_id.startswith("partnership:") and len(members) < 2:
            return False
        return any(d in with_figures for d in members) and not svc.county_districts_absent(self.store, area_id)

    def _remember(self, area_id: str) -> None:
        area = svc.find_area(self.store, area_id) or reference.find_area(self.store, area_id)
        if area is not None and area_id not in {c.id for c in self._chosen}:
            self._chosen.append(AreaChoice(area.id, area_label(area.kind, area.name), AreaGroup.CHOSEN))

    def refresh(self, *, keep_typed: bool = False) -> None:
        """Read the summary, the chosen indicator and its grid again (after a save, an undo or an import).

        ``keep_typed`` keeps figures typed but not saved when the same indicator is still in view (a change
        made elsewhere, such as an import, never throws them away)."""
        if (self.area_id is None or self._provisional) and not self.figures.is_dirty:
            self._choose_first(None, self.year if self._year_chosen else None)
        if self.area_id is None or self.year is None:
            self.rows = []
        else:
            keep = [self.selected] if self.selected else []
            with_figures = svc.years_with_values(self.store, area_id=self.area_id)
            earlier = [y for y in with_figures if y < self.year]
            self._latest_own = frozenset()
            if earlier and self.year not in with_figures:
                # A year with no figures yet (this year, or the one after a paper's): the area's indicators of
                # its latest year with figures are listed, so this year's can be typed in (they are its own, not
                # kept from the area or year chosen before: _kept_words).
                self._latest_own = frozenset(svc.indicators_with_figures(self.store, self.area_id, earlier[-1]))
                keep += sorted(self._latest_own)
            self.rows = svc.summary(self.store, self.area_id, self.year, include=keep, today=self.today())
        ids = [r.indicator.id for r in self.rows]
        if self.selected not in ids:
            self.selected = ids[0] if ids else None
        self._show_selected(keep_typed=keep_typed)

    def _show_selected(self, *, keep_typed: bool = False) -> None:
        if self.selected is None or self.area_id is None or self.year is None:
            self.view = None
            self.figures.load(None)
        else:
            grid = svc.entry_grid(self.store, self.selected, self.area_id, self.year, read_only=self.read_only,
                                  today=self.today())
            old = self.figures.grid
            same = old is not None and (old.view.indicator.id, old.view.area_id, old.view.year) == \
                (grid.view.indicator.id, grid.view.area_id, grid.view.year)
            self.view = grid.view
            if keep_typed and same and self.figures.is_dirty:
                self.figures.reload_keeping_typed(grid)  # what is typed stays; the other cells as the file is now
            else:
                self.figures.load(grid)
        self.changed.emit()

    def bring_into_view(self, indicator_id: str, area_id: str, year: FinancialYear) -> None:
        """After figures are saved, undone or redone: another indicator's figures are brought into view (its area and
        year with it), read again; the window asked about anything typed before the undo. The same indicator's stay
        as they are shown (a predecessor district's figures, undone, are read again as the new district's last
        year)."""
        if indicator_id != self.selected:
            if area_id not in {c.id for c in self.area_choices()}:
                self._remember(area_id)
            self.area_id, self.year, self.selected, self._provisional = area_id, year, indicator_id, False
            self._year_chosen = True
        self.refresh()

    # -- choices (each asks about typed figures first) -------------------------------------------------
    def choose_area(self, area_id: str, ask: AskUnsaved) -> bool:
        if area_id == self.area_id:
            return True
        if not self.may_leave(ask):
            return False
        if area_id not in {c.id for c in self.area_choices()}:
            self._remember(area_id)
        self.area_id, self._provisional = area_id, False
        years = self.years()
        if self.year not in years:
            self.year = years[-1]
        self.refresh()
        return True

    def choose_year(self, year: FinancialYear, ask: AskUnsaved) -> bool:
        if year == self.year:
            return True
        if not self.may_leave(ask):
            return False
        self.year = year
        self._year_chosen, self._provisional = True, False
        self.refresh()
        return True

    def choose_indicator(self, indicator_id: str | None, ask: AskUnsaved) -> bool:
        """Show another indicator; False (and nothing changes) when the person cancels over typed figures."""
        if indicator_id == self.selected:
            return True
        if not self.may_leave(ask):
            return False
        self.selected, self._provisional = indicator_id, False
        if indicator_id is not None and indicator_id not in [r.indicator.id for r in self.rows]:
            self.refresh()
        else:
            self._show_selected()
        return True

    # -- an indicator deleted (one keyed twice, or under a name with a slip) ---------------------------------
    def delete_question(self, indicator_id: str) -> str:
        ind = svc.get_indicator(self.store, indicator_id)
        figures, areas, targets = svc.indicator_holdings(self.store, indicator_id)
        held = [counted(figures, "figure") + f" in {counted(areas, 'area')}" if figures else "",
                counted(targets, "target") if targets else ""]
        what = " and ".join(h for h in held if h)
        return (f"Delete the indicator “{ind.name}”" + (f" with its {what}" if what else "") +
                "? Edit > Undo brings it back.")

    def delete_indicator(self, indicator_id: str, listed: Sequence[str] | None = None) -> None:
        """Delete an indicator with everything it holds in every area, as one undoable step. ``listed``: the ids in
        the order the list shows them (sorted by a heading; the summary's order when not given).

        After it the next indicator is chosen, as Del does in the other lists (the first was chosen, wherever the
        deleted one stood: ``indicator_after``); undone, the deleted one is back and chosen; redone, the next again."""
        if self.read_only:
            return
        store, name = self.store, svc.get_indicator(self.store, indicator_id).name
        following = indicator_after(indicator_id, [r.indicator.id for r in self.rows] if listed is None else listed)

        def after(_key) -> None:
            self.figures.load(None)  # typed figures of a deleted indicator are not kept for it
            back = any(i.id == indicator_id for i in svc.list_indicators(store))  # undone
            self.selected = indicator_id if back else following  # listed by refresh, as it was before (None: first)
            self.refresh()

        self.perform(snapshot_action(
            f"Delete indicator {name}", key=indicator_id, snap=lambda k: (k, svc.snapshot_indicator(store, k)),
            restore=lambda snap: svc.restore_indicator(store, *snap), absent=lambda k: (k, None),
            change=lambda: svc.delete_indicator(store, indicator_id), after=after, tab=TAB))

    # -- words ------------------------------------------------------------------------------------------
    def no_chart_text(self, title: str) -> str:
        """What the chart's place says when the chart has nothing to draw (``title``: the chart's)."""
        absent = svc.county_districts_absent(self.store, self.area_id)
        if absent:
            name = self.area_name().removesuffix(" (county)")
            return (f"{title}: no figures. {name}'s figures are added up from its districts', and this file does "
                    f"not hold all of them (not {svc.names_and_more(absent)}), so they cannot be worked out here.")
        districts = self._districts_without_figures()
        if districts is not None:
            # A derived figure cannot be typed over: what there is to do is the districts' figures (round 38).
            return f"{title}: {self._no_figures()}. {districts}"
        if self.year is not None and (under := svc.counted_under_words(self.store, self.area_id, self.year,
                                                                       name := self.area_name())):
            # Waveney in 2018/19: its crimes were recorded, and are counted in East Suffolk's figures.
            words, current = under
            return f"{title}: {self._no_figures()} under {name}. {words}: choose {current} in Area."
        # A district formed since: whose last year is, and why it is blank, as the words under the grid say it.
        last = f" Last year ({self.view.last_year_words()})." if self.view is not None and last_year_gaps(
            self.view) else ""
        return f"{title}: {self._no_figures()}. Type them in the grid below, or import them.{last}"

    def _districts_without_figures(self) -> str | None:
        """A partnership's or county's "Its figures are added up from its districts', and Beta and Gamma have none
        for 2019/20: type or import theirs …"; None for a district."""
        if self.view is None or self.year is None:
            return None
        held = svc.districts_without_figures(self.store, self.view.indicator, self.area_id, self.year)
        if held is None:
            return None
        members, lacking = held
        name = self.view.area_name
        yet = "" if self._year_over() else " yet"
        if lacking and len(lacking) == members and members > 4:
            who = f"its {members} districts have"
        elif lacking:
            who = f"{in_words(lacking) if len(lacking) <= 4 else svc.names_and_more(lacking)} " \
                  f"{'has' if len(lacking) == 1 else 'have'}"
        else:
            who = ""
        lack = f", and {who} none for {self.year.label}{yet}" if who else ""
        return (f"{name}'s figures are added up from its districts'{lack}: type or import theirs (choose a district "
                "in Area).")

    def _year_over(self) -> bool:
        """The year shown ended before today (the presenter's): its figures are no longer to come ("yet"), as
        ``YearView.year_over`` says of a view."""
        return self.year is not None and self.year.last_day < self.today()

    def _no_figures(self) -> str:
        """"no figures to chart yet", or for a year over "no figures were recorded for 2019/20"."""
        return f"no figures were recorded for {self.year.label}" if self._year_over() else "no figures to chart yet"

    def empty_message(self) -> str:
        """What to do when the area and year have no indicator at all (an empty file says this, not a chart)."""
        if self.rows:
            return ""
        if self.area_id is None and not reference.office_areas(self.store):
            if self.store.scalar("SELECT 1 FROM indicator_values LIMIT 1"):  # figures, none the office's own
                return ("This file does not say whose it is yet, so it lists no areas of its own: name the office's "
                        "partnership or districts (File > Office Details…), or type an area's name in Find.")
            # A new file: police data brings its areas; a target or a sheet's figures need the area first (a
            # target typed in with none chosen was dropped without a word).
            return ("This file does not say whose it is yet, so it has no area to show: name the office's "
                    "partnership or districts (File > Office Details…), then add an indicator and its target "
                    "(Indicator and Target…) or import figures from a sheet (Import Figures…). Import police data "
                    "(File > Import Police Data…) first if you like: the office's districts are listed once they are "
                    "named, any other area found by typing its name in Find.")
        where = f"{self.area_name() or 'this area'} in {self.year.label if self.year else 'this year'}"
        said = f"No indicator figures were recorded for {where}." if self._year_over() else \
            f"No indicator figures for {where} yet."
        return (f"{said} Import police data (File > Import Police Data…), "
                "import figures from a sheet (Import Figures…), or add an indicator and its target "
                "(Indicator and Target…); or choose another area.")

    def headline(self) -> str:
        """What the chosen indicator's figures say; "" with none chosen (what to do is said once, in the chart's
        place: ``empty_message``; it was said three times on one screen, round 33)."""
        v = self.view
        if v is None:
            return ""
        # Another force's few crimes in the area are not its year: said so, never compared with last year's count
        # nor judged against its target
        strays = svc.other_forces_words(self.store, v)
        if strays:
            v = svc.unjudged(v)
        rag = "" if v.rag is Rag.GREY else f" — RAG: {v.status_label()}"
        derived = " (derived)" if v.is_derived else ""
        said = strays or v.headline()
        return f"{v.indicator.label}{derived}{rag}\n{said}{self._kept_words()}"

    def _kept_words(self) -> str:
        """Why the chosen indicator is listed with blanks among an area's own (Burglary, chosen under Suffolk, under
        East Sussex 2010/11): it stays chosen from the area or year before, so its figures can be typed here."""
        v = self.view
        own = [r for r in self.rows if r.indicator.id != v.indicator.id]
        if not own or v.indicator.id in self._latest_own or v.ytd is not None or v.target is not None \
                or v.milestone is not None or v.estimate is not None or any(v.last_year) or v.is_derived:
            return ""
        return (f" {v.indicator.name} stays chosen from the area or year before: {v.area_name} has no figures of it "
                f"for {v.year.label} (its own {len(own)} indicator{'s are' if len(own) > 1 else ' is'} listed with "
                "it). Type its figures below, or choose another indicator.")

    def details(self) -> str:
        v = self.view
        if v is None:
            return ""
        ind = v.indicator
        # The tolerance only beside a target it applies to: "No target · amber within 5% of target" has nothing to be
        # within (session 45); nor has a milestone, an activity count, a target still to be confirmed or withdrawn, or
        # a monitor only indicator's target (none is judged: session 61).
        measured = (v.target is not None and v.target.is_set and ind.polarity != "monitor"
                    and ind.measure not in ("milestone", "activity")
                    # nothing is a share of a target of zero: any figure worse is red, never amber
                    and not (ind.tolerance_kind == "relative" and {t for t in v.target_at if t is not None} == {0}))
        bits = [UNIT_LABELS[ind.unit] if ind.unit != "rate" else f"Rate {rate_label(ind.rate_per)}",
                POLARITY_LABELS[ind.polarity], ind.frequency, v.target_words(), ind.tolerance_text if measured else ""]
        if ind.unit == "rate":
            bits.append(v.population_text())
        if v.is_derived:
            bits.append(v.derived_text() + " (derived)")
        elif ind.source:
            bits.append(f"source: {ind.source}")
        names = [n for n in svc.source_names(self.store, v.area_id) if n and n != v.area_name]
        if names:
            bits.append("police counts include " + ", ".join(names))
        area = svc.find_area(self.store, v.area_id)
        # East Suffolk's 2018/19: the districts its area was before it began, as the board report says it
        began = reference.began_within_words(self.store, v.area_id, v.area_name, v.year) \
            if area is not None and area.kind == "district" else ""
        return " · ".join(b for b in bits if b) + self._unplaced_words(v) + (f"\n{began}" if began else "")

    def _unplaced_words(self, v) -> str:
        """A county's derived all crime: what the force's own police.uk files hold that is in none of its districts,
        as the board report says it (a board officer checking the force's total finds the gap explained here too)."""
        if not v.is_derived:
            return ""
        from safer_desk.exchange.police_uk import ALL_CRIME
        from safer_desk.services.police_import import crime_indicator_id, unplaced_crime_words

        area = svc.find_area(self.store, v.area_id)
        if area is None or area.kind != "county" or v.indicator.id != crime_indicator_id(ALL_CRIME):
            return ""
        words = unplaced_crime_words(self.store, area, self.rows)
        return f"\n{words}" if words else ""

    # -- export ---------------------------------------------------------------------------------------------
    def summary_sheet(self, rows: list[svc.SummaryRow] | None = None, *, said: str = ""):
        """The summary table as a sheet: words for RAG and target, plain numbers for figures (for Excel). ``said``
        ("2 of 9 indicators (as filtered: …)") goes in its title when a filter left rows out (a CSV's first row stays
        the headings)."""
        from safer_desk.exchange.files import Sheet

        rows = self.rows if rows is None else rows
        header = ["RAG", "Indicator", "Code", "Year to date", "Last year", "Change", "Change %", "Target", "To",
                  "Better when", "Area", "Year"]
        out = []
        for r in rows:
            v = r.view
            change = r.change  # none for another force's few crimes in the area (not the area's year)
            out.append([status_words(v), r.indicator.name, r.indicator.code,
                        # the figures as the table shows them (Copy gives the same), not a float's last digits
                        None if v.ytd is None else shown_figure(v.ytd_text()),
                        None if v.ytd_last is None else shown_figure(v.ytd_last_text()),
                        None if change is None else shown_figure(change.signed_text()), change_percent_shown(change),
                        v.target_words(), v.with_month_names().to_text(),  # "Dec 2025", never "Dec-25" (a date)
                        POLARITY_LABELS[r.indicator.polarity],
                        v.area_name + (" (derived)" if v.is_derived else "")
                        + (f" (last year {words})" if (words := v.last_year_words()) else ""), v.year.label])
        year = self.year.label.replace("/", "-") if self.year else ""
        return Sheet(f"Indicators {year}".strip()[:31], header, out,
                     title=f"Indicators for {self.area_name()}, {self.year.label if self.year else ''}"
                     + (f": {said}" if said else ""))

    def export_summary(self, target, rows: list[svc.SummaryRow] | None = None, *, said: str = ""):
        """Write the summary through the one export path (the suffix picks .xlsx, .csv or .tsv)."""
        from safer_desk.exchange.tables import write_table

        return write_table(target, [self.summary_sheet(rows, said=said)])

    # -- the chart ----------------------------------------------------------------------------------------
    def chart(self, mode: ChartMode | str) -> ChartData:
        mode = ChartMode.parse(mode) if isinstance(mode, str) else mode
        v = self.view
        if v is None:
            return ChartData([], {}, summary=self.empty_message())
        ind = v.indicator
        # Two financial years on one axis: the ticks name the month or quarter ("Q1", not this year's "Q1 2016/17"
        # under last year's bar too) and the legend names the years; a chart of one run of months (rolling, areas
        # of one year) says the year on every month.
        by = {"monthly": "month", "quarterly": "quarter"}.get(ind.frequency)
        this_labels = [month_label(p, ind.frequency) for p in v.periods]  # "Apr 2016", "Q1 2016/17", "2016/17"
        months = [label.split(" ")[0] if by else "Year" for label in this_labels]
        last_labels = [month_label(p, ind.frequency) for p in svc.year_periods(ind.frequency, v.year.previous())]
        this_label, last_label = v.year.label, v.year.previous().label
        # A district formed since: last year's series names the districts it replaced, whose figures it is.
        last_named, last_cumulative = v.last_year_label(), v.last_year_label("cumulative")
        where = v.area_name + (" (derived)" if v.is_derived else "")
        per_series: dict[str, list[str]] = {}
        # A district formed since: why last year's period it began part-way through is a gap (whose figures the
        # rolling line adds up, below).
        said = f" {v.part_way_sentence()}" if v.part_way_sentence() and mode in (ChartMode.YEAR,
                                                                                ChartMode.CUMULATIVE) else ""
        if mode == ChartMode.YEAR:
            data = ChartData(months, {this_label: v.values, last_named: v.values_last}, ind.unit,
                             f"{ind.name}, {where}: {this_label} against {last_label}" + (f" by {by}" if by else ""),
                             ind.rate_per, texts={this_label: figure_texts(v), last_named: [
                                 v.period_text(i, last_year=True) for i in range(len(v.values_last))]})
            per_series = {this_label: this_labels, last_named: last_labels}
        elif mode == ChartMode.CUMULATIVE:
            # Rolling or snapshot figures are never added up (the latest stands): each point is the figure as given,
            # named by its year as the grid names it, where "2009/10 cumulative: latest 430" read as the year's total.
            what = "" if ind.adds_up else NOT_ADDED_UP[ind.figure_basis].format(by or "year")
            this_series = f"{this_label} cumulative" if not what else this_label
            last_cumulative = last_cumulative if not what else last_named
            # A period without a figure of its own is a gap, not the total before it carried flat (a month of none).
            series = {this_series: v.cumulative_held, last_cumulative: held_only(v.cumulative_last, v.last_year)}
            per_series = {this_series: this_labels, last_cumulative: last_labels}
            # The figure to date and the target with the places the grid and the table judge them with.
            shown = [v.cumulative_text(i) for i in range(len(v.periods))]
            texts = {this_series: [a for a, _ in shown],
                     last_cumulative: [v.cumulative_last_text(i) for i in range(len(v.cumulative_last))]}
            if v.target is not None and v.target.is_set:
                series[f"Target {this_label}"] = v.target_at
                per_series[f"Target {this_label}"] = this_labels
                texts[f"Target {this_label}"] = [t for _, t in shown]
            # Without a target, no line to be against: what the chart compares (this year's total with last year's).
            against = " against target" if f"Target {this_label}" in series else f", {this_label} against {last_label}"
            data = ChartData(months, series, ind.unit, f"{ind.name}, {where}: {what or 'cumulative'}{against}",
                             ind.rate_per, texts=texts)
            if what and not data.empty:
                said = f" These figures are not added up: each is the figure as given.{said}"
        elif mode == ChartMode.ROLLING:
            points = every_month(svc.rolling_12_months(self.store, ind, v.area_id))
            # One number of places along the line, as the grid's rows read ("90.0%" beside "89.2%")
            places = column_places([x for _, x in points], ind.unit)
            shown_points = [format_value(x, ind.unit, places, ind.rate_per) for _, x in points]
            data = ChartData([month_label(p, "monthly") for p, _ in points], {"12 months to": [x for _, x in points]},
                             ind.unit, f"{ind.name}, {where}: rolling 12 months", ind.rate_per,
                             texts={"12 months to": shown_points})
            replaced = svc.replaced_before(self.store, v.area_id)
            if replaced and points and Month.parse(points[0][0]).first_day < replaced[0]:
                # A district formed since: its first points add up the districts' it replaced, as its last year.
                began, names = replaced
                said += f" For months before {format_uk_date(began)}, {in_words(names)} added up, the " \
                    f"district{'s' if len(names) > 1 else ''} {v.area_name} replaced."
        else:
            # The chosen area first, then the others of its county (derived partnerships and the county too), most
            # figures first: a county officer's areas, not the "Unknown area" police.uk could not place nor a
            # neighbouring county's district a few of the force's crimes were placed in (areas_compared_with).
            family = svc.areas_compared_with(self.store, v.area_id, v.year)
            compared = [c for c in svc.area_comparison(self.store, ind.id, family, v.year)
                        if c.area.kind != "unknown" and (c.view.ytd is not None or c.area.id == v.area_id)]
            if all(c.area.id != v.area_id for c in compared):
                # A county named by its districts' county (all its figures theirs) is not among the areas with figures:
                # it was left out of its own chart, which promises it first.
                compared += svc.area_comparison(self.store, ind.id, [v.area_id], v.year)
            compared.sort(key=lambda c: (c.area.id != v.area_id, -(c.view.ytd.value or 0) if c.view.ytd else 0))
            # An area of the county whose only figures are another force's few crimes there (one crime Suffolk
            # Constabulary placed in Mid Devon) is not its count: left out and said, as the indicator list says it.
            strays = [(c, forces) for c in compared if c.area.id != v.area_id
                      for forces in [svc.other_forces_only(self.store, c.view)] if forces]
            compared = [c for c in compared if all(c is not s for s, _ in strays)]
            said += "".join(stray_words(c.area.name, c.view, forces) for c, forces in strays)
            named = {area_label(c.area.kind, c.area.name, c.derived): c.view for c in compared[:8]}
            data = ChartData(this_labels, {name: cv.values for name, cv in named.items()}, ind.unit,
                             f"{ind.name}: areas compared, {this_label}", ind.rate_per,
                             texts={name: figure_texts(cv) for name, cv in named.items()})
        # Why last year's series of a district formed since is blank where it is, in the words under the grid
        # ("not held in this file: Suffolk Coastal"): its series said "no figures" and no more.
        gaps = last_year_gaps(v)
        notes = {name: gaps for name in (last_named, last_cumulative) if gaps}
        data.summary = chart_summary(data, per_series, none=self._no_figures(), notes=notes) + said
        if data.empty and not said and self._districts_without_figures() is not None:
            # A partnership or county: what can be done, as the chart's place says it (for a screen reader too).
            data.summary = self.no_chart_text(data.title)
        if mode == ChartMode.ROLLING and data.empty and (any(v.this_year) or any(v.last_year)):
            # Figures are held (the grid shows them): say why none is drawn, never "no figures".
            data.summary = f"{data.title}: " + (
                f"worked out from monthly figures, and {ind.name} is {ind.frequency}."
                if ind.frequency != "monthly" else "each point needs twelve months in a row with figures, and "
                "this area has none yet.")
        return data


def stray_words(area: str, view, forces: list[str]) -> str:
    """Why an area is left out of the Areas compared chart: its figures are all another force's few crimes there."""
    figure = view.indicator.format(None if view.ytd is None else view.ytd.value)
    return (f" {area} is left out: its only figures for {view.year.label} are crimes {in_words(forces)} recorded "
            f"there ({figure} in all), not {area}'s count; import its own force's files from data.police.uk for it.")


def held_only(to_date: list[float | None], figures: list) -> list[float | None]:
    """The figures to date at the periods with a figure of their own (None at the others)."""
    return [c if f is not None and f.value is not None else None for c, f in zip(to_date, figures)]


def every_month(points: list[tuple[str, float | None]]) -> list[tuple[str, float | None]]:
    """Each month from the first figure to the last, None for one without a figure: a gap on the chart, where rolling
    figures held for Dec 2007 and Dec 2008 only were drawn side by side, one line from the one to the other. Months
    before the first figure and after the last are left off: a lone month of 2021 before a year of 2025 set the
    axis from Dec 2021, 48 empty months and one dot at its right edge."""
    held_at = [i for i, (_, x) in enumerate(points) if x is not None]
    if not held_at:
        return []
    points = points[held_at[0]:held_at[-1] + 1]
    held = dict(points)
    first = Month.parse(points[0][0])
    months = [first.plus(i).iso for i in range(Month.parse(points[-1][0]).minus(first) + 1)]
    return [(m, held.get(m)) for m in months]


def figure_texts(view: svc.YearView) -> list[str]:
    """A year's period figures as the chart says them: the one the table shows as the year to date (an annual
    figure, or the only month so far) as the table shows it ("0.85 per 1,000", red against 0.8), the others as the
    grid shows them, beside the same period last year (``YearView.period_text``)."""
    latest = view.periods_to_date - 1
    out = []
    for i, x in enumerate(view.values):
        if x is None:
            out.append("")
        elif i == latest and view.ytd is not None and view.ytd.value == x:
            out.append(view.ytd_text())
        else:
            out.append(view.period_text(i))  # beside last year's, as the grid shows it
    return out


def chart_summary(data: ChartData, labels_of: dict[str, list[str]] | None = None, *,
                  none: str = "no figures to chart yet", notes: dict[str, str] | None = None) -> str:
    """A sentence or two a screen reader says for the chart: each series' latest and highest figure; ``none`` for a
    chart with nothing to draw ("no figures were recorded for 2019/20" of a year over); ``notes``: why a series is
    blank where it is, said after it in brackets."""
    if data.empty:
        return f"{data.title}: {none}."
    parts = []
    for name, values in data.series.items():
        labels = (labels_of or {}).get(name, data.labels)
        # Each figure as the table and the grid say it (ChartData.text), as the hover does.
        points = [(labels[i], x, data.text(name, i)) for i, x in enumerate(values) if x is not None and i < len(labels)]
        note = f" ({notes[name]})" if (notes or {}).get(name) else ""
        if not points:
            parts.append(f"{name}: no figures{note}")
            continue
        top = max(points, key=lambda p: p[1])
        last = points[-1]
        parts.append(f"{name}: {counted(len(points), 'figure')}, latest {last[2]} ({last[0]}), "
                     f"highest {top[2]} ({top[0]}){note}")
    return f"{data.title}. " + "; ".join(parts) + "."


def last_year_gaps(view: svc.YearView) -> str:
    """Why last year's periods of a district formed since are blank, as the words under the grid say it after whose
    they are ("not held in this file: Suffolk Coastal, left blank rather than Waveney's alone"; "no figure for
    Waveney for Q1 2018/19"); "" when none is. The period it began part-way through is said on its own
    (``YearView.part_way_sentence``), so not here."""
    words, label = view.last_year_words(), view.last_year_label()
    if label == view.year.previous().label or not words.startswith(label + "; "):
        return ""
    return "; ".join(part for part in words[len(label) + 2:].split("; ") if " left blank: " not in part)


# -- after a police.uk import ---------------------------------------------------------------------------------
def typed_figures_question(kept: list, *, most: int = 8) -> str:
    """What the window asks when an import found typed figures that differ from the police.uk counts."""
    lines = [t.describe() for t in kept[:most]]
    if len(kept) > most:
        lines.append(f"… and {len(kept) - most} more")
    return (f"{counted(len(kept), 'figure')} typed in (or imported from a sheet) "
            f"{'differs' if len(kept) == 1 else 'differ'} from the police.uk counts just "
            "imported. They were kept:\n\n" + "\n".join(lines)
            + "\n\nReplace them with the police.uk counts? (Edit > Undo puts the typed figures back.)")


def replace_typed_action(store, kept: list, after: Callable[[], None] | None = None) -> Action:
    """Put the police.uk counts in place of these typed figures, as one undoable Action."""
    from safer_desk.services.police_import import replace_typed_figures

    keys = [t.key for t in kept]

    def undo() -> None:
        with store.transaction():
            for t in kept:
                svc.save_values(store, t.indicator_id, t.area_id, [PeriodValue(t.period, t.typed_value)],
                                source=t.typed_source or svc.TYPED, require_red_comments=False)

    return Action(f"Replace {counted(len(kept), 'typed figure')} with police.uk counts",
                  lambda: replace_typed_figures(store, keys), undo, TAB, after)


# -- the indicator and its target ------------------------------------------------------------------------------
class TargetKind(LabelledEnum):
    """How a target is set (stored as the target's kind; NONE clears it)."""

    NONE = ("", "No target")
    ANNUAL = ("annual", "Annual figure")
    THRESHOLD = ("threshold", "Threshold (no more than / at least)")
    TRAJECTORY = ("trajectory", "Cumulative trajectory (one figure per period)")


class TargetProfile(LabelledEnum):
    EVEN = ("even", "Spread evenly over the year")
    SEASONAL = ("seasonal", "In last year's seasonal profile")
    ENTERED = ("entered", "As entered (a threshold or a trajectory)")


def indicator_fields(year: FinancialYear | None) -> list:
    from safer_desk.domain.indicators import FREQUENCY_LABELS, MEASURE_LABELS
    from safer_desk.presenters.forms import Field, FieldKind

    choice = FieldKind.CHOICE
    return [
        Field("name", "&Name", required=True),
        Field("code", "Co&de", placeholder="NI 32, LT7 …"),
        Field("unit", "&Unit", choice, required=True, choices=tuple(UNIT_LABELS.items())),
        Field("polarity", "Better &when", choice, required=True, choices=tuple(POLARITY_LABELS.items())),
        Field("frequency", "Fre&quency", choice, required=True, choices=tuple(FREQUENCY_LABELS.items())),
        Field("source", "Sour&ce"),
        Field("measure", "&Measure", choice, required=True, choices=tuple(MEASURE_LABELS.items()),
              help="A milestone's target is a date: give it in Baseline and Benchmarks…"),
        Field("tolerance", "Amber with&in", FieldKind.NUMBER, required=True,
              help="How far from the target is still amber: percentage points for a percentage, "
                   "a percentage of the target otherwise (5 or 5%)"),
        Field("target_kind", f"&Target {year.label if year else ''}".rstrip(), choice,
              choices=tuple(TargetKind.choices())),
        # Read by the unit chosen (target_figure): "28%" is a percentage's target, never a count's.
        Field("target_value", "Target &figure", placeholder="1,234 or 88.5%"),
        Field("profile", "&Profile", choice, choices=tuple(TargetProfile.choices())),
        # Shown only where the months held were spread from last year's figures that have changed since (the
        # screen's own box: "yes" ticked).
        Field("respread", f"Spread &again from {year.previous().label if year else 'last year'}'s figures as they "
                          "are now", FieldKind.CUSTOM),
        Field("trajectory", "T&rajectory", placeholder="55, 108, 162, … (cumulative, one per period)"),
    ]


def spread_note(indicator: "svc.Indicator", year: FinancialYear, change: "svc.SpreadChange | None") -> str:
    """What the Indicator and Target form says beside a target spread seasonally from last year's figures that have
    changed since: when it was spread, what spreading it again would give (its first month that would move), and
    that saving keeps the months as they are; "" where nothing changed."""
    if change is None:
        return ""
    when = f"as they were on {format_uk_date(change.spread_on)}" if change.spread_on is not None else \
        "as they were when it was spread"
    said = f"Spread over the months from {year.previous().label}'s figures {when}. They have changed since"
    if change.again is None:
        return f"{said}, and cannot spread it again: {change.why_not} Saving keeps the months as they are."
    moved = next(((p, indicator.format(v), indicator.format(change.held[p])) for p, v in change.again.items()
                  if indicator.format(v) != indicator.format(change.held[p])), None)
    if moved is not None:
        said += f": spread again, {svc.period_label(moved[0])}'s target to date would be {moved[1]}, not {moved[2]}"
    return (f"{said}. Saving keeps the months as they are unless the box is ticked; a new figure or profile is "
            "spread from the figures as they are now.")


def no_figure_mark(typed: str, frequency: str) -> str:
    """Why a sheet's mark for no figure ("n/a", "-", "..", as Import Figures reads them) or an Excel error ("#N/A")
    typed or pasted in a figure's cell is not saved, and what to do; "" for other text. An accounting-format zero
    copies from Excel as "-", so 0 is named too."""
    from safer_desk.services.indicators_import import NO_FIGURE_MARKS

    period = {"monthly": "month", "quarterly": "quarter"}.get(frequency, "year")
    if meaning := NO_FIGURE_MARKS.get(typed.strip().lower()):
        return (f"“{typed}” says there is no figure ({meaning}): leave the cell blank for a {period} with no figure, "
                "or type 0 where none were counted.")
    if re.fullmatch(r"#(N/A|DIV/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!)", typed.strip(), re.IGNORECASE):
        return (f"“{typed}” is an error from the sheet, not a figure: correct it there, or leave the cell blank for "
                f"a {period} with no figure.")
    return ""


def under_one_percent(value: Decimal, typed: str) -> Slip | None:
    """A percentage under 1 typed without its % sign: a sheet holds 85% as 0.85 (a cell not formatted as a
    percentage), so it is asked about, as Import Figures asks; "0.5%" with its sign is meant."""
    if not 0 < value < 1 or typed.strip().endswith("%"):
        return None
    meant = plain(value * 100, Unit.NUMBER)
    return Slip(f"{plain(value, Unit.NUMBER)}% is less than 1%: for {meant}% type {meant}.")


def target_figure(text: str, unit: str, rate_per: int | None = None) -> tuple[Decimal | None, str, Slip | None]:
    """(figure, problem, question) of a target figure as typed, read by the unit as the grid reads a figure: "28%"
    or 28 for a percentage (held as 28), a rate's "per 1,000" left aside; a % sign on a count's or rate's target is
    refused in words (5% is never 5 crimes), and a percentage under one typed without its sign asked about."""
    s = (text or "").strip()
    if not s:
        return None, "", None
    if unit == "rate" and s.endswith(label := rate_label(rate_per)):
        s = s[: -len(label)].strip()
    elif unit == "rate" and (problem := svc.rate_base_problem(s, rate_per)):
        return None, problem, None
    if unit != "percentage" and "%" in s:  # "5% reduction", as papers word it: refused as "not a target figure"
        what = "a count" if unit == "count" else f"a rate {rate_label(rate_per)}"
        return None, (f"“{s}” is a percentage, but this indicator is {what}: give the target as the figure it "
                      "comes to (a 5% reduction on 1,322 is 1,256), or choose the unit Percentage."), None
    if problem := svc.percent_signs_problem(s) or (unit == "count" and svc.whole_number_problem(s, "a count")):
        return None, problem, None  # "19.200" was a target of 19.2 crimes, as the grid took "2.000" for 2
    try:
        value = parse_number(s.removesuffix("%"), what="a target figure")
    except NumberError as exc:
        return None, str(exc), None
    if value < 0:
        return None, "A figure here cannot be negative.", None
    if unit != "percentage":
        return value, "", None
    return value, "", percentage_slip(value) or under_one_percent(value, s)


def trajectory_figures(text: str, unit: str = "count", rate_per: int | None = None) -> list[float]:
    """A cumulative trajectory as typed: figures separated by a comma and a space, a semicolon or spaces.

    A comma with no space after it is a thousands separator ("1,200, 2,400" is two figures), so where nothing
    else separates the figures it is ambiguous: "55,108,162,214" could be four figures or one of fifty-five
    billion, and is refused saying how to write each, never read as either (as "1,2,3" is never read as 123).
    A percentage's figures may carry their % sign ("29%, 28.5%"), as its Target figure does; on a count's or a
    rate's a % sign is refused in words, as there."""
    gap = re.search(r"[,;]\s*[,;]", text)
    if gap:  # an empty place: dropped, every later period would take the next period's figure
        before = text[:gap.start()].strip()
        raise NumberError(f"a figure is missing in the trajectory after “{before}”: type one cumulative figure for "
                          "each period, in order, separated by a comma and a space (55, 108, 162).")
    _refuse_spaced_thousands(text)
    parts = _trajectory_parts(text)
    if len(parts) == 1 and "," in parts[0].strip(","):
        _refuse_bare_commas(parts[0].strip(",") if unit != "percentage" else parts[0].strip(",").replace("%", ""))
    figures = [_trajectory_figure(t, unit, rate_per) for t in parts]
    down = next((i for i in range(1, len(figures)) if figures[i] < figures[i - 1]), None)
    if down is not None and unit in ("count", "rate"):  # set_target refused it above Save, naming neither the
        # field nor the place (a percentage's figures are each period's own, and may go down)
        raise NumberError(f"the trajectory goes down after “{parts[down - 1]}” (to “{parts[down]}”): it is "
                          "cumulative, so each figure is the year so far and is never less than the one before it.")
    return figures


_SPACED_THOUSANDS = re.compile(r"\d{1,3}(?:\s\d{3})+(?:\.\d+)?")


def _refuse_spaced_thousands(text: str) -> None:
    """Refuse a figure whose thousands a space groups ("1 000, 2 000", as Target figure takes "1 200"), which was
    read as several figures (1, 0, 2, 0) and refused as going down. Where commas or semicolons separate the
    figures, a space inside one could be a grouping or a missing comma; where spaces alone separate them, a figure
    such as "000" after another can only be the thousands of the one before. Neither is read as a guess."""
    if re.search(r",\s|;", text):
        pieces = (p.strip() for p in re.split(r",\s+|;", text))
        grouped = next((p for p in pieces if _SPACED_THOUSANDS.fullmatch(p.removesuffix("%").rstrip())), None)
    else:
        grouped = next((p for p in text.split()[1:] if re.fullmatch(r"0\d\d(?:\.\d+)?%?", p)), None)
    if grouped is not None:
        raise NumberError(f"“{grouped}” reads as thousands grouped by a space, so it is not read as a guess: write a "
                          "figure's thousands with a comma (1,000) or none (1000), and separate a trajectory's "
                          "figures with a comma and a space (1,000, 2,000).")


def _refuse_threshold(ind: svc.Indicator | None, name: str, parsed: dict[str, Any], year: FinancialYear,
                      value: float | None) -> None:
    """A threshold on a count or rate added up through the year, refused beside the kind of target."""
    from dataclasses import replace

    from safer_desk.presenters.forms import FormError

    chosen = dict(name=name, unit=parsed["unit"], frequency=parsed["frequency"])
    probe = replace(ind, **chosen) if ind is not None else svc.Indicator(
        id="", code="", rate_per=None, polarity=parsed["polarity"], source="", area_id=None, tolerance_pct=0,
        description="", sort_order=0, **chosen)
    if problem := svc.threshold_problem(probe, year, value):
        raise FormError({"target_kind": problem})


def _refuse_too_many_points(trajectory: Sequence[float], frequency: str, year: FinancialYear) -> None:
    """More figures than the year has periods (5 for a quarterly indicator), refused beside the Trajectory field by
    the frequency chosen in the form: set_target said it above Save ("… has at most 4 figures, not 5")."""
    from safer_desk.presenters.forms import FormError

    periods = svc.year_periods(frequency, year)
    if len(trajectory) <= len(periods):
        return
    each = {"monthly": "month", "quarterly": "quarter"}.get(frequency, "year")
    span = svc.period_label(periods[0]) + (f" to {svc.period_label(periods[-1])}" if len(periods) > 1 else "")
    raise FormError({"trajectory": (
        f"a {frequency} trajectory has at most {len(periods)} {'figures' if len(periods) > 1 else 'figure'} "
        f"({span}), not {len(trajectory)}: type one cumulative figure for each {each}, in order, up to "
        f"{svc.period_label(periods[-1])}.")})


def _trajectory_parts(text: str) -> list[str]:
    """A trajectory's figures as typed ("29%" with its sign, "28 %" as "28%", a rate's "15 per 1,000" with its label,
    as its Target figure takes them)."""
    parts: list[str] = []
    for t in re.split(r"[;\s]+|,\s+", re.sub(r"\s+%", "%", text.strip())):
        if len(parts) > 1 and parts[-1].lower() == "per":  # "per" and its base go with the figure before them
            parts[-2:] = [f"{parts[-2]} per {t.strip(',')}"]
        elif t.strip(", "):
            parts.append(t)
    return parts


def trajectory_slip(text: str) -> Slip | None:
    """The question about a percentage's trajectory, as its Target figure asks: its first figure over 100, or under
    1 typed without its % sign (0.29, 0.285 pasted from a sheet for 29%, 28.5%). None where a figure does not read:
    trajectory_figures refuses it when saved, saying why."""
    try:
        figures = trajectory_figures(text, "percentage")
    except NumberError:
        return None
    for typed, value in zip(_trajectory_parts(text), figures):
        slip = percentage_slip(Decimal(str(value))) or under_one_percent(Decimal(str(value)), typed)
        if slip is not None:
            return slip
    return None


def same_each_period_slip(text: str, unit: str, rate_per: int | None, frequency: str,
                          year: FinancialYear | None) -> Slip | None:
    """The question about a count's (or rate's) trajectory typed as the same figure for every period, "300, 300, 300":
    a monthly target typed where the year so far is meant, which judges the year's crimes against one month's. Asked,
    not refused: "1, 1, 1 …" may mean at most one all year. None where it rises, has one figure or is all 0."""
    try:
        figures = trajectory_figures(text, unit, rate_per)
    except NumberError:
        return None
    if len(figures) < 2 or len(set(figures)) > 1 or figures[0] <= 0 or frequency not in ("monthly", "quarterly"):
        return None
    periods = svc.year_periods(frequency, year) if year is not None else []
    each = "month" if frequency == "monthly" else "quarter"
    x = figures[0]

    def shown(n: int) -> str:  # "3,600", as the grid and Target figure write it
        v = x * n
        return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")

    said = [shown(n) for n in (1, 2, 3)]
    first = f", reached by {svc.period_label(periods[0])}" if periods else ""
    annual = f" (or choose Annual figure: {shown(len(periods))})" if periods else ""
    return Slip(f"{said[0]} is typed for every {each}: a trajectory is cumulative (the year so far), so this is "
                f"{said[0]} for the whole year{first}. For {said[0]} a {each}, type {', '.join(said)} …{annual}.")


def _trajectory_figure(typed: str, unit: str, rate_per: int | None) -> float:
    """One figure of a trajectory: read as Target figure reads it where it has a % sign or a rate's label
    (target_figure)."""
    if unit == "rate" and " per " in typed:
        value, error, _ = target_figure(typed, unit, rate_per)
        if error:
            raise NumberError(error)
        return float(value)
    if typed.endswith("%"):
        error = target_figure(typed, unit, rate_per)[1] if unit != "percentage" else svc.percent_signs_problem(typed)
        if error:
            raise NumberError(error)
        typed = typed[:-1]
    if unit == "count" and (problem := svc.whole_number_problem(typed, "a count")):
        raise NumberError(problem)
    value = float(parse_number(typed, what="a trajectory figure"))
    if value < 0:  # as Target figure refuses one: "-5" drew the target line below zero
        raise NumberError(f"“{typed}” is below zero: a target figure cannot be negative.")
    return value


def _refuse_bare_commas(typed: str) -> None:
    """Say how to write a trajectory typed as figures with bare commas between them (NumberError)."""
    pieces = typed.split(",")
    try:
        for piece in pieces:
            parse_number(piece, what="a trajectory figure")
    except NumberError:
        return  # not figures with commas between them: parse_number says what is wrong with it
    spaced = ", ".join(pieces)
    try:
        whole = parse_number(typed, what="a trajectory figure")
    except NumberError:  # no thousands grouping (or too large to hold): it can only be several figures
        raise NumberError(f"“{typed}” has commas with no space after them, so it is not read as a guess: separate "
                          f"a trajectory's figures with a comma and a space ({spaced}); a point marks decimals "
                          "(1.5).") from None
    raise NumberError(f"“{typed}” could be {len(pieces)} figures or one ({whole:,f}), so it is not read as a "
                      f"guess: separate a trajectory's figures with a comma and a space ({spaced}), or type one "
                      f"figure without commas ({whole:f}); a point marks decimals (1.5).")


def _tolerance_kind(ind: "svc.Indicator | None", unit: str | None) -> str:
    """How the Indicator and Target form's Amber within is read for the unit chosen: as the indicator's own
    (save_indicator keeps it while the unit stays), else the unit's default (points for a percentage)."""
    unit = next((value for value, label in UNIT_LABELS.items()
                 if (unit or "").strip().casefold() in (value, label.casefold())), unit or "count")
    return ind.tolerance_kind if ind is not None and ind.unit == unit else default_tolerance_kind(unit)


def _indicator_named(store, name: str):
    """(id, name) of the indicator a typed name names (by the id derived from it, or by name in any letters)."""
    return store.one("SELECT id, name FROM indicators WHERE id = ? OR lower(name) = lower(?) LIMIT 1",
                     (svc.reference_id("indicator", name), name))


def _refuse_name_of_another(store, ind: "svc.Indicator | None", name: str, indicator_id: str) -> None:
    """The Indicator and Target form saves by name: a name that is another indicator's would write this form's
    unit and polarity over it (re-reading every figure it has)."""
    from safer_desk.presenters.forms import FormError

    if ind is not None and indicator_id == ind.id:
        return  # its own name, in the same or other letters
    other = _indicator_named(store, name)
    if other is not None and (ind is None or other["id"] != ind.id):
        raise FormError({"name": f"There is already an indicator called “{other['name']}”: choose it in the list "
                                 "to change it, or give the new one another name."})


def _new_name_slip(store, ind: "svc.Indicator | None", name: str | None) -> Slip | None:
    """The form of an indicator given a name of its own: that adds another indicator (an indicator's figures are
    kept under its name, so it is not renamed); asked once, as it reads like a rename. (Another indicator's name
    is refused when saved.)"""
    if ind is None or not name or svc.reference_id("indicator", name) == ind.id or _indicator_named(store, name):
        return None
    return Slip(f"“{name}” is a new name: Save adds it as another indicator, and {ind.name} stays as it is, with "
                "its figures (an indicator is not renamed).")


# The fields of Indicator and Target… that say the area's target for the year.
TARGET_FIELDS = ("target_kind", "target_value", "profile", "trajectory")


class IndicatorForm:
    """Builds the form presenter of the Indicator and Target dialog for the indicator in view (or a new one)."""

    @staticmethod
    def make(store, view: svc.YearView | None, area_id: str | None, year: FinancialYear | None, *,
             perform: Callable[[Action], Any] = run_now, after: Callable[[str], None] | None = None,
             read_only: bool = False):
        """``read_only``: the file is open read-only; the form is there to be read, and its heading asks for no
        change (the dialog says why at its top)."""
        from safer_desk.presenters.forms import FormError, FormPresenter, correct_marked

        ind = view.indicator if view is not None else None
        target = view.target if view is not None else None
        # A seasonal spread whose last year's figures have changed since: said beside the target, and spread again
        # only when the officer ticks the box for it (or gives a new figure or profile).
        spread = svc.seasonal_spread_change(store, ind.id, area_id, year) \
            if ind is not None and target is not None and area_id and year else None
        where = f" for {view.area_name}, {year.label}" if view is not None and year is not None else ""
        title = f"Indicator {ind.name} and its target{where}" if ind else "New indicator"

        def save(values: dict[str, Any], parsed: dict[str, Any]) -> None:
            name = parsed["name"]
            kind = parsed["target_kind"] or ""
            respread = values.get("respread") == "yes" and spread is not None
            if respread and spread.again is None:
                raise FormError({"respread": spread.why_not})
            if kind and not (area_id and year):
                # A new file names no area yet: the indicator was saved and its target dropped without a word.
                raise FormError({"target_kind": (
                    "No area is chosen on the tab, so the target has no area to be kept for: choose No target to "
                    "save the indicator alone. Then choose its area on the tab (with none listed, name the office's "
                    "districts in File > Office Details… first) and set the target.")})
            trajectory = None
            if kind == TargetKind.TRAJECTORY.value:
                try:
                    trajectory = trajectory_figures(values.get("trajectory") or "", parsed["unit"],
                                                    ind.rate_per if ind is not None else None)
                except NumberError as exc:
                    raise FormError({"trajectory": str(exc)}) from None
                _refuse_too_many_points(trajectory, parsed["frequency"], year)
            value = None if parsed["target_value"] is None else float(parsed["target_value"])
            indicator_id = svc.reference_id("indicator", name)
            _refuse_name_of_another(store, ind, name, indicator_id)
            before_ind = store.one("SELECT * FROM indicators WHERE id = ?", (indicator_id,))
            before_target = svc.get_target(store, indicator_id, area_id, year) \
                if before_ind is not None and area_id and year else None
            # A target the paper states as "Tbc" stays so without a figure; with one (or a trajectory), of any kind, it
            # is set at last (left to set_target, a Tbc target would stay Tbc and the figure typed go without a word).
            tbc = before_target is not None and before_target.status == "tbc"
            given = value is not None or bool(trajectory)
            status = ("set" if given else "tbc") if tbc and kind else None
            if kind in (TargetKind.ANNUAL.value, TargetKind.THRESHOLD.value) and value is None and not tbc:
                raise FormError({"target_value": "Give the target's figure (or choose No target)."})
            if kind == TargetKind.TRAJECTORY.value and not trajectory and not tbc:
                # set_target refused it above Save ("enter the cumulative target for each period"), no field marked
                each = {"monthly": "month", "quarterly": "quarter"}.get(parsed["frequency"], "year")
                raise FormError({"trajectory": f"Give one cumulative figure for each {each}, in order (55, 108, "
                                               "162, …), or choose No target."})
            if kind == TargetKind.THRESHOLD.value and (status or (before_target.status if before_target is not None
                                                                 else "set")) == "set":
                # set_target refused it above Save, the Target field unmarked: said beside it, by the unit and
                # frequency chosen in the form
                _refuse_threshold(ind, name, parsed, year, value)
            held = before_target.value if before_target is not None else None
            if not kind and value is not None and (held is None or value != float(held)):
                # A figure typed with No target was thrown away without a word (the target stayed "No target");
                # the figure a target being removed held, still in the field, is not asked about.
                raise FormError({"target_value": "No target is chosen, so this figure would not be kept: choose "
                                                 "the kind of target, or clear the figure."})
            measure = parsed["measure"]
            if kind and measure != "performance":
                # set_target refused it in a message above the Save button, naming neither field.
                raise FormError({"target_kind": "A milestone's target is a date (give it in Baseline and "
                                                "Benchmarks…), and an activity count has none: choose No target."})
            if measure == "milestone" and before_ind is not None and before_ind["measure"] != "milestone" \
                    and svc.indicator_holdings(store, indicator_id)[0]:
                raise FormError({"measure": f"{name} holds figures, which a milestone (a date as its target) "
                                            "would hide: keep it measured by its figures, or add the milestone "
                                            "as another indicator."})
            fields = dict(code=parsed["code"] or "", unit=parsed["unit"], polarity=parsed["polarity"],
                          frequency=parsed["frequency"], source=parsed["source"] or "",
                          tolerance_pct=float(parsed["tolerance"]), measure=measure)

            # Another unit reads the figures held anew: asked beside the Unit field (validate), and kept only when
            # Save was pressed again.
            reinterpret = "unit" in form.slips

            def change() -> None:
                with store.transaction():
                    svc.save_indicator(store, name, area_id=before_ind["area_id"] if before_ind is not None else None,
                                       reinterpret=reinterpret, **fields)
                    if area_id and year:
                        if kind:
                            svc.set_target(store, indicator_id, area_id, year, kind=kind, value=value,
                                           trajectory=trajectory, profile=parsed["profile"] or "even", status=status,
                                           respread=respread)
                        else:
                            svc.clear_target(store, indicator_id, area_id, year)

            # Undo puts back the indicator's row and its targets exactly as they were (its tolerance's kind, a
            # trajectory's points), and its figures too where the unit changed (a ratio's figure worked out again).
            figures = before_ind is not None and before_ind["unit"] != fields["unit"]
            # A target set or taken away is named with its area and year: undone from another area's view, the step
            # said only "Save indicator All crime", as for its name or Amber within alone.
            target_words = f" and its target{where}" if where and form.differs_from_saved(TARGET_FIELDS) else ""
            try:
                perform(snapshot_action(
                    f"Save indicator {name}" + (" and spread its target again" if respread else target_words),
                    key=indicator_id,
                    snap=lambda k: svc.snapshot_indicator(store, k, figures=figures),
                    restore=lambda parts: svc.restore_indicator(store, indicator_id, parts), absent=lambda k: None,
                    change=change, after=lambda k: after(indicator_id) if after is not None else None, tab=TAB))
            except IndicatorError as exc:
                raise FormError(message=f"Not saved: {exc}") from None

        class _Form(FormPresenter):
            spread_note = ""  # beside the target: its seasonal spread is from last year's figures changed since
            respread_offered = False  # the box to spread it again from them as they are now is there to tick

            def validate(self):
                typed = str(self.values.get("tolerance") or "").strip()
                if not typed.endswith("%"):
                    parsed = super().validate()
                elif _tolerance_kind(ind, self.values.get("unit")) == "relative":
                    # "Amber within 5%", as the paper writes it: 5% of the target, the field's own figure.
                    self.values["tolerance"] = typed[:-1].strip()
                    try:
                        parsed = super().validate()
                    finally:
                        self.values["tolerance"] = typed
                        self.changed.emit()  # the field shows what was typed, never the figure read from it
                else:
                    parsed = super().validate()
                    points = typed[:-1].strip() or "1"
                    said = "one point" if points == "1" else f"{points} points"
                    self.errors["tolerance"] = ("For a percentage, amber within is in percentage points of the "
                                                f"target: type {points} for {said}, without the % sign.")
                    self.form_message = correct_marked(self.errors)
                    self.changed.emit()
                    return None
                if parsed is not None and self._typed("name"):
                    slip = _new_name_slip(store, ind, parsed.get("name"))
                    if slip is not None:
                        self.slips["name"] = slip
                        self.changed.emit()
                if parsed is not None and ind is not None and svc.reference_id("indicator", parsed["name"]) == ind.id:
                    change = svc.definition_change(store, ind.id, unit=parsed["unit"], frequency=parsed["frequency"])
                    refused = {"frequency": change.frequency_refusal, "unit": change.unit_refusal}
                    if any(refused.values()):  # the figures held would be hidden, or cannot be held: not a question
                        self.errors.update({k: text for k, text in refused.items() if text})
                        self.form_message = correct_marked(self.errors)
                        self.changed.emit()
                        return None
                    if change.unit_question and self._typed("unit"):
                        self.slips["unit"] = Slip(change.unit_question)
                        self.changed.emit()
                # Read by the unit chosen; a percentage target over 100 (or under 1 without its sign) is asked about
                # beside its field, like any percentage.
                unit = parsed["unit"] if parsed is not None else self.values.get("unit")
                value, error, slip = target_figure(self.values.get("target_value"), unit,
                                                   ind.rate_per if ind is not None else None)
                if error:
                    self.errors["target_value"] = error
                    self.form_message = correct_marked(self.errors)
                    self.changed.emit()
                    return None
                if parsed is not None:
                    parsed["target_value"] = value
                    if slip is not None and self._typed("target_value"):
                        self.slips["target_value"] = slip
                        self.changed.emit()
                    # Its trajectory's figures are its targets: asked about as Target figure asks.
                    slip = trajectory_slip(self.values.get("trajectory") or "") if unit == "percentage" and \
                        parsed["target_kind"] == TargetKind.TRAJECTORY.value and self._typed("trajectory") else None
                    if slip is not None:
                        self.slips["trajectory"] = slip
                        self.changed.emit()
                    elif unit in ("count", "rate") and parsed["target_kind"] == TargetKind.TRAJECTORY.value \
                            and self._typed("trajectory"):
                        slip = same_each_period_slip(self.values.get("trajectory") or "", unit,
                                                     ind.rate_per if ind is not None else None,
                                                     parsed["frequency"], year)
                        if slip is not None:
                            self.slips["trajectory"] = slip
                            self.changed.emit()
                return parsed

        form = _Form(indicator_fields(year), save_fn=save, title=title)
        form.spread_note = spread_note(ind, year, spread) if ind is not None and year is not None else ""
        form.respread_offered = spread is not None and spread.again is not None
        traj = ""
        if target is not None and target.kind == "trajectory" and view is not None:
            traj = ", ".join(plain(float(t), Unit.NUMBER) for t in view.target_at if t is not None)
        values = {
            "name": ind.name if ind else "", "code": ind.code if ind else "", "unit": ind.unit if ind else "count",
            "polarity": ind.polarity if ind else "lower", "frequency": ind.frequency if ind else "monthly",
            "source": ind.source if ind else "", "tolerance": f"{ind.tolerance_pct:g}" if ind else "5",
            "measure": ind.measure if ind else "performance",
            "target_kind": target.kind if target is not None else "",
            "target_value": "" if target is None or target.value is None else plain(float(target.value), Unit.NUMBER),
            "profile": target.profile if target is not None and target.profile else "even", "trajectory": traj,
            "respread": "",
        }
        form.load(values, title=title, dirty=ind is None and not read_only,
                  heading=(f"{title}." if read_only else f"{title}: change it, then Save." if ind else
                           "A new indicator: name it, then Save. Nothing is written until you save."))
        form.read_only = read_only
        return form
