"""The window's start page for a file with nothing in it yet, or no file at all (Qt-free).

It says what to do next, each step a button: open the example (a copy; the file open is not changed),
set the office's districts and partners, import police.uk street-crime files, add the first project. A county
lead's file is offered the county's first steps instead: merge the offices' district files, name its county.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from safer_desk.domain.enums import LabelledEnum
from safer_desk.services.start import has_merged, holds_work


class Step(LabelledEnum):
    """A next step the start page offers (the label is the button's text, its Alt letter marked where one is
    free beside the Projects page's own: that page's "Add pro&ject" is the same as the first project's)."""

    EXAMPLE = ("example", "Loo&k Around the Example")
    POLICE = ("police", "Import Police Data…")
    PROJECT = ("project", "Add the First Project")
    PLACES = ("places", "Set &Your Districts and Partnerships…")
    MERGE = ("merge", "Import District Files…")
    NEW = ("new", "&New File…")
    OPEN = ("open", "&Open File…")


STEP_NOTES = {
    Step.EXAMPLE: "a full example office to look around (a copy: this file is not changed)",
    Step.POLICE: "count data.police.uk street-crime files by month, district and crime type",
    Step.PROJECT: "the first line of the project register",
    Step.PLACES: "whose file this is: your office's districts or partnerships, and its county",
    Step.MERGE: "merge the district offices' exports into this county file (File > Import District Files…)",
    Step.NEW: "a new, empty Safer Desk file",
    Step.OPEN: "a Safer Desk file you already have",
}


@dataclass(frozen=True)
class StartPage:
    heading: str
    text: str
    steps: tuple[Step, ...]
    done: dict[Step, str] = field(default_factory=dict)  # a step already done: what it says instead of its note
    reminder: str = ""  # the office still called after its file (what the county would call it): one line, or ""

    def note(self, step: Step) -> str:
        return self.done.get(step) or STEP_NOTES[step]


def start_page(store) -> StartPage | None:
    """What the start page says, or None when the open file already holds the office's work."""
    if store is None:
        return StartPage("No file is open",
                         "Open a Safer Desk file, make a new one, or look around the example first.",
                         (Step.OPEN, Step.NEW, Step.EXAMPLE))
    if holds_work(store):
        return None
    from safer_desk.services import reference  # only for a new file: off the way to an office's first screen

    scope = reference.office_scope(store)
    county = is_county_file(store, scope)
    # a read-only file can only be looked at: nothing to import or add
    if store.read_only:
        steps = (Step.EXAMPLE, Step.PLACES)
    elif county:  # the county lead's first steps: the offices' files merged in, the county named
        steps = (Step.EXAMPLE, Step.MERGE, Step.PLACES)
    else:
        # whose file it is before the work put in, as the guide's first day has it ("before anything else")
        steps = (Step.EXAMPLE, Step.PLACES, Step.POLICE, Step.PROJECT)
    done = {}
    if scope.merged_offices:
        done[Step.MERGE] = "Done: merged " + ", ".join(o.office_name for o in scope.merged_offices) + (
            "; import the other offices' files as they come")
    if scope.is_set:  # Office Details… saved: the step says what it set (its button changes it)
        areas = [a.name for a in scope.partnerships + scope.districts]
        done[Step.PLACES] = "Done: " + "; ".join(areas + ([f"county {scope.county.name}"] if scope.county else []))
    # a new file is named after its file ("safer-desk" for the default one): what the county calls it once exported
    named = scope.office_name != store.path.stem
    reminder = "" if named or county or store.read_only or store.meta("export_sequence") else (
        f"The office is still called “{scope.office_name}”, after its file: name it in File > Office Details… "
        "before your first export (it is what the county will call you).")
    if store.read_only:  # in use in another window, or on read-only storage: nothing can be set up from here
        empty = not named and not done
        office = "Nothing has been added to this file yet" if empty else (
            f"The office is “{scope.office_name}”" if named else "The office's details are set"
        ) + "; no work has been added to this file yet"
        done.setdefault(Step.PLACES, "whose file this is, as the file says now (it is open read-only here)")
        return StartPage(f"{store.path.name} is new{' and empty' if empty else ''}",
                         f"{office}. It is open read-only here: it can be looked at, not changed.", steps, done)
    if not named and not done:
        return StartPage(f"{store.path.name} is new and empty", "Nothing has been added to this file yet. To start:",
                         steps, done, reminder)
    office = f"The office is “{scope.office_name}”" if named else "The office's details are set"
    return StartPage(f"{store.path.name} is new", f"{office}; no work has been added to this file yet. Next:",
                     steps, done, reminder)


def is_county_file(store, scope) -> bool:
    """A county lead's file: it has merged district exports (or registered an office's key), or it, or the office
    named in Office Details, is called a county's ("suffolk-county.sqlite", "Suffolk County Council")."""
    if scope.is_county_file or has_merged(store):
        return True
    return any(re.search(r"\bcounty\b", name.replace("_", " "), re.IGNORECASE)
               for name in (store.path.stem, scope.office_name))
