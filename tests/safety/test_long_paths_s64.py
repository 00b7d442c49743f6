"""A file deep in folders, its whole path longer than SQLite opens (session 64).

Seen: a file whose path was longer than SQLite takes (504 bytes on Linux: 512 with "-journal" after it; Windows'
paths are shorter still, as OneDrive's and SharePoint's folders make them) was refused as "damaged and cannot be
read ... ask IT for the copy on the network drive", though Python read it whole; and a new file there was refused
with "permission denied (you cannot write there ...)", in a folder the officer could write to. Both now say that
the path is too long, and what to do."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from safer_desk.services.files import open_office_file
from safer_desk.storage.store import StoreError, open_store, path_too_long, sqlite_path_limit

# Windows' limit depends on the machine's long-paths setting: its words are checked below, without SQLite.
pytestmark_posix = pytest.mark.skipif(sys.platform == "win32", reason="SQLite's path limit on Linux and macOS")


def deep_folder(tmp_path: Path) -> Path:
    """A folder whose path leaves too little room for a file name SQLite can still open."""
    folder = tmp_path
    while len(str(folder).encode("utf-8")) < sqlite_path_limit():
        folder = folder / ("Community Safety Partnership " + "x" * 60)
    folder.mkdir(parents=True)
    return folder


@pytestmark_posix
def test_a_file_deep_in_folders_is_not_called_damaged(tmp_path, store):
    path = deep_folder(tmp_path) / "office.sqlite"
    store.close()
    shutil.copyfile(store.path, path)
    for read_only in (False, True):
        with pytest.raises(StoreError) as refused:
            open_office_file(path, read_only=read_only)
        words = str(refused.value)
        assert "is damaged" not in words and "network drive" not in words, words
        assert "path" in words and "too long" in words and "not been changed" in words, words
        assert "shorter" in words, words  # what to do
    store_again = open_store(store.path)  # the same file, nearer the top of the drive, opens
    store_again.close()


@pytestmark_posix
def test_a_new_file_deep_in_folders_is_refused_as_too_long_not_as_permission_denied(tmp_path):
    folder = deep_folder(tmp_path)
    with pytest.raises(StoreError) as refused:
        open_office_file(folder / "office.sqlite", create=True)
    words = str(refused.value)
    assert "permission denied" not in words, words
    assert "path" in words and "too long" in words, words
    assert list(folder.iterdir()) == []  # nothing half-made, no temporary file left


def test_the_limit_is_said_in_the_measure_of_the_system():
    assert path_too_long("C:\\" + "a" * 240 + "\\office.sqlite", platform="win32").startswith(
        "too long (257 characters; Safer Desk opens a file whose path is at most 252)")
    assert path_too_long("/" + "a" * 400 + "/office.sqlite", platform="linux") == ""
    assert "bytes" in path_too_long("/" + "é" * 300 + "/office.sqlite", platform="linux")
