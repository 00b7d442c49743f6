"""The police import's summary names a month left out between the first and the last imported (round 32): a
download missing one month said "11 months (2025-01 to 2025-12)", which reads as a whole year."""

import shutil

from safer_desk.cli import main
from safer_desk.services.police_import import PoliceImportResult
from tests.indicators.police_helpers import fixture, street_files


def test_a_month_missing_from_the_folder_is_named(tmp_path, capsys):
    folder = tmp_path / "download"
    folder.mkdir()
    for path in street_files(fixture("suffolk-2025")):
        if not path.name.startswith("2025-02"):
            shutil.copy(path, folder / path.name)
    assert main(["import-police", str(tmp_path / "office.sqlite"), str(folder)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert "(2025-01 to 2025-03; no file for 2025-02)" in first, first


def test_runs_of_missing_months_and_a_year_end_are_said_in_ranges():
    result = PoliceImportResult(months=["2021-01", "2021-11", "2022-02"])
    assert result.months_missing() == ["2021-02", "2021-03", "2021-04", "2021-05", "2021-06", "2021-07", "2021-08",
                                       "2021-09", "2021-10", "2021-12", "2022-01"]
    assert "(2021-01 to 2022-02; no file for 2021-02 to 2021-10, 2021-12 to 2022-01)" in result.summary_lines()[0]


def test_a_whole_run_of_months_says_nothing_more():
    result = PoliceImportResult(months=["2024-11", "2024-12", "2025-01"])
    assert result.months_missing() == []
    assert "(2024-11 to 2025-01)," in result.summary_lines()[0]
