"""The Allocation tab without Qt: the working inputs, their result, the scenario they came from, the actions.

Built on ``services.allocation_workbench`` (each edit a pure function from one working state to the
next). Every edit is an ``Action`` (undoable, named); the working inputs are kept in the file as the
draft at each edit, so leaving the tab or the file loses nothing. Whether they differ from the saved
scenario they came from is said beside the scenario's name. Save writes that scenario again only
while the name is its own; under another name (or with Save as new) a new scenario is added, so a
loaded scenario is never overwritten under another name.
"""

from __future__ import annotations

from typing import Callable

from safer_desk.domain.allocation import AllocationError, AllocationResult
from safer_desk.domain.enums import LabelledEnum
from safer_desk.presenters.actions import Action, run_now
from safer_desk.presenters.events import Event
from safer_desk.presenters.screens import ScreenPresenter
from safer_desk.services import allocation as service
from safer_desk.services import allocation_workbench as bench
from safer_desk.services.files import DatabaseError

class Rounding(LabelledEnum):
    """How the variable part is rounded (stored in a scenario's ``rounding``)."""

    EXACT = ("exact", "Exact shares (largest remainder)")
    PERCENT_2DP = ("percent-2dp", "Shares to 0.01% first (legacy)")


class RoundingUnit(LabelledEnum):
    """What each partnership's amount is rounded to (stored in a scenario's ``unit``)."""

    POUND = ("pound", "Whole pounds")
    PENNY = ("penny", "Pennies")


class SplitRule(LabelledEnum):
    """How money not committed by the deadline is shared back (seed 000)."""

    BASIS = ("basis", "By the crime-share basis (the factors' shares)")
    ALLOCATION = ("allocation", "Pro rata to this year's allocation")


NOT_SAVED = "not saved as a scenario"
CHANGED = "changed since saved"


class AllocationPresenter(ScreenPresenter):
    tab = "allocation"

    def __init__(self, store, *, perform: Callable[[Action], object] = run_now, read_only: bool | None = None):
        super().__init__(perform=perform)
        self.store = store
        self.read_only = bool(store.read_only) if read_only is None else read_only
        self.loaded: service.Scenario | None = None
        self.state = bench.empty_state()
        self.result: AllocationResult | None = None
        self.problem = ""
        self.error = ""  # why the last save was refused
        self.scenarios_changed = Event()
        self._start()

    # -- the working state ---------------------------------------------------------------------------
    def _scenario(self, scenario_id: str | None) -> service.Scenario | None:
        if not scenario_id:
            return None
        try:
            return service.load_scenario(self.store, scenario_id)
        except service.ScenarioError:
            return None

    def _start(self) -> None:
        """The draft kept in the file (and the scenario it came from), else the agreed scenario (reads only)."""
        draft = service.load_draft(self.store)
        if draft is not None:
            self.state = bench.WorkState(tuple(draft[0]), draft[1])
            self.loaded = self._scenario(service.load_draft_origin(self.store)) or self._same_as_saved()
        else:
            chosen = service.adopted_scenario(self.store)
            self.loaded = self._scenario(chosen.id if chosen else None)
            if self.loaded is not None:
                self.state = bench.WorkState(self.loaded.partnerships, self.loaded.options)
        self.result, self.problem = self.state.calculate()

    def _same_as_saved(self) -> service.Scenario | None:
        for summary in service.list_scenarios(self.store):
            scenario = self._scenario(summary.id)
            if scenario is not None and self._same(scenario):
                return scenario
        return None

    def _same(self, scenario: service.Scenario) -> bool:
        return (tuple(self.state.partnerships), self.state.options) == (tuple(scenario.partnerships), scenario.options)

    def warnings(self) -> tuple[str, ...]:
        """What the money helper said about the split: weights rescaled, odd pence placed, damping."""
        return tuple(self.result.warnings) if self.result is not None else ()

    def _set(self, state: bench.WorkState, loaded: service.Scenario | None) -> None:
        self.state, self.loaded = state, loaded
        self.result, self.problem = state.calculate()
        if not self.read_only:
            try:
                service.save_draft(self.store, state.partnerships, state.options)
                service.save_draft_origin(self.store, loaded.id if loaded else None)
            except (DatabaseError, OSError):  # the draft is a convenience; the undo stack still has the edit
                pass
        self.changed.emit()

    def apply(self, new_state: bench.WorkState, text: str) -> bool:
        """One edit of the working inputs, undoable; False when it changes nothing."""
        old, loaded = self.state, self.loaded
        if new_state == old:
            return False
        self.perform(Action(text, do=lambda: self._set(new_state, loaded), undo=lambda: self._set(old, loaded),
                            tab=self.tab))
        return True

    def edit(self, change: Callable[[bench.WorkState], bench.WorkState], text: str) -> bool:
        """Apply ``change`` to the working state; an AllocationError leaves it as it was and is raised."""
        return self.apply(change(self.state), text)

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
        return CHANGED if self.is_modified() else ""

    def scenario_label(self) -> str:
        """Beside the scenario's name: which scenario the working inputs are, and whether they differ."""
        if self.loaded is None:
            return f"Working inputs: {NOT_SAVED}" if self.state.partnerships else "No inputs yet"
        status = self.status_text()
        return f"Working on {self.loaded.title}" + (f" — ⚠ {status}" if status else " — ✓ as saved")

    # -- scenarios -----------------------------------------------------------------------------------
    def open(self, scenario_id: str) -> None:
        scenario = service.load_scenario(self.store, scenario_id)
        old, loaded = self.state, self.loaded
        new = bench.WorkState(scenario.partnerships, scenario.options)
        self.perform(Action(f"Open scenario {scenario.name}", do=lambda: self._set(new, scenario),
                            undo=lambda: self._set(old, loaded), tab=self.tab))

    def save(self, name: str = "", year: str = "") -> bool:
        """Save: the loaded scenario again while the name and year are its own; otherwise a new one."""
        name, year = (name or "").strip(), (year or "").strip()
        loaded = self.loaded
        if loaded is not None and name == loaded.name and _year(year) == loaded.year:
            return self._replace(loaded)
        return self.save_as_new(name, year)

    def _replace(self, loaded: service.Scenario) -> bool:
        if self.read_only:
            return False
        state, store = self.state, self.store
        holder: dict = {}

        def do():
            holder["before"] = service.replace_scenario(store, loaded.id, state.partnerships, state.options)
            self._set(state, service.load_scenario(store, loaded.id))

        def undo():
            service.put_back_scenario(store, holder["before"])
            self._set(self.state, holder["before"])

        return self._perform(Action(f"Save scenario {loaded.name}", do=do, undo=undo, tab=self.tab,
                                    after=self.scenarios_changed.emit))

    def save_as_new(self, name: str, year: str) -> bool:
        if self.read_only:
            return False
        name, year = (name or "").strip(), (year or "").strip()
        state, store, before = self.state, self.store, self.loaded
        holder: dict = {}

        def do():
            holder["id"] = service.save_scenario(store, name, year, state.partnerships, state.options,
                                                 scenario_id=holder.get("id"))
            self._set(state, service.load_scenario(store, holder["id"]))

        def undo():
            service.delete_scenario(store, holder["id"])
            self._set(self.state, before)

        return self._perform(Action(f"Save new scenario {name}", do=do, undo=undo, tab=self.tab,
                                    after=self.scenarios_changed.emit))

    def _perform(self, action: Action) -> bool:
        try:
            self.perform(action)
        except (service.ScenarioError, AllocationError) as exc:
            self.error = str(exc)
            self.changed.emit()
            return False
        self.error = ""
        return True

    def delete(self, scenario_id: str) -> None:
        store, holder = self.store, {}

        def do():
            holder["scenario"] = service.delete_scenario(store, scenario_id)
            if self.loaded is not None and self.loaded.id == scenario_id:
                self._set(self.state, None)

        def undo():
            service.restore_scenario(store, holder["scenario"])
            if self.loaded is None and self._same(holder["scenario"]):
                self._set(self.state, holder["scenario"])

        self.perform(Action("Delete scenario", do=do, undo=undo, tab=self.tab, after=self.scenarios_changed.emit))

    def adopt(self, scenario_id: str) -> None:
        store, holder = self.store, {}

        def do():
            holder["before"] = service.set_adopted(store, scenario_id)

        def undo():
            if holder.get("before"):
                service.set_adopted(store, holder["before"])
            else:
                service.set_adopted(store, scenario_id, adopted=False)

        self.perform(Action("Mark scenario as agreed", do=do, undo=undo, tab=self.tab,
                            after=self.scenarios_changed.emit))


def _year(text: str) -> str:
    try:
        return service._year_label(text)
    except service.ScenarioError:
        return text
