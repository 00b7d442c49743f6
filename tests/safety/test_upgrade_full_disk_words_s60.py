"""An older file a command could not upgrade on a full disk (session 60).

`safer-desk export older.sqlite county.sqlite` on a full disk ended "Deal with the cause (for example, free some space
on the disk), then open it again.": the window's words. The officer had opened nothing; the command line says what
every other refusal of a command says, to run the command again.
"""

from __future__ import annotations

import hashlib
import shutil

import pytest

from tests.cli_run import run
from tests.safety.helpers import make_older_file
from tests.safety.test_full_disk import fill, small_disk  # noqa: F401 (the fixture)


@pytest.mark.parametrize("argv", [("export", "{file}", "{out}"), ("office", "{file}", "--county", "Suffolk")])
def test_an_upgrade_the_full_disk_refused_says_to_run_the_command_again(small_disk, tmp_path, capsys,  # noqa: F811
                                                                         argv):
    master = make_older_file(tmp_path / "older.sqlite")
    older = small_disk / "older.sqlite"
    shutil.copyfile(master, older)
    fill(small_disk, leave=0)
    before = hashlib.sha256(older.read_bytes()).hexdigest()
    code, printed, err = run(capsys, *(a.format(file=older, out=tmp_path / "county.sqlite") for a in argv))
    assert (code, printed) == (1, "")
    said = err.strip().splitlines()[-1]
    assert "could not be written (the disk is full)" in said and "Nothing was changed." in said, said
    assert said.endswith("then run the command again."), said
    assert hashlib.sha256(older.read_bytes()).hexdigest() == before and not (tmp_path / "county.sqlite").exists()
