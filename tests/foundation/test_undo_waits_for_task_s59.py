"""Session 59: Edit > Undo pressed just after Import Police Data (or a merge) started went through.

The progress window holds the main window only once it shows, 400 ms in: an undo in that gap took back the step
before the import while the import was writing, and the import's end then cleared Edit > Undo and Redo, so the
undone step could not be redone. While such work runs, Undo and Redo now wait, and the status bar says why.
"""

from __future__ import annotations

import threading

from safer_desk.ui.workers import run_task
from tests.foundation.test_main_window import recording_command


def test_undo_and_redo_wait_for_work_with_a_progress_window(window, store, qtbot):
    window.set_store(store)
    done: list[str] = []
    window.session.undo_stack.push(recording_command("Change thing", done))
    release = threading.Event()
    task = run_task(lambda progress, cancelled: release.wait(10), window=window, title="Importing police data…")
    try:
        window.undo_action.trigger()
        assert done == ["do"]  # not undone under the import
        said = window.statusBar().currentMessage()
        assert "Importing police data" in said and "Undo" in said, said
        assert window.session.undo_stack.canUndo()
    finally:
        with qtbot.waitSignal(task.signals.finished, timeout=10000):
            release.set()
    window.undo_action.trigger()  # the work done, Undo goes on as before
    assert done == ["do", "undo"]
    window.redo_action.trigger()
    assert done == ["do", "undo", "do"]


def test_background_reads_without_a_progress_window_do_not_hold_undo(window, store, qtbot):
    window.set_store(store)
    done: list[str] = []
    window.session.undo_stack.push(recording_command("Change thing", done))
    release = threading.Event()
    task = run_task(lambda progress, cancelled: release.wait(10), parent=window)  # a tab reading its rows
    try:
        window.undo_action.trigger()
        assert done == ["do", "undo"]
    finally:
        with qtbot.waitSignal(task.signals.finished, timeout=10000):
            release.set()
