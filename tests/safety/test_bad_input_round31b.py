"""Round 31, bad input followed up: the allocation CSV open in Excel, a folder, empty, or an office file given in
its place; and a police.uk street file with rows of commas only (what Excel leaves of rows whose contents were
deleted)."""

from __future__ import annotations

import pathlib
from pathlib import Path

import pytest

from safer_desk.domain.allocation import AllocationError, PartnershipInput
from safer_desk.services import allocation as service

STREET_HEADER = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
                 "Last outcome category,Context")
STREET_ROWS = ("abc,2025-01,Suffolk Constabulary,Suffolk Constabulary,0.9,52.1,On or near X,E01029876,Babergh 001A,"
               "Burglary,,",
               "def,2025-01,Suffolk Constabulary,Suffolk Constabulary,1.1,52.0,On or near Y,E01029999,Ipswich 002B,"
               "Vehicle crime,,",
               "ghi,2025-01,Suffolk Constabulary,Suffolk Constabulary,1.1,52.0,On or near Y,E01029999,Ipswich 002B,"
               "Burglary,,")
INPUT = "partnership,fixed_units,basis\nBabergh,1,2442\nIpswich,1,7937\n"


def _refusal(path: Path) -> str:
    with pytest.raises(AllocationError) as caught:
        service.read_input_csv(path)
    return str(caught.value)


def test_an_allocation_csv_open_in_excel_says_to_close_it(tmp_path, monkeypatch):
    # "C:\…\partnerships.csv cannot be read: The process cannot access the file because it is being used by another
    # process": nothing said what to do.
    path = tmp_path / "partnerships.csv"
    path.write_text(INPUT, encoding="utf-8")
    real = pathlib.Path.read_bytes

    def refuse(self):
        if Path(self) == path:
            raise PermissionError(13, "The process cannot access the file because it is being used by another "
                                      "process", str(self))
        return real(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", refuse)
    text = _refusal(path)
    assert text.startswith("partnerships.csv cannot be read (The process cannot access the file"), text
    assert "close it" in text and "Excel" in text and str(tmp_path) not in text, text


def test_a_folder_given_as_the_allocation_csv_is_called_a_folder(tmp_path):
    # "…/partnerships.csv cannot be read: Is a directory" (on Windows "Permission denied"), saying nothing of what
    # to do.
    (tmp_path / "partnerships.csv").mkdir()
    text = _refusal(tmp_path / "partnerships.csv")
    assert text.startswith("partnerships.csv is a folder, not a CSV file"), text
    assert "Is a directory" not in text and "Excel" not in text, text


@pytest.mark.parametrize("data", [b"", b"\r\n\r\n\r\n", b"\xef\xbb\xbf\r\n  \r\n", b",,\r\n,,\r\n"])
def test_an_empty_allocation_csv_is_said_to_be_empty(tmp_path, data):
    # Blank lines only: "has no column “partnership”, “fixed_units”, “basis” (it has: )."; 0 bytes: "is empty
    # (0 bytes), which Safer Desk does not read: open it in Excel (or LibreOffice) and save it from Excel as …".
    path = tmp_path / "partnerships.csv"
    path.write_bytes(data)
    text = _refusal(path)
    assert text.startswith("partnerships.csv is empty: it needs a header row"), text
    assert "does not read" not in text and "(it has: )" not in text, text


def test_an_office_file_given_as_the_allocation_csv_is_not_sent_to_excel(tmp_path, demo_path):
    # The office's .sqlite given for the CSV: "open it in Excel (or LibreOffice) and save it from Excel as CSV".
    text = _refusal(demo_path)
    assert text.startswith(f"{demo_path.name} is an SQLite database (a Safer Desk file?), not a CSV file"), text
    assert "open it in Excel" not in text and "Safer Desk" in text and "partnership" in text, text


def test_an_xls_given_as_the_allocation_csv_names_excel_once(tmp_path):
    path = tmp_path / "partnerships.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    text = _refusal(path)
    assert text.startswith("partnerships.xls is an Excel 97-2003 workbook"), text
    assert text.count("Excel (") + text.count("from Excel") == 1 and "CSV UTF-8 (Comma delimited)" in text, text


def test_a_good_allocation_csv_reads_as_before(tmp_path):
    path = tmp_path / "partnerships.csv"
    path.write_bytes(b"\xef\xbb\xbf\r\n" + INPUT.replace("\n", "\r\n").encode() + b",,\r\n")
    assert service.read_input_csv(path) == [PartnershipInput("Babergh", 1, {"basis": 2442}),
                                            PartnershipInput("Ipswich", 1, {"basis": 7937})]


def _street(tmp_path: Path, name: str, lines: list[str], end: str = "\r\n") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    path = folder / "2025-01-suffolk-street.csv"
    path.write_bytes(end.join([STREET_HEADER, *lines]).encode() + end.encode())
    return path


@pytest.mark.parametrize("end", ["\r\n", "\n"])
@pytest.mark.parametrize("quoted", [False, True])
def test_rows_of_commas_in_a_street_file_are_passed_over_as_blank_lines_are(tmp_path, end, quoted):
    # Rows whose contents were deleted in Excel, saved as ",,,,,,,,,,,": refused "has a Month that is not YYYY-MM
    # (“”) at line 3", where blank lines are passed over.
    from safer_desk.exchange.police_uk import count_street_file

    rows = list(STREET_ROWS)
    if quoted:  # a quoted value anywhere: the file is read line by line
        rows[0] = rows[0].replace("On or near X", '"On or near X, Y"')
    commas = "," * STREET_HEADER.count(",")
    good = count_street_file(_street(tmp_path, "good", rows, end))
    blank = count_street_file(_street(tmp_path, "blank", [rows[0], "", rows[1], rows[2], "", ""], end))
    with_commas = count_street_file(_street(tmp_path, "commas", [rows[0], commas, rows[1], commas, rows[2], commas,
                                                                 commas], end))
    assert good.rows == blank.rows == with_commas.rows == 3
    assert good.counts == blank.counts == with_commas.counts
    assert sum(good.counts.values()) == 3


def test_a_row_with_a_value_but_no_month_is_still_refused(tmp_path):
    from safer_desk.exchange.police_uk import PoliceFileError, count_street_file

    commas = "," * STREET_HEADER.count(",")
    path = _street(tmp_path, "id-only", [STREET_ROWS[0], commas, "xyz" + commas])
    with pytest.raises(PoliceFileError, match="Month that is not YYYY-MM .* at line 4"):
        count_street_file(path)


def test_an_import_with_rows_of_commas_counts_as_the_clean_file(store, tmp_path):
    from safer_desk.services.police_import import import_police_files
    from safer_desk.storage.store import open_store

    commas = "," * STREET_HEADER.count(",")
    import_police_files(store, [_street(tmp_path, "commas", [STREET_ROWS[0], commas, *STREET_ROWS[1:], commas])])
    clean = open_store(tmp_path / "clean.sqlite", create=True)
    try:
        import_police_files(clean, [_street(tmp_path, "clean", list(STREET_ROWS))])
        query = "SELECT indicator_id, area_id, period, value FROM indicator_values ORDER BY 1, 2, 3"
        assert store.rows(query) == clean.rows(query) and len(clean.rows(query)) > 0
    finally:
        clean.close()


@pytest.mark.parametrize("end", ["\r\n", "\n", "\r"])
def test_the_fast_way_passes_over_rows_of_commas_as_the_exact_way_does(end):
    # The counting's fast way (no quotes) keeps a file with rows of commas: it counts what the exact way counts.
    from safer_desk.exchange import police_count

    commas = "," * STREET_HEADER.count(",")
    layout = police_count._layout(tuple(STREET_HEADER.split(",")))
    lines = [commas, STREET_ROWS[0], commas, commas, STREET_ROWS[1], "xyz" + commas, STREET_ROWS[2], commas]
    data = end.join([STREET_HEADER, *lines, ""]).encode()
    fast = police_count._fast_count(data, layout, police_count._Districts())
    exact = police_count._slow_count(data, layout, police_count._Districts())
    assert fast is not None and fast == exact and fast[1] == 4  # a row with only its Crime ID is still a row
