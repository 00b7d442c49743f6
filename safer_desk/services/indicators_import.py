"""Import indicator figures in long form (CSV or .xlsx): preview first, then save the good rows at once."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from safer_desk.domain.checks import percentage_slip
from safer_desk.domain import indicators as dom
from safer_desk.domain.indicators import IndicatorError, format_number
from safer_desk.domain.periods import FIRST_YEAR, LAST_YEAR, FinancialYear
from safer_desk.domain.text import as_sentence, close_names, counted, in_words, looks_like_total_line, typed_name_key
from safer_desk.exchange.indicator_import import LongRow, read_long_file
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
    shown: str = ""  # the figure as it will be held and the grid shows it ("85.5%": held_text)


@dataclass
class ValuesPreview:
    path: Path
    good: list[GoodRow] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)  # (line, why)
    # Good rows the grid would query before saving (a percentage over 100, a month not begun, a district's figure
    # for a period it did not exist in): line -> the question.
    queried: dict[int, str] = field(default_factory=dict)
    # Good rows replacing a different figure the file holds: line -> that figure and where it came from
    # ("9 (typed)", "13 (police.uk import)"); and the good rows already as the file holds them (nothing changes).
    replaces: dict[int, str] = field(default_factory=dict)
    unchanged: set[int] = field(default_factory=set)
    # Good rows whose comment replaces a different one the file holds (the explanation typed for a red month):
    # line -> that comment. A row with no comment leaves the file's as it is.
    comments_replaced: dict[int, str] = field(default_factory=dict)
    # Good rows whose figure comes out red against its target with no comment saying why (none in the sheet or the
    # file), which the grid asks for before saving a figure typed: line -> what to do. They are imported as they are.
    uncommented: dict[int, str] = field(default_factory=dict)
    # Lines of ``refused`` that give another good row again, the same figure and comment: that row is imported once,
    # and these are passed over. Listed with the refusals (the window's Refused rows), they are not refusals.
    repeated: set[int] = field(default_factory=set)
    # What each line of ``refused`` gives, as read ({"indicator": "Burglary", "area": "Atlantis", "period": "2025-02",
    # "value": "4"}): the window shows it beside the reason, so the row can be found in the sheet.
    read: dict[int, dict[str, str]] = field(default_factory=dict)
    # A CSV read as Windows-1252 that looks like a Mac's or MS-DOS's text: the words as read and how to save it
    text_doubt: str = ""

    @property
    def refusals(self) -> list[tuple[int, str]]:
        """The refused rows that are refusals: the lines repeating a good row's figure left out."""
        return [(line, why) for line, why in self.refused if line not in self.repeated]

    @property
    def changes(self) -> int:
        """How many good rows change the file."""
        return len(self.good) - len(self.unchanged)

    def change_words(self, listed: str = "") -> str:
        """"4 change the file, 3 of them replacing figures it holds; 1 already as the file holds it" ("" when every
        good row is new to the file); listed follows the replacing words (", listed under Replaces")."""
        if not self.replaces and not self.unchanged and not self.comments_replaced:
            return ""
        said = f"{self.changes:,} {'changes' if self.changes == 1 else 'change'} the file"
        replaced = [replacing(len(self.replaces), self.changes, "it holds")] if self.replaces else []
        if n := len(self.comments_replaced):
            replaced.append(f"{n:,} replacing {'a comment' if n == 1 else 'comments'} it holds")
        if replaced:
            said += f", {' and '.join(replaced)}{listed}"
        if same := len(self.unchanged):
            said += f"; {same:,} already as the file holds {'it' if same == 1 else 'them'}"
        return said

    def replaced_lines(self) -> list[str]:
        """"Line 2: Burglary, Babergh, Jan-25: 13 (police.uk import) → 99", one for each figure replaced."""
        return [f"Line {g.line}: {g.indicator}, {g.area_name}, {svc.period_label(g.value.period)}: "
                f"{self.replaces[g.line]} → {g.shown or figure_text(g.value)}" for g in self.good
                if g.line in self.replaces]

    def replaced_text(self, line: int, full: bool = False) -> str:
        """What a good row replaces, as the Replaces column shows it: "13 (police.uk import)", "1,575 (board paper,
        seed 003) and its comment “Between April …”", "the comment “…”" ("" for nothing); full: the comment whole
        (the column's tip), else cut at 60 characters."""
        held = self.comments_replaced.get(line)
        if held is None:
            return self.replaces.get(line, "")
        comment = f"comment “{held if full or len(held) <= 60 else held[:59].rstrip() + '…'}”"
        return f"{self.replaces[line]} and its {comment}" if line in self.replaces else f"the {comment}"

    def report(self) -> str:
        changes = self.change_words()
        again = f", {len(self.repeated):,} repeated (imported once)" if self.repeated else ""
        lines = [f"{counted(len(self.good), 'row')} can be imported{f' ({changes})' if changes else ''}, "
                 f"{len(self.refusals)} refused{again}."]
        lines += [self.text_doubt] if self.text_doubt else []
        lines += self.refused_lines()
        lines += [f"Line {line} (check): {as_sentence(why)}" for line, why in sorted(self.queried.items())]
        lines += [f"Line {g.line}: the sheet's comment replaces the one the file held for {g.indicator}, "
                  f"{g.area_name}, {svc.period_label(g.value.period)}: “{self.comments_replaced[g.line]}”"
                  for g in self.good if g.line in self.comments_replaced]
        lines += [f"Line {line} (needs a comment): {as_sentence(why)}"
                  for line, why in sorted(self.uncommented.items())]
        return "\n".join(lines)

    def refused_lines(self) -> list[str]:
        """"Line 4: …" for each refused row, and "Line 3 (repeated): …" for a line giving a good row again."""
        return [f"Line {line}{' (repeated)' if line in self.repeated else ''}: {as_sentence(why)}"
                for line, why in self.refused]


def replacing(replaced: int, changed: int, holds: str) -> str:
    """"3 of them replacing figures it holds", "both replacing figures the file held", "replacing a figure …"."""
    figures = "a figure" if replaced == 1 else "figures"
    if replaced == changed:
        return {1: "replacing", 2: "both replacing"}.get(replaced, "all replacing") + f" {figures} {holds}"
    return f"{replaced} of them replacing {figures} {holds}"


def figure_text(pv: PeriodValue) -> str:
    """A row's figure as the sheet gives it: "1,234", "16/18", "88.8889" ("" for none)."""
    if pv.numerator is not None:
        return f"{_full(pv.numerator)}/{_full(pv.denominator)}"
    return "" if pv.value is None else _full(pv.value)


def held_text(indicator: svc.Indicator, pv: PeriodValue, places: int | None = None, said: str = "") -> str:
    """A good row's figure as it will be held and as the grid shows it: "85.5%" for a percentage's 85.5, its ratio
    with the figures it is worked out from ("85.7% (12 of 14)"), "1,234", "612.5 per 100,000". ``places``: those of
    the figures it reads beside (dom.column_places); ``said``: words after the figures it is worked out from, or
    in brackets of their own ("88.9% (16 of 18; board paper, seed 003)", "86.0% (typed)")."""
    figure = _held_figure(indicator, pv)
    if figure is None:
        return figure_text(pv) + (f" ({said})" if said else "")
    text = indicator.format(figure, places)
    if pv.numerator is not None and pv.denominator and _held_figure(indicator, pv, ratio_only=True) is not None:
        return f"{text} ({_full(pv.numerator)} of {_full(pv.denominator)}{f'; {said}' if said else ''})"
    return text + (f" ({said})" if said else "")


def _held_figure(indicator: svc.Indicator, pv: PeriodValue, ratio_only: bool = False) -> float | None:
    """The figure a row holds: its ratio where it has one, else its value (None for neither)."""
    if pv.numerator is not None and pv.denominator:
        ratio = dom.figure_value(pv.numerator, pv.denominator, indicator.unit, indicator.rate_per)
        if ratio is not None or ratio_only:
            return ratio
    return None if ratio_only else pv.value


def _full(value: float | None) -> str:
    """A figure in full, as the grid's cells take it ("1,234,567", "88.8889"), never "1.23457e+06"."""
    if value is None:
        return ""
    return format_number(value, 0) if float(value).is_integer() else format_number(value, 4).rstrip("0").rstrip(".")


# What a sheet puts where it gives no figure, and what each says. "nil" is left out: in a paper it is 0.
# A dash is also the nought of a sheet's accounting format (a CSV saved from Excel writes it as shown): said, never
# "says there is no figure (no figure)".
_DASH = "or 0, as a sheet's accounting format shows it"
NO_FIGURE_MARKS = {"-": _DASH, "–": _DASH, "—": _DASH, "n/a": "not applicable",
                   "na": "not applicable", "n/k": "not known", "nk": "not known", "*": "a small number held back",
                   "**": "a small number held back", "..": "not available", "tbc": "to be confirmed",
                   "x": "not available or held back"}
_PER = re.compile(r"\bper\s+(\d{1,3}(?:,\d{3})*|\d+)\s*$", re.IGNORECASE)  # "12.3 per 1,000": a rate
# A sheet's totals row in words of its own, beside those any table's total line has (domain.text).
_TOTALS_ALSO = {"sum", "ytd", "year to date", "year-to-date"}


def _totals_row(f: dict[str, str]) -> str | None:
    """The word that makes a row a sheet's total ("Total" or "YTD" in place of an indicator, area or period), or
    None."""
    return next((f[n] for n in ("indicator", "area", "period") if looks_like_total_line(f.get(n, ""))
                 or f.get(n, "").strip(" :").lower() in _TOTALS_ALSO), None)


def _number(indicator: svc.Indicator, text: str, row: str) -> float | None:
    """A figure from a sheet, read as the grid reads it (svc.parse_figure): "1,2,3" is refused (never stored as
    123), and so is "12%" for a count (never 12 crimes)."""
    from safer_desk.domain.checks import NumberError

    t = (text or "").strip()
    if not t:
        return None
    if meaning := NO_FIGURE_MARKS.get(t.lower()):
        raise IndicatorError(f"the {row} “{t}” says there is no figure ({meaning}), so the row is not imported: it "
                             "leaves the figure the file holds for the period as it is (to remove one, clear its cell "
                             "in the grid)")
    if indicator.unit != "rate" and (per := _PER.search(t)):  # else read for its comma, not for what it is
        raise IndicatorError(f"the {row} “{t}” is a rate per {per.group(1)}, but {indicator.name} is a "
                             f"{indicator.unit}: give the {indicator.unit} itself")
    try:
        return float(svc.parse_figure(indicator, t, row))
    except NumberError as exc:
        raise IndicatorError(f"the {row} “{text}” is not read: {exc}") from None


def _closest_indicator(store: Store, name: str) -> str:
    """": did you mean “…”? (…)" naming the indicator a name was most likely meant as ("Violence with injury (excl.
    DA)" for "… (excluding domestic abuse)"), or " (add it first)" when none is close."""
    names = [r["name"] for r in store.rows("SELECT name FROM indicators")]
    close = [c for c in close_names(name, names, cutoff=0.7, key=str.lower, n=3) if _slip_of(name, c)]
    if not close:
        return " (add it first)"
    return (f": did you mean “{close[0]}”? Write the indicator's name as the file has it (or add it first, if "
            "it is another)")


_WORD = re.compile(r"[^\W_]+")


def _slip_of(name: str, meant: str) -> bool:
    """Whether a name differs from the one meant only by slips and shortenings ("Burglery", "Hate crimes", "excl.
    DA"), not by a word or number of its own: "Robbery of personal property" is another indicator than "Robbery of
    business property", and NI 32 than NI 30, however alike they read."""
    import difflib

    said, known = set(_WORD.findall(name.lower())), set(_WORD.findall(meant.lower()))
    for word in said - known:
        if word.isdigit():
            return False
        if len(word) >= 4 and not any(k.startswith(word) or difflib.SequenceMatcher(None, word, k).ratio() >= 0.75
                                      for k in known - said):
            return False
    return True


def _find_area(store: Store, name: str) -> tuple[str, str, str] | None:
    """(id, name, kind) of the area the area column names, as the window's lists name it (svc.find_area): a
    name, "Cornwall (county)" or an id; a name two areas share is refused saying how to name each."""
    from safer_desk.services.reference import AmbiguousArea

    try:
        area = svc.find_area(store, name)
    except AmbiguousArea as exc:
        raise IndicatorError(str(exc)) from None
    return None if area is None else (area.id, area.name, area.kind)


def _closest_area(store: Store, name: str) -> str:
    """": did you mean “East Sussex”? …" naming the area a name the file does not hold was most likely meant as
    (svc.area_meant); "" when none is."""
    meant = svc.area_meant(store, name)
    return f": did you mean “{meant}”? Name the area as the Indicators tab's Area list names it" if meant else ""


@functools.lru_cache(maxsize=256)  # asked on every line naming it: a sheet of thousands of lines names a few areas
def _district_not_held(name: str) -> str:
    """What to do about a real district the file does not hold yet (Babergh, in a file whose office is not named):
    every line of it was refused as if the district did not exist, saying nothing of how to bring it in."""
    from safer_desk.services.district_counties import english_name
    from safer_desk.services.reference import national_districts, other_nation_words

    elsewhere = other_nation_words(name)  # "Glasgow City": no office holds it
    if elsewhere:
        return f": {elsewhere}"
    key = typed_name_key(name.strip())
    known = next((d for d, _ in national_districts() if typed_name_key(d) == key), None)
    welsh = english_name(name) if known is None else None  # "Caerdydd" is Cardiff, as the office names it
    if welsh is not None:
        return (f" in this file yet: {name.strip()} is {welsh}, a district, so add it to the office's districts "
                "(File > Office Details…) and import again")
    if known is None:
        return ""
    return (f" in this file yet: {known} is a district, so add it to the office's districts (File > Office "
            "Details…) and import again")


def _check_name_free(store: Store, area: tuple[str, str, str], names: dict[str, tuple[str, str, int]]) -> None:
    """The file keeps figures for one area of a name (indicator_areas.name is unique): figures for Cornwall the
    county are refused, saying why, while Cornwall the district has figures (or gets them on an earlier line),
    rather than failing when they are saved."""
    area_id, name, kind = area
    if name not in names and (r := store.one("SELECT id, kind FROM indicator_areas WHERE name = ?", (name,))):
        names[name] = (r["id"], r["kind"], 0)
    holder_id, holder_kind, line = names.get(name, (area_id, kind, 0))
    if holder_id != area_id:
        where = f"line {line} gives figures" if line else "this file has figures"
        raise IndicatorError(svc.one_area_of_a_name(name, kind, holder_kind, where))


# The financial years a figure can be for: a year's figures are compared with the year before's, and the Indicators
# tab offers the year before the first with figures, so the first is two after the first whose months a date can be
# in (1900/01); the last is the last whose months a date can be in.
FIRST_FIGURE_YEAR, LAST_FIGURE_YEAR = FinancialYear(FIRST_YEAR + 2), FinancialYear(LAST_YEAR - 1)
FAR_PAST_YEARS = 30  # a period starting longer before today is asked about (Jun-1916 typed for Jun-2016)
# A date written in full (a date cell is read as 1900-01-04): one in the first years is most likely a number.
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$|^\d{1,2}/\d{1,2}/\d{4}$")


def _check_year_held(period: str, typed: str) -> None:
    """Refuse a period whose financial year Safer Desk cannot hold figures for, naming it as the sheet gives it:
    Jan-1900 (in 1899/00) was read, then stopped the whole import with "year 1899 is out of range"."""
    year = svc.year_of_period(period)
    if FIRST_FIGURE_YEAR <= year <= LAST_FIGURE_YEAR:
        return
    early = year < FIRST_FIGURE_YEAR
    fix = (": a number typed into a column formatted as dates is a day of January 1900 (Excel shows 4 as Jan-00), "
           "so type the month as text, 2019-04 or Apr 2019" if early and _FULL_DATE.match(typed.strip())
           else ": correct the period in the sheet")
    raise IndicatorError(f"the period “{typed.strip()}” is in {year.label}, {'before' if early else 'after'} the "
                         f"years Safer Desk holds figures for ({FIRST_FIGURE_YEAR.label} to "
                         f"{LAST_FIGURE_YEAR.label}){fix}")


def _query(indicator: svc.Indicator, pv: PeriodValue, today: date, typed: str = "") -> str:
    """What the grid asks about such a figure before saving it ("950% is more than 100%: is that what you
    meant?", "Apr-27 has not begun yet …"), or ""; and a percentage under 1 written without its % sign, which a
    sheet holds for a ratio (85% as 0.85, a formula's result in a cell not formatted as a percentage)."""
    asked = []
    if indicator.unit == "percentage" and pv.value is not None and pv.numerator is None:
        slip = percentage_slip(Decimal(repr(pv.value)))
        if slip is not None:
            asked.append(slip.message)
        elif 0 < pv.value < 1 and "%" not in typed:
            meant = _full(float(Decimal(repr(pv.value)) * 100))
            asked.append(f"{_full(pv.value)}% is less than 1%: if the sheet holds {meant}% as {_full(pv.value)} (a "
                         f"cell not formatted as a percentage), give it as {meant}, or format the cell as a percentage")
    start = svc.period_span(pv.period)[0]
    if start > today:
        asked.append(f"{svc.period_label(pv.period)} has not begun yet (today is {today:%d/%m/%Y}): is this the "
                     "right period?")
    elif today.year - start.year > FAR_PAST_YEARS:  # as the register asks about a date far from today
        asked.append(f"{svc.period_label(pv.period)} is more than {FAR_PAST_YEARS} years before today "
                     f"({today:%d/%m/%Y}): is the year right?")
    # each question a sentence of its own: "… or format the cell as a percentage Feb-17 has not begun" ran on
    return " ".join([as_sentence(a) for a in asked[:-1]] + asked[-1:])


READ_CELLS = ("indicator", "area", "period", "value")  # a refused line's cells shown as the sheet gives them


def given_figure(fields: dict) -> str:
    """A line's figure as the sheet gives it, for its refusal: "4", "19/18" (a numerator and denominator, as a good
    row's Value shows them), "50 (3/8)" (a value with them), "19 (numerator)" (one of them, not "19/"); the Value
    cell was blank for 19 of 18, over 100%."""
    value, numerator, denominator = (str(fields.get(k) or "").strip() for k in ("value", "numerator", "denominator"))
    if numerator and denominator:
        return f"{value} ({numerator}/{denominator})" if value else f"{numerator}/{denominator}"
    if numerator or denominator:
        word, figure = ("numerator", numerator) if numerator else ("denominator", denominator)
        return f"{value} ({word} {figure})" if value else f"{figure} ({word})"
    return value


def preview_values(store: Store, path: Path | str, *, today: date | None = None) -> ValuesPreview:
    """Read a long-form file and check every row; nothing is written. Good rows the grid would query are listed in
    ``queried`` with the question (they are still imported: the grid keeps them when Save is pressed again)."""
    today = today or date.today()
    preview = ValuesPreview(Path(path))
    seen: dict[tuple[str, str, str], list[GoodRow]] = {}  # the good rows of each indicator, area and period
    areas: dict[str, tuple[str, str, str] | str | None] = {}  # each text of the area column looked up once
    names: dict[str, tuple[str, str, int]] = {}  # name -> (id, kind, line or 0) of the area keeping figures
    districts = svc.district_rows(store)  # read once for every row's dates
    hidden: set[int] = set()
    cells: dict[int, dict[str, str]] = {}
    rows, preview.text_doubt = read_long_file(path)
    for row in rows:
        if row.hidden:
            hidden.add(row.line)
        cells[row.line] = {**{k: row.fields.get(k) or "" for k in READ_CELLS}, "value": given_figure(row.fields)}
        try:
            good, indicator = _check_row(store, row, areas, names)
            preview.good.append(good)
            seen.setdefault((good.indicator_id, good.area_id, good.value.period), []).append(good)
            dates = svc.outside_dates(store, good.area_id, good.value.period, districts=districts) or \
                svc.part_way_question(store, good.area_id, good.value.period, districts=districts)
            asked = " ".join(filter(None, (dates, _query(indicator, good.value, today, row.fields.get("value", "")))))
            if asked:
                preview.queried[good.line] = asked
        except IndicatorError as exc:
            msg = str(exc)
            preview.refused.append((row.line, msg[0].upper() + msg[1:]))
    _refuse_repeated(preview, [rows for rows in seen.values() if len(rows) > 1])
    _refuse_derived(store, preview)
    _compare_with_stored(store, preview)
    _mark_hidden(preview, hidden)
    _mark_red_without_comment(store, preview)
    preview.read = {line: cells[line] for line, _ in preview.refused if line in cells}
    return preview


def _mark_hidden(preview: ValuesPreview, hidden: set[int]) -> None:
    """Name the hidden rows (Excel's Hide, or a filter): a refused one says so, since the person cannot see it in
    Excel, and one that changes the file is to check, as it may be an old figure hidden rather than deleted."""
    if not hidden:
        return
    preview.refused = [(line, f"{why} (row {line} is hidden in the sheet: unhide it in Excel to see it)"
                        if line in hidden else why) for line, why in preview.refused]
    for g in preview.good:
        if g.line in hidden and g.line not in preview.unchanged:
            said = (f"Row {g.line} is hidden in the sheet (or filtered out), and may be an old figure hidden rather "
                    "than deleted: it is imported as it is, so unhide it in Excel and check it first.")
            preview.queried[g.line] = " ".join(filter(None, (preview.queried.get(g.line), said)))


def _refuse_repeated(preview: ValuesPreview, repeats: list[list[GoodRow]]) -> None:
    """Refuse the rows giving the indicator, area and period of another good row. The same figure and comment again
    is a copy (the first is imported); a different one contradicts it, and which is right is not for the import to
    guess by position: all of them are refused, each naming the others."""
    refused: dict[int, str] = {}
    for rows in repeats:
        g = rows[0]
        where = f"{g.indicator}, {g.area_name}, {svc.period_label(g.value.period)}"
        if all(_same_row(g.value, again.value) for again in rows[1:]):
            refused |= {again.line: f"{where} is also on line {g.line}, the same figure (imported once)"
                        for again in rows[1:]}
            preview.repeated |= {again.line for again in rows[1:]}
            continue
        none = "neither" if len(rows) == 2 else "none"
        if len(rows) <= _NAMED_EACH:
            lines = in_words([str(r.line) for r in rows])
            figures = in_words([_row_words(r.value) for r in rows])
            said = f"{where} is given different figures on lines {lines} ({figures})"
        else:  # each of these rows' refusals names the others: all of them made the words grow as the square
            lines = _first_few([str(r.line) for r in rows])
            figures = _first_few([_row_words(r.value) for r in rows])
            said = f"{where} is given different figures on {len(rows):,} lines ({lines}), giving {figures}"
        refused |= {r.line: f"{said}: {none} is imported; correct the sheet so it gives one figure" for r in rows}
    preview.good = [g for g in preview.good if g.line not in refused]
    preview.queried = {line: q for line, q in preview.queried.items() if line not in refused}
    preview.refused = sorted(preview.refused + list(refused.items()))


_NAMED_EACH = 6  # lines giving one period's figures that a refusal names every one of


def _first_few(items: list[str]) -> str:
    """The first few of many things, and how many more ("2, 3, 4, 5, 6 and 995 more")."""
    shown = _NAMED_EACH - 1
    return f"{', '.join(items[:shown])} and {len(items) - shown:,} more"


def _same_row(a: PeriodValue, b: PeriodValue) -> bool:
    return figure_text(a) == figure_text(b) and (a.comment or "").strip() == (b.comment or "").strip()


def _row_words(pv: PeriodValue) -> str:
    """A row's figure in a message: "20", "16/18", "20 with the comment “…”"."""
    figure = figure_text(pv) or "no figure"
    return figure if not (pv.comment or "").strip() else f"{figure} with the comment “{pv.comment.strip()}”"


def _refuse_derived(store: Store, preview: ValuesPreview) -> None:
    """Refuse a partnership's or county's row for a period whose figure is worked out from its districts' figures:
    the grid does not let such a figure be typed over, and a stored one would stand in its place without a word.
    Refused too where the area holds its own figure already (typed before its districts had theirs): a sheet
    replaced it, and it went on standing in place of its districts' sum (the police import lists such a figure)."""
    groups: dict[tuple[str, str], list[GoodRow]] = {}
    for g in preview.good:
        if g.area_kind in ("partnership", "county"):
            groups.setdefault((g.indicator_id, g.area_id), []).append(g)
    refused: dict[int, str] = {}
    for (indicator_id, area_id), rows in groups.items():
        indicator = svc.get_indicator(store, indicator_id)
        derived = svc.derive_figures(store, indicator, area_id, [g.value.period for g in rows])
        for g in rows:
            d = derived.get(g.value.period)
            if d is None or d.figure is None or d.figure.value is None:
                continue
            refused[g.line] = (f"{g.indicator}, {g.area_name}, {svc.period_label(g.value.period)} is worked out from "
                               f"its districts' figures ({indicator.format(d.figure.value)}: "
                               f"{_source_words(d.source.label)}), and the grid does not let it be typed over: import "
                               "the districts' figures instead")
    if refused:
        preview.good = [g for g in preview.good if g.line not in refused]
        preview.queried = {line: q for line, q in preview.queried.items() if line not in refused}
        preview.refused = sorted(preview.refused + list(refused.items()))


def _compare_with_stored(store: Store, preview: ValuesPreview) -> None:
    """Note the good rows that replace a different figure the file holds (what it is and where it came from, as
    the grid's cell shows the figure typed over) and those already as the file holds them (saving changes
    nothing)."""
    groups: dict[tuple[str, str], list[GoodRow]] = {}
    for g in preview.good:
        groups.setdefault((g.indicator_id, g.area_id), []).append(g)
    for (indicator_id, area_id), rows in groups.items():
        stored = svc.value_rows(store, indicator_id, area_id, [g.value.period for g in rows])
        changed = {pv.period for pv, _ in svc.changed_values(store, indicator_id, area_id, [g.value for g in rows],
                                                             stored=stored)}
        indicator = svc.get_indicator(store, indicator_id)
        sources = svc.figure_sources(store, stored.values())
        replaced: dict[int, tuple[PeriodValue, str]] = {}  # line -> the figure the file holds, and whose it is
        for g in rows:
            if g.value.period not in changed:
                preview.unchanged.add(g.line)
                continue
            r = stored.get(g.value.period)
            if r is not None and g.value.comment is not None and (held := (r["comment"] or "").strip()) \
                    and held != g.value.comment.strip():
                preview.comments_replaced[g.line] = held
            if r is None or (r["value"] is None and r["numerator"] is None):
                continue
            new = svc.check_value(indicator, g.value)
            if all(a is not None and b is not None and float(a) == float(b) or a is None and b is None
                   for a, b in zip(new, (r["value"], r["numerator"], r["denominator"]))):
                continue  # the comment alone changes
            held = PeriodValue(g.value.period, r["value"], r["numerator"], r["denominator"])
            replaced[g.line] = (held, _source_words(sources[g.value.period].label))
        # One number of places for an indicator's figures of an area, as the grid's rows read: "86.0%" beside
        # "85.5%", in the Value column and under Replaces alike
        places = dom.column_places([_held_figure(indicator, v) for v in
                                    (*(g.value for g in rows), *(h for h, _ in replaced.values()))], indicator.unit)
        for g in rows:
            if g.line in replaced:
                held, said = replaced.pop(g.line)
                preview.replaces[g.line] = held_text(indicator, held, places, said)
            preview.good[preview.good.index(g)] = replace(g, shown=held_text(indicator, g.value, places))


def _mark_red_without_comment(store: Store, preview: ValuesPreview) -> None:
    """Note the rows that change the file whose figure comes out red against its target with no comment saying why
    (neither the sheet's nor one the file holds): the grid does not save such a figure typed by hand, and the import
    keeps them, so they are named first. The RAG is the running total's against the target to date, so each year is
    judged with all its rows in place, by the rule year_view applies once they are saved (svc.rags_to_date; nothing
    is written here)."""
    groups: dict[tuple[str, str, FinancialYear], list[GoodRow]] = {}
    for g in preview.good:
        if g.line not in preview.unchanged:
            groups.setdefault((g.indicator_id, g.area_id, svc.year_of_period(g.value.period)), []).append(g)
    for (indicator_id, area_id, year), rows in groups.items():
        view = svc.year_view(store, indicator_id, area_id, year)
        ind = view.indicator
        figures, comments = list(view.this_year), list(view.comments)
        for g in rows:
            i = view.periods.index(g.value.period)
            figures[i] = dom.Figure(*svc.check_value(ind, g.value))
            comments[i] = comments[i] if g.value.comment is None else g.value.comment
        _, rags = svc.rags_to_date(ind, view.target, figures, view.target_at)
        for g in rows:
            i = view.periods.index(g.value.period)
            if rags[i] is not dom.Rag.RED or comments[i].strip():
                continue
            preview.uncommented[g.line] = (
                f"{g.indicator}, {g.area_name}, {svc.period_label(g.value.period)} is red against its target with no "
                "comment saying why, which the grid asks for: give one in the sheet's comment column, or type it in "
                "the grid's Comment row after importing")


def _source_words(label: str) -> str:
    """A source's label within brackets: "typed", "police.uk import", "board paper, seed 003"."""
    if label.endswith(")") and " (" in label:
        label = label[:-1].replace(" (", ", ", 1)
    return label[:1].lower() + label[1:]


# What to do about a blank name: a sheet laid out for reading shows one beside every row of a block of them.
_EVERY_ROW = (": give it on every row (a merged cell, or a name typed once above the rows it is for, holds it in its "
              "first row only)")


def _check_row(store: Store, row: LongRow, areas: dict, names: dict) -> tuple[GoodRow, svc.Indicator]:
    if row.split is not None:
        raise IndicatorError(row.split)
    f = row.fields
    name = f.get("indicator", "")
    if word := _totals_row(f):
        try:
            svc.get_indicator(store, word)  # an indicator called "Total" is one
        except IndicatorError:
            raise IndicatorError(f"this is a totals row (“{word}”): Safer Desk works out totals from the figures "
                                 "themselves, so it is not imported (delete it from the sheet, or leave it "
                                 "out)") from None
    if not name:
        raise IndicatorError(f"the indicator is blank{_EVERY_ROW}")
    try:
        ind = svc.get_indicator(store, name)
    except IndicatorError:
        raise IndicatorError(f"there is no indicator called “{name}”{_closest_indicator(store, name)}") from None
    area_name = f.get("area", "")
    if not area_name:
        raise IndicatorError(f"the area is blank{_EVERY_ROW}")
    if area_name not in areas:
        try:
            # a name no area has: the same words on every line that gives it, worked out once
            areas[area_name] = _find_area(store, area_name) or (
                f"there is no district, partnership or county called “{area_name}”"
                f"{_district_not_held(area_name) or _closest_area(store, area_name)}")
        except IndicatorError as exc:  # a name two areas share: the same words on every line that gives it
            areas[area_name] = str(exc)
    area = areas[area_name]
    if isinstance(area, str):
        raise IndicatorError(area)
    _check_name_free(store, area, names)
    if not f.get("period", "").strip():  # a month merged down a block of rows, as an indicator or area may be
        raise IndicatorError(f"the period is blank{_EVERY_ROW.replace('a name', 'a period')}")
    period = svc.parse_period(f.get("period", ""), ind.frequency)
    _check_year_held(period, f.get("period", ""))
    pv = PeriodValue(period, *(_number(ind, f.get(row, ""), row)
                               for row in (svc.GRID_VALUE, svc.GRID_NUMERATOR, svc.GRID_DENOMINATOR)),
                     f.get("comment") or None)
    if pv.value is None and pv.numerator is None:
        raise IndicatorError("there is no value (or numerator and denominator), so the row is not imported: a blank "
                             "figure leaves the one the file holds for the period as it is (to remove it, clear its "
                             "cell in the grid).")
    counted_alone = pv.numerator is not None and pv.denominator is None
    pv = svc.with_population(store, ind, area[0], pv)  # a rate's count alone, as the grid takes it
    svc.check_value(ind, pv)
    _check_value_agrees(ind, f.get(svc.GRID_VALUE, ""), pv, counted_alone)
    pv = _stored_ratio(store, ind, area[0], pv, f.get(svc.GRID_VALUE, ""))
    names.setdefault(area[1], (area[0], area[2], row.line))
    return GoodRow(row.line, ind.id, ind.name, area[1], area[2], area[0], pv, held_text(ind, pv)), ind


def _stored_ratio(store: Store, indicator: svc.Indicator, area_id: str, pv: PeriodValue, typed: str) -> PeriodValue:
    """A value alone that is the stored ratio to the places it is written in (88.9 for a paper's 16 of 18) is that
    figure: it keeps its numerator and denominator (the year to date is their sums' ratio, never an average of
    rounded percentages), as the grid keeps a figure nobody typed over. A value the sheet changes replaces it."""
    if indicator.unit == "count" or pv.value is None or pv.numerator is not None:
        return pv
    stored = svc.value_rows(store, indicator.id, area_id, [pv.period]).get(pv.period)
    if not stored or stored["numerator"] is None or stored["denominator"] is None:
        return pv
    if not _agrees(indicator, typed, stored["numerator"], stored["denominator"])[0]:
        return pv
    return PeriodValue(pv.period, None, stored["numerator"], stored["denominator"], pv.comment)


def _agrees(indicator: svc.Indicator, typed: str, numerator: float, denominator: float) -> tuple[bool, Decimal]:
    """Whether the value typed is the ratio to the places it is written in (88.9 or 89 for 16 of 18); the ratio."""
    value = svc.parse_figure(indicator, typed.strip())
    places = max(0, -value.as_tuple().exponent)
    computed = Decimal(repr(dom.figure_value(numerator, denominator, indicator.unit, indicator.rate_per)))
    return abs(computed - value) <= Decimal(5).scaleb(-places - 1) + Decimal("1e-9"), computed


def _check_value_agrees(indicator: svc.Indicator, typed: str, pv: PeriodValue, counted_alone: bool) -> None:
    """A row giving a value and its numerator and denominator keeps the ratio (as the grid does), so the value must
    be the ratio to the places it is written in (88.9 or 89 for 16 of 18): one that is not (50 for 1 of 4) is refused
    rather than dropped without a word."""
    if pv.value is None or pv.numerator is None or pv.denominator is None:
        return
    agrees, computed = _agrees(indicator, typed, pv.numerator, pv.denominator)
    if agrees:
        return
    shown = [format_number(n, 0) if float(n).is_integer() else format_number(n, 4).rstrip("0").rstrip(".")
             for n in (pv.numerator, pv.denominator, float(computed))]
    population = ", the population for the year" if counted_alone else ""
    raise IndicatorError(f"the value {typed.strip()} is not what the numerator and denominator give ({shown[0]} / "
                         f"{shown[1]} → {shown[2]}{population}): leave one of them out, or correct the sheet")


def apply_values(store: Store, preview: ValuesPreview) -> int:
    """Save the previewed good rows in one transaction; returns how many. A red figure with no comment is saved as
    it is (the preview named it in ``uncommented``; the grid marks its Comment cell)."""
    groups: dict[tuple[str, str], list[PeriodValue]] = {}
    with store.transaction():
        for g in preview.good:  # the area found, by its id: save_values makes it an area with figures if need be
            groups.setdefault((g.indicator_id, g.area_id), []).append(g.value)
        for (ind, area), values in groups.items():
            svc.save_values(store, ind, area, values, source=f"file:{preview.path.name}", require_red_comments=False)
    return len(preview.good)
