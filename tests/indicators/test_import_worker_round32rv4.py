"""Round 32 (rv4): a second look at Import Figures… written on a worker thread (ea2a9ee): its History of Changes
line reads as the same import made on the window's thread, undo and redo are named as that one step, and the
window closed while it is written leaves nothing half done and no error."""

from __future__ import annotations

from safer_desk.services import history
from safer_desk.storage.locking import lock_path
from safer_desk.ui.workers import running_tasks
from tests.indicators import test_import_figures_round32imw as imw
from tests.indicators.test_import_figures_round32imw import SHEET, Gate, _burglary, _csv

large_from_one = imw.large_from_one  # every import written on a worker thread


def _import(window, qtbot, path):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    dialog = ImportFiguresDialog(window.session, window.show_tab("indicators"))
    assert dialog.load(path)
    dialog.open()
    with qtbot.waitSignal(dialog.finished, timeout=15000):
        assert dialog.apply()
    qtbot.waitUntil(lambda: not running_tasks(), timeout=15000)


def _lines(store, n):
    return [(a.label, len(a.entries), {e.table_name for e in a.entries}) for a in history.actions(store, limit=n)]


def test_the_history_of_a_large_import_reads_as_the_import_undone_and_redone(demo_window, qtbot, prompts, tmp_path,
                                                                              monkeypatch):
    import safer_desk.ui.indicators.dialogs as dialogs

    monkeypatch.setattr(dialogs, "BACKGROUND_FROM", 1)  # written on a worker thread
    store = demo_window.session.store
    _import(demo_window, qtbot, _csv(tmp_path))
    background = _lines(store, 1)
    assert background[0][0] == "Import figures from figures.csv" and background[0][1] > 0
    stack = demo_window.session.undo_stack
    stack.undo()
    stack.redo()
    assert [label for label, _, _ in _lines(store, 3)] == [
        "Redo import figures from figures.csv", "Undo import figures from figures.csv",
        "Import figures from figures.csv"]
    stack.undo()
    # The same file imported on the window's thread: the same History line.
    monkeypatch.undo()
    _import(demo_window, qtbot, _csv(tmp_path))
    assert _lines(store, 1) == background
    assert prompts.errors == []


def test_the_window_closed_while_a_large_import_is_written_changes_nothing(demo_window, demo_path, qtbot, prompts,
                                                                           monkeypatch, tmp_path, large_from_one):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog
    import safer_desk.ui.prompts as module

    store = demo_window.session.store
    count = store.scalar("SELECT count(*) FROM indicator_values")
    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    assert dialog.load(_csv(tmp_path, SHEET))
    dialog.open()
    gate = Gate(monkeypatch, "apply_values")
    assert dialog.apply()
    qtbot.waitUntil(gate.entered.is_set, timeout=15000)

    def ask(parent, title, text, **kwargs):
        prompts.questions.append((title, text))
        gate.open()
        return True

    monkeypatch.setattr(module, "ask", ask)
    demo_window.close()
    qtbot.waitUntil(lambda: not running_tasks(), timeout=15000)
    assert not demo_window.isVisible() and prompts.errors == []
    assert prompts.questions[-1][0] == "Still working", prompts.questions
    assert not lock_path(demo_path).exists()
    from safer_desk.storage.store import open_store

    again = open_store(demo_path, read_only=True)
    try:
        assert again.scalar("SELECT count(*) FROM indicator_values") == count
        assert _burglary(again, "2099-04") is None
    finally:
        again.close()
