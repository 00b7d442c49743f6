"""Ctrl+C while a command closes the file it changed (session 60).

`safer-desk merge county.sqlite x.sqlite` interrupted as it finished said "interrupted; what was saved before then stays
saved" and then "c.sqlite: its last saves could not be written into the file as the command closed it (the disk is
full, or another program is reading it): they are kept in c.sqlite-wal … never delete the -wal file", on a disk with
room and no other program: Ctrl+C had stopped the closing half-way, the connection was left open, and the -wal was
found beside the file; it went when the program ended. A close that is interrupted still closes the connection (the
journal is written into the file as it closes), so nothing is left beside the file and nothing untrue is said.
"""

from __future__ import annotations

from pathlib import Path

from tests.cli_run import run


class _CtrlCAtTheCheckpoint:
    """The file's connection, with Ctrl+C pressed as the closing writes the journal into the file."""

    def __init__(self, conn):
        self._conn = conn

    def execute(self, sql, *args):
        if sql.startswith("PRAGMA wal_checkpoint"):
            raise KeyboardInterrupt
        return self._conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_ctrl_c_while_the_file_closes_leaves_no_journal_and_says_none(demo_path, capsys, monkeypatch):
    from safer_desk.storage.store import Store

    real_close = Store.close

    def close(self):
        if not self.read_only:
            self.conn = _CtrlCAtTheCheckpoint(self.conn)
        real_close(self)

    monkeypatch.setattr(Store, "close", close)
    code, printed, err = run(capsys, "office", demo_path, "--county", "Devon")
    assert code == 130 and "interrupted; what was saved before then stays saved" in err, err
    assert "could not be written into the file" not in err, err
    assert not Path(f"{demo_path}-wal").exists()
    monkeypatch.undo()
    code, printed, err = run(capsys, "office", demo_path)
    assert code == 0 and "County: Devon" in printed, err

