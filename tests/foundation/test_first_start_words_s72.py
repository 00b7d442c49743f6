"""A first start whose data folder cannot be written (session 72): the words name the data folder in full, say why
(from the system's error) and what to do, and the window stays usable to open another file."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest


def refuse_writes_in(monkeypatch, folder: Path, code: int) -> None:
    """Every file made in folder is refused by the system with code, as a read-only disk (EROFS), a folder without
    permission (EACCES) or a full disk (ENOSPC) refuses it: the machine runs as root, so permissions cannot."""
    real_open = os.open

    def refusing(path, flags, *args, **kwargs):
        if Path(os.fsdecode(path)).parent == folder and flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), os.fsdecode(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)


@pytest.mark.parametrize(("code", "cause"), [(errno.EROFS, "read-only"), (errno.EACCES, "permission"),
                                             (errno.ENOSPC, "disk it is on is full")],
                         ids=["read-only", "no-access", "full"])
def test_own_file_refused_by_its_data_folder_names_it_says_why_and_what_to_do(
        window, prompts, private_home, monkeypatch, tmp_path, code, cause):
    refuse_writes_in(monkeypatch, private_home, code)
    assert window.open_default() is False
    assert window.session.store is None
    [(title, text)] = prompts.errors
    assert "own file" in title
    assert f"data folder {private_home}" in text  # the folder Safer Desk tried, named in full
    assert cause in text
    assert "File > Open" in text and "File > New" in text and "SAFER_DESK_HOME" in text
    assert "Choose a folder" not in text  # never a folder the person did not choose
    assert not (private_home / "safer-desk.sqlite").exists()
    # the window is still usable: another file opens in it
    other = tmp_path / "elsewhere" / "office.sqlite"
    other.parent.mkdir()
    assert window.open_path(other, create=True)
    assert window.session.store is not None and window.session.store.path == other


def test_a_data_folder_that_cannot_be_made_says_what_to_do(window, prompts, monkeypatch, tmp_path):
    """A data folder under a regular file (as a path on a read-only disk, it cannot be made)."""
    in_the_way = tmp_path / "profile"
    in_the_way.write_text("a file where a folder should be", encoding="utf-8")
    monkeypatch.setenv("SAFER_DESK_HOME", str(in_the_way / "Safer Desk"))
    assert window.open_default() is False
    [(title, text)] = prompts.errors
    assert title == "Cannot make your data folder"
    assert f"data folder {in_the_way / 'Safer Desk'}, where your own file is kept" in text and "not a folder" in text
    assert "File > Open" in text and "File > New" in text and "SAFER_DESK_HOME" in text


def test_the_guide_says_how_to_keep_the_own_file_elsewhere():
    guide = (Path(__file__).resolve().parents[2] / "docs" / "user-guide.md").read_text(encoding="utf-8")
    assert "SAFER_DESK_HOME" in guide
