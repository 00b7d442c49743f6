"""A command that changes a file marked read-only said the window's offer (session 59).

`safer-desk population office.sqlite Babergh 2020/21 92000` on a file marked read-only said "office.sqlite is
read-only on disk; it can be opened read-only. To change it, clear its read-only mark …": the command cannot open it
read-only, and the officer read it as the command having done so. The offer is left out, as it is for a file open in
another window (round 26); what to do, and that nothing was changed, stay.
"""

from __future__ import annotations

import hashlib
import os
import stat

import pytest

from tests.cli_run import run


@pytest.mark.parametrize("argv", [
    ("population", "{file}", "Babergh", "2020/21", "92000"),
    ("office", "{file}", "--name", "Babergh office"),
    ("awards", "{file}", "--add", "New grant", "--funder", "OPCC", "--year", "2020/21=£5,000"),
    ("top-slice", "100", "--save", "PRG", "--year", "2020/21", "--file", "{file}"),
])
def test_a_read_only_file_is_refused_without_the_windows_offer(demo_path, capsys, argv):
    os.chmod(demo_path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
        code, printed, err = run(capsys, *(a.format(file=demo_path) for a in argv))
        assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before
    finally:
        os.chmod(demo_path, stat.S_IRUSR | stat.S_IWUSR)
    assert (code, printed) == (1, "")
    assert err.strip().splitlines()[-1] == (
        f"safer-desk: {demo_path.name} is read-only on disk. To change it, clear its read-only mark, or copy it to a "
        "folder you can save in, then run the command again. Nothing was changed.")
