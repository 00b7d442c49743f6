"""`safer-desk import-police` on a full disk says where, and what to do, as the window does (session 75).

An office file on a small disk (a USB stick, a nearly full network share) given a year of Suffolk's files said only
"safer-desk: t.sqlite could not be written or read: the disk is full. Nothing was changed.": not which disk (the
folder), not that the import was rolled back, not to free space and import again; the window said the last two and
neither said where. Both now name the folder the file is in; the file is as it was."""

from __future__ import annotations

import sqlite3

from safer_desk.storage.store import Store
from tests.exchange.helpers import cli_output
from tests.indicators.test_police_group_typed_s49 import december
from tests.safety.helpers import sha256


def _full_disk(monkeypatch) -> None:
    counted = Store.execute_counted

    def full(self, table, *args, **kwargs):
        if table == "indicator_values":
            error = sqlite3.OperationalError("database or disk is full")  # as SQLite says a write the disk refused
            error.sqlite_errorname = "SQLITE_FULL"
            raise error
        return counted(self, table, *args, **kwargs)

    monkeypatch.setattr(Store, "execute_counted", full)


def test_the_command_says_which_disk_and_what_to_do(demo_path, tmp_path, monkeypatch):
    street = december(tmp_path)
    _full_disk(monkeypatch)
    before = sha256(demo_path)
    code, out, err = cli_output(["import-police", str(demo_path), str(street)])
    assert (code, out) == (1, "")
    assert err == (f"safer-desk: example.sqlite could not be written to {demo_path.parent}: the disk is full. The "
                   "import was rolled back: nothing was changed, and the file is as it was before it. Free some space "
                   "on the disk, then import again.\n"), err
    assert sha256(demo_path) == before


def test_the_window_says_which_disk(demo_window, qtbot, prompts, monkeypatch, tmp_path):
    from safer_desk.ui.indicators.menu import start_import
    from safer_desk.ui.workers import running_tasks

    store = demo_window.session.store
    before = store.conn.execute("SELECT * FROM indicator_values ORDER BY 1, 2, 3").fetchall()
    _full_disk(monkeypatch)
    task = start_import(demo_window, [str(december(tmp_path))])
    with qtbot.waitSignal(task.signals.failed, timeout=20000):
        pass
    qtbot.waitUntil(lambda: not running_tasks(), timeout=15000)
    assert prompts.errors == [("Police data not imported", (
        f"{store.path.name} could not be written to {store.path.parent}: the disk is full. The import was rolled back: "
        "nothing was changed, and the file is as it was before it. Free some space on the disk, then import again."))]
    assert store.conn.execute("SELECT * FROM indicator_values ORDER BY 1, 2, 3").fetchall() == before
