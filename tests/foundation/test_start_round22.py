"""Start paths, round 22: Qt Gui's own system libraries missing, a data folder that cannot be made, and a
folder the user cannot write on Windows (branch forced)."""

from __future__ import annotations

import builtins
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from safer_desk.storage import locking
from safer_desk.storage.locking import FileInUse, OfficeLock
from safer_desk.ui import platform_check

LOADER_ERROR = "libEGL.so.1: cannot open shared object file: No such file or directory"


# --- 1. Qt Gui cannot load: the library and the line that installs it, no traceback ----------------------------

@pytest.fixture
def qt_gui_missing(monkeypatch, tmp_path):
    """Importing the window module fails as it does when libQt6Gui cannot find libEGL (the loader's words), and
    the system is a Debian/Ubuntu one (apt-get)."""
    real_import = builtins.__import__

    def refusing(name, globals=None, locals=None, fromlist=(), level=0):
        if name in ("safer_desk.ui.app", "PySide6.QtWidgets"):
            raise ImportError(LOADER_ERROR)
        return real_import(name, globals, locals, fromlist, level)

    monkeypatch.setattr(builtins, "__import__", refusing)
    monkeypatch.setattr(platform_check.shutil, "which", lambda name: f"/usr/bin/{name}" if name == "apt-get" else None)
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return temp


@pytest.mark.parametrize("argv", [["--demo"], [], ["screenshot", "OUT.png", "--demo"]],
                         ids=["demo", "own-file", "screenshot"])
def test_a_missing_qt_gui_library_is_named_with_the_install_line(qt_gui_missing, capsys, argv, tmp_path):
    from safer_desk.cli import main

    argv = [str(tmp_path / a) if a == "OUT.png" else a for a in argv]
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 1, err
    assert "cannot open its window" in err or "cannot draw its window" in err
    assert "libEGL.so.1" in err and "sudo apt-get install libegl1" in err
    assert "Traceback" not in err
    assert list(qt_gui_missing.iterdir()) == []  # no example copy was made
    assert not (tmp_path / "OUT.png").exists()


def test_the_import_error_is_explained_from_the_loaders_words(monkeypatch):
    monkeypatch.setattr(platform_check.shutil, "which", lambda name: f"/usr/bin/{name}" if name == "apt-get" else None)
    text = platform_check.explain_import_error(ImportError(
        "libxkbcommon.so.0: cannot open shared object file: No such file or directory"))
    assert "libxkbcommon.so.0" in text and "sudo apt-get install libxkbcommon0" in text
    monkeypatch.setattr(platform_check.shutil, "which", lambda name: None)
    text = platform_check.explain_import_error(ImportError("libfontconfig.so.1: cannot open shared object file"))
    assert "libfontconfig.so.1" in text and "apt-file search" in text
    text = platform_check.explain_import_error(ImportError("DLL load failed while importing QtWidgets: The "
                                                           "specified module could not be found."), windows=True)
    assert "DLL load failed" in text and "copy the whole folder again" in text


def test_an_import_error_of_our_own_is_not_taken_for_a_missing_library(monkeypatch):
    """A bug of ours (a module that does not import) stays a traceback, not advice to install packages."""
    assert platform_check.qt_failed_to_load(ImportError(LOADER_ERROR))
    assert platform_check.qt_failed_to_load(ImportError("x", name="PySide6.QtGui"))
    assert not platform_check.qt_failed_to_load(ImportError("cannot import name 'nothing' from 'safer_desk.ui'",
                                                            name="safer_desk.ui"))


# --- 3. the data folder cannot be made ------------------------------------------------------------------------

def test_a_data_folder_that_cannot_be_made_is_said_plainly(window, prompts, monkeypatch, tmp_path):
    import safer_desk.ui.main_window as main_window

    in_the_way = tmp_path / "profile"
    in_the_way.write_text("a file where a folder should be", encoding="utf-8")
    monkeypatch.setattr(main_window, "default_file", lambda: in_the_way / "Safer Desk" / "safer-desk.sqlite")
    assert window.open_default() is False
    assert window.session.store is None
    [(title, text)] = prompts.errors
    assert title == "Cannot make your data folder"
    assert str(in_the_way / "Safer Desk") in text and "not a folder" in text and "File > Open" in text
    assert "not saved" not in text


def test_a_data_folder_refused_by_permissions_is_said_plainly(window, prompts, monkeypatch, tmp_path):
    import safer_desk.ui.main_window as main_window

    folder = tmp_path / "locked" / "Safer Desk"
    real_mkdir = Path.mkdir

    def refuse(self, *args, **kwargs):
        if self == folder:
            raise PermissionError(13, "Permission denied", str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refuse)
    monkeypatch.setattr(main_window, "default_file", lambda: folder / "safer-desk.sqlite")
    assert window.open_default() is False
    [(title, text)] = prompts.errors
    assert str(folder) in text and "permission" in text and "write access" in text


def test_unattended_start_with_no_data_folder_exits_1_without_a_traceback(tmp_path):
    in_the_way = tmp_path / "home-is-a-file"
    in_the_way.write_text("x", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SAFER_DESK_HOME": str(in_the_way),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "TMPDIR": str(tmp_path), "HOME": str(tmp_path),
           "SAFER_DESK_CLOSE_AFTER_START": "1"}
    result = subprocess.run([sys.executable, "-m", "safer_desk"], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1, result.stderr
    assert "Cannot make your data folder" in result.stderr and str(in_the_way) in result.stderr
    assert "Traceback" not in result.stderr and "not saved" not in result.stderr


# --- 4. Windows (forced): a folder that refuses new files is not "open in another window" ------------------------

@pytest.fixture
def windows(monkeypatch):
    from tests.foundation.test_locking import FakeMsvcrt

    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(locking, "_is_windows", lambda: True)
    # CPython on Windows: os.access says every folder is writable (it looks only at a file's read-only attribute).
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **k: True if os.path.isdir(p) and mode & os.W_OK
                        else real_access(p, mode, **k))
    return fake


@pytest.fixture
def unwritable_folder(tmp_path, monkeypatch):
    """A folder whose permissions refuse new files (a read-only share): creating any file in it is refused."""
    folder = tmp_path / "share"
    folder.mkdir()
    real_open = os.open

    def refusing_open(path, flags, *args, **kwargs):
        if Path(path).parent == folder and flags & os.O_CREAT and not os.path.exists(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(locking.os, "open", refusing_open)
    return folder


def test_windows_a_folder_that_refuses_new_files_is_said_as_such(windows, unwritable_folder, tmp_path):
    from safer_desk.services.files import FileLocked, FileReadOnly, open_office_file
    from safer_desk.storage.store import FolderNotWritable, open_store

    office = unwritable_folder / "office.sqlite"
    made = open_store(tmp_path / "made.sqlite", create=True)
    made.close()
    office.write_bytes((tmp_path / "made.sqlite").read_bytes())
    with pytest.raises(FileReadOnly, match="The folder of office.sqlite cannot be written to") as refused:
        open_office_file(office)
    assert not isinstance(refused.value, FileLocked) and "another Safer Desk window" not in str(refused.value)
    with pytest.raises(FolderNotWritable, match="new.sqlite cannot be made there") as refused:
        open_office_file(unwritable_folder / "new.sqlite", create=True)
    assert "read-only" not in str(refused.value)
    assert sorted(p.name for p in unwritable_folder.iterdir()) == ["office.sqlite"]


def test_windows_a_folder_refusal_is_still_an_os_error_for_other_callers(windows, unwritable_folder):
    """The working-session and demo-copy code treat a lock they cannot make as an OSError (never a crash)."""
    with pytest.raises(PermissionError):
        OfficeLock(unwritable_folder / "office.sqlite").acquire()


def test_windows_a_lock_file_being_deleted_in_a_writable_folder_is_in_use(windows, tmp_path, monkeypatch):
    """The lock file's last holder is deleting it this very moment (Windows refuses to open it): the folder takes
    new files, so this is a lock in use, said as before."""
    real_open = os.open
    folder = tmp_path / "office"
    folder.mkdir()
    lock_file = locking.lock_path(folder / "office.sqlite")

    def delete_pending(path, flags, *args, **kwargs):
        if Path(path) == lock_file:
            raise PermissionError(13, "Access is denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(locking.os, "open", delete_pending)
    with pytest.raises(FileInUse, match="already open for writing in another Safer Desk window"):
        OfficeLock(folder / "office.sqlite").acquire()
    assert list(folder.iterdir()) == []  # the folder was tried with a file that is gone again
