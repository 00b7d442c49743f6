"""Python's cyclic garbage collector runs on the GUI thread only, once background work has started (round 39).

Seen: a test froze for good (tests/foundation/test_history_reading_round32rv3.py). The History of Changes read its
lines on a worker thread; the worker's allocations set off Python's automatic collection there, which deleted a
QObject made on the GUI thread (its wrapper in a reference cycle, garbage since). Qt's destructor, holding Qt's
lock on connections, waited for the GIL; the GUI thread, holding the GIL, waited in a ``connect`` for that lock.
The window would freeze the same way. While work runs off the GUI thread, the automatic collector is off, and the
GUI thread collects by the same thresholds between its events (``ui.workers.collect_on_the_gui_thread``).
"""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from safer_desk.ui.workers import Task, collect_on_the_gui_thread, running_tasks


def _collections_by_thread():
    seen: list[str] = []

    def callback(phase, info):
        if phase == "start":
            seen.append(threading.current_thread().name)

    gc.callbacks.append(callback)
    return seen, callback


def test_work_off_the_gui_thread_never_sets_off_a_collection_there(qtbot):
    main = threading.current_thread().name
    seen, callback = _collections_by_thread()

    def work(progress, cancelled):
        kept = []
        for i in range(60_000):  # containers in cycles: enough to set off many automatic collections
            a, b = [i], [i]
            a.append(b)
            b.append(a)
            if i % 1000 == 0:
                kept.append(a)
        return len(kept)

    try:
        task = Task(work)
        with qtbot.waitSignal(task.signals.succeeded, timeout=30_000):
            task.start()
        qtbot.waitUntil(lambda: not running_tasks(), timeout=15_000)
    finally:
        gc.callbacks.remove(callback)
    assert seen == [name for name in seen if name == main], f"collections on other threads: {set(seen) - {main}}"


def test_garbage_is_still_collected_on_the_gui_thread(qtbot):
    collect_on_the_gui_thread()
    assert not gc.isenabled()

    class Holder(QObject):
        pass

    holder = Holder()
    holder.me = holder  # a cycle: only the cyclic collector frees it
    gone = weakref.ref(holder)
    del holder
    seen, callback = _collections_by_thread()
    try:
        for i in range(5_000):  # past the first generation's threshold
            a = [i]
            a.append(a)
        qtbot.waitUntil(lambda: gone() is None, timeout=15_000)
    finally:
        gc.callbacks.remove(callback)
    assert seen and set(seen) == {threading.current_thread().name}


def test_a_task_started_after_something_turned_the_collector_on_again_turns_it_off(qtbot):
    gc.enable()  # as a command, or load_projects, may leave it
    task = Task(lambda progress, cancelled: None)
    with qtbot.waitSignal(task.signals.finished, timeout=15_000):
        task.start()
        assert not gc.isenabled()
    qtbot.waitUntil(lambda: not running_tasks(), timeout=15_000)
