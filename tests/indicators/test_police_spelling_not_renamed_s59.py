"""The police.uk import's summary names a district a file gives by its old name (session 59). Suffolk's own 2025
files, imported as they come, said "Herefordshire counted as Herefordshire, County of (its current district)", and a
file writing "BABERGH 001A" said "BABERGH counted as Babergh (its current district)", as if those districts had been
merged or renamed: they are the same districts, in ONS's formal name ("Bristol, City of") or in other capitals.
Waveney and Shepway, which did become East Suffolk and Folkestone and Hythe, are still named."""

from __future__ import annotations

from safer_desk.exchange.police_uk import map_district
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import street_file, suffolk_row

LSOAS = ["Herefordshire 009A", "BABERGH 001A", "Bristol 012B", "The Vale of Glamorgan 003C", "Kingston upon Hull 001A",
         "Waveney 001A", "Shepway 002A", "St Edmundsbury 001A"]


def test_a_district_in_its_formal_name_or_other_capitals_is_not_said_to_be_renamed(demo_store, tmp_path):
    path = street_file(tmp_path, "2025-01-suffolk-street.csv",
                       [suffolk_row(lsoa=lsoa, crime_id=str(i)) for i, lsoa in enumerate(LSOAS)])
    result = import_police_files(demo_store, [path])
    renamed = [line for line in result.summary_lines() if "(its current district)" in line]
    assert renamed == ["Shepway counted as Folkestone and Hythe (its current district).",
                       "St Edmundsbury counted as West Suffolk (its current district).",
                       "Waveney counted as East Suffolk (its current district)."]


def test_the_mapping_says_which_names_are_another_districts():
    assert [map_district(name).renamed for name in ("Herefordshire", "HEREFORDSHIRE, COUNTY OF", "Bristol",
                                                    "The Vale of Glamorgan", "babergh", "Babergh")] == [False] * 6
    assert [map_district(name).renamed for name in ("Waveney", "FOREST HEATH", "Shepway", "Poole")] == [True] * 4
    assert not map_district("").renamed and not map_district("Nowhere Town").renamed
