"""The Allocation tab without Qt: the working inputs, their result, the scenario they came from, the actions.

Built on ``services.allocation_workbench`` (each edit a pure function from one working state to the
next). Every edit is an ``Action`` (undoable, named); the working inputs are kept in the file as the
draft at each edit, so leaving the tab or the file loses nothing. Whether they differ from the saved
scenario they came from is said beside the scenario's name. Save writes that scenario again only
while the name is its own; under another name (or with Save as new) a new scenario is added, so a
loaded scenario is never overwritten under another name.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any, Callable, NamedTuple, Sequence

from safer_desk.domain.allocation import (AllocationError, AllocationResult, TopSliceResult, equal_shares_note,
                                          format_weight, parse_percent, parse_units, redistribution_shares,
                                          setting_percent_text, top_slice)
from safer_desk.domain.checks import NumberError
from safer_desk.domain.money import MoneyError, format_money, parse_pence
from safer_desk.domain.enums import LabelledEnum
from safer_desk.domain.periods import FinancialYear
from safer_desk.domain.text import in_words, typed_name_key
from safer_desk.exchange.files import Sheet
from safer_desk.presenters.actions import Action, run_now, snapshot_action
from safer_desk.presenters.events import Event
from safer_desk.presenters.screens import ScreenPresenter, read_only_refusal
from safer_desk.services import allocation as service
from safer_desk.services import allocation_workbench as bench
from safer_desk.services.files import DatabaseError
from safer_desk.services.provenance import ALLOCATIONS, TOP_SLICES, RowOrigins, row_origins

class Rounding(LabelledEnum):
    """How the variable part is rounded (stored in a scenario's ``rounding``). Named short enough to be read whole in
    the Rounding box on a laptop ("Shares to 0.01% first (legacy)" showed as "Shares to 0.01% firs" at 1093x582); what
    each does is in ``ROUNDING_EXPLAINED``, the box's tooltip."""

    EXACT = ("exact", "Exact shares")
    PERCENT_2DP = ("percent-2dp", "Shares to 0.01%")


ROUNDING_EXPLAINED = {  # by stored value
    Rounding.EXACT.value: ("Exact shares (the default): the variable part split by each partnership's exact share, "
                           "the last pounds to the largest remainders."),
    Rounding.PERCENT_2DP.value: ("Shares to 0.01% (the county's legacy spreadsheet): each share rounded to a "
                                 "two-decimal percentage (9.08%, 29.51% …) before multiplying, as the 2009/10 paper's "
                                 "figures were."),
}


class RoundingUnit(LabelledEnum):
    """What each partnership's amount is rounded to (stored in a scenario's ``unit``)."""

    POUND = ("pound", "Whole pounds")
    PENNY = ("penny", "Pennies")


class SplitRule(LabelledEnum):
    """How money not committed by the deadline is shared back (seed 000)."""

    BASIS = ("basis", "By the crime-share basis (the factors' shares)")
    ALLOCATION = ("allocation", "Pro rata to this year's allocation")


class EditedAt(NamedTuple):
    """Where an edit of the working inputs is, for Edit > Undo and Redo to choose it (the officer sees what went back):
    ``table`` "inputs" (rows by position, ``columns`` by key; none: the whole rows), "factors" (rows and columns by
    position) or "option" (``columns`` the option's key)."""

    table: str
    rows: tuple[int, ...] = ()
    columns: tuple[Any, ...] = ()


# The examples shown in blank fields: a format to follow, not one office's figures (Suffolk's 2009/10 pot, £589,608,
# of £655,120 was shown to every office, a Plymouth or Cardiff one too).
POT_EXAMPLE = "e.g. £500,000"
PREVIOUS_TOTAL_EXAMPLE = "e.g. £550,000"


def year_example(today: date | None = None) -> str:
    """The example of a scenario's year: this financial year ("2026/27"), not the 2009/10 of Suffolk's paper."""
    return FinancialYear.of(today or date.today()).label


NOT_SAVED = "not saved as a scenario"
CHANGED = "changed since saved"
NEW_NAME = "a new name: Save adds it as a new scenario"  # a name or year typed in Working on other than the loaded's
# The loaded scenario's own name typed another way (case, dashes or spacing) for its year: a name is the year's own, so
# Save cannot add it as a new scenario; Rename… is what changes how it is written.
RETYPED = "its name retyped: Rename… changes it"  # no longer than NEW_NAME: the options keep their room


class AllocationPresenter(ScreenPresenter):
    tab = "allocation"

    def __init__(self, store, *, perform: Callable[[Action], object] = run_now, read_only: bool | None = None):
        super().__init__(perform=perform)
        self.store = store
        self.read_only = bool(store.read_only) if read_only is None else read_only
        self.loaded: service.Scenario | None = None
        # The name and year typed in Working on: the loaded scenario's when opened, then kept through edits (the
        # tab shows them back), so Save under a typed name adds a scenario rather than overwriting the loaded one.
        self.name = ""
        self.year = ""
        self.state = bench.empty_state()
        self.result: AllocationResult | None = None
        self.problem = ""
        self.error = ""  # why the last save was refused
        self.scenarios_changed = Event()  # with the scenario changed (its id): the list shows it, if it is there
        self.top_slices_changed = Event()  # with the top-slice saved, or its save undone or redone (its id)
        self.top_slice_error = ""  # why the last top-slice was not saved
        # Where the edit an undo or a redo is putting back is, while the tab redraws (``apply``): the tab chooses it.
        self.undone_at: EditedAt | None = None
        self._start()

    # -- the working state ---------------------------------------------------------------------------
    def _scenario(self, scenario_id: str | None) -> service.Scenario | None:
        if not scenario_id:
            return None
        try:
            return service.load_scenario(self.store, scenario_id)
        except service.ScenarioError:
            return None

    def _title(self, scenario_id: str) -> str:
        """How Edit > Undo names a saved scenario ("2009/10 — Option B": a name is the year's own)."""
        scenario = self._scenario(scenario_id)
        return scenario.title if scenario is not None else scenario_id

    def _start(self) -> None:
        """The draft kept in the file (and the scenario it came from), else the agreed scenario (reads only)."""
        draft = service.load_draft(self.store)
        if draft is not None:
            set_aside = service.load_draft_set_aside(self.store) if draft[1].pot_pence is not None else None
            self.state = bench.WorkState(tuple(draft[0]), draft[1], set_aside)
            origin = service.load_draft_origin(self.store)
            # Said to be no saved scenario's, they stay so; a scenario removed since (or an origin never kept) is
            # looked for among the saved ones holding the same inputs.
            self.loaded = None if origin == "" else self._scenario(origin) or self._same_as_saved()
        else:
            chosen = service.adopted_scenario(self.store)
            self.loaded = self._scenario(chosen.id if chosen else None)
            if self.loaded is not None:
                self.state = bench.WorkState(self.loaded.partnerships, self.loaded.options)
        self._name_from(self.loaded)
        if (typed := service.load_draft_working_on(self.store)) is not None:
            self.name, self.year = typed  # as typed in Working on, kept with the inputs
        self.result, self.problem = self.state.calculate()

    def _name_from(self, scenario: service.Scenario | None) -> None:
        if scenario is not None:
            self.name, self.year = scenario.name, scenario.year

    def set_name(self, name: str) -> None:
        """What is typed in Working on; kept until a scenario is opened or saved (in the file, with the inputs)."""
        if (name or "") != self.name:
            self.name = name or ""
            self._keep_working_on()

    def set_year(self, year: str) -> None:
        if (year or "") != self.year:
            self.year = year or ""
            self._keep_working_on()

    def _keep_working_on(self) -> None:
        if self.read_only:
            return
        try:
            service.save_draft_working_on(self.store, self.name, self.year)
        except (DatabaseError, OSError):  # as the draft: a convenience
            pass

    def export_title(self) -> str:
        """The exported workbook's title: which allocation it is ("Allocation 2009/10 — Option 2 (Babergh office)"),
        the year and name as Working on shows them, and whose, as the other exports' titles say theirs."""
        said = " — ".join(filter(None, (self.year.strip(), self.name.strip())))
        office = getattr(self.store, "office_name", "")
        return " ".join(filter(None, ("Allocation", said, f"({office})" if office else "")))

    def export_sheets(self, result, *, workbook: bool, names=None, said: str = "",
                      total_label: str = "Totals") -> list:
        """The results as Export… writes them (``service.result_sheets``, a workbook's shares as numbers). In a county
        file each partnership's row ends with where the allocation came from (*Merged from*: "Babergh office"), as the
        county workbook's Allocation sheet and the other county exports say it; its totals line names none.
        ``names``: the partnerships the Results table shows, in its order, when a filter or a sort is on; ``said``
        ("1 of 7 partnerships (as filtered: …)") goes in the title, and ``total_label`` on the totals line, when a
        filter hides some (ui/kit/exports.py: an export holds what the table shows)."""
        title = self.export_title() + (f": {said}" if said else "")
        sheets = service.result_sheets(result, title=title, shares_as_numbers=workbook, more=self.last_year_warnings(),
                                       names=names, total_label=total_label)
        origins = row_origins(self.store, ALLOCATIONS)
        if not origins.shown:
            return sheets
        held = {r.name for r in result.rows}
        first, parts = sheets[0], len(result.rows) if names is None else sum(1 for name in names if name in held)
        said = RowOrigins({"part": self.came_from(origins), "totals": ""}, shown=True)
        return [said.in_sheet(first, ["part"] * parts + ["totals"] * (len(first.rows) - parts)), *sheets[1:]]

    def came_from(self, origins: RowOrigins) -> str:
        """Where the allocation in view came from, in a county file: the office that sent the saved one opened
        ("Babergh office"), with ", changed in the county file (not saved)" once its inputs are changed here;
        "Typed in the county file" for one typed here."""
        typed = origins.typed
        if self.loaded is None:
            return typed
        words = origins.of(self.loaded.id) or typed
        changed = self.status_text() in (CHANGED, NEW_NAME, RETYPED)
        return f"{words}, changed in the county file (not saved)" if changed and words != typed else words

    def last_year_warnings(self) -> tuple[str, ...]:
        """What is said when the Last year column holds the figures the year before's allocation was itself compared
        with, not what it allocated (``service.last_year_carried_over``), said after the formula's warnings."""
        if not self.state.partnerships:
            return ()
        try:
            words = service.last_year_carried_over(self.store, self.year, self.state.partnerships, self.state.options)
        except (service.ScenarioError, AllocationError, DatabaseError):  # a saved scenario the rules no longer meet
            return ()
        return (words,) if words else ()

    def _same_as_saved(self) -> service.Scenario | None:
        for summary in service.list_scenarios(self.store):
            scenario = self._scenario(summary.id)
            if scenario is not None and self._same(scenario):
                return scenario
        return None

    def _same(self, scenario: service.Scenario) -> bool:
        return (tuple(self.state.partnerships), self.state.options) == (tuple(scenario.partnerships), scenario.options)

    def warnings(self) -> tuple[str, ...]:
        """What the money helper said about the split: weights rescaled, odd pence placed, damping; and Last year
        figures that are the year before's own last year's."""
        if self.result is None:
            return ()
        return (*self.result.warnings, *self.last_year_warnings())

    def _set(self, state: bench.WorkState, loaded: service.Scenario | None) -> None:
        self.state, self.loaded = state, loaded
        self.result, self.problem = state.calculate()
        if not self.read_only:
            try:
                service.save_draft(self.store, state.partnerships, state.options, state.set_aside)
                service.save_draft_origin(self.store, loaded.id if loaded else None)
                service.save_draft_working_on(self.store, self.name, self.year)
            except (DatabaseError, OSError):  # the draft is a convenience; the undo stack still has the edit
                pass
        self.changed.emit()

    def _keeping_draft(self, action: Action) -> Action:
        """``action`` whose undo and redo also put the kept working inputs (the draft table) back exactly as they
        were either side: the refresh after an undo writes the draft (and the scenario it came from) again, which
        would leave rows the file did not have before."""
        store, kept = self.store, {}

        def do() -> Any:
            if "after" in kept:
                kept["next"] = "after"
            else:
                kept.update(before=service.snapshot_draft(store), next="first")
            return action.do()

        def undo() -> Any:
            kept["next"] = "before"
            return action.undo()

        def after() -> None:
            if action.after is not None:
                action.after()
            if self.read_only:
                return
            try:
                if kept.get("next") == "first":
                    kept["after"] = service.snapshot_draft(store)
                elif kept.get("next") in kept:
                    service.put_back_draft(store, kept[kept["next"]])
                    # The name and year in Working on are as the presenter holds them (typed since, or put back by the
                    # action's own undo), never the ones the snapshot was taken with.
                    service.save_draft_working_on(store, self.name, self.year)
            except (DatabaseError, OSError):  # as in _set: the draft is a convenience
                pass

        return Action(action.text, do, undo, action.tab, after)

    def apply(self, new_state: bench.WorkState, text: str, at: EditedAt | None = None) -> bool:
        """One edit of the working inputs, undoable; False when it changes nothing. Undone or redone, what it
        changed (``at``) is chosen, as the Budgets grid and the Projects register choose theirs; not when first made
        (the officer is there, and Tab or Enter goes on from there)."""
        old, loaded = self.state, self.loaded
        if new_state == old:
            return False
        made: list[bool] = []

        def show(state: bench.WorkState) -> None:
            self.undone_at = at if made else None
            made.append(True)
            try:
                self._set(state, loaded)
            finally:
                self.undone_at = None

        self.perform(self._keeping_draft(Action(text, do=lambda: show(new_state), undo=lambda: show(old),
                                                tab=self.tab)))
        return True

    def edit(self, change: Callable[[bench.WorkState], bench.WorkState], text: str,
             at: EditedAt | None = None) -> bool:
        """Apply ``change`` to the working state; an AllocationError leaves it as it was and is raised."""
        return self.apply(change(self.state), text, at)

    # -- saved or not --------------------------------------------------------------------------------
    def is_modified(self) -> bool:
        if self.loaded is None:
            return bool(self.state.partnerships)
        return not self._same(self.loaded)

    def has_unsaved_changes(self) -> bool:
        """Nothing is ever lost by leaving: the working inputs are kept in the file at each edit."""
        return False

    def status_text(self) -> str:
        if self.loaded is None:
            return NOT_SAVED if self.state.partnerships else ""
        if (self.name.strip(), _year(self.year.strip())) != (self.loaded.name, self.loaded.year):
            # as save() decides: under another name or year, Save adds a scenario; not under its own typed another way
            return RETYPED if self._name_retyped(self.name, self.year) else NEW_NAME
        return CHANGED if self.is_modified() else ""

    def ctrl_s_words(self) -> str:
        """What File > Save (Ctrl+S) says when it writes nothing: the inputs are kept in the file as they change, but
        in a scenario only by Save; "" when they are as saved. It said "every change is already in the file" beside
        "⚠ changed since saved", and an officer took the agreed scenario for saved (session 71)."""
        status = self.status_text()
        if not status or self.read_only:
            return ""
        loaded = self.loaded
        if status == CHANGED and loaded is not None:
            return (f"Not saved in {loaded.title}: the inputs changed since it was saved are kept in the file as you "
                    "work, but not in the scenario (nor in the board report). To keep them in it, press Save (Alt+S); "
                    "beside it, Save as new (Alt+W).")
        return ("Not saved as a scenario: the inputs are kept in the file as you work, but not as a scenario. To keep "
                "them as one, type its name and year in Working on and press Save (Alt+S).")

    def _name_retyped(self, name: str, year: str) -> bool:
        """Whether ``name`` is the loaded scenario's, for its year, typed another way ("option 2" for "Option 2")."""
        loaded, name = self.loaded, (name or "").strip()
        return (loaded is not None and name != loaded.name and typed_name_key(name) == typed_name_key(loaded.name)
                and _year((year or "").strip()) == loaded.year)

    def scenario_label(self) -> str:
        """Beside the scenario's name: which scenario the working inputs are, and whether they differ."""
        if self.loaded is None:
            return f"Working inputs: {NOT_SAVED}" if self.state.partnerships else "No inputs yet"
        status = self.status_text()
        return f"Working on {self.loaded.title}" + (f" — ⚠ {status}" if status else " — ✓ as saved")

    # -- scenarios -----------------------------------------------------------------------------------
    def scenario_titles(self, scenarios: Sequence[service.ScenarioSummary]) -> list[str]:
        """How Saved scenarios and Compare list each: its title, and in a county file the office a merged one came
        from ("2025/26 — 2025/26 allocation (merged from Babergh office, saved 06/12/2026)"), as Commissioning names
        its scenarios: every office may save a "2025/26 allocation" of its own. One typed in the county file, and
        every one in an office's own file, as its title says it."""
        origins = row_origins(self.store, ALLOCATIONS)
        return [f"{s.year} — {s.name} ({origins.phrase(s.id)}, saved {service.uk_date(s.saved_at)})"
                if s.id in origins.by_key and origins.shown else s.title for s in scenarios]

    def top_slice_titles(self, slices: Sequence[service.TopSlice]) -> list[str]:
        """How the Top-slice page lists each saved one ("2025/26 — Reward grant"), with the office a merged one came
        from in a county file ("… (merged from Babergh office)")."""
        origins = row_origins(self.store, TOP_SLICES)
        return [f"{t.year} — {t.name}" + (f" ({origins.phrase(t.id)})" if t.id in origins.by_key and origins.shown
                                          else "") for t in slices]

    def open(self, scenario_id: str) -> None:
        scenario = service.load_scenario(self.store, scenario_id)
        old, loaded, typed = self.state, self.loaded, (self.name, self.year)

        def do() -> None:
            self.name, self.year = scenario.name, scenario.year
            self._set(new, scenario)

        def undo() -> None:
            self.name, self.year = typed  # what was typed before it was opened
            self._set(old, loaded)

        new = bench.WorkState(scenario.partnerships, scenario.options)
        if loaded is not None and loaded.id == scenario.id and new == old and typed == (scenario.name, scenario.year):
            return  # its inputs on screen as saved, under its name: no step that would undo nothing (nor a Redo lost)
        self.perform(self._keeping_draft(Action(f"Open scenario {scenario.name}", do=do, undo=undo, tab=self.tab)))

    def save(self, name: str = "", year: str = "") -> bool:
        """Save: the loaded scenario again while the name and year are its own; otherwise a new one."""
        name, year = (name or "").strip(), (year or "").strip()
        loaded = self.loaded
        if loaded is not None and name == loaded.name and _year(year) == loaded.year:
            if not self.is_modified():
                return not self.read_only  # as saved already: nothing written, no step to undo
            return self._replace(loaded)
        if self._name_retyped(name, year):  # refused as a name the year has, naming no way forward: Rename… is it
            self.error = (f"Not saved: “{name}” is the name of {loaded.title} typed another way, and a name is the "
                          "year's own. To write its name as typed, press Rename… (Alt+,) with it chosen in Saved "
                          "scenarios; to save these inputs beside it, type another name.")
            self.changed.emit()
            return False
        return self.save_as_new(name, year)

    def save_question(self, name: str = "", year: str = "") -> str:
        """What to ask before Save writes over the scenario the board agreed ("" when nothing needs asking): the
        board report's agreed figures would change. Not asked when the save would be refused anyway."""
        loaded = self.loaded
        if (self.read_only or loaded is None or self.result is None or (name or "").strip() != loaded.name
                or _year((year or "").strip()) != loaded.year or not self.is_modified()):
            return ""
        now = self._scenario(loaded.id)  # as marked now: it may have been marked, or unmarked, since it was opened
        if now is None or not now.adopted:
            return ""
        return (f"The board agreed {loaded.title}. Saving writes the changed inputs over it, and the board report's "
                "agreed figures change with them.\n\nTo keep what the board agreed, cancel and press Save as new.")

    def adopt_question(self, scenario_id: str) -> str:
        """What to ask before marking the scenario worked on as agreed while the inputs on screen have changed
        since it was saved ("" when nothing needs asking): the mark goes on the scenario as saved."""
        loaded = self.loaded
        if loaded is None or loaded.id != scenario_id or not self.is_modified():
            return ""
        return (f"The inputs on screen have changed since {loaded.title} was saved. Mark as agreed marks the "
                "scenario as saved, not the figures on screen.\n\nTo agree the figures on screen, cancel, save "
                "them first (Save or Save as new), then mark that scenario as agreed.")

    def _no_pot(self) -> bool:
        """No pot given (or no last year's total): the page splits nothing, and a scenario saved so would be £0 with
        every partnership 100% down on last year, which the board could agree. Refused, saying what is missing."""
        missing = self.state.missing_pot_message() if self.state.partnerships else ""
        if missing:
            self.error = f"Not saved: {missing}"
            self.changed.emit()
        return bool(missing)

    def _no_year(self, year: str) -> bool:
        """No year typed: Working on's year field shows this financial year in grey as an example, which an officer
        took for the year given; "Year: none given" then seemed untrue. Refused, saying what the grey year is."""
        if (year or "").strip():
            return False
        shown = year_example()
        self.error = (f"Not saved: no year typed. The {shown} shown in grey beside the name is an example of the "
                      f"form, not a year given: type the financial year this allocation is for there (as {shown}).")
        self.changed.emit()
        return True

    def _replace(self, loaded: service.Scenario) -> bool:
        if self.read_only or self._no_pot():
            return False
        state, store = self.state, self.store
        return self._perform(self._scenario_action(
            f"Save scenario {loaded.name}", loaded.id,
            lambda: service.replace_scenario(store, loaded.id, state.partnerships, state.options),
            lambda k: self._set(self.state, self._scenario(k))))

    def _scenario_action(self, text: str, scenario_id: str | None, change: Callable[[], Any],
                         show: Callable[[str], None]) -> Action:
        """One undoable step on a saved scenario: undo and redo put its rows back exactly as they were either side;
        show(scenario id) then sets what the tab compares the working inputs with."""
        store = self.store

        def after(k: str) -> None:
            show(k)
            self.scenarios_changed.emit(k)

        return self._keeping_draft(snapshot_action(
            text, key=scenario_id, snap=lambda k: service.snapshot_scenario(store, k),
            restore=lambda snap: service.put_back_rows(store, snap), absent=lambda k: service.ScenarioRows(k, None),
            change=change, after=after, tab=self.tab))

    def save_as_new(self, name: str, year: str) -> bool:
        if self.read_only or self._no_pot() or self._no_year(year):
            return False
        name, year = (name or "").strip(), (year or "").strip()
        state, store, before = self.state, self.store, self.loaded

        def show(k: str) -> None:  # the new scenario while it is in the file, else the one loaded before
            saved = self._scenario(k)
            self._name_from(saved)  # its name and year as saved; undone, what was typed stays
            self._set(self.state, saved or before)

        return self._perform(self._scenario_action(
            f"Save new scenario {name}", None,
            lambda: service.save_scenario(store, name, year, state.partnerships, state.options), show))

    def _perform(self, action: Action) -> bool:
        try:
            self.perform(action)
        except (service.ScenarioError, AllocationError) as exc:
            # One partnership under two spellings: which rows, and the way forward, as the problem line says.
            clash = bench.listed_twice_message(self.state.partnerships) if isinstance(exc, AllocationError) else ""
            self.error = clash or str(exc)
            self.changed.emit()
            return False
        self.error = ""
        return True

    def delete_question(self, scenario_id: str) -> str:
        """What Delete asks first of a saved scenario, named as Saved scenarios lists it; in a county file, of one an
        office sent, that the office's next export puts it back."""
        chosen = next((s for s in service.list_scenarios(self.store) if s.id == scenario_id), None)
        title = chosen.title + ("  ✓ agreed" if chosen.adopted else "") if chosen is not None else scenario_id
        back = row_origins(self.store, ALLOCATIONS).comes_back_words([scenario_id])
        return f"Delete the scenario {title}?{' ' + back if back else ''} (Edit > Undo brings it back.)"

    def delete(self, scenario_id: str) -> None:
        store = self.store
        worked_on = self.loaded is not None and self.loaded.id == scenario_id

        def show(k: str) -> None:
            there = self._scenario(k)
            if there is None and self.loaded is not None and self.loaded.id == k:
                self._set(self.state, None)  # the working inputs stay; they are no longer a saved scenario's
            elif there is not None and self.loaded is None and worked_on:
                self._set(self.state, there)  # back (undone): the inputs are its again, changed or not

        self.perform(self._scenario_action(f"Delete scenario {self._title(scenario_id)}", scenario_id,
                                           lambda: service.delete_scenario(store, scenario_id), show))

    def rename(self, scenario_id: str, name: str) -> bool:
        """Rename…: the scenario under another name, one step of Edit > Undo, its agreed mark, saved date and figures
        kept (Save as new and Delete, the only way before, lost the mark). False when refused (``error`` says why:
        an empty name, another scenario's of the year, a file open read-only) or the name is its own as it is.
        Worked on, the scenario stays the one worked on, and Working on shows its new name unless another was typed
        there."""
        scenario = self._scenario(scenario_id)
        name = (name or "").strip()
        self.error = ""
        if scenario is None or name == scenario.name:
            return False
        text = f"Rename scenario {scenario.title} to {name}"
        if self.read_only:
            self.error = f"Not renamed: {read_only_refusal(text)}"
            self.changed.emit()
            return False
        store = self.store

        def show(k: str) -> None:
            now = self._scenario(k)
            if self.loaded is not None and self.loaded.id == k and now is not None:
                if self.name.strip() == self.loaded.name:  # the saved name shown in Working on follows it
                    self.name = now.name
                self._set(self.state, now)

        ok = self._perform(self._scenario_action(text, scenario_id,
                                                 lambda: service.rename_scenario(store, scenario_id, name), show))
        if not ok:
            self.error = f"Not renamed: {self.error[:1].lower()}{self.error[1:]}"
            self.changed.emit()
        return ok

    def adopt(self, scenario_id: str) -> None:
        store, holder = self.store, {}

        def do():
            holder["before"] = service.set_adopted(store, scenario_id)

        def undo():
            if holder.get("before"):
                service.set_adopted(store, holder["before"])
            else:
                service.set_adopted(store, scenario_id, adopted=False)

        self.perform(Action(f"Mark scenario {self._title(scenario_id)} as agreed", do=do, undo=undo, tab=self.tab,
                            after=lambda: self.scenarios_changed.emit(scenario_id)))

    def unadopt(self, scenario_id: str) -> None:
        """The agreed mark taken off (marked by mistake, or the board's decision withdrawn): the year then has
        no agreed scenario, and its papers use the latest saved one, as before any was agreed."""
        store = self.store
        self.perform(Action(f"Unmark scenario {self._title(scenario_id)} as agreed",
                            do=lambda: service.set_adopted(store, scenario_id, False),
                            undo=lambda: service.set_adopted(store, scenario_id), tab=self.tab,
                            after=lambda: self.scenarios_changed.emit(scenario_id)))

    # -- top-slices ----------------------------------------------------------------------------------
    def top_slice_refusal(self, fields: dict[str, str], remainder_label: str) -> str:
        """Why the Top-slice page's figures cannot be saved, asked before a name is ("" when they can)."""
        if self.read_only:
            return f"Not saved: {read_only_refusal('Save top-slice')}"
        try:
            service.refuse_nothing_to_split(top_slice_inputs(fields, remainder_label)["total_pence"])
        except (AllocationError, service.ScenarioError) as exc:
            return f"Not saved: {exc}"
        return ""

    def save_top_slice(self, name: str, year: str, fields: dict[str, str], remainder_label: str) -> str | None:
        """The Top-slice page's figures saved under a name and a year, one step of Edit > Undo, through the service
        the example file's top-slice was saved by; its id, or None when refused (``top_slice_error`` says why). A name
        its year already has is refused: the service writes no saved top-slice over."""
        self.top_slice_error = self.top_slice_refusal(fields, remainder_label)
        if self.top_slice_error:
            return None
        name, inputs, store = (name or "").strip(), top_slice_inputs(fields, remainder_label), self.store
        try:
            return self.perform(snapshot_action(
                f"Save top-slice {name}", key=None, snap=lambda k: service.snapshot_top_slice(store, k),
                restore=lambda snap: service.put_back_top_slice(store, snap),
                absent=lambda k: service.TopSliceRows(k, None),
                change=lambda: service.save_top_slice(store, name, year, **inputs),
                after=self.top_slices_changed.emit, tab=self.tab))
        except (service.ScenarioError, AllocationError) as exc:  # a name the year has, a year not read
            self.top_slice_error = f"Not saved: {exc}"
            if self._top_slice_named(name, year) is not None:
                self.top_slice_error += (" To put the figures on the page in it, choose it under Saved top-slices and "
                                         "press Replace saved.")
            return None

    def _top_slice_named(self, name: str, year: str) -> service.TopSlice | None:
        try:
            return service.top_slice_named(self.store, name, year)
        except service.ScenarioError:  # a year not read
            return None

    def _chosen_top_slice(self, slice_id: str | None, doing: str) -> service.TopSlice:
        """The saved top-slice chosen, to replace or remove; AllocationError says why not (read-only, none chosen,
        removed meanwhile)."""
        if self.read_only:
            raise AllocationError(read_only_refusal(f"{doing.capitalize()} top-slice"))
        if not slice_id:
            new_one = " (Save top-slice… keeps the figures as a new one)" if doing == "replace" else ""
            raise AllocationError(f"There is no saved top-slice to {doing}{new_one}.")
        try:
            return service.load_top_slice(self.store, slice_id)
        except service.ScenarioError as exc:
            raise AllocationError(str(exc)) from None

    def replace_top_slice_question(self, slice_id: str | None, fields: dict[str, str]) -> str:
        """What Replace asks before it writes (the saved top-slice, each figure that changes, old → new), or ""
        with ``top_slice_error`` saying why it is refused: read-only, none chosen, figures that do not work out, the
        very figures it holds (nothing to replace)."""
        try:
            item = self._chosen_top_slice(slice_id, "replace")
            new = service.TopSlice(item.id, item.name, item.year, **top_slice_inputs(fields, item.remainder_label))
            service.refuse_nothing_to_split(new.total_pence)
        except (AllocationError, service.ScenarioError) as exc:
            self.top_slice_error = f"Not replaced: {exc}"
            return ""
        was, now = top_slice_fields_of(item), top_slice_fields_of(new)
        changes = [f"{TOP_SLICE_FIELDS[k]}: {was[k]} → {now[k]}" for k in TOP_SLICE_FIELDS if was[k] != now[k]]
        if not changes:
            self.top_slice_error = (f"Not replaced: the figures on the page are the saved top-slice "
                                    f"{item.year} — {item.name}'s already; there is nothing to change.")
            return ""
        self.top_slice_error = ""
        return (f"Replace the figures of the saved top-slice {item.year} — {item.name} with those on the page?\n\n"
                + "\n".join(changes) + "\n\nIts name and year stay; the board report and the county workbook show "
                "the new figures. Edit > Undo puts the old ones back.")

    def replace_top_slice(self, slice_id: str | None, fields: dict[str, str]) -> bool:
        """The page's figures put in place of the chosen saved top-slice's (its name, year and the name of its rest
        kept), one step of Edit > Undo; False when refused (``top_slice_error`` says why)."""
        if not self.replace_top_slice_question(slice_id, fields):
            return False
        item = service.load_top_slice(self.store, slice_id)
        inputs, store = top_slice_inputs(fields, item.remainder_label), self.store
        return self._top_slice_step(f"Replace top-slice {item.name}", slice_id, "Not replaced",
                                    lambda: service.replace_top_slice(store, slice_id, **inputs))

    def remove_top_slice_question(self, slice_id: str | None) -> str:
        """What Remove asks first, or "" with ``top_slice_error`` saying why it is refused."""
        try:
            item = self._chosen_top_slice(slice_id, "remove")
        except AllocationError as exc:
            self.top_slice_error = f"Not removed: {exc}"
            return ""
        self.top_slice_error = ""
        back = row_origins(self.store, TOP_SLICES).comes_back_words([item.id])  # a county file: the office's export
        return (f"Remove the saved top-slice {item.year} — {item.name} from the file? Its section leaves the board "
                "report and the county workbook; its figures stay on the page, to save again."
                f"{' ' + back if back else ''} Edit > Undo brings it back.")

    def remove_top_slice(self, slice_id: str | None) -> bool:
        """The chosen saved top-slice removed, one step of Edit > Undo; False when refused (``top_slice_error``)."""
        if not self.remove_top_slice_question(slice_id):
            return False
        name, store = service.load_top_slice(self.store, slice_id).name, self.store
        return self._top_slice_step(f"Remove top-slice {name}", slice_id, "Not removed",
                                    lambda: service.delete_top_slice(store, slice_id))

    def _top_slice_step(self, text: str, slice_id: str, refused: str, change: Callable[[], Any]) -> bool:
        store = self.store
        try:
            self.perform(snapshot_action(
                text, key=slice_id, snap=lambda k: service.snapshot_top_slice(store, k),
                restore=lambda snap: service.put_back_top_slice(store, snap),
                absent=lambda k: service.TopSliceRows(k, None), change=change,
                after=self.top_slices_changed.emit, tab=self.tab))
        except (service.ScenarioError, AllocationError) as exc:  # removed meanwhile
            self.top_slice_error = f"{refused}: {exc}"
            return False
        return True


def _year(text: str) -> str:
    try:
        return service._year_label(text)
    except service.ScenarioError:
        return text


# -- what the result pages say (Qt-free, so tested without a window) ----------------------------------------

def summary_text(result: AllocationResult | None, problem: str = "", more: Sequence[str] = ()) -> str:
    """The line above the results: the pot, the fixed and variable parts, and what the formula noted or warned
    (``more``: other warnings, said after the formula's)."""
    if result is None:
        return "No result yet: " + (problem or "enter the partnerships.")
    r = result
    if r.previous_total_pence is not None:
        pot = (f"Pot {format_money(r.pot_pence)} (last year's {format_money(r.previous_total_pence)} less "
               f"{setting_percent_text(r.options.retain)}% retained, {format_money(r.retained_pence)})")
    elif r.grant_pence is not None:  # a pot given less a retained share of it: the grant typed, and what is split
        pot = (f"Pot {format_money(r.pot_pence)} (this year's {format_money(r.grant_pence)} less "
               f"{setting_percent_text(r.options.retain)}% retained, {format_money(r.retained_pence)})")
    else:
        pot = f"Pot {format_money(r.pot_pence)}"
    text = (f"{pot}; fixed part {format_money(r.fixed_total_pence)} ({r.fixed_units} units × "
            f"{format_money(r.fixed_per_unit_pence)}); variable part {format_money(r.variable_total_pence)}.")
    if r.notes or r.warnings or more:
        text += " " + " ".join((*r.notes, *(f"⚠ {w}" for w in (*r.warnings, *more))))
    return text


def redistribution(result: AllocationResult | None, amount_text: str, method: str) -> tuple[list[tuple], str]:
    """Seed 000: money not commissioned by the deadline shared back; (rows with a total, the note)."""
    if result is None:
        return [], "There is no allocation to share by yet."
    text = (amount_text or "").strip()
    if not text and not result.retained_pence:  # a pot given whole: no "£0 shared back" over a table of £0
        return [], ("Nothing was retained from this pot, so there is nothing to share back of it: type the amount "
                    "not committed by the deadline to share it back.")
    try:
        amount = parse_pence(text) if text else result.retained_pence
        rule = SplitRule.parse(method).value
        shares, adjusted = redistribution_shares(amount, result, method=rule)
    except (MoneyError, AllocationError, ValueError) as exc:
        return [], f"⚠ {exc}"
    rows = [(r.name, shares[r.name]) for r in result.rows] + [("Total", sum(shares.values()))]
    unit = result.options.unit_pence
    # Seed 000's rounding shares back by the percentages as printed (the Results' 9.08%), not the exact shares: said,
    # with how they were made to add up, which names any odd pence (so they are not said twice).
    printed = rule == "basis" and result.options.rounding == "percent-2dp"
    how = (" by the shares as printed (percentages to two decimals, as this allocation is rounded)" if printed else "")
    added = f". {adjusted}" if adjusted else "; the shares add up exactly."
    # In whole pounds an amount with pence leaves odd pence to one partnership: said, as the Results page says it.
    odd = None if printed else next(((r.name, shares[r.name] % unit) for r in result.rows if shares[r.name] % unit),
                                    None)
    odd_words = (f" In whole pounds the odd {format_money(odd[1]) if odd[1] >= 100 else f'{odd[1]}p'} goes to "
                 f"{odd[0]} (the next in line for a whole pound, by largest remainder)." if odd else "")
    # Seed 000: the board shares back retained money not committed by the deadline, so at most what it retained;
    # more (last year's total typed there by mistake) was split unsaid, as if the board held it. Still shown.
    over = amount - result.retained_pence if result.retained_pence else 0
    over_words = (f" ⚠ That is {format_money(over) if over >= 100 else f'{over}p'} more than the "
                  f"{format_money(result.retained_pence)} retained: only retained money not committed by the deadline "
                  "is shared back. Check the amount (leave it blank for the retained amount)." if over > 0 else "")
    return rows, (f"{format_money(amount)} shared back{how}{added}{odd_words}{over_words}"
                  + ("" if text else " (The retained amount; type another to change it.)"))


def top_slice_rows(fields: dict[str, str], remainder_label: str) -> tuple[list[tuple], str]:
    """The PRG-style top-slice from the page's fields: (rows, problem)."""
    try:
        result = _top_slice_of(fields, remainder_label)
    except AllocationError as exc:
        return [], f"⚠ {exc}"
    pct = setting_percent_text(result.scenario)
    rows = [(line.label, line.amount_pence) for line in result.lines]
    rows += [(f"Each plus {pct}%", result.scenario_more_pence), (f"Each less {pct}%", result.scenario_less_pence)]
    return rows, ""


def top_slice_note(fields: dict[str, str]) -> str:
    """How the exact shares fall when the rest does not split equally to the penny (as the command says); ""
    when it does, or when the fields are refused."""
    try:
        result = _top_slice_of(fields, "Rest")
    except AllocationError:
        return ""
    return equal_shares_note(result, f"“Each of {result.partners} partners”")


# The comparison's last column: the second scenario less the first, said so (the list is newest first, and a bare
# "Difference" comparing 2019/20 with 2009/10 read as a loss what was a gain).
COMPARISON_DIFFERENCE = "Difference (second − first)"


# -- the pages' tables as Export… writes them (the table of the page shown, not the Results) -----------------
def comparison_sheets(first: service.Scenario, second: service.Scenario) -> list[Sheet]:
    """The Compare scenarios page's table, titled with the two scenarios, money as pounds Excel can add up; then
    what the line under it says (the options that differ, the partnerships in one scenario only)."""
    rows = [[r.partnership, r.first_pence, r.second_pence, r.difference_pence]
            for r in service.compare_scenarios(first, second)]
    table = Sheet("Compare scenarios", ["Partnership", first.title, second.title, COMPARISON_DIFFERENCE], rows,
                  {1, 2, 3}, title=f"Compare scenarios: {first.title} with {second.title}")
    return _with_notes(table, comparison_note(first, second))


def redistribution_sheets(rows: Sequence[tuple], method: str, note: str, year: str = "") -> list[Sheet]:
    """The Redistribute page's shares (``redistribution``'s rows and note), titled with how they were shared back."""
    rule = SplitRule.parse(method).label
    said = " ".join(filter(None, (year.strip(), "money not committed by the deadline, shared back")))
    table = Sheet("Redistribute", ["Partnership", "Share"], [list(row) for row in rows], {1},
                  title=f"{said[0].upper()}{said[1:]} {rule[0].lower()}{rule[1:]}")
    return _with_notes(table, note)


def top_slice_sheets(rows: Sequence[tuple], note: str, name: str = "") -> list[Sheet]:
    """The Top-slice page's breakdown (``top_slice_rows``' rows), titled with the saved top-slice it is, if any; then
    how uneven equal shares fall (``top_slice_note``)."""
    table = Sheet("Top-slice", ["Line", "Amount"], [list(row) for row in rows], {1},
                  title=f"Top-slice: {name}" if name else "Top-slice")
    return _with_notes(table, note)


def _with_notes(table: Sheet, note: str) -> list[Sheet]:
    """A page's table and, in a workbook, what the page says under it (a CSV or TSV file holds the first sheet)."""
    return [table, Sheet("Notes", ["Note"], [[note]])] if note.strip() else [table]


# The Top-slice page's fields, as its labels name them (Replace's question names each figure that changes).
TOP_SLICE_FIELDS = {"total": "Total grant", "slice": "First slice %", "slice_label": "First slice goes to",
                    "retained": "Retained % of the rest", "partners": "Equal shares", "scenario": "Scenario ±%"}


def top_slice_fields_of(item: service.TopSlice) -> dict[str, str]:
    """A saved top-slice's figures as the page's fields show them (chosen in the list, they are put in)."""
    label, share = item.slices[0] if item.slices else ("First slice", 0)
    return {"total": format_money(item.total_pence), "slice": setting_percent_text(share), "slice_label": label,
            "retained": setting_percent_text(item.retained), "partners": str(item.partners),
            "scenario": setting_percent_text(item.scenario)}


def top_slice_typed(fields: dict[str, str], shown: dict[str, str], remainder_label: str) -> bool:
    """Whether the page's top-slice fields say other figures than those it last showed (a saved top-slice's, or
    what was typed before a save): the same figure typed another way (" 9 ", "2900692") is nothing to save."""
    if fields == shown:
        return False
    try:
        return top_slice_inputs(fields, remainder_label) != top_slice_inputs(shown, remainder_label)
    except AllocationError:
        return True  # a figure that does not work out is typed, not saved


def top_slice_inputs(fields: dict[str, str], remainder_label: str) -> dict[str, Any]:
    """What the page's fields ask for, as ``service.save_top_slice`` takes it (total_pence, slices, remainder_label,
    retained, partners, scenario), checked: AllocationError names the field that is refused, as the page labels it."""
    return _read_top_slice(fields, remainder_label)[0]


def _top_slice_of(fields: dict[str, str], remainder_label: str) -> TopSliceResult:
    """The top-slice the page's fields ask for; AllocationError names the field that is refused."""
    return _read_top_slice(fields, remainder_label)[1]


def _read_top_slice(fields: dict[str, str], remainder_label: str) -> tuple[dict[str, Any], TopSliceResult]:
    try:
        total = parse_pence(fields["total"])
    except MoneyError as exc:
        raise AllocationError(f"Total grant: {exc}") from None
    if total < 0:  # the page's word for the field, as its other refusals say it ("The total cannot be negative")
        raise AllocationError(f"Total grant: “{fields['total'].strip()}” is negative.")
    if not fields["partners"].strip():
        raise AllocationError("Equal shares: nothing was given.")
    # Read as the command's --partners and Fixed units are ("9.0" is nine; "1_0" and "+9" are no count): int() took
    # "1_0" as ten partners and refused "9.0".
    typed = fields["partners"].strip()
    try:
        partners = parse_units(typed)
    except NumberError as exc:  # a % sign, a space out of place: said with what to type
        raise AllocationError(f"Equal shares: {exc}") from None
    except ValueError:
        raise AllocationError(f"Equal shares: “{typed}” is not a whole number.") from None
    shape = dict(slices=((fields["slice_label"].strip() or "First slice",
                          parse_percent(fields["slice"], what="First slice %")),),
                 remainder_label=remainder_label, retained=parse_percent(fields["retained"], what="Retained %"),
                 partners=partners, scenario=_scenario_percent(fields["scenario"]))
    try:
        return {"total_pence": total, **shape}, top_slice(total, **shape)
    except AllocationError as exc:  # the command's word for the field ("partners: …"), as the page labels it
        said = str(exc)
        if said.startswith("partners:"):
            raise AllocationError("Equal shares:" + said.removeprefix("partners:")) from None
        raise


def _scenario_percent(text: str) -> Fraction:
    """*Scenario ±%* as the Damping ±% field reads its own: "±20", "+/-20", "20" or "20%" is 20% either way."""
    return bench.damping_limit(text, what="Scenario ±%") or parse_percent(text, what="Scenario ±%")


def option_differences(first: service.Scenario, second: service.Scenario) -> list[tuple[str, str, str]]:
    """The options two scenarios differ in: (what, first, second)."""
    a, b = first.options, second.options
    out = []
    for label, get in (("pot", lambda o: bench.option_text(o, "pot") or "from last year"),
                       ("last year's total", lambda o: bench.option_text(o, "previous_total") or "—"),
                       ("retained", lambda o: setting_percent_text(o.retain) + "%"),
                       ("fixed share", lambda o: bench.option_text(o, "fixed_share")),
                       ("rounding", lambda o: _label(Rounding, o.rounding)),
                       ("unit", lambda o: _label(RoundingUnit, o.unit)),
                       ("damping", lambda o: "none" if o.damping is None else f"±{setting_percent_text(o.damping)}%"),
                       ("factors", lambda o: ", ".join(f"{f.title} {format_weight(f.weight)}" for f in o.factors))):
        if get(a) != get(b):
            out.append((label, get(a), get(b)))
    return out


def _label(kind: type[LabelledEnum], value: str) -> str:
    """The words the list shows for a stored value ("Exact shares", not "exact")."""
    try:
        return kind.parse(value).label
    except ValueError:
        return value


def comparison_note(first: service.Scenario, second: service.Scenario) -> str:
    note = _options_note(first, second)
    if first.id == second.id:
        return note
    rows = service.compare_scenarios(first, second)[:-1]
    only = [(side, [r.partnership for r in rows if pence(r) is None])
            for side, pence in (("first", lambda r: r.second_pence), ("second", lambda r: r.first_pence))]
    said = [f"only in the {side}: {in_words(names)}" for side, names in only if names]
    if not said:
        return note
    # Across a merger (Waveney and Suffolk Coastal, then East Suffolk) their Difference cells were blank unexplained.
    words = "; ".join(said)
    return f"{note.rstrip('.')}. {words[0].upper()}{words[1:]} (no difference for them; the Total compares the pots)."


def _options_note(first: service.Scenario, second: service.Scenario) -> str:
    differences = [f"{label}: {a} → {b}" for label, a, b in option_differences(first, second)]
    if differences:
        return "Differences in the options: " + "; ".join(differences)
    if first.id == second.id:
        return "The same scenario is chosen twice."
    if first.partnerships == second.partnerships:  # saved again under another name or year: nothing to look for
        return "The options and the inputs are the same: the two scenarios give the same figures."
    return "The options are the same; only the inputs differ."
