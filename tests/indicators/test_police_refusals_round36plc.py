"""Every refusal of Import Police Data says what happened, what was kept and what to do (session 36).

Tried as an officer would, each refusal the import can give: an empty street file said "X is empty." and stopped; a
Month like "2025-13" (not Excel's "Mar-25") said only "has a Month that is not YYYY-MM"; a street file compressed
with gzip (.csv.gz) was called "not UTF-8 text" and blamed on Excel; a stop-and-search file or another CSV chosen on
its own, or a zip Safer Desk cannot unpack (a password, Windows' Deflate64), named no file to choose instead.
"""

from __future__ import annotations

import gzip
import zipfile

import pytest

from safer_desk.exchange.police_uk import PoliceFileError
from safer_desk.services.police_import import import_police_files
from tests.cli_run import run
from tests.indicators.police_helpers import (HEADER, fixture, import_in_window, make_zip, snapshot, street_file,
                                             suffolk_row)

AGAIN = "Download it again from data.police.uk"
CHOOSE = ("Choose the *-street.csv files of a data.police.uk download, the folder they are in, or the download's "
          ".zip; nothing was imported.")


def refusal(store, *paths) -> str:
    before = snapshot(store)
    with pytest.raises(PoliceFileError) as refused:
        import_police_files(store, list(paths))
    assert snapshot(store) == before  # what was kept: everything, as it was
    return str(refused.value)


def test_an_empty_street_file_says_what_to_do(tmp_path, capsys):
    path = tmp_path / "2025-01-suffolk-street.csv"
    path.write_bytes(b"")
    code, out, err = run(capsys, "import-police", tmp_path / "office.sqlite", path)
    assert (code, out) == (1, "")
    assert err.strip() == ("safer-desk: 2025-01-suffolk-street.csv is empty (0 bytes): a data.police.uk street file "
                           "always starts with its heading line, so it was cut short while downloading or saved "
                           f"again empty. {AGAIN}; nothing was imported.")


def test_a_file_of_blank_lines_and_one_whose_heading_is_not_on_its_first_line(store, tmp_path):
    blank = tmp_path / "2025-01-suffolk-street.csv"
    blank.write_bytes(b"\r\n\r\n")
    assert refusal(store, blank).startswith("2025-01-suffolk-street.csv is empty (blank lines only): ")
    late = tmp_path / "2025-02-suffolk-street.csv"
    late.write_bytes(("\n" + HEADER + "\n" + suffolk_row(month="2025-02") + "\n").encode())
    assert refusal(store, late) == (
        "2025-02-suffolk-street.csv starts with a blank line where its heading line (“Crime ID,Month,…”) should be: "
        "a data.police.uk street file starts with it, so another program changed the file. "
        f"{AGAIN}; nothing was imported.")


def test_a_month_nothing_like_excels_says_what_to_do(store, tmp_path):
    path = street_file(tmp_path, "2025-01-suffolk-street.csv", [suffolk_row(), suffolk_row(month="2025-13")])
    assert refusal(store, path) == (
        "2025-01-suffolk-street.csv has a Month that is not YYYY-MM (“2025-13”) at line 3: every row of a "
        "data.police.uk street file has its month as YYYY-MM (2025-03 for March 2025), so another program changed "
        f"the file. {AGAIN}; nothing was imported.")


def test_a_heading_line_met_again_is_said_as_two_files_put_together(store, tmp_path):
    path = street_file(tmp_path, "2025-01-suffolk-street.csv", [suffolk_row(), HEADER, suffolk_row()])
    assert refusal(store, path) == (
        "2025-01-suffolk-street.csv has its heading line again at line 3: two files were probably put together into "
        "one. Import each month's file as data.police.uk gives it (choose them together, or their folder); nothing "
        "was imported.")


def test_the_excel_months_are_said_as_before(store, tmp_path):
    path = street_file(tmp_path, "2025-01-suffolk-street.csv", [suffolk_row(month="Jan-25")])
    assert "saved again in Excel" in refusal(store, path)


def test_a_gzipped_street_file_is_said_as_what_it_is_not_as_not_utf8(tmp_path, capsys):
    source = fixture("suffolk-2025", "2025-03-suffolk-street.csv")
    path = tmp_path / "2025-03-suffolk-street.csv.gz"
    path.write_bytes(gzip.compress(source.read_bytes()))
    code, out, err = run(capsys, "import-police", tmp_path / "office.sqlite", path)
    assert code == 1 and "UTF-8" not in err
    assert err.strip() == (
        "safer-desk: 2025-03-suffolk-street.csv.gz is compressed with gzip (a .gz file), not a street-level crime "
        "file itself: unpack it first (7-Zip does, on Windows) and import the .csv inside, or import the .zip "
        "data.police.uk gives; nothing was imported.")


def test_a_zip_named_as_a_csv_in_a_folder_says_to_name_it_zip(store, tmp_path):
    folder = tmp_path / "police"
    folder.mkdir()
    make_zip(folder / "2025-03-suffolk-street.csv",
             {"2025-03/2025-03-suffolk-street.csv": fixture("suffolk-2025", "2025-03-suffolk-street.csv")})
    assert refusal(store, folder) == (
        "2025-03-suffolk-street.csv is a zip file named as a CSV: rename it to end .zip (or choose it on its own, "
        "as it is) and import it again; nothing was imported.")


def test_the_custom_download_zip_is_read_as_it_comes(store, tmp_path):
    """data.police.uk's custom download: a .zip of month folders, each with the street file (and others)."""
    path = tmp_path / "3f1c9e0a6b.zip"
    make_zip(path, {"2025-03/2025-03-suffolk-street.csv": fixture("suffolk-2025", "2025-03-suffolk-street.csv"),
                    "2025-02/2025-02-suffolk-street.csv": fixture("suffolk-2025", "2025-02-suffolk-street.csv")})
    result = import_police_files(store, [path])
    assert result.files == 2 and sorted(result.months) == ["2025-02", "2025-03"]


@pytest.mark.parametrize("name, said", [
    ("2022-01-thames-valley-stop-and-search.csv",
     "2022-01-thames-valley-stop-and-search.csv is a police.uk stop-and-search file, not street-level crime: it is "
     f"not counted. {CHOOSE}"),
    ("2022-01-thames-valley-outcomes.csv",
     "2022-01-thames-valley-outcomes.csv is a police.uk outcomes file (what later happened to crimes), not "
     f"street-level crime: only the *-street.csv files are counted. {CHOOSE}"),
])
def test_another_police_uk_file_chosen_on_its_own_says_what_to_choose(store, name, said):
    assert refusal(store, fixture("thames-valley-2022-01", name)) == said


def test_another_csv_chosen_on_its_own_says_what_to_choose(store, tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text("indicator,area,period,value\nAll crime,Babergh,2025-01,3\n", encoding="utf-8")
    assert refusal(store, path) == ("figures.csv is not a police.uk street-level crime file (its first line should "
                                    "start “Crime ID,Month,Reported by,Falls within”). Figures typed in a sheet are "
                                    "imported with Import Figures… (on the command line, safer-desk import-figures) "
                                    f"instead. {CHOOSE}")


def _with_method(path, method: int, flags: int = 0) -> None:
    """Mark every member of a stored zip as compressed with ``method`` (9: Deflate64) or ``flags`` (1: a password),
    as Windows' Send to > Compressed folder (Deflate64, for big files) or a zip tool with a password writes it."""
    data = bytearray(path.read_bytes())
    for signature, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + at] |= flags
            data[start + at + 2:start + at + 4] = method.to_bytes(2, "little")
            start += 4
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("method, flags", [(9, 0), (0, 1)])
def test_a_zip_that_cannot_be_unpacked_says_what_to_do(store, tmp_path, method, flags):
    path = tmp_path / "download.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("2025-03/2025-03-suffolk-street.csv", HEADER + "\n" + suffolk_row(month="2025-03") + "\n")
    _with_method(path, method, flags)
    said = refusal(store, path)
    assert said.startswith("download.zip: 2025-03/2025-03-suffolk-street.csv cannot be unpacked (")
    assert said.endswith("): it was compressed with a password or in a way Safer Desk cannot unpack, which "
                         "data.police.uk's downloads never are. Unpack it yourself (in Windows, right-click it and "
                         "choose Extract All…) and import the folder it gives, or download it again from "
                         "data.police.uk; nothing was imported.")


def test_a_file_gone_before_the_import_says_to_choose_it_again(store, tmp_path):
    said = refusal(store, tmp_path / "2025-03-suffolk-street.csv")
    assert said == (f"There is no file or folder at {tmp_path / '2025-03-suffolk-street.csv'}: it was moved, renamed "
                    "or deleted after it was chosen. Choose it again where it is now; nothing was imported.")


def test_a_crime_id_given_twice_counts_twice_as_police_uk_counts_it(store, tmp_path):
    """police.uk's own totals count rows: a Crime ID on two rows of a file is two crimes there too (the guide
    says so); this import counts it the same."""
    path = street_file(tmp_path, "2025-01-suffolk-street.csv", [suffolk_row(crime_id="same"),
                                                                suffolk_row(crime_id="same")])
    assert import_police_files(store, [path]).rows == 2
    from pathlib import Path

    guide = (Path(__file__).resolve().parents[2] / "docs" / "guide" / "indicators.md").read_text(encoding="utf-8")
    assert "a Crime ID that appears on two rows of a file counts twice" in " ".join(guide.split())


def test_the_window_says_the_empty_file_with_what_to_do(demo_window, prompts, qtbot, tmp_path):
    path = tmp_path / "2025-01-suffolk-street.csv"
    path.write_bytes(b"")
    infos, errors = import_in_window(demo_window, prompts, qtbot, path)
    assert infos == [] and len(errors) == 1
    title, text = errors[0]
    assert title == "Police data not imported"
    assert text.startswith("2025-01-suffolk-street.csv is empty (0 bytes): ") and AGAIN in text


def test_a_file_the_drive_cannot_give_says_what_to_do():
    """A read that fails for another reason (a network drive or memory stick going away part way: "Input/output
    error") said only the system's words."""
    from safer_desk.exchange.police_count import cannot_read

    assert str(cannot_read("2025-03-suffolk-street.csv", OSError(5, "Input/output error"))) == (
        "2025-03-suffolk-street.csv cannot be read (Input/output error): if it is on a network drive or a memory "
        "stick, copy it to this computer and import the copy; nothing was imported.")


def test_a_download_with_no_crime_data_says_to_tick_it(store, tmp_path):
    """data.police.uk's custom download has a box for each kind of file: one made without "Include crime data"
    holds outcomes and stop-and-search files alone, and the refusal said nothing of what to do."""
    folder = fixture("thames-valley-2022-01")
    archive = make_zip(tmp_path / "outcomes.zip", {
        "2022-01/2022-01-thames-valley-outcomes.csv": folder / "2022-01-thames-valley-outcomes.csv",
        "2022-01/2022-01-thames-valley-stop-and-search.csv": folder / "2022-01-thames-valley-stop-and-search.csv"})
    assert refusal(store, archive) == (
        "outcomes.zip holds no police.uk street-level crime files (*-street.csv): its 2 files are outcomes, "
        "stop-and-search or other files. Download it again from data.police.uk with “Include crime data” ticked; "
        "nothing was imported.")


def test_an_empty_zip_says_to_download_it_again(store, tmp_path):
    assert refusal(store, make_zip(tmp_path / "empty.zip", {})) == (
        f"empty.zip is an empty zip: it holds no files. {AGAIN}; nothing was imported.")


def test_a_zip_whose_street_file_lost_a_column_says_to_download_it_again(store, tmp_path):
    data = (HEADER.replace(",Crime type", "") + "\n").encode()
    archive = make_zip(tmp_path / "download.zip", {"2025-01/2025-01-suffolk-street.csv": data})
    said = refusal(store, archive)
    assert said.startswith("download.zip holds no police.uk street-level crime files (*-street.csv): 2025-01/"
                           "2025-01-suffolk-street.csv (in download.zip) is not a police.uk street-level crime file: "
                           "it has no column “Crime type”")
    assert said.endswith(f". {AGAIN}; nothing was imported.")
