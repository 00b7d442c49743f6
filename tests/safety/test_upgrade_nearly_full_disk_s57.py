"""An older file changed on a nearly full disk (a real small file system: root on Linux only). A tester saw, with
room for the backup and the upgrade but not the change: "o.sqlite … has been upgraded" and then "o.sqlite could not
be written or read: the disk is full. Nothing was changed", and -wal/-shm files left beside it that `check` blamed
on "a Safer Desk that did not close". With less room, the failed backup left an empty backups folder.

Each run on the way from too little room to enough says only true things: either nothing was changed, or the
upgrade is kept and only the command's change is said not made. The upgrade is written into the file itself (with
its rollback journal, not the -wal), so after a failure nothing at all is left beside the file."""

from __future__ import annotations

import shutil

from tests.safety.helpers import make_older_file, run_cli
from tests.safety.test_full_disk import fill, small_disk  # noqa: F401 (the fixture)

ROOM_KB = range(500, 2000, 100)  # from no room for the backup, past the upgrade's room, to room for all
SIDE_FILES = ("-wal", "-shm", "-journal")


def _outcome(disk, master, room, home) -> str:
    """The command run with about room KB free: what it said of the file, checked to be true and complete."""
    for p in disk.iterdir():
        shutil.rmtree(p) if p.is_dir() else p.unlink()
    office = disk / "o.sqlite"
    shutil.copyfile(master, office)
    fill(disk, leave=room * 1024)
    result = run_cli(["awards", str(office), "--add", "X", "--funder", "F", "--year", "2018/19=5"], home=home)
    said = result.stderr
    assert "Traceback" not in said, said
    upgraded = "has been upgraded" in said
    assert not (upgraded and "Nothing was changed" in said), said
    backups = disk / "backups"
    assert not backups.exists() or any(backups.iterdir()), (room, "an empty backups folder is left")
    if result.returncode == 0:
        return "added"
    left = [side for side in SIDE_FILES if (disk / f"o.sqlite{side}").exists()]
    assert left == [], (room, left, said)
    if upgraded:
        assert "was not made" in said and "upgrade" in said, said
        return "upgraded, not added"
    assert not backups.exists(), (room, "a backup of a file that did not change is left")
    return "nothing changed"


def test_every_step_of_a_nearly_full_disk_is_said_truly(small_disk, private_home, tmp_path):  # noqa: F811
    master = make_older_file(tmp_path / "older.sqlite")
    seen = {room: _outcome(small_disk, master, room, private_home) for room in ROOM_KB}
    # Between the last room that changed nothing and the first that was enough for all lies the room for the
    # upgrade but not the change (a few KB): found by halving.
    low = max(r for r, s in seen.items() if s == "nothing changed")
    high = min(r for r, s in seen.items() if s != "nothing changed")
    while high - low > 2 and seen[high] == "added":
        middle = (low + high) // 2
        seen[middle] = _outcome(small_disk, master, middle, private_home)
        low, high = (middle, high) if seen[middle] == "nothing changed" else (low, middle)
    assert {"nothing changed", "upgraded, not added", "added"} <= set(seen.values()), seen
