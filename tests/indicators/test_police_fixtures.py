"""The police.uk import on the small fixtures in tests/ (never skipped): the same promises as the tests on
the full files of ../shared/data, which stay for when that folder is present."""

from __future__ import annotations

import shutil

import pytest

from safer_desk.cli import main
from safer_desk.exchange.police_uk import PoliceFileError
from safer_desk.services.police_import import import_police_files, police_counts
from safer_desk.services.progress import Cancelled
from tests.indicators.police_helpers import (cli_counts, fixture, independent_counts, non_zero, snapshot,
                                             street_files)


def test_counts_equal_an_independent_count(tmp_path, capsys):
    folder = fixture("suffolk-2025")
    rows = sum(len(p.read_text(encoding="utf-8").splitlines()) - 1 for p in street_files(folder))
    target = tmp_path / "new.sqlite"
    assert main(["import-police", str(target), str(folder)]) == 0  # creates the file
    assert f"Imported {rows:,} rows from 3 files" in capsys.readouterr().out
    got = cli_counts(capsys, target)
    assert non_zero(got) == independent_counts(folder)
    babergh_jan = independent_counts(folder)[("All crime", "Babergh", "2025-01")]
    assert babergh_jan > 0 and got[("All crime", "Babergh", "2025-01")] == babergh_jan


def test_crlf_files_with_2011_names_count_like_the_csv_module(tmp_path, capsys):
    folder = fixture("suffolk-2021-01")
    assert b"\r\n" in next(iter(street_files(folder))).read_bytes()
    target = tmp_path / "new.sqlite"
    assert main(["import-police", str(target), str(folder)]) == 0
    assert non_zero(cli_counts(capsys, target)) == independent_counts(folder)


def test_reimport_replaces_and_never_double_counts(tmp_path, capsys):
    a = fixture("devon-and-cornwall-2020-q1", "download-a")
    b = fixture("devon-and-cornwall-2020-q1", "download-b")
    assert a.joinpath("2020-01-devon-and-cornwall-street.csv").read_bytes() != \
        b.joinpath("2020-01-devon-and-cornwall-street.csv").read_bytes()  # outcomes changed
    target = tmp_path / "dc.sqlite"
    assert main(["import-police", str(target), str(a)]) == 0
    after_a = cli_counts(capsys, target)
    assert main(["import-police", str(target), str(b)]) == 0
    assert "Replaced 3 force-months" in capsys.readouterr().out
    after_b = cli_counts(capsys, target)
    assert after_a == after_b
    assert non_zero(after_a) == independent_counts(a)
    assert after_b[("All crime", "Plymouth", "2020-01")] > 0


def test_old_and_new_district_names_land_in_one_series(store):
    old = fixture("suffolk-2021-01")
    new = fixture("suffolk-2025", "2025-01-suffolk-street.csv")
    result = import_police_files(store, [old, new])
    assert result.renamed["Waveney"] == "East Suffolk"
    assert result.renamed["Forest Heath"] == "West Suffolk"
    sources = {r["source_district"] for r in police_counts(store, area_id="district:east-suffolk")}
    assert {"Waveney", "Suffolk Coastal", "East Suffolk"} <= sources  # the old names stay visible
    periods = {r[0] for r in store.rows(
        "SELECT period FROM indicator_values WHERE area_id = 'district:east-suffolk' "
        "AND indicator_id = 'indicator:all-crime'")}
    assert periods == {"2021-01", "2025-01"}


def test_duplicate_asb_rows_no_location_rows_and_neighbours_all_count(store):
    path = fixture("suffolk-2025", "2025-01-suffolk-street.csv")
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    asb = [line for line in lines if ",Anti-social behaviour," in line]
    assert len(asb) > len(set(asb))  # the fixture keeps exact duplicates
    no_location = [line for line in lines if ",No Location," in line]
    assert no_location
    import_police_files(store, [path])
    values = {(r[0], r[1]): r[2] for r in store.rows(
        "SELECT indicator_id, area_id, value FROM indicator_values WHERE period = '2025-01'")}
    expected = independent_counts(path)
    assert values[("indicator:anti-social-behaviour", "district:babergh")] == \
        expected[("Anti-social behaviour", "Babergh", "2025-01")]
    assert values[("indicator:all-crime", "area:unknown-area")] == expected[("All crime", "Unknown area", "2025-01")]
    assert values[("indicator:all-crime", "district:braintree")] == expected[("All crime", "Braintree", "2025-01")]


def test_ragged_file_in_a_folder_is_refused_with_its_line_and_nothing_changes(store, tmp_path):
    import_police_files(store, [fixture("suffolk-2025", "2025-01-suffolk-street.csv")])
    before = snapshot(store)
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(fixture("suffolk-2025", "2025-02-suffolk-street.csv"), folder)
    shutil.copy(fixture("ragged-samples", "2018-01-bedfordshire-street.csv"), folder)
    with pytest.raises(PoliceFileError, match=r"2018-01-bedfordshire-street.csv .* line 7"):
        import_police_files(store, [folder])
    assert snapshot(store) == before


def test_ragged_samples_folder_on_the_command_line(tmp_path, capsys):
    target = tmp_path / "x.sqlite"
    assert main(["import-police", str(target), str(fixture("ragged-samples"))]) == 1
    err = capsys.readouterr().err
    assert "2018-01-avon-and-somerset-street.csv is damaged or cut short at line 7" in err
    assert "Traceback" not in err
    assert not target.exists()


def test_truncated_file_is_refused_at_its_last_line(store, tmp_path):
    text = fixture("devon-and-cornwall-2020-q1", "download-a", "2020-02-devon-and-cornwall-street.csv") \
        .read_bytes().decode("utf-8")
    cut = tmp_path / "2020-02-devon-and-cornwall-street.csv"
    cut.write_bytes(text[: len(text) // 2 - 40].encode("utf-8"))
    lines = cut.read_bytes().count(b"\n") + 1
    with pytest.raises(PoliceFileError, match=f"line {lines}: it has [0-9]+ columns? where 12 were expected"):
        import_police_files(store, [cut])
    assert store.scalar("SELECT count(*) FROM _police_counts") == 0


def test_outcomes_and_stop_and_search_files(store, capsys, tmp_path):
    folder = fixture("thames-valley-2022-01")
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


def test_a_folder_of_outcomes_only_is_refused(store, tmp_path):
    folder = tmp_path / "outcomes"
    folder.mkdir()
    shutil.copy(fixture("ragged-samples", "2018-01-bedfordshire-outcomes.csv"), folder)
    with pytest.raises(PoliceFileError, match="There are no police.uk street-level crime files to import"):
        import_police_files(store, [folder])


def test_cancelled_import_changes_nothing(store):
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        import_police_files(store, [fixture("suffolk-2025")], cancelled=cancelled)
    assert store.scalar("SELECT count(*) FROM _police_counts") == 0
    assert store.scalar("SELECT count(*) FROM indicator_values") == 0


def test_cancel_at_the_last_moment_rolls_back(store):
    state = {"saving": False}

    def progress(done, total, message=""):
        state["saving"] = message.startswith("Saving")

    with pytest.raises(Cancelled):
        import_police_files(store, [fixture("suffolk-2025")], progress=progress, cancelled=lambda: state["saving"])
    assert store.scalar("SELECT count(*) FROM _police_counts") == 0
    assert store.scalar("SELECT count(*) FROM indicators") == 0


def test_progress_reaches_the_total(store):
    seen = []
    import_police_files(store, [fixture("suffolk-2025")], progress=lambda d, t, m="": seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] > 0
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
