"""The county view (issue 13): one indicator's year to date for the office's areas side by side.

Qt-free. The rows are the office's own areas (a district office: its county, partnerships and districts; the
county file: the county, the partnerships and every district merged into it), each with its figure to date,
its population and a rate per 1,000, 10,000 or 100,000 where the population is known, its change on last
year and its RAG in words. Partnership and county figures worked out from their districts say "(derived)".
The widgets show ``rows``, ``chart_bars`` and ``summary``; they change ``indicator_id``, ``year`` and
``rate_per`` through the setters and redraw on ``changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from safer_desk.domain.ids import reference_id
from safer_desk.domain.indicators import RATE_PERS, column_places, natural_places, rate_label
from safer_desk.domain.periods import FinancialYear
from safer_desk.domain.text import counted, in_words
from safer_desk.presenters.events import Event
from safer_desk.services import indicators as ind
from safer_desk.services import reference as ref
from safer_desk.storage.store import Store

KIND_WORDS = {"county": "County", "partnership": "Partnership", "district": "District"}


@dataclass(frozen=True)
class ComparisonRow:
    """One area's line: display text beside the numbers a chart or a copy needs."""

    area_id: str
    area: str  # the name, with "(derived)" when its figure is worked out from its districts
    kind: str  # "County", "Partnership", "District"
    figure: float | None  # the year to date
    figure_text: str
    population: int | None
    rate: float | None  # per rate_per of population (counts only)
    rate_text: str
    change_text: str  # "an increase of 162 (11.2%), worse"; "" without last year's figure
    rag: str  # the RAG's word with its symbol ("▲ Red"), never colour alone
    rag_key: str  # the colour key ("red", "amber", "green", "grey") for the delegate
    period: str = ""  # what the year to date covers ("Apr-25 to Dec-25"), months missing named; "" without one
    population_text: str = ""  # "104,000", or "92,000 (2024/25's)" where the year has none recorded
    population_years: tuple[str, ...] = ()  # those earlier years whose populations stand in for this year's
    # A partnership's or county's sum where only some districts' populations are earlier years': those districts
    population_partly: tuple[str, ...] = ()
    change: float | None = None  # this year's figure to date minus last year's, what the change column sorts by
    rag_order: int = 0  # red first, then amber, green and the states without a judgement (Rag.sort_key)
    # Beside a partnership's or county's blank population (a count's): why, when some of its districts have one
    population_missing: str = ""
    # Beside a county's blank population where the file does not hold all its districts: which
    districts_absent: tuple[str, ...] = ()

    @property
    def population_tip(self) -> str:
        """Beside the population, why it is an earlier year's, or why there is none ("" when it is the year's own)."""
        if self.districts_absent and self.population is None:
            absent = in_words(list(self.districts_absent))
            return (f"The file does not hold every district of {self.area} (not {absent}): the districts' "
                    f"populations it holds added up are not {self.area}'s.")
        if self.population_missing:
            return self.population_missing
        if self.population_partly:
            return (f"None is recorded for the year for {in_words(list(self.population_partly))}: their latest "
                    "earlier ones are added in")
        return "None is recorded for the year: the rate is over the latest earlier one" if self.population_years else ""


@dataclass(frozen=True)
class Choice:
    key: str
    label: str


class AreaComparisonPresenter:
    """What the Compare Areas window shows; loads nothing until ``load`` (opening it writes nothing)."""

    def __init__(self, store: Store, today: Callable[[], date] = date.today):
        self.store = store
        self.today = today  # read when used: a window left open over a year's end says that year is over
        self.changed = Event()
        self.indicators: list[Choice] = []
        self.years: list[FinancialYear] = []
        self.indicator_id: str | None = None
        self.year: FinancialYear | None = None
        self.rate_per = 1000
        self.rows: list[ComparisonRow] = []
        self.unit = "count"

    # -- choices -----------------------------------------------------------------------------------
    def load(self, indicator_id: str | None = None, year: FinancialYear | None = None) -> None:
        """The indicator (else the first) and year (else its latest with figures) in view: the tab's, when opened
        from it."""
        self.year = year
        self.indicators = [Choice(i.id, i.name) for i in ind.list_indicators(self.store)]
        ids = [c.key for c in self.indicators]
        self.indicator_id = indicator_id if indicator_id in ids else (ids[0] if ids else None)
        self._load_years()
        self.refresh()

    def _load_years(self) -> None:
        self.years = ind.years_with_values(self.store, self.indicator_id) if self.indicator_id else []
        if self.year not in self.years:
            self.year = self.years[-1] if self.years else None

    def set_indicator(self, indicator_id: str) -> None:
        if indicator_id != self.indicator_id:
            self.indicator_id = indicator_id
            self._load_years()
            self.refresh()

    def set_year(self, label: str) -> None:
        year = next((y for y in self.years if y.label == label), None)
        if year is not None and year != self.year:
            self.year = year
            self.refresh()

    def set_rate_per(self, rate_per: int) -> None:
        if rate_per not in RATE_PERS:
            raise ValueError(f"A rate is per 1,000, 10,000 or 100,000, not per {rate_per:,}.")
        if rate_per != self.rate_per:
            self.rate_per = rate_per
            self.refresh()

    @staticmethod
    def rate_choices() -> list[Choice]:
        return [Choice(str(n), rate_label(n)) for n in RATE_PERS]

    # -- the rows ----------------------------------------------------------------------------------
    def areas(self) -> list[ref.AreaRef]:
        """The office's areas for the year (county, partnerships, districts); none named: every area with figures."""
        return ref.office_areas(self.store, self.year)

    def refresh(self) -> None:
        self.rows = []
        if self.indicator_id is None or self.year is None:
            self.changed.emit()
            return
        indicator = ind.get_indicator(self.store, self.indicator_id)
        self.unit = indicator.unit
        own = self.areas()
        # A district whose crimes of the year police.uk's files name it for are counted under the district it became
        # (Waveney's of 2018/19 under East Suffolk): that one is listed too, so the districts add up to the county's.
        under = {a.id: u[0] for a in own if a.kind == "district" and (u := ind.counted_under(self.store, a.id,
                                                                                               self.year))}
        became = [i for i in (reference_id("district", n) for n in sorted(set(under.values()), key=str.casefold))
                  if i not in {a.id for a in own}]
        found = ind.area_comparison(self.store, self.indicator_id, [a.id for a in own] + became or None, self.year,
                                    rate_per=self.rate_per, today=self.today())
        kinds = {a.id: a.kind for a in own}
        # One column, one number of places: "38.0 per 1,000" beside "42.5", not "38" (as the papers' tables print)
        places = max((natural_places(i.rate, "rate") for i in found if i.rate is not None), default=None)
        # So is the Figure column of a rate indicator: "0.50 per 1,000" beside "0.48", never "0.5"
        figure_places = column_places([i.view.ytd.value for i in found if i.view.ytd is not None], self.unit)
        for item in found:
            view = item.view
            value = None if view.ytd is None else view.ytd.value
            # Another force's few crimes in the area (one in Exeter in Suffolk's file) are not its year: not compared
            strays = ind.other_forces_only(self.store, view) if value is not None else []
            if strays:  # nor judged against the area's target
                view = ind.unjudged(view)
            change = None if strays else view.change
            kind = kinds.get(item.area.id, item.area.kind)
            name = item.area.name + (" (derived)" if item.derived else "")
            self.rows.append(ComparisonRow(
                area_id=item.area.id, area=name, kind=KIND_WORDS.get(kind, kind.title()), figure=value,
                # As the tab shows it: with the places its RAG needs (0.845 per 1,000, red against 0.8, is "0.85").
                figure_text=view.ytd_text(figure_places) if value is not None else
                f"Counted in {under[item.area.id]}'s figure" if item.area.id in under else
                "No figure recorded" if view.year_over else "No figure yet",
                population=item.population, rate=item.rate, rate_text=item.rate_text(places),
                # Whose last year is, said beside a figure: a year with none yet is not the predecessors' doing.
                change_text=(f"not compared: crimes {in_words(strays)} recorded in {item.area.name}, not its figures "
                             "for the year (its own force's are not held)") if strays else
                _change_text(view.change, view.last_year_words() if value is not None else ""),
                rag=f"{view.rag.symbol} {view.rag_word}", rag_key=view.rag.key,
                period=view.range_text() if value is not None else "",
                population_text=_population_text(item.population, item.population_years, item.population_partly),
                population_years=item.population_years, population_partly=item.population_partly,
                change=None if change is None else change.difference, rag_order=view.rag.sort_key,
                population_missing=self._missing_words(item), districts_absent=item.districts_absent))
        self.changed.emit()

    def _missing_words(self, item: ind.AreaComparison) -> str:
        """Why a partnership's or county's count has no rate: "No population is recorded for West Devon in
        2019/20: Devon's is its districts' added up, so it has no rate." ("" when it has one, or for a ratio)."""
        if not item.population_missing or self.unit != "count":
            return ""
        return (f"No population is recorded for {in_words(list(item.population_missing))} in {self.year.label}: "
                f"{item.area.name}'s is its districts' added up, so it has no rate.")

    # -- what the chart and a screen reader say ---------------------------------------------------------
    def chart_bars(self) -> tuple[str, list[tuple[str, float]]]:
        """(what the bars measure, [(area, value)]).

        Rates where every area with a figure has one (areas of any size compare); otherwise the districts'
        own figures only, since a county's count beside its districts' says nothing about any of them. When the
        figures to date cover different periods (an area with months missing), the title says so.
        """
        title, bars, differ = self._bars()
        title += " (periods differ: see the table)" if differ else ""
        return title, [(name, value) for name, value, _ in bars]

    def bar_texts(self) -> list[str]:
        """Each bar's figure as the table shows it (0.845 per 1,000, red against 0.8, is "0.85 per 1,000")."""
        return [text for _, _, text in self._bars()[1]]

    def _bars(self) -> tuple[str, list[tuple[str, float, str]], bool]:
        with_values = [r for r in self.rows if r.figure is not None]
        if with_values and self.unit == "count" and all(r.rate is not None for r in with_values):
            title = f"Year to date {rate_label(self.rate_per)} population"
            bars = [(r.area, r.rate, r.rate_text) for r in with_values]
        elif self.unit == "count":
            with_values = [r for r in with_values if r.kind == "District"] or with_values
            title, bars = "Year to date, districts", [(r.area, r.figure, r.figure_text) for r in with_values]
        else:
            title, bars = "Year to date", [(r.area, r.figure, r.figure_text) for r in with_values]
        return title, bars, len({r.period for r in with_values}) > 1

    def summary(self) -> str:
        """A sentence for screen readers and the window's status line."""
        if self.indicator_id is None:
            return "There are no indicators in this file yet: add one or import police.uk data first."
        if self.year is None:
            return "This indicator has no figures yet."
        measure, bars, differ = self._bars()
        name = next((c.label for c in self.indicators if c.key == self.indicator_id), "")
        if not bars:
            # "yet" only while the year runs: of a year over the table's rows say "No figure recorded".
            if self.year.last_day < self.today():
                return f"{name}, {self.year.label}: no figure was recorded for any of the office's areas."
            return f"{name}, {self.year.label}: none of the office's areas has a figure yet."
        if differ:  # no highest and lowest: the figures are not like with like
            return (f"{name}, {self.year.label}, {measure.lower()}: {counted(len(bars), 'area')}. The figures cover "
                    "different periods: see the Period column." + self._populations_said())
        if len(bars) == 1:  # nothing beside it: not its own highest and lowest
            return (f"{name}, {self.year.label}, {measure.lower()}: 1 area, {bars[0][0]} ({bars[0][2]})."
                    + self._populations_said())
        high = max(bars, key=lambda b: b[1])
        low = min(bars, key=lambda b: b[1])
        return (f"{name}, {self.year.label}, {measure.lower()}: {counted(len(bars), 'area')}; highest {high[0]} "
                f"({high[2]}), lowest {low[0]} ({low[2]})." + self._populations_said())

    def _populations_said(self) -> str:
        """ " Babergh's population is 2024/25's: none is recorded for 2025/26.": a rate over an earlier year's
        population (the latest recorded, as the tab's rates use it) is said, never passed off as the year's."""
        by_years: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = {}
        for r in self.rows:
            if r.rate is not None and r.population_years:
                key = (r.population_years, r.population_partly)
                by_years.setdefault(key, []).append(r.area.removesuffix(" (derived)"))
        # Areas over the same earlier year said once ("Babergh's and Ipswich's populations are 2024/25's"), not once
        # an area: eight areas read the same sentence eight times.
        said = []
        for (years, partly), areas in by_years.items():
            whose = in_words([f"{a}'s" for a in areas])
            are = "population is" if len(areas) == 1 else "populations are"
            # A sum of districts' populations, only some of them earlier years': partly those years', and whose
            districts = in_words([f"{d}'s" for d in partly])
            part = f"partly {_years_of(years)} ({districts})" if partly else _years_of(years)
            said.append(f" {whose} {are} {part}: none is recorded for {self.year.label}.")
        # A count's districts with no population at all have no rate: blank Rate cells beside "Rate per 1,000", said
        # nowhere, looked broken (a partnership's or county's is its districts', said in its Population cell's tip).
        without = [r.area for r in self.rows if self.unit == "count" and r.kind == "District"
                   and r.figure is not None and r.population is None]
        if without:
            they = "it has" if len(without) == 1 else "they have"
            said.append(f" No population is recorded for {in_words(without)} for {self.year.label} or before, so "
                        f"{they} no rate: record one under View > Populations….")
        return "".join(said)


def _years_of(years: tuple[str, ...]) -> str:
    return in_words([f"{y}'s" for y in years])


def _population_text(population: int | None, years: tuple[str, ...], partly: tuple[str, ...] = ()) -> str:
    if population is None:
        return ""
    return f"{population:,}" + (f" ({'partly ' if partly else ''}{_years_of(years)})" if years else "")


def _change_text(change, replaced: str = "") -> str:
    """The change on last year in words; ``replaced`` (a district formed since) says whose figures last year's are
    ("against 2018/19: Suffolk Coastal and Waveney"), and why there is none to compare with."""
    if change is None:
        return f"not compared: {replaced}" if replaced else ""
    against = f" (against {replaced})" if replaced else ""
    if change.direction == "none":
        return "no change" + against
    percent = f" ({change.percent_text})" if change.shows_percent and change.percent_text else ""
    judged = f", {change.judgement}" if change.judgement else ""
    return (f"{'an increase' if change.direction == 'increase' else 'a reduction'} of {change.amount_text()}{percent}"
            f"{judged}{against}")
