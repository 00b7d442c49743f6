"""A .zip holding a sheet of figures, chosen for Import Police Data…, says where a sheet is imported (session 69).

A partner's figures sent zipped (figures/plain.csv in figures.zip) and chosen under File > Import Police Data… (or
given to `safer-desk import-police`) were refused "… is not a police.uk street-level crime file … Download it again
from data.police.uk": no download from data.police.uk holds them. The same sheet chosen unzipped is told to use
Import Figures…; zipped, it is told so too (taken out of the zip first). A zip of a street file whose heading was
edited is still told to download it again."""

from __future__ import annotations

import zipfile

from tests.exchange.helpers import cli_output


def _zip(tmp_path, name: str, text: str):
    path = tmp_path / "figures.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(name, text)
    return path


def test_a_zipped_sheet_of_figures_is_told_to_use_import_figures(tmp_path):
    archive = _zip(tmp_path, "figures/plain.csv", "indicator,area,period,value\nBurglary,Babergh,2025-01,4\n")
    code, out, err = cli_output(["import-police", str(tmp_path / "office.sqlite"), str(archive)])
    assert code == 1 and out == ""
    assert "Download it again" not in err
    assert err.rstrip().endswith("Figures typed in a sheet are imported with Import Figures… (on the command line, "
                                 "safer-desk import-figures), taken out of the zip first; nothing was imported.")
    assert not (tmp_path / "office.sqlite").exists()


def test_a_zipped_street_file_with_its_heading_edited_is_still_told_to_download_it_again(tmp_path):
    archive = _zip(tmp_path, "2025-01/2025-01-suffolk-street.csv",
                   "Crime ID;Month;Reported by;Falls within;Longitude;Latitude;Location;LSOA code;LSOA name;Crime type;"
                   "Last outcome category;Context\n;2025-01;Suffolk Constabulary;Suffolk Constabulary;;;;;;Drugs;;\n")
    code, _out, err = cli_output(["import-police", str(tmp_path / "office.sqlite"), str(archive)])
    assert code == 1 and "Import Figures" not in err and "again" in err.lower()
