"""Session 47: "already open in another window" says since when as the rest of the program writes dates.

Seen in the window: "win.sqlite is already open for writing in another Safer Desk window (by process 9859 on vm since
2026-12-04T03:44:05)": the ISO stamp the lock note holds, where every other screen writes 04/12/2026."""

import json
import os
import re

import pytest

from safer_desk.storage.locking import FileInUse, OfficeLock, _describe


def test_the_in_use_message_gives_the_time_and_british_date(tmp_path):
    path = tmp_path / "office.sqlite"
    first = OfficeLock(path)
    first.acquire()
    try:
        with pytest.raises(FileInUse) as refused:
            OfficeLock(path).acquire()
    finally:
        first.release()
    said = str(refused.value)
    assert f"by process {os.getpid()} on " in said
    assert re.search(r" since \d\d:\d\d on \d\d/\d\d/\d{4}\)", said), said
    assert not re.search(r"\d{4}-\d\d-\d\dT", said)


def test_a_note_from_another_version_is_said_as_it_can_be():
    note = json.dumps({"pid": 4120, "host": "DESK-7", "since": "2026-12-04T09:05:59"}).encode()
    assert _describe(note) == " (by process 4120 on DESK-7 since 09:05 on 04/12/2026)"
    odd = json.dumps({"pid": 4120, "host": "DESK-7", "since": "last Tuesday"}).encode()
    assert _describe(odd) == " (by process 4120 on DESK-7 since last Tuesday)"
    assert _describe(json.dumps({"pid": 4120, "host": "DESK-7"}).encode()) == " (by process 4120 on DESK-7)"
