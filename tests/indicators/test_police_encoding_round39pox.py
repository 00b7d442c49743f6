"""A street file saved again as UTF-16 (or UTF-32) with no byte-order mark was refused as "not a police.uk street-level
crime file (its first line should start “Crime ID,Month,Reported by,Falls within”)", with Import Figures… offered
for it: its heading line is there, two bytes a letter. The refusal names the encoding and what to do."""

from __future__ import annotations

import zipfile

import pytest

from safer_desk.exchange.police_uk import PoliceFileError
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import HEADER, import_in_window, suffolk_row

TEXT = "\r\n".join([HEADER, suffolk_row(crime_id="a"), suffolk_row(crime_id="b")]) + "\r\n"


def saved_as(folder, codec: str, text: str = TEXT, name: str = "2025-01-suffolk-street.csv"):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(text.encode(codec))
    return path


@pytest.mark.parametrize("codec, words", [
    ("utf-16-le", "UTF-16 text with no byte-order mark (two bytes for every letter)"),
    ("utf-16-be", "UTF-16 text with no byte-order mark (two bytes for every letter)"),
    ("utf-32-le", "UTF-32 text with no byte-order mark (four bytes for every letter)"),
])
def test_a_street_file_saved_as_wide_text_says_so(store, tmp_path, codec, words):
    path = saved_as(tmp_path, codec)
    with pytest.raises(PoliceFileError) as caught:
        import_police_files(store, [path])
    assert str(caught.value) == (
        f"2025-01-suffolk-street.csv is a police.uk street-level crime file saved again as {words}, not as the "
        "UTF-8 text data.police.uk gives, so another program changed it. Download it again from data.police.uk and "
        "import it without opening it in another program; nothing was imported.")
    assert not store.scalar("SELECT count(*) FROM _police_vintages")


def test_in_a_folder_or_a_zip_it_is_said_too(store, tmp_path):
    folder = tmp_path / "download"
    saved_as(folder, "utf-8", name="2025-02-suffolk-street.csv",
             text="\n".join([HEADER, suffolk_row(month="2025-02")]) + "\n")
    saved_as(folder, "utf-16-le")
    with pytest.raises(PoliceFileError, match=r"^2025-01-suffolk-street\.csv is a police\.uk street-level crime file "
                                              r"saved again as UTF-16 text"):
        import_police_files(store, [folder])
    archive = tmp_path / "download.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("2025-01/2025-01-suffolk-street.csv", TEXT.encode("utf-16-be"))
    with pytest.raises(PoliceFileError, match=r"^2025-01/2025-01-suffolk-street\.csv \(in download\.zip\) is a "
                                              r"police\.uk street-level crime file saved again as UTF-16 text"):
        import_police_files(store, [archive])
    assert not store.scalar("SELECT count(*) FROM _police_vintages")


def test_an_outcomes_file_saved_as_wide_text_is_left_out_as_outcomes(store, tmp_path):
    folder = tmp_path / "download"
    saved_as(folder, "utf-8", text="\n".join([HEADER, suffolk_row()]) + "\n")
    outcomes = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
                "Outcome type\r\n")
    saved_as(folder, "utf-16-le", text=outcomes, name="2025-01-suffolk-outcomes.csv")
    result = import_police_files(store, [folder])
    assert result.files == 1
    assert any("2025-01-suffolk-outcomes.csv is a police.uk outcomes file" in why for _, why in result.skipped)


def test_the_command_line_and_the_window_say_it(demo_window, prompts, qtbot, tmp_path, capsys):
    from safer_desk.cli import main

    path = saved_as(tmp_path / "files", "utf-16-le")
    capsys.readouterr()
    assert main(["import-police", str(tmp_path / "office.sqlite"), str(path)]) == 1
    err = capsys.readouterr().err
    assert "saved again as UTF-16 text with no byte-order mark" in err and "not a police.uk" not in err
    infos, errors = import_in_window(demo_window, prompts, qtbot, path)
    assert "saved again as UTF-16 text with no byte-order mark" in "\n".join(str(e) for e in errors)
