"""The time the services stamp on rows (created_at, updated_at, saved_at): UTC, to the second.

``held_at`` holds the clock at one moment while the example file is built, so a build that happens to
straddle a second's tick writes the same rows and audit entries as one that does not (an updated_at
moved by a second is an audit entry of its own).
"""

from __future__ import annotations

import contextlib
from datetime import datetime, timezone
from typing import Iterator

_held: datetime | None = None


def now_utc() -> datetime:
    return _held if _held is not None else datetime.now(timezone.utc)


def now_iso() -> str:
    """"2026-11-28T11:33:01+00:00"."""
    return now_utc().isoformat(timespec="seconds")


@contextlib.contextmanager
def held_at(moment: datetime | None = None) -> Iterator[datetime]:
    """Every stamp inside reads ``moment`` (default: now); usable as a decorator too."""
    global _held
    previous = _held
    _held = (moment or datetime.now(timezone.utc)).astimezone(timezone.utc)
    try:
        yield _held
    finally:
        _held = previous
