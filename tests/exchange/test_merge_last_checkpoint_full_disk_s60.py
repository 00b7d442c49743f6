"""A merge the disk had room for, but not for its last tidy-up (session 60).

Import District Files… into a new county file on a nearly full disk merged both offices' files (each committed, in
the file's journal), and then failed as it tidied up, copying the journal into the file: "The merge stopped: …
the disk is full. The file it was merging was rolled back. 2 files merged before it stay merged; merge the others
again" — none had been rolled back, there were no others, and no summary was shown. That copy is the journal's
housekeeping, done again as the file closes (and said then if the disk still refuses it): the merge is reported as
the merge it was.
"""

from __future__ import annotations

import sqlite3

from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template


class _DiskFullAtTheLastCheckpoint:
    """The county file's connection on a disk with room for the merge's commits, not for copying them into the file."""

    def __init__(self, conn):
        self._conn = conn

    def execute(self, sql, *args):
        if sql == "PRAGMA wal_checkpoint(PASSIVE)":
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_a_merge_whose_last_checkpoint_the_disk_refuses_is_reported_as_merged(tmp_path):
    base = template(tmp_path, police=False)
    office = office_from(base, tmp_path / "b.sqlite", "Babergh office", districts=["Babergh"])
    try:
        sent = export(office, tmp_path / "b-x.sqlite")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    real = county.conn
    county.conn = _DiskFullAtTheLastCheckpoint(real)
    try:
        report = merge(county, [sent])
        assert [s.file_name for s in report.merged] == ["b-x.sqlite"] and report.refused == []
    finally:
        county.conn = real
        county.close()
    county = open_store(tmp_path / "county.sqlite", read_only=True)
    try:
        assert county.scalar("SELECT count(*) FROM _county_imports") == 1
    finally:
        county.close()
