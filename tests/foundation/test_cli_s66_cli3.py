"""The command line as a district officer's monthly script meets it (s66, cli3).

1. `safer-desk population FILE Ipswhich 2025/26 140000` (a letter slipped) said only "FILE has no area named
   “Ipswhich” (name a district, partnership or county as the Indicators tab names it)", where `indicators --area
   Ipswhich` and `office --district Ipswhich` name the nearest (Ipswich): the refusal now names them too.
2. `safer-desk import-police FILE figures.csv` (a sheet of typed figures) sent the officer to "Import Figures…", the
   window's menu item, where `import-figures` given a street file names `safer-desk import-police`: on the command
   line the refusal now names `safer-desk import-figures` as well.
3. `safer-desk keys COUNTY_FILE > keys.csv` printed accepted_at and withdrawn_at as stored,
   "2026-12-06T18:58:28.390629+00:00": a time in UTC (an hour behind the lead's clock all summer), to the
   millionth of a second, that Excel keeps as text, where every other CSV of the command line writes a day as
   2018-04-01. They are now the time on this computer's clock as Excel reads a date and time, "2026-12-06 19:58".
4. `safer-desk report FILE board.html --area Ipswhich` listed the office's seventeen areas and no nearest name, where
   `indicators --area` says "(the nearest: Ipswich)"; and an area of another office typed a letter wrong
   ("Cornwal") was in no list at all. The refusal now names the nearest areas first, then the office's.
5. `safer-desk projects office.sqlite` on a copy cut short, with no backup beside it, said "… If it is your own
   Safer Desk file: There is no backup of it …", a capital in the middle of a sentence (the guide's rule: after a
   colon the words go on in lower case); it now reads "…: there is no backup of it …".
6. `safer-desk indicators 2025-01-suffolk-street.csv` (the month's download, given where the office's file goes) said
   "… is not a Safer Desk file: it is not an SQLite database at all", and the folder of the download "is a folder,
   not a Safer Desk file": nothing said what the file is or what to run. A police.uk street file, or a folder of
   them, given as FILE to a command that reads an office file is now named as such, with the import-police line;
   `safer-desk check` of one says it under its PROBLEM line.
"""

from __future__ import annotations

from tests.cli_run import run
from tests.exchange.helpers import accept_key_args


# -- 1. population of an area typed a letter wrong ------------------------------------------------------------------

def test_population_of_an_area_typed_wrong_names_the_nearest(demo_path, capsys):
    before = demo_path.read_bytes()
    code, out, err = run(capsys, "population", demo_path, "Ipswhich", "2025/26", "140000")
    assert (code, out) == (1, "")
    assert "has no area named “Ipswhich” (the nearest: Ipswich" in err, err
    assert err.rstrip().endswith("Nothing was changed.")
    assert demo_path.read_bytes() == before


def test_population_of_a_name_like_none_still_says_how_to_name_an_area(demo_path, capsys):
    code, out, err = run(capsys, "population", demo_path, "Zzzzqqq", "2025/26", "140000")
    assert code == 1
    assert "has no area named “Zzzzqqq” (name a district, partnership or county as the Indicators tab names it)" \
        in err


# -- 2. import-police given a sheet of figures ----------------------------------------------------------------------

def test_import_police_given_a_sheet_of_figures_names_the_import_figures_command(demo_path, tmp_path, capsys):
    sheet = tmp_path / "figures.csv"
    sheet.write_text("indicator,area,period,value\nAll crime,Ipswich,2021-01,5\n", encoding="utf-8")
    before = demo_path.read_bytes()
    code, out, err = run(capsys, "import-police", demo_path, sheet)
    assert (code, out) == (1, "")
    assert "safer-desk import-figures" in err, err
    assert "Nothing was imported." in err or "nothing was imported." in err
    assert demo_path.read_bytes() == before


# -- 3. keys' times ---------------------------------------------------------------------------------------------------

def test_keys_prints_when_a_key_was_accepted_and_withdrawn_as_a_time_on_this_clock(demo_path, tmp_path, capsys):
    import csv
    import io
    import re
    from datetime import datetime

    from safer_desk.services.county import registered_keys
    from safer_desk.storage.store import open_store

    export, county = tmp_path / "export.sqlite", tmp_path / "county.sqlite"
    assert run(capsys, "export", demo_path, export)[0] == 0
    assert run(capsys, "merge", county, export, *accept_key_args())[0] == 0
    fingerprint = accept_key_args()[1]
    assert run(capsys, "keys", county, "--withdraw", fingerprint, "--reason", "laptop lost")[0] == 0
    code, out, err = run(capsys, "keys", county)
    assert (code, err) == (0, "")
    (row,) = list(csv.DictReader(io.StringIO(out)))
    store = open_store(county, read_only=True)
    try:
        (key,) = registered_keys(store)
    finally:
        store.close()
    for column, stored in (("accepted_at", key.accepted_at), ("withdrawn_at", key.withdrawn_at)):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", row[column]), row[column]
        moment = datetime.fromisoformat(stored.replace("Z", "+00:00")).astimezone()
        assert row[column] == moment.strftime("%Y-%m-%d %H:%M")
    assert (row["status"], row["reason"]) == ("withdrawn", "laptop lost")


# -- 4. report --area typed a letter wrong -----------------------------------------------------------------------------

def test_report_area_typed_wrong_names_the_nearest_before_the_offices_areas(demo_path, tmp_path, capsys):
    out_file = tmp_path / "board.html"
    code, out, err = run(capsys, "report", demo_path, out_file, "--area", "Ipswhich")
    assert (code, out) == (1, "")
    assert err.startswith("safer-desk: --area: there is no district, partnership or county called “Ipswhich” "
                          "(the nearest: Ipswich, Ipswich CSP; this office's areas: Suffolk, "), err
    assert not out_file.exists()


def test_report_area_of_another_office_typed_wrong_names_it(demo_path, tmp_path, capsys):
    code, out, err = run(capsys, "report", demo_path, tmp_path / "board.html", "--area", "Cornwal")
    assert code == 1
    assert "(the nearest: Cornwall" in err, err


# -- 5. a file cut short, no backup beside it --------------------------------------------------------------------------

def test_a_file_cut_short_with_no_backup_goes_on_in_lower_case_after_the_colon(demo_path, tmp_path, capsys):
    cut = tmp_path / "office.sqlite"
    cut.write_bytes(demo_path.read_bytes()[:100_000])
    code, out, err = run(capsys, "projects", cut)
    assert (code, out) == (1, "")
    assert "If it is your own Safer Desk file: there is no backup of it in the backups folder beside it" in err, err
    assert "There is no backup" not in err


# -- 6. police.uk data given as the office's file --------------------------------------------------------------------

STREET = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"\
    "Last outcome category,Context\n,2025-01,Suffolk Constabulary,Suffolk Constabulary,1.1,52.0,On or near X,"\
    "E01029859,Ipswich 001A,Anti-social behaviour,,\n"


def test_a_street_file_given_as_file_says_what_it_is_and_the_import_line(tmp_path, capsys):
    street = tmp_path / "2025-01-suffolk-street.csv"
    street.write_text(STREET, encoding="utf-8")
    for command in ("indicators", "projects", "budget"):
        code, out, err = run(capsys, command, street)
        assert code == 1
        assert (code, out) == (1, ""), command
        assert err == (f"safer-desk: 2025-01-suffolk-street.csv is not a Safer Desk file: it is not an SQLite database "
                       "at all. It is a data.police.uk street-level crime file: import it into the office's file with "
                       f"`safer-desk import-police FILE {street}`, then give that FILE here.\n"), (command, err)
    assert street.read_text(encoding="utf-8") == STREET


def test_check_of_a_street_file_says_what_it_is_under_its_problem(tmp_path, capsys):
    street = tmp_path / "2025-01-suffolk-street.csv"
    street.write_text(STREET, encoding="utf-8")
    code, out, err = run(capsys, "check", street)
    assert code == 1
    lines = err.splitlines()
    problem = next(i for i, line in enumerate(lines) if "PROBLEM:" in line)
    assert lines[problem + 1] == ("  It is a data.police.uk street-level crime file: import it into the office's file "
                                  f"with `safer-desk import-police FILE {street}`, then give that FILE here."), err
    assert lines[-1] == "Something is wrong: see PROBLEM above."


def test_a_folder_of_street_files_given_as_file_says_so(tmp_path, capsys):
    folder = tmp_path / "download" / "2025-01"
    folder.mkdir(parents=True)
    (folder / "2025-01-suffolk-street.csv").write_text(STREET, encoding="utf-8")
    code, out, err = run(capsys, "indicators", tmp_path / "download")
    assert (code, out) == (1, "")
    assert "is a folder, not a Safer Desk file. It is a folder of data.police.uk street-level crime files" in err, err
    assert f"safer-desk import-police FILE {tmp_path / 'download'}`" in err


def test_another_csv_given_as_file_is_said_as_before(tmp_path, capsys):
    sheet = tmp_path / "partnerships.csv"
    sheet.write_text("partnership,fixed_units,basis\nA,1,5\n", encoding="utf-8")
    code, out, err = run(capsys, "indicators", sheet)
    assert (code, out) == (1, "")
    assert err == "safer-desk: partnerships.csv is not a Safer Desk file: it is not an SQLite database at all.\n"
