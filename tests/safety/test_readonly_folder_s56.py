"""A folder made read-only while its file is open (write access to a network drive withdrawn): SQLite says
SQLITE_READONLY_DIRECTORY (or _CANTINIT, _CANTLOCK) for the next change. That is a write the disk refused, said as
"Change not saved" with its cause, never "an error it did not expect … tell whoever looks after Safer Desk"."""

from __future__ import annotations

import errno
import sqlite3

import pytest

from safer_desk.storage.safe_write import cause_of, is_write_error, write_failed


@pytest.mark.parametrize("name", ["SQLITE_READONLY_DIRECTORY", "SQLITE_READONLY_CANTINIT",
                                  "SQLITE_READONLY_CANTLOCK"])
def test_a_folder_that_refuses_writes_is_a_refused_write_in_words(name, tmp_path):
    exc = sqlite3.OperationalError("attempt to write a readonly database")
    exc.sqlite_errorname = name
    assert is_write_error(exc)
    code, cause = cause_of(exc)
    assert code == errno.EACCES and cause.startswith("permission denied")
    failed = write_failed(exc, tmp_path / "office.sqlite")
    assert "permission denied" in str(failed) and "readonly database" not in str(failed)


def test_a_bug_is_still_a_bug():
    exc = sqlite3.OperationalError("no such column: cost")
    exc.sqlite_errorname = "SQLITE_ERROR"
    assert not is_write_error(exc)
