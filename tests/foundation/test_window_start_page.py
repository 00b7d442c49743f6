"""The window frame on a new, empty file and with no file at all: a start page that says what to do;
closing while long work runs; Save a Copy and Back Up Now off the GUI thread for a large file; menu letters."""

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from safer_desk.presenters.start import Step, start_page
from safer_desk.services import reference
from safer_desk.storage.store import open_store
from safer_desk.ui import main_window as main_window_module
from safer_desk.ui.workers import run_task, running_tasks
from tests.foundation.test_window_guard import clashes


# -- the presenter, without a window -----------------------------------------------------------------------
def test_an_empty_file_gets_the_next_steps_and_a_full_one_none(store, demo_store):
    page = start_page(store)
    assert page.heading == "office.sqlite is new and empty"
    assert page.steps == (Step.EXAMPLE, Step.PLACES, Step.POLICE, Step.PROJECT)
    assert start_page(demo_store) is None
    assert start_page(None).steps == (Step.OPEN, Step.NEW, Step.EXAMPLE)
    reference.add_district(store, "Babergh")  # districts alone are not yet an office's work
    assert start_page(store) is not None


def test_a_read_only_empty_file_offers_only_looking(tmp_path):
    path = tmp_path / "office.sqlite"
    open_store(path, create=True).close()
    store = open_store(path, read_only=True)
    try:
        assert start_page(store).steps == (Step.EXAMPLE, Step.PLACES)
    finally:
        store.close()


# -- the window -----------------------------------------------------------------------------------------------
def test_a_new_file_shows_the_start_page_and_a_project_hides_it(window, tmp_path, qtbot, prompts):
    window.show()
    assert window.start_banner.isVisible()  # no file at all
    assert set(window.start_banner.buttons) == {Step.OPEN, Step.NEW, Step.EXAMPLE}
    prompts.file_names.append(str(tmp_path / "fresh.sqlite"))
    qtbot.mouseClick(window.start_banner.button(Step.NEW), Qt.MouseButton.LeftButton)
    assert window.session.store.path == tmp_path / "fresh.sqlite"
    qtbot.waitUntil(lambda: not window.is_busy())
    assert window.start_banner.isVisible() and window.start_banner.heading.text() == "fresh.sqlite is new and empty"
    assert clashes(window) == []  # the start page's Alt letters beside the Projects page's
    qtbot.mouseClick(window.start_banner.button(Step.PROJECT), Qt.MouseButton.LeftButton)
    page = window.current_tab().register
    assert page.editor.is_new if hasattr(page.editor, "is_new") else page.presenter.editor.is_new
    page.editor.widgets["title"].setText("Nightsafe")
    page.editor.widgets["title"].textEdited.emit("Nightsafe")
    assert page.save_editor()
    assert not window.start_banner.isVisible()  # the file holds work now


def test_the_example_opens_as_a_copy_that_goes_when_the_window_closes(window, store, qtbot):
    window.set_store(store)
    window.show()
    assert window.start_banner.isVisible()
    qtbot.mouseClick(window.start_banner.button(Step.EXAMPLE), Qt.MouseButton.LeftButton)
    example = window.session.store.path
    assert example.name == "example.sqlite" and example.exists()
    assert not window.start_banner.isVisible()
    from safer_desk.ui import settings

    assert str(example) not in settings.read_list("files/recent")  # never in Open Recent
    window.close()
    assert not example.exists() and not example.parent.exists()


def test_the_start_page_opens_office_details_and_the_police_import(window, store, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog

    window.set_store(store)
    window.show()
    qtbot.mouseClick(window.start_banner.button(Step.PLACES), Qt.MouseButton.LeftButton)
    shown = [d for d in window.findChildren(QDialog) if d.isVisible()]
    assert [d.windowTitle() for d in shown] == ["Office Details"]
    shown[0].reject()
    chosen = []
    monkeypatch.setattr("safer_desk.ui.indicators.menu.choose_and_import",
                        lambda w, folder: chosen.append(folder))
    qtbot.mouseClick(window.start_banner.button(Step.POLICE), Qt.MouseButton.LeftButton)
    assert chosen == [False]


# -- closing while long work runs ----------------------------------------------------------------------------
def long_task(window, title="Board report…"):
    started, release = threading.Event(), threading.Event()

    def work(progress, cancelled):
        started.set()
        while not cancelled() and not release.is_set():
            release.wait(0.01)
        if cancelled():
            from safer_desk.services.progress import Cancelled

            raise Cancelled()
        return "done"

    outcome = []
    task = run_task(work, on_success=outcome.append, on_cancel=lambda: outcome.append("cancelled"), window=window,
                    title=title)
    assert started.wait(5)
    return task, release, outcome


def test_closing_while_a_report_runs_asks_and_keep_working_keeps_it(window, store, qtbot, prompts):
    window.set_store(store)
    window.show()
    task, release, outcome = long_task(window)
    prompts.answers.append(False)  # Keep Working
    assert not window.close()
    assert prompts.questions[-1][0] == "Still working" and "Board report" in prompts.questions[-1][1]
    assert window.isVisible() and task in running_tasks()
    release.set()
    qtbot.waitUntil(lambda: outcome == ["done"])


def test_closing_while_a_report_runs_cancels_it_then_closes(window, store, qtbot, prompts):
    window.set_store(store)
    window.show()
    task, release, outcome = long_task(window)
    prompts.answers.append(True)  # Stop and Close
    assert window.close()
    assert outcome == ["cancelled"] and running_tasks() == []
    assert window.session.store is None  # the file closed after the work stopped


# -- Save a Copy and Back Up Now ------------------------------------------------------------------------------
@pytest.fixture
def large(monkeypatch):
    """Every file counts as large: the copy runs on a worker thread with its progress window."""
    monkeypatch.setattr(main_window_module, "BACKGROUND_COPY_FROM", 0)


def finished(qtbot, task) -> None:
    """Wait for a task to end. Not by waiting for its ``finished`` signal: the worker may emit it (a cancelled copy
    stops at once) before the wait is connected, and a queued signal reaches only the slots connected when it was
    emitted (the fresh check met it: 'Signal not emitted after 10000 ms'). The task's own slot, connected before it
    started, marks it not running."""
    qtbot.waitUntil(lambda: not task.running, timeout=10000)


def test_save_a_copy_of_a_large_file_runs_off_the_gui_thread(window, store, tmp_path, prompts, qtbot, large):
    window.set_store(store)
    target = tmp_path / "copy.sqlite"
    prompts.file_names.append(str(target))
    window.save_copy_action.trigger()
    task = window.file_task
    finished(qtbot, task)
    assert target.exists() and not prompts.errors
    assert window.statusBar().currentMessage() == f"Copy saved to {target}"


def test_a_cancelled_copy_leaves_nothing(window, store, tmp_path, prompts, qtbot, large):
    window.set_store(store)
    target = tmp_path / "copy.sqlite"
    prompts.file_names.append(str(target))
    window.save_copy_action.trigger()
    task = window.file_task
    task.cancel()
    finished(qtbot, task)
    assert not target.exists()
    assert "cancelled" in window.statusBar().currentMessage()


def test_back_up_now_of_a_large_file_runs_off_the_gui_thread(window, store, qtbot, large):
    window.set_store(store)
    window.backup_action.trigger()
    finished(qtbot, window.file_task)
    written = Path(window.statusBar().currentMessage().removeprefix("Backup written to "))
    assert written.exists() and written.parent.name == "backups"


# -- Alt letters in the menus ------------------------------------------------------------------------------
def test_no_two_entries_of_a_menu_share_an_alt_letter(demo_window):
    def letter(text):
        text = text.replace("&&", "")
        i = text.find("&")
        return text[i + 1].lower() if 0 <= i < len(text) - 1 else None

    problems = []
    for top in demo_window.menuBar().actions():
        seen = {}
        for action in top.menu().actions():
            key = letter(action.text())
            if key and key in seen:
                problems.append(f"{top.text()}: {seen[key]} / {action.text()}")
            seen.setdefault(key, action.text())
    assert problems == []
