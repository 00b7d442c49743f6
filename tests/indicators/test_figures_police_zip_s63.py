"""`safer-desk import-figures office.sqlite police.zip` (the month's data.police.uk download given to the figures
import, as Import Figures… and Import Police Data… sit side by side) said "police.zip cannot be read as an Excel
workbook ("There is no item named '[Content_Types].xml' in the archive")": openpyxl's words, and no word of
import-police, which the street CSV itself, given the same way, already names (session 63). A zip that is no workbook
is said as what it is; nothing is imported."""

from __future__ import annotations

import zipfile

import pytest

from tests.cli_run import run

STREET = "2021-01-suffolk-street.csv"


@pytest.fixture
def police_zip(tmp_path):
    path = tmp_path / "police download.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"2021-01/{STREET}", "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
                         "LSOA code,LSOA name,Crime type,Last outcome category,Context\n")
    return path


def test_the_police_download_given_as_figures_names_import_police(demo_path, police_zip, capsys):
    before = demo_path.read_bytes()
    code, out, err = run(capsys, "import-figures", demo_path, police_zip)
    assert code == 1 and out == ""
    assert ("police download.zip is a data.police.uk download (its street-level crime files), not a sheet of "
            "figures: import it with File > Import Police Data… (on the command line, safer-desk import-police)"
            in err), err
    assert "Content_Types" not in err and "Nothing was imported." in err
    assert demo_path.read_bytes() == before


def test_another_zip_is_said_as_a_zip(demo_path, tmp_path, capsys):
    path = tmp_path / "figures.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("figures.csv", "indicator,area,period,value\n")
    code, _, err = run(capsys, "import-figures", demo_path, path)
    assert code == 1
    assert ("figures.zip is a zip file, not an Excel workbook: take the CSV file or workbook of figures out of it "
            "and import that." in err), err
    assert "Content_Types" not in err


def test_the_police_download_folder_given_as_figures_names_import_police(demo_path, tmp_path, capsys):
    """The unzipped download (a folder of months' folders) said only "is a folder: name the CSV or .xlsx file of
    figures in it", sending the officer to pick a street CSV, which is then refused in turn."""
    folder = tmp_path / "police download"
    (folder / "2021-01").mkdir(parents=True)
    (folder / "2021-01" / STREET).write_text("Crime ID,Month\n", encoding="utf-8")
    code, out, err = run(capsys, "import-figures", demo_path, folder)
    assert code == 1 and out == ""
    assert "is a folder of data.police.uk street-level crime files, not a sheet of figures" in err
    assert "safer-desk import-police" in err
    other = tmp_path / "papers"
    other.mkdir()
    code, _, err = run(capsys, "import-figures", demo_path, other)
    assert code == 1 and "is a folder: name the CSV or .xlsx file of figures in it" in err
