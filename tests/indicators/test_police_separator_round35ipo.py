"""A street file saved again with its columns separated by semicolons (Excel's “CSV” where Windows' list separator
is a semicolon) or tabs (“Text (Tab delimited)”): it was "is not a police.uk street-level crime file (its first line
should start “Crime ID,Month,Reported by,Falls within”)", which it does, but for the separator, and said nothing of
what to do."""

from __future__ import annotations

import pytest

from safer_desk.exchange.police_uk import PoliceFileError
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import HEADER, fixture, suffolk_row


def resaved(folder, separator: str):
    path = folder / "2025-01-suffolk-street.csv"
    path.write_bytes("\r\n".join(line.replace(",", separator) for line in (HEADER, suffolk_row())).encode() + b"\r\n")
    return path


@pytest.mark.parametrize("separator, words", [(";", "semicolons"), ("\t", "tabs")])
def test_a_street_file_saved_with_another_separator_says_so_and_what_to_do(store, tmp_path, separator, words):
    with pytest.raises(PoliceFileError) as refused:
        import_police_files(store, [resaved(tmp_path, separator)])
    assert str(refused.value) == (
        f"2025-01-suffolk-street.csv is a police.uk street-level crime file saved again with its columns separated by "
        f"{words}, not commas (as another program, Excel say, saves it): download it again from data.police.uk and "
        "import it without saving it.")


def test_in_a_folder_it_is_listed_with_what_to_do(store, tmp_path):
    folder = tmp_path / "download"
    folder.mkdir()
    resaved(folder, ";")
    (folder / "2025-02-suffolk-street.csv").write_bytes(fixture("suffolk-2025", "2025-02-suffolk-street.csv")
                                                        .read_bytes())
    lines = import_police_files(store, [folder]).summary_lines()
    assert ("Not imported: 2025-01-suffolk-street.csv is a police.uk street-level crime file saved again with its "
            "columns separated by semicolons, not commas (as another program, Excel say, saves it): download it again "
            "from data.police.uk and import it without saving it.") in lines
