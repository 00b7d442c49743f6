"""A file on a disk that cannot be written to at all (a write-protected USB stick, a CD of board papers, a share
mounted read-only): its own read-only mark is not what refuses the change, so clearing it is not the advice."""

from __future__ import annotations

import os
import types
from pathlib import Path

import pytest

from tests.cli_run import run


@pytest.fixture
def read_only_disk(demo_path, monkeypatch):
    """The demo file's folder as a read-only file system shows it: access refused for writing, statvfs's flag set
    (the file's own mode bits still say it may be written)."""
    disk = demo_path.parent
    real_access, real_statvfs = os.access, os.statvfs

    def on_disk(p) -> bool:
        return Path(p).absolute() == disk or disk in Path(p).absolute().parents

    monkeypatch.setattr(os, "access", lambda p, mode, *a, **k: False if on_disk(p) and mode & os.W_OK
                        else real_access(p, mode, *a, **k))
    monkeypatch.setattr(os, "statvfs", lambda p: types.SimpleNamespace(f_flag=os.ST_RDONLY) if on_disk(p)
                        else real_statvfs(p))
    assert demo_path.stat().st_mode & 0o200
    return demo_path


def test_a_change_to_a_file_on_a_read_only_disk_is_refused_naming_the_disk(capsys, read_only_disk):
    code, _, err = run(capsys, "office", read_only_disk, "--name", "Ynys Môn")
    assert code == 1
    assert "is on a disk that cannot be written to" in err and "read-only mark" not in err, err
    assert "copy it to a folder you can save in" in err and "Nothing was changed." in err


def test_an_export_of_a_file_on_a_read_only_disk_says_the_disk(capsys, read_only_disk, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "export.sqlite"
    code, _, err = run(capsys, "export", read_only_disk, out)
    assert code == 1
    assert "is on a disk that cannot be written to" in err and "read-only mark" not in err, err
    # Never "copy it": a copy's exports take numbers the office's own file takes again (the county refuses them).
    assert "give the office's own file where it is kept, on a drive that can be written to" in err and "copy" not in err
    assert not out.exists()


def test_the_store_says_the_disk_and_still_offers_read_only(read_only_disk):
    from safer_desk.storage.store import FileReadOnly, open_store

    with pytest.raises(FileReadOnly, match="is on a disk that cannot be written to.*it can be opened read-only"):
        open_store(read_only_disk)
    open_store(read_only_disk, read_only=True).close()


def test_a_new_file_on_a_read_only_disk_is_refused_without_asking_for_write_access(capsys, tmp_path, monkeypatch):
    """`demo E:\\new.sqlite` (File > New, Save a Copy) on a write-protected stick said to ask for write access to
    the folder: nobody can give it; the disk itself refuses."""
    disk = tmp_path / "stick"
    disk.mkdir()
    real_access, real_statvfs = os.access, os.statvfs
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **k: False if Path(p) == disk and mode & os.W_OK
                        else real_access(p, mode, *a, **k))
    monkeypatch.setattr(os, "statvfs", lambda p: types.SimpleNamespace(f_flag=os.ST_RDONLY) if Path(p) == disk
                        else real_statvfs(p))
    code, _, err = run(capsys, "demo", disk / "new.sqlite")
    assert code == 1 and not (disk / "new.sqlite").exists()
    assert "new.sqlite cannot be made there: its folder is on a disk that cannot be written to" in err, err
    assert "write access" not in err and "Choose a folder you can save files in" in err


def fake_windows_volume(monkeypatch, volume_flags: int) -> list:
    """Windows' volume calls as a write-protected stick (FILE_READ_ONLY_VOLUME) or a writable disk answers them."""
    import ctypes

    from safer_desk.storage import store

    asked = []

    def volume_path(path, buffer, size):
        asked.append(path)
        buffer.value = "E:\\"
        return 1

    def volume_information(root, name, name_size, serial, longest, flags, fs_name, fs_size):
        flags._obj.value = volume_flags
        return 1

    kernel32 = types.SimpleNamespace(GetVolumePathNameW=volume_path, GetVolumeInformationW=volume_information)
    monkeypatch.setattr(ctypes, "windll", types.SimpleNamespace(kernel32=kernel32), raising=False)
    monkeypatch.setattr(store, "_on_windows", lambda: True)
    return asked


def test_windows_tells_a_write_protected_stick_from_its_volume(monkeypatch, tmp_path):
    from safer_desk.storage.store import on_read_only_disk

    asked = fake_windows_volume(monkeypatch, 0x00080000)
    assert on_read_only_disk(tmp_path / "office.sqlite") and asked == [str(tmp_path / "office.sqlite")]
    fake_windows_volume(monkeypatch, 0x0002)  # case-preserved names only: a writable disk
    assert not on_read_only_disk(tmp_path / "office.sqlite")


def test_windows_lock_refused_on_a_write_protected_stick_names_the_disk(monkeypatch, demo_path):
    """On Windows the mode bits of a file on a write-protected stick say it may be written: the lock file beside it
    is what is refused, and that was said as the folder refusing ("ask for write access to its folder")."""
    from safer_desk.storage.locking import OfficeLock
    from safer_desk.storage.store import DiskReadOnly, FolderNotWritable
    from safer_desk.cli.common import refused_for_a_change

    fake_windows_volume(monkeypatch, 0x00080000)
    refused = OfficeLock(demo_path)._folder_refused()
    assert isinstance(refused, DiskReadOnly) and isinstance(refused, PermissionError)
    words = refused_for_a_change(refused)
    assert "is on a disk that cannot be written to" in words and "write access" not in words, words
    assert "copy it to a folder you can save in" in words
    new = OfficeLock(demo_path.with_name("new.sqlite"))._folder_refused()
    assert isinstance(new, FolderNotWritable) and "its folder is on a disk that cannot be written to" in str(new)
