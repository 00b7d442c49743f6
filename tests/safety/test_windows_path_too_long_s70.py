"""A file saved deep in folders on Windows (session 70): Windows refuses a path over 260 characters (unless long paths
are turned on) with error 206, "The filename or extension is too long", which Python raises as FileNotFoundError
(errno 2). The export was refused as "the file or its folder does not exist" in a folder that is there; it is said to
be too long, with what to do. Forced here as Windows raises it."""

from __future__ import annotations

import errno

import pytest

from safer_desk.exchange.files import WriteFailed, write_csv
from safer_desk.storage import safe_write


def _windows_refuses_long_paths(monkeypatch):
    real_open = safe_write.os.open

    def opened(path, *args, **kwargs):
        if ".part" in str(path):
            exc = FileNotFoundError(errno.ENOENT, "The filename or extension is too long", str(path))
            exc.winerror = 206  # ERROR_FILENAME_EXCED_RANGE
            raise exc
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(safe_write.os, "open", opened)


def test_a_path_windows_finds_too_long_is_said_so_not_as_a_missing_folder(tmp_path, monkeypatch):
    _windows_refuses_long_paths(monkeypatch)
    with pytest.raises(WriteFailed) as caught:
        write_csv(tmp_path / "register.csv", ["amount"], [["£5"]])
    said = str(caught.value)
    assert "too long" in said and "does not exist" not in said, said
    assert "folder nearer the top of the drive" in said
    assert caught.value.errno == errno.ENAMETOOLONG
    assert not any(p.name.endswith(".part") for p in tmp_path.iterdir())
