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
