"""A street file given three times (twice by name and again in its folder) said it was "given twice" and that "its
8,238 rows were counted once" of a file of 4,119 rows (session 75): each repeat's rows were added up. The counts were
right; the line now says how many times it was given and the file's own rows."""

from __future__ import annotations

import shutil
from pathlib import Path

from safer_desk.services.police_import import import_police_files

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures/police/suffolk-2025/2025-01-suffolk-street.csv"


def test_a_file_given_three_times_says_so_with_its_own_rows(store, tmp_path):
    path = tmp_path / FIXTURE.name
    shutil.copyfile(FIXTURE, path)
    rows = len(FIXTURE.read_text(encoding="utf-8").splitlines()) - 1
    result = import_police_files(store, [path, path, tmp_path])
    assert (result.files, result.rows) == (1, rows)
    lines = result.summary_lines()
    assert f"{path.name} was given 3 times (the same file): its {rows:,} rows were counted once." in lines, lines
    assert not any("given twice" in line for line in lines), lines


def test_a_file_given_twice_is_still_said_so(store, tmp_path):
    path = tmp_path / FIXTURE.name
    shutil.copyfile(FIXTURE, path)
    rows = len(FIXTURE.read_text(encoding="utf-8").splitlines()) - 1
    lines = import_police_files(store, [path, tmp_path]).summary_lines()
    assert f"{path.name} was given twice (the same file): its {rows:,} rows were counted once." in lines, lines
