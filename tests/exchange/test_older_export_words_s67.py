"""An older export of an office reaching the county after a newer one was refused saying "already merged" three times
("older than an export from Babergh office already merged (it is export number 2; number 3, made 06/12/2026 19:58
UTC, has already been merged): a newer export from that office has already been merged, …") and giving the time in
UTC, where every other time in the program is on this computer's clock. It says it once now, the time as the
computer's clock reads it (session 67)."""

from __future__ import annotations

import time
from datetime import datetime

import pytest

from safer_desk.storage.schema.exchange import IMPORTS_TABLE
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import district_exports, export, merge


@pytest.fixture
def far_clock(monkeypatch):
    """A computer whose clock is eleven hours ahead of UTC in December, so its time and UTC's differ."""
    if not hasattr(time, "tzset"):
        pytest.skip("the time zone can be set for a test only where time.tzset exists")
    monkeypatch.setenv("TZ", "Australia/Sydney")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_an_older_export_is_refused_saying_so_once_with_the_time_on_this_computers_clock(tmp_path, far_clock):
    first = district_exports(tmp_path, ["Babergh"])[0]
    office = open_store(tmp_path / "babergh.sqlite")
    try:
        second = export(office, tmp_path / "babergh-2.sqlite")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [second])
        stamp = county.scalar(f"SELECT exported_at FROM {IMPORTS_TABLE} ORDER BY sequence DESC LIMIT 1")
        report = merge(county, [first])
    finally:
        county.close()
    [(_, why)] = report.refused
    clock = f"{datetime.fromisoformat(stamp).astimezone():%d/%m/%Y %H:%M}"
    assert clock != f"{datetime.fromisoformat(stamp):%d/%m/%Y %H:%M}"  # the test's clock is not UTC's
    assert ("it is older than an export from Babergh office already merged (it is export number 1; its number 2, "
            f"made {clock}): an older one would roll its figures back") in why, why
    assert "UTC" not in why and why.count("already merged") == 1 and "already been merged" not in why, why
