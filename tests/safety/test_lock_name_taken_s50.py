"""A lock file's name taken by a folder or a link is said naming it, with what to do: "o.sqlite could not be written
to .: there is a folder of that name" blamed the office file, and a dangling link gave the system's "Too many levels
of symbolic links"."""

from __future__ import annotations

import os
import sys

import pytest

from tests.exchange.helpers import cli_output
from tests.safety.helpers import sha256


@pytest.mark.parametrize("taken_by", ["folder", "link"])
def test_a_lock_name_taken_is_said_naming_the_lock_file(demo_path, tmp_path, taken_by):
    if taken_by == "link" and sys.platform == "win32":
        pytest.skip("symbolic links need an administrator on Windows")
    lock = demo_path.with_name(demo_path.name + ".lock")
    if taken_by == "folder":
        lock.mkdir()
    else:
        os.symlink(tmp_path / "nowhere", lock)
    sheet = tmp_path / "figs.csv"
    sheet.write_text("indicator,area,period,value\nAll crime,Babergh,2025-04,10\n", encoding="utf-8")
    before = sha256(demo_path)
    code, _out, err = cli_output(["import-figures", str(demo_path), str(sheet)])
    assert code == 1
    what = "a folder" if taken_by == "folder" else "a link (a shortcut)"
    assert f"{lock.name} beside it is {what}, not the lock file Safer Desk keeps there: remove or rename it" in err
    assert sha256(demo_path) == before
