"""Odd and broken street files: what is counted, what is refused and with which message.

Written against the pyarrow engine before the import's engine was weighed (issue 16), so that any
engine kept counts and refuses exactly alike.
"""

from __future__ import annotations

import pytest

from safer_desk.cli import main
from safer_desk.exchange.police_uk import PoliceFileError
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import HEADER, snapshot, street_file, suffolk_row

ROW = suffolk_row()
ASB = suffolk_row(crime="Anti-social behaviour", crime_id="")
BOTH = {("Babergh", "Anti-social behaviour"): 1, ("Babergh", "Burglary"): 1}


def stored(store) -> dict[tuple[str, str], int]:
    return {(r[0], r[1]): r[2] for r in store.rows("SELECT source_district, crime_type, count FROM _police_counts")}


def write_raw(folder, name, data: bytes):
    path = folder / name
    path.write_bytes(data)
    return path


ACCEPTED = {
    "LF": ((HEADER + "\n" + ROW + "\n" + ASB + "\n").encode(), BOTH),
    "CRLF": ((HEADER + "\r\n" + ROW + "\r\n" + ASB + "\r\n").encode(), BOTH),
    "CR only": ((HEADER + "\r" + ROW + "\r" + ASB + "\r").encode(), BOTH),
    "mixed endings": ((HEADER + "\r\n" + ROW + "\n" + ASB + "\r\n").encode(), BOTH),
    "no final newline": ((HEADER + "\n" + ROW + "\n" + ASB).encode(), BOTH),
    "blank line inside": ((HEADER + "\n" + ROW + "\n\n" + ASB + "\n").encode(), BOTH),
    "blank lines at the end": ((HEADER + "\n" + ROW + "\n" + ASB + "\n\n\n").encode(), BOTH),
    "byte order mark": (("\ufeff" + HEADER + "\n" + ROW + "\n").encode(), {("Babergh", "Burglary"): 1}),
    "quoted comma": ((HEADER + "\n" + ROW.replace("On or near X", '"On or near X, Y"') + "\n").encode(),
                     {("Babergh", "Burglary"): 1}),
    "quoted newline": ((HEADER + "\n" + ROW.replace("On or near X", '"On or near X\nY"') + "\n" + ASB + "\n").encode(),
                       BOTH),
    "quotes inside a value": ((HEADER + "\n" + ROW.replace("On or near X", 'On or near "X"') + "\n").encode(),
                              {("Babergh", "Burglary"): 1}),
    "spaces around values": ((HEADER + "\n" + ROW.replace("Babergh 001A", " Babergh 001A ")
                              .replace("Burglary", " Burglary ") + "\n").encode(), {("Babergh", "Burglary"): 1}),
    "header only": ((HEADER + "\n").encode(), {}),
    "neighbouring district": ((HEADER + "\n" + suffolk_row(lsoa="Breckland 001A") + "\n").encode(),
                              {("Breckland", "Burglary"): 1}),
    "no location": ((HEADER + "\n" + ROW.replace("E01029876,Babergh 001A", ",") + "\n").encode(),
                    {("", "Burglary"): 1}),
}


@pytest.mark.parametrize("case", sorted(ACCEPTED))
def test_accepted_files_count_every_row(store, tmp_path, case):
    data, expected = ACCEPTED[case]
    path = write_raw(tmp_path, "2025-01-suffolk-street.csv", data)
    result = import_police_files(store, [path])
    assert stored(store) == expected
    assert result.rows == sum(expected.values())


REFUSED = {
    "a row with a column short": ((HEADER + "\n" + ROW + "\n" + ROW.rsplit(",", 1)[0] + "\n" + ASB + "\n").encode(),
                                  r"x-street.csv is damaged or cut short at line 3: it has 11 columns where 12 were "
                                  r"expected. Download the file again; nothing was imported."),
    "a row with a column more": ((HEADER + "\n" + ROW + "\n" + ROW + ",extra\n" + ASB + "\n").encode(),
                                 r"x-street.csv is damaged or cut short at line 3: it has 13 columns where 12 were "
                                 r"expected"),
    "a month that is not a month": ((HEADER + "\n" + suffolk_row(month="2025-13") + "\n").encode(),
                                    r"x-street.csv has a Month that is not YYYY-MM \(“2025-13”\); nothing was "
                                    r"imported."),
    "a blank month": ((HEADER + "\n" + suffolk_row(month="") + "\n").encode(),
                      r"x-street.csv has a Month that is not YYYY-MM \(“”\)"),
    "an empty file": (b"", r"x-street.csv is empty."),
    "a file of NUL bytes": (b"\x00" * 100, r"x-street.csv is not a police.uk street-level crime file"),
    "another CSV": (b"indicator,area,period,value\nAll crime,Babergh,2025-01,3\n",
                    r"x-street.csv is not a police.uk street-level crime file \(its first line should start "
                    r"“Crime ID,Month,Reported by,Falls within”\)."),
    "an unclosed quote": ((HEADER + "\n" + ROW.replace("On or near X", '"On or near X') + "\n" + ASB + "\n").encode(),
                          r"x-street.csv is damaged or cut short at"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_files_change_nothing(store, tmp_path, case):
    import_police_files(store, [street_file(tmp_path, "2025-02-suffolk-street.csv", [suffolk_row(month="2025-02")])])
    before = snapshot(store)
    data, message = REFUSED[case]
    path = write_raw(tmp_path, "x-street.csv", data)
    with pytest.raises(PoliceFileError, match=message):
        import_police_files(store, [path])
    assert snapshot(store) == before


@pytest.mark.parametrize("case", ["a row with a column short", "an empty file", "an unclosed quote"])
def test_the_command_line_says_why_and_creates_nothing(tmp_path, capsys, case):
    path = write_raw(tmp_path, "x-street.csv", REFUSED[case][0])
    target = tmp_path / "new.sqlite"
    assert main(["import-police", str(target), str(path)]) == 1
    err = capsys.readouterr().err
    assert "x-street.csv" in err and "Traceback" not in err
    assert not target.exists()
