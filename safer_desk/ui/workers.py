"""Long work off the GUI thread: a QRunnable on the thread pool, progress and Cancel on the GUI thread.

The signals object is created on (and owned by) the GUI thread, so it outlives
the worker; the work function gets ``progress`` and ``cancelled`` callables and
must open its own database connection (one connection per thread).
"""

from __future__ import annotations

import gc
import threading
import traceback
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import SIGNAL, SLOT, QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QDialog, QProgressDialog, QPushButton, QWidget

from safer_desk.services.progress import Cancelled

WorkFn = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]

_RUNNING: set["Task"] = set()  # started and not yet finished, so the window can ask before it closes


class _GuiThreadCollector(QObject):
    """Python's cyclic garbage collector, run on the GUI thread by the thresholds it would use itself (see
    ``collect_on_the_gui_thread``). Checked every ``INTERVAL_MS`` while the event loop runs, and by ``collect_due``."""

    INTERVAL_MS = 250

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(self.INTERVAL_MS)

    def collect_due(self) -> None:
        """Collect the oldest generation whose count is past its threshold, as Python's automatic collection does."""
        counts, limits = gc.get_count(), self.thresholds
        if limits[0] <= 0 or counts[0] <= limits[0]:
            return
        generation = 0
        while generation < 2 and counts[generation + 1] > limits[generation + 1]:
            generation += 1
        gc.collect(generation)


_COLLECTOR: _GuiThreadCollector | None = None


def collect_on_the_gui_thread() -> _GuiThreadCollector | None:
    """Turn Python's automatic collection off, and collect on the GUI thread instead (call it there; the work of a
    Task and the start-up's first screen do). An automatic collection runs on whichever thread is allocating when a
    threshold is passed: on a worker thread it could delete a QObject made on the GUI thread (its wrapper garbage in
    a reference cycle), and Qt's destructor, holding Qt's lock on connections, waited for the GIL while the GUI
    thread, holding the GIL, waited for that lock in a ``connect``: the window froze for good. Idempotent; None
    when there is no Qt application to run the collector."""
    global _COLLECTOR
    app = QCoreApplication.instance()
    if app is None:
        return None
    gc.disable()  # again, each time: something may have turned it back on (load_projects' pause ends as it began)
    if _COLLECTOR is None or not shiboken6.isValid(_COLLECTOR):
        _COLLECTOR = _GuiThreadCollector(app)
    return _COLLECTOR


def running_tasks() -> list["Task"]:
    """The tasks still running (the window cancels them, and waits, before it closes); a task deleted with its parent
    while its work ran on is not one (its work is asked to stop, ``_Runnable._emit``)."""
    _RUNNING.difference_update([task for task in _RUNNING if not shiboken6.isValid(task)])
    return [task for task in _RUNNING if task.running]


class TaskSignals(QObject):
    progress = Signal(object, object, str)  # done, total as Python ints (never 32-bit Qt ints)
    succeeded = Signal(object)
    failed = Signal(object, str)  # the exception, its traceback text
    cancelled = Signal()
    finished = Signal()
    # after finished has reached every slot: the task is deleted then. Deleted by its own slot on finished, the
    # first, it could go while the worker thread still emitted finished (PySide lets the GUI thread run meanwhile),
    # and a slot connected to finished later was never called.
    released = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: WorkFn, signals: TaskSignals, cancel_event: threading.Event):
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._signals, self._cancel = fn, signals, cancel_event

    def _emit(self, name: str, *args: Any) -> None:
        """Say it on the task's signals, unless they went with the task (its parent, a window or a dialog, deleted
        while the work ran on): then nobody hears, and the work is asked to stop."""
        try:
            getattr(self._signals, name).emit(*args)
        except RuntimeError:
            if shiboken6.isValid(self._signals):
                raise
            self._cancel.set()

    def run(self) -> None:
        emit = self._emit
        try:
            result = self._fn(lambda done, total, message="": emit("progress", done, total, message),
                              self._cancel.is_set)
        except Cancelled:
            emit("cancelled")
        except BaseException as exc:  # reported on the GUI thread; nothing may escape a worker
            emit("failed", exc, traceback.format_exc())
        else:
            emit("succeeded", result)
        finally:
            emit("finished")
            emit("released")


class _ProgressWindow(QProgressDialog):
    """The progress window. Cancel, Esc or closing it asks the work to stop (``canceled``), and it stays until the
    work has stopped: Qt's own Cancel hid it at once, and the window was free (the same import or merge started
    again, another file opened) while the cancelled work still rolled back or finished its copy."""

    def __init__(self, title: str, window: QWidget):
        super().__init__(title, "Cancel", 0, 0, window)
        QObject.disconnect(self, SIGNAL("canceled()"), self, SLOT("cancel()"))  # Qt's cancel() hides the window
        self.work_done = False

    def reject(self) -> None:  # Esc
        if self.work_done:
            super().reject()
        else:
            self.canceled.emit()

    def closeEvent(self, event) -> None:
        if self.work_done:
            QDialog.closeEvent(self, event)  # not QProgressDialog's, which says canceled
        else:
            event.ignore()
            self.canceled.emit()


class Task(QObject):
    """A piece of background work with an optional progress window (shown only if it lasts)."""

    def __init__(self, fn: WorkFn, *, parent: QObject | None = None, title: str = "", window: QWidget | None = None,
                 show_after_ms: int = 400):
        super().__init__(parent)
        self.signals = TaskSignals(self)
        self._cancel = threading.Event()
        self._fn = fn
        self.title = title
        self._dialog: QProgressDialog | None = None
        self.running = False
        # Its result, failure or cancellation has reached the GUI thread (connected first, so before the caller's
        # slots): the work is over though its thread has yet to say "finished", and Edit > Undo no longer waits.
        self.ended = False
        for outcome in (self.signals.succeeded, self.signals.failed, self.signals.cancelled):
            outcome.connect(self._ended)
        if window is not None:
            dialog = _ProgressWindow(title, window)
            dialog.setWindowTitle(title or "Working")
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setMinimumDuration(show_after_ms)
            dialog.canceled.connect(self.cancel)
            dialog.setValue(0)
            self._dialog = dialog
            self.signals.progress.connect(self._show_progress)
        self.signals.finished.connect(self._finish)
        # Deleted once control is back in the event loop; a pending deletion goes with the task if its parent is
        # deleted first (a timer calling deleteLater then raised "Internal C++ object (Task) already deleted").
        self.signals.released.connect(self.deleteLater)

    def start(self) -> "Task":
        collect_on_the_gui_thread()  # never a collection on the worker's thread (see there)
        self.running = True
        _RUNNING.add(self)
        QThreadPool.globalInstance().start(_Runnable(self._fn, self.signals, self._cancel))
        return self

    def cancel(self) -> None:
        """Ask the work to stop; its progress window says so and stays until it has stopped."""
        self._cancel.set()
        dialog = self._dialog
        if dialog is not None and self.running:
            dialog.setLabelText("Stopping…")
            button = dialog.findChild(QPushButton)
            if button is not None:
                button.setEnabled(False)

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def shows_progress(self) -> bool:
        """Work the person started, with a progress window (an import, a merge, an export), not a tab's reading."""
        return self._dialog is not None

    def _show_progress(self, done: int, total: int, message: str) -> None:
        dialog = self._dialog
        if dialog is None:
            return
        if message and not self.is_cancelled:  # "Stopping…" stays
            dialog.setLabelText(message)
        # QProgressDialog takes 32-bit ints: report a percentage, never a raw count. Last: a window-modal
        # progress dialog's setValue processes events, and the task may finish (and drop the dialog) in there.
        if total:
            dialog.setMaximum(100)
            dialog.setValue(min(100, int(done * 100 // max(total, 1))))

    def _ended(self, *_: object) -> None:
        self.ended = True

    def _finish(self) -> None:
        self.running = False
        self.ended = True
        _RUNNING.discard(self)
        if not shiboken6.isValid(self):  # deleted with its parent (a window closed) while its thread ran on
            return
        if self._dialog is not None:
            self._dialog.work_done = True
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None


def run_task(fn: WorkFn, *, on_success: Callable[[Any], None] | None = None,
             on_failure: Callable[[BaseException, str], None] | None = None,
             on_cancel: Callable[[], None] | None = None, window: QWidget | None = None,
             title: str = "", parent: QObject | None = None) -> Task:
    task = Task(fn, parent=parent or window, title=title, window=window)
    if on_success:
        task.signals.succeeded.connect(on_success)
    if on_failure:
        task.signals.failed.connect(on_failure)
    if on_cancel:
        task.signals.cancelled.connect(on_cancel)
    return task.start()
