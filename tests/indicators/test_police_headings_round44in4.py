"""Session 44 (in4): a data.police.uk street file whose heading line another program wrote in other letters
("Reported By", "Crime Type", "LSOA Name") was refused as "not a police.uk street-level crime file … Figures typed
in a sheet are imported with Import Figures… instead", which sent the officer to a command that refuses it too.
It is said to be a street file changed by another program, naming the headings changed, and to download it again."""

from __future__ import annotations

import pytest

from safer_desk.exchange.police_uk import STREET_HEADER, PoliceFileError
from safer_desk.services.police_import import import_police_files
from tests.conftest import shared_data
from tests.indicators.police_helpers import street_file, suffolk_row

TITLED = ["Crime ID", "Month", "Reported By", "Falls Within", "Longitude", "Latitude", "Location", "LSOA Code",
          "LSOA Name", "Crime Type", "Last Outcome Category", "Context"]


def _said_right(message: str) -> None:
    assert "street-level crime file" in message and "download it again" in message.lower(), message
    assert "“Reported By”" in message and "“Reported by”" in message, message
    assert "Import Figures" not in message and "is not a police.uk" not in message, message


@pytest.mark.parametrize("header", [",".join(TITLED), ",".join(c.upper() for c in STREET_HEADER).replace(
    "CRIME ID", "Crime ID").replace("REPORTED BY", "Reported By")])
def test_a_street_file_with_its_headings_in_other_letters_is_said_to_be_one_changed(store, tmp_path, header):
    path = street_file(tmp_path, "2025-01-suffolk-street.csv", [suffolk_row()], header=header)
    before = store.conn.total_changes
    with pytest.raises(PoliceFileError) as refused:
        import_police_files(store, [path])
    _said_right(str(refused.value))
    assert store.conn.total_changes == before


def test_in_a_folder_beside_good_files_it_is_listed_as_changed(store, tmp_path):
    folder = tmp_path / "download"
    folder.mkdir()
    street_file(folder, "2025-01-suffolk-street.csv", [suffolk_row()])
    street_file(folder, "2025-02-suffolk-street.csv", [suffolk_row("2025-02")], header=",".join(TITLED))
    lines = import_police_files(store, [folder]).summary_lines()
    said = [line for line in lines if "2025-02-suffolk-street.csv" in line]
    assert len(said) == 1, lines
    _said_right(said[0])


def test_the_real_file_retitled_on_the_command_line(demo_path, tmp_path, capsys):
    from tests.cli_run import run

    real = shared_data("police-uk", "suffolk-2021-01", "2021-01-suffolk-street.csv").read_bytes().split(b"\n", 1)
    retitled = tmp_path / "2021-01-suffolk-street.csv"
    retitled.write_bytes(",".join(TITLED).encode() + b"\r\n" + real[1])
    code, out, err = run(capsys, "import-police", demo_path, retitled)
    assert code == 1
    _said_right(err)
