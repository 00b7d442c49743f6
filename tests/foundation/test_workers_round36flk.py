"""Background work, round 36 (helper flk).

A slot connected to a task's ``finished`` after the task's own (the window's "done" step, a test's waitSignal) could
be lost: the task's own slot, first on ``finished``, asked Qt to delete the task, and PySide lets the GUI thread run
while the worker thread is still emitting ``finished``, so the deletion could land before ``finished`` reached the
later slots, whose connections went with the deleted signals object. The task is now deleted on ``released``,
emitted after ``finished`` has reached every slot.
"""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from safer_desk.ui.workers import Task, running_tasks


class _GuiRound(QObject):
    """Sets ``done`` once the GUI thread has gone round its queue twice after ``start`` (from any thread)."""

    start = Signal()
    again = Signal()

    def __init__(self):
        super().__init__()
        self.done = threading.Event()
        self.start.connect(self.again.emit, Qt.ConnectionType.QueuedConnection)
        self.again.connect(self.done.set, Qt.ConnectionType.QueuedConnection)


def test_a_slot_connected_to_finished_after_the_tasks_own_is_called_even_when_the_gui_runs_meanwhile(qtbot):
    task = Task(lambda progress, cancelled: None)
    signals = task.signals
    gone = threading.Event()
    signals.destroyed.connect(lambda *_: gone.set())
    gui_round = _GuiRound()

    def worker_paused():  # on the worker thread, inside the emission of finished, after the task's own slot
        gui_round.start.emit()
        assert gui_round.done.wait(15), "the GUI thread did not go round"

    heard = []
    signals.finished.connect(worker_paused, Qt.ConnectionType.DirectConnection)
    signals.finished.connect(lambda: heard.append("finished"))
    task.start()
    qtbot.waitUntil(lambda: gone.is_set() and not running_tasks(), timeout=15000)
    assert heard == ["finished"]
    assert not shiboken6.isValid(task)  # still deleted, once done with
