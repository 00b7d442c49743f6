"""Reference data every tab shares: districts, partnerships (and the districts they cover), organisations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Sequence

from safer_desk.domain.ids import new_id, reference_id, slug
from safer_desk.domain.indicators import period_kind
from safer_desk.domain.periods import FinancialYear, PeriodError, format_uk_date, parse_uk_date
from safer_desk.domain.text import (close_names, counted, find_typed, in_words, ranges_text, tidy_spaces,
                                    typed_name_key)
from safer_desk.services.district_counties import (counted_county, counted_county_of_district, county_of_district,
                                                   english_name, national_counties, unitaries_within_counties,
                                                   welsh_principal_areas, without_accents)
from safer_desk.storage.store import Store


class ReferenceError(ValueError):
    pass


@dataclass(frozen=True)
class District:
    id: str
    name: str
    ons_code: str | None
    county: str | None
    successor_id: str | None
    valid_from: str | None = None  # its first and last day as stored (2019-04-01), None: open
    valid_to: str | None = None


@dataclass(frozen=True)
class Partnership:
    id: str
    name: str
    kind: str
    valid_from: str | None
    valid_to: str | None


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    kind: str


class DistrictError(ReferenceError):
    """A district's add or correction refused; ``field`` names what it is about ("name", "ons_code", "county",
    "valid_from", "valid_to", "successor")."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def add_district(store: Store, name: str, *, ons_code: str | None = None, county: str | None = None,
                 successor: str | None = None, valid_from: str | None = None, valid_to: str | None = None) -> str:
    """Add a district (or return the existing one of that name); successor names the district it became, from
    the day after valid_to (Waveney to 31/03/2019, then East Suffolk). The county is spelled as the file already
    spells it, else as the national lookup does ("suffolk" is Suffolk)."""
    name = tidy_spaces(name)
    if not name:
        raise DistrictError("name", "A district needs a name.")
    name = _district_spelling(store, name, ons_code)
    district_id = reference_id("district", name)
    values = _district_values(store, district_id, name, ons_code, county, successor, valid_from, valid_to)
    with store.transaction():
        store.conn.execute(
            "INSERT INTO districts(id, name, ons_code, county, successor_id, valid_from, valid_to) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING", (district_id, name, *values))
    return district_id


def held_name(store: Store, kind: str, item_id: str | None) -> str:
    """The name of the district, partnership or organisation (``kind``) with this id; "" when there is none."""
    if not item_id:
        return ""
    return store.scalar(f"SELECT name FROM {_REFERENCE_TABLES[kind]} WHERE id = ?", (item_id,)) or ""


def name_taken(store: Store, kind: str, name: str) -> str:
    """How the list spells the district, partnership or organisation that ``name`` would be ("Mid-Suffolk" typed
    where Mid Suffolk is: the same id); "" when there is none, to be added. An organisation renamed keeps the id its
    old name gave: its old name is free again, its new one taken."""
    name = tidy_spaces(name)
    if not name:
        return ""
    prefix = {"organisation": "org"}.get(kind, kind)
    held = held_name(store, kind, reference_id(prefix, name))
    if held and slug(held) == slug(name):
        return held
    return next((r["name"] for r in store.rows(f"SELECT name FROM {_REFERENCE_TABLES[kind]}")
                 if slug(r["name"]) == slug(name)), "")


def held_name_id(store: Store, table: str, name: str) -> str | None:
    """The id of the district, partnership or organisation that ``name`` is (its id, or its name in any case); else
    of the one whose name, spaces tidied, is ``name``: a file written before names were tidied may hold "Suffolk
    Constabulary" with two spaces, which "Suffolk Constabulary" typed means."""
    wanted = tidy_spaces(name)
    if not wanted:
        return None
    found = store.scalar(f"SELECT id FROM {table} WHERE id = ? OR name = ? COLLATE NOCASE", (wanted, wanted))
    return found or next((r["id"] for r in store.rows(f"SELECT id, name FROM {table}")
                          if tidy_spaces(r["name"]).casefold() == wanted.casefold()), None)


def district_spelling(store: Store, name: str, ons_code: str | None = None) -> str:
    """The name Add district holds for ``name`` ("forest  heath" is Forest Heath), to name the step before it is
    taken; the name as typed, spaces tidied, when Add would refuse it (the refusal says why)."""
    name = tidy_spaces(name)
    try:
        return _district_spelling(store, name, ons_code) if name else name
    except DistrictError:
        return name


def _district_spelling(store: Store, name: str, ons_code: str | None) -> str:
    """A new district's name as the file or the police.uk lookup spells it ("Mid-Suffolk" is Mid Suffolk, so its
    figures find it). A name a letter or two from a known one ("Ipswitch") is refused naming it: figures are filed
    under the real name, so the misspelt district would never have any. One the lookup does not know at all
    (a district made after it) is added as typed, and so is a near one given with its ONS code."""
    from safer_desk.exchange.police_uk import district_lookup, map_district

    lookup = district_lookup()
    own = [r[0] for r in store.rows("SELECT name FROM districts")]
    welsh = english_name(name)
    if welsh and not any(typed_name_key(k) == typed_name_key(name) for k in own):
        return welsh  # "Caerdydd" is Cardiff, as the import files its figures
    known = [*own, *(n for n, _ in lookup.values()), *lookup]
    spelled = next((k for k in known if typed_name_key(k) == typed_name_key(name)), None) or \
        _loosely_typed(list(dict.fromkeys(known)), name, lambda k: k)
    if spelled is not None and spelled not in own and spelled in lookup and not map_district(spelled).renamed:
        return lookup[spelled][0]  # "Bristol" is Bristol, City of, as the import files its figures (Waveney stays)
    if spelled is not None:
        return spelled
    meant = _meant(name, known)
    if meant and not (ons_code or "").strip():
        raise DistrictError("name", f"There is no district called {name}{meant}. Type its name as the council "
                                    "spells it: figures are filed under that name. (A new district the police.uk "
                                    "lookup does not know yet is added with its ONS code.)")
    return name


def _district_values(store: Store, district_id: str, name: str, ons_code: str | None, county: str | None,
                     successor: str | None, valid_from: date | str | None, valid_to: date | str | None
                     ) -> tuple[str | None, str | None, str | None, str | None, str | None]:
    """(ons_code, county, successor_id, valid_from, valid_to) as a district is stored, checked as Add and Edit
    district check them; a refusal names its field."""
    county = _county_name(store, county.strip(), leaving_out=district_id) if county and county.strip() else None
    try:
        ons_code = _ons_code(ons_code)
    except ReferenceError as exc:
        raise DistrictError("ons_code", str(exc)) from None
    valid_from, valid_to = _district_day(valid_from, "valid_from", "From"), _district_day(valid_to, "valid_to", "To")
    if valid_from and valid_to and valid_to < valid_from:
        first, last = format_uk_date(_day(valid_from)), format_uk_date(_day(valid_to))
        raise DistrictError("valid_to", f"To ({last}) is before From ({first}): a district ends on or after the day "
                                        "it begins.")
    successor = (successor or "").strip()
    successor_id = None
    if successor:
        row = store.one("SELECT id, name FROM districts WHERE id IN (?, ?) OR lower(name) = lower(?)",
                        (successor, f"district:{slug(successor)}", successor))
        if row is None or row["id"] == district_id:
            meant = _meant(successor, [r[0] for r in store.rows("SELECT name FROM districts WHERE id <> ?",
                                                                (district_id,))])
            raise DistrictError("successor", f"There is no other district called {successor}{meant} for {name} to "
                                             "have become: add it first.")
        successor_id, successor = row["id"], row["name"]
        chain, seen = successor_id, set()
        while chain and chain not in seen:  # Waveney became East Suffolk: East Suffolk cannot have become Waveney
            if chain == district_id:
                raise DistrictError("successor", f"{successor} became {name} (its Became says so): {name} cannot "
                                                 f"have become {successor} as well.")
            seen.add(chain)
            chain = store.scalar("SELECT successor_id FROM districts WHERE id = ?", (chain,))
        if not valid_to:  # the successor's own day (Suffolk's 31/03/2019 was said to a Somerset office too)
            began = _day(store.scalar("SELECT valid_from FROM districts WHERE id = ?", (successor_id,))) or \
                DISTRICTS_BEGAN.get(successor)
            day = f"{format_uk_date(began - timedelta(days=1))}, " if began else ""
            raise DistrictError("valid_to", f"To: type {name}'s last day before it became {successor} ({day}the day "
                                            f"before {successor} began).")
    _check_succession(store, district_id, name, _day(valid_from), _day(valid_to), successor_id)
    if ons_code:
        _code_not_held(store, district_id, name, ons_code, valid_from, valid_to)
    return ons_code, county, successor_id, valid_from, valid_to


def _code_holders(store: Store, district_id: str, ons_code: str | None, first: str | None, last: str | None
                  ) -> list:
    """The other districts holding ``ons_code`` for any day from ``first`` to ``last`` (ISO days; None: no end)."""
    if not ons_code:
        return []
    rows = store.rows("SELECT id, name, valid_from, valid_to FROM districts WHERE ons_code = ? AND id <> ? "
                      "ORDER BY name", (ons_code, district_id))
    return [r for r in rows if (first is None or r["valid_to"] is None or first <= r["valid_to"])
            and (last is None or r["valid_from"] is None or r["valid_from"] <= last)]


def _code_not_held(store: Store, district_id: str, name: str, ons_code: str, first: str | None,
                   last: str | None) -> None:
    """An ONS code names one district at a time: Ipswich's E07000202 given to an "Ipswich Borough" standing for the
    same days is refused. A district renamed keeping its code (Shepway became Folkestone and Hythe on 01/04/2018,
    still E07000112) shares it once the old one has ended. A file that already holds a shared code (written before
    codes were checked) may still have either district corrected: only a sharing this change makes is refused."""
    stored = store.one("SELECT ons_code, valid_from, valid_to FROM districts WHERE id = ?", (district_id,))
    before = {r["id"] for r in _code_holders(store, district_id, stored["ons_code"], stored["valid_from"],
                                             stored["valid_to"])} if stored is not None else set()
    holder = next((r for r in _code_holders(store, district_id, ons_code, first, last) if r["id"] not in before), None)
    if holder is not None:
        other = holder["name"]
        raise DistrictError("ons_code", f"ONS code: {ons_code} is already {other}'s for some of the same days, and a "
                                        "code names one district at a time. Correct it if it is a slip (or leave it "
                                        f"blank); if {other} was renamed {name} keeping its code, give {other} a To "
                                        f"and Became {name} first, then give {name} the code.")


def _check_succession(store: Store, district_id: str, name: str, first: date | None, last: date | None,
                      successor_id: str | None) -> None:
    """What a district became begins the day after its To at the latest, and not before the district itself began
    (Waveney 01/04/1974 to 31/03/2019, then East Suffolk from 01/04/2019): a later From leaves days that count for
    neither, an earlier one is a slip. A To on the very day the successor began is the merger's day typed for the
    old district's last (01/04/2019 for 31/03/2019): that month would count Waveney's figures, not East Suffolk's,
    which police.uk files them under. (A longer overlap is let through: a merger's day is moved in two edits, one
    district at a time.) Checked from both ends: the district's successor, and those that became it."""
    day = timedelta(days=1)
    if successor_id and last:
        row = store.one("SELECT name, valid_from FROM districts WHERE id = ?", (successor_id,))
        begins = _day(row["valid_from"]) if row is not None else None
        if begins and begins > last + day:
            raise DistrictError("valid_to", f"To ({format_uk_date(last)}) is long before {row['name']} began "
                                            f"({format_uk_date(begins)}), which {name} became: the days between would "
                                            f"count for neither. Type {format_uk_date(begins - day)}, the day before "
                                            f"{row['name']} began, or correct {row['name']}'s From.")
        if begins and first and begins < first:
            raise DistrictError("valid_from", f"From ({format_uk_date(first)}) is after {row['name']} began "
                                              f"({format_uk_date(begins)}), though {name} became {row['name']}: "
                                              f"correct {name}'s From, or {row['name']}'s.")
        if begins and begins == last:
            raise DistrictError("valid_to", f"To ({format_uk_date(last)}) is the day {row['name']} began, though "
                                            f"{name} became {row['name']}: To is {name}'s last day, so that month "
                                            f"would count {name}'s figures, not {row['name']}'s. Type "
                                            f"{format_uk_date(begins - day)}, the day before {row['name']} began, or "
                                            f"correct {row['name']}'s From.")
    if first is None:
        return
    for row in store.rows("SELECT name, valid_from, valid_to FROM districts WHERE successor_id = ? AND id <> ? "
                          "ORDER BY name", (district_id, district_id)):
        began, ended = _day(row["valid_from"]), _day(row["valid_to"])
        if ended is None:
            continue
        after = f"type {format_uk_date(ended + day)}, the day after {row['name']}'s To"
        if began and first < began:
            raise DistrictError("valid_from", f"From ({format_uk_date(first)}) is before {row['name']} began "
                                              f"({format_uk_date(began)}), though {row['name']} became {name}: "
                                              f"{after}.")
        if first > ended + day:
            raise DistrictError("valid_from", f"From ({format_uk_date(first)}) is more than a day after "
                                              f"{row['name']}'s To ({format_uk_date(ended)}), when it became {name}: "
                                              f"the days between would count for neither. {after[0].upper()}"
                                              f"{after[1:]}, or correct {row['name']}'s To.")
        if first == ended:
            raise DistrictError("valid_from", f"From ({format_uk_date(first)}) is {row['name']}'s last day (its To), "
                                              f"though {row['name']} became {name}: that month would count "
                                              f"{row['name']}'s figures, not {name}'s. {after[0].upper()}{after[1:]}, "
                                              f"or correct {row['name']}'s To.")


def _district_day(value: date | str | None, field: str, label: str) -> str | None:
    if isinstance(value, date):
        return value.isoformat()
    try:
        return _iso_day(value, label)
    except ReferenceError as exc:
        raise DistrictError(field, str(exc)) from None


def edit_district(store: Store, district_id: str, *, name: str, ons_code: str | None = None,
                  county: str | None = None, successor: str | None = None, valid_from: date | str | None = None,
                  valid_to: date | str | None = None) -> None:
    """Correct a district in one transaction: its ONS code, county, From, To and what it became (by name or id),
    checked as Add checks them, and its name's spelling. Its id never changes: figures, reviews, partnerships,
    the office's scope and the county's merge all know it by its id, and imports and other offices' files find
    it by the id its name gives, so a name giving another id is refused (a district renamed is a new district
    that the old one became)."""
    row = store.one("SELECT * FROM districts WHERE id = ?", (district_id,))
    if row is None:
        raise DistrictError("name", "There is no such district.")
    name = tidy_spaces(name or "")  # as Add district holds it: "Mid  Suffolk" is Mid Suffolk
    if not name:
        raise DistrictError("name", "A district needs a name.")
    if name != row["name"]:
        try:
            same_id = reference_id("district", name) == district_id
        except ValueError:
            same_id = False
        if not same_id:
            raise DistrictError("name", f"Only the spelling of {row['name']}'s name (capitals, spaces, punctuation) "
                                        f"can be corrected: “{name}” would be another district to figures, imports "
                                        "and the county's merge, which find it by its name. A district renamed is "
                                        f"a new one: add {name}, then give {row['name']} a To and Became {name}.")
        if store.scalar("SELECT 1 FROM districts WHERE lower(name) = lower(?) AND id <> ?", (name, district_id)):
            raise DistrictError("name", f"There is already a district called {name}.")
    values = _district_values(store, district_id, name, ons_code, county, successor, valid_from, valid_to)
    with store.transaction():
        store.conn.execute("UPDATE districts SET name = ?, ons_code = ?, county = ?, successor_id = ?, valid_from = ?, "
                           "valid_to = ? WHERE id = ?", (name, *values, district_id))
        if values[2] and (values[2], values[4]) != (row["successor_id"], row["valid_to"]):
            _still_one_csp_each(store, district_id)  # refused: the update is rolled back with it
        if name != row["name"]:  # the copies of its name kept beside its id (the office's scope, its figures' area)
            if _has_office_areas(store):
                store.conn.execute("UPDATE office_areas SET name = ? WHERE area_id = ?", (name, district_id))
            store.conn.execute("UPDATE OR IGNORE indicator_areas SET name = ? WHERE id = ?", (name, district_id))


def district_dates_question(store: Store, district_id: str, *, name: str, ons_code: str | None = None,
                            county: str | None = None, successor: str | None = None,
                            valid_from: date | str | None = None, valid_to: date | str | None = None) -> dict[str, str]:
    """What to ask (by field, "valid_to" / "valid_from") before Edit district saves dates that leave figures the
    district holds outside them (Waveney's To 31/03/2019 with an Apr-25 figure): partnership and county totals
    count the figures of the district that covered the area then (outside_dates), so those stop counting. Names
    how many figures of which indicators and months, and whose the totals count instead; {} when none newly fall
    outside, or when the correction would be refused anyway (the refusal says why on Save)."""
    from safer_desk.services import indicators as svc

    try:
        _, _, successor_id, first_day, last_day = _district_values(store, district_id, name, ons_code, county,
                                                                   successor, valid_from, valid_to)
    except DistrictError:
        return {}
    stored = {r["id"]: dict(r)
              for r in store.rows("SELECT id, name, successor_id, valid_from, valid_to FROM districts")}
    if district_id not in stored:
        return {}
    corrected = {**stored, district_id: {**stored[district_id], "successor_id": successor_id, "valid_from": first_day,
                                         "valid_to": last_day}}
    title = stored[district_id]["name"]
    after: list[tuple[str, str, str]] = []  # (indicator, period, whose figure the totals count then)
    before: list[tuple[str, str]] = []
    made_from = [i for i, d in corrected.items() if d["successor_id"] == district_id and i != district_id]
    held = {(r[0], r[1]) for r in store.rows(
        "SELECT indicator_id, period FROM indicator_values WHERE (value IS NOT NULL OR numerator IS NOT NULL) AND "
        f"area_id IN ({', '.join('?' for _ in made_from)})", made_from)} if made_from else set()
    for row in store.rows("SELECT i.name AS indicator, v.indicator_id, v.period FROM indicator_values v JOIN "
                          "indicators i ON i.id = v.indicator_id WHERE v.area_id = ? AND (v.value IS NOT NULL OR "
                          "v.numerator IS NOT NULL) ORDER BY i.sort_order, i.name", (district_id,)):
        period = row["period"]
        if not svc.outside_dates(store, district_id, period, districts=corrected) or \
                svc.outside_dates(store, district_id, period, districts=stored):  # asked about when it was typed
            continue
        start = svc.period_span(period)[0]
        if last_day and start > date.fromisoformat(last_day):
            cover = corrected.get(successor_id or "")  # what it became, or what that became in turn by then
            while cover is not None and cover["valid_to"] and start > svc.reference_day(cover["valid_to"], end=True):
                cover = corrected.get(cover["successor_id"] or "")
            after.append((row["indicator"], period, cover["name"] if cover is not None else ""))
        elif made_from and (row["indicator_id"], period) not in held:
            # police.uk files name today's district: its figure stands for those it was made from, which have none
            continue
        else:
            before.append((row["indicator"], period))
    questions = {}
    if after:
        questions["valid_to"] = _outside_words(
            [(i, p) for i, p, _ in after], f"after {title}'s To", _day(last_day),
            sorted({c for _, _, c in after if c}), f"no district follows {title}")
    if before:
        questions["valid_from"] = _outside_words(
            before, f"before {title}'s From", _day(first_day),
            sorted(d["name"] for d in corrected.values() if d["successor_id"] == district_id),
            f"no district comes before {title}")
    for field, words in _merger_overlap_words(stored, corrected, district_id).items():
        questions[field] = f"{questions[field]} {words}" if field in questions else words
    return questions


def _merger_overlap_words(stored: dict, corrected: dict, district_id: str) -> dict[str, str]:
    """What to ask when the corrected dates have a district and the one it became both stand for more than a day
    (St Edmundsbury's To 31/03/2020 while West Suffolk began 01/04/2019): let through, as a merger's day is moved in
    two edits, one district at a time, but for those months the totals count the old district's figures. Named with
    its months and what to correct next; asked only when the overlap is new or changed by this correction."""
    from safer_desk.services import indicators as svc

    day = timedelta(days=1)

    def overlaps(table: dict) -> dict[str, tuple[list[str], date, date]]:
        me = table[district_id]
        out = {}
        after = table.get(me["successor_id"] or "")
        first, last = _day(after["valid_from"]) if after else None, _day(me["valid_to"])
        if first and last and first < last:
            out["valid_to"] = ([after["name"]], first, last)
        mine = _day(me["valid_from"])
        older = [(d["name"], _day(d["valid_to"])) for i, d in sorted(table.items(), key=lambda t: t[1]["name"])
                 if d["successor_id"] == district_id and i != district_id and d["valid_to"]]
        older = [(n, t) for n, t in older if mine and mine < t]
        if older:
            out["valid_from"] = ([n for n, _ in older], mine, max(t for _, t in older))
        return out

    title = corrected[district_id]["name"]
    was, now = overlaps(stored), overlaps(corrected)
    words = {}
    for field, (names, first, last) in now.items():
        if was.get(field) == (names, first, last):
            continue
        months = [svc.period_label(f"{d.year}-{d.month:02d}") for d in (first, last)]
        span = months[0] if months[0] == months[1] else f"{months[0]} to {months[1]}"
        if field == "valid_to":
            other = names[0]
            words[field] = (f"To ({format_uk_date(last)}) is after {other} began ({format_uk_date(first)}), though "
                            f"{title} became {other}: for {span} partnership and county totals would count {title}'s "
                            f"figures, not {other}'s. If the merger's day is moving, correct {other}'s From to "
                            f"{format_uk_date(last + day)} next; if not, type {format_uk_date(first - day)}.")
        else:
            whose = f"{names[0]}'s To" if len(names) == 1 else f"the To of {in_words(names)}"
            words[field] = (f"From ({format_uk_date(first)}) is before {whose} ({format_uk_date(last)}), though "
                            f"{in_words(names)} became {title}: for {span} partnership and county totals would "
                            f"count {in_words(names)}'s figures, not {title}'s. If the merger's day "
                            f"is moving, correct {whose} to {format_uk_date(first - day)} next; if not, type "
                            f"{format_uk_date(last + day)}.")
    return words


def _outside_words(figures: list[tuple[str, str]], where: str, day: date, whose: Sequence[str], nobody: str) -> str:
    """"1 figure of All crime (Apr-25) is after Waveney's To (31/03/2019): partnership and county totals would
    count East Suffolk's for that month instead of it." (``whose``: the districts the totals count instead)"""
    from safer_desk.services import indicators as svc

    names = list(dict.fromkeys(i for i, _ in figures))
    if len(names) > 4:  # a police.uk import's fifteen crime types
        names = [*names[:3], counted(len(names) - 3, "other indicator")]
    periods = sorted({p for _, p in figures}, key=svc.period_span)
    months = ranges_text(periods, lambda a, b: svc.period_span(a)[1] + timedelta(days=1) == svc.period_span(b)[0],
                         svc.period_label)
    one = len(figures) == 1
    noun = "month" if all(period_kind(p) == "monthly" for p in periods) else "period"
    those, it = f"that {noun}" if len(periods) == 1 else f"those {noun}s", "it" if one else "them"
    owners = in_words([f"{w}'s" for w in whose])
    instead = f"partnership and county totals would count {owners} for {those} instead of {it}" if whose else \
        f"no total would count {it}, as {nobody}"
    return (f"{counted(len(figures), 'figure')} of {in_words(names)} ({months}) {'is' if one else 'are'} {where} "
            f"({format_uk_date(day)}): {instead}.")


def district_snapshot(store: Store, district_id: str) -> dict:
    """A district's row and the copies of its name beside its id, as put_district_snapshot puts them back."""
    row = store.one("SELECT * FROM districts WHERE id = ?", (district_id,))
    office = [tuple(r) for r in store.rows("SELECT id, name FROM office_areas WHERE area_id = ?", (district_id,))] \
        if _has_office_areas(store) else []
    return {"row": dict(row) if row is not None else None, "office_areas": office,
            "indicator_area": store.scalar("SELECT name FROM indicator_areas WHERE id = ?", (district_id,))}


def put_district_snapshot(store: Store, district_id: str, snap: dict) -> None:
    """Make the district what ``snap`` (from district_snapshot) holds (undo and redo of Edit district). Refused
    (nothing changed) when its dates and what it became, put back, no longer fit those of the district it became or
    of those that became it, changed since."""
    row = snap["row"]
    now = store.one("SELECT successor_id, valid_from, valid_to FROM districts WHERE id = ?", (district_id,))
    if now is not None and tuple(now) != (row["successor_id"], row["valid_from"], row["valid_to"]):
        try:
            _check_succession(store, district_id, row["name"], _day(row["valid_from"]), _day(row["valid_to"]),
                              row["successor_id"])
        except DistrictError as exc:
            raise ReferenceError(f"{row['name']}'s dates cannot be put back as they were ({_SINCE}): "
                                 f"{str(exc).rstrip('.')}") from None
    with store.transaction():
        store.conn.execute("UPDATE districts SET " + ", ".join(f"{c} = ?" for c in row if c != "id") + " WHERE id = ?",
                           [*(row[c] for c in row if c != "id"), district_id])
        for area_row_id, name in snap["office_areas"]:
            store.conn.execute("UPDATE office_areas SET name = ? WHERE id = ?", (name, area_row_id))
        if snap["indicator_area"] is not None:
            store.conn.execute("UPDATE OR IGNORE indicator_areas SET name = ? WHERE id = ?",
                               (snap["indicator_area"], district_id))


_ONS_CODE = re.compile(r"^[A-Z]\d{8}$")


def _ons_code(typed: str | None) -> str | None:
    """An ONS code as the ONS writes it (E07000244: a letter and eight digits), blank for none; refused otherwise."""
    code = (typed or "").strip().upper()
    if code and not _ONS_CODE.match(code):
        raise ReferenceError(f"ONS code: “{typed.strip()}” is not a letter and eight digits, as ONS codes are (East "
                             "Suffolk's is E07000244). Leave it blank if you do not know it.")
    return code or None


def _not_written_another_way(store: Store, table: str, kind: str, name: str, own_id: str) -> None:
    """A partnership or organisation is added once: "Brighton & Hove CSP" where Brighton and Hove CSP is would be a
    second one (its own id), which reviews, members and figures would be split between. Refused, naming it."""
    key = _loose_key(name)
    for row in store.rows(f"SELECT id, name FROM {table} WHERE id <> ?", (own_id,)):
        if key and _loose_key(row["name"]) == key:
            raise ReferenceError(f"There is already a{'n' if kind == 'organisation' else ''} {kind} called "
                                 f"{row['name']} (“{name}” is the same name written another way): use that one, or "
                                 f"give the new {kind} a name of its own.")


def add_organisation(store: Store, name: str, kind: str = "other") -> str:
    name = tidy_spaces(name)
    if not name:
        raise ReferenceError("An organisation needs a name.")
    org_id = _organisation_id(store, name)
    _not_written_another_way(store, "organisations", "organisation", name, org_id)
    with store.transaction():
        store.conn.execute(
            "INSERT INTO organisations(id, name, kind) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING",
            (org_id, name, kind),
        )
    return org_id


def _organisation_id(store: Store, name: str) -> str:
    """The id its name gives (the same in every office's file), unless an organisation renamed since holds it (the
    National Probation Service, renamed The Probation Service, keeps org:national-probation-service): then the
    first of that id with -2, -3 … that none holds, so the new one is not taken for the renamed one."""
    org_id = reference_id("org", name)
    found, n = org_id, 1
    while (held := store.scalar("SELECT name FROM organisations WHERE id = ?", (found,))) is not None \
            and slug(held) != slug(name):
        n += 1
        found = f"{org_id}-{n}"
    return found


def edit_organisation(store: Store, org_id: str, *, name: str, kind: str | None = None) -> None:
    """Rename an organisation (the National Probation Service became The Probation Service in 2021), or correct its
    name or kind, in one transaction. Its id never changes: reviews' bills, shares, payments and refunds, fund
    contributions and memberships name it by its id, so each says its new name from now on; a paper already printed
    or exported is a file, and keeps the name it was made with. The name is checked as Add checks it: not blank,
    and no other organisation's in any case, spacing or punctuation."""
    row = store.one("SELECT * FROM organisations WHERE id = ?", (org_id,))
    if row is None:
        raise ReferenceError("The organisation is not in the file any more (removed by an undo, or in another "
                             "window): nothing was changed.")
    name = tidy_spaces(name or "")
    if not name:
        raise ReferenceError("An organisation needs a name.")
    kind = kind or row["kind"]
    if name != row["name"]:
        key = _loose_key(name)
        for other in store.rows("SELECT id, name FROM organisations WHERE id <> ?", (org_id,)):
            if slug(other["name"]) == slug(name) or (key and _loose_key(other["name"]) == key):
                same = "" if other["name"].casefold() == name.casefold() else \
                    f" (“{name}” is the same name written another way)"
                raise ReferenceError(f"There is already an organisation called {other['name']}{same}: two "
                                     f"organisations cannot have one name. Give {row['name']} a name of its own.")
    with store.transaction():
        store.conn.execute("UPDATE organisations SET name = ?, kind = ? WHERE id = ?", (name, kind, org_id))


def add_partnership(store: Store, name: str, *, kind: str = "csp", districts: list[str] = (),
                    members: list[tuple[str, bool]] = (), valid_from: str | None = None,
                    valid_to: str | None = None, notes: str = "") -> str:
    """Add a partnership with the districts it covers and its member organisations (name, statutory)."""
    name = tidy_spaces(name)
    if not name:
        raise ReferenceError("A partnership needs a name.")
    valid_from, valid_to = _iso_day(valid_from, "From"), _iso_day(valid_to, "To")
    if valid_from and valid_to and valid_to < valid_from:
        first, last = format_uk_date(_day(valid_from)), format_uk_date(_day(valid_to))
        raise ReferenceError(f"To ({last}) is before From ({first}): a partnership ends on or after the day it begins.")
    partnership_id = reference_id("partnership", name)
    _not_written_another_way(store, "partnerships", "partnership", name, partnership_id)
    with store.transaction():
        store.conn.execute(
            "INSERT INTO partnerships(id, name, kind, valid_from, valid_to, notes) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO NOTHING",
            (partnership_id, name, kind, valid_from, valid_to, notes),
        )
        csp = store.scalar("SELECT kind FROM partnerships WHERE id = ?", (partnership_id,)) == "csp"
        for district in districts:
            district_id = reference_id("district", district)
            if store.scalar("SELECT 1 FROM districts WHERE id = ?", (district_id,)) is None:
                raise ReferenceError(f"There is no district called {district}.")
            if csp:
                _one_csp_at_a_time(store, partnership_id, district_id, _day(valid_from), _day(valid_to))
            store.conn.execute(
                "INSERT INTO partnership_districts(id, partnership_id, district_id, valid_from, valid_to) "
                "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM partnership_districts "
                "WHERE partnership_id = ? AND district_id = ?)",
                (new_id(), partnership_id, district_id, valid_from, valid_to, partnership_id, district_id),
            )
        for org_name, statutory in members:
            # By its name now, spelled as the list spells it ("Suffolk-Constabulary"): one renamed keeps its old id.
            org_id = held_name_id(store, "organisations", name_taken(store, "organisation", org_name) or org_name)
            if org_id is None:
                raise ReferenceError(f"There is no organisation called {org_name}.")
            store.conn.execute(
                "INSERT INTO partnership_members(id, partnership_id, organisation_id, statutory, valid_from, valid_to) "
                "SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM partnership_members "
                "WHERE partnership_id = ? AND organisation_id = ?)",
                (new_id(), partnership_id, org_id, int(statutory), valid_from, valid_to, partnership_id, org_id),
            )
    return partnership_id


def _one_csp_at_a_time(store: Store, partnership_id: str, district_id: str, first: date | None,
                       last: date | None) -> None:
    """A district is in one community safety partnership at a time (Babergh CSP, then Western Suffolk CSP from
    2018): in two, each partnership's figures, allocation and reviews would count it. A county board overlays the
    CSPs and is not checked. A partnership covering a district that became another covers that one from then
    (Waveney CSP with no end covers East Suffolk from 01/04/2019), so that cover counts too."""
    for row, begins, ends in _other_csps(store, partnership_id, district_id, first, last)[:1]:
        name = store.scalar("SELECT name FROM partnerships WHERE id = ?", (partnership_id,))
        span = _cover_words(begins, ends)
        if row.get("became_from"):  # this district became the one another CSP covers: give it its last day here
            old, last_day = row["became_from"], format_uk_date(begins - timedelta(days=1))
            raise ReferenceError(
                f"{row['district']} is in {row['name']} {span}: {old} became {row['district']}, so {name} would "
                f"cover it from then, and a district is in one community safety partnership at a time. To keep "
                f"{old} in {name} until then, give {old} a To in {name} of {last_day} (Add district… takes one), "
                f"or end {row['name']}'s cover of {row['district']} first.")
        through = f" (it covers {row['through']}, which became {row['district']})" if row.get("through") else ""
        raise ReferenceError(
            f"{row['district']} is in {row['name']} {span}{through}: a district is in one community safety "
            f"partnership at a time, so {name} cannot cover it then as well. End {row['name']} on its last day first "
            f"(Partnerships, End partnership…, or End district… for {row.get('through') or row['district']} "
            f"alone), or date it into {name} from after then, or leave it out (a partnership of kind County board "
            "may cover the districts of several CSPs).")


def _still_one_csp_each(store: Store, district_id: str) -> None:
    """After a district is given what it became and its last day: each CSP covering it past that day covers what it
    became from then, which must not be another CSP's already (refused beside Became, in the caller's transaction)."""
    for row in store.rows("SELECT pd.partnership_id, pd.valid_from, pd.valid_to, p.valid_from AS p_from, "
                          "p.valid_to AS p_to FROM partnership_districts pd JOIN partnerships p ON "
                          "p.id = pd.partnership_id WHERE pd.district_id = ? AND p.kind = 'csp'", (district_id,)):
        first, last = _cover_span(_day(row["p_from"]), _day(row["p_to"]), _day(row["valid_from"]),
                                  _day(row["valid_to"]))
        try:
            _one_csp_at_a_time(store, row["partnership_id"], district_id, first, last)
        except ReferenceError as exc:
            raise DistrictError("successor", str(exc)) from None


def _csp_rows(store: Store, partnership_id: str, district_id: str) -> list[tuple[dict, date | None, date | None]]:
    """The other community safety partnerships' rows covering the district itself, as (row, first day, last day)."""
    rows = store.rows(
        "SELECT p.name, p.valid_from AS p_from, p.valid_to AS p_to, pd.valid_from, pd.valid_to, "
        "d.name AS district, pd.id AS row_id "
        "FROM partnership_districts pd JOIN partnerships p ON p.id = pd.partnership_id "
        "JOIN districts d ON d.id = pd.district_id "
        "WHERE pd.district_id = ? AND pd.partnership_id <> ? AND p.kind = 'csp'", (district_id, partnership_id))
    return [(dict(row), *_cover_span(_day(row["p_from"]), _day(row["p_to"]), _day(row["valid_from"]),
                                     _day(row["valid_to"]))) for row in rows]


def _became_on(table: dict[str, _DistrictRow], district_id: str) -> list[tuple[str, date]]:
    """The districts that became this one, in turn, each with the day from which a partnership covering it covers
    this one (Waveney: East Suffolk from 01/04/2019)."""
    out: list[tuple[str, date]] = []
    frontier: list[tuple[str, date | None]] = [(district_id, None)]
    seen = {district_id}
    while frontier:
        target, since = frontier.pop()
        for row in table.values():
            if row.successor_id == target and row.valid_to and row.id not in seen:
                seen.add(row.id)
                day = max(filter(None, (row.valid_to + timedelta(days=1), since)))
                out.append((row.id, day))
                frontier.append((row.id, day))
    return out


def _other_csps(store: Store, partnership_id: str, district_id: str, first: date | None,
                last: date | None) -> list[tuple]:
    """The other community safety partnerships' cover of a district on any day from ``first`` to ``last``, as
    (row, its first day, its last day), earliest first: their rows for the district; their rows for a district that
    became it, from then (``through`` names that district); and, for this district's cover running on past the day
    it became another, the other CSPs' cover of that one from then (``became_from`` names this district)."""
    found = [(row, begins, ends) for row, begins, ends in _csp_rows(store, partnership_id, district_id)
             if _overlaps(begins, ends, first, last)]
    table = _district_table(store)
    if district_id not in table:
        return sorted(found, key=lambda f: f[1] or date.min)
    for old_id, since in _became_on(table, district_id):
        for row, begins, ends in _csp_rows(store, partnership_id, old_id):
            begins = max(filter(None, (begins, since)))
            if (ends is None or ends >= begins) and _overlaps(begins, ends, first, last):
                found.append(({**row, "district": table[district_id].name, "through": table[old_id].name},
                              begins, ends))
    current, since, seen = table[district_id], None, {district_id}
    while current.successor_id in table and current.valid_to and current.successor_id not in seen:
        seen.add(current.successor_id)
        since = max(filter(None, (current.valid_to + timedelta(days=1), since)))
        if last is not None and last < since:
            break
        for row, begins, ends in _csp_rows(store, partnership_id, current.successor_id):
            begins = max(filter(None, (begins, since)))
            if (ends is None or ends >= begins) and _overlaps(begins, ends, max(filter(None, (first, since))), last):
                found.append(({**row, "became_from": table[district_id].name}, begins, ends))
        current = table[current.successor_id]
    return sorted(found, key=lambda f: f[1] or date.min)


def list_districts(store: Store) -> list[District]:
    return [District(r["id"], r["name"], r["ons_code"], r["county"], r["successor_id"], r["valid_from"], r["valid_to"])
            for r in store.rows("SELECT * FROM districts ORDER BY name")]


def list_partnerships(store: Store) -> list[Partnership]:
    return [Partnership(r["id"], r["name"], r["kind"], r["valid_from"], r["valid_to"])
            for r in store.rows("SELECT * FROM partnerships ORDER BY name")]


def list_organisations(store: Store) -> list[Organisation]:
    return [Organisation(r["id"], r["name"], r["kind"]) for r in store.rows("SELECT * FROM organisations ORDER BY name")]


def partnership_districts(store: Store, partnership_id: str) -> list[District]:
    return [District(r["id"], r["name"], r["ons_code"], r["county"], r["successor_id"]) for r in store.rows(
        "SELECT d.* FROM partnership_districts pd JOIN districts d ON d.id = pd.district_id "
        "WHERE pd.partnership_id = ? ORDER BY d.name", (partnership_id,))]


def statutory_partner_days(store: Store, partnership_id: str) -> list[tuple[Organisation, date | None, date | None]]:
    """Every statutory partner the partnership has had, by name, with its first and last day as one (None: open)."""
    return [(Organisation(r["id"], r["name"], r["kind"]), _day(r["valid_from"]), _day(r["valid_to"]))
            for r in store.rows("SELECT o.*, m.valid_from, m.valid_to FROM partnership_members m "
                                "JOIN organisations o ON o.id = m.organisation_id "
                                "WHERE m.partnership_id = ? AND m.statutory = 1 ORDER BY o.name", (partnership_id,))]


def statutory_partners(store: Store, partnership_id: str, on: date | None = None) -> list[Organisation]:
    """The partnership's statutory partners (those who share DHR costs), by name: the members on the day ``on``
    (a member's From and To days included: the CCGs to 30/06/2022, the ICB from 01/07/2022), or, with no day,
    every one it has had."""
    return [org for org, first, last in statutory_partner_days(store, partnership_id)
            if on is None or _overlaps(first, last, on, on)]


# -- a partnership's members by date (the CCGs to 30/06/2022, the ICB that replaced them from 01/07/2022) -------
@dataclass(frozen=True)
class Membership:
    """One organisation's membership of a partnership, from its first day to its last (None: open)."""

    id: str
    partnership_id: str
    organisation_id: str
    name: str
    statutory: bool
    valid_from: date | None
    valid_to: date | None


class MembershipError(ReferenceError):
    """A membership change refused; ``field`` names what it is about ("organisation", "valid_from", "valid_to")."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def partnership_members(store: Store, partnership_id: str) -> list[Membership]:
    """Every membership the partnership has had (statutory or not), by organisation name then From."""
    members = [Membership(r["id"], r["partnership_id"], r["organisation_id"], r["name"], bool(r["statutory"]),
                          _day(r["valid_from"]), _day(r["valid_to"])) for r in store.rows(
        "SELECT m.*, o.name FROM partnership_members m JOIN organisations o ON o.id = m.organisation_id "
        "WHERE m.partnership_id = ?", (partnership_id,))]
    return sorted(members, key=lambda m: (m.name.casefold(), m.valid_from or date.min))


def membership_row(store: Store, member_id: str) -> dict | None:
    """A membership's row as it stands (None when there is none), in the shape put_membership puts back."""
    row = store.one("SELECT * FROM partnership_members WHERE id = ?", (member_id,))
    return dict(row) if row is not None else None


def put_membership(store: Store, member_id: str, row: dict | None) -> None:
    """Make the membership ``member_id`` what ``row`` holds, or take it away for None (undo and redo). Refused
    (nothing changed) when a change made since would leave the organisation a member twice over, or a member on
    days its partnership no longer runs."""
    if row is not None:
        _check_membership_put_back(store, member_id, row)
    with store.transaction():
        store.conn.execute("DELETE FROM partnership_members WHERE id = ?", (member_id,))
        if row is not None:
            _insert(store, "partnership_members", row)


def _membership_day(value: date | str | None, field: str, label: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    text = value.strip()
    try:
        return parse_uk_date(text) if text else None
    except PeriodError as exc:
        raise MembershipError(field, f"{label}: {exc}") from None


def _span_words(first: date | None, last: date | None) -> str:
    words = (f"from {format_uk_date(first)}" if first else "", f"to {format_uk_date(last)}" if last else "")
    return " ".join(filter(None, words)) or "with no end"


def _cover_words(first: date | None, last: date | None) -> str:
    """Another CSP's cover of a district in words: "from 01/04/2018 with no end", "from … to …"."""
    return f"from {format_uk_date(first)} with no end" if first and not last else _span_words(first, last)


def _check_membership(store: Store, partnership_id: str, organisation_id: str, first: date | None,
                      last: date | None, *, leaving_out: str = "") -> None:
    if first and last and last < first:
        raise MembershipError("valid_to", f"To ({format_uk_date(last)}) is before From ({format_uk_date(first)}): "
                                          "a membership ends on or after the day it begins.")
    for other in partnership_members(store, partnership_id):
        if other.organisation_id == organisation_id and other.id != leaving_out and \
                _overlaps(other.valid_from, other.valid_to, first, last):
            pname = store.scalar("SELECT name FROM partnerships WHERE id = ?", (partnership_id,))
            raise MembershipError("organisation", f"{other.name} is already a member of {pname} "
                                                  f"{_span_words(other.valid_from, other.valid_to)}: a membership "
                                                  "on these dates would count it twice.")


def _within_partnership(store: Store, partnership_id: str, first: date | None, last: date | None, *,
                        check_first: bool = True) -> None:
    """A membership's From and To lie within the partnership's own From and To (a member before the partnership
    began, or after it ended, would be billed for reviews on days it did not exist), refused beside the date."""
    row = store.one("SELECT name, valid_from, valid_to FROM partnerships WHERE id = ?", (partnership_id,))
    if row is None:
        return
    begins, ends = _day(row["valid_from"]), _day(row["valid_to"])
    span = _span_words(begins, ends)
    if check_first and begins and first and first < begins:
        raise MembershipError("valid_from", f"From ({format_uk_date(first)}) is before {row['name']} began: it runs "
                                            f"{span}.")
    if ends and (last is None or last > ends):
        said = f"To ({format_uk_date(last)}) is after {row['name']} ended" if last else \
            f"To: {row['name']} ended on {format_uk_date(ends)}, so type the membership's last day"
        raise MembershipError("valid_to", f"{said}: it runs {span}.")


def end_membership(store: Store, member_id: str, valid_to: date | str) -> Membership:
    """End a membership on ``valid_to`` (its last day, included: 30/06/2022), in one transaction."""
    row = membership_row(store, member_id)
    if row is None:
        raise MembershipError("valid_to", "There is no such membership.")
    last = _membership_day(valid_to, "valid_to", "To")
    if last is None:
        raise MembershipError("valid_to", "To: type the membership's last day (30/06/2022).")
    _check_membership(store, row["partnership_id"], row["organisation_id"], _day(row["valid_from"]), last,
                      leaving_out=member_id)
    _within_partnership(store, row["partnership_id"], _day(row["valid_from"]), last, check_first=False)
    with store.transaction():
        store.conn.execute("UPDATE partnership_members SET valid_to = ? WHERE id = ?", (last.isoformat(), member_id))
    return next(m for m in partnership_members(store, row["partnership_id"]) if m.id == member_id)


def correct_membership(store: Store, member_id: str, valid_from: date | str | None, valid_to: date | str | None,
                       *, statutory: bool) -> Membership:
    """Correct a membership's From, To and whether it is statutory (a From typed a year late, a member added as a
    statutory partner that shares no review's costs), checked as Add member… checks them, in one transaction. A
    From left blank is the partnership's own (a member from the start, as a file's first members are)."""
    row = membership_row(store, member_id)
    if row is None:
        raise MembershipError("valid_from", "There is no such membership.")
    first = _membership_day(valid_from, "valid_from", "From")
    last = _membership_day(valid_to, "valid_to", "To")
    _check_membership(store, row["partnership_id"], row["organisation_id"], first, last, leaving_out=member_id)
    # A From before the partnership began that the file held already is not this correction's to refuse.
    _within_partnership(store, row["partnership_id"], first, last, check_first=first != _day(row["valid_from"]))
    with store.transaction():
        store.conn.execute("UPDATE partnership_members SET valid_from = ?, valid_to = ?, statutory = ? WHERE id = ?",
                           (first.isoformat() if first else None, last.isoformat() if last else None,
                            int(statutory), member_id))
    return next(m for m in partnership_members(store, row["partnership_id"]) if m.id == member_id)


def add_membership(store: Store, partnership_id: str, organisation_id: str, valid_from: date | str,
                   valid_to: date | str | None = None, *, statutory: bool = True) -> str:
    """Add an organisation to a partnership from ``valid_from`` (to ``valid_to``, or open), in one transaction;
    returns the membership's id. An organisation already a member on any of those days is refused."""
    if store.scalar("SELECT 1 FROM partnerships WHERE id = ?", (partnership_id,)) is None:
        raise MembershipError("organisation", "There is no such partnership.")
    if store.scalar("SELECT 1 FROM organisations WHERE id = ?", (organisation_id,)) is None:
        raise MembershipError("organisation", "Choose the organisation that joins.")
    first = _membership_day(valid_from, "valid_from", "From")
    if first is None:
        raise MembershipError("valid_from", "From: type the membership's first day (01/07/2022).")
    last = _membership_day(valid_to, "valid_to", "To")
    _check_membership(store, partnership_id, organisation_id, first, last)
    _within_partnership(store, partnership_id, first, last)
    member_id = new_id()
    with store.transaction():
        store.conn.execute(
            "INSERT INTO partnership_members(id, partnership_id, organisation_id, statutory, valid_from, valid_to) "
            "VALUES (?, ?, ?, ?, ?, ?)", (member_id, partnership_id, organisation_id, int(statutory),
                                          first.isoformat(), last.isoformat() if last else None))
    return member_id


def add_partnership_district(store: Store, partnership_id: str, district_id: str, valid_from: date | str,
                             valid_to: date | str | None = None) -> str:
    """A district joins a partnership from ``valid_from`` (to ``valid_to``, or open): Babergh in Western Suffolk
    CSP from 01/04/2018, when it became four districts. Its figures count in the partnership's from that day.
    Refused (nothing written) for a district already covered then, a day outside the partnership's own, or a
    district in another community safety partnership then. Returns the row's id; one transaction."""
    if store.scalar("SELECT 1 FROM partnerships WHERE id = ?", (partnership_id,)) is None:
        raise MembershipError("district", "There is no such partnership.")
    if store.scalar("SELECT name FROM districts WHERE id = ?", (district_id,)) is None:
        raise MembershipError("district", "Choose the district that joins.")
    first, last = _checked_cover(store, partnership_id, district_id, valid_from, valid_to, clash_field="district")
    row_id = new_id()
    with store.transaction():
        store.conn.execute("INSERT INTO partnership_districts(id, partnership_id, district_id, valid_from, valid_to) "
                           "VALUES (?, ?, ?, ?, ?)", (row_id, partnership_id, district_id, first.isoformat(),
                                                      last.isoformat() if last else None))
    return row_id


def _checked_cover(store: Store, partnership_id: str, district_id: str, valid_from: date | str | None,
                   valid_to: date | str | None, *, clash_field: str, row_id: str | None = None,
                   held_from: date | None = None) -> tuple[date, date | None]:
    """The days a partnership is to cover a district, as (From, To), checked as Add district… checks them: a From,
    a To not before it, not covered twice by the partnership, within its own days, and in no other CSP then.
    ``row_id``: the row being corrected (not a second cover of itself); ``held_from``: its From as held, which is
    not questioned against the partnership's own if kept. A refusal is said beside ``clash_field`` (the district
    added, or the From corrected; a kept From's CSP clash beside the To)."""
    first = _membership_day(valid_from, "valid_from", "From")
    if first is None:
        raise MembershipError("valid_from", "From: type the first day the partnership covers the district "
                                            "(01/04/2018).")
    last = _membership_day(valid_to, "valid_to", "To")
    if last and last < first:
        raise MembershipError("valid_to", f"To ({format_uk_date(last)}) is before From ({format_uk_date(first)}).")
    pname = store.scalar("SELECT name FROM partnerships WHERE id = ?", (partnership_id,))
    district = store.scalar("SELECT name FROM districts WHERE id = ?", (district_id,))
    for other in store.rows("SELECT valid_from, valid_to FROM partnership_districts WHERE partnership_id = ? AND "
                            "district_id = ? AND id IS NOT ?", (partnership_id, district_id, row_id)):
        if _overlaps(_day(other["valid_from"]), _day(other["valid_to"]), first, last):
            raise MembershipError(clash_field, f"{pname} covers {district} "
                                               f"{_span_words(_day(other['valid_from']), _day(other['valid_to']))} "
                                               "already: these dates would count it twice.")
    moved_from = row_id is None or first != held_from
    _within_partnership(store, partnership_id, first, last, check_first=moved_from)
    if store.scalar("SELECT kind FROM partnerships WHERE id = ?", (partnership_id,)) == "csp":
        try:
            _one_csp_at_a_time(store, partnership_id, district_id, first, last)
        except ReferenceError as exc:
            raise MembershipError(clash_field if moved_from else "valid_to", str(exc)) from None
    return first, last


def end_partnership_district(store: Store, row_id: str, valid_to: date | str) -> None:
    """A district leaves a partnership that goes on, ``valid_to`` its last day (Mid Suffolk out of a CSP on
    31/03/2020, so another may cover it from 01/04/2020): the partnership's figures count it to that day. A To typed
    wrong is corrected the same way. Refused (nothing changed) for a day before the district joined, after the
    partnership ended, or one that would have the partnership cover it twice over or beside another CSP; one
    transaction."""
    row = partnership_district_row(store, row_id)
    if row is None:
        raise MembershipError("district", "Choose the district that leaves.")
    partnership = store.one("SELECT name, kind FROM partnerships WHERE id = ?", (row["partnership_id"],))
    district = store.scalar("SELECT name FROM districts WHERE id = ?", (row["district_id"],))
    last = _membership_day(valid_to, "valid_to", "To")
    if last is None:
        raise MembershipError("valid_to", f"To: type the last day {partnership['name']} covers {district} "
                                          "(31/03/2020).")
    first, ended = _day(row["valid_from"]), _day(row["valid_to"])
    if first and last < first:
        raise MembershipError("valid_to", f"To ({format_uk_date(last)}) is before {district} joined "
                                          f"{partnership['name']} ({format_uk_date(first)}): type a later day, or "
                                          "take it out of the partnership instead.")
    _within_partnership(store, row["partnership_id"], first, last, check_first=False)
    if ended is not None and last > ended:  # its cover runs on to the new day: those days are checked as an add is
        since = ended + timedelta(days=1)
        for r in store.rows("SELECT valid_from, valid_to FROM partnership_districts WHERE partnership_id = ? AND "
                            "district_id = ? AND id <> ?", (row["partnership_id"], row["district_id"], row_id)):
            if _overlaps(_day(r["valid_from"]), _day(r["valid_to"]), since, last):
                raise MembershipError("valid_to", f"{partnership['name']} covers {district} "
                                                  f"{_span_words(_day(r['valid_from']), _day(r['valid_to']))} "
                                                  "already: a To that late would count it twice. Type an earlier "
                                                  "day.")
        if partnership["kind"] == "csp":
            try:
                _one_csp_at_a_time(store, row["partnership_id"], row["district_id"], since, last)
            except ReferenceError as exc:
                raise MembershipError("valid_to", str(exc)) from None
    with store.transaction():
        store.conn.execute("UPDATE partnership_districts SET valid_to = ? WHERE id = ?", (last.isoformat(), row_id))


def correct_partnership_district(store: Store, row_id: str, valid_from: date | str | None,
                                 valid_to: date | str | None) -> None:
    """Correct the days a partnership covers a district (Babergh in Western Suffolk CSP from 01/04/2019 where
    01/04/2018 was meant), checked as Add district… checks them (``_checked_cover``), in one transaction."""
    row = partnership_district_row(store, row_id)
    if row is None:
        raise MembershipError("district", "Choose the district whose days to correct.")
    first, last = _checked_cover(store, row["partnership_id"], row["district_id"], valid_from, valid_to,
                                 clash_field="valid_from", row_id=row_id, held_from=_day(row["valid_from"]))
    with store.transaction():
        store.conn.execute("UPDATE partnership_districts SET valid_from = ?, valid_to = ? WHERE id = ?",
                           (first.isoformat(), last.isoformat() if last else None, row_id))


def partnership_district_covers(store: Store, partnership_id: str) -> list[tuple[str, str]]:
    """The partnership's district rows as (row id, "Babergh (from 01/04/2018)"), by district name then From: what
    End district… chooses among."""
    return [(r["id"], f"{r['name']} ({_span_words(_day(r['valid_from']), _day(r['valid_to']))})") for r in store.rows(
        "SELECT pd.id, d.name, pd.valid_from, pd.valid_to FROM partnership_districts pd JOIN districts d ON "
        "d.id = pd.district_id WHERE pd.partnership_id = ? ORDER BY d.name, pd.valid_from", (partnership_id,))]


def correct_partnership_from(store: Store, partnership_id: str, valid_from: date | str | None) -> None:
    """Correct a partnership's From (its first day; blank: always), in one transaction. Its districts and members
    whose From was the old day began with it and move with it (ticked when it was added, they took its day); one
    that joined later keeps its day, and a new From after it is refused, naming it. Refused too for a From after the
    partnership's To, or one that would have a district it moves in another CSP, or a member twice, on those days."""
    row = store.one("SELECT name, kind, valid_from, valid_to FROM partnerships WHERE id = ?", (partnership_id,))
    if row is None:
        raise MembershipError("valid_from", "There is no such partnership.")
    first, old, ends = _membership_day(valid_from, "valid_from", "From"), _day(row["valid_from"]), _day(row["valid_to"])
    if first == old:
        return
    if first and ends and first > ends:
        raise MembershipError("valid_from", f"From ({format_uk_date(first)}) is after {row['name']} ended "
                                            f"({format_uk_date(ends)}).")
    old_text = old.isoformat() if old else None
    moving: dict[str, list] = {}
    for table, join, column, noun in (("partnership_districts", "districts", "district_id", "district"),
                                      ("partnership_members", "organisations", "organisation_id", "member")):
        rows = store.rows(f"SELECT t.*, x.name FROM {table} t JOIN {join} x ON x.id = t.{column} "
                          "WHERE t.partnership_id = ? ORDER BY t.valid_from, x.name", (partnership_id,))
        moving[table] = [r for r in rows if r["valid_from"] == old_text]
        for r in rows:
            began, left = _day(r["valid_from"]), _day(r["valid_to"])
            moves = r["valid_from"] == old_text
            if first and not moves and began and began < first:
                raise MembershipError("valid_from", f"From ({format_uk_date(first)}) is after the {noun} {r['name']} "
                                                    f"joined {row['name']} ({format_uk_date(began)}): type an "
                                                    "earlier day, or correct that one first.")
            if first and moves and left and left < first:
                raise MembershipError("valid_from", f"From ({format_uk_date(first)}) is after the {noun} {r['name']} "
                                                    f"left {row['name']} ({format_uk_date(left)}): type an earlier "
                                                    "day.")
    for r in moving["partnership_districts"]:
        if row["kind"] == "csp":
            try:
                _one_csp_at_a_time(store, partnership_id, r["district_id"], first, _day(r["valid_to"]))
            except ReferenceError as exc:
                raise MembershipError("valid_from", str(exc)) from None
    for r in moving["partnership_members"]:
        _check_membership(store, partnership_id, r["organisation_id"], first, _day(r["valid_to"]), leaving_out=r["id"])
    day = first.isoformat() if first else None
    with store.transaction():
        store.conn.execute("UPDATE partnerships SET valid_from = ? WHERE id = ?", (day, partnership_id))
        for table, rows in moving.items():
            for r in rows:
                store.conn.execute(f"UPDATE {table} SET valid_from = ? WHERE id = ?", (day, r["id"]))


def ended_with_partnership(store: Store, partnership_id: str, valid_to: date | str) -> list[str]:
    """The districts, then the members, by name, whose To is the partnership's own end, when ``valid_to`` moves that
    end later: end_partnership runs them on to the new day unless told not to. One that left on that day on its
    own (End district…) cannot be told from one that ended with the partnership, so the window asks. [] when the
    end does not move later (or the day cannot be read: end_partnership says why)."""
    ended = _day(store.scalar("SELECT valid_to FROM partnerships WHERE id = ?", (partnership_id,)))
    try:
        last = _membership_day(valid_to, "valid_to", "To")
    except ReferenceError:
        return []
    if ended is None or last is None or last <= ended:
        return []
    names = []
    for table, join, column in (("partnership_districts", "districts", "district_id"),
                                ("partnership_members", "organisations", "organisation_id")):
        names += [r[0] for r in store.rows(
            f"SELECT DISTINCT x.name FROM {table} t JOIN {join} x ON x.id = t.{column} "
            "WHERE t.partnership_id = ? AND t.valid_to = ? ORDER BY x.name", (partnership_id, ended.isoformat()))]
    return names


def end_partnership(store: Store, partnership_id: str, valid_to: date | str, *, run_on: bool = True) -> None:
    """End a partnership on ``valid_to`` (its last day: Babergh CSP on 31/03/2018, when Babergh joined Western
    Suffolk CSP), with the districts and members it still had then, in one transaction. Refused for a day before
    it began, or before a district or member joined it (that one would be dated wrong; nothing is changed). Ended
    already on an earlier day (typed wrong), the districts and members whose To is that day
    (ended_with_partnership) end with it on the new day, unless ``run_on`` is False (one left on that day on its
    own); refused for a district another CSP covers by then."""
    row = store.one("SELECT name, valid_from, valid_to, kind FROM partnerships WHERE id = ?", (partnership_id,))
    if row is None:
        raise MembershipError("valid_to", "There is no such partnership.")
    last = _membership_day(valid_to, "valid_to", "To")
    if last is None:
        raise MembershipError("valid_to", f"To: type {row['name']}'s last day (31/03/2018).")
    begins = _day(row["valid_from"])
    if begins and last < begins:
        raise MembershipError("valid_to", f"To ({format_uk_date(last)}) is before {row['name']} began "
                                          f"({format_uk_date(begins)}).")
    for table, noun, join in (("partnership_districts", "district", "districts"),
                              ("partnership_members", "member", "organisations")):
        column = "district_id" if table == "partnership_districts" else "organisation_id"
        for r in store.rows(f"SELECT x.name, t.valid_from FROM {table} t JOIN {join} x ON x.id = t.{column} "
                            "WHERE t.partnership_id = ? AND t.valid_from > ?", (partnership_id, last.isoformat())):
            raise MembershipError("valid_to", f"To ({format_uk_date(last)}) is before the {noun} {r['name']} joined "
                                              f"{row['name']} ({format_uk_date(_day(r['valid_from']))}): type a "
                                              "later day, or take that one out first.")
    day, ended = last.isoformat(), _day(row["valid_to"])
    later = run_on and ended is not None and last > ended  # those that ended with it run on to ``last``
    if later and row["kind"] == "csp":
        for r in store.rows("SELECT district_id, valid_from FROM partnership_districts WHERE partnership_id = ? AND "
                            "valid_to = ?", (partnership_id, ended.isoformat())):
            for other, begins, _ in _other_csps(store, partnership_id, r["district_id"], ended + timedelta(days=1),
                                                last)[:1]:
                took = f"from {format_uk_date(begins)}" if begins else "then"
                before = f" ({format_uk_date(begins - timedelta(days=1))})" if begins else ""
                raise MembershipError("valid_to", f"To ({format_uk_date(last)}) would keep {other['district']} in "
                                                  f"{row['name']} after {other['name']} took it ({took}): a district "
                                                  "is in one community safety partnership at a time. Type "
                                                  f"{row['name']}'s last day before then{before}, or correct the "
                                                  "other's dates first.")
    with store.transaction():
        store.conn.execute("UPDATE partnerships SET valid_to = ? WHERE id = ?", (day, partnership_id))
        for table in ("partnership_districts", "partnership_members"):
            store.conn.execute(f"UPDATE {table} SET valid_to = ? WHERE partnership_id = ? AND (valid_to IS NULL OR "
                               "valid_to > ?)", (day, partnership_id, day))
            if later:
                store.conn.execute(f"UPDATE {table} SET valid_to = ? WHERE partnership_id = ? AND valid_to = ?",
                                   (day, partnership_id, ended.isoformat()))


def put_reference_rows(store: Store, saved: dict) -> None:
    """Make a partnership (or district, organisation) and its rows what ``saved`` (reference_rows) holds: the undo
    and redo of End partnership. Refused (nothing changed) when a change made since the rows were taken would be
    lost or broken: a district or member added to the partnership since, or a district another CSP has taken."""
    row = saved["row"]  # updated in place: reviews, allocations and plans refer to it
    if saved["table"] == "partnerships":
        _check_partnership_put_back(store, saved)
    with store.transaction():
        store.conn.execute(f"UPDATE {saved['table']} SET " + ", ".join(f"{c} = ?" for c in row if c != "id")
                           + " WHERE id = ?", [*(row[c] for c in row if c != "id"), row["id"]])
        for table, rows in saved["children"].items():
            store.conn.execute(f"DELETE FROM {table} WHERE partnership_id = ?", (row["id"],))
            for child in rows:
                _insert(store, table, child)


def partnership_district_words(store: Store, partnership_id: str) -> str:
    """The districts a partnership covers, each with the dates it was covered where they are not the partnership's
    own: "Babergh (from 01/04/2018), Forest Heath, Mid Suffolk"."""
    own = store.one("SELECT valid_from, valid_to FROM partnerships WHERE id = ?", (partnership_id,))
    spans = []
    for r in store.rows("SELECT d.name, pd.valid_from, pd.valid_to FROM partnership_districts pd JOIN districts d "
                        "ON d.id = pd.district_id WHERE pd.partnership_id = ? ORDER BY d.name, pd.valid_from",
                        (partnership_id,)):
        same = own is not None and (r["valid_from"], r["valid_to"]) == (own["valid_from"], own["valid_to"])
        dated = r["valid_from"] or r["valid_to"]
        spans.append(r["name"] if same or not dated else
                     f"{r['name']} ({_span_words(_day(r['valid_from']), _day(r['valid_to']))})")
    return ", ".join(spans)


def partnership_district_row(store: Store, row_id: str) -> dict | None:
    """A partnership's district row as it stands (None when there is none), as put_partnership_district puts it."""
    row = store.one("SELECT * FROM partnership_districts WHERE id = ?", (row_id,))
    return dict(row) if row is not None else None


def put_partnership_district(store: Store, row_id: str, row: dict | None) -> None:
    """Make the row ``row_id`` what ``row`` holds, or take it away for None (undo and redo). Refused (nothing
    changed) when a change made since would have the partnership cover the district twice over, on days it no longer
    runs, or while another CSP covers it."""
    if row is not None:
        _check_district_put_back(store, row_id, row)
    with store.transaction():
        store.conn.execute("DELETE FROM partnership_districts WHERE id = ?", (row_id,))
        if row is not None:
            _insert(store, "partnership_districts", row)


# -- undo and redo put rows back only where the checks of a change made by hand would let them -------------------
# Undo and redo put back a step's rows as they were before or after it. A change made since outside the undo stack
# (another window on the same file, a merge) can stand in the way: a district another CSP has taken, a member that
# has rejoined, a partnership ended since, a row added since that putting back would delete. Each is refused in words
# naming it and its dates, ending without a full stop (the window goes on ". Nothing was changed, and Edit > Undo
# still offers it."); nothing is changed.
_SINCE = "a change made since this step"


def _cover_span(p_from: date | None, p_to: date | None, r_from: date | None,
                r_to: date | None) -> tuple[date | None, date | None]:
    """The days a partnership's district row counts: within both its own dates and the partnership's (None: open)."""
    return max(filter(None, (p_from, r_from)), default=None), min(filter(None, (p_to, r_to)), default=None)


def _other_cover(store: Store, partnership_id: str) -> list[tuple]:
    """Other CSPs' cover of the partnership's districts, each row with its dates and its partnership's: the cover a
    snapshot's rows were taken beside, which putting them back does not question (a file from before the one-CSP
    rule may hold some)."""
    districts = {r[0] for r in store.rows("SELECT district_id FROM partnership_districts WHERE partnership_id = ?",
                                          (partnership_id,))}
    # Through a district that became another too (_other_csps): a file may hold such cover from before it was seen.
    return list(dict.fromkeys((r["row_id"], r["valid_from"], r["valid_to"], r["p_from"], r["p_to"])
                              for d in sorted(districts) for r, _, _ in _other_csps(store, partnership_id, d, None,
                                                                                    None)))


def _check_cover_put_back(store: Store, partnership_id: str, pname: str, p_from: date | None, p_to: date | None,
                          rows: Iterable[dict], known: Iterable[tuple] = ()) -> None:
    """A district is in one community safety partnership at a time, put back or not: a row put back on days another
    CSP covers the district is refused, unless that cover is ``known`` (as it stood beside the rows when taken)."""
    known = set(known)
    for row in rows:
        first, last = _cover_span(p_from, p_to, _day(row["valid_from"]), _day(row["valid_to"]))
        if first and last and last < first:
            continue
        for other, begins, ends in _other_csps(store, partnership_id, row["district_id"], first, last):
            if (other["row_id"], other["valid_from"], other["valid_to"], other["p_from"], other["p_to"]) in known:
                continue
            span = _cover_words(begins, ends)
            raise ReferenceError(
                f"{other['district']} is in {other['name']} {span} ({_SINCE}), and a district is in one community "
                f"safety partnership at a time: {pname} cannot cover it then as well. Leave {pname} as it is, or first "
                f"take {other['district']} out of {other['name']} (undo that change where it was made) and try again")


def _check_partnership_put_back(store: Store, saved: dict) -> None:
    row = saved["row"]
    pid, pname = row["id"], row["name"]
    for table, noun, names, column in (("partnership_districts", "district", "districts", "district_id"),
                                       ("partnership_members", "member", "organisations", "organisation_id")):
        kept = {r["id"] for r in saved["children"].get(table, [])}
        added = [f"{r['name']} ({_span_words(_day(r['valid_from']), _day(r['valid_to']))})" for r in store.rows(
            f"SELECT t.id, x.name, t.valid_from, t.valid_to FROM {table} t JOIN {names} x ON x.id = t.{column} "
            "WHERE t.partnership_id = ? ORDER BY x.name", (pid,)) if r["id"] not in kept]
        if added:
            them = "them" if len(added) > 1 else "it"
            raise ReferenceError(f"{pname} has {noun}{'s' if len(added) > 1 else ''} {in_words(added)} added "
                                 f"({_SINCE}): putting {pname}'s rows back as they were would delete {them}. Take "
                                 f"{them} out first, or leave {pname} as it is")
    if row.get("kind") == "csp":
        _check_cover_put_back(store, pid, pname, _day(row["valid_from"]), _day(row["valid_to"]),
                              saved["children"].get("partnership_districts", []), saved.get("cover", ()))


def _outside_partnership(partnership: dict, first: date | None, last: date | None, what: str) -> str:
    """Why ``what`` cannot be put back on days from ``first`` to ``last``, outside the partnership's own ("")."""
    begins, ends = _day(partnership["valid_from"]), _day(partnership["valid_to"])
    if ends and (last is None or last > ends):
        return f"{partnership['name']} ended on {format_uk_date(ends)} ({_SINCE}): {what} cannot be put back " \
               f"{_span_words(first, last)}, after it ended"
    if begins and first and first < begins:
        return f"{partnership['name']} began on {format_uk_date(begins)} ({_SINCE}): {what} cannot be put back " \
               f"{_span_words(first, last)}, before it began"
    return ""


def _check_district_put_back(store: Store, row_id: str, row: dict) -> None:
    current = partnership_district_row(store, row_id)
    if current == row:
        return
    partnership = store.one("SELECT * FROM partnerships WHERE id = ?", (row["partnership_id"],))
    district = store.scalar("SELECT name FROM districts WHERE id = ?", (row["district_id"],))
    if partnership is None or district is None:
        raise ReferenceError(f"The {'partnership' if partnership is None else 'district'} has been removed "
                             f"({_SINCE}), so its cover cannot be put back")
    pname, first, last = partnership["name"], _day(row["valid_from"]), _day(row["valid_to"])
    for r in store.rows("SELECT valid_from, valid_to FROM partnership_districts WHERE partnership_id = ? AND "
                        "district_id = ? AND id <> ?", (row["partnership_id"], row["district_id"], row_id)):
        if _overlaps(_day(r["valid_from"]), _day(r["valid_to"]), first, last):
            raise ReferenceError(f"{pname} covers {district} {_span_words(_day(r['valid_from']), _day(r['valid_to']))} "
                                 f"already ({_SINCE}): putting back its cover {_span_words(first, last)} would count "
                                 "it twice")
    outside = _outside_partnership(dict(partnership), first, last, f"its cover of {district}")
    if outside:
        raise ReferenceError(outside)
    if partnership["kind"] == "csp":
        _check_cover_put_back(store, row["partnership_id"], pname, _day(partnership["valid_from"]),
                              _day(partnership["valid_to"]), [row])


def _check_membership_put_back(store: Store, member_id: str, row: dict) -> None:
    current = membership_row(store, member_id)
    if current == row:
        return
    partnership = store.one("SELECT * FROM partnerships WHERE id = ?", (row["partnership_id"],))
    org = store.scalar("SELECT name FROM organisations WHERE id = ?", (row["organisation_id"],))
    if partnership is None or org is None:
        raise ReferenceError(f"The {'partnership' if partnership is None else 'organisation'} has been removed "
                             f"({_SINCE}), so the membership cannot be put back")
    first, last = _day(row["valid_from"]), _day(row["valid_to"])
    for other in partnership_members(store, row["partnership_id"]):
        if other.organisation_id == row["organisation_id"] and other.id != member_id and \
                _overlaps(other.valid_from, other.valid_to, first, last):
            raise ReferenceError(f"{org} is a member of {partnership['name']} "
                                 f"{_span_words(other.valid_from, other.valid_to)} ({_SINCE}): putting back its "
                                 f"membership {_span_words(first, last)} would count it twice. End one of them "
                                 "first (End membership…), or leave it as it is")
    # A From before the partnership began that the file held already (end_membership leaves it) is not this step's.
    if current is not None and current["valid_from"] == row["valid_from"]:
        partnership = {**dict(partnership), "valid_from": None}
    outside = _outside_partnership(dict(partnership), first, last, f"{org}'s membership")
    if outside:
        raise ReferenceError(outside)


def _in_use(store: Store, checks: list[tuple[str, str]], value: str) -> list[str]:
    """Tables (from checks of (table, column)) that still refer to value."""
    used = []
    for table, column in checks:
        if store.scalar(f"SELECT 1 FROM {table} WHERE {column} = ? LIMIT 1", (value,)):
            used.append(table)
    return used


def _referrers(store: Store, target_table: str) -> list[tuple[str, str]]:
    """Every (table, column) whose foreign key points at target_table, found from the schema."""
    found = []
    for (table,) in store.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"):
        for fk in store.rows(f'PRAGMA foreign_key_list("{table}")'):
            if fk["table"] == target_table:
                found.append((table, fk["from"]))
    return found


# What the tables that refer to reference data hold, for "cannot be removed: it is still used in …".
USED_IN_WORDS = {
    "districts": "another district (as its successor)", "partnership_districts": "a partnership's districts",
    "partnership_members": "a partnership's members", "dhr_cases": "reviews (Costs)",
    "dhr_split_percentages": "reviews' agreed percentages", "dhr_shares": "reviews' shares",
    "dhr_withdrawn_invoices": "reviews' invoices withdrawn by billing again",
    "dhr_deleted_cost_lines": "reviews' deleted cost lines",
    "dhr_cost_line_versions": "reviews' cost lines' earlier versions",
    "fund_referrals": "pooled funds' referrals", "fund_spend_summary": "pooled funds' spend summaries",
    "fund_contributions": "pooled funds' contributions", "budget_line_links": "budget lines (Budgets)",
    "budget_plans": "budget plans (Budgets)", "allocation_scenario_rows": "allocation scenarios (Allocation)",
    "indicators": "indicators (Indicators)", "indicator_values": "figures (Indicators)",
    "_police_counts": "police.uk crime counts (Indicators)", "indicator_targets": "targets (Indicators)",
    "indicator_baselines": "baselines (Indicators)", "indicator_benchmarks": "benchmarks (Indicators)",
    "indicator_milestones": "milestones (Indicators)", "indicator_estimates": "estimates (Indicators)",
    "indicator_populations": "populations (Indicators)",
}


# Who uses a district, organisation or partnership, by name, for the tables that name it: which partnerships
# cover it or have it as a member, which reviews, which districts became it ("" where a name would not help).
_USED_BY = {"partnership_districts": ("SELECT DISTINCT p.name FROM partnership_districts t JOIN partnerships p "
                                      "ON p.id = t.partnership_id WHERE t.{column} = ?", "{names}"),
            "partnership_members": ("SELECT DISTINCT p.name FROM partnership_members t JOIN partnerships p "
                                    "ON p.id = t.partnership_id WHERE t.{column} = ?", "{names}"),
            "districts": ("SELECT name FROM districts WHERE {column} = ?", "as its successor: {names} became it"),
            "dhr_cases": ("SELECT reference FROM dhr_cases WHERE {column} = ?", "Costs: {names}")}


def _used_words(store: Store, table: str, checks: list[tuple[str, str]], value: str) -> str:
    """What ``table`` is, as "cannot be removed: it is still used in …" says it, with who uses ``value`` there by
    name: "a partnership's members (Eastern CSP and Western Suffolk CSP)", "reviews (Costs: DHR 1/25)"."""
    words = USED_IN_WORDS.get(table, table.replace("_", " "))
    if table not in _USED_BY:
        return words
    query, shape = _USED_BY[table]
    names = sorted({r[0] for column in (c for t, c in checks if t == table)
                    for r in store.rows(query.format(column=column), (value,))}, key=str.casefold)
    if not names:
        return words
    if len(names) > 4:  # a district forty reviews name: the first few, and how many more
        names = [*names[:3], f"{len(names) - 3} more"]
    said = shape.format(names=in_words(names))
    base = words.split(" (")[0]  # "another district (as its successor)": the names say it in full
    return f"{base} ({said})"


_REFERENCE_TABLES = {"district": "districts", "organisation": "organisations", "partnership": "partnerships"}
_REFERENCE_CHILDREN = {"partnership": ["partnership_districts", "partnership_members"]}


def remove_reference(store: Store, kind: str, ref_id: str) -> dict:
    """Remove a district, organisation or partnership nobody refers to; return its rows for undo."""
    saved = reference_rows(store, kind, ref_id)  # "There is no such …" when it is not there
    table, row = saved["table"], saved["row"]
    # The office's scope names its areas by id with no foreign key (a county file keeps each merged office's too):
    # removing one would leave the office naming an area that is gone, and with it every list of its districts.
    if _has_office_areas(store):
        offices = [r[0] for r in store.rows("SELECT DISTINCT office_id FROM office_areas WHERE area_id = ?", (ref_id,))]
        if offices:
            whose = "the office's" if store.office_id in offices else "a merged office's"
            raise ReferenceError(f"{row['name']} cannot be removed: it is one of {whose} areas (File > Office "
                                 "Details… names them); take it out there first.")
    children = list(saved["children"])
    checks = [(t, c) for t, c in _referrers(store, table) if t not in children]
    if kind != "organisation":  # a plan's area is a partnership, district or county by id, with no foreign key
        checks.append(("budget_plans", "area_id"))
    if kind != "organisation":  # figures are keyed by its id too: a district's go to its county's (added up from
        # its districts': without it they go blank), a partnership's figures and targets are its own; either would be
        # left under an area the file no longer has
        checks += _referrers(store, "indicator_areas")
    used = _in_use(store, checks, ref_id)
    if used:
        words = sorted({_used_words(store, t, checks, ref_id) for t in used})
        raise ReferenceError(f"{row['name']} cannot be removed: it is still used in {', '.join(words)}.")
    with store.transaction():
        for t in children:
            store.conn.execute(f"DELETE FROM {t} WHERE partnership_id = ?", (ref_id,))
        store.conn.execute(f"DELETE FROM {table} WHERE id = ?", (ref_id,))
    return saved


def remove_references(store: Store, kind: str, ref_ids: Sequence[str]) -> list[dict]:
    """Remove several districts, organisations or partnerships as one change, all or nothing: one still used
    refuses them all (its reason raised). One referred to only by others chosen with it (the district Waveney
    became) goes once they have. Return their rows, in the order removed, for restore_references."""
    saved: list[dict] = []
    pending = list(ref_ids)
    with store.transaction():
        while pending:
            refused = []
            for ref_id in pending:
                try:
                    saved.append(remove_reference(store, kind, ref_id))
                except ReferenceError as exc:
                    refused.append((ref_id, exc))
            if len(refused) == len(pending):
                raise refused[0][1]
            pending = [ref_id for ref_id, _ in refused]
    return saved


def restore_references(store: Store, saved: Sequence[dict]) -> None:
    """Put back what remove_references took out, in one transaction (undo)."""
    with store.transaction():
        for rows in reversed(saved):
            restore_reference(store, rows)


def reference_rows(store: Store, kind: str, ref_id: str) -> dict:
    """A district's, organisation's or partnership's rows as they stand (a partnership's with its districts and
    members, ids and all), in the shape restore_reference puts back."""
    table = _REFERENCE_TABLES[kind]
    row = store.one(f"SELECT * FROM {table} WHERE id = ?", (ref_id,))
    if row is None:
        raise ReferenceError(f"There is no such {kind}.")
    children = _REFERENCE_CHILDREN.get(kind, [])
    saved = {"table": table, "row": dict(row),
             "children": {t: [dict(r) for r in store.rows(f"SELECT * FROM {t} WHERE partnership_id = ?", (ref_id,))]
                          for t in children}}
    if kind == "partnership":  # the other CSPs' cover beside it, which putting it back (undo, redo) does not question
        saved["cover"] = _other_cover(store, ref_id)
    if kind == "district" and row["successor_id"]:  # named if it is removed before the district is put back
        saved["became"] = store.scalar("SELECT name FROM districts WHERE id = ?", (row["successor_id"],))
    return saved


def restore_reference(store: Store, saved: dict) -> None:
    """Put back what remove_reference took out (undo), or what an Add wrote (redo). Refused (nothing changed), as a
    change by hand is, when a change made since stands in the way: one of the same name added since, a partnership's
    districts another CSP has taken, a district's Became removed or its dates no longer following on."""
    row, table = saved["row"], saved["table"]
    kind = next(k for k, t in _REFERENCE_TABLES.items() if t == table)
    held = store.scalar(f"SELECT name FROM {table} WHERE id = ? OR lower(name) = lower(?)", (row["id"], row["name"]))
    if held is not None:
        edit = " (Edit district…)" if kind == "district" else ""
        raise ReferenceError(f"There is a{'n' if kind == 'organisation' else ''} {kind} called {held} already "
                             f"({_SINCE}): putting {row['name']} back as it was would make two. Correct that "
                             f"one{edit}, or leave it as it is")
    if table == "partnerships" and row.get("kind") == "csp":
        _check_cover_put_back(store, row["id"], row["name"], _day(row["valid_from"]), _day(row["valid_to"]),
                              saved["children"].get("partnership_districts", []), saved.get("cover", ()))
    if table == "districts":
        _check_district_add_put_back(store, saved)
    with store.transaction():
        _insert(store, saved["table"], saved["row"])
        for table, rows in saved["children"].items():
            for row in rows:
                _insert(store, table, row)


def _check_district_add_put_back(store: Store, saved: dict) -> None:
    """A district put back (the redo of Add district, the undo of Remove) keeps the district it became, and its dates
    follow on from that one's as adding it by hand requires (_check_succession)."""
    row = saved["row"]
    if row["successor_id"] and store.scalar("SELECT 1 FROM districts WHERE id = ?", (row["successor_id"],)) is None:
        became = saved.get("became")
        what = f"{became}, which {row['name']} became," if became else f"The district {row['name']} became"
        raise ReferenceError(f"{what} has been removed ({_SINCE}): add {became or 'it'} again first, or leave "
                             f"{row['name']} out")
    try:
        _check_succession(store, row["id"], row["name"], _day(row["valid_from"]), _day(row["valid_to"]),
                          row["successor_id"])
    except DistrictError as exc:
        raise ReferenceError(f"{row['name']} cannot be put back as it was ({_SINCE}): {str(exc).rstrip('.')}") \
            from None


def _insert(store: Store, table: str, row: dict) -> None:
    columns = list(row)
    store.conn.execute(f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                       [row[c] for c in columns])


# -- the office's scope (issue 13) ---------------------------------------------------------------------
# A file knows whose it is: the office's partnership(s), any district named on its own, and its county,
# kept in office_areas (one row per area, keyed by the office's id so a district's rows travel in its export).
# The office's districts are worked out from the partnerships' members for the period asked, district by
# district: one whose time ended before the period began counts as its successor (Waveney and Suffolk Coastal
# as East Suffolk from 2019/20), one that had not begun is left out. A county file (one that has merged district
# exports) means the districts merged into it: the districts of the offices whose scope rows it received.

COUNTYWIDE_WORDS = frozenset({"countywide", "county-wide", "county wide", "county"})
AREA_KIND_ORDER = {"county": 0, "partnership": 1, "district": 2, "unknown": 3}


@dataclass(frozen=True)
class AreaRef:
    """An area a list, a filter or the report can name: a district, a partnership or a county.

    The id is the one indicator figures use ("district:babergh", "partnership:western-suffolk-csp",
    "county:suffolk"); kind is "district", "partnership", "county" (or "unknown" for police rows with no place).
    """

    id: str
    name: str
    kind: str

    @property
    def sort_key(self) -> tuple[int, str]:
        return AREA_KIND_ORDER.get(self.kind, 9), self.name.casefold()


@dataclass(frozen=True)
class MergedOffice:
    """A district office whose export was merged into this (county) file, with the areas it named."""

    office_id: str
    office_name: str
    areas: tuple[AreaRef, ...]


@dataclass(frozen=True)
class OfficeScope:
    """Whose file this is: the areas the office named (its districts follow from them by date)."""

    office_id: str
    office_name: str
    partnerships: tuple[AreaRef, ...] = ()
    districts: tuple[AreaRef, ...] = ()  # districts named on their own (an office whose partnership is not listed)
    county: AreaRef | None = None
    merged_offices: tuple[MergedOffice, ...] = ()

    @property
    def is_set(self) -> bool:
        return bool(self.partnerships or self.districts or self.county)

    @property
    def is_county_file(self) -> bool:
        return bool(self.merged_offices)

    def lines(self, districts: Sequence[AreaRef] = (), year_label: str = "", reported: str = "") -> list[str]:
        """The scope in words, line by line (what `safer-desk office FILE` prints); reported: a county file's words
        for the county it is reported as when it names none (``reported_county_words``)."""
        out = [f"Office: {self.office_name}"]
        if not self.is_set and not self.is_county_file:
            out.append("Scope: not set (lists and reports use every district of the file's reference data); "
                       "set it with --county NAME and --partnership NAME, or --district NAME for each district")
        out.append("Partnerships: " + (_names(self.partnerships) or "none named"))
        if self.districts:
            out.append("Districts named: " + _names(self.districts))
        out.append("County: " + (self.county.name if self.county else "not named" + (f" ({reported})" if reported
                                                                                       else "")))
        for office in self.merged_offices:
            out.append(f"Merged: {office.office_name} ("
                       + (_names(office.areas) or "no scope in its export") + ")")
        if districts or year_label:
            label = f"Districts {year_label}" if year_label else "Districts (all years)"
            out.append(f"{label}: " + (_names(districts) or "none"))
        return out


def reported_county_words(store: Store) -> str:
    """A county file naming no county: the county it is reported as, in words ("reported as Suffolk's, the county its
    merged offices name"), as the merge summary, the board report and the workbook take it; "" otherwise."""
    scope = office_scope(store)
    if scope.county is not None or not scope.is_county_file:
        return ""
    county = office_county(store)
    if county is None:
        return ""
    naming = [office.office_name for office in scope.merged_offices
              if county.name.casefold() in {a.name.casefold() for a in office.areas if a.kind == "county"}]
    if len(naming) == len(scope.merged_offices):
        return f"reported as {county.name}'s, the county its merged offices name"
    if 2 * len(naming) > len(scope.merged_offices):
        return f"reported as {county.name}'s, the county most of its merged offices name"
    # Half or fewer (an Oxford office naming Oxfordshire beside a Plymouth office naming none): not "most of them"
    return f"reported as {county.name}'s, the county {in_words(naming)} {'names' if len(naming) == 1 else 'name'}"


def _names(areas: Sequence[AreaRef]) -> str:
    """Areas' names in a line: joined with commas, or with semicolons when a name holds one ("Bath and North East
    Somerset; Bristol, City of": with commas it read as three districts)."""
    names = [a.name for a in areas]
    return ("; " if any("," in n for n in names) else ", ").join(names)


def _area(row) -> AreaRef:
    return AreaRef(row["area_id"], row["name"], row["kind"])


def office_scope(store: Store) -> OfficeScope:
    """The office's scope as stored: its own areas, and (in a county file) each merged office's."""
    own_id = store.office_id
    rows = store.rows("SELECT * FROM office_areas ORDER BY kind, name") if _has_office_areas(store) else []
    own = [r for r in rows if r["office_id"] == own_id]
    merged_names = {r["office_id"]: r["office_name"] for r in store.rows(
        "SELECT office_id, office_name FROM _county_imports ORDER BY imported_at")} \
        if store.scalar("SELECT 1 FROM sqlite_master WHERE name = '_county_imports'") else {}
    merged = []
    for office_id in dict.fromkeys([*merged_names, *(r["office_id"] for r in rows if r["office_id"] != own_id)]):
        if office_id == own_id:
            continue
        areas = tuple(_area(r) for r in rows if r["office_id"] == office_id)
        merged.append(MergedOffice(office_id, merged_names.get(office_id, office_id), areas))
    county = next((_area(r) for r in own if r["kind"] == "county"), None)
    return OfficeScope(own_id, store.office_name,
                       tuple(_area(r) for r in own if r["kind"] == "partnership"),
                       tuple(_area(r) for r in own if r["kind"] == "district"), county, tuple(merged))


def _has_office_areas(store: Store) -> bool:
    return bool(store.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'office_areas'"))


# The change of the office's scope as the history names it (File > Office Details… and `safer-desk office` alike).
OFFICE_SCOPE_ACTION = "Set whose file this is"
OFFICE_NAME_MOST = 80  # letters: it heads the county's lists, its conflicts and the board report


def set_office_name(store: Store, name: str) -> str:
    """Name the office ("Babergh and Mid Suffolk CSP office"): what its exports say they are from, and what the
    county's merges, conflicts, keys and board report call it. A file is named when it is made (its file name's
    stem when nothing else is given: "safer-desk" for the default file, so every office that started so was called
    that at the county, and could not be told apart). Spaces trimmed and run together; refused empty or over
    OFFICE_NAME_MOST letters. Returns the name as kept; one transaction (the audit trail records it)."""
    kept = tidy_spaces(name)
    if not kept:
        raise ReferenceError("Office name: give the office's name, as the county should call it (e.g. Babergh "
                             "and Mid Suffolk CSP office).")
    if len(kept) > OFFICE_NAME_MOST:
        raise ReferenceError(f"Office name: “{kept[:30]}…” is {len(kept)} letters long; keep it to "
                             f"{OFFICE_NAME_MOST} (it heads the county's lists and the board report).")
    if kept != store.meta("office_name"):
        store.set_meta("office_name", kept)
    return kept


def set_office_scope(store: Store, *, partnerships: Sequence[str] | None = None,
                     districts: Sequence[str] | None = None, county: str | None = None,
                     forget_districts: Sequence[str] = ()) -> OfficeScope:
    """Name the office's partnership(s), districts and county (None leaves that part as it is; [] or "" clears it).

    Partnerships must be in the reference data (by name or id); a district may also be any current district
    the police.uk import knows (``national_districts``), which is then added to the reference data; the county is
    a name ("Suffolk"). ``forget_districts``: reference districts to take out again, where nothing refers to
    them (undoing a call that added them). One transaction; the audit trail records the change.
    """
    own_id = store.office_id
    wanted: dict[str, list[AreaRef]] = {}
    if partnerships is not None:
        wanted["partnership"] = [_known(store, "partnerships", "partnership", name) for name in partnerships]
    new_districts: list[tuple[AreaRef, str]] = []  # named from the national list, added to the reference data
    if districts is not None:
        wanted["district"] = [_known_district(store, name, new_districts) for name in districts]
    if county is not None:
        name = county.strip()
        wanted["county"] = [AreaRef(reference_id("county", name), _county_name(store, name), "county")] if name else []
    # A district added from the national list is filed under its own county (the shipped lookup), never the
    # office's: a Suffolk office naming Plymouth does not make Plymouth Suffolk's (a Welsh principal area's is its
    # preserved county: Newport, Gwent). None has a unitary inside a county council's county (Plymouth, Torbay in
    # Devon): its figures are not the county's.
    county_of = counted_county_of_district() if new_districts or wanted.get("county") else {}
    if wanted.get("county"):
        # The county's figures are derived from its districts' (sums, ratios of sums): a new file naming
        # Suffolk with only Babergh in its reference data would show Babergh's figures as Suffolk's. So the
        # county brings every current district the lookup puts in it.
        county_key = wanted["county"][0].name.casefold()
        known = {r[0].casefold() for r in store.rows("SELECT name FROM districts")}
        known |= {a.name.casefold() for a, _ in new_districts}
        codes = dict(national_districts())
        new_districts += [(AreaRef(reference_id("district", name), name, "district"), codes.get(name))
                          for name, county_name in sorted(county_of.items())
                          if county_name.casefold() == county_key and name.casefold() not in known]
    if "partnership" in wanted or "district" in wanted:
        # One rule for the window and the command line: a district the partnerships give the office in every year
        # is not recorded on its own as well (districts_covered).
        held = office_scope(store)
        own = wanted.get("district", list(held.districts))
        covered = districts_covered(store, [a.id for a in wanted.get("partnership", held.partnerships)],
                                    [a.id for a in own])
        if covered:
            wanted["district"] = [a for a in own if a.id not in covered]
    # A district the file holds under no county that the lookup puts in the county named: a Welsh office's file
    # filed its principal areas under none before Wales's preserved counties were in the lookup (Newport, Gwent).
    unfiled = [r["id"] for r in store.rows("SELECT id, name FROM districts WHERE county IS NULL OR county = ''")
               if wanted.get("county") and typed_name_key(county_of.get(r["name"]) or "") ==
               typed_name_key(wanted["county"][0].name)]
    with store.transaction():
        for area, ons_code in new_districts:
            store.conn.execute("INSERT INTO districts(id, name, ons_code, county) VALUES (?, ?, ?, ?) "
                               "ON CONFLICT(id) DO NOTHING", (area.id, area.name, ons_code, county_of.get(area.name)))
        for district_id in unfiled:
            store.conn.execute("UPDATE districts SET county = ? WHERE id = ?", (wanted["county"][0].name, district_id))
        for kind, areas in wanted.items():
            held = store.rows("SELECT area_id, name FROM office_areas WHERE office_id = ? AND kind = ?", (own_id, kind))
            if {(r["area_id"], r["name"]) for r in held} == {(a.id, a.name) for a in areas}:
                continue  # named again as it is (a script run again): no rows rewritten, no line in the history
            store.conn.execute("DELETE FROM office_areas WHERE office_id = ? AND kind = ?", (own_id, kind))
            for area in dict.fromkeys(areas):
                store.conn.execute("INSERT INTO office_areas(id, office_id, kind, area_id, name) VALUES (?, ?, ?, ?, ?)",
                                   (f"{own_id}|{area.id}", own_id, kind, area.id, area.name))
        checks = _referrers(store, "districts") if forget_districts else []
        for district_id in forget_districts:
            if not _in_use(store, checks, district_id) and not store.scalar(
                    "SELECT 1 FROM office_areas WHERE area_id = ? LIMIT 1", (district_id,)):
                store.conn.execute("DELETE FROM districts WHERE id = ?", (district_id,))
    return office_scope(store)


def office_area_ids(store: Store) -> set[str]:
    """The ids of every district (in any year) and partnership the office's scope counts: what "All areas" means, as
    the report reads it (``office_areas``: the partnerships of its districts too, so a Mid Suffolk review conducted by
    Western Suffolk CSP stays in a Babergh office's "All areas", and was wrongly said to leave it)."""
    return {a.id for a in office_areas(store) if a.kind != "county"}


# Records kept by area that a scope change can leave outside "All areas" (police.uk counts are everyone's).
_KEPT_BY_AREA = (("review", "reviews", "dhr_cases", ("district_id", "partnership_id"), ""),
                 ("pooled fund referral", "pooled fund referrals", "fund_referrals", ("district_id",), ""),
                 ("typed indicator figure", "typed indicator figures", "indicator_values", ("area_id",),
                  " AND source <> 'police.uk'"))


def left_outside_words(store: Store, before: set[str], *, in_window: bool = True) -> str:
    """What a change of the office's scope left outside it ("" for nothing): the records of the areas that were the
    office's (``before``, from ``office_area_ids``) and are not now. They are kept, but the board report's "All
    areas" leaves them out, so the person hears of it (a review billed £7,525.58 gone from the board paper without
    a word, after Norfolk was chosen for Suffolk)."""
    now = office_area_ids(store)
    gone = sorted(before - now)
    if not gone:
        return ""
    said, areas, marks = [], set(), ", ".join("?" * len(gone))
    for one, many, table, columns, more in _KEPT_BY_AREA:
        rows = store.rows(f"SELECT {', '.join(columns)} FROM {table} WHERE ("
                          f"{' OR '.join(f'{c} IN ({marks})' for c in columns)}){more}", tuple(gone) * len(columns))
        # A review whose district or partnership is still the office's stays in "All areas" (ReportAreas.covers).
        rows = [r for r in rows if not any(a in now for a in tuple(r))]
        if rows:
            said.append(counted(len(rows), one, many))
            areas |= {a for r in rows for a in tuple(r) if a in gone}
    if not said:
        return ""
    names = sorted((store.scalar("SELECT name FROM districts WHERE id = ? UNION ALL SELECT name FROM partnerships "
                                 "WHERE id = ?", (a, a)) or a for a in areas), key=str.casefold)
    undo = "Edit > Undo, or tick those areas again" if in_window else "name those areas again"
    return (f"Kept in the file, but no longer among the office's areas: {in_words(names)} ({in_words(said)}). The "
            f"board report's “All areas” leaves them out from now on; if that was not meant, {undo}.")


def covered_words(store: Store, named: Sequence[str]) -> list[str]:
    """For districts just named for the office (``set_office_scope(districts=named)``), why each one its scope does not
    keep on its own was left out: "Babergh is not kept on its own: Safer Suffolk Partnership Board gives the office its
    figures in every year." (the command line says it; Office Details… shows such a district "(covered by …)")."""
    scope = office_scope(store)
    kept = {a.id for a in scope.districts}
    said, districts = [], store.rows("SELECT id, name FROM districts ORDER BY name")
    for name in named:
        row = find_typed(districts, (name or "").strip(), lambda r: r["name"])
        if row is None or row["id"] in kept:
            continue
        by = [p.name for p in scope.partnerships if districts_covered(store, [p.id], [row["id"]])]
        if by:
            said.append(f"{row['name']} is not kept on its own: {' and '.join(by)} "
                        f"{'gives' if len(by) == 1 else 'give'} the office its figures in every year.")
    return said


def abolished_words(store: Store) -> list[str]:
    """For each district the office names that has since been abolished, what it became: "Forest Heath was abolished
    on 31/03/2019; its area became part of West Suffolk, which the office's districts count from then." (the command
    line says it; Office Details… lists it "Forest Heath (now West Suffolk)")."""
    table = {d.id: d for d in list_districts(store)}
    said = []
    for area in office_scope(store).districts:
        d = table.get(area.id)
        if d is None or d.successor_id not in table:
            continue
        on = f" on {format_uk_date(_day(d.valid_to))}" if _day(d.valid_to) else ""
        said.append(f"{d.name} was abolished{on}; its area became part of {table[d.successor_id].name}, which the "
                    "office's districts count from then.")
    return said


def districts_covered(store: Store, partnership_ids: Iterable[str], district_ids: Iterable[str]) -> set[str]:
    """Of these districts (ids), those the partnerships give the office in every financial year, with what they
    became: named on their own as well they would add nothing, so the office's scope does not record them (File >
    Office Details… and `safer-desk office` alike). One the partnerships cover only some years is kept, as dropping
    it would change the office's districts and totals: Mid Suffolk beside Western Suffolk CSP from 01/04/2017 (the
    office's in 2016/17 only through its own name), or one that has left the partnership (End district…)."""
    partnership_ids, left = list(dict.fromkeys(partnership_ids)), list(dict.fromkeys(district_ids))
    if not partnership_ids or not left:
        return set()
    table = _district_table(store)
    for year in [None, *_reference_years(store)]:  # between the dates the reference data holds, nothing changes
        given = {i for p in partnership_ids for i in partnership_district_ids(store, p, year)}
        left = [d for d in left if set(_current_ids(table, [d], year)) <= given]
        if not left:
            break
    return set(left)


def _reference_years(store: Store) -> list[FinancialYear]:
    """Every financial year from the one before the first day the districts and partnerships hold to this one (or
    the one after their last day): the years in which what a partnership or a district stands for can differ."""
    days = set()
    for table in ("districts", "partnerships", "partnership_districts"):
        for r in store.rows(f"SELECT valid_from, valid_to FROM {table}"):
            for text in r:
                try:
                    days.add(_day(text))
                except ValueError:
                    continue  # a day the file holds in a form no longer read counts for nothing
    days.discard(None)
    today = FinancialYear.of(date.today())
    if not days:
        return [today]
    first = FinancialYear.of(min(days)).start_year - 1
    last = max(FinancialYear.of(max(days)).start_year + 1, today.start_year)
    return [FinancialYear(y) for y in range(first, last + 1)]


def districts_outside_county_words(store: Store, district_ids: Iterable[str], county: str, *,
                                   asking: bool = False) -> str:
    """What to say of districts named for the office that lie in another county than its own (Brighton and Hove in
    a Suffolk office): they are the office's areas, but the county's figures are worked out from the districts
    filed under it, so theirs never count in it. "" when none does, no county is named, or a district's county is
    not known (Scotland). A Welsh district in a Welsh county not its own is said so ("Swansea is in West Glamorgan,
    not Gwent"). A Welsh, Scottish
    or Northern Irish district (by its ONS code) of an office whose county is English lies in that nation.
    ``asking``: the window's question before Save; else the command line's word after it."""
    key = typed_name_key(county or "")
    if not key:
        return ""
    own = {d.id: (d.name, d.county) for d in list_districts(store)}
    national = {reference_id("district", name): (name, c) for name, c in county_of_district().items()}
    # Every current district by id, (name, ONS code): a Welsh one ticked is not in the file until Save adds it.
    coded = {reference_id("district", name): (name, code) for name, code in national_districts()}
    coded.update({d.id: (d.name, d.ons_code) for d in list_districts(store)})
    english = key in {typed_name_key(c) for d, c in county_of_district().items()
                      if (dict(national_districts()).get(d) or "E").startswith("E")}
    unitaries = unitaries_within_counties()
    away = []
    for district_id in dict.fromkeys(district_ids):
        name, lies_in = own.get(district_id) or national.get(district_id) or (coded.get(district_id, ("",))[0], None)
        lies_in = lies_in or national.get(district_id, ("", None))[1]  # the file's own word first (Forest Heath)
        nation = _NATIONS.get((coded.get(district_id, ("", None))[1] or " ")[0])
        if english and nation:  # Cardiff in a Suffolk office is in Wales (not "South Glamorgan, not Suffolk")
            lies_in = nation
        if lies_in and typed_name_key(lies_in) == key and name in unitaries and not own.get(district_id, ("", ""))[1]:
            away.append((name, ""))  # Plymouth in a Devon office: in Devon, but not one of its county's districts
        elif lies_in and typed_name_key(lies_in) != key:
            away.append((name, lies_in))
    if not away:
        return ""
    county = county.strip()
    one = len(away) == 1
    where = (f"{away[0][0]} is in {away[0][1]}, not {county}" if away[0][1] else
             f"{away[0][0]} is a unitary authority, not a district of {county}") if one else \
        f"{in_words([f'{n} ({c or _UNITARY})' for n, c in away])} are not in {county}"
    it, its = ("it", "its") if one else ("they", "their")
    if asking:
        return (f"{where} (the office's county): {it} would be listed among the office's areas, but {its} figures "
                f"would not be counted in {county}'s. Save {'it' if one else 'them'} anyway?")
    return (f"{where} (the office's county): {it} {'is' if one else 'are'} listed among the office's areas, but "
            f"{its} figures are not counted in {county}'s. If {it} {'was' if one else 'were'} named by mistake, name "
            f"the districts again without {'it' if one else 'them'} (safer-desk office FILE --district NAME …).")


_UNITARY = "a unitary authority"  # what a unitary within the office's county is said to be, beside others' counties
# The nation an ONS district code's first letter names, for a district no English county holds (Cardiff: W06000015).
_NATIONS = {"W": "Wales", "S": "Scotland", "N": "Northern Ireland"}


def _known(store: Store, table: str, kind: str, name: str) -> AreaRef:
    text = (name or "").strip()
    rows = store.rows(f"SELECT id, name FROM {table} ORDER BY name")
    row = store.one(f"SELECT id, name FROM {table} WHERE id = ?", (text,)) or \
        find_typed(rows, text, lambda r: r["name"]) or _loosely_typed(rows, text, lambda r: r["name"])
    if row is None:
        known = ", ".join(r["name"] for r in rows)
        if not known and kind == "partnership":  # a new file: say where a partnership comes from
            raise ReferenceError(f"There is no partnership called “{text}”: this file has none yet. Add it with "
                                 "its districts in the window (View > Districts, Partnerships and Partners…), or "
                                 "name the office's districts instead.")
        if kind == "partnership" and (said := _district_or_county_as_partnership(store, text)):
            raise ReferenceError(said)
        meant = _meant(text, [r["name"] for r in rows])
        raise ReferenceError(f"There is no {kind} called “{text}”{meant} (known: {known or 'none yet'}).")
    return AreaRef(row["id"], row["name"], kind)


def _loose_key(name: str) -> str:
    """A name with only its letters and digits: "Mid-Suffolk", "Kings Lynn" and "St. Edmundsbury" as councils
    often write them are Mid Suffolk, King's Lynn and St Edmundsbury; "&" is "and" (Brighton & Hove)."""
    return re.sub(r"[^0-9a-z]", "", typed_name_key(name).replace("&", "and"))


def _loosely_typed(candidates: Sequence, text: str, name_of):
    """The one candidate whose name is ``text`` but for spaces, hyphens and punctuation; None for none or several."""
    key = _loose_key(text)
    found = [c for c in candidates if key and _loose_key(name_of(c)) == key]
    return found[0] if len(found) == 1 else None


def near_names(text: str, names: Iterable[str]) -> list[str]:
    """The name ``text`` was most likely meant as, typed a letter or two wrong ("Ipswitch", "Rhondda Cynon Taff"),
    as a one-name list; [] when none is near. Office Details' filter and the command line both go by it."""
    return close_names(text, names, cutoff=0.8, key=_loose_key)


def _meant(text: str, names: Iterable[str]) -> str:
    """" (did you mean Ipswich?)" for a name typed a letter or two wrong ("Ipswitch"); "" when none is near."""
    near = near_names(text, names)
    return f" (did you mean {near[0]}?)" if near else ""


def national_districts() -> list[tuple[str, str]]:
    """Every current district and unitary authority of England and Wales the police.uk import maps its areas to, as
    (name, ONS code), by name (the shipped lookup). A new file has no reference districts; its office may name any
    of these. The lookup's Scottish council areas and Northern Irish districts are left out (other_nation)."""
    from safer_desk.exchange.police_uk import district_lookup

    return sorted({d for d in district_lookup().values() if d[1][:1] in "EW"}, key=lambda d: d[0].casefold())


def other_nation_words(text: str, *, partial: bool = False) -> str:
    """"Glasgow City is a council area of Scotland: …" for a Scottish council area or Northern Irish district
    typed (in any case, accents or punctuation aside; ``partial``: part of its name, as the Office Details filter
    is typed); "" for any other text. Community Safety Partnerships are England's and Wales's (Crime and Disorder
    Act 1998) and data.police.uk files no figures under these areas, so an office never names one, though the ONS
    lookup the import is built from lists them."""
    from safer_desk.exchange.police_uk import district_lookup

    key = _loose_key(text or "")
    found = [(name, code) for name, code in sorted(set(district_lookup().values()))
             if key and code[:1] in "SN" and (key in _loose_key(name) if partial else _loose_key(name) == key)]
    if not found:
        return ""
    nations = {_NATIONS[code[0]] for _, code in found}
    kinds = {"council area" if code.startswith("S") else "district" for _, code in found}
    names = in_words([name for name, _ in found])
    if len(found) == 1:
        where = f"{names} is a {kinds.pop()} of {nations.pop()}"
    elif len(nations) == 1:
        where = f"{names} are {kinds.pop()}s of {nations.pop()}"
    else:
        where = f"{names} are in Scotland and Northern Ireland"
    return f"{where}: Safer Desk keeps the districts of England and Wales, where Community Safety Partnerships are"


def _known_district(store: Store, name: str, new: list[tuple[AreaRef, str]]) -> AreaRef:
    """A district of the reference data by name or id, else one of ``national_districts`` (noted in ``new``, to
    be added to the reference data in the caller's transaction)."""
    text = (name or "").strip()
    # As typed: "King’s Lynn and West Norfolk" pasted with a curly apostrophe, "Stockton–on–Tees" with dashes.
    row = store.one("SELECT id, name FROM districts WHERE id = ?", (text,)) or \
        find_typed(store.rows("SELECT id, name FROM districts ORDER BY name"), text, lambda r: r["name"])
    if row is not None:
        return AreaRef(row["id"], row["name"], "district")
    elsewhere = other_nation_words(text)
    if elsewhere:  # "Glasgow City": before the lookup, which would find it
        raise ReferenceError(f"{elsewhere}, so it cannot be one of the office's districts.")
    national = national_districts()
    found = next(((d, code) for d, code in national if typed_name_key(text) == typed_name_key(d)
                  or text.casefold() == reference_id("district", d).casefold()), None)
    if found is None:  # "Bristol", "Waveney": a name the police.uk import knows, for a district it files otherwise
        found = _lookup_district(text)
    if found is None and english_name(text):  # "Caerdydd": a Welsh district by its Welsh name
        found = next(((d, code) for d, code in national if d == english_name(text)), None)
    if found is None:  # "Mid-Suffolk": the one district the file or the national list spells otherwise
        own = store.rows("SELECT id, name FROM districts ORDER BY name")
        row = _loosely_typed(own, text, lambda r: r["name"])
        if row is not None:
            return AreaRef(row["id"], row["name"], "district")
        found = _loosely_typed(national, text, lambda d: d[0])
    if found is not None:
        district, ons_code = found
        area = AreaRef(reference_id("district", district), district, "district")
        if area.id not in {a.id for a, _ in new}:
            new.append((area, ons_code))
        return area
    if said := _county_as_district(store, text):
        raise ReferenceError(said)
    partnerships = store.rows("SELECT id, name FROM partnerships ORDER BY name")
    if row := find_typed(partnerships, text, lambda r: r["name"]) or \
            _loosely_typed(partnerships, text, lambda r: r["name"]):  # "Western Suffolk CSP" typed for a district
        option = f'"{row["name"]}"' if " " in row["name"] else row["name"]
        raise ReferenceError(f"“{tidy_spaces(text)}” is a partnership, not a district: name it with --partnership "
                             f"{option} (or tick it under Partnerships in File > Office Details…).")
    meant = _meant(text, [*(r[0] for r in store.rows("SELECT name FROM districts")), *(d for d, _ in national)])
    raise ReferenceError(f"There is no district called “{text}”{meant}, in this file's reference data or among the "
                         "current districts the police.uk import knows. Type its name as the council spells it (or "
                         "tick it in File > Office Details…).")


def _district_or_county_as_partnership(store: Store, text: str) -> str:
    """What to say of a county's or district's name typed for a partnership ("Suffolk", "Babergh"): which it is,
    and the option that names it; "" for any other name."""
    if said := _county_as_district(store, text, kind="partnership"):
        return said
    try:
        area = _known_district(store, text, [])
    except ReferenceError:
        return ""
    option = f'"{area.name}"' if " " in area.name else area.name
    return (f"“{tidy_spaces(text)}” is a district, not a partnership: name it with --district {option} (or tick it "
            "under Districts in File > Office Details…).")


def _county_as_district(store: Store, text: str, *, kind: str = "district") -> str:
    """What to say of a county's name typed for a district ("Suffolk": a county lead's first guess): that it is a
    county, named as the office's county, and its districts to name; "" for a name no county has. Said before the
    nearest district's name, which for "Suffolk" was Mid Suffolk, a scope of one district."""
    from safer_desk.services.district_counties import county_districts

    key = typed_name_key(text)
    county = next((c for c in [*county_names(store), *national_counties()] if typed_name_key(c) == key), None)
    if county is None:
        return ""
    option = f'"{county}"' if " " in county else county
    districts = county_districts(county)
    theirs = f" ({county}'s are {in_words(districts)})" if districts else ""
    return (f"“{tidy_spaces(text)}” is a county, not a {kind}: name it as the office's county (--county {option}, "
            f"or County in File > Office Details…), whose figures are added up from its districts', and name the "
            f"office's own districts with --district{theirs}.")


def _lookup_district(text: str) -> tuple[str, str] | None:
    """The current district (name, ONS code) for a name the police.uk lookup files under it with ONS's formal
    wording ("Bristol" for "Bristol, City of", "The Vale of Glamorgan"); None for a name it does not know. A district
    since merged or renamed ("Waveney", now East Suffolk) is refused, saying what it became: its figures are filed
    under that one, and the nearest name ("Waverley", in Surrey) was another district altogether."""
    from safer_desk.exchange.police_uk import map_district

    mapping = map_district(text)
    if mapping.ons_code is None:
        return None
    if mapping.renamed:
        raise ReferenceError(f"{text} is no longer a district: it is part of {mapping.current_name} now, which the "
                             f"police.uk import files its figures under, so name {mapping.current_name}. (To keep "
                             f"{text} with its dates, add it in View > Districts, Partnerships and Partners…, with "
                             f"its To and Became {mapping.current_name}.)")
    return mapping.current_name, mapping.ons_code


# The first day of the districts England's reorganisations since 2019 made of others (the police.uk lookup's names),
# said when a district's To is asked for and the file gives its successor no From.
DISTRICTS_BEGAN = {
    **dict.fromkeys(("East Suffolk", "West Suffolk", "Dorset", "Bournemouth, Christchurch and Poole"),
                    date(2019, 4, 1)),
    "Buckinghamshire": date(2020, 4, 1),
    **dict.fromkeys(("North Northamptonshire", "West Northamptonshire"), date(2021, 4, 1)),
    **dict.fromkeys(("Cumberland", "Westmorland and Furness", "North Yorkshire", "Somerset"), date(2023, 4, 1)),
}


def began_within_words(store: Store, district_id: str, name: str, year: FinancialYear, *,
                       shown: Iterable[str] = ()) -> str:
    """"East Suffolk began on 01/04/2019: before then its area was Suffolk Coastal and Waveney, …" for a district
    shown for a year it began after the start of (police.uk's files of those months count the old districts' crimes
    under it, so it has figures then); "" for one in being all the year. Its day and the districts it was made from
    are the file's, else the police.uk lookup's (a new file's East Suffolk, added from it, is undated). ``shown``:
    the names listed beside it; "" when those it was made from are among them (a merger part-way through the year
    lists Waveney and Suffolk Coastal with East Suffolk, which says it already)."""
    row = store.one("SELECT valid_from FROM districts WHERE id = ?", (district_id,))
    began = _day(row["valid_from"]) if row is not None and row["valid_from"] else DISTRICTS_BEGAN.get(name)
    if began is None or began <= year.first_day:
        return ""
    made_from = [r[0] for r in store.rows("SELECT name FROM districts WHERE successor_id = ?", (district_id,))]
    if made_from and set(made_from) <= set(shown):
        return ""
    if made_from:
        made_from = sorted(made_from, key=str.casefold)
        theirs = "theirs" if len(made_from) > 1 else "its"
        return (f"{name} began on {format_uk_date(began)}: before then its area was {in_words(made_from)}, and its "
                f"{year.label} figures for those months are {theirs} (police.uk's files count their crimes under "
                f"{name}, the current district).")
    # The file does not record them: the names the police.uk lookup files under it, of any year since 2011 (Somerset's
    # include Taunton Deane, merged into Somerset West and Taunton in 2019, which 2011 LSOA names still use)
    named = sorted({old for old, (current, _) in _lookup_items() if current == name and old != name}, key=str.casefold)
    if not named:
        return f"{name} began on {format_uk_date(began)}: its figures before then are of its area before it began."
    return (f"{name} began on {format_uk_date(began)}: before then its area was that of the districts police.uk's "
            f"files name there ({in_words(named)}), and its {year.label} figures for those months are the crimes "
            f"those files place in them, counted under {name}, the current district.")


def _lookup_items() -> list[tuple[str, tuple[str, str]]]:
    from safer_desk.exchange.police_uk import district_lookup

    return list(district_lookup().items())


def became_words(text: str) -> str:
    """"Waveney is part of East Suffolk now" for the name of a district since merged or renamed that the police.uk
    lookup knows (a list of today's districts does not hold it); "" for any other text."""
    name = " ".join((text or "").split())
    current = became_name(name)
    if not current:
        return ""
    held = next((k for k in _lookup_names() if k.casefold() == name.casefold()), name)
    return f"{held} is part of {current} now"


def became_name(text: str) -> str:
    """The current district a district since merged or renamed is part of ("East Suffolk" for "Waveney"), as the
    police.uk import files its figures; "" for any other text."""
    from safer_desk.exchange.police_uk import map_district

    mapping = map_district(" ".join((text or "").split()))
    return mapping.current_name if mapping.ons_code is not None and mapping.renamed else ""


def _lookup_names() -> list[str]:
    from safer_desk.exchange.police_uk import district_lookup

    return list(district_lookup())


def county_doubt(store: Store, name: str) -> str:
    """Why a county named for the office may be a slip: no district the file or the national list knows lies in
    it ("Suffok"), with the nearest known name; "" when one does (or none is named). A county may be one the
    list does not know (a police force area typed), so this is a question, not a refusal."""
    name = (name or "").strip()
    if not name:
        return ""
    from safer_desk.services.district_counties import national_counties

    known = set(county_names(store)) | set(national_counties())
    if typed_name_key(name) in {typed_name_key(k) for k in known}:
        return ""
    force_key = " ".join(typed_name_key(name).replace("-", " ").replace("&", " and ").split())
    if force_key in FORCE_AREA_COUNTIES:  # as the force and the PCC name it: "Dyfed-Powys", "Thames Valley"
        return (f"no district lies in a county called “{name}”: “{name}” is a police force area, not a county: "
                f"its counties are {in_words(list(FORCE_AREA_COUNTIES[force_key]))}. To add up the county's figures, "
                "name the office's own county (or none, for a unitary authority).")
    if district_words := _district_as_county(store, name):
        return district_words
    near = close_names(name, sorted(known), cutoff=0.75)
    hint = f" (did you mean {near[0]}?)" if near else ""
    return (f"no district in this file or in the list of English and Welsh districts lies in a county called "
            f"“{name}”{hint}: its figures are worked out from the districts filed under it.")


def _district_as_county(store: Store, name: str) -> str:
    """What to say of a district's name typed for the county ("Cardiff", "Ynys Môn", "Ipswich": an officer's first
    guess): that it is a district, and the county it lies in; "" for a name no district has."""
    try:
        area = _known_district(store, name, [])
    except ReferenceError:  # not a district, or one since merged: said as any other name is
        return ""
    own = {d.id: d.county for d in list_districts(store)}
    county = own.get(area.id) or county_of_district().get(area.name)
    called = "" if typed_name_key(name) == typed_name_key(area.name) else f" ({area.name})"
    option = f'"{area.name}"' if " " in area.name else area.name
    if area.name in unitaries_within_counties() and not own.get(area.id):  # Plymouth: in Devon, not Devon's
        return (f"no district lies in a county called “{name}”: “{name}”{called} is a unitary authority, not a "
                f"county, and its figures are not {county}'s: name it as the office's district (--district {option}) "
                "and no county.")
    where = f"it lies in {county}: name that as the county, and" if county else "name"
    return (f"no district lies in a county called “{name}”: “{name}” is a district{called}, not a county; {where} "
            f"{area.name} as the office's district (--district {option}).")


# Police force areas that are several counties, as an office may type its force's or PCC's area for its county (a
# force area one county makes, Gwent or Suffolk, is that county).
FORCE_AREA_COUNTIES = {
    "dyfed powys": ("Dyfed", "Powys"), "south wales": ("Mid Glamorgan", "South Glamorgan", "West Glamorgan"),
    "north wales": ("Clwyd", "Gwynedd"), "thames valley": ("Berkshire", "Buckinghamshire", "Oxfordshire"),
    "west mercia": ("Herefordshire", "Shropshire", "Worcestershire"), "devon and cornwall": ("Devon", "Cornwall"),
}


def _county_name(store: Store, name: str, *, leaving_out: str = "") -> str:
    """The county's name as the file already spells it (districts or indicator areas), else as the national lookup
    spells it (a new file's "suffolk" is Suffolk, as the districts it brings are filed), else as typed (a Welsh
    county, or one whose districts are all the file's own)."""
    # Found as typed ("west  sussex" is West Sussex), as districts and partnerships are.
    spelled = [r[0] for r in store.rows("SELECT county FROM districts WHERE county IS NOT NULL AND id <> ?",
                                        (leaving_out,))]
    spelled += [r[0] for r in store.rows("SELECT name FROM indicator_areas WHERE kind = 'county'")]
    key = typed_name_key(name)
    return next((c for c in [*spelled, *national_counties()] if typed_name_key(c) == key), name)


# -- districts by date --------------------------------------------------------------------------------
@dataclass(frozen=True)
class _DistrictRow:
    id: str
    name: str
    county: str | None
    successor_id: str | None
    valid_from: date | None
    valid_to: date | None


def _day(text: str | None) -> date | None:
    """A stored day: ISO, or as a file written before dates were checked holds it (01/07/2022)."""
    return parse_uk_date(text) if text else None


def _iso_day(text: str | None, field: str) -> str | None:
    """A From or To date as typed (01/07/2022, 1 July 2022 or 2022-07-01), kept as 2022-07-01; blank is open."""
    text = (text or "").strip()
    try:
        return parse_uk_date(text).isoformat() if text else None
    except PeriodError as exc:
        raise ReferenceError(f"{field}: {exc}") from None


def _district_table(store: Store) -> dict[str, _DistrictRow]:
    return {r["id"]: _DistrictRow(r["id"], r["name"], counted_county(r["name"], r["county"]), r["successor_id"],
                                  _day(r["valid_from"]), _day(r["valid_to"]))
            for r in store.rows("SELECT * FROM districts")}


def _period(year: FinancialYear | None) -> tuple[date | None, date | None]:
    return (year.first_day, year.last_day) if year else (None, None)


def _overlaps(valid_from: date | None, valid_to: date | None, first: date | None, last: date | None) -> bool:
    return not ((last and valid_from and valid_from > last) or (first and valid_to and valid_to < first))


def _current_ids(table: dict[str, _DistrictRow], ids: Iterable[str], year: FinancialYear | None) -> list[str]:
    """The districts standing for ids in the period: successors for those whose time had ended, both for one that
    ended during it, itself and the districts it was made from for one not begun yet (all for no year)."""
    first, last = _period(year)
    out: list[str] = []
    for district_id in ids:
        seen: set[str] = set()
        current = district_id
        while current in table and current not in seen:
            seen.add(current)
            row = table[current]
            if year is None:
                out.append(current)  # all years: the district and each of its successors
                if not row.successor_id:
                    break
                current = row.successor_id
                continue
            if first and row.valid_to and row.valid_to < first and row.successor_id:
                current = row.successor_id
                continue
            if _overlaps(row.valid_from, row.valid_to, first, last):
                out.append(current)
                if last and row.valid_to and row.valid_to < last and row.successor_id:
                    current = row.successor_id  # merged during the year: what it became covers the rest of it
                    continue
            elif last and row.valid_from and row.valid_from > last:
                # Not begun yet: it (police.uk figures are filed under today's district) and those it was made from
                out += [current, *_made_from(table, current, first, last)]
            break
        else:
            if current not in table and current not in out:
                out.append(current)  # a district the reference data does not list: kept as named
    return list(dict.fromkeys(out))


def _made_from(table: dict[str, _DistrictRow], district_id: str, first: date | None, last: date | None,
               seen: set[str] | None = None) -> list[str]:
    """The districts that became district_id and stood in the period (West Suffolk in 2017/18: Forest Heath and St
    Edmundsbury), in turn for one that had not begun either (with it)."""
    seen = set() if seen is None else seen
    out: list[str] = []
    for row in table.values():
        if row.successor_id == district_id and row.id not in seen:
            seen.add(row.id)
            if _overlaps(row.valid_from, row.valid_to, first, last):
                out.append(row.id)
            elif last and row.valid_from and row.valid_from > last:
                out += [row.id, *_made_from(table, row.id, first, last, seen)]
    return out


def predecessors(store: Store, district_ids: Iterable[str]) -> list[str]:
    """Districts that became one of these (Waveney and Suffolk Coastal for East Suffolk), in turn."""
    table = _district_table(store)
    wanted = set(district_ids)
    out: list[str] = []
    changed = True
    while changed:
        changed = False
        for row in table.values():
            if row.successor_id in wanted and row.id not in wanted:
                wanted.add(row.id)
                out.append(row.id)
                changed = True
    return out


def successors(store: Store, district_ids: Iterable[str]) -> list[str]:
    """The districts these became (East Suffolk for Waveney and Suffolk Coastal), in turn."""
    table = _district_table(store)
    wanted = set(district_ids)
    out: list[str] = []
    for district_id in list(wanted):
        current = table[district_id].successor_id if district_id in table else None
        while current and current not in wanted:
            wanted.add(current)
            out.append(current)
            current = table[current].successor_id if current in table else None
    return out


def partnership_note(store: Store, partnership: Partnership, today: date) -> str:
    """"ended 31/03/2010" for a partnership whose To date has passed, "no districts" for one without any; else ""
    (a To date the file holds in a form no longer read is left unsaid). Office Details… shows it beside the name."""
    try:
        last = parse_uk_date(partnership.valid_to) if partnership.valid_to else None
    except ValueError:
        last = None
    if last is not None and last < today:
        return f"ended {format_uk_date(last)}"
    return "" if partnership_districts(store, partnership.id) else "no districts"


def idle_partnership_words(store: Store, year: FinancialYear, today: date) -> list[str]:
    """For each partnership the office names that covers no district in ``year``: "Ipswich CSP (ended 31/03/2010)
    covers no district in 2020/21", said where the office's districts for the year are printed (naming it gives
    the office none of them)."""
    named = {a.id for a in office_scope(store).partnerships}
    out = []
    for p in list_partnerships(store):
        if p.id in named and not partnership_district_ids(store, p.id, year):
            note = partnership_note(store, p, today)
            out.append(f"{p.name}{f' ({note})' if note else ''} covers no district in {year.label}")
    return out


def partnership_district_ids(store: Store, partnership_id: str, year: FinancialYear | None = None) -> list[str]:
    """The districts a partnership covered in a financial year (all years when None), by date with successors."""
    first, last = _period(year)
    p = store.one("SELECT valid_from, valid_to FROM partnerships WHERE id = ?", (partnership_id,))
    if p is None or not _overlaps(_day(p["valid_from"]), _day(p["valid_to"]), first, last):
        return []
    members = [r["district_id"] for r in store.rows(
        "SELECT district_id, valid_from, valid_to FROM partnership_districts WHERE partnership_id = ?",
        (partnership_id,)) if _overlaps(_day(r["valid_from"]), _day(r["valid_to"]), first, last)]
    return _current_ids(_district_table(store), members, year)


def _refs(store: Store, ids: Iterable[str]) -> list[AreaRef]:
    names = {r["id"]: r["name"] for r in store.rows("SELECT id, name FROM districts")}
    names.update({r["id"]: r["name"] for r in store.rows("SELECT id, name FROM indicator_areas")})
    return sorted((AreaRef(i, names.get(i, i.partition(":")[2]), "district") for i in dict.fromkeys(ids)),
                  key=lambda a: a.name.casefold())


def _scope_district_ids(store: Store, areas: Iterable[AreaRef], year: FinancialYear | None) -> list[str]:
    table = _district_table(store)
    out: list[str] = []
    for area in areas:
        if area.kind == "partnership":
            out += partnership_district_ids(store, area.id, year)
        elif area.kind == "district":
            out += _current_ids(table, [area.id], year)
    return list(dict.fromkeys(out))


def office_districts(store: Store, year: FinancialYear | None = None) -> list[AreaRef]:
    """The office's districts in a financial year (every one it has had when None), by name.

    A county file: the districts of the offices merged into it (and any it names itself). A file whose scope is
    not set: every district of its reference data (not the districts a police import happened to name).
    """
    scope = office_scope(store)
    areas: list[AreaRef] = [*scope.partnerships, *scope.districts]
    for office in scope.merged_offices:
        areas += [a for a in office.areas if a.kind != "county"]
    ids = _scope_district_ids(store, areas, year)
    if not ids and not areas:
        ids = _current_ids(_district_table(store), [r[0] for r in store.rows("SELECT id FROM districts")], year)
        if scope.county is not None:
            ids = [i for i in ids if (_district_table(store)[i].county or "").casefold() == scope.county.name.casefold()]
    return _refs(store, ids)


def office_county(store: Store) -> AreaRef | None:
    """The office's county: as named; in a county file naming none, the county its merged offices name (the one
    most of them name: a Cornwall office merged into Suffolk's file leaves it Suffolk's, and
    ``outside_county_words`` says so); else the one county its districts lie in (None when several or none).

    A tie (one Suffolk office, one Cornwall office) goes to the county more of the merged offices' districts lie
    in, then the first by name: never to the office merged first, as the order of merging is not in the file's
    export, from which its workbook is made (so the workbook took the other county)."""
    scope = office_scope(store)
    if scope.county is not None:
        return scope.county
    counties = [a for office in scope.merged_offices for a in office.areas if a.kind == "county"]
    if counties:
        return min(counties, key=_county_rank(store, scope, counties))
    table, welsh = _district_table(store), welsh_principal_areas()
    names = {table[a.id].county for a in office_districts(store) if a.id in table and table[a.id].county
             and table[a.id].name not in welsh}  # a Welsh office naming no county is its principal area's alone
    if len(names) == 1:
        name = names.pop()
        return AreaRef(reference_id("county", name), name, "county")
    return None


def _county_rank(store: Store, scope: OfficeScope, counties: list[AreaRef]):
    """How office_county orders the counties a county file's merged offices name: most named first, then the one
    most of their districts lie in, then by name (nothing that depends on the order of merging)."""
    ids = [a.id for a in counties]
    table = _district_table(store)
    merged = {i for o in scope.merged_offices for i in _scope_district_ids(store, [a for a in o.areas
                                                                                  if a.kind != "county"], None)}
    lying = [table[i].county.casefold() for i in merged if i in table and table[i].county]
    return lambda a: (-ids.count(a.id), -lying.count(a.name.casefold()), a.name.casefold())


def outside_county_words(store: Store, county_id: str | None = None,
                         offices: Iterable[str] | None = None) -> list[str]:
    """In a county file, what the report and the merge summary say about its county: each merged office lying
    (wholly or partly) outside it, by its districts' counties or the county it names, and, when the file names no
    county and its offices name several, which one it took and how to name it. [] when there is nothing to say,
    or county_id is given and is another county than the file's. offices: only these merged offices (by name)."""
    scope = office_scope(store)
    county = office_county(store)
    if not scope.is_county_file or county is None or county_id not in (None, county.id):
        return []
    key = county.name.casefold()
    table = _district_table(store)
    filed = {r["id"]: r["county"] for r in store.rows("SELECT id, county FROM districts")}
    out = []
    for office in scope.merged_offices:
        if offices is not None and office.office_name not in offices:
            continue
        named = next((a.name for a in office.areas if a.kind == "county"), None)
        ids = _scope_district_ids(store, [a for a in office.areas if a.kind != "county"], None)
        away = [table[i] for i in ids if i in table and table[i].county and table[i].county.casefold() != key]
        if not away and (named is None or named.casefold() == key):
            continue
        by_county: dict[str, list[str]] = {}
        for d in away:
            by_county.setdefault(d.county, []).append(d.name)
        where = "; ".join(f"district{'s' if len(names) > 1 else ''} {in_words(names)} "
                          f"{'are' if len(names) > 1 else 'is'} in {other}" for other, names in by_county.items()) \
            or f"it names {named} as its county"
        # partly: some of its districts lie in the county (as filed: a unitary such as Plymouth, which no county's
        # figures count, lies in Devon, not in Suffolk), not merely fewer away than it has
        inside = [i for i in ids if (filed.get(i) or "").strip().casefold() == key]
        partly = "partly " if inside else ""
        which = f" for {in_words([d.name for d in away])}" if away else ""
        out.append(f"{office.office_name} lies {partly}outside {county.name} ({where}): its figures{which} are "
                   f"shown under its own areas, not counted in {county.name}'s.")
    if tie := county_tie_words(store):
        out.append(tie)
    elif scope.county is None and len({a.name for o in scope.merged_offices for a in o.areas
                                       if a.kind == "county"}) > 1:
        named = sorted({a.name for o in scope.merged_offices for a in o.areas if a.kind == "county"},
                       key=str.casefold)
        out.append(f"This county file names no county, and its merged offices name {in_words(named)}: it is "
                   f"reported as {county.name}'s, the county most of them name. Name its county in File > Office "
                   "Details… (safer-desk office FILE --county NAME).")
    return out


def districts_claimed_twice_words(store: Store, offices: Iterable[str] | None = None) -> list[str]:
    """In a county file, each district two or more merged offices name as theirs (by partnership or on its own), with
    the offices, in one line: the county counts its figures once, but the lead is told who claims it. offices: only
    districts one of these merged offices (by name) claims."""
    scope = office_scope(store)
    county = office_county(store)
    if not scope.is_county_file:
        return []
    table = _district_table(store)
    claims: dict[str, list[str]] = {}
    for office in scope.merged_offices:
        for i in _scope_district_ids(store, [a for a in office.areas if a.kind != "county"], None):
            claims.setdefault(i, []).append(office.office_name)
    wanted = None if offices is None else set(offices)
    by_offices: dict[tuple[str, ...], list[str]] = {}  # the same offices claiming several districts: one line
    for i, names in claims.items():
        names = sorted(set(names), key=str.casefold)
        if len(names) >= 2 and (wanted is None or wanted & set(names)) and i in table:
            by_offices.setdefault(tuple(names), []).append(table[i].name)
    whose = f"{county.name}'s" if county is not None else "the county's"
    out = []
    for names, districts in sorted(by_offices.items(), key=lambda item: min(d.casefold() for d in item[1])):
        districts = sorted(districts, key=str.casefold)
        one = len(districts) == 1
        out.append(f"{in_words(districts)} {'is' if one else 'are'} named as their district{'' if one else 's'} by "
                   f"{len(names)} offices: {in_words(list(names))}. {'Its' if one else 'Their'} figures count once in "
                   f"{whose}, never added together, and a figure they send differently for "
                   f"{'it' if one else 'one'} is a conflict. If {'it is' if one else 'one is'} only one office's, ask "
                   "the others to take it out of their areas (File > Office Details…).")
    return out


def county_tie_words(store: Store) -> str:
    """In a county file naming no county whose merged offices name two or more equally often (one Suffolk office,
    one Cornwall office): which it is reported as, why, and how to name it; "" otherwise. The board report and
    the county workbook both say it (and take the same county: office_county)."""
    scope = office_scope(store)
    counties = [a for o in scope.merged_offices for a in o.areas if a.kind == "county"]
    if not scope.is_county_file or scope.county is not None or len({a.id for a in counties}) < 2:
        return ""
    county = office_county(store)
    ids = [a.id for a in counties]
    tied = sorted({a.name for a in counties if a.id != county.id and ids.count(a.id) == ids.count(county.id)},
                  key=str.casefold)
    if not tied:
        return ""
    rank = _county_rank(store, scope, counties)
    why = "where more of their districts lie" if rank(county)[1] < min(rank(a)[1] for a in counties
                                                                        if a.name in tied) else "first by name"
    return (f"This county file names no county, and its merged offices name {in_words([county.name, *tied])} as "
            f"often as each other: it is reported as {county.name}'s, {why}. Name its county in File > Office "
            "Details… (safer-desk office FILE --county NAME).")


def partnerships_of(store: Store, district_ids: Iterable[str], year: FinancialYear | None = None) -> list[AreaRef]:
    """The partnerships that covered any of these districts in the year (all years when None)."""
    wanted = set(district_ids)
    out = []
    for r in store.rows("SELECT id, name FROM partnerships ORDER BY name"):
        if wanted & set(partnership_district_ids(store, r["id"], year)):
            out.append(AreaRef(r["id"], r["name"], "partnership"))
    return out


def office_areas(store: Store, year: FinancialYear | None = None) -> list[AreaRef]:
    """The office's own areas for a year: its county, the partnerships of its districts, its districts."""
    districts = office_districts(store, year)
    scope = office_scope(store)
    named = [p for p in scope.partnerships if partnership_district_ids(store, p.id, year) or year is None]
    partnerships = {a.id: a for a in [*named, *partnerships_of(store, [d.id for d in districts], year)]}
    county = office_county(store)
    return ([county] if county else []) + sorted(partnerships.values(), key=lambda a: a.name.casefold()) + districts


def office_leads_with_county(store: Store, year: FinancialYear | None = None) -> bool:
    """Whether the office's figures lead with its county: a county file's, or an office of all its county's
    districts (the example's Safer Suffolk Partnership Board). A district office (Ipswich, naming Suffolk) leads with
    its own areas, as the Indicators tab opens on them, the county it adds up from every district's after them."""
    county = office_county(store)
    if county is None:
        return False
    return office_scope(store).is_county_file or set(area_district_ids(store, county, year)) <= {
        d.id for d in office_districts(store, year)}


def county_names(store: Store) -> list[str]:
    """The counties the reference districts lie in, by name."""
    return sorted((r[0] for r in store.rows(
        "SELECT DISTINCT county FROM districts WHERE county IS NOT NULL AND county <> ''")), key=str.casefold)


def known_areas(store: Store) -> list[AreaRef]:
    """Every area the file names anywhere: reference districts and partnerships, counties, indicator areas."""
    found: dict[str, AreaRef] = {}
    for r in store.rows("SELECT id, name, kind FROM indicator_areas"):
        found[r["id"]] = AreaRef(r["id"], r["name"], r["kind"])
    for r in store.rows("SELECT id, name FROM districts"):
        found[r["id"]] = AreaRef(r["id"], r["name"], "district")
    for r in store.rows("SELECT id, name FROM partnerships"):
        found[r["id"]] = AreaRef(r["id"], r["name"], "partnership")
    for county in county_names(store):
        found.setdefault(reference_id("county", county), AreaRef(reference_id("county", county), county, "county"))
    if _has_office_areas(store):
        for r in store.rows("SELECT area_id, name, kind FROM office_areas"):
            found.setdefault(r["area_id"], AreaRef(r["area_id"], r["name"], r["kind"]))
    return sorted(found.values(), key=lambda a: a.sort_key)


def area_lists(store: Store, year: FinancialYear | None = None) -> tuple[list[AreaRef], list[AreaRef]]:
    """(own, others): the office's areas first (county, partnerships, districts), then every other area by name.

    The window shows the first list and puts the second behind a search (search_areas); derived partnership and
    county areas appear here as soon as they are indicator areas.
    """
    own = office_areas(store, year)
    own_ids = {a.id for a in own}
    others = sorted((a for a in known_areas(store) if a.id not in own_ids), key=lambda a: a.name.casefold())
    return own, others


def search_areas(areas: Sequence[AreaRef], text: str, *, limit: int | None = None) -> list[AreaRef]:
    """The areas whose name contains text (case-insensitive), names starting with it first. An accent may be left
    out ("ynys mon" finds Ynys Môn), and a Welsh principal area may be typed by its Welsh name ("Abertawe": Swansea),
    as Office Details takes it."""
    needle = without_accents(text)
    if not needle:
        return list(areas)[:limit] if limit else list(areas)
    welsh = english_name(text)
    hits = [a for a in areas if area_name_holds(a.name, needle, welsh)]
    hits.sort(key=lambda a: (not (a.name == welsh or loose_name(a.name).startswith(loose_name(needle))),
                             without_accents(a.name)))
    return hits[:limit] if limit else hits


def area_as_filed(name: str) -> str:
    """The name an area typed as free text (a project's Areas covered) is filed under: a Welsh principal area's
    English name for its Welsh name ("Caerdydd", "Ynys Mon": Cardiff, Isle of Anglesey), else the name as typed."""
    return english_name(name) or name


def area_name_holds(name: str, needle: str, welsh: str | None = None) -> bool:
    """Whether an area's name holds ``needle`` (typed, folded by without_accents), or is ``welsh``, the English
    name of the Welsh name typed. Punctuation typed or left out tells no name from another ("Kings Lynn" is King's
    Lynn and West Norfolk, "Stoke on Trent" Stoke-on-Trent: ``loose_name``)."""
    loose = loose_name(needle)  # (punctuation alone, "-", is looked for as typed)
    return name == welsh or (loose in loose_name(name) if loose else needle in without_accents(name))


_APOSTROPHES = str.maketrans("", "", "'\u2019\u2018.")
_SEPARATORS = re.compile(r"[\s,\-\u2010-\u2015]+")


def loose_name(text: str) -> str:
    """A name as compared when searched: without accents, capitals, apostrophes and full stops ("King's" is
    "kings", "St." "st"), hyphens, dashes and commas as spaces ("Stoke-on-Trent" is "stoke on trent")."""
    return _SEPARATORS.sub(" ", without_accents(text).translate(_APOSTROPHES)).strip()


AREA_KINDS = ("county", "partnership", "district")  # the kinds a name can be followed by: "Cornwall (county)"
_NAME_AND_KIND = re.compile(r"^(?P<name>.*?\S)\s*\(\s*(?P<kind>county|partnership|district)\s*\)$", re.IGNORECASE)
_NUMBERS = {2: "two", 3: "three", 4: "four"}


class AmbiguousArea(ReferenceError):
    """A name that more than one area has (Cornwall the county and Cornwall the district): the message says what
    was typed and how to name each area so that only it is meant; ``matches`` are the areas."""

    def __init__(self, typed: str, matches: Sequence[AreaRef]):
        self.typed = typed
        self.matches = sorted(matches, key=lambda a: (AREA_KIND_ORDER.get(a.kind, 9), a.id))
        kinds = list(dict.fromkeys(a.kind for a in self.matches))
        counts = [sum(a.kind == k for a in self.matches) for k in kinds]
        which = [f"the {k}" if n == 1 else f"{_NUMBERS.get(n, str(n))} {k}s" for k, n in zip(kinds, counts)]
        ways = [f'"{w}"' for w in area_names_unambiguously(self.matches)]
        super().__init__(f'"{typed}" names more than one area: {in_words(which)}. Name the one you mean: '
                         + ", ".join(ways[:-1]) + f" or {ways[-1]}.")


def area_names_unambiguously(areas: Sequence[AreaRef]) -> list[str]:
    """How to name each of these areas, all of one name, so that find_area finds it alone: "Cornwall (county)",
    or its id when another of them has the same kind as well."""
    kinds = [a.kind for a in areas]
    return [f"{a.name} ({a.kind})" if a.kind in AREA_KINDS and kinds.count(a.kind) == 1 else a.id for a in areas]


def find_area(store: Store, name_or_id: str) -> AreaRef | None:
    """A district, partnership or county by id, name, or name and kind as the lists show it ("Cornwall (county)"),
    case-insensitive, an accent left out, a Welsh district by its Welsh name ("Caerdydd"); None when the file has
    no such area.

    A name that areas of different kinds share (Cornwall the county and the unitary district) is never settled
    by guessing: it raises AmbiguousArea, which says how to name each.
    """
    typed = (name_or_id or "").strip()
    text = typed.casefold()
    if not text:
        return None
    areas = known_areas(store)
    for area in areas:
        if area.id.casefold() == text:
            return area
    # As typed: "King’s Lynn and West Norfolk" pasted with a curly apostrophe, "Stratford–on–Avon" with dashes.
    key = typed_name_key(typed)
    matches = [a for a in areas if typed_name_key(a.name) == key]
    if not matches:
        qualified = _NAME_AND_KIND.match(typed)
        if qualified is not None:  # "Ynys Mon (district)": its name read as below, without its kind
            name, kind = qualified["name"], qualified["kind"].casefold()
            english = english_name(name) if kind == "district" else None
            matches = [a for a in areas if a.kind == kind and (
                typed_name_key(a.name) == typed_name_key(name) or without_accents(a.name) == without_accents(name)
                or a.name == english)]
    if not matches:  # "Ynys Mon" for Ynys Môn, typed without its circumflex
        folded = without_accents(typed)
        matches = [a for a in areas if without_accents(a.name) == folded]
    if not matches and english_name(typed):  # "Caerdydd": the Welsh name of the district the figures are under
        key = typed_name_key(english_name(typed))
        matches = [a for a in areas if typed_name_key(a.name) == key and a.kind == "district"]
    # Police rows with no place ("unknown") are an area only where no district, partnership or county is.
    matches = [a for a in matches if a.kind != "unknown"] or matches[:1]
    if len(matches) > 1:
        raise AmbiguousArea(typed, matches)
    return matches[0] if matches else None


def area_district_ids(store: Store, area: AreaRef, year: FinancialYear | None = None) -> list[str]:
    """The districts an area covers in a year: itself, a partnership's members, a county's districts (by date)."""
    if area.kind == "district":
        return _current_ids(_district_table(store), [area.id], year) or [area.id]
    if area.kind == "partnership":
        return partnership_district_ids(store, area.id, year)
    if area.kind == "county":
        table = _district_table(store)
        ids = [d.id for d in table.values() if (d.county or "").casefold() == area.name.casefold()]
        return _current_ids(table, ids, year)
    return []


def county_names_of(store: Store, district_ids: Iterable[str]) -> set[str]:
    """The counties these districts lie in (as the reference data names them)."""
    table = _district_table(store)
    return {table[i].county for i in district_ids if i in table and table[i].county}
