"""The Commissioning page without Qt: the working set (fund, award, ticks and scales), its saved scenario, the actions.

The working set is what the officer is deciding; the *loaded* scenario is what the file holds under
its name. They are compared field by field, so the page can say "changed since saved" beside the
name, and the window's unsaved-changes guard asks before the ticks are lost. Save writes the loaded
scenario again only while the name is the loaded one's; a different name is always a new scenario
(the loaded one is never overwritten under another name). "Save as new…" always adds one, under a name asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, Sequence

from safer_desk.domain.checks import scale_slip
from safer_desk.domain.commissioning import FundingError
from safer_desk.domain.ids import new_id
from safer_desk.domain.money import MoneyError, format_money, format_percent, parse_pence
from safer_desk.domain.projects import ProjectError, Scale, parse_scale
from safer_desk.domain.text import LazyPattern, as_subject, counted, in_words
from safer_desk.presenters.actions import Action, run_now, snapshot_action
from safer_desk.presenters.events import Event
from safer_desk.presenters import screens
from safer_desk.presenters.screens import ScreenPresenter
from safer_desk.services import funders
from safer_desk.services import projects_commissioning as service
from safer_desk.services.projects_commissioning import Scenario, ScenarioError, ScenarioItem, ScenarioResult
from safer_desk.services.provenance import (NOT_A_COUNTY_FILE, SCENARIOS, RowOrigins, names_said, row_origins,
                                           titles_said)

# An amount typed where a scale goes ("£35K", "35k"): the part of the cost to commit ("6m" may be six months: not one).
_AN_AMOUNT = LazyPattern(r"£|\d\s*k\s*$", re.IGNORECASE)

# A name numbered as "Save as new…" numbers its suggestions ("Retained budget (2)"): its start and its number.
_NUMBERED = LazyPattern(r"^(?P<start>.*\S) \((?P<number>\d+)\)$")
NEW_SCENARIO = "New scenario"  # offered for a set saved as new with no name typed

# Projects a board would no longer commission are left out of the list to tick (unless ticked).
CLOSED = service.CLOSED
NOT_SAVED = "not saved"
CHANGED = "changed since saved"
WHAT_IF = "what-if: this file is open read-only, so it cannot be saved"
FUND_EXAMPLE = "e.g. £50,000"  # the Fund field's: a format to follow (Suffolk's £65,512 was shown to every office)


@dataclass(frozen=True)
class _SetState:
    """What a step of the page's own changes: the ticks and their scales, the award, its year, the end of a range
    counted, and the fund as the set shows it (an award chosen puts its money there)."""

    ticks: tuple[tuple[str, Scale], ...]
    award_id: str | None
    award_year: str
    range_end: str
    fund: tuple[str, str]  # (the fund's text, its label)


class CommissioningPresenter(ScreenPresenter):
    """One working commissioning set, compared with the scenario it was loaded from."""

    tab = "projects"

    def __init__(self, store, *, perform: Callable[[Action], object] = run_now, read_only: bool | None = None):
        super().__init__(perform=perform)
        self.store = store
        self.read_only = bool(store.read_only) if read_only is None else read_only
        self.projects: list = []
        self.origins: RowOrigins = NOT_A_COUNTY_FILE  # where each project came from, in a county file (the register's)
        self.loaded: Scenario | None = None  # the scenario as the file holds it
        self.name = ""
        self.fund_text = ""
        self.fund_label = ""
        self.award_id: str | None = None
        self.award_year = ""
        self.range_end = "upper"
        self.ticks: dict[str, Scale] = {}
        # The page's own steps (a tick, an untick, a scale, a suggestion accepted, an award, its year or the end of a
        # range chosen) since the set was loaded or saved: (what was done, the set on the other side of it, the set
        # as the step left it). Edit > Undo takes these back first, as a box's typing.
        self._ticks_undo: list[tuple[str, _SetState, _SetState]] = []
        self._ticks_redo: list[tuple[str, _SetState, _SetState]] = []
        self.message = ""  # the last refusal or query, shown beside the table
        self.error = ""  # why the last save was refused
        self._query: tuple[str, str] | None = None  # (project id, text) of a scale asked about once
        self.scenarios_changed = Event()
        self._titles: tuple = (None, None, {})  # sentence_titles, with the projects and origins they were read for

    # -- what is shown ---------------------------------------------------------------------------
    def set_projects(self, projects: Sequence, origins: RowOrigins | None = None) -> None:
        """Commission among these projects (``origins``: where each came from, read with them; kept if None)."""
        self.projects = list(projects)
        if origins is not None:
            self.origins = origins
        self.changed.emit()

    def register_edit_words(self, project, *, unsaved: bool) -> str:
        """Said above the table while the Register page holds a change not saved to ``project`` and the page lists
        it: the page counts the register as saved, and a cost typed there is not in its figures until saved."""
        if project is None or not unsaved or not any(p.id == project.id for p in self.projects):
            return ""
        from safer_desk.services.projects import project_name

        return (f"⚠ {project_name(project)} has a change on the Register page not saved yet: it is counted here as "
                "saved. Save it there to count the change.")

    def merged_from(self, project_id: str) -> str:
        """The office a project of a county file came from ("Babergh office"); "" in an office's own file."""
        return self.origins.of(project_id)

    def named(self, project) -> str:
        """A project as a list names it: "1. Outreach worker"; in a county file where another project of the
        register has its title (two offices may each have an "Outreach worker" 1), with where it came from ("1.
        Outreach worker (merged from Babergh office)"). Said of every project, the offices' names drowned the list
        of a county file whose offices all sent the same projects."""
        name = f"{project.ref}. {project.title}" if project.ref else project.title
        county_twin = self.origins.shown and project.id in self.sentence_titles()  # (own file's: the ref says it)
        return f"{name} ({self.origins.phrase(project.id)})" if county_twin else name

    def titled(self, project) -> str:
        """A project as a sentence about it names it: its title, with where it came from where another project of a
        county file has that title too ("Outreach worker (merged from Babergh office): no cost is stated …"), with
        its ref where another of an office's own file has it ("17. Outreach worker: …"): ``titles_said``."""
        return as_subject(self.sentence_titles().get(project.id, project.title))  # "offenders.: …" read twice stopped

    def sentence_titles(self) -> dict[str, str]:
        """The projects whose title alone does not say which they are (another has it too), by id, each as a
        sentence names it (``titles_said``); read once per register and origins."""
        projects, origins, titles = self._titles
        if projects is not self.projects or origins is not self.origins:  # (each is replaced whole, never changed)
            titles = titles_said(self.projects, self.origins)
            self._titles = (self.projects, self.origins, titles)
        return titles

    def shown_projects(self) -> list:
        return [p for p in self.projects if p.status not in CLOSED or p.id in self.ticks]

    def scenarios(self) -> list[Scenario]:
        return service.list_scenarios(self.store)

    def scenario_choices(self, scenarios: Sequence[Scenario] | None = None) -> list[tuple[str, str]]:
        """(id, name as the Scenario lists say it) of each saved scenario: one merged into a county file with its
        office, "Option A (merged from Babergh office)"; its name alone in an office's own file."""
        saved = self.scenarios() if scenarios is None else scenarios
        said = names_said(saved, row_origins(self.store, SCENARIOS))
        return [(s.id, said.get(s.id, s.name)) for s in saved]

    def awards(self):
        return funders.list_awards(self.store)

    def fund_pence(self) -> int | None:
        """The fund the set is against: the award's money for its year when it gives an amount (what the summary
        counts, whatever is typed over it), else the fund typed."""
        award = self.award()
        amount = service.award_fund(award, self.award_year or None)[0] if award is not None else None
        if amount is not None:
            return amount
        try:
            pence = parse_pence(self.fund_text)
        except MoneyError:
            return None
        return pence if pence >= 0 else None

    def award_fund_words(self) -> str:
        """While the chosen award gives the fund, why the Fund field cannot be typed in (what it shows is the
        award's money); "" when the fund is the one typed. Typed over an award, a fund was silently not counted."""
        award = self.award()
        amount, year = service.award_fund(award, self.award_year or None) if award is not None else (None, "")
        if amount is None:
            return ""
        return (f"{award.name} gives {format_money(amount)}{f' for {year}' if year else ''}: the fund is the award's "
                "money. To commission against another fund, choose “(none: the fund typed)” under Award.")

    def follow_award(self) -> None:
        """The award corrected under the page (View > Funders' Awards…, or an undo): the fund shown is what it gives
        now, as the summary, What fits? and Save count it, and the page says so."""
        award = self.award()
        amount, year = service.award_fund(award, self.award_year or None) if award is not None else (None, "")
        whole = self._whole_award(award) if amount is not None else ""
        if amount is None or (self.fund_text == format_money(amount) and not whole):
            return
        shown = f" (the fund showed {self.fund_text.strip()})" if self.fund_text.strip() else ""
        self.message = whole or (f"{award.name} gives {format_money(amount)}{f' for {year}' if year else ''}{shown}: "
                                 "the scenario counts the award's amount.")
        self.fund_text = format_money(amount)
        self._changed()

    def fund_problem(self) -> str:
        if not self.fund_text.strip():
            return ""
        try:
            pence = parse_pence(self.fund_text)
        except MoneyError as exc:
            return f"Fund: {exc}"
        return "Fund: a fund cannot be negative." if pence < 0 else ""

    def award_years(self) -> list[str]:
        """The award's years to choose among (with the year saved, should the award no longer give it)."""
        award = self.award()
        if award is None:
            return []
        years = service.award_years(award)
        if not self.award_year or self.award_year in years or award.total_over_years:  # a total: for all its years
            return years
        return sorted([*years, self.award_year])

    def award(self):
        if not self.award_id:
            return None
        try:
            return funders.get_award(self.store, self.award_id)
        except FundingError:  # an award deleted since: the typed fund is used
            return None

    def _in_file(self, award_id: str | None) -> str | None:
        """The award id while the award is in the file; None once it is deleted (the scenarios against it lose the
        link: the page shows and saves the fund, as the file's scenario now holds it; an undo links them again)."""
        if not award_id:
            return None
        try:
            funders.get_award(self.store, award_id)
        except FundingError:
            return None
        return award_id

    def _in_register(self) -> Callable[[str], bool]:
        """Whether a ticked project is in the register: one taken out since it was ticked keeps its tick (an undo of
        the delete brings it back ticked), but is neither counted nor saved, nor asked about. Until the register is
        read (a large one is read in the background) every tick counts."""
        ids = {p.id for p in self.projects}
        return lambda project_id: not ids or project_id in ids

    def items(self) -> tuple[ScenarioItem, ...]:
        order = {p.id: i for i, p in enumerate(self.projects)}
        listed = self._in_register()
        return tuple(ScenarioItem(pid, scale) for pid, scale in sorted(self.ticks.items(),
                                                                      key=lambda kv: order.get(kv[0], 0))
                     if listed(pid))

    def evaluation(self, items: Sequence[ScenarioItem] | None = None) -> ScenarioResult:
        """The working set worked out (against a fund of nothing while none is typed): the rows the table shows
        and, when there is a fund or an award, the result (``result``). One evaluation serves both. ``items``:
        these ticks instead of the working set's."""
        award = self.award()
        awards = self.awards() if award is not None else ()
        items = self.items() if items is None else tuple(items)
        result = service.evaluate(self.projects, self.fund_pence() or 0, items, name=self.name.strip(),
                                  fund_label=self.fund_label, award=award,
                                  award_year=self.award_year if award is not None else None,
                                  range_end=self.range_end, awards=awards, names=self.sentence_titles(),
                                  origins=self.origins)
        return result

    def result(self, evaluation: ScenarioResult | None = None) -> ScenarioResult | None:
        """The scenario's result; None until a fund is typed or an award giving one chosen (an award that gives no
        amount for its year, with no fund typed, is not a fund of £0 over-committed by every tick)."""
        evaluation = evaluation or self.evaluation()
        return None if self.fund_pence() is None else evaluation

    def fund_presets(self) -> list[tuple[str, int]]:
        """The funds offered in one click: seed 000's (Suffolk's 2009/10 retained budget and PRG shares) in a file of a
        Suffolk office, or of none named yet, none to another county's office, whose papers they are not; then each
        saved top-slice's partner share and its ± scenarios, to any office (session 71: typed again by hand)."""
        papers = self.paper_funds()
        # The example's saved 2009/10 top-slice is the papers' PRG share: offered once, as the papers name it.
        given = {pence for _, pence in papers}
        saved = [(label, pence) for label, pence in service.top_slice_funds(self.store) if pence not in given]
        return [*papers, *saved]

    def paper_funds(self) -> list[tuple[str, int]]:
        """Seed 000's funds, to a Suffolk office (or one naming no office yet) only."""
        from safer_desk.services import reference as ref

        scope = ref.office_scope(self.store)
        if scope.is_set or scope.is_county_file:
            county = ref.office_county(self.store)
            if county is None or county.name.casefold() != "suffolk":
                return []
        return service.fund_presets()

    def chosen_preset(self, offered: Sequence[tuple[str, int]] | None = None) -> tuple[str, int] | None:
        """The fund offered (``fund_presets``, or ``offered`` as the box holds them) that is the fund, while it is:
        chosen, or saved so; None once another amount is typed or an award gives the fund (the box, left on "PRG
        share: £145,034.60" beside a fund of £100,000 typed, named two funds)."""
        if not self.fund_label:
            return None
        pence = self.fund_pence()
        return next(((label, amount) for label, amount in (self.fund_presets() if offered is None else offered)
                     if label == self.fund_label and amount == pence), None)

    def fund_presets_prompt(self) -> str:
        """The first line of the box of funds: where they come from."""
        papers = bool(self.paper_funds())
        saved = len(self.fund_presets()) > len(self.paper_funds())
        if papers and saved:
            return "Choose a fund from the papers or a saved top-slice…"
        return "Choose a fund from a saved top-slice…" if saved else "Choose a fund from the papers…"

    def no_fund_words(self) -> str:
        """What the page says while no fund is typed and no award chosen gives one."""
        award = self.award()
        if award is None:
            if not self.awards():
                # "or choose a funder's award" where Against award offered none: a new office was not told where an
                # award is made (session 71).
                papers = " or choose one from the papers" if self.fund_presets() else ""
                return (f"Type a fund{papers}, then tick projects. To commission against a funder's award (the PCC's "
                        "grant), add it in View > Funders' Awards… and choose it under Against award.")
            if not self.fund_presets():
                return "Type a fund or choose a funder's award, then tick projects."
            return "Type a fund, choose one from the papers or a funder's award, then tick projects."
        year = service.award_fund(award, self.award_year or None)[1]
        return f"{award.name} gives no amount{f' for {year}' if year else ''}: type the fund the scenario is against."

    def committed(self, evaluation: ScenarioResult | None = None) -> dict[str, int | None]:
        """Each ticked project's committed figure as the summary adds it up (its scale of what the scenario
        counts: against an award, the funder's share); None where no cost is stated."""
        rows = (evaluation or self.evaluation()).rows
        return {r.project.id: None if r.cost_pence is None else r.scaled_pence for r in rows}

    def scale_words(self, evaluation: ScenarioResult | None = None) -> dict[str, str]:
        """What the Scale column says of a ticked project in place of its scale, by id: "nothing (withdrawn)" for one
        withdrawn or declined since (``service.scale_words``, as the export says it)."""
        return service.scale_words(evaluation or self.evaluation())

    def working(self, scenario_id: str | None = None) -> Scenario:
        loaded = self.loaded
        return Scenario(scenario_id or (loaded.id if loaded else new_id()), self.name.strip(),
                        self.fund_pence() or 0, self.fund_label, loaded.notes if loaded else "", self.items(),
                        loaded.created_at if loaded else "", "", self._in_file(self.award_id), self.award_year,
                        self.range_end)

    # -- saved or not --------------------------------------------------------------------------------
    def _key(self, s: Scenario) -> tuple:
        listed = self._in_register()
        ticks = tuple(sorted((i.project_id, i.scale) for i in s.items if listed(i.project_id)))
        return (s.name.strip(), s.fund_pence, s.fund_label, ticks,
                self._in_file(s.award_id), s.award_year, s.range_end)

    def is_modified(self) -> bool:
        """True when the working set differs from its saved scenario (or has ticks and none is saved)."""
        if self.loaded is None:
            return bool(self.items())
        return self._key(self.working()) != self._key(self.loaded)

    def has_unsaved_changes(self) -> bool:
        return not self.read_only and self.is_modified()

    def status_text(self) -> str:
        """Said beside the name: "not saved", "changed since saved", or nothing when it is as saved; in a file open
        read-only, a set ticked or changed is a what-if, and says it cannot be saved."""
        if self.loaded is None:
            status = NOT_SAVED if self.items() or self.name.strip() else ""
        else:
            status = CHANGED if self.is_modified() else ""
        return WHAT_IF if status and self.read_only else status

    def paper_title(self, result: ScenarioResult) -> str:
        """The title Export… and Print to PDF… give the set: its name, and what is said beside it when it is not the
        scenario saved under that name ("Retained budget 2009/10 (changed since saved)"): titled with the name
        alone, a board took £195,000 committed for the saved scenario's £65,000."""
        status = self.status_text()
        return f"{result.name} ({status})" if status and result.name else result.name

    def not_saved_why(self) -> str:
        """Why File > Save (Ctrl+S) saves nothing of a set ticked or changed in a file open read-only (it is no
        unsaved change to ask about: it cannot be saved); "" when there is no such what-if."""
        return self.read_only_refusal() if self.read_only and self.status_text() else ""

    def read_only_refusal(self) -> str:
        """What Save is told in a file open read-only (another copy of it open, or a county file opened to read), in
        the words the Budgets tab and the Projects register use."""
        name = self.name.strip() or (self.loaded.name if self.loaded is not None else "")
        what = f"Save scenario {name}" if name else "Save scenario"
        return (f"{screens.read_only_refusal(what)} The projects ticked are a what-if, kept here until the file is "
                "closed; to save them as a scenario, use File > Save a Copy… and work in the copy.")

    def describe_unsaved(self) -> str:
        if self.loaded is None:
            return f"The commissioning set {self.name.strip() or '(no name)'} is not saved as a scenario."
        return f"The commissioning set differs from its saved scenario “{self.loaded.name}”."

    # -- edits ---------------------------------------------------------------------------------------
    def _changed(self) -> None:
        self.changed.emit()

    def set_name(self, text: str) -> None:
        if text != self.name:
            self.name = text
            self._changed()

    def set_fund(self, text: str, label: str = "") -> None:
        if text != self.fund_text or label != self.fund_label:
            self.fund_text, self.fund_label = text, label
            self._changed()

    def set_award(self, award_id: str | None, year: str = "") -> None:
        """Commission against a funder's award: the fund is its amount for the year, each project its share."""
        if award_id and award_id == self.award_id and not year:  # the award chosen again: its year is kept
            year = self.award_year
        before, was, state = self.award(), (self.award_id, self.award_year), self._state()
        self.award_id = award_id or None
        award = self.award()
        if award is None and before is not None and self.fund_label == before.name:
            self.fund_label = ""  # the award taken off: an export's title no longer names it
        if award is not None:
            amount, year = service.award_fund(award, year or None)
            if amount is not None:
                self.fund_text, self.fund_label = format_money(amount), award.name
        self.award_year = year if award is not None else ""
        if (self.award_id, self.award_year) != was:  # what was said of the fund was of the award and year left
            self.message = ""
        if self.award_id == was[0] and self.award_year != was[1]:
            words = f"Choose {self.award_year or 'no year'} of {award.name if award is not None else 'the award'}"
        elif award is not None:
            words = f"Choose award {award.name}{f' for {self.award_year}' if self.award_year else ''}"
        else:
            words = "Choose no award (the fund typed)"
        self._tick_step(words, state)
        self._changed()

    def set_award_year(self, year: str) -> None:
        """Commit against another of the award's years: the fund becomes that year's money."""
        if self.award() is not None and year and year != self.award_year:
            self.set_award(self.award_id, year)

    def set_range_end(self, end: str) -> None:
        """Count each cost range at its "upper" or "lower" end."""
        if end not in service.RANGE_ENDS:
            raise ScenarioError("Count a cost range at its upper or lower end.")
        if end != self.range_end:
            state = self._state()
            self.range_end = end
            self._tick_step(f"Count cost ranges at their {end} end", state)
            self._changed()

    # -- the page's own undo: ticks not yet saved -----------------------------------------------------
    def _state(self) -> _SetState:
        return _SetState(tuple(self.ticks.items()), self.award_id, self.award_year, self.range_end,
                         (self.fund_text, self.fund_label))

    def _tick_step(self, words: str, before: _SetState) -> None:
        """A change of the set (``before``: as it was) is a step Edit > Undo takes back, named by ``words``."""
        after = self._state()
        if before != after:
            self._ticks_undo.append((words, before, after))
            self._ticks_redo.clear()

    def _forget_tick_steps(self) -> bool:
        """The ticks' steps kept no longer (another set in view, the set saved); True when there were any."""
        had = bool(self._ticks_undo or self._ticks_redo)
        self._ticks_undo.clear()
        self._ticks_redo.clear()
        return had

    def forget_tick_steps(self) -> None:
        """A change made to the file since the ticks: Edit > Undo takes back that change, newer than any tick."""
        if self._forget_tick_steps():
            self._changed()

    @property
    def tick_undo_text(self) -> str:
        """What Edit > Undo takes back of the set not saved ("Tick Recre8"); "" when it has nothing of its own."""
        return self._ticks_undo[-1][0] if self._ticks_undo else ""

    @property
    def tick_redo_text(self) -> str:
        return self._ticks_redo[-1][0] if self._ticks_redo else ""

    def undo_tick(self) -> str:
        """Take back the last tick, untick, scale or suggestion accepted (what it was: "" when there is none)."""
        return self._step_ticks(self._ticks_undo, self._ticks_redo)

    def redo_tick(self) -> str:
        return self._step_ticks(self._ticks_redo, self._ticks_undo)

    def _step_ticks(self, source: list, target: list) -> str:
        """Put the set back as it was on the other side of the last step of ``source``. A fund typed since the step
        is kept (the step's fund, an award's money it put there, is put back only while the fund is as it left
        it); an award put back that gives the fund shows its money, and Redo brings back what was typed."""
        if not source:
            return ""
        words, other, left = source.pop()
        now = self._state()
        self.ticks = dict(other.ticks)
        self.award_id, self.award_year, self.range_end = other.award_id, other.award_year, other.range_end
        typed_since = now.fund != left.fund
        award = self.award()
        amount = service.award_fund(award, self.award_year or None)[0] if award is not None else None
        if not typed_since or amount is not None:
            self.fund_text, self.fund_label = other.fund
            if amount is not None and self.fund_text != format_money(amount):  # (an award corrected: never here)
                self.fund_text = format_money(amount)
        target.append((words, now, self._state()))
        self.message, self._query = "", None
        self._changed()
        return words

    def _project_words(self, project_id: str) -> str:
        project = next((p for p in self.projects if p.id == project_id), None)
        return self.titled(project) if project is not None else "a project"

    def tick(self, project_id: str, on: bool = True) -> None:
        before = self._state()
        if on:
            self.ticks.setdefault(project_id, Scale())
            self._say_if_no_cost(project_id)
        else:
            self.ticks.pop(project_id, None)
            if self.message and self.message == self._no_cost_words(project_id):  # said of a project no longer in
                self.message = ""
        self._tick_step(f"{'Tick' if on else 'Untick'} {self._project_words(project_id)}", before)
        self._changed()

    def _no_cost_words(self, project_id: str) -> str:
        """Said on ticking a project with no cost, which commits nothing: against an award, one whose funder's share
        is stated commits that share (a share not known yet is said among the scenario's problems)."""
        project = next((p for p in self.projects if p.id == project_id), None)
        if project is None or project.planning_pence is not None:
            return ""
        award = self.award()
        if award is not None and service.counted_figure(project, award, self.award_year, self.range_end,
                                                         title=self.titled(project)).cost_pence is not None:
            return ""
        return f"{self.titled(project)}: no cost is stated, so it cannot be committed yet."

    def _say_if_no_cost(self, project_id: str) -> None:
        if words := self._no_cost_words(project_id):
            self.message = words

    def type_scale(self, project_id: str, text: str) -> bool:
        """A scale typed in a project's Scale cell: the project ticked at that scale once it is taken. Refused or
        asked about, the project stays as it was: one not ticked is not committed in full on a figure not taken
        (it was, ticked before the scale was read)."""
        ticked = project_id in self.ticks
        if not self.set_scale(project_id, text):
            return False
        if not ticked:
            self._say_if_no_cost(project_id)
            self._changed()
        return True

    def typing_taken_back(self) -> None:
        """The scale a refusal or a question beside the table was about left as it was (Esc, another cell chosen):
        what was typed is gone, and what was said of it with it (it stayed beside scales all fine)."""
        if self.message or self._query is not None:
            self._query, self.message = None, ""
            self._changed()

    def set_scale(self, project_id: str, text: str) -> bool:
        """Scale a ticked project; False when refused or queried (the message says which and why).

        A scale above 1 is a likely slip (a scale of 6 commits six times the cost): it is asked about
        once, beside the table, and kept when the same figure is typed again.
        """
        said = ""
        try:
            if _AN_AMOUNT.search(str(text)):  # "£35K": the part of the cost to commit (DESIGN 2.1, the pilot)
                scale, said, part = self._scale_of_amount(project_id, str(text))
            else:
                scale = parse_scale(str(text))
                part = Fraction(scale.numerator, scale.denominator)
        except (ProjectError, MoneyError) as exc:
            self.message = str(exc)
            self._changed()
            return False
        slip = scale_slip(part.numerator, part.denominator, months=scale.months, typed=str(text))
        if slip is not None and self._query != (project_id, str(text).strip()):
            self._query = (project_id, str(text).strip())
            question = f"{said} That commits more than the project's whole cost: is that what you meant?" if said \
                else slip.message  # (an amount typed is no number of months)
            self.message = f"{question} Type {str(text).strip()} again to keep it."
            self._changed()
            return False
        self._query = None
        self.message = said
        before = self._state()
        self.ticks[project_id] = scale
        self._tick_step(f"Scale {self._project_words(project_id)} to {scale.describe()}", before)
        self._changed()
        return True

    def _scale_of_amount(self, project_id: str, text: str) -> tuple[Scale, str, Fraction]:
        """An amount typed as a scale ("£35K" of the £105K county-wide cost): the scale, the words saying what it
        is of the figure the scenario counts for the project (against an award, the funder's share), and that part
        of the figure (above 1 for more than the whole: asked about)."""
        pence = parse_pence(text)
        if pence < 0:
            raise ProjectError(f"“{text.strip()}”: a scale cannot be negative.")
        row = next(iter(self.evaluation([ScenarioItem(project_id, Scale())]).rows), None)
        if row is None or not row.cost_pence:
            title = self.titled(row.project) if row is not None else "This project"
            raise ProjectError(f"{title}: no cost is counted, so {format_money(pence)} cannot be read as a part of "
                               "it: type a scale (1/3, 6 of 12 months or 50%).")
        part = Fraction(pence, row.cost_pence)
        # An amount other than the whole or none is kept as typed, committed as typed when the figure counted
        # changes (the other end of a range counted, a funder's share or the cost corrected), its fraction of no
        # account (kept as 1: two offices that typed £50,000 against different costs chose alike). More than the
        # whole is asked about first (set_scale), then kept so too: as the scale it made (£200,000 of £101,500 was
        # 400/203), a corrected cost changed what it committed. The whole of it, or none, is a scale.
        scale = Scale(1, 1, amount_pence=pence) if 0 < part != 1 else Scale(part.numerator, part.denominator)
        of = f"{format_money(row.cost_pence)}" + (f" ({row.counted})" if row.counted else "")
        percent = format_percent(part)
        part_text = f"{part.numerator}/{part.denominator}" if part.denominator <= 12 else \
            "under 0.01%" if percent == "0.00" else f"{percent}%"  # a penny of £10,000 read "0.00%", as if none
        # More (or less) than the whole, by how much: a penny over or short read "100.00% of it", as if the whole.
        part_words = "the whole of it" if scale.is_whole else "none of it" if not pence else \
            f"committed as typed ({format_money(pence - row.cost_pence)} more than the whole of it)" if part > 1 else \
            f"committed as typed ({format_money(row.cost_pence - pence)} less than the whole of it)" \
            if part_text == "100.00%" else f"committed as typed ({part_text} of it now)"
        return scale, f"{self.titled(row.project)}: {format_money(pence)} of {of}: {part_words}.", part

    def accept(self, project_ids: Sequence[str]) -> None:
        before = self._state()
        self.ticks = {pid: Scale() for pid in project_ids}
        # What it ticked, as "Tick Suffolk Strive" names one: "Accept the suggestion of What fits?" read as a question,
        # and alike for any two suggestions accepted
        by_id = {p.id: p for p in self.projects}
        names = [self.titled(by_id[pid]) for pid in project_ids if pid in by_id]
        if len(names) > 3:
            names = [*names[:2], f"{len(names) - 2} more"]
        self._tick_step(f"Accept suggestion: tick {in_words(names)}" if names else "Accept suggestion: tick none",
                        before)
        self._changed()

    def suggest(self):
        fund = self.fund_pence()
        award = self.award()
        return None if fund is None else service.suggest(
            self.shown_projects(), fund, award=award, award_year=self.award_year if award is not None else None,
            range_end=self.range_end)

    def suggestion_text(self, s) -> str:
        """What "What fits?" proposes, in words (nothing is ticked until it is accepted); without a fund to fit
        within (``suggest`` gave None), what it needs."""
        if s is None:
            return self.fund_problem() or "Type the fund first: What fits? proposes the projects within it."
        if not s.keys:
            return "Suggestion: no project with a criterion met fits within the fund."
        by_id = {p.id: p for p in self.projects}
        names = ", ".join(self.named(by_id[k]) for k in s.keys)
        return (f"Suggestion (not applied): {counted(len(s.keys), 'project')} meeting "
                f"{counted(s.score, 'criterion', 'criteria')} in total for "
                f"{format_money(s.cost_pence)}, leaving {format_money((self.fund_pence() or 0) - s.cost_pence)}: "
                f"{names}.")

    # -- load, new, save -----------------------------------------------------------------------------
    def load(self, scenario_id: str) -> None:
        self.show_saved(service.get_scenario(self.store, scenario_id))

    def show_saved(self, scenario: Scenario | None) -> None:
        self.loaded = scenario
        self._forget_tick_steps()  # another set in view: its ticks are as the file holds them
        if scenario is None:
            self.name, self.fund_label, self.award_id, self.award_year, self.range_end = "", "", None, "", "upper"
            self.ticks = {}
        else:
            self.name, self.fund_text, self.fund_label = scenario.name, format_money(scenario.fund_pence), \
                scenario.fund_label
            self.award_id, self.award_year, self.range_end = scenario.award_id, scenario.award_year, scenario.range_end
            self.ticks = {i.project_id: i.scale for i in scenario.items}
        self.message, self._query = "", None
        award = self.award() if scenario is not None else None
        if award is not None:  # the award corrected since: the fund is what it gives now, as the summary counts it
            amount, year = service.award_fund(award, self.award_year or None)
            if amount is not None and amount != scenario.fund_pence:
                self.fund_text = format_money(amount)
                self.message = (f"{award.name} now gives {format_money(amount)}{f' for {year}' if year else ''}; the "
                                f"scenario was saved with {format_money(scenario.fund_pence)}. Save to keep the "
                                "award's amount.")
            self.message = self._whole_award(award) or self.message
        elif scenario is not None and not scenario.award_id and scenario.award_year:  # its award deleted since
            label = f" ({scenario.fund_label})" if scenario.fund_label else ""
            self.message = (f"The award this scenario was against for {scenario.award_year}{label} is no longer in "
                            f"the file: it counts the fund saved with it, {format_money(scenario.fund_pence)}, and "
                            "each project's whole cost, not a funder's share.")
        self._changed()

    def _whole_award(self, award) -> str:
        """An award corrected to one total over several years, not split by year, under a scenario saved for one of
        them: the scenario is against the whole award (as its summary, What fits? and the report count it), and the
        year is dropped; what is said of it ("" when the scenario is for no one year or the award is split)."""
        if not (award.total_over_years and self.award_year):
            return ""
        year, self.award_year = self.award_year, ""
        return (f"{award.name} is now {award.amount_text()}, not split by year: the scenario for {year} is against the "
                "whole award. Save to keep it.")

    def new(self) -> None:
        """A fresh working set; the fund typed is kept (it is usually the same pot)."""
        self.show_saved(None)

    def discard(self) -> None:
        self.show_saved(self.loaded)

    def save(self) -> bool:
        """Save: the loaded scenario again while its name is unchanged; under another name, a new one."""
        if self.read_only:
            return self._refuse_read_only()
        if self.loaded is not None and self.name.strip() == self.loaded.name.strip():
            if not self.is_modified():
                return True  # as saved already: nothing written, no step to undo
            return self._write(self.loaded.id, f"Save scenario “{self.name.strip()}”")
        return self.save_as_new()

    def save_as_new(self, name: str | None = None) -> bool:
        """Save the working set as a new scenario, under ``name`` when given (Save as new… asks for it: the set then
        has that name; refused, the set keeps the name it had), else under the name typed."""
        if name is None:
            return self._write(new_id(), f"Save new scenario “{self.name.strip()}”")
        if self.refused():
            return False
        typed, self.name = self.name, name.strip()
        if self._write(new_id(), f"Save new scenario “{self.name}”"):
            return True
        self.name = typed
        self._changed()
        return False

    def suggested_name(self) -> str:
        """The name Save as new… offers: the name typed (else the loaded scenario's) while no scenario has it, else
        the first of "… (2)", "… (3)" … that none has."""
        name = self.name.strip() or (self.loaded.name.strip() if self.loaded is not None else "") or NEW_SCENARIO
        taken = {s.name.strip() for s in self.scenarios()}
        if name not in taken:
            return name
        numbered = _NUMBERED.match(name)
        start, number = (numbered["start"], int(numbered["number"]) + 1) if numbered else (name, 2)
        while f"{start} ({number})" in taken:
            number += 1
        return f"{start} ({number})"

    def _refuse_read_only(self) -> bool:
        self.error = self.read_only_refusal()
        self._changed()
        return False

    def refused(self) -> bool:
        """Whether the working set cannot be saved as it is (read-only; no fund, or one that is not an amount): the
        reason is then in ``error`` (and beside the table), before any name is asked for."""
        if self.read_only:
            self._refuse_read_only()
            return True
        problem = self.fund_problem()
        if not problem and not self.fund_text.strip():  # saved as £0, it would say over-committed by every tick
            problem = ("Fund: type the fund the scenario is against (or choose a funder's award) before saving it."
                       if self.award() is None else f"Fund: {self.no_fund_words()}")
        if problem:
            self.message = self.error = problem
            self._changed()
            return True
        return False

    def _write(self, scenario_id: str, text: str) -> bool:
        if self.refused():
            return False
        scenario = self.working(scenario_id)
        store, before = self.store, self.loaded

        def after(k: str) -> None:
            listed = {s.id: s for s in service.list_scenarios(store)}
            if self._showing(k, before):  # another scenario chosen since stays in view, as saved
                if k in listed and self._key(listed[k]) == self._key(scenario) != self._key(self.working()):
                    # Redone after the set was discarded (Edit > Redo asks about unsaved ticks first): the scenario
                    # redone is shown as saved, not the one the set was discarded back to under its name.
                    self.show_saved(listed[k])
                elif k in listed:
                    self.loaded = listed[k]
                elif self.loaded is not None and self.loaded.id == k:
                    # A new scenario undone: the set is again the one it was loaded from (changed), if still saved.
                    self.loaded = listed.get(before.id) if before is not None else None
            self.scenarios_changed.emit()
            self._changed()

        try:
            self.perform(self._scenario_action(text, scenario.id, lambda: service.save_scenario(store, scenario),
                                               after))
        except ScenarioError as exc:
            self.message = str(exc)
            self.error = str(exc)
            self._changed()
            return False
        self.message = self.error = ""
        self._forget_tick_steps()  # saved: Edit > Undo now takes back the save, which puts the ticks back too
        self._changed()
        return True

    def _showing(self, scenario_id: str, before: Scenario | None) -> bool:
        """Whether the page still shows the set a step on ``scenario_id`` was made from (``before``: the scenario it
        was loaded from then): an undo or redo of it after another scenario was chosen leaves that one in view."""
        shown = self.loaded.id if self.loaded is not None else None
        return shown in (scenario_id, before.id if before is not None else None)

    def _scenario_action(self, text: str, scenario_id: str, change: Callable[[], Any],
                         after: Callable[[str], None]) -> Action:
        """One undoable step on a saved scenario: undo and redo put its rows back exactly as they were either side
        (a tick's id included), then after(scenario id) shows what the file holds."""
        store = self.store
        return snapshot_action(text, key=scenario_id, snap=lambda k: service.snapshot_scenario(store, k),
                               restore=lambda snap: service.put_back_rows(store, snap),
                               absent=lambda k: service.ScenarioRows(k, None), change=change, after=after, tab=self.tab)

    def delete_question(self) -> str:
        """What Delete asks first of the scenario loaded; in a county file, of one an office sent, that the office's
        next export puts it back."""
        if self.loaded is None:
            return ""
        back = row_origins(self.store, SCENARIOS).comes_back_words([self.loaded.id])
        return f"Delete the scenario “{self.loaded.name}”?{' ' + back if back else ''}"

    def delete(self) -> bool:
        if self.loaded is None or self.read_only:
            return False
        scenario = self.loaded
        store = self.store

        def after(k: str) -> None:
            exists = any(s.id == k for s in service.list_scenarios(store))
            if self._showing(k, None):
                if exists and self.loaded is None and not self.items() and not self.name.strip():
                    self.show_saved(scenario)  # undone after the set was discarded (Edit > Undo asks first): shown
                else:
                    self.loaded = scenario if exists else None
            self.scenarios_changed.emit()
            self._changed()

        self.perform(self._scenario_action(f"Delete scenario “{scenario.name}”", scenario.id,
                                           lambda: service.delete_scenario(store, scenario.id), after))
        return True
