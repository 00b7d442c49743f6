"""Which county each current English district lies in (the shipped lookup resources/lookups/district_county.csv),
so that a new file's Office Details can list the chosen county's districts first before the file has any
reference districts of its own."""

from __future__ import annotations

import csv
from functools import lru_cache


@lru_cache(maxsize=1)
def county_of_district() -> dict[str, str]:
    """Current district name -> its (ceremonial) county, England only: {"Babergh": "Suffolk", "Plymouth": "Devon"}."""
    from safer_desk.paths import resource

    with resource("lookups", "district_county.csv").open(encoding="utf-8", newline="") as fh:
        return {row["district"]: row["county"] for row in csv.DictReader(fh)}


def national_counties() -> list[str]:
    """Every county the lookup names, by name."""
    return sorted(set(county_of_district().values()), key=str.casefold)


# The Welsh names of the 22 Welsh principal areas whose Welsh name differs (their councils use both): the police.uk
# lookup files their figures under the English name, which a Welsh office may not type ("Caerdydd", "Ynys Môn").
WELSH_NAMES = {
    "Pen-y-bont ar Ogwr": "Bridgend", "Caerffili": "Caerphilly", "Caerdydd": "Cardiff",
    "Sir Gaerfyrddin": "Carmarthenshire", "Sir Ddinbych": "Denbighshire", "Sir y Fflint": "Flintshire",
    "Ynys Môn": "Isle of Anglesey", "Merthyr Tudful": "Merthyr Tydfil", "Sir Fynwy": "Monmouthshire",
    "Castell-nedd Port Talbot": "Neath Port Talbot", "Casnewydd": "Newport", "Sir Benfro": "Pembrokeshire",
    "Abertawe": "Swansea", "Tor-faen": "Torfaen", "Bro Morgannwg": "Vale of Glamorgan", "Wrecsam": "Wrexham",
}


def without_accents(text: str) -> str:
    """"Ynys Môn" as "Ynys Mon", in any case: a Welsh name typed on a keyboard without a circumflex."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", " ".join((text or "").split()))
    return "".join(c for c in folded if not unicodedata.combining(c)).casefold()


def english_name(welsh: str) -> str | None:
    """The English name the lookup files a Welsh principal area under, for its Welsh name typed ("Caerdydd" is
    Cardiff, "ynys mon" Isle of Anglesey); None for any other name."""
    key = without_accents(welsh).replace("-", " ")
    return next((english for name, english in WELSH_NAMES.items()
                 if without_accents(name).replace("-", " ") == key), None)
