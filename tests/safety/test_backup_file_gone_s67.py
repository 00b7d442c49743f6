"""File > Back Up Now of a file whose drive was pulled out (a USB stick) said "the folder E:/stick/backups does not
exist", as if a folder were missing; and of a file replaced under the window by another copy (a sync tool putting
back an older one) it backed up that other file and said "Backup written", so the officer kept a copy of something
that was not what the window showed. Save a Copy already refused both in words. Now Back Up Now of the open file
refuses too, saying the file is no longer where it was opened, and writes no backup."""

from __future__ import annotations

import shutil

import pytest

from safer_desk.services.files import back_up, open_office_file
from safer_desk.storage.locking import FileMoved
from safer_desk.storage.store import backups_of


@pytest.fixture
def on_a_stick(demo_master, tmp_path):
    folder = tmp_path / "stick é" / "CSP office"
    folder.mkdir(parents=True)
    target = folder / "office.sqlite"
    shutil.copyfile(demo_master, target)
    return target


def test_back_up_now_of_a_file_whose_drive_went_says_so(on_a_stick, private_home):
    opened = open_office_file(on_a_stick)
    try:
        shutil.rmtree(on_a_stick.parents[1])  # the stick pulled out
        with pytest.raises(FileMoved) as refused:
            back_up(on_a_stick, store=opened.store)
        assert "is no longer where it was opened" in str(refused.value)
        assert "drive disconnected" in str(refused.value) and "backups does not exist" not in str(refused.value)
    finally:
        opened.store.close()


def test_back_up_now_never_backs_up_another_copy_put_in_its_place(on_a_stick, demo_master, private_home):
    opened = open_office_file(on_a_stick)
    try:
        on_a_stick.unlink()
        shutil.copyfile(demo_master, on_a_stick)  # another copy put back at its name
        with pytest.raises(FileMoved):
            back_up(on_a_stick, store=opened.store)
        assert backups_of(on_a_stick) == []
    finally:
        opened.store.close()


def test_the_window_says_so(on_a_stick, private_home, window, prompts, qtbot):
    assert window.open_path(on_a_stick)
    shutil.rmtree(on_a_stick.parents[1])
    window.backup_action.trigger()
    (title, words), = prompts.errors
    assert title == "Back up" and "office.sqlite is no longer where it was opened" in words, words
    assert "backups does not exist" not in words
