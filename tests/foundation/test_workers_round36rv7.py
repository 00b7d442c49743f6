"""Background work, round 36 (rv7): a task whose window is deleted while its work runs on (a window closed, another
file opened) leaves nothing behind: no error ("Signal source has been deleted") escapes the worker thread, the work
is asked to stop, and running_tasks() forgets it (it listed the deleted task for ever)."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject, QThreadPool

from safer_desk.ui.workers import run_task, running_tasks


def test_a_task_whose_parent_is_deleted_mid_work_is_not_left_running(qtbot):
    parent = QObject()
    go_on, escaped, stopped = threading.Event(), [], []
    old_hook = threading.excepthook
    threading.excepthook = lambda args: escaped.append(args.exc_value)

    def work(progress, cancelled):
        assert go_on.wait(15)
        progress(1, 2, "half way")  # the window (and the task with it) is gone by now
        stopped.append(cancelled())  # nobody hears it any more: asked to stop
        return "done"

    try:
        task = run_task(work, parent=parent)
        assert task in running_tasks()
        shiboken6.delete(parent)  # the window deleted, its children with it
        go_on.set()
        assert QThreadPool.globalInstance().waitForDone(15000)
        qtbot.waitUntil(lambda: not running_tasks(), timeout=5000)
    finally:
        threading.excepthook = old_hook
    assert escaped == [] and stopped == [True]
