"""Files dropped on the window, as desktop programs take them (Qt-free): what the drop means.

One Safer Desk file (.sqlite, .sqlite3, .db) is opened, as File > Open would; police.uk street files, the .zip downloads
or folders of them are imported, as File > Import Police Data would (the import itself refuses what is not a
street file, in its own words, and changes nothing). Anything else is refused saying what can be dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Sequence

from safer_desk.services.files import OFFICE_SUFFIXES

POLICE_SUFFIXES = (".csv", ".zip")
WHAT_CAN_BE_DROPPED = ("Drop one Safer Desk file (.sqlite) to open it, or data.police.uk street files (.csv), "
                       "their download (.zip) or a folder of them to import them.")


class Dropped(Enum):
    OPEN = "open"
    POLICE = "police"
    NOTHING = "nothing"


@dataclass(frozen=True)
class Drop:
    kind: Dropped
    paths: tuple[Path, ...] = ()
    message: str = ""  # why nothing is done, and what can be dropped


def what_was_dropped(paths: Sequence[Path]) -> Drop:
    """What to do with the local files and folders of a drop (a folder is taken as police.uk files)."""
    paths = tuple(Path(p) for p in paths)
    if not paths:
        return Drop(Dropped.NOTHING,
                    message=f"Nothing Safer Desk can use was dropped (no files). {WHAT_CAN_BE_DROPPED}")
    office = [p for p in paths if p.suffix.lower() in OFFICE_SUFFIXES]
    police = [p for p in paths if p.suffix.lower() in POLICE_SUFFIXES or p.is_dir()]
    other = [p for p in paths if p not in office and p not in police]
    if other:
        names = " and ".join(p.name for p in other[:2]) + (f" and {len(other) - 2} more" if len(other) > 2 else "")
        verb = "is" if len(other) == 1 else "are"
        return Drop(Dropped.NOTHING, message=f"{names} {verb} neither a Safer Desk file nor police.uk data. "
                                             f"{WHAT_CAN_BE_DROPPED}")
    if office and police:
        return Drop(Dropped.NOTHING, message=f"Drop either a Safer Desk file or police.uk files, not both. "
                                             f"{WHAT_CAN_BE_DROPPED}")
    if len(office) > 1:
        return Drop(Dropped.NOTHING, message=f"Safer Desk opens one Safer Desk file at a time. {WHAT_CAN_BE_DROPPED}")
    if office:
        return Drop(Dropped.OPEN, (office[0],))
    return Drop(Dropped.POLICE, paths)
