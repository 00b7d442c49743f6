"""On Windows a file just written is often opened for a moment by the antivirus scanner, the search indexer or
OneDrive, and moving it into place is refused until they let go. Every export, workbook, report, backup and copy
then failed at once with "permission denied (you cannot write there, or the file is open in another program)" when
nothing had it open, and worked when done again. Now the move is tried again for a moment (1.55 s in all) on Windows;
a refusal that lasts (Excel has the workbook open) is still said, the old file as it was and no temporary file left.
The Windows branch is forced (``safe_write.ON_WINDOWS``), the refusals made by a stand-in for ``os.replace``."""

from __future__ import annotations

import errno
import os

import pytest

from safer_desk.storage import safe_write
from safer_desk.storage.safe_write import WINDOWS_REPLACE_WAITS, WriteFailed, write_bytes_atomically


@pytest.fixture
def windows(monkeypatch):
    waited: list[float] = []
    monkeypatch.setattr(safe_write, "ON_WINDOWS", True)
    monkeypatch.setattr("time.sleep", waited.append)  # the waits recorded, not slept
    return waited


def _refused(monkeypatch, times: int | None):
    real = os.replace
    tries = []

    def refused_while_scanned(src, dst, *args, **kwargs):
        tries.append(dst)
        if times is None or len(tries) <= times:
            raise PermissionError(errno.EACCES, "Access is denied", str(dst))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", refused_while_scanned)
    return tries


def _ours(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_scanner_holding_the_new_file_for_a_moment_is_waited_for(tmp_path, private_home, windows, monkeypatch):
    target = tmp_path / "county workbook é.xlsx"
    target.write_bytes(b"last month's")
    tries = _refused(monkeypatch, 2)
    write_bytes_atomically(target, b"this month's")
    assert target.read_bytes() == b"this month's" and len(tries) == 3
    assert windows == list(WINDOWS_REPLACE_WAITS[:2]) and _ours(tmp_path) == []


def test_a_file_kept_open_is_still_refused_in_words(tmp_path, private_home, windows, monkeypatch):
    target = tmp_path / "county.xlsx"
    target.write_bytes(b"last month's")
    _refused(monkeypatch, None)
    with pytest.raises(WriteFailed) as failed:
        write_bytes_atomically(target, b"this month's")
    said = str(failed.value)
    assert "open in another program" in said and "the earlier county.xlsx is as it was" in said
    assert windows == list(WINDOWS_REPLACE_WAITS) and sum(windows) < 2
    assert target.read_bytes() == b"last month's" and _ours(tmp_path) == []


def test_elsewhere_a_refusal_is_said_at_once(tmp_path, private_home, monkeypatch):
    waited: list[float] = []
    monkeypatch.setattr("time.sleep", waited.append)
    monkeypatch.setattr(safe_write, "ON_WINDOWS", False)
    target = tmp_path / "county.xlsx"
    _refused(monkeypatch, 1)
    with pytest.raises(WriteFailed):
        write_bytes_atomically(target, b"this month's")
    assert waited == [] and not target.exists() and _ours(tmp_path) == []
