"""File > Board Report… off the GUI thread: the worker's own connection, progress, Cancel, failures.

The worker is held at a known point with a threading.Event that the test (on the GUI thread) releases, so
nothing here sleeps or depends on timing; how long the window is blocked is measured by
benchmarks/report_responsiveness.py, not asserted here.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton

from safer_desk.services.progress import Cancelled
from safer_desk.storage.leftovers import TEMP_PATTERN

EARLIER = b"%PDF-1.4 an earlier report\n%%EOF\n"


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if TEMP_PATTERN.match(p.name)]


class Gate:
    """Holds the worker at a point until the GUI thread opens the gate (or the test times out)."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.open = threading.Event()
        self.threads: set[int] = set()

    def wait_here(self) -> None:
        self.threads.add(threading.get_ident())
        self.reached.set()
        if not self.open.wait(20):
            raise TimeoutError("the test never opened the gate")


@pytest.fixture
def gate(monkeypatch):
    """The worker stops before laying out the report's first section."""
    from safer_desk.ui.exchange import report_pdf

    gate = Gate()
    original = report_pdf.layout_section

    def held(*args, **kwargs):
        if not gate.reached.is_set():
            gate.wait_here()
        gate.threads.add(threading.get_ident())
        return original(*args, **kwargs)

    monkeypatch.setattr(report_pdf, "layout_section", held)
    yield gate
    gate.open.set()  # never leave a worker waiting after a failed test


def report_dialog(window, target: Path, year: str = "2016/17"):
    window.exchange_actions["report"].trigger()
    dialog = window.report_dialog
    dialog.year_combo.setCurrentIndex(dialog.year_combo.findText(year))
    dialog.path_edit.setText(str(target))
    return dialog


def test_the_report_is_collected_and_drawn_on_a_worker_while_the_window_runs(demo_window, qtbot, prompts,
                                                                            tmp_path, gate, monkeypatch):
    from safer_desk.services import report_sections

    collected = {}
    original = report_sections.all_sections

    def recorded(store, **kwargs):
        collected.update(thread=threading.get_ident(), store=store)
        return original(store, **kwargs)

    monkeypatch.setattr(report_sections, "all_sections", recorded)
    target = tmp_path / "board.pdf"
    dialog = report_dialog(demo_window, target)
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(gate.reached.is_set, timeout=20000)
    # The worker is held inside the report; the GUI thread still runs its event loop: a timer on it fires
    # and opens the gate. (If the report ran on the GUI thread, nothing could ever open it.)
    assert dialog.isVisible() and not dialog.write_button.isEnabled()
    with qtbot.waitSignal(dialog.written, timeout=30000):
        QTimer.singleShot(0, gate.open.set)
    main = threading.get_ident()
    assert collected["thread"] != main and gate.threads and main not in gate.threads
    assert collected["store"] is not demo_window.session.store  # the worker's own connection
    assert target.read_bytes().startswith(b"%PDF") and leftovers(tmp_path) == []
    assert not dialog.isVisible() and "Wrote the board report" in prompts.infos[-1][1]


def test_cancel_in_the_progress_window_leaves_no_file_and_the_earlier_report(demo_window, qtbot, prompts,
                                                                             tmp_path, gate):
    target = tmp_path / "reports" / "board.pdf"
    target.parent.mkdir()
    target.write_bytes(EARLIER)
    dialog = report_dialog(demo_window, target)
    prompts.answers.append(True)  # Replace the earlier report (asked, as it is there already)
    dialog.accept()
    assert prompts.questions and "Replace it?" in prompts.questions[-1][1]
    qtbot.waitUntil(gate.reached.is_set, timeout=20000)
    progress = dialog.task._dialog
    qtbot.waitUntil(progress.isVisible, timeout=10000)  # shown once the work has lasted a moment
    assert progress.windowTitle() == "Writing the board report…"
    with qtbot.waitSignal(dialog.stopped, timeout=30000) as stopped:
        qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)  # its Cancel button
        gate.open.set()
    assert stopped.args == ["cancelled"]
    assert target.read_bytes() == EARLIER and leftovers(tmp_path) == []
    assert prompts.infos[-1][1] == "Cancelled; no report was written." and prompts.errors == []
    # The dialog is back, with its choices, to try again or close.
    assert dialog.isVisible() and dialog.write_button.isEnabled() and dialog.path_edit.text() == str(target)
    dialog.reject()
    assert not dialog.isVisible()


def test_escape_while_writing_cancels_the_report(demo_window, qtbot, prompts, tmp_path, gate):
    target = tmp_path / "board.html"
    dialog = report_dialog(demo_window, target)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.running, timeout=10000)
    with qtbot.waitSignal(dialog.stopped, timeout=30000):
        dialog.reject()  # Esc, or the dialog's own Cancel button
        assert dialog.isVisible()  # it stays until the report has stopped
        gate.open.set()
    assert not target.exists() and leftovers(tmp_path) == []


def test_cancel_while_the_file_is_written_removes_the_temporary_file(demo_store, tmp_path):
    """Cancel pressed after the temporary file is on the disk, before it replaces the earlier report."""
    from safer_desk.services.report import build_report
    from safer_desk.ui.exchange.report_pdf import write_pdf

    target = tmp_path / "board.pdf"
    target.write_bytes(EARLIER)
    document = build_report(demo_store, year="2018/19")

    def cancelled_once_written() -> bool:
        return bool(leftovers(tmp_path))  # true only while the temporary file exists

    with pytest.raises(Cancelled):
        write_pdf(document, target, cancelled=cancelled_once_written)
    assert target.read_bytes() == EARLIER and leftovers(tmp_path) == []


def test_a_failed_report_keeps_the_dialog_and_its_choices(demo_window, qtbot, prompts, tmp_path):
    target = tmp_path / "board.pdf"
    target.mkdir()  # a folder where the file should go: found only when the report is written over it
    dialog = report_dialog(demo_window, target)
    with qtbot.waitSignal(dialog.stopped, timeout=30000) as stopped:
        dialog.accept()
    assert "could not be written" in stopped.args[0]
    assert prompts.errors and prompts.errors[-1][1].startswith("The report was not written:")
    assert dialog.isVisible() and dialog.path_edit.isEnabled() and dialog.year_combo.currentText() == "2016/17"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("make_parent, said", [(None, "does not exist"), ("file", "is a file, not a folder")])
def test_a_report_into_a_folder_that_is_not_there_is_refused_in_the_dialog(demo_window, prompts, tmp_path,
                                                                           make_parent, said):
    parent = tmp_path / "Board papers"
    if make_parent == "file":
        parent.write_text("a file where the folder should be", encoding="utf-8")
    dialog = report_dialog(demo_window, parent / "board.pdf")
    dialog.accept()
    assert prompts.errors and said in prompts.errors[-1][1] and str(parent) in prompts.errors[-1][1]
    assert dialog.isVisible() and not dialog.busy and dialog.path_edit.isEnabled()
    assert parent.is_dir() is False and leftovers(tmp_path) == []
    dialog.reject()


def test_a_second_report_waits_for_the_first(demo_window, qtbot, prompts, tmp_path, gate):
    from safer_desk.ui.exchange.menu import open_report_dialog

    dialog = report_dialog(demo_window, tmp_path / "board.pdf")
    dialog.accept()
    qtbot.waitUntil(gate.reached.is_set, timeout=20000)
    assert open_report_dialog(demo_window) is None
    assert "being written" in prompts.errors[-1][1]
    with qtbot.waitSignal(dialog.written, timeout=30000):
        gate.open.set()


def test_progress_goes_from_collecting_to_the_last_page(demo_store, tmp_path):
    from safer_desk.ui.exchange.report_dialog import PROGRESS_TOTAL, ReportRequest, write_board_report

    reports = []
    what = write_board_report(demo_store, ReportRequest(tmp_path / "board.pdf", "2018/19"),
                              lambda done, total, message="": reports.append((done, total, message)))
    done = [d for d, _, _ in reports]
    assert done == sorted(done) and done[-1] == PROGRESS_TOTAL and {t for _, t, _ in reports} == {PROGRESS_TOTAL}
    pages = int(what.split()[0])
    messages = [m for _, _, m in reports]
    assert messages[0].startswith("Collecting the projects figures")
    assert any(m.startswith("Laying out") for m in messages)
    assert f"Drawing page {pages} of {pages}" in messages and messages[-1] == "Wrote board.pdf"
