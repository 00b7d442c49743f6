"""The police import's summary, two forces' downloads of different years, and a download given twice (session 53).

Seen: Devon & Cornwall's January and March 2020 imported with Suffolk's 2025 said "14 months (2020-01 to 2025-12; no
file for 2020-02, 2020-04 to 2024-12)": no download ever covered the 57 months between the two forces', and Devon &
Cornwall's own missing February was not said to be Devon & Cornwall's. And a download given alone and in a folder
said its outcomes file's "Not imported" line twice (its street file, rightly, once).
"""

from __future__ import annotations

import shutil

from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import download_zip, fixture


def test_the_months_between_two_forces_downloads_are_no_one_s_gap_and_each_force_s_own_is_named(store):
    dc = fixture("devon-and-cornwall-2020-q1", "download-a")
    given = [dc / "2020-01-devon-and-cornwall-street.csv", dc / "2020-03-devon-and-cornwall-street.csv",
             fixture("suffolk-2025")]
    lines = import_police_files(store, given).summary_lines()
    assert "no file for" not in lines[0], lines[0]
    assert lines[0].startswith("Imported") and "(2020-01 to 2025-03)" in lines[0]
    assert [line for line in lines if line.startswith("No file for")] == [
        "No file for Devon & Cornwall Police 2020-02, between its first and last months imported (2020-01 to 2020-03): "
        "its areas have no figures for Feb-20. If its download left that month out, import that month's file."]


def test_a_month_no_force_gave_inside_both_forces_months_is_said_once_on_the_first_line(store, tmp_path):
    dc, suffolk = tmp_path / "dc", tmp_path / "suffolk"
    dc.mkdir()
    suffolk.mkdir()
    for month in ("01", "03"):
        text = (fixture("devon-and-cornwall-2020-q1", "download-a") / f"2020-{month}-devon-and-cornwall-street.csv") \
            .read_text(encoding="utf-8").replace(f",2020-{month},", f",2025-{month},")
        (dc / f"2025-{month}-devon-and-cornwall-street.csv").write_text(text, encoding="utf-8")
        shutil.copy(fixture("suffolk-2025") / f"2025-{month}-suffolk-street.csv", suffolk)
    lines = import_police_files(store, [dc, suffolk]).summary_lines()
    assert "(2025-01 to 2025-03; no file for 2025-02)" in lines[0], lines[0]
    assert not any(line.startswith("No file for") for line in lines)


def test_a_download_given_alone_and_in_a_folder_says_each_file_not_imported_once(store, tmp_path):
    month = tmp_path / "2025-01"
    month.mkdir()
    shutil.copy(fixture("suffolk-2025") / "2025-01-suffolk-street.csv", month)
    outcomes = next(fixture("thames-valley-2022-01").glob("*-outcomes.csv"))
    shutil.copy(outcomes, month)
    alone = download_zip(tmp_path / "a.zip", month)
    folder = tmp_path / "folder"
    folder.mkdir()
    shutil.copy(alone, folder / "a.zip")
    lines = import_police_files(store, [alone, folder]).summary_lines()
    said = [line for line in lines if line.startswith("Not imported:")]
    assert len(said) == 1 and "outcomes file" in said[0], lines
