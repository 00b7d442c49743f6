"""An import the disk refuses in the window is said in words naming the office's file (session 69).

Import Police Data… on a full disk said only SQLite's own words, "database or disk is full / Nothing was changed.",
and Import Figures… of a large sheet "The figures could not be written (database or disk is full).": neither named
the file that could not be written nor what to do, where `safer-desk import-police` and a save in the window do.
Now both say "example.sqlite could not be written: the disk is full. The import was rolled back …", and the file is
as it was."""

from __future__ import annotations

import sqlite3

import pytest

from safer_desk.services import indicators as svc
from safer_desk.storage.store import Store
from safer_desk.ui.workers import running_tasks
from tests.indicators.test_import_figures_round32imw import _burglary, _csv
from tests.indicators.test_police_group_typed_s49 import december

SAID = ("example.sqlite could not be written: the disk is full. The import was rolled back: nothing was changed, and "
        "the file is as it was before it. Free some space on the disk, then import again.")


def _full() -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("database or disk is full")  # as SQLite says a write the disk refused
    error.sqlite_errorname = "SQLITE_FULL"
    return error


def _values(store) -> list[tuple]:
    return store.conn.execute("SELECT * FROM indicator_values ORDER BY 1, 2, 3").fetchall()


def test_police_data_on_a_full_disk_is_said_naming_the_file(demo_window, qtbot, prompts, monkeypatch, tmp_path):
    from safer_desk.ui.indicators.menu import start_import

    store = demo_window.session.store
    before = _values(store)
    counted = Store.execute_counted

    def full(self, table, *args, **kwargs):
        if table == "indicator_values":
            raise _full()
        return counted(self, table, *args, **kwargs)

    monkeypatch.setattr(Store, "execute_counted", full)
    task = start_import(demo_window, [str(december(tmp_path))])
    with qtbot.waitSignal(task.signals.failed, timeout=20000):
        pass
    qtbot.waitUntil(lambda: not running_tasks(), timeout=15000)
    # the folder the file is in said since session 75 (which disk is full: test_police_disk_full_where_s75)
    said = SAID.replace("written:", f"written to {store.path.parent}:")
    assert prompts.errors == [("Police data not imported", said)]
    assert _values(store) == before


@pytest.fixture
def large_from_one(monkeypatch):
    import safer_desk.ui.indicators.dialogs as dialogs

    monkeypatch.setattr(dialogs, "BACKGROUND_FROM", 1)  # written on a worker thread, as a large sheet is


def test_a_large_sheet_on_a_full_disk_is_said_naming_the_file(demo_window, qtbot, prompts, monkeypatch, tmp_path,
                                                              large_from_one):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    store = demo_window.session.store
    before, was = _values(store), _burglary(store, "2025-01")
    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    assert dialog.load(_csv(tmp_path))
    dialog.open()
    real = svc.save_values

    def full(*args, **kwargs):
        real(*args, **kwargs)  # part written, then the disk refuses: the transaction is rolled back
        raise _full()

    monkeypatch.setattr(svc, "save_values", full)
    assert dialog.apply()
    with qtbot.waitSignal(dialog.task.signals.failed, timeout=15000):
        pass
    qtbot.waitUntil(lambda: not running_tasks(), timeout=15000)
    assert prompts.errors == [("Figures not imported", SAID)]
    assert _values(store) == before and _burglary(store, "2025-01") == was
    assert dialog.isVisible() and dialog.import_button.isEnabled()  # import again once there is room
    assert demo_window.session.undo_stack.count() == 0


def test_a_refusal_that_is_not_the_disk_keeps_its_own_words():
    from safer_desk.presenters.indicators import import_failed_text

    assert import_failed_text(ValueError("Line 3: no such area"), "example.sqlite") == \
        "Line 3: no such area\n\nNothing was changed."
    assert import_failed_text(KeyError("x"), "example.sqlite", otherwise="The figures could not be written.") == \
        "The figures could not be written.\n\nNothing was changed."
