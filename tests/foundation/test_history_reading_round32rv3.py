"""View > History of Changes read on a worker thread, tried as a person would use the window meanwhile (round 32,
helper rv3: a second look at the round's background read).

1. A filter typed while the lines were still being read put "0 actions" where "Reading the history of changes…"
   was: the window said the file had no history until the lines arrived.
2. Export… pressed while reading saved what the table held then: an empty file on opening ("Saved 0 actions"),
   or the lines from before the change being read.
3. A read still running when the window was closed (Close, Esc, another file opened) said its failure in an error
   box about a window no longer there, and kept a core busy for nothing; a read overtaken by another (two quick
   changes) ran on to its end. Both are now stopped and their lines dropped.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from safer_desk.presenters.history import HistoryPresenter
from safer_desk.ui import history as history_ui
from safer_desk.ui.workers import running_tasks
from tests.foundation.test_window_history import click_row


def _open_history(window, qtbot, monkeypatch):
    monkeypatch.setattr(history_ui, "BACKGROUND_FROM", 1)  # the example's trail stands in for 100,000 entries
    window.history_action.trigger()
    dialog = window._history_dialog
    qtbot.addWidget(dialog)
    assert dialog.loading
    return dialog


def _read_done(qtbot) -> None:
    qtbot.waitUntil(lambda: not running_tasks(), timeout=30_000)


def test_a_filter_typed_while_reading_says_the_lines_are_still_being_read(demo_window, qtbot, monkeypatch):
    dialog = _open_history(demo_window, qtbot, monkeypatch)
    qtbot.keyClicks(dialog.search, "homeshield")
    dialog.area_combo.setCurrentText("Projects")
    assert dialog.loading and dialog.count_label.text() == "Reading the history of changes…"
    _read_done(qtbot)
    assert not dialog.loading and dialog.count_label.text().startswith("1 of ")
    dialog.close()


def test_export_while_reading_saves_nothing_and_says_why(demo_window, qtbot, monkeypatch, prompts, tmp_path):
    dialog = _open_history(demo_window, qtbot, monkeypatch)
    assert not dialog.export_button.isEnabled()
    prompts.file_names.append(str(tmp_path / "history.csv"))
    dialog.export()  # the table's own Export… (its menu) while the lines are read
    assert not (tmp_path / "history.csv").exists() and prompts.file_names  # no file name asked for
    assert "still being read" in prompts.infos[-1][1] and "nothing was saved" in prompts.infos[-1][1]
    _read_done(qtbot)
    assert dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "history.csv").exists()
    dialog.close()


def test_a_read_failing_after_the_window_closed_says_nothing(demo_window, qtbot, monkeypatch, prompts):
    def fails(self, store):
        raise sqlite3.DatabaseError("disk I/O error")

    monkeypatch.setattr(HistoryPresenter, "read", fails)
    dialog = _open_history(demo_window, qtbot, monkeypatch)
    dialog.close()
    _read_done(qtbot)
    assert not prompts.errors  # the window is gone: no error box about it
    assert not dialog.loading


def test_a_read_failing_while_shown_is_said(demo_window, qtbot, monkeypatch, prompts):
    def fails(self, store):
        raise sqlite3.DatabaseError("disk I/O error")

    monkeypatch.setattr(HistoryPresenter, "read", fails)
    dialog = _open_history(demo_window, qtbot, monkeypatch)
    _read_done(qtbot)
    assert prompts.errors and dialog.count_label.text() == "The history of changes could not be read."
    dialog.close()


def test_another_file_opened_while_reading_drops_the_read_and_leaves_the_file_free(demo_window, demo_path, qtbot,
                                                                                 monkeypatch, prompts, tmp_path):
    dialog = _open_history(demo_window, qtbot, monkeypatch)
    assert demo_window.open_path(tmp_path / "other.sqlite", create=True)  # File > Open while the lines are read
    assert not dialog.isVisible()
    _read_done(qtbot)
    assert not prompts.errors and dialog.model.rowCount() == 0  # the old file's lines went nowhere
    # The worker's connection is closed: the file opens again for writing (no lock left on it)
    assert demo_window.open_path(demo_path) and not demo_window.session.read_only
    demo_window.history_action.trigger()
    again = demo_window._history_dialog
    qtbot.addWidget(again)
    _read_done(qtbot)
    assert again.presenter.lines and not again.loading
    again.close()


def test_two_quick_changes_show_the_last_read_only(demo_window, qtbot, monkeypatch):
    dialog = _open_history(demo_window, qtbot, monkeypatch)
    _read_done(qtbot)
    store = demo_window.session.store
    for owner in ("ESCC Safer Communities", "ESCC Community Safety"):
        with store.action(f"Set owner {owner}"):
            store.conn.execute("UPDATE budget_plans SET owner = ? WHERE name LIKE 'East Sussex%'", (owner,))
        demo_window.session.notify("budgets")
        qtbot.waitUntil(lambda: dialog.loading, timeout=5_000)  # each change starts a read
    assert len(running_tasks()) <= 2
    _read_done(qtbot)
    assert not dialog.loading and dialog.presenter.lines[0].action == "Set owner ESCC Community Safety"
    newest = dialog.model.row(dialog.proxy.mapToSource(dialog.proxy.index(0, 0)).row())
    assert newest.action == "Set owner ESCC Community Safety"
    dialog.close()


def test_a_line_chosen_while_reading_stays_chosen_when_the_lines_arrive(demo_window, qtbot, monkeypatch):
    """The lines arriving chose the line chosen when the read began: a line clicked meanwhile was unchosen."""
    dialog = _open_history(demo_window, qtbot, monkeypatch)
    _read_done(qtbot)
    store = demo_window.session.store
    with store.action("Set owner ESCC Safer Communities"):
        store.conn.execute("UPDATE budget_plans SET owner = 'ESCC' WHERE name LIKE 'East Sussex%'")
    demo_window.session.notify("budgets")
    qtbot.waitUntil(lambda: dialog.loading, timeout=5_000)
    click_row(dialog, qtbot, 3)  # the window answers while the file is read again
    clicked = dialog.selected_line()
    assert clicked is not None
    _read_done(qtbot)
    chosen = dialog.selected_line()
    assert chosen is not None and (chosen.action, chosen.at) == (clicked.action, clicked.at)
    assert clicked.action in dialog.detail.toPlainText()
    dialog.close()
