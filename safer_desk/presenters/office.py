"""File > Office Details…: whose file this is (issue 13's office scope), for the window as `safer-desk office` is for
the command line.

The office names its partnership(s), any districts its partnerships do not cover, and its county; its
districts for a year follow from those by date (services.reference). Lists of areas and the board report's
"All areas" mean these areas, so a new file shows no area of its own until they are named. Saving is one
undoable action ("Set whose file this is"), one transaction in the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from safer_desk.domain.ids import reference_id
from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import Action, run_now
from safer_desk.services import reference
from safer_desk.storage.store import Store

ACTION_TEXT = "Set whose file this is"


@dataclass(frozen=True)
class ScopeChoice:
    """A partnership or district the office may name, and whether it names it now."""

    id: str
    name: str
    chosen: bool


class OfficePresenter:
    def __init__(self, store: Store, perform: Callable[[Action], object] = run_now,
                 today: Callable[[], date] = date.today, after: Callable[[], None] | None = None):
        self.store, self.perform, self.today, self.after = store, perform, today, after

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def scope(self) -> reference.OfficeScope:
        return reference.office_scope(self.store)

    def partnerships(self) -> list[ScopeChoice]:
        named = {a.id for a in self.scope().partnerships}
        return [ScopeChoice(p.id, p.name, p.id in named)
                for p in sorted(reference.list_partnerships(self.store), key=lambda p: p.name.casefold())]

    def districts(self) -> list[ScopeChoice]:
        """The file's reference districts (the example's include those since abolished, with their dates),
        then every other current district the police.uk import knows, all by name."""
        named = {a.id for a in self.scope().districts}
        choices = {d.id: d.name for d in reference.list_districts(self.store)}
        for name, _ in reference.national_districts():
            choices.setdefault(reference_id("district", name), name)
        return [ScopeChoice(i, name, i in named) for i, name in sorted(choices.items(), key=lambda c: c[1].casefold())]

    def counties(self) -> list[str]:
        """The counties the reference districts name, and the office's own if it is not among them."""
        names = set(reference.county_names(self.store))
        own = self.scope().county
        if own is not None:
            names.add(own.name)
        return sorted(names, key=str.casefold)

    def county(self) -> str:
        own = self.scope().county
        return own.name if own is not None else ""

    def summary(self) -> str:
        """What the file says now, with this year's districts ("Districts 2026/27: Babergh, Mid Suffolk")."""
        year = FinancialYear.of(self.today())
        lines = self.scope().lines(reference.office_districts(self.store, year), year.label)
        # The command line's words for an unset scope name its options; here, the boxes below.
        return "\n".join("Not named yet: lists and reports use every district of the file's reference data."
                         if line.startswith("Scope: not set") else line for line in lines)

    def save(self, partnership_ids: list[str], district_ids: list[str], county: str) -> reference.OfficeScope:
        """Name these as the office's areas (replacing what it named before): one undoable action.

        Raises reference.ReferenceError for a name the reference data does not know (nothing changed)."""
        before = self.scope()
        old = ([a.id for a in before.partnerships], [a.id for a in before.districts],
               before.county.name if before.county else "")
        new = (list(partnership_ids), list(district_ids), county.strip())

        existing = {d.id for d in reference.list_districts(self.store)}
        added: list[str] = []  # districts the save adds to the reference data (from the national list)

        def do() -> reference.OfficeScope:
            scope = reference.set_office_scope(self.store, partnerships=new[0], districts=new[1], county=new[2])
            added[:] = [d.id for d in reference.list_districts(self.store) if d.id not in existing]
            return scope

        def undo() -> reference.OfficeScope:
            return reference.set_office_scope(self.store, partnerships=old[0], districts=old[1], county=old[2],
                                              forget_districts=added)

        return self.perform(Action(ACTION_TEXT, do, undo, tab="", after=self.after))
