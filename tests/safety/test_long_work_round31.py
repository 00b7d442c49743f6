"""Round 31: long work off the window's thread, its progress window and Cancel.

The worker is held at a known point with a threading.Event that the test (on the GUI thread) releases, so nothing
here sleeps or depends on timing.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from tests.conftest import shared_data


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


class Gate:
    """Holds the worker at a point until the GUI thread opens the gate (or the test times out)."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.open = threading.Event()

    def wait_here(self) -> None:
        self.reached.set()
        if not self.open.wait(20):
            raise TimeoutError("the test never opened the gate")


@pytest.fixture
def saving_gate(monkeypatch):
    """The police.uk import stops once every file is counted, as it writes the counts (no Cancel check there)."""
    from safer_desk.services import police_import

    gate = Gate()
    original = police_import._Writer.finish

    def held(self, *args, **kwargs):
        gate.wait_here()
        return original(self, *args, **kwargs)

    monkeypatch.setattr(police_import._Writer, "finish", held)
    yield gate
    gate.open.set()  # never leave a worker waiting after a failed test


def _stop(dialog, qtbot, how: str) -> None:
    if how == "button":
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    elif how == "escape":
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    else:
        dialog.close()  # the progress window's own close button


@pytest.mark.parametrize("how", ["button", "escape", "close"])
def test_a_cancelled_import_keeps_its_progress_window_until_it_has_stopped(demo_window, demo_path, qtbot, prompts,
                                                                          saving_gate, how):
    """Cancel pressed while the counts are written: the import rolls back, which takes a moment on a decade's
    counts. The progress window hid at once, and the window was free meanwhile (Import Police Data again, Open
    another file) while the import still held the file; now it stays, says it is stopping, and is not cancelled
    twice."""
    from safer_desk.ui.indicators.menu import start_import

    window = demo_window
    before = dump(demo_path)
    task = start_import(window, [str(shared_data("police-uk", "suffolk-2025"))])
    dialog = task._dialog
    qtbot.waitUntil(saving_gate.reached.is_set, timeout=20000)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)  # shown once the work has lasted a moment
    _stop(dialog, qtbot, how)
    assert task.is_cancelled
    assert dialog.isVisible() and QApplication.activeModalWidget() is dialog  # the window waits for the rollback
    assert "Stopping" in dialog.labelText()
    assert not dialog.findChild(QPushButton).isEnabled()
    assert prompts.infos == []
    saving_gate.open.set()
    qtbot.waitUntil(lambda: bool(prompts.infos or prompts.errors), timeout=20000)
    assert prompts.infos == [("Import cancelled", "The import was cancelled; nothing was changed.")]
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
    assert dump(demo_path) == before


def test_cancel_is_heard_while_a_long_table_is_laid_out(demo_store, tmp_path, monkeypatch):
    """A county file's board report: the table of every district's projects (5,951 rows, 263 pages on the 25
    districts of benchmarks/exchange_merge.py) is laid out again for each row a page break would split, about 20 s
    a round, one round a page; Cancel was asked only between sections, so it went unheard for over an hour. Here
    the split finder stands in for that table: it finds a row to move on every round."""
    from datetime import date

    from safer_desk.services.progress import Cancelled
    from safer_desk.storage.leftovers import TEMP_PATTERN
    from safer_desk.ui.exchange import report_pdf
    from safer_desk.ui.exchange.report_dialog import ReportRequest, write_board_report

    rounds: list[int] = []

    def a_row_on_every_page(doc, height, tables, breaks):
        rounds.append(len(breaks.get(0, ())))
        return 0, len(breaks.get(0, ())) + 1

    monkeypatch.setattr(report_pdf, "_split_table_row", a_row_on_every_page)
    target = tmp_path / "board report.pdf"
    heard: list[tuple[int, str]] = []
    with pytest.raises(Cancelled):
        # As at today: the review's 11 partners billed since 2016/17 make the long table (as at the year's end,
        # the report's default for a past year, nothing was billed and the one table has a single row).
        write_board_report(demo_store, ReportRequest(target, "2016/17", as_at=date.today()),
                           lambda done, total, said="": heard.append((done, said)), cancelled=lambda: len(rounds) >= 3)
    assert len(rounds) == 3  # stopped at the next round, not after 500 of them
    within = [(done, said) for done, said in heard if said.startswith("Laying out") and ": row " in said]
    # The bar moves, and says how far, while the one table is laid out round after round.
    assert [said.rpartition(": ")[2].rsplit(" of ", 1)[0] for _, said in within] == ["row 1", "row 2", "row 3"]
    assert [done for done, _ in within] == sorted({done for done, _ in within})
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if TEMP_PATTERN.match(p.name)] == []
