"""Session 73 (ind7): a data.police.uk street file cut short exactly at the end of a line (a download or a copy
stopped between two rows) was imported without a word, its month short by every row after the cut, unless a whole
district went missing. Every street file of data.police.uk ends with its crimes that have no location ("No
Location", no LSOA: 22 of January 2025's 3,688 in Suffolk's); a file of a thousand rows or more with none of them was
cut short before them. The summary now names it, with its rows, and says to download it again."""

from __future__ import annotations

from safer_desk.services.police_import import import_police_files
from tests.cli_run import run
from tests.conftest import shared_data

MARCH = ("police-uk", "suffolk-2025", "2025-03-suffolk-street.csv")


def _cut(tmp_path, lines: int):
    text = shared_data(*MARCH).read_bytes().splitlines(keepends=True)
    path = tmp_path / "2025-03-suffolk-street.csv"
    path.write_bytes(b"".join(text[:lines]))
    return path


def test_a_file_cut_at_a_lines_end_is_named_in_the_summary(store, tmp_path):
    result = import_police_files(store, [_cut(tmp_path, 3001)])
    said = [line for line in result.summary_lines() if "cut short" in line]
    assert len(said) == 1, result.summary_lines()
    assert said[0].startswith("2025-03-suffolk-street.csv has no crimes without a location (3,000 rows)"), said[0]
    assert "download it again" in said[0], said[0]


def test_the_whole_file_says_nothing_of_the_sort(store):
    result = import_police_files(store, [shared_data(*MARCH)])
    assert not any("cut short" in line for line in result.summary_lines()), result.summary_lines()


def test_the_command_line_says_it(tmp_path, capsys):
    code, out, err = run(capsys, "import-police", tmp_path / "office.sqlite", _cut(tmp_path, 2001))
    assert code == 0, err
    assert "2025-03-suffolk-street.csv has no crimes without a location (2,000 rows)" in out, out
