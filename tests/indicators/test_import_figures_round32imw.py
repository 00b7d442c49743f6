"""Import Figures… never holds the window (session 32, DESIGN §5 "no click freezes the window").

The sheet was read and checked on the GUI thread: a 20,000-row workbook held the window 2.5 s before the preview
appeared, and writing it another 1.2 s. Now both run on the thread pool (ui.workers.run_task) with the kit's
progress window and Cancel; these tests hold the worker at a gate and show the window's event loop runs meanwhile.
"""

from __future__ import annotations

import shutil
import threading

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

import safer_desk.services.indicators_import as importing
from safer_desk.services import indicators as svc
from safer_desk.storage.locking import lock_path
from safer_desk.ui.workers import running_tasks

# A good row, one replacing a police.uk count, one the grid would query (a month not begun), one refused.
SHEET = ("indicator,area,period,value\n"
         "Burglary,Babergh,2025-01,99\n"
         "Burglary,Babergh,2025-02,21\n"
         "All crime,Plymouth,2016-10,1571\n"
         "Burglary,Babergh,2099-04,3\n"
         "Burglery,Babergh,2025-03,4\n")


def _csv(tmp_path, text: str = SHEET, name: str = "figures.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


class Gate:
    """Holds the worker inside ``name`` of services.indicators_import until ``open`` (at most 10 s), and notes
    whether the window's event loop had run meanwhile (a timer it started fired) before the work went on."""

    def __init__(self, monkeypatch, name: str):
        self.event = threading.Event()
        self.opened_in_time: list[bool] = []
        self.entered = threading.Event()
        real = getattr(importing, name)

        def held(*args, **kwargs):
            self.entered.set()
            self.opened_in_time.append(self.event.wait(10))
            return real(*args, **kwargs)

        monkeypatch.setattr(importing, name, held)

    def open(self) -> None:
        self.event.set()

    def open_from_the_event_loop(self) -> None:
        """A timer of the GUI thread opens the gate: it fires only if the event loop runs while the work waits."""
        QTimer.singleShot(0, self.event.set)


def _progress_windows():
    return [w for w in QApplication.topLevelWidgets() + [c for t in QApplication.topLevelWidgets()
                                                         for c in t.findChildren(QProgressDialog)]
            if isinstance(w, QProgressDialog) and w.isVisible()]


def _rows_and_summary(dialog):
    return [dict(r) for r in dialog.model.rows], dialog.summary.text(), dialog.import_button.isEnabled()


def test_the_window_runs_while_the_preview_is_read_and_the_preview_is_as_before(demo_window, qtbot, prompts,
                                                                                 monkeypatch, tmp_path):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    path = _csv(tmp_path)
    tab = demo_window.show_tab("indicators")
    read_here = ImportFiguresDialog(demo_window.session, tab)  # read on this thread, as load() reads it
    assert read_here.load(path)
    expected = _rows_and_summary(read_here)
    read_here.close()
    gate = Gate(monkeypatch, "preview_values")
    gate.open_from_the_event_loop()
    tab.import_figures_from(path)
    dialog = tab._import_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=15000)
    assert gate.opened_in_time == [True]  # the timer fired while the file was being read: the window ran
    assert _rows_and_summary(dialog) == expected
    statuses = {r["line"]: r["status"] for r in dialog.model.rows}
    assert statuses == {2: "OK", 3: "Unchanged", 4: "OK", 5: "Check", 6: "Refused"}
    assert dialog.windowTitle() == "Import Figures from figures.csv" and prompts.errors == []
    dialog.reject()


def test_a_small_file_shows_no_progress_window(demo_window, qtbot, prompts, tmp_path):
    shown = []

    class Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Show and isinstance(obj, QProgressDialog):
                shown.append(obj)
            return False

    watch = Watch()
    QApplication.instance().installEventFilter(watch)
    try:
        tab = demo_window.show_tab("indicators")
        task = tab.import_figures_from(_csv(tmp_path))
        qtbot.waitUntil(tab._import_dialog.isVisible, timeout=15000)
        qtbot.waitUntil(lambda: not task.running, timeout=5000)
    finally:
        QApplication.instance().removeEventFilter(watch)
    assert shown == []  # no flash: the kit shows it only after 400 ms of work
    tab._import_dialog.reject()


def test_cancel_in_the_progress_window_stops_the_reading_and_opens_nothing(demo_window, qtbot, prompts, monkeypatch,
                                                                           tmp_path):
    store = demo_window.session.store
    before = store.conn.execute("PRAGMA data_version").fetchone()[0], store.conn.total_changes
    gate = Gate(monkeypatch, "preview_values")
    tab = demo_window.show_tab("indicators")
    task = tab.import_figures_from(_csv(tmp_path))
    qtbot.waitUntil(lambda: bool(_progress_windows()), timeout=15000)  # the reading lasts: its window shows
    progress = _progress_windows()[0]
    assert "Reading figures.csv" in progress.windowTitle()
    with qtbot.waitSignal(task.signals.cancelled, timeout=15000):
        qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
        assert progress.labelText() == "Stopping…"
        gate.open()
    qtbot.waitUntil(lambda: not running_tasks() and not _progress_windows(), timeout=15000)
    assert not tab._import_dialog.isVisible() and prompts.errors == [] and prompts.infos == []
    assert (store.conn.execute("PRAGMA data_version").fetchone()[0], store.conn.total_changes) == before


def test_a_bad_file_is_said_as_before_and_opens_nothing(demo_window, qtbot, prompts, tmp_path):
    path = _csv(tmp_path, "Indicator,Area,Period,Value,Comment,Value\nAll crime,Plymouth,2016-04,1400,,1500\n")
    tab = demo_window.show_tab("indicators")
    task = tab.import_figures_from(path)
    # (Not waitSignal: a tiny file's worker may finish before a connection made now would hear it.)
    qtbot.waitUntil(lambda: not task.running, timeout=15000)
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=5000)
    assert prompts.errors == [("Figures not imported", "figures.csv has two columns headed value (D and F): keep one "
                                                       "(delete or rename the other) and import again.")]
    assert not tab._import_dialog.isVisible()


def test_another_file_opened_while_the_preview_is_read_is_safe(demo_window, demo_path, qtbot, prompts, monkeypatch,
                                                               tmp_path):
    other = tmp_path / "other.sqlite"
    shutil.copyfile(demo_path, other)
    gate = Gate(monkeypatch, "preview_values")
    tab = demo_window.show_tab("indicators")
    task = tab.import_figures_from(_csv(tmp_path))
    # Not `finished`: the task's own slot on it (connected first) deletes the task, and a test's slot connected
    # later was lost when that deletion came (qWait deletes at once) while the worker was still emitting it.
    ended = []
    for outcome in ("succeeded", "failed", "cancelled"):
        getattr(task.signals, outcome).connect(lambda *_, said=outcome: ended.append(said))
    qtbot.waitUntil(gate.entered.is_set, timeout=15000)
    assert demo_window.open_path(other)  # before the progress window holds the window
    assert not lock_path(demo_path).exists()
    gate.open()
    qtbot.waitUntil(lambda: bool(ended) and not running_tasks(), timeout=15000)
    assert ended == ["succeeded"]  # read to its end, and dropped: the file it was read for is no longer open
    assert prompts.errors == [] and not any(w.isVisible() and w.windowTitle().startswith("Import Figures")
                                            for w in QApplication.topLevelWidgets())
    assert demo_window.session.store.path == other


def test_closing_the_window_while_the_preview_is_read_stops_it(demo_window, demo_path, qtbot, prompts, monkeypatch,
                                                               tmp_path):
    gate = Gate(monkeypatch, "preview_values")
    tab = demo_window.show_tab("indicators")
    tab.import_figures_from(_csv(tmp_path))
    qtbot.waitUntil(gate.entered.is_set, timeout=15000)
    import safer_desk.ui.prompts as module

    def ask(parent, title, text, **kwargs):
        prompts.questions.append((title, text))
        gate.open()  # the worker goes on, and meets the Cancel the answer gives
        return True

    monkeypatch.setattr(module, "ask", ask)
    demo_window.close()
    assert not demo_window.isVisible()
    assert prompts.questions[-1][0] == "Still working" and "Reading figures.csv is still running" in \
        prompts.questions[-1][1]
    assert not running_tasks() and prompts.errors == []
    assert not lock_path(demo_path).exists()


@pytest.fixture
def large_from_one(monkeypatch):
    """Every import counts as large: written on a worker thread."""
    import safer_desk.ui.indicators.dialogs as dialogs

    monkeypatch.setattr(dialogs, "BACKGROUND_FROM", 1)


def _burglary(store, period: str):
    row = svc.value_rows(store, "indicator:burglary", "district:babergh", [period]).get(period)
    return None if row is None else row["value"]


def test_a_large_import_is_written_off_the_window_as_one_undoable_step(demo_window, qtbot, prompts, monkeypatch,
                                                                       tmp_path, large_from_one):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    store = demo_window.session.store
    was = _burglary(store, "2025-01")
    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    assert dialog.load(_csv(tmp_path))
    dialog.open()
    gate = Gate(monkeypatch, "apply_values")
    gate.open_from_the_event_loop()
    assert dialog.apply()  # started
    assert not dialog.buttons.isEnabled()
    with qtbot.waitSignal(dialog.finished, timeout=15000):
        pass
    assert gate.opened_in_time == [True]  # the window ran while the figures were written
    assert _burglary(store, "2025-01") == 99 and _burglary(store, "2099-04") == 3
    stack = demo_window.session.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Import figures from figures.csv"
    stack.undo()
    assert _burglary(store, "2025-01") == was and _burglary(store, "2099-04") is None
    stack.redo()
    assert _burglary(store, "2025-01") == 99 and prompts.errors == []


def test_cancel_while_a_large_import_is_written_changes_nothing(demo_window, qtbot, prompts, monkeypatch, tmp_path,
                                                                large_from_one):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    store = demo_window.session.store
    count = store.scalar("SELECT count(*) FROM indicator_values")
    was = _burglary(store, "2025-01")
    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    assert dialog.load(_csv(tmp_path))
    dialog.open()
    gate = Gate(monkeypatch, "apply_values")
    assert dialog.apply()
    task = dialog.task
    qtbot.waitUntil(gate.entered.is_set, timeout=15000)
    with qtbot.waitSignal(task.signals.cancelled, timeout=15000):
        dialog.reject()  # Esc: the import is asked to stop, and the dialog stays
        assert dialog.isVisible()
        gate.open()
    qtbot.waitUntil(lambda: not running_tasks(), timeout=15000)
    assert store.scalar("SELECT count(*) FROM indicator_values") == count and _burglary(store, "2025-01") == was
    assert not store.conn.in_transaction and demo_window.session.undo_stack.count() == 0
    assert dialog.isVisible() and dialog.import_button.isEnabled()
    assert dialog.summary.text().startswith("The import was cancelled; nothing was changed.")
    with qtbot.waitSignal(dialog.finished, timeout=15000):  # and imported when asked again (the gate is open)
        assert dialog.apply()
    assert _burglary(store, "2025-01") == 99
