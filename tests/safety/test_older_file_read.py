"""Commands that only read an older file read it without writing to it: the architecture says opening and looking
write nothing. They upgraded it in place, with a backup and without a word, so colleagues on the older version could
no longer open it; on read-only storage they could not read it at all."""

from __future__ import annotations

import hashlib

import pytest

from safer_desk.cli import main
from tests.safety.helpers import make_older_file


@pytest.mark.parametrize("command", [["projects"], ["indicators"], ["dhr-ledger"], ["office"], ["budget"],
                                     ["report", "REPORT"], ["export", "BOOK"]])
def test_a_command_that_only_reads_an_older_file_leaves_it_as_it_was(tmp_path, capsys, command):
    older = make_older_file(tmp_path / "older.sqlite")
    before = hashlib.sha256(older.read_bytes()).hexdigest()
    args = [str(tmp_path / "r.html") if a == "REPORT" else str(tmp_path / "b.xlsx") if a == "BOOK" else a
            for a in command[1:]]
    assert main([command[0], str(older), *args]) == 0
    assert hashlib.sha256(older.read_bytes()).hexdigest() == before
    assert not (tmp_path / "backups").exists()
    assert "not changed" in capsys.readouterr().err  # said once: read as this version reads it

