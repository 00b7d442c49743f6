"""File > Office Details…: whose file this is (issue 13's office scope), for the window as `safer-desk office` is for
the command line.

The office names its partnership(s), any districts its partnerships do not cover, and its county; its
districts for a year follow from those by date (services.reference). Lists of areas and the board report's
"All areas" mean these areas, so a new file shows no area of its own until they are named. Saving is one
undoable action ("Set whose file this is"), one transaction in the audit trail.

The district list holds every current district of England and Wales (318 names):
DistrictPicker decides which of them show for the text typed in the filter box and in what order (the ticked
ones, then the chosen county's, then the rest), so the dialog only shows what it is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable

from safer_desk.domain.ids import reference_id
from safer_desk.domain.periods import FinancialYear, format_uk_date, parse_uk_date
from safer_desk.domain.text import counted, in_words
from safer_desk.presenters.actions import Action, run_now, snapshot_action
from safer_desk.services import reference
from safer_desk.services.district_counties import WELSH_NAMES, county_of_district, english_name, national_counties
from safer_desk.storage.store import Store

# The kinds of partnership and partner organisation as the file stores them, and as the screens and the history say
# them ("csp" is "CSP"). A kind a file holds that is not here (another office's) is said as stored.
PARTNERSHIP_KINDS = {"csp": "CSP", "county board": "County board", "other": "Other"}
ORGANISATION_KINDS = {"district council": "District council", "county council": "County council",
                      "unitary council": "Unitary council", "police": "Police",
                      "pcc": "Police and crime commissioner", "fire": "Fire and rescue", "health": "Health",
                      "probation": "Probation", "other": "Other"}
ACTION_TEXT = reference.OFFICE_SCOPE_ACTION  # the window and `safer-desk office` name it alike


@dataclass(frozen=True)
class ScopeChoice:
    """A partnership or district the office may name, and whether it names it now."""

    id: str
    name: str
    chosen: bool
    # Why naming a partnership gives the office no district today: "ended 31/03/2010", "no districts" ("" if none)
    note: str = ""

    @property
    def label(self) -> str:
        """The name as listed: "Babergh CSP (ended 31/03/2010)" for a partnership that has ended."""
        return f"{self.name} ({self.note})" if self.note else self.name


class OfficePresenter:
    def __init__(self, store: Store, perform: Callable[[Action], object] = run_now,
                 today: Callable[[], date] = date.today, after: Callable[[], None] | None = None):
        self.store, self.perform, self.today, self.after = store, perform, today, after
        self.left_outside = ""  # what the last save left outside the office's areas, kept in the file

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def scope(self) -> reference.OfficeScope:
        return reference.office_scope(self.store)

    def partnerships(self) -> list[ScopeChoice]:
        """The file's partnerships by name, those with districts today first: one that has ended (the example's
        Babergh CSP, to 2010) or has no districts yet says so, since naming it gives the office none of them."""
        named = {a.id for a in self.scope().partnerships}
        today = self.today()
        choices = [ScopeChoice(p.id, p.name, p.id in named, reference.partnership_note(self.store, p, today))
                   for p in reference.list_partnerships(self.store)]
        return sorted(choices, key=lambda c: (bool(c.note), c.name.casefold()))

    def districts(self) -> list[ScopeChoice]:
        """The file's reference districts (the example's include those since abolished, with their dates),
        then every other current district the police.uk import knows, all by name."""
        named = {a.id for a in self.scope().districts}
        choices = {d.id: d.name for d in reference.list_districts(self.store)}
        for name, _ in reference.national_districts():
            choices.setdefault(reference_id("district", name), name)
        return [ScopeChoice(i, name, i in named) for i, name in sorted(choices.items(), key=lambda c: c[1].casefold())]

    def no_partnerships_note(self) -> str:
        """What the empty partnership list means (a new file has none), or "" when there are some to tick."""
        if reference.list_partnerships(self.store):
            return ""
        return ("This file's reference data has no partnerships yet: tick the office's districts instead "
                "(on the right).")

    def district_picker(self) -> DistrictPicker:
        """The district tick list as the dialog opens: the office's districts ticked, its county's listed next."""
        counties = {reference_id("district", name): county for name, county in county_of_district().items()}
        # The file's own word wins: its reference data names the county of abolished districts too (Forest Heath).
        own = reference.list_districts(self.store)
        counties.update({d.id: d.county for d in own if d.county})
        names = {d.id: d.name for d in own}
        became = {d.id: names[d.successor_id] for d in own if d.successor_id in names}
        chosen = self.partnerships()
        return DistrictPicker(self.districts(), counties, self.county(), became, covers=self.covers(chosen),
                              partnerships=[c.id for c in chosen if c.chosen])

    def covers(self, choices: list[ScopeChoice] | None = None) -> dict[str, tuple[str, frozenset[str]]]:
        """partnership id -> (its name, the districts it gives the office in every year: reference.districts_covered).
        One that has ended covers none; one that began later than a district, or that the district has left, does
        not cover it, so the district named on its own beside it still counts."""
        return {c.id: (c.name, frozenset(reference.districts_covered(
            self.store, [c.id], [d.id for d in reference.partnership_districts(self.store, c.id)])))
            for c in (self.partnerships() if choices is None else choices) if not c.note}

    def _own_districts(self, partnership_ids: Iterable[str], district_ids: Iterable[str]) -> list[str]:
        """The districts named on their own, less those the named partnerships give the office in every year (not
        recorded twice): the rule `safer-desk office` follows (reference.set_office_scope)."""
        district_ids = list(district_ids)
        covered = reference.districts_covered(self.store, partnership_ids, district_ids)
        return [i for i in district_ids if i not in covered]

    def outside_county_question(self, partnership_ids: list[str], district_ids: list[str], county: str) -> str:
        """What to ask before Save names a district of another county than the office's (Brighton and Hove in a
        Suffolk office); "" when Save names none that the file did not name already under that county."""
        before = self.scope()
        held = {a.id for a in before.districts} if before.county and \
            before.county.name.casefold() == county.strip().casefold() else set()
        new = [i for i in self._own_districts(partnership_ids, district_ids) if i not in held]
        return reference.districts_outside_county_words(self.store, new, county, asking=True)

    def counties(self) -> list[str]:
        """The counties the reference districts name, every English county (so a new file can choose one), and
        the office's own if it is not among them. One name once: the districts' spelling ("Suffolk") over another
        case of it (a county typed "suffolk" on the command line)."""
        names: dict[str, str] = {}
        for name in [*reference.county_names(self.store), *national_counties()]:
            names.setdefault(name.casefold(), name)
        own = self.scope().county
        if own is not None:
            names.setdefault(own.name.casefold(), own.name)
        return sorted(names.values(), key=str.casefold)

    def county(self) -> str:
        """The office's county as the list of counties spells it ("" when none is named)."""
        own = self.scope().county
        if own is None:
            return ""
        return next((name for name in self.counties() if name.casefold() == own.name.casefold()), own.name)

    def summary(self) -> str:
        """What the file says now, with this year's districts ("Districts 2026/27: Babergh, Mid Suffolk")."""
        year = FinancialYear.of(self.today())
        lines = self.scope().lines(reference.office_districts(self.store, year), year.label,
                                   reference.reported_county_words(self.store))
        # The command line's words for an unset scope name its options; here, the boxes below.
        return "\n".join("Not named yet: lists and reports use every district of the file's reference data."
                         if line.startswith("Scope: not set") else line for line in lines)

    def name(self) -> str:
        """The office's name, as its exports say they are from and the county calls it."""
        return self.store.office_name

    def differs(self, partnership_ids: list[str], district_ids: list[str], county: str,
                name: str | None = None) -> bool:
        """Whether what is ticked, chosen and typed differs from what the file says (Save would change it)."""
        before = self.scope()
        old = ({a.id for a in before.partnerships}, set(self._own_districts(
            [a.id for a in before.partnerships], [a.id for a in before.districts])),
               before.county.name if before.county else "")
        district_ids = self._own_districts(partnership_ids, district_ids)
        named = name is not None and " ".join(name.split()) != self.store.office_name
        return named or (set(partnership_ids), set(district_ids), county.strip()) != old

    def save(self, partnership_ids: list[str], district_ids: list[str], county: str,
             name: str | None = None) -> reference.OfficeScope:
        """Name these as the office's areas (replacing what it named before), and ``name`` as the office's name
        when given: one undoable action.

        Raises reference.ReferenceError for a name the reference data does not know, or an office name that
        cannot be kept (nothing changed). ``left_outside`` then says what the new scope leaves out ("" for nothing).
        """
        self.left_outside = ""
        areas_before = reference.office_area_ids(self.store)
        before = self.scope()
        old = ([a.id for a in before.partnerships], [a.id for a in before.districts],
               before.county.name if before.county else "")
        new = (list(partnership_ids), self._own_districts(partnership_ids, district_ids), county.strip())
        old_name = self.store.office_name
        new_name = old_name if name is None else " ".join(name.split())
        scope_same = (set(new[0]), set(new[1]), new[2]) == (set(old[0]), set(old[1]), old[2])
        if scope_same and new_name == old_name:
            return before  # nothing changed (the dialog closed with Save): no step for Edit > Undo, no history line
        if new_name != old_name and not new_name:
            reference.set_office_name(self.store, new_name)  # refused in its words, before anything is written
        if scope_same:
            def named(name: str) -> reference.OfficeScope:
                reference.set_office_name(self.store, name)
                return self.scope()

            return self.perform(Action(ACTION_TEXT, lambda: named(new_name), lambda: named(old_name), tab="",
                                       after=self.after))

        existing = {d.id for d in reference.list_districts(self.store)}
        added: list[str] = []  # districts the save adds to the reference data (from the national list)

        def do() -> reference.OfficeScope:
            with self.store.transaction():
                if new_name != old_name:
                    reference.set_office_name(self.store, new_name)
                scope = reference.set_office_scope(self.store, partnerships=new[0], districts=new[1], county=new[2])
            added[:] = [d.id for d in reference.list_districts(self.store) if d.id not in existing]
            return scope

        def undo() -> reference.OfficeScope:
            with self.store.transaction():
                if new_name != old_name:
                    reference.set_office_name(self.store, old_name)
                return reference.set_office_scope(self.store, partnerships=old[0], districts=old[1], county=old[2],
                                                  forget_districts=added)

        scope = self.perform(Action(ACTION_TEXT, do, undo, tab="", after=self.after))
        self.left_outside = reference.left_outside_words(self.store, areas_before)
        return scope


@dataclass(frozen=True)
class DistrictRow:
    """One line of the district tick list as shown: ticked or not, and whether it lies in the chosen county."""

    id: str
    name: str
    ticked: bool
    in_county: bool
    became: str | None = None  # the district it became, for one since abolished (Forest Heath: West Suffolk)
    covered: str = ""  # the ticked partnership that covers it ("Babergh CSP"): not named on its own as well

    @property
    def label(self) -> str:
        """The name as listed: "Forest Heath (now West Suffolk)" for a district since abolished."""
        return f"{self.name} (now {self.became})" if self.became else self.name

    @property
    def text(self) -> str:
        """The line shown: the label, and "(covered by Babergh CSP)" for a district a ticked partnership covers."""
        return f"{self.label} (covered by {self.covered})" if self.covered else self.label


class DistrictPicker:
    """The district list of Office Details without a window: what is ticked, what the filter lets through, and
    in what order.

    ``rows()`` lists the names that contain the filter text (case-insensitive, anywhere in the name): ticked
    ones first, then the chosen county's districts, then the rest; within each part the current districts
    before those since abolished (``became``: id -> the name of the district it became), then names starting
    with the text before the others, then by name. ``ticked_line()``
    names every ticked district, filtered out of sight or not, so what Save will keep is always on screen.
    A district a ticked partnership covers (``covers``: partnership id -> its name and districts) is shown as
    covered, not ticked, and left out of what Save keeps; it is ticked again if the partnership is unticked.
    """

    def __init__(self, choices: Iterable[ScopeChoice], county_of: dict[str, str], county: str = "",
                 became: dict[str, str] | None = None, *,
                 covers: dict[str, tuple[str, frozenset[str]]] | None = None, partnerships: Iterable[str] = ()):
        self.choices = list(choices)
        self.became = dict(became or {})
        self.covers = dict(covers or {})
        self.partnerships = list(partnerships)
        self._names = {c.id: c.name for c in self.choices}
        self._county_of = {i: (c or "").casefold() for i, c in county_of.items()}
        self.ticked: set[str] = {c.id for c in self.choices if c.chosen}
        self.filter_text = ""
        self.county = county.strip()

    def set_filter(self, text: str) -> None:
        self.filter_text = text or ""

    def set_county(self, county: str) -> None:
        self.county = (county or "").strip()

    @property
    def filter_example(self) -> str:
        """The filter's example, from the county chosen ("e.g. suff" finds East, Mid and West Suffolk; "e.g. devo"
        Devon's): "e.g. suff" was shown to every office, a Plymouth or Gwynedd one too."""
        key = "".join(self.county.split())[:4].casefold()
        return f"Type part of a name, e.g. {key}" if key else "Type part of a name"

    @property
    def name_example(self) -> str:
        """The office name's example, from what is ticked ("e.g. Western Suffolk CSP office", "e.g. Plymouth CSP
        office"): "e.g. Babergh and Mid Suffolk CSP office" was shown to every office, a Plymouth or Cardiff one too."""
        partnership = next((self.covers[p][0] for p in self.partnerships if p in self.covers), "")
        if partnership:
            return f"e.g. {partnership} office"
        district = next((c.name for c in self.choices if c.id in self.ticked), "")
        return f"e.g. {district} CSP office" if district else "e.g. Community Safety Partnership office"

    def set_partnerships(self, partnership_ids: Iterable[str]) -> None:
        """The partnerships ticked now (their districts are covered)."""
        self.partnerships = list(partnership_ids)

    def covered_by(self, district_id: str) -> str:
        """The first ticked partnership covering the district today, by name ("" for none)."""
        return next((self.covers[p][0] for p in self.partnerships
                     if p in self.covers and district_id in self.covers[p][1]), "")

    def tick(self, district_id: str, ticked: bool = True) -> None:
        if district_id not in self._names:
            raise KeyError(district_id)
        (self.ticked.add if ticked else self.ticked.discard)(district_id)

    def in_county(self, district_id: str) -> bool:
        return bool(self.county) and self._county_of.get(district_id) == self.county.casefold()

    def rows(self) -> list[DistrictRow]:
        needle = self.filter_text.strip().casefold()
        loose = reference.loose_name(needle.replace("&", " and "))
        shown = self._holding()
        if needle and not shown:
            # A whole name typed a letter wrong ("Rhondda Cynon Taff"): the name the command line suggests for it
            near = set(self.nearest())
            shown = [c for c in self.choices if c.name in near]
        rows = []
        for c in shown:
            covered = self.covered_by(c.id)
            rows.append(DistrictRow(c.id, c.name, c.id in self.ticked and not covered, self.in_county(c.id),
                                    self.became.get(c.id), covered))
        # Within each part, names starting with the text first, as Find does (reference.search_areas).
        return sorted(rows, key=lambda r: (not r.ticked, not r.in_county, r.became is not None,
                                           not reference.loose_name(r.name).startswith(loose), r.name.casefold()))

    def _holding(self) -> list[ScopeChoice]:
        """The districts whose name holds the filter text (all of them for none)."""
        needle = self.filter_text.strip().casefold()
        # As Find takes a name (reference.search_areas): accents, apostrophes and hyphens left out or typed ("kings
        # lynn", "Stoke on Trent"), "&" for "and", and a Welsh principal area by its Welsh name, begun ("ynys": Ynys
        # Môn, Isle of Anglesey); the text exactly as typed missed all of these.
        loose = reference.loose_name(needle.replace("&", " and "))
        welsh = {english for name, english in WELSH_NAMES.items() if loose and loose in reference.loose_name(name)}
        # A leading "The" as councils and the police.uk files write some names ("The Vale of Glamorgan": ONS's is
        # Vale of Glamorgan), as the command line takes it (police_uk.map_district).
        needles = [needle.replace("&", " and ")]
        if needle.startswith("the ") and needle[4:].strip():
            needles.append(needles[0][4:].strip())
        shown = [c for c in self.choices if not needle or c.name in welsh
                 or any(reference.area_name_holds(c.name, n, english_name(needle)) for n in needles)]
        return shown

    def nearest(self) -> list[str]:
        """The district the filter text was most likely meant to name when no name contains it ("Rhondda Cynon
        Taf" for "Rhondda Cynon Taff"), as a one-name list; [] when none is near (reference.near_names)."""
        text = self.filter_text.strip()
        # A district since merged ("Waveney", not Waverley in Surrey) or another nation's ("glasgow") is said so in
        # the note (filter_note), as the command line says it; the nearest name would be another place altogether.
        if not text or reference.became_words(text) or reference.other_nation_words(text, partial=True):
            return []
        return reference.near_names(text, [c.name for c in self.choices])

    def ticked_ids(self) -> list[str]:
        """The ticked districts by name (the order Save passes them in), less those a ticked partnership covers."""
        return sorted((i for i in self.ticked if not self.covered_by(i)), key=lambda i: self._names[i].casefold())

    def ticked_names(self) -> list[str]:
        return [self._names[i] for i in self.ticked_ids()]

    def ticked_line(self) -> str:
        """"Ticked: Babergh, Mid Suffolk" (every ticked district, whether the filter shows it or not)."""
        names = self.ticked_names()
        return f"Ticked ({len(names)}): {', '.join(names)}" if names else "Ticked: none"

    def heading(self) -> str:
        """What the list holds and in what order, said above it."""
        then = f"then {self.county}'s, then the rest" if self.county else "then the rest"
        return f"Districts the partnerships do not cover (ticked first, {then})"

    def filter_note(self) -> str:
        """'5 of 318 districts contain "suff".' while filtering; what to do when nothing matches; "" otherwise."""
        text = self.filter_text.strip()
        if not text:
            return ""
        rows = self.rows()
        shown = len(rows)
        near = self.nearest() if shown == 1 else []
        if near and rows[0].name == near[0] and not self._holding():
            return (f'No district\'s name contains "{text}": showing the nearest, {near[0]}. '
                    "Press Esc to clear the filter.")
        if shown == 0:
            became = reference.became_words(text)  # "Waveney": the list holds today's districts only
            if became:
                return f"{became}: type its name to find it. Press Esc to clear the filter."
            # "glasgow": the list holds England's and Wales's districts only
            elsewhere = reference.other_nation_words(text, partial=True)
            if elsewhere:
                return f"{elsewhere}. Press Esc to clear the filter."
            return f'No district\'s name contains "{text}". Press Esc to clear the filter.'
        verb = "contains" if shown == 1 else "contain"
        # A district found by its Welsh name only ("Caerdydd": Cardiff) does not contain the text: said so.
        loose = reference.loose_name(text.casefold().replace("&", " and "))
        listed = {r.name for r in rows}
        welsh: dict[str, str] = {}
        for name, english in WELSH_NAMES.items():
            if english in listed and loose and loose in reference.loose_name(name) \
                    and loose not in reference.loose_name(english):
                welsh.setdefault(english, name)
        said = "; ".join(f"{name} is {english}" for english, name in welsh.items())
        also = f", in English or in Welsh ({said})" if said else ""
        return f'{shown} of {counted(len(self.choices), "district")} {verb} "{text}"{also}.'


# -- the Partnerships page's changes (View > Districts, Partnerships and Partners…), each one undoable step ----------
# Undo and redo put back the rows as they were before or after the change; services.reference refuses one that a
# change made since (another window on the file, a merge) stands in the way of, in words, with nothing changed.
def _name(store: Store, table: str, row_id: str) -> str:
    return store.scalar(f"SELECT name FROM {table} WHERE id = ?", (row_id,)) or row_id


def end_partnership_action(store: Store, partnership_id: str, valid_to: date,
                           after: Callable[[], None] | None = None, *, run_on: bool = True) -> Action:
    """End partnership…: "End Babergh CSP on 31/03/2018", with the districts and members it had then (``run_on``:
    whether those that ended with it on an earlier day run on to this one: run_on_question)."""
    return snapshot_action(
        end_partnership_text(store, partnership_id, valid_to), key=partnership_id,
        snap=lambda k: reference.reference_rows(store, "partnership", k),
        restore=lambda saved: reference.put_reference_rows(store, saved), absent=lambda k: None,
        change=lambda: reference.end_partnership(store, partnership_id, valid_to, run_on=run_on),
        after=lambda _k: _refresh(after))


def correct_partnership_from_action(store: Store, partnership_id: str, valid_from: date | None,
                                    after: Callable[[], None] | None = None) -> Action:
    """Correct start…: "Correct Western Suffolk CSP's From to 01/04/2017", with what began with it."""
    said = format_uk_date(valid_from) if valid_from else "blank (always)"
    return snapshot_action(
        f"Correct {_name(store, 'partnerships', partnership_id)}'s From to {said}", key=partnership_id,
        snap=lambda k: reference.reference_rows(store, "partnership", k),
        restore=lambda saved: reference.put_reference_rows(store, saved), absent=lambda k: None,
        change=lambda: reference.correct_partnership_from(store, partnership_id, valid_from),
        after=lambda _k: _refresh(after))


def end_partnership_text(store: Store, partnership_id: str, valid_to: date) -> str:
    return f"End {_name(store, 'partnerships', partnership_id)} on {format_uk_date(valid_to)}"


def run_on_question(store: Store, partnership_id: str, valid_to: date) -> str:
    """What End partnership… asks before moving a partnership's end later when districts or members have their To
    on its old end: those ended with it, or one that left that day on its own (End district…), which the file cannot
    tell apart. "" when there are none."""
    names = reference.ended_with_partnership(store, partnership_id, valid_to)
    if not names:
        return ""
    ended = format_uk_date(parse_uk_date(store.scalar("SELECT valid_to FROM partnerships WHERE id = ?",
                                                      (partnership_id,))))
    them, their = ("them", "their") if len(names) > 1 else ("it", "its")
    return (f"{in_words(names)} ended on {ended} with {_name(store, 'partnerships', partnership_id)}. Run {them} on "
            f"to {format_uk_date(valid_to)} with it, or keep {their} end? One that left on {ended} on its own keeps "
            "its end; End district… or End membership… changes one afterwards.")


def add_partnership_district_action(store: Store, partnership_id: str, district_id: str, valid_from: date,
                                    valid_to: date | None = None, after: Callable[[], None] | None = None) -> Action:
    """Add district…: "Add Babergh to Western Suffolk CSP from 01/04/2018"."""
    return snapshot_action(
        f"Add {_name(store, 'districts', district_id)} to {_name(store, 'partnerships', partnership_id)} from "
        f"{format_uk_date(valid_from)}", key=None, snap=lambda k: (k, reference.partnership_district_row(store, k)),
        restore=lambda saved: reference.put_partnership_district(store, *saved), absent=lambda k: (k, None),
        change=lambda: reference.add_partnership_district(store, partnership_id, district_id, valid_from, valid_to),
        after=lambda _k: _refresh(after))


def end_partnership_district_action(store: Store, row_id: str, valid_to: date,
                                    after: Callable[[], None] | None = None) -> Action:
    """End district…: "End Mid Suffolk in Western Suffolk CSP on 31/03/2020" (the partnership goes on)."""
    row = reference.partnership_district_row(store, row_id) or {}
    district, partnership = row.get("district_id", ""), row.get("partnership_id", "")
    return snapshot_action(
        f"End {_name(store, 'districts', district)} in {_name(store, 'partnerships', partnership)} on "
        f"{format_uk_date(valid_to)}", key=row_id, snap=lambda k: (k, reference.partnership_district_row(store, k)),
        restore=lambda saved: reference.put_partnership_district(store, *saved), absent=lambda k: (k, None),
        change=lambda: reference.end_partnership_district(store, row_id, valid_to), after=lambda _k: _refresh(after))


def correct_partnership_district_action(store: Store, row_id: str, valid_from: date, valid_to: date | None,
                                        after: Callable[[], None] | None = None) -> Action:
    """Correct district…: "Correct Babergh in Western Suffolk CSP: from 01/04/2018" (or "from … to …")."""
    row = reference.partnership_district_row(store, row_id) or {}
    district, partnership = row.get("district_id", ""), row.get("partnership_id", "")
    span = f"from {format_uk_date(valid_from)}" + (f" to {format_uk_date(valid_to)}" if valid_to else "")
    return snapshot_action(
        f"Correct {_name(store, 'districts', district)} in {_name(store, 'partnerships', partnership)}: {span}",
        key=row_id, snap=lambda k: (k, reference.partnership_district_row(store, k)),
        restore=lambda saved: reference.put_partnership_district(store, *saved), absent=lambda k: (k, None),
        change=lambda: reference.correct_partnership_district(store, row_id, valid_from, valid_to),
        after=lambda _k: _refresh(after))


def add_membership_action(store: Store, partnership_id: str, organisation_id: str, valid_from: date,
                          valid_to: date | None = None, *, statutory: bool = True,
                          after: Callable[[], None] | None = None) -> Action:
    """Add member…: "Add Suffolk and North East Essex ICB to Babergh CSP from 01/07/2022"."""
    return snapshot_action(
        f"Add {_name(store, 'organisations', organisation_id)} to {_name(store, 'partnerships', partnership_id)} "
        f"from {format_uk_date(valid_from)}", key=None, snap=lambda k: (k, reference.membership_row(store, k)),
        restore=lambda saved: reference.put_membership(store, *saved), absent=lambda k: (k, None),
        change=lambda: reference.add_membership(store, partnership_id, organisation_id, valid_from, valid_to,
                                                statutory=statutory), after=lambda _k: _refresh(after))


def end_membership_action(store: Store, member_id: str, valid_to: date,
                          after: Callable[[], None] | None = None) -> Action:
    """End membership…: "End membership of Suffolk CCG in Babergh CSP on 30/06/2022"."""
    row = reference.membership_row(store, member_id) or {}
    org, partnership = row.get("organisation_id", ""), row.get("partnership_id", "")
    return snapshot_action(
        f"End membership of {_name(store, 'organisations', org)} in {_name(store, 'partnerships', partnership)} on "
        f"{format_uk_date(valid_to)}", key=member_id, snap=lambda k: (k, reference.membership_row(store, k)),
        restore=lambda saved: reference.put_membership(store, *saved), absent=lambda k: (k, None),
        change=lambda: reference.end_membership(store, member_id, valid_to), after=lambda _k: _refresh(after))


def correct_membership_action(store: Store, member_id: str, valid_from: date | None, valid_to: date | None, *,
                              statutory: bool, after: Callable[[], None] | None = None) -> Action:
    """Correct membership…: "Correct the membership of NHS West Suffolk CCG in Western Suffolk CSP"."""
    row = reference.membership_row(store, member_id) or {}
    org, partnership = row.get("organisation_id", ""), row.get("partnership_id", "")
    return snapshot_action(
        f"Correct the membership of {_name(store, 'organisations', org)} in "
        f"{_name(store, 'partnerships', partnership)}", key=member_id,
        snap=lambda k: (k, reference.membership_row(store, k)),
        restore=lambda saved: reference.put_membership(store, *saved), absent=lambda k: (k, None),
        change=lambda: reference.correct_membership(store, member_id, valid_from, valid_to, statutory=statutory),
        after=lambda _k: _refresh(after))


def edit_organisation_action(store: Store, org_id: str, name: str, kind: str | None = None,
                             after: Callable[[], None] | None = None) -> Action | None:
    """Edit organisation…: "Rename organisation National Probation Service to The Probation Service" (and its kind,
    "…, kind Probation", when that changes too); None when nothing would change. Undo puts back the name and kind
    it had (refused, saying why, when another organisation has taken that name since)."""
    row = store.one("SELECT name, kind FROM organisations WHERE id = ?", (org_id,))
    if row is None:
        raise reference.ReferenceError("The organisation is not in the file any more (removed by an undo, or in "
                                       "another window): nothing was changed.")
    old_name, old_kind = row["name"], row["kind"]
    new_name, new_kind = " ".join((name or "").split()), kind or old_kind
    if (new_name, new_kind) == (old_name, old_kind):
        return None
    kind_words = ORGANISATION_KINDS.get(new_kind, new_kind)
    if new_name == old_name:
        text = f"Edit organisation {old_name}: kind {kind_words}"
    else:
        text = f"Rename organisation {old_name} to {new_name or '(blank)'}" + \
               (f", kind {kind_words}" if new_kind != old_kind else "")
    return Action(text, lambda: reference.edit_organisation(store, org_id, name=new_name, kind=new_kind),
                  lambda: reference.edit_organisation(store, org_id, name=old_name, kind=old_kind),
                  after=lambda: _refresh(after))


def _refresh(after: Callable[[], None] | None) -> None:
    if after is not None:
        after()
