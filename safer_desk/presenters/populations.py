"""Indicators > Populations…: the population a rate per 1,000 / 10,000 / 100,000 uses, by area and financial year
(DESIGN §2.4: "rates … with the population used"). Qt-free.

A count typed alone for a rate is over the area's population for its year (or the latest earlier one recorded).
Recording, changing or removing a year's population is one step of Edit > Undo. It never rewrites a figure already
saved: a rate keeps the population it was saved over (its denominator), and the sentence names both; the form says
so before saving, once, naming the figures that keep another population.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from safer_desk.domain.indicators import IndicatorError
from safer_desk.domain.periods import FinancialYear, PeriodError
from safer_desk.domain.text import counted, in_words
from safer_desk.presenters.actions import snapshot_action
from safer_desk.presenters.costs import CostForm, RecordsScreen
from safer_desk.presenters.forms import Field, FieldKind
from safer_desk.services import indicators as svc

TAB = "indicators"  # where Edit > Undo of a population brings the window


@dataclass(frozen=True)
class PopulationRow:
    """One line of the list: an area's population for a financial year, with where it came from."""

    area_id: str
    area: str  # as the Indicators tab names it: "Babergh", "Suffolk (county)"
    year: str  # "2019/20"
    population: int
    source: str

    @property
    def population_text(self) -> str:
        return f"{self.population:,}"


def area_text(store, area_id: str) -> str:
    """An area as the tab's area list names it ("Babergh", "Western Suffolk CSP (partnership)")."""
    from safer_desk.presenters.indicators import area_label

    area = svc.find_area(store, area_id)
    return area_id if area is None else area_label(area.kind, area.name)


class PopulationsPresenter(RecordsScreen):
    tab = TAB

    def rows(self) -> list[PopulationRow]:
        return [PopulationRow(p.area_id, area_text(self.store, p.area_id), p.year, p.population, p.source)
                for p in svc.list_populations(self.store)]

    def area_choices(self) -> list[tuple[str, str]]:
        """(id, label): the office's areas (county, partnerships, districts), then other areas holding a rate or
        a population (East Sussex in the example)."""
        from safer_desk.services import reference

        ids = [a.id for a in reference.office_areas(self.store)]
        ids += [p.area_id for p in svc.list_populations(self.store)]
        ids += svc.areas_holding_rates(self.store)
        return [(i, area_text(self.store, i)) for i in dict.fromkeys(ids)]

    def summary(self) -> str:
        rows = self.rows()
        said = ("A count typed alone for a rate (per 1,000, 10,000 or 100,000) is over the area's population for "
                "its year, or the latest earlier one recorded. A figure already saved keeps the population it was "
                "saved over.")
        if not rows:
            return f"No populations recorded yet. {said}"
        return f"{counted(len(rows), 'population')} recorded. {said}" + "".join(
            f"\n{w}" for w in self._disagreeing(rows))

    def _disagreeing(self, rows: list[PopulationRow]) -> list[str]:
        """A county file's populations another office sends otherwise, said as `safer-desk populations` says them."""
        from safer_desk.services.county import populations_disagreeing_words
        from safer_desk.services.provenance import merged_into

        if not merged_into(self.store):
            return []
        return populations_disagreeing_words(self.store, svc.list_populations(self.store),
                                             {r.area_id: r.area for r in rows})

    # -- the forms ------------------------------------------------------------------------------------------
    def _fields(self, extra: tuple[str, str] | None = None) -> tuple[Field, ...]:
        choices = self.area_choices()
        if extra is not None and extra[0] not in {c[0] for c in choices}:
            choices.append(extra)
        return (
            Field("area", "&Area", FieldKind.CHOICE, required=True, choices=tuple(choices)),
            Field("year", "&Year", required=True, placeholder="e.g. 2019/20",
                  help="The financial year (April to March) the population is for"),
            Field("population", "&Population", required=True, placeholder="e.g. 104,000",
                  help="A whole number of people"),
            Field("source", "So&urce", placeholder="e.g. ONS mid-2019 estimate", help="Where the figure comes from"),
        )

    def _check(self, v: dict[str, Any]) -> dict[str, str]:
        """The year and the population, refused beside their fields before anything is asked: a population too
        small for the area's kind (104 for a district) was typed in thousands."""
        errors = {}
        try:
            FinancialYear.parse(v["year"] or "")
        except PeriodError as exc:
            errors["year"] = str(exc)
        try:
            population = svc.read_population(v["population"] or "")
        except IndicatorError as exc:
            errors["population"] = str(exc)
        else:
            if v.get("area") and (problem := svc.population_problem(self.store, v["area"], population)):
                errors["population"] = problem
        return errors

    def _doubts(self, v: dict[str, Any], old: tuple[str, str] | None) -> dict[str, list[str]]:
        """Asked once before saving: a year's population recorded already (adding it again replaces it), and the
        rates saved over another population, which keep theirs."""
        year = FinancialYear.parse(v["year"])
        population = svc.read_population(v["population"])
        area = area_text(self.store, v["area"])
        doubts: dict[str, list[str]] = {}
        held = svc.get_population(self.store, v["area"], year)
        source = (v["source"] or "").strip()
        other = held is not None and (v["area"], year.label) != old  # a year recorded already, not this one's
        if other and (held.population, held.source) != (population, source):
            doubts["year"] = [f"{area} has a population of {held.population:,} recorded for {year.label}"
                              + (f" ({held.source})" if held.source else "") + f": saving puts {population:,}"
                              + (f" ({source})" if source else "") + " in its place."]
        if dates := svc.outside_dates(self.store, v["area"], year.label):  # Waveney in 2019/20, as the grid asks
            doubts.setdefault("year", []).append(dates)
        unchanged = held is not None and (v["area"], year.label) == old and held.population == population
        kept = [] if unchanged else svc.rates_over_other_population(self.store, v["area"], year, population)
        if kept:
            figures = in_words([f"{counted(n, 'figure')} of {name} (over {in_words([f'{d:,.0f}' for d in dens])})"
                                for name, n, dens in kept])
            doubts["population"] = [(
                f"{area} holds {figures} from {year.label} on, saved over another population: they keep it (the "
                f"sentence names both) until their counts are typed again. Counts typed alone from now on use "
                f"{population:,}.")]
        return doubts

    def _form(self, title: str, heading: str, commit, values: dict[str, Any] | None = None, *,
              old: tuple[str, str] | None = None, area_id: str | None = None, **kw: Any) -> CostForm:
        area_id = old[0] if old is not None else area_id
        extra = None if not area_id else (area_id, area_text(self.store, area_id))
        form = CostForm(self._fields(extra), title=title, heading=heading, commit=commit, values=values,
                        warnings=lambda v: self._doubts(v, old), check=self._check, **kw)
        form.read_only = self.read_only
        return self.open_form(form)

    def new_form(self, area_id: str | None = None, year: FinancialYear | None = None) -> CostForm:
        """A population to record (for the area and year in view on the tab, when given); one step of Edit > Undo."""
        def commit(v: dict[str, Any]) -> None:
            year_ = FinancialYear.parse(v["year"])
            text = f"Record population of {area_text(self.store, v['area'])} for {year_.label}"
            self._perform(text, [(v["area"], year_.label)], lambda: self._record(v, year_))

        values = {"area": area_id or "", "year": year.label if year is not None else ""}
        return self._form("New population", "A population for an area and financial year. Nothing is written until "
                                             "you save.", commit, values=values, area_id=area_id)

    def edit_form(self, area_id: str, year: str) -> CostForm:
        """Change a year's population (or its source, area or year); undo gives it back as it was."""
        fy = FinancialYear.parse(year)
        held = svc.get_population(self.store, area_id, fy)
        if held is None:
            raise IndicatorError(f"{area_text(self.store, area_id)} has no population recorded for {year}.")
        name = area_text(self.store, area_id)

        def commit(v: dict[str, Any]) -> None:
            year_ = FinancialYear.parse(v["year"])
            keys = list(dict.fromkeys([(v["area"], year_.label), (area_id, fy.label)]))

            def change() -> None:
                with self.store.transaction():
                    if keys[-1] != keys[0]:  # moved to another area or year: the old one goes
                        svc.delete_population(self.store, area_id, fy)
                    self._record(v, year_)

            self._perform(f"Change population of {name} for {fy.label}", keys, change)

        values = {"area": area_id, "year": fy.label, "population": f"{held.population:,}", "source": held.source}
        return self._form(f"Population of {name}, {fy.label}", f"The population of {name} for {fy.label}.", commit,
                          values=values, correcting=True, old=(area_id, fy.label))

    def _record(self, v: dict[str, Any], year: FinancialYear) -> None:
        svc.set_population(self.store, v["area"], year, svc.read_population(v["population"]),
                           source=(v["source"] or "").strip())

    def _perform(self, text: str, keys: list[tuple[str, str]], change: Callable[[], Any]) -> None:
        """One step of Edit > Undo: undo and redo put each (area, year)'s population back as it was either side."""
        store = self.store

        def snap(k) -> list[tuple[str, str, svc.Population | None]]:
            return [(a, y, svc.get_population(store, a, FinancialYear.parse(y))) for a, y in k]

        def restore(rows) -> None:
            with store.transaction():
                for a, y, pop in rows:
                    if pop is None:
                        svc.delete_population(store, a, FinancialYear.parse(y))
                    else:
                        svc.set_population(store, a, FinancialYear.parse(y), pop.population, source=pop.source,
                                           as_was=True)

        self.perform(snapshot_action(text, key=tuple(keys), snap=snap, restore=restore, absent=snap, change=change,
                                     after=lambda _k: self._refresh(), tab=TAB))

    def delete_question(self, area_id: str, year: str) -> str:
        fy = FinancialYear.parse(year)
        held = svc.get_population(self.store, area_id, fy)
        name = area_text(self.store, area_id)
        what = f"{held.population:,}" + (f", {held.source}" if held and held.source else "") if held else ""
        earlier = svc.population_for(self.store, area_id, fy.previous())
        then = (f"use {earlier.population:,}" + (f" ({earlier.year}'s)" if earlier.year else "") if earlier else
                "be refused, asking for the population")
        return (f"Remove the population of {name} for {fy.label} ({what})? Figures saved over it keep it; a count "
                f"typed alone for {fy.label} will then {then}. Edit > Undo brings it back.")

    def delete(self, area_id: str, year: str) -> None:
        fy = FinancialYear.parse(year)
        name = area_text(self.store, area_id)
        self._perform(f"Remove population of {name} for {fy.label}", [(area_id, fy.label)],
                      lambda: svc.delete_population(self.store, area_id, fy))
