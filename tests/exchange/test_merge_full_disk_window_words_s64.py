"""S64 (files): File > Import District Files… on a full disk said SQLite's own words, not the county lead's.

A county lead merging on a nearly full disk was told "The merge stopped: database or disk is full. …" (SQLite's
message, which leaves open whether the export or the disk is at fault), where `safer-desk merge` says
"county.sqlite could not be written or read: the disk is full". The window now says it in the same plain words,
naming the county file; the rest of its message (what was rolled back, what stays merged) is unchanged.
"""

from __future__ import annotations

import sqlite3

from safer_desk.ui.exchange.dialogs import import_district_files
from tests.cli_run import run
from tests.exchange.helpers import officer_keys


def test_a_merge_the_disk_stops_says_the_disk_is_full_in_words(window, demo_path, tmp_path, capsys, qtbot, prompts,
                                                                 monkeypatch):
    from safer_desk.exchange import county_merge

    e1 = tmp_path / "e1.sqlite"
    assert run(capsys, "export", demo_path, e1)[0] == 0
    assert window.open_path(tmp_path / "county.sqlite", create=True)

    def disk_full(store, manifest, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")  # as SQLite says SQLITE_FULL

    monkeypatch.setattr(county_merge, "merge_export", disk_full)
    task = import_district_files(window, [str(e1)], accept_keys=officer_keys())
    qtbot.waitUntil(lambda: not task.running and bool(prompts.errors), timeout=30000)
    (title, text), = prompts.errors
    assert title == "Import District Files"
    assert "database or disk is full" not in text, text
    assert "county.sqlite could not be written or read: the disk is full" in text, text
    assert "No file was merged: the county file is as it was." in text, text
    assert window.session.store.scalar("SELECT count(*) FROM _county_imports") == 0
