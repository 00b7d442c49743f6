"""Which county each current English district lies in, and each Welsh principal area's preserved county (Gwent,
Dyfed, Gwynedd …: the shipped lookup resources/lookups/district_county.csv),
so that a new file's Office Details can list the chosen county's districts first before the file has any
reference districts of its own."""

from __future__ import annotations

import csv
from functools import lru_cache


@lru_cache(maxsize=1)
def county_of_district() -> dict[str, str]:
    """Current district name -> its (ceremonial) county, in Wales its preserved county: {"Babergh": "Suffolk",
    "Plymouth": "Devon", "Newport": "Gwent"}."""
    from safer_desk.paths import resource

    with resource("lookups", "district_county.csv").open(encoding="utf-8", newline="") as fh:
        return {row["district"]: row["county"] for row in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    from safer_desk.paths import resource

    with resource("lookups", "district_county.csv").open(encoding="utf-8", newline="") as fh:
        return {row["district"]: row["ons_code"] for row in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def unitaries_within_counties() -> frozenset[str]:
    """The unitary authorities (ONS E06) inside a county that has a county council, whose districts (E07) are the
    two-tier county: Plymouth and Torbay in Devon, Brighton and Hove in East Sussex, Medway in Kent. Each has no
    county above it and a partnership of its own, and its figures are not the county's (seed 004's East Sussex
    counts its five districts' crime, without Brighton and Hove's)."""
    codes, counties = _codes(), county_of_district()
    two_tier = {counties[d] for d, code in codes.items() if code.startswith("E07")}
    return frozenset(d for d, code in codes.items() if code.startswith("E06") and counties[d] in two_tier)


@lru_cache(maxsize=1)
def counted_county_of_district() -> dict[str, str]:
    """Current district name -> the county whose figures count it: county_of_district less the unitaries within a
    county council's county (Plymouth is in Devon, but not one of Devon County Council's districts). A county made
    wholly of unitaries (Cumbria, Northamptonshire, Berkshire) keeps them all."""
    within = unitaries_within_counties()
    return {d: c for d, c in county_of_district().items() if d not in within}


# The districts whose police area (Police Act 1996, Schedule 1) is not their ceremonial county, by the name of the
# police area, as its force is named: North Lincolnshire is in Lincolnshire but policed by Humberside Police,
# Middlesbrough in North Yorkshire by Cleveland Police, South Gloucestershire by Avon and Somerset Constabulary.
POLICE_AREA_NOT_COUNTY = {
    "North Lincolnshire": "Humberside", "North East Lincolnshire": "Humberside",
    "East Riding of Yorkshire": "Humberside", "Kingston upon Hull, City of": "Humberside",
    "Middlesbrough": "Cleveland", "Redcar and Cleveland": "Cleveland",
    "Hartlepool": "Cleveland", "Stockton-on-Tees": "Cleveland", "County Durham": "Durham", "Darlington": "Durham",
    "South Gloucestershire": "Avon and Somerset", "Bristol, City of": "Avon and Somerset",
    "Isle of Wight": "Hampshire", "Rutland": "Leicestershire",
}


def police_area_places(name: str) -> set[str]:
    """The places a force named for a district's own police area may be named for (police_uk.force_named_for): the
    district and its police area, which is its county (in Wales its preserved county) but for the districts of
    POLICE_AREA_NOT_COUNTY: Lincolnshire Police is not North Lincolnshire's force, though the county holds it."""
    area = POLICE_AREA_NOT_COUNTY.get(name) or county_of_district().get(name)
    return {p for p in (name, area) if p}


def welsh_principal_areas() -> frozenset[str]:
    """The 22 Welsh principal areas (ONS W06), each a unitary council: its preserved county (Gwent) is a county an
    office may name, never one it is taken to be in when it names none (a Cardiff office is Cardiff's alone)."""
    return frozenset(d for d, code in _codes().items() if code.startswith("W"))


def counted_county(name: str, county: str | None) -> str | None:
    """The county whose figures count a district the file files under ``county``: None for a unitary within a county
    council's county filed under that county, as files made before the unitary rule (and the example) file Plymouth
    under Devon: Devon's figure added Plymouth's crimes, and a Plymouth office was reported as Devon's."""
    if county and name in unitaries_within_counties() and \
            county_of_district().get(name, "").casefold() == county.strip().casefold():
        return None
    return county


def county_districts(county: str) -> list[str]:
    """The current districts whose figures a county's are worked out from, by name (see counted_county_of_district)."""
    key = (county or "").strip().casefold()
    return sorted((d for d, c in counted_county_of_district().items() if c.casefold() == key), key=str.casefold)


def national_counties() -> list[str]:
    """Every county the lookup names, by name."""
    return sorted(set(county_of_district().values()), key=str.casefold)


# The Welsh names of the 22 Welsh principal areas whose Welsh name differs (their councils use both): the police.uk
# lookup files their figures under the English name, which a Welsh office may not type ("Caerdydd", "Ynys Môn").
# Carmarthenshire's council calls itself Cyngor Sir Gâr, beside the formal Sir Gaerfyrddin.
WELSH_NAMES = {
    "Pen-y-bont ar Ogwr": "Bridgend", "Caerffili": "Caerphilly", "Caerdydd": "Cardiff",
    "Sir Gaerfyrddin": "Carmarthenshire", "Sir Gâr": "Carmarthenshire", "Sir Ddinbych": "Denbighshire",
    "Sir y Fflint": "Flintshire",
    "Ynys Môn": "Isle of Anglesey", "Merthyr Tudful": "Merthyr Tydfil", "Sir Fynwy": "Monmouthshire",
    "Castell-nedd Port Talbot": "Neath Port Talbot", "Casnewydd": "Newport", "Sir Benfro": "Pembrokeshire",
    "Abertawe": "Swansea", "Tor-faen": "Torfaen", "Bro Morgannwg": "Vale of Glamorgan", "Wrecsam": "Wrexham",
}


def without_accents(text: str) -> str:
    """"Ynys Môn" as "Ynys Mon", in any case, its spaces tidied: a Welsh name typed on a keyboard without a
    circumflex."""
    from safer_desk.domain.text import folded

    return folded(" ".join((text or "").split()))


def english_name(welsh: str) -> str | None:
    """The English name the lookup files a Welsh principal area under, for its Welsh name typed ("Caerdydd" is
    Cardiff, "ynys mon" Isle of Anglesey); None for any other name."""
    key = without_accents(welsh).replace("-", " ")
    return next((english for name, english in WELSH_NAMES.items()
                 if without_accents(name).replace("-", " ") == key), None)
