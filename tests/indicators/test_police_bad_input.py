"""Odd and broken street files: what is counted, what is refused and with which message.

Written against the pyarrow engine before the import's engine was weighed (issue 16), so that any
engine kept counts and refuses exactly alike.
"""

from __future__ import annotations

import codecs
import re

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
                                    r"x-street.csv has a Month that is not YYYY-MM \(“2025-13”\) at line 2: every "
                                    r"row of a data.police.uk street file has its month as YYYY-MM .* Download it "
                                    r"again from data.police.uk; nothing was imported."),
    "a blank month": ((HEADER + "\n" + suffolk_row(month="") + "\n").encode(),
                      r"x-street.csv has a Month that is not YYYY-MM \(“”\)"),
    "an empty file": (b"", r"x-street.csv is empty."),
    # A download cut short after its heading line (it said "Imported 0 rows … ( to )" and exit 0).
    "the heading line alone": ((HEADER + "\n").encode(),
                               r"x-street.csv has its heading line but no crimes: it was probably cut short while "
                               r"downloading. Download it again; nothing was imported."),
    "the heading line and blank lines": ((HEADER + "\r\n\r\n\r\n").encode(), r"x-street.csv has its heading line but "
                                                                          r"no crimes"),
    "a file of NUL bytes": (b"\x00" * 100, r"x-street.csv is not a police.uk street-level crime file"),
    "another CSV": (b"indicator,area,period,value\nAll crime,Babergh,2025-01,3\n",
                    r"x-street.csv is not a police.uk street-level crime file \(its first line should start "
                    r"“Crime ID,Month,Reported by,Falls within”\)."),
    # A street file whose heading was edited: the column missing is named (its first line did start as said).
    "a needed column renamed": ((HEADER.replace("Crime type", "Crime kind") + "\n" + ROW + "\n").encode(),
                                r"x-street.csv is not a police.uk street-level crime file: it has no column "
                                r"“Crime type” \(its heading line should be “Crime ID,Month,Reported by,Falls within,"),
    "two needed columns missing": ((HEADER.replace(",LSOA name", "").replace(",Reported by", "") + "\n").encode(),
                                   r"it has no columns “Reported by” and “LSOA name” \(its heading line should be"),
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


# -- bytes that are not UTF-8 (issue 12: a traceback before) -----------------------------------------------
NOT_UTF8 = {
    "in the header": (HEADER.replace("Context", "Cont\xe9xt").encode("latin-1") + b"\n" + ROW.encode() + b"\n",
                      "line 1 has a byte (0xE9)"),
    "in the second line": (HEADER.encode() + b"\n" + ROW.replace("On or near X", "Caf\xe9").encode("latin-1")
                           + b"\n", "line 2 has a byte (0xE9)"),
    "in a CRLF file's fourth line": ((HEADER + "\r\n" + ROW + "\r\n" + ROW + "\r\n").encode() + ROW.replace(
        "Babergh", "B\xe4bergh").encode("latin-1") + b"\r\n", "line 4 has a byte (0xE4)"),
    "UTF-16": ((HEADER + "\n" + ROW + "\n").encode("utf-16"), "line 1 has a byte (0xFF)"),
    "UTF-16 big-endian": (codecs.BOM_UTF16_BE + (HEADER + "\n").encode("utf-16-be"), "line 1 has a byte (0xFE)"),
    "Windows-1252 quotes": (HEADER.encode() + b"\n" + ROW.replace("On or near X", "\x93X\x94").encode("latin-1")
                            + b"\n", "line 2 has a byte (0x93)"),
}


@pytest.mark.parametrize("case", ["UTF-16", "UTF-16 big-endian"])
def test_a_utf16_file_is_named_as_such(store, tmp_path, case):
    """Excel's "Unicode text" is UTF-16: the refusal says so rather than blaming the Windows code page."""
    path = write_raw(tmp_path, "2025-01-suffolk-street.csv", NOT_UTF8[case][0])
    with pytest.raises(PoliceFileError) as refused:
        import_police_files(store, [path])
    assert "saved as UTF-16" in str(refused.value) and "Windows code page" not in str(refused.value)


@pytest.mark.parametrize("case", sorted(NOT_UTF8))
def test_bytes_that_are_not_utf8_name_the_file_and_line(store, tmp_path, capsys, case):
    data, where = NOT_UTF8[case]
    path = write_raw(tmp_path, "2025-01-suffolk-street.csv", data)
    with pytest.raises(PoliceFileError, match=rf"2025-01-suffolk-street.csv is not UTF-8 text: {re.escape(where)}"):
        import_police_files(store, [path])
    assert store.scalar("SELECT count(*) FROM _police_counts") == 0
    target = tmp_path / "new.sqlite"
    assert main(["import-police", str(target), str(path)]) == 1
    err = capsys.readouterr().err
    assert "not UTF-8 text" in err and "Traceback" not in err
    assert not target.exists()


def _workbook(path):
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet().write(0, 0, "Crime ID")
    book.close()
    return path


@pytest.mark.parametrize("name, make, says", [
    ("street.xlsx", _workbook, "is an Excel workbook (.xlsx), not a data.police.uk download"),
    ("street.xls", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
     "is an Excel 97-2003 workbook (.xls) or a workbook protected with a password, not a data.police.uk"),
    ("office.sqlite", lambda p: p.write_bytes(b"SQLite format 3\x00" + bytes(600)), "is an SQLite database"),
    ("notes.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n"), "is a PDF, not a data.police.uk"),
])
def test_a_file_of_another_kind_is_named_as_what_it_is(store, tmp_path, name, make, says):
    # A workbook was "a zip holding 10 outcomes, stop-and-search or other files"; an .xls or a Safer Desk file was
    # "not UTF-8 text … Excel saves CSV in the Windows code page. Download it again".
    path = tmp_path / name
    make(path)
    with pytest.raises(PoliceFileError) as refused:
        import_police_files(store, [path])
    assert says in str(refused.value) and "nothing was imported" in str(refused.value)
    assert "UTF-8" not in str(refused.value) and "outcomes" not in str(refused.value)


def test_a_bad_byte_deep_in_a_big_file_names_its_line(store, tmp_path):
    lines = [HEADER] + [suffolk_row(crime_id=f"id{i}") for i in range(20000)]
    lines[15001] = lines[15001].replace("Babergh", "B\xe4bergh")
    path = tmp_path / "2025-01-suffolk-street.csv"
    path.write_bytes("\n".join(lines).encode("latin-1") + b"\n")
    assert path.stat().st_size > 2 * (1 << 20)  # the bad byte is past the first chunk read
    with pytest.raises(PoliceFileError, match="line 15002 has a byte"):
        import_police_files(store, [path])


def test_a_utf8_file_from_excel_with_its_byte_order_mark_and_crlf(store, tmp_path):
    path = write_raw(tmp_path, "2025-01-suffolk-street.csv",
                     ("\ufeff" + HEADER + "\r\n" + ROW.replace("On or near X", "Café") + "\r\n").encode("utf-8"))
    import_police_files(store, [path])
    assert stored(store) == {("Babergh", "Burglary"): 1}


def test_header_names_are_matched_with_spaces_and_in_any_order(store, tmp_path):
    # pyarrow's engine crashed on " Month" (a KeyError) though the file was recognised as street-level.
    spaced = HEADER.replace(",Month,", ", Month ,")
    path = write_raw(tmp_path, "2025-01-suffolk-street.csv", (spaced + "\n" + ROW + "\n").encode())
    import_police_files(store, [path])
    assert stored(store) == {("Babergh", "Burglary"): 1}
    names = HEADER.split(",")
    cells = ROW.split(",")
    order = list(reversed(range(12)))
    path = write_raw(tmp_path, "2025-02-suffolk-street.csv",
                     (",".join(names[i] for i in order) + "\n" + ",".join(
                         cells[i].replace("2025-01", "2025-02") for i in order) + "\n").encode())
    import_police_files(store, [path])
    assert {r[0] for r in store.rows("SELECT month FROM _police_counts")} == {"2025-01", "2025-02"}


def test_the_same_file_given_twice_counts_once_and_says_so(store, tmp_path):
    # The counts were right, but the summary said "Imported 2 rows from 2 files" for the one row counted.
    path = write_raw(tmp_path, "2025-01-suffolk-street.csv", (HEADER + "\n" + ROW + "\n" + ROW + "\n").encode())
    result = import_police_files(store, [path, tmp_path])
    assert stored(store) == {("Babergh", "Burglary"): 2}
    assert result.files == 1 and result.rows == 2
    lines = result.summary_lines()
    assert lines[0] == "Imported 2 rows from 1 file: 1 month (2025-01), 1 area."
    assert "2025-01-suffolk-street.csv was given twice (the same file): its 2 rows were counted once." in lines


def test_a_later_file_of_the_same_force_month_replaces_the_earlier_and_says_so(store, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = write_raw(tmp_path / "a", "2025-01-suffolk-street.csv", (HEADER + "\n" + ROW + "\n" + ROW + "\n").encode())
    later = write_raw(tmp_path / "b", "2025-01-suffolk-street.csv", (HEADER + "\n" + ASB + "\n").encode())
    result = import_police_files(store, [first, later])
    assert stored(store) == {("Babergh", "Anti-social behaviour"): 1}
    assert result.files == 1 and result.rows == 1
    lines = result.summary_lines()
    assert lines[0] == "Imported 1 row from 1 file: 1 month (2025-01), 1 area."
    # Named by their folders: the same name twice read as one file (see test_police_mac_and_folders).
    assert ("Suffolk Constabulary 2025-01 is in two different files: the later one (b/2025-01-suffolk-street.csv, "
            "1 row) was counted, not the earlier (a/2025-01-suffolk-street.csv, 2 rows).") in lines


def test_the_engine_loads_nothing_at_run_time(tmp_path):
    """Nothing is downloaded or loaded at run time (with DuckDB, its extension autoloading was off): the import
    now uses the standard library alone, so no engine, extension or network module is ever imported."""
    import os
    import subprocess
    import sys

    from tests.indicators.police_helpers import fixture

    script = ("import sys\n"
              "from pathlib import Path\n"
              "from safer_desk.storage.store import open_store\n"
              "from safer_desk.services.police_import import import_police_files\n"
              "store = open_store(Path(sys.argv[1]), create=True)\n"
              "before = set(sys.modules)\n"
              "result = import_police_files(store, [Path(sys.argv[2])])\n"
              "store.close()\n"
              "print(result.rows)\n"
              "print(' '.join(sorted(set(sys.modules) - before)))\n")
    env = {**os.environ, "SAFER_DESK_HOME": str(tmp_path / "home")}
    env.pop("PYTHONPATH", None)
    env.pop("SAFER_DESK_POLICE_HELPER", None)  # a small import: no helper process (see test_police_helper_processes)
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "x.sqlite"), str(fixture("suffolk-2025"))],
                         capture_output=True, text=True, check=True, env=env).stdout.splitlines()
    assert int(out[0]) > 0
    loaded = {name.split(".")[0] for name in out[1].split()}
    assert not loaded & {"duckdb", "_duckdb", "pyarrow", "pandas", "numpy", "socket", "_socket", "ssl", "http",
                         "urllib", "multiprocessing", "concurrent", "subprocess", "ctypes"}, sorted(loaded)


def test_a_month_that_is_not_a_month_names_its_line(store, tmp_path):
    # Said with the month alone (the first in sorted order, not the file's), so a file of a few thousand rows
    # with one bad row could not be mended or reported.
    rows = [suffolk_row(), suffolk_row(month="Jan-25"), suffolk_row(), suffolk_row(month="2025-13")]
    path = write_raw(tmp_path, "2025-01-suffolk-street.csv", ("\r\n".join([HEADER, *rows]) + "\r\n").encode())
    before = snapshot(store)
    with pytest.raises(PoliceFileError) as refused:
        import_police_files(store, [path])
    assert str(refused.value) == ("2025-01-suffolk-street.csv has a Month that is not YYYY-MM (“Jan-25”) at line "
                                  "3: it was probably saved again in Excel, which shows a month such as 2025-03 as "
                                  "“Mar-25” and saves it that way. Download the file again from data.police.uk and "
                                  "import it without saving it in Excel; nothing was imported.")
    assert snapshot(store) == before


def test_a_zip_whose_street_file_has_an_edited_heading_says_why(store, tmp_path):
    # It said the zip's "1 file is outcomes, stop-and-search or other files", for a street file re-saved with
    # semicolons.
    from tests.indicators.police_helpers import make_zip

    data = (HEADER.replace(",", ";") + "\n" + ROW.replace(",", ";") + "\n").encode()
    archive = make_zip(tmp_path / "download.zip", {"2025-01/2025-01-suffolk-street.csv": data})
    with pytest.raises(PoliceFileError) as refused:
        import_police_files(store, [archive])
    assert str(refused.value) == (
        "download.zip holds no police.uk street-level crime file that can be imported as it is: "
        "2025-01/2025-01-suffolk-street.csv "
        "(in download.zip) is a police.uk street-level crime file saved again with its columns separated by "
        "semicolons, not commas (as another program, Excel say, saves it): download it again from data.police.uk and "
        "import it without saving it. Nothing was imported.")
