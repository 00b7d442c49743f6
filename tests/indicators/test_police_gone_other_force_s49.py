"""An area a force's month no longer has rows in, where another force's file still counts crimes (round 49): the
import said "it has no figures for Jan-25 now" of Breckland while Norfolk Constabulary's 278 were still held."""

from __future__ import annotations

from safer_desk.services import indicators as svc
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import street_file, suffolk_row


def norfolk_row(crime_id: str) -> str:
    return suffolk_row(crime_id=crime_id, lsoa="Breckland 001A").replace("Suffolk Constabulary,Suffolk Constabulary",
                                                                        "Norfolk Constabulary,Norfolk Constabulary")


def test_an_area_another_force_still_counts_is_not_said_to_have_no_figures(store, tmp_path):
    suffolk = [suffolk_row(crime_id=f"s{i}") for i in range(40)]
    breckland = [suffolk_row(crime_id=f"b{i}", lsoa="Breckland 001A") for i in range(3)]
    ipswich = [suffolk_row(crime_id=f"i{i}", lsoa="Ipswich 001A") for i in range(2)]
    (tmp_path / "a").mkdir()
    (tmp_path / "n").mkdir()
    (tmp_path / "b").mkdir()
    before = street_file(tmp_path / "a", "2025-01-suffolk-street.csv", suffolk + breckland + ipswich)
    norfolk = street_file(tmp_path / "n", "2025-01-norfolk-street.csv", [norfolk_row(f"n{i}") for i in range(5)])
    import_police_files(store, [before, norfolk])
    lines = import_police_files(store, [street_file(tmp_path / "b", "2025-01-suffolk-street.csv", suffolk)]
                                ).summary_lines()
    said = next(line for line in lines if "in this import's file" in line)
    assert ("and none in 2 areas the file before had rows in (Breckland 3 and Ipswich 2): Ipswich has no figures for "
            "Jan-25 now, and Breckland only other forces' (Norfolk Constabulary's);") in said, said
    breckland_id = svc.find_area(store, "Breckland").id
    assert svc.value_rows(store, "indicator:all-crime", breckland_id, ["2025-01"])["2025-01"]["value"] == 5
