"""Session 51 (a tester's report, items 3, 5 and 6): File > Save a Copy into a folder that cannot take it is said as
File > New and Export for County say it (naming the copy, never its lock file, and what to do); Commissioning's
"Save as new…" asks for the new scenario's name; one Ctrl+C (or SIGTERM) with unsaved changes asks once."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.services import projects_commissioning as com
from tests.projects.test_commissioning_page import RETAINED

# -- 3. Save a Copy into a folder that cannot take it ------------------------------------------------------------


def refuse_writes_in(folder: Path, monkeypatch) -> None:
    """os.access answers for folder as it does for a user other than root who may not write there."""
    access = os.access

    def as_a_user(path, mode, *args, **kwargs):
        if mode & os.W_OK and Path(path).resolve() == folder.resolve():
            return False
        return access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", as_a_user)


def copy_refused(window, prompts, target: Path) -> str:
    """File > Save a Copy to target, refused: what was said (one message, no question), with nothing said saved."""
    prompts.file_names.append(str(target))
    window.save_copy()
    [(title, text)] = prompts.errors
    assert title == "Save a copy" and prompts.questions == []
    assert "Copy saved" not in window.statusBar().currentMessage()
    assert ".lock" not in text and "Errno" not in text and "The copy could not be written:" not in text, text
    return text


def test_a_copy_into_a_folder_that_does_not_exist_says_so_and_what_to_do(demo_window, prompts, tmp_path):
    target = tmp_path / "nofolder" / "copy.sqlite"
    text = copy_refused(demo_window, prompts, target)
    assert text == (f"The copy copy.sqlite could not be written: the folder {target.parent} does not exist. Choose "
                    "a folder that exists, or make the folder first (nothing was written).")
    assert not target.parent.exists()


def test_a_copy_into_a_file_taken_for_a_folder_says_so(demo_window, prompts, tmp_path):
    (tmp_path / "afile").write_text("x")
    text = copy_refused(demo_window, prompts, tmp_path / "afile" / "copy.sqlite")
    assert text.startswith(f"The copy copy.sqlite could not be written: the folder {tmp_path / 'afile'} is a file, "
                           "not a folder. Choose a folder that exists")
    assert (tmp_path / "afile").read_text() == "x"


def test_a_copy_into_a_folder_that_cannot_be_written_is_said_as_file_new_says_it(demo_window, prompts, tmp_path,
                                                                                 monkeypatch):
    shared = tmp_path / "shared"
    shared.mkdir()
    refuse_writes_in(shared, monkeypatch)
    shared.chmod(0o555)
    try:
        text = copy_refused(demo_window, prompts, shared / "copy.sqlite")
    finally:
        shared.chmod(0o755)
    assert text == ("The folder of copy.sqlite cannot be written to, so copy.sqlite cannot be made there. Choose a "
                    "folder you can save files in, or ask for write access to this one.")
    assert list(shared.iterdir()) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/sys refuses new files on Linux only")
def test_a_copy_the_system_refuses_names_the_copy_not_its_lock_file(demo_window, prompts):
    # /sys: a folder that takes no new file even from root, for whom os.access says it can be written.
    text = copy_refused(demo_window, prompts, Path("/sys/copy.sqlite"))
    assert text.startswith("copy.sqlite could not be written to /sys: permission denied") or \
        text.startswith("The folder of copy.sqlite cannot be written to"), text
    assert "Choose a folder you can save files in" in text


def test_a_large_files_copy_on_its_worker_says_the_same(demo_window, prompts, tmp_path, qtbot, monkeypatch):
    from safer_desk.ui import main_window

    monkeypatch.setattr(main_window, "BACKGROUND_COPY_FROM", 0)  # every file large: the copy on a worker thread
    target = tmp_path / "nofolder" / "copy.sqlite"
    prompts.file_names.append(str(target))
    demo_window.save_copy()
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=10000)
    [(title, text)] = prompts.errors
    assert title == "Save a copy" and text.startswith(f"The copy copy.sqlite could not be written: the folder "
                                                      f"{target.parent} does not exist.")
    assert not target.parent.exists()


# -- 5. Commissioning: Save as new… asks for the name -------------------------------------------------------------

@pytest.fixture
def page(demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    return demo_window.show_tab("projects").show_commissioning()


@pytest.fixture
def asked(prompts, monkeypatch):
    """prompts.ask_text, recording the text it was offered too: (title, label, text) each time."""
    from safer_desk.ui import prompts as module

    seen = []

    def ask_text(parent, title, label, text=""):
        seen.append((title, label, text))
        return prompts.texts.pop(0) if prompts.texts else None

    monkeypatch.setattr(module, "ask_text", ask_text)
    return seen


def test_save_as_new_asks_for_a_name_and_cancel_saves_nothing(page, qtbot, prompts, asked):
    store = page.session.store
    before = com.list_scenarios(store)
    prompts.texts.append(None)  # Cancel
    qtbot.mouseClick(page.save_new_button, Qt.MouseButton.LeftButton)
    assert asked == [("Save as new scenario", "The new scenario's name:", f"{RETAINED} (2)")]
    assert com.list_scenarios(store) == before and prompts.errors == []
    assert page.name.text() == RETAINED and page.status.text() == "✓ as saved"
    assert not page.session.undo_stack.canUndo()


def test_save_as_new_saves_under_the_name_given_and_keeps_the_loaded_one(demo_window, page, qtbot, prompts, asked):
    store = page.session.store
    original = next(s for s in com.list_scenarios(store) if s.name == RETAINED)
    prompts.texts.append("  Retained budget, second look ")
    qtbot.mouseClick(page.save_new_button, Qt.MouseButton.LeftButton)
    assert prompts.errors == []
    assert com.get_scenario(store, original.id) == original
    saved = next(s for s in com.list_scenarios(store) if s.name == "Retained budget, second look")
    assert {i.project_id for i in saved.items} == {i.project_id for i in original.items}
    assert page.name.text() == "Retained budget, second look" and page.status.text() == "✓ as saved"
    assert page.scenarios.currentText() == "Retained budget, second look"
    assert demo_window.session.undo_stack.undoText() == "Save new scenario “Retained budget, second look”"
    # the next suggestion is free again: the name typed, now taken, with (2)
    prompts.texts.append(None)
    qtbot.mouseClick(page.save_new_button, Qt.MouseButton.LeftButton)
    assert asked[-1][2] == "Retained budget, second look (2)"


def test_save_as_new_suggests_a_name_typed_that_is_free_and_refuses_one_taken(page, qtbot, prompts, asked):
    store = page.session.store
    count = len(com.list_scenarios(store))
    page.name.selectAll()
    qtbot.keyClicks(page.name, "Half the pilot")
    prompts.texts.append(RETAINED)  # typed over the suggestion: a name already used
    qtbot.mouseClick(page.save_new_button, Qt.MouseButton.LeftButton)
    assert asked[-1][2] == "Half the pilot"
    [(title, text)] = prompts.errors
    assert title == "Save scenario" and f"There is already a scenario called “{RETAINED}”" in text
    assert len(com.list_scenarios(store)) == count
    assert page.name.text() == "Half the pilot"  # what was typed on the page stays
    prompts.texts.append("Half the pilot")
    qtbot.mouseClick(page.save_new_button, Qt.MouseButton.LeftButton)
    assert len(com.list_scenarios(store)) == count + 1 and page.status.text() == "✓ as saved"


def test_save_as_new_of_a_set_that_cannot_be_saved_says_why_before_asking(page, qtbot, prompts, asked):
    page.fund.selectAll()
    qtbot.keyClick(page.fund, Qt.Key.Key_Delete)
    qtbot.mouseClick(page.save_new_button, Qt.MouseButton.LeftButton)
    assert asked == []
    [(title, text)] = prompts.errors
    assert title == "Save scenario" and text.startswith("Fund:")


def test_the_scenario_name_shows_its_start_at_a_laptop_size(demo_window):
    from tests.window_sizes import resize_window

    page = demo_window.show_tab("projects").show_commissioning()
    resize_window(demo_window, (1093, 582))
    assert page.name.text() == RETAINED
    assert page.name.fontMetrics().horizontalAdvance(RETAINED) > page.name.width()  # too long to show whole
    assert page.name.cursorRect().left() < 10  # its start in view, not its end


# -- 6. One Ctrl+C (or SIGTERM) asks once ---------------------------------------------------------------------------

def type_a_cost(window) -> None:
    window.show()
    page = window.show_tab("projects").register
    page.view.selectRow(2)
    cost = page.editor.widgets["cost"]
    cost.selectAll()
    cost.insert("£51,000")
    assert page.editor.presenter.is_dirty


def signal_while_the_loop_runs(signum: int, monkeypatch, answer: UnsavedChoice) -> tuple[list[str], int]:
    """The signal sent while the application's event loop runs (as in ``run_window``), each "Unsaved changes"
    question answered with ``answer``; the loop is ended once the signal's closing has been done. Returns the
    questions asked and what the loop returned."""
    from safer_desk.ui import prompts as module
    from safer_desk.ui.app import _CloseOnSignal

    app = QApplication.instance()
    questions = []
    # Stopped once the loop has ended, whichever way: an exit() left for later would end the next test's waits.
    ender, watchdog = QTimer(), QTimer()
    for timer, code in ((ender, 0), (watchdog, 3)):
        timer.setSingleShot(True)
        timer.timeout.connect(lambda code=code: app.exit(code))

    def ask_unsaved(parent, title, text):
        if not questions:  # after the closing the signal asked for (an event queued now runs after it)
            ender.start(0)
        questions.append(text)
        return answer

    monkeypatch.setattr(module, "ask_unsaved", ask_unsaved)
    # The loop ends by the signal's own quit(), not by a Quit event Qt posts when the last window closes: one still
    # queued once the loop has ended would be delivered in the next test, and end each of its waits at once.
    quit_on_last = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    closer = _CloseOnSignal(app)
    try:
        QTimer.singleShot(0, lambda: signal.raise_signal(signum))
        watchdog.start(20000)
        code = app.exec()
    finally:
        ender.stop()
        watchdog.stop()
        closer.restore()
        app.setQuitOnLastWindowClosed(quit_on_last)
    assert code != 3, "the loop did not end"
    return questions, closer.received


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_one_signal_asks_once_and_cancel_keeps_the_window_and_the_program(demo_window, monkeypatch, signum):
    type_a_cost(demo_window)
    questions, received = signal_while_the_loop_runs(signum, monkeypatch, UnsavedChoice.CANCEL)
    assert len(questions) == 1, questions
    assert demo_window.isVisible() and demo_window.session.store is not None
    assert received is None  # the signal answered: closing the window later is an ordinary close


def test_one_signal_answered_discard_closes_the_window_and_ends_the_loop(demo_window, monkeypatch):
    type_a_cost(demo_window)
    questions, received = signal_while_the_loop_runs(signal.SIGINT, monkeypatch, UnsavedChoice.DISCARD)
    assert len(questions) == 1, questions
    assert not demo_window.isVisible() and demo_window.session.store is None
    assert received == signal.SIGINT
