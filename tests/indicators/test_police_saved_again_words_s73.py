"""Session 73: a data.police.uk street file saved again with semicolons (Excel where lists use them) in a folder or
a zip is refused in words that agree with themselves.

Chosen as a folder it read "there are no police.uk street-level crime files to import: 2025-03-suffolk-street.csv
is a police.uk street-level crime file saved again …", then sent the officer to "Choose the *-street.csv files of a
data.police.uk download", which is what was chosen; in a zip "download.zip holds no police.uk street-level crime
files (*-street.csv): 2025-03/2025-03-suffolk-street.csv (in download.zip) is a police.uk street-level crime file
…"; a folder holding that zip said the file's reason twice. There is such a file: it cannot be imported as it is.
"""

from __future__ import annotations

import pytest

from safer_desk.cli import main
from safer_desk.exchange.police_uk import PoliceFileError
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import HEADER, fixture, make_zip, snapshot, suffolk_row

SAVED_AGAIN = ("is a police.uk street-level crime file saved again with its columns separated by semicolons, not "
               "commas (as another program, Excel say, saves it): download it again from data.police.uk and import it "
               "without saving it.")
CHOOSE = ("Choose the *-street.csv files of a data.police.uk download, the folder they are in, or the download's "
          ".zip; nothing was imported.")


def _semicolons() -> bytes:
    return (HEADER.replace(",", ";") + "\r\n" + suffolk_row().replace(",", ";") + "\r\n").encode()


def _refusal(store, path) -> str:
    before = snapshot(store)
    with pytest.raises(PoliceFileError) as refused:
        import_police_files(store, [path])
    assert snapshot(store) == before
    return str(refused.value)


def test_a_folder_holding_it(store, tmp_path):
    folder = tmp_path / "police"
    folder.mkdir()
    (folder / "2025-03-suffolk-street.csv").write_bytes(_semicolons())
    assert _refusal(store, folder) == ("There are no police.uk street-level crime files that can be imported as they "
                                       f"are: 2025-03-suffolk-street.csv {SAVED_AGAIN} Nothing was imported.")


def test_a_zip_holding_it(store, tmp_path):
    archive = make_zip(tmp_path / "download.zip", {"2025-03/2025-03-suffolk-street.csv": _semicolons()})
    assert _refusal(store, archive) == (
        "download.zip holds no police.uk street-level crime file that can be imported as it is: "
        f"2025-03/2025-03-suffolk-street.csv (in download.zip) {SAVED_AGAIN} Nothing was imported.")


def test_a_folder_holding_the_zip_says_it_once(tmp_path, capsys):
    folder = tmp_path / "police"
    folder.mkdir()
    make_zip(folder / "download.zip", {"2025-03/2025-03-suffolk-street.csv": _semicolons()})
    said = ("there are no police.uk street-level crime files that can be imported as they are: download.zip holds no "
            "police.uk street-level crime file that can be imported as it is: 2025-03/2025-03-suffolk-street.csv (in "
            f"download.zip) {SAVED_AGAIN} Nothing was imported.")
    assert main(["import-police", str(tmp_path / "cli.sqlite"), str(folder)]) == 1
    assert capsys.readouterr().err.strip() == f"safer-desk: {said}"


def test_beside_an_outcomes_file_both_are_said_and_what_to_choose(store, tmp_path):
    folder = tmp_path / "police"
    folder.mkdir()
    (folder / "2025-03-suffolk-street.csv").write_bytes(_semicolons())
    (folder / "2018-01-bedfordshire-outcomes.csv").write_bytes(
        fixture("ragged-samples", "2018-01-bedfordshire-outcomes.csv").read_bytes())
    said = _refusal(store, folder)
    assert said.startswith("There are no police.uk street-level crime files that can be imported as they are: ")
    assert f"2025-03-suffolk-street.csv {SAVED_AGAIN}" in said and "is a police.uk outcomes file" in said
    assert said.endswith(CHOOSE)
