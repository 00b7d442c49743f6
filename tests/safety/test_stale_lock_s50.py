"""A lock file a killed run left beside a file it never made (`safer-desk demo new.sqlite` killed while making it) is
removed at the next start that looks in its folder, as the run's temporary files are: it stayed for ever beside a
name with no file. Never a lock a living run holds, one beside a file that is there, or a file that is not ours."""

from __future__ import annotations

import json

from safer_desk.storage.leftovers import remove_leftovers
from safer_desk.storage.locking import OfficeLock

NOTE = json.dumps({"host": "DESK-7", "pid": 4120, "since": "2026-12-04T09:05:00"})


def test_a_stale_lock_beside_no_file_goes_and_the_others_stay(tmp_path):
    stale = tmp_path / "new.sqlite.lock"
    stale.write_text(NOTE, encoding="utf-8")
    beside_a_file = tmp_path / "office.sqlite.lock"
    beside_a_file.write_text(NOTE, encoding="utf-8")
    (tmp_path / "office.sqlite").write_bytes(b"")
    not_ours = tmp_path / "minutes.lock"
    not_ours.write_text("the minutes are locked until the board meets", encoding="utf-8")
    held = OfficeLock(tmp_path / "making.sqlite")
    held.acquire()  # a living run making making.sqlite
    try:
        result = remove_leftovers([tmp_path])
        assert stale in result.removed and not stale.exists()
        assert beside_a_file.exists() and not_ours.exists() and held.lock_file.exists()
    finally:
        held.release()
