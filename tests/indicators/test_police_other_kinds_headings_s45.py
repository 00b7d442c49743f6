"""An outcomes or stop-and-search file whose heading line another program rewrote ("outcome type", "Object Of Search")
was refused as a file of unknown columns (session 45), while the same file as police.uk writes it is named as what it
is. They are not counted either way; the refusal now names the kind of file and asks for the street file instead."""

from __future__ import annotations

import pytest

from safer_desk.exchange.police_uk import PoliceFileError, file_kind
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import snapshot

OUTCOMES = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type"
SEARCHES = ("Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,"
            "Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,"
            "Outcome linked to object of search,Removal of more than just outer clothing")


@pytest.mark.parametrize("header, kind", [
    (OUTCOMES, "outcomes"), (OUTCOMES.lower(), "outcomes"), (OUTCOMES.upper().replace(",", " ,"), "outcomes"),
    (SEARCHES, "stop-and-search"), (SEARCHES.title(), "stop-and-search"), (SEARCHES.lower(), "stop-and-search"),
])
def test_the_kind_is_told_by_its_headings_in_any_letters(header, kind):
    assert file_kind(header.split(",")) == kind


def test_a_street_file_is_still_told_only_by_its_own_headings():
    street = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type"
    assert file_kind(street.split(",")) == "street"
    assert file_kind(street.lower().split(",")) == "unknown"  # refused saying another program changed its headings


def test_a_rewritten_outcomes_file_is_refused_as_an_outcomes_file(store, tmp_path):
    path = tmp_path / "2018-01-bedfordshire-outcomes.csv"
    path.write_text(OUTCOMES.lower() + "\nabc,2018-01,Bedfordshire Police,Bedfordshire Police,,,,,,Unable to "
                    "prosecute suspect\n", encoding="utf-8")
    before = snapshot(store)
    with pytest.raises(PoliceFileError, match=r"is a police\.uk outcomes file .* only the \*-street\.csv files"):
        import_police_files(store, [path])
    assert snapshot(store) == before
