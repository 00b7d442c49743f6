"""A year's data.police.uk download, as the site gives it with outcomes and stop-and-search ticked, imported
(session 59): the summary gave each of its 24 outcomes and stop-and-search files a line of its own ("Not imported:
2025-01/2025-01-suffolk-outcomes.csv (in download.zip) is a police.uk outcomes file …"), 32 lines of which 24 said the
same thing, and in the window the message was taller than a laptop's screen, its OK button off the bottom. Files of
one kind left out are said in one line, the first few named; three or fewer are still named one a line."""

from __future__ import annotations

import zipfile

from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import fixture, street_file, suffolk_row

MONTHS = [f"2025-{m:02d}" for m in range(1, 13)]


def year_download(tmp_path, months=MONTHS):
    """The download zip of a year: each month's folder with its street, outcomes and stop-and-search files."""
    outcomes = fixture("thames-valley-2022-01", "2022-01-thames-valley-outcomes.csv").read_text(encoding="utf-8")
    searches = fixture("thames-valley-2022-01", "2022-01-thames-valley-stop-and-search.csv").read_text(
        encoding="utf-8")
    path = tmp_path / "download.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for month in months:
            street = street_file(tmp_path, f"{month}-suffolk-street.csv", [suffolk_row(month=month)])
            archive.write(street, f"{month}/{month}-suffolk-street.csv")
            archive.writestr(f"{month}/{month}-suffolk-outcomes.csv", outcomes.splitlines()[0] + "\n")
            archive.writestr(f"{month}/{month}-suffolk-stop-and-search.csv", searches.splitlines()[0] + "\n")
    return path


def left_out(result) -> list[str]:
    return [line for line in result.summary_lines() if line.startswith("Not imported")]


def test_a_years_outcomes_and_stop_and_search_files_are_said_once_each(store, tmp_path):
    result = import_police_files(store, [year_download(tmp_path)])
    assert left_out(result) == [
        "Not imported: 12 police.uk outcomes files (what later happened to crimes), not street-level crime: "
        "2025-01/2025-01-suffolk-outcomes.csv (in download.zip), 2025-02/2025-02-suffolk-outcomes.csv (in "
        "download.zip), 2025-03/2025-03-suffolk-outcomes.csv (in download.zip) and 9 more; only the *-street.csv "
        "files are counted.",
        "Not imported: 12 police.uk stop-and-search files, not street-level crime: "
        "2025-01/2025-01-suffolk-stop-and-search.csv (in download.zip), 2025-02/2025-02-suffolk-stop-and-search.csv "
        "(in download.zip), 2025-03/2025-03-suffolk-stop-and-search.csv (in download.zip) and 9 more; they are not "
        "counted."]
    assert len(result.summary_lines()) < 10


def test_three_of_a_kind_are_still_named_one_a_line(store, tmp_path):
    result = import_police_files(store, [year_download(tmp_path, MONTHS[:3])])
    lines = left_out(result)
    assert len(lines) == 6
    assert lines[0] == ("Not imported: 2025-01/2025-01-suffolk-outcomes.csv (in download.zip) is a police.uk outcomes "
                        "file (what later happened to crimes), not street-level crime: only the *-street.csv files are "
                        "counted.")
