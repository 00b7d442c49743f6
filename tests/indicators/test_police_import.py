"""data.police.uk import: counts equal an independent count, re-import replaces, bad files change nothing."""

from __future__ import annotations

import csv
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from safer_desk.cli import main
from safer_desk.exchange.police_uk import PoliceFileError, district_of_lsoa_name, map_district
from safer_desk.services.police_import import import_police_files, police_counts
from safer_desk.services.progress import Cancelled
from tests.conftest import shared_data


def independent_counts(folder: Path) -> Counter:
    """Count street rows with the csv module: (indicator, current district, month)."""
    lookup = {}
    with open(Path(__file__).resolve().parents[2] / "resources" / "lookups" / "lsoa_district_current.csv",
              encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            lookup[r["lsoa_district"]] = r["current_name"]
    counts: Counter = Counter()
    for path in sorted(folder.glob("*-street.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                name = re.sub(r"\s+\d{3}[A-Z]$", "", row["LSOA name"].strip())
                area = lookup.get(name, name) if name else "Unknown area"
                counts[(row["Crime type"], area, row["Month"])] += 1
                if row["Crime type"] != "Anti-social behaviour":
                    counts[("All crime", area, row["Month"])] += 1
    return counts


def cli_counts(capsys, path: Path) -> Counter:
    capsys.readouterr()
    assert main(["indicators", str(path)]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    return Counter({(r["indicator"], r["area"], r["period"]): int(r["value"]) for r in rows})


def test_suffolk_2025_counts_equal_an_independent_count(tmp_path, capsys):
    folder = shared_data("police-uk", "suffolk-2025")
    target = tmp_path / "new.sqlite"
    assert main(["import-police", str(target), str(folder)]) == 0  # creates the file
    out = capsys.readouterr().out
    assert "Imported 48,193 rows from 12 files" in out
    got = cli_counts(capsys, target)
    expected = independent_counts(folder)
    assert got == expected
    assert got[("All crime", "Babergh", "2025-01")] == 298
    assert sum(v for (ind, _, _), v in got.items() if ind == "All crime") + \
        sum(v for (ind, _, _), v in got.items() if ind == "Anti-social behaviour") == 48193


def test_reimport_replaces_and_never_double_counts(tmp_path, capsys):
    a = shared_data("police-uk", "devon-and-cornwall-2020-q1", "download-a")
    b = shared_data("police-uk", "devon-and-cornwall-2020-q1", "download-b")
    target = tmp_path / "dc.sqlite"
    assert main(["import-police", str(target), str(a)]) == 0
    after_a = cli_counts(capsys, target)
    assert main(["import-police", str(target), str(b)]) == 0
    assert "Replaced 3 force-months" in capsys.readouterr().out
    after_b = cli_counts(capsys, target)
    assert after_a == after_b
    assert after_a == independent_counts(a)
    assert after_b[("All crime", "Plymouth", "2020-01")] > 0


def test_old_and_new_district_names_land_in_one_series(store):
    old = shared_data("police-uk", "suffolk-2021-01")
    new = shared_data("police-uk", "suffolk-2025", "2025-01-suffolk-street.csv")
    result = import_police_files(store, [old, new])
    assert result.renamed["Waveney"] == "East Suffolk"
    assert result.renamed["Forest Heath"] == "West Suffolk"
    sources = {r["source_district"] for r in police_counts(store, area_id="district:east-suffolk")}
    assert {"Waveney", "Suffolk Coastal", "East Suffolk"} <= sources  # the old names stay visible
    periods = {r[0] for r in store.rows(
        "SELECT period FROM indicator_values WHERE area_id = 'district:east-suffolk' "
        "AND indicator_id = 'indicator:all-crime'")}
    assert periods == {"2021-01", "2025-01"}


def test_lsoa_names_and_unknown_area():
    assert district_of_lsoa_name("Babergh 001A") == "Babergh"
    assert district_of_lsoa_name("") == ""
    assert map_district("Waveney").current_name == "East Suffolk"
    assert map_district("").current_name == "Unknown area"
    assert map_district("Bristol").current_name == "Bristol, City of"


def test_no_lsoa_rows_and_duplicate_asb_rows_each_count(tmp_path, store):
    header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type," \
             "Last outcome category,Context\n"
    asb = ",2025-01,Suffolk Constabulary,Suffolk Constabulary,1.1,52.0,On or near X,E01029876,Babergh 001A," \
          "Anti-social behaviour,,\n"
    nowhere = "abc,2025-01,Suffolk Constabulary,Suffolk Constabulary,,,No Location,,,Burglary,Under investigation,\n"
    elsewhere = "def,2025-01,Suffolk Constabulary,Suffolk Constabulary,1,52,On or near Y,E01026000,Breckland 001A," \
                "Burglary,Under investigation,\n"
    f = tmp_path / "2025-01-suffolk-street.csv"
    f.write_text(header + asb + asb + asb + nowhere + elsewhere, encoding="utf-8")
    import_police_files(store, [f])
    values = {(r[0], r[1]): r[2] for r in store.rows(
        "SELECT indicator_id, area_id, value FROM indicator_values")}
    assert values[("indicator:anti-social-behaviour", "district:babergh")] == 3
    assert values[("indicator:burglary", "area:unknown-area")] == 1
    assert values[("indicator:all-crime", "district:breckland")] == 1  # a neighbouring force's area
    assert ("indicator:all-crime", "district:babergh") not in values  # ASB is not "All crime"


def snapshot(store):
    return [tuple(r) for r in store.rows("SELECT * FROM indicator_values ORDER BY id")] + \
        [tuple(r) for r in store.rows("SELECT * FROM _police_counts ORDER BY force, month, source_district, crime_type")]


def test_ragged_file_is_refused_with_its_line_and_nothing_changes(store, tmp_path):
    good = shared_data("police-uk", "suffolk-2025", "2025-01-suffolk-street.csv")
    import_police_files(store, [good])
    before = snapshot(store)
    ragged = shared_data("police-uk", "ragged-samples", "2018-01-bedfordshire-street.csv")
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(shared_data("police-uk", "suffolk-2025", "2025-02-suffolk-street.csv"), folder)
    shutil.copy(ragged, folder)
    with pytest.raises(PoliceFileError, match=r"2018-01-bedfordshire-street.csv .* line 7"):
        import_police_files(store, [folder])
    assert snapshot(store) == before


def test_truncated_file_is_refused(store, tmp_path):
    good = shared_data("police-uk", "suffolk-2025", "2025-03-suffolk-street.csv")
    text = good.read_text(encoding="utf-8")
    cut = tmp_path / "2025-03-suffolk-street.csv"
    cut.write_text(text[: len(text) // 2 - 40], encoding="utf-8")
    lines = cut.read_text(encoding="utf-8").count("\n") + 1
    with pytest.raises(PoliceFileError, match=f"line {lines}"):
        import_police_files(store, [cut])
    assert store.scalar("SELECT count(*) FROM _police_counts") == 0


def test_outcomes_and_stop_and_search_files(store, capsys, tmp_path):
    folder = shared_data("police-uk", "thames-valley-2022-01")
    with pytest.raises(PoliceFileError, match="outcomes file"):
        import_police_files(store, [folder / "2022-01-thames-valley-outcomes.csv"])
    with pytest.raises(PoliceFileError, match="stop-and-search"):
        import_police_files(store, [folder / "2022-01-thames-valley-stop-and-search.csv"])
    result = import_police_files(store, [folder])  # in a folder they are listed and left out
    assert result.files == 1
    assert [name for name, _ in result.skipped] == ["2022-01-thames-valley-outcomes.csv",
                                                   "2022-01-thames-valley-stop-and-search.csv"]
    target = tmp_path / "x.sqlite"
    assert main(["import-police", str(target), str(folder / "2022-01-thames-valley-outcomes.csv")]) == 1
    assert "outcomes file" in capsys.readouterr().err


def test_cancelled_import_changes_nothing(store):
    folder = shared_data("police-uk", "suffolk-2025")
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        import_police_files(store, [folder], cancelled=cancelled)
    assert store.scalar("SELECT count(*) FROM _police_counts") == 0
    assert store.scalar("SELECT count(*) FROM indicator_values") == 0


def test_cancel_at_the_last_moment_rolls_back(store):
    folder = shared_data("police-uk", "suffolk-2025")
    state = {"saving": False}

    def progress(done, total, message=""):
        state["saving"] = message.startswith("Saving")

    def cancelled():  # Cancel pressed once the counts are being written: the transaction rolls back
        return state["saving"]

    with pytest.raises(Cancelled):
        import_police_files(store, [folder], progress=progress, cancelled=cancelled)
    assert store.scalar("SELECT count(*) FROM _police_counts") == 0
    assert store.scalar("SELECT count(*) FROM indicators") == 0


def test_missing_source_is_a_clear_error(tmp_path, capsys):
    assert main(["import-police", str(tmp_path / "x.sqlite"), str(tmp_path / "nowhere")]) == 1
    assert "no file or folder" in capsys.readouterr().err


def test_demo_police_data_equals_the_real_import(demo_store, store):
    """The shipped counts are what the importer makes from the twelve Suffolk files."""
    folder = shared_data("police-uk", "suffolk-2025")
    import_police_files(store, [folder])
    key = "SELECT force, month, source_district, crime_type, count FROM _police_counts ORDER BY 1, 2, 3, 4"
    assert [tuple(r) for r in demo_store.rows(key)] == [tuple(r) for r in store.rows(key)]
