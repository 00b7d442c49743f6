"""A police.uk import that fails writing (a full disk) says so: SQLite's rollback had dropped the import's temporary
tables, so the tidying after it failed on them ("no such table: temp.police_scope") and that error was said in place
of the disk's ("could not be written or read: no such table …"). The file is left as it was."""

from __future__ import annotations

import sqlite3

from safer_desk.storage.store import Store
from tests.exchange.helpers import cli_output
from tests.indicators.test_police_group_typed_s49 import december
from tests.safety.helpers import sha256


def test_a_full_disk_is_said_as_one(demo_path, tmp_path, monkeypatch):
    counted = Store.execute_counted

    def disk_full(self, table, *args, **kwargs):
        if table == "indicator_values":  # as SQLite leaves it after a failed write: rolled back, temp tables gone
            for name in [r[0] for r in self.conn.execute("SELECT name FROM temp.sqlite_master WHERE type = 'table'")]:
                self.conn.execute(f"DROP TABLE temp.{name}")
            error = sqlite3.OperationalError("disk I/O error")
            error.sqlite_errorname = "SQLITE_IOERR_WRITE"  # as SQLite names a write the disk refused
            raise error
        return counted(self, table, *args, **kwargs)

    monkeypatch.setattr(Store, "execute_counted", disk_full)
    before = sha256(demo_path)
    code, _out, err = cli_output(["import-police", str(demo_path), str(december(tmp_path))])
    assert code == 1
    assert "no such table" not in err and "the disk reported an error while writing (it may be full)" in err, err
    assert sha256(demo_path) == before
