"""An older file changed on a nearly full disk (a real small file system: root on Linux only). A tester saw, with
room for the backup and the upgrade but not the change: "o.sqlite … has been upgraded" and then "o.sqlite could not
be written or read: the disk is full. Nothing was changed", and -wal/-shm files left beside it that `check` blamed
on "a Safer Desk that did not close". With less room, the failed backup left an empty backups folder.

Each run on the way from too little room to enough says only true things: either nothing was changed (and nothing
is left beside the file), or the upgrade is kept and only the command's change is said not made; saves the disk had
no room to copy into the file are said to be in its -wal beside it, never to be deleted, and `check` says so."""

from __future__ import annotations

import shutil

from tests.safety.helpers import make_older_file, run_cli
from tests.safety.test_full_disk import fill, small_disk  # noqa: F401 (the fixture)

ROOM_KB = range(500, 2000, 100)  # from no room for the backup, past the upgrade's room, to room for all


def test_every_step_of_a_nearly_full_disk_is_said_truly(small_disk, private_home, tmp_path):  # noqa: F811
    master = make_older_file(tmp_path / "older.sqlite")
    seen = set()
    for room in ROOM_KB:
        for p in small_disk.iterdir():
            shutil.rmtree(p) if p.is_dir() else p.unlink()
        office = small_disk / "o.sqlite"
        shutil.copyfile(master, office)
        fill(small_disk, leave=room * 1024)
        result = run_cli(["awards", str(office), "--add", "X", "--funder", "F", "--year", "2018/19=5"],
                         home=private_home)
        said = result.stderr
        assert "Traceback" not in said, said
        upgraded = "has been upgraded" in said
        assert not (upgraded and "Nothing was changed" in said), said
        backups = small_disk / "backups"
        assert not backups.exists() or any(backups.iterdir()), (room, "an empty backups folder is left")
        wal = small_disk / "o.sqlite-wal"
        if result.returncode == 0:
            seen.add("added")
            continue
        seen.add("upgraded, not added" if upgraded else "nothing changed")
        if upgraded:
            assert "was not made" in said and "upgrade" in said, said
        if wal.exists() and wal.stat().st_size:
            seen.add("saves left in the -wal")
            assert "o.sqlite-wal" in said and "never delete" in said, said
            (small_disk / "filler.bin").unlink()
            check = run_cli(["check", str(office)], home=private_home)
            assert "disk was full" in check.stdout + check.stderr, check.stdout
        else:
            assert not (small_disk / "o.sqlite-shm").exists(), (room, said)
    assert {"nothing changed", "upgraded, not added", "added"} <= seen, seen
