"""The time the services stamp on rows (created_at, updated_at, saved_at): UTC, to the second.

``held_at`` holds the clock at one moment while the example file is built, so a build that happens to
straddle a second's tick writes the same rows and audit entries as one that does not (an updated_at
moved by a second is an audit entry of its own).
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime, timedelta, timezone
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


def _last_sunday(year: int, month: int) -> date:
    end = date(year, month, 31)  # March and October both have 31 days
    return end - timedelta(days=(end.weekday() + 1) % 7)


def uk_day(stamp: str) -> date | None:
    """The day it was in the UK at a stored moment (uk_time)."""
    moment = uk_time(stamp)
    return None if moment is None else moment.date()


def uk_time(stamp: str) -> datetime | None:
    """The time it was in the UK at a stored moment (UTC, ISO 8601: the audit trail's "2018-06-10T23:30:00.000Z"):
    British Summer Time (UTC+1) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October
    (the Summer Time Order 2002), GMT otherwise. Worked out here, not from the computer's time zone data: a council's
    Windows laptop has no IANA zone database, and a file upgraded anywhere reads the same days. None when the stamp is
    not a time."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return None
    moment = (moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment).astimezone(timezone.utc)
    year = moment.year
    summer = (datetime.combine(_last_sunday(year, 3), datetime.min.time(), timezone.utc) + timedelta(hours=1)
              <= moment < datetime.combine(_last_sunday(year, 10), datetime.min.time(), timezone.utc)
              + timedelta(hours=1))
    return (moment + timedelta(hours=1 if summer else 0)).replace(tzinfo=None)
