"""Test set-up: offscreen Qt, a private data folder and settings per test, no modal dialogs."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

# ../shared/data beside the checkout; SAFER_DESK_SHARED_DATA points elsewhere (a git worktree in another folder).
SHARED_DATA = Path(os.environ.get("SAFER_DESK_SHARED_DATA")
                   or Path(__file__).resolve().parents[1].parent / "shared" / "data")


def shared_data(*parts: str) -> Path:
    """A file under ../shared/data, or skip the test with a clear reason when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/data/{'/'.join(parts)} is not present on this machine")
    return path


def _hypothesis_without_clocks() -> None:
    """Hypothesis checks what is drawn, never how fast: speed is measured by benchmarks/, not timed in tests. Its
    deadline and its "input generation is slow" health check failed an invariant test on a busy machine (one draw of
    integers took 1.8 s while other work ran: round 64), saying nothing of the code; tests that set their own
    settings keep them (these are the defaults they start from)."""
    from hypothesis import HealthCheck, settings

    settings.register_profile("safer-desk", deadline=None, suppress_health_check=[HealthCheck.too_slow])
    settings.load_profile("safer-desk")


_hypothesis_without_clocks()

MEMORY_FOLDER = Path("/dev/shm")  # Linux's folder in memory; on Windows and macOS there is none and nothing changes
MEMORY_NEEDED = 2 * 1024**3  # a Docker runner's 64 MB /dev/shm is too small for the suite's files: left alone


def _ctrl_c_as_at_a_terminal() -> None:
    """The run's Ctrl+C back to Python's own handler when what started it ignored it: a shell's background job
    (`cmd &` without job control) or a CI runner. Every program a test starts inherits an ignored Ctrl+C, and the
    tests that press it in a real `safer-desk` (tests/foundation/test_window_start.py) then waited for ever on a
    window that rightly went on (the flaky "printed nothing for 120 s" of session 54's fresh-check). A program
    started with Ctrl+C ignored keeping it so is tested on its own (tests/safety/test_ctrl_c_s51.py)."""
    import signal

    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_configure(config):
    """Each test's tmp_path in memory (Linux's /dev/shm) when pytest removes a passed test's folder at once
    (tmp_path_retention_policy = "failed"): a run writes thousands of Safer Desk files, and every commit's fsync
    waits on the disk, which took about half the suite's time on a shared CI disk. Only where the files cannot pile
    up in memory, and never over a folder chosen with --basetemp or PYTEST_DEBUG_TEMPROOT."""
    _ctrl_c_as_at_a_terminal()
    if (os.environ.get("PYTEST_DEBUG_TEMPROOT") or config.option.basetemp
            or config.getini("tmp_path_retention_policy") != "failed"):
        return
    try:
        roomy = MEMORY_FOLDER.is_dir() and os.access(MEMORY_FOLDER, os.W_OK) and \
            shutil.disk_usage(MEMORY_FOLDER).free >= MEMORY_NEEDED
    except OSError:
        roomy = False
    if roomy:
        os.environ["PYTEST_DEBUG_TEMPROOT"] = str(MEMORY_FOLDER)


_WORKER_TEMP: list[Path] = []


def _own_system_temp_per_worker() -> None:
    """Under pytest-xdist (the README's command runs the suite on every CPU), each worker its own system temporary
    folder: what one worker's program leaves there for a moment (an export's temporary file, a demo copy) is not
    another worker's litter (``no_litter_in_system_temp``), and the program's clearing of what ended runs left there
    (``leftovers``) never meets a file another worker is still writing. The folder goes when the worker ends."""
    import tempfile

    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker or _WORKER_TEMP:
        return
    folder = Path(tempfile.mkdtemp(prefix=f"pytest-{worker}-"))
    for name in ("TMPDIR", "TEMP", "TMP"):
        os.environ[name] = str(folder)
    tempfile.tempdir = None  # gettempdir() reads the environment again
    _WORKER_TEMP.append(folder)


_own_system_temp_per_worker()


def pytest_unconfigure(config):
    _clipboard_given_back()
    for folder in _WORKER_TEMP:
        shutil.rmtree(folder, ignore_errors=True)


def _clipboard_given_back() -> None:
    """On the offscreen platform the tests run on, a clipboard left holding the QMimeData a table's Copy made in
    Python (``ui.kit.copy_to_clipboard``: text and an HTML table) crashed the process as Qt's application was taken
    down at exit (a segmentation fault, exit 139, after every test had passed: ``pytest -n 0 tests/projects``). The
    clipboard is emptied first. (The real window on X11 leaves it to the desktop and ends cleanly.)"""
    gui = sys.modules.get("PySide6.QtGui")
    if gui is not None and gui.QGuiApplication.instance() is not None:
        gui.QGuiApplication.clipboard().clear()


def _ours_in_system_temp() -> set[str]:
    import tempfile

    return {p.name for p in Path(tempfile.gettempdir()).iterdir() if p.name.lower().startswith("safer-desk")}


@pytest.fixture(autouse=True, scope="session")
def no_litter_in_system_temp():
    """The whole run leaves nothing of ours in the system's temporary folder (issue 16: no litter). Tests
    keep their files in pytest's tmp_path; what the program makes there it must remove on every exit path.
    (Another Safer Desk run at the same time on this machine would be named here too.)"""
    before = _ours_in_system_temp()
    yield
    left = sorted(_ours_in_system_temp() - before)
    assert not left, f"the tests left these in the system's temporary folder: {left}"


@pytest.fixture(autouse=True)
def private_home(tmp_path):
    """Each test gets its own data folder and its own QSettings file. Set here rather than with the test's
    monkeypatch, whose undo() (which ten tests call to put their own patches back) took the data folder away too:
    the rest of such a test wrote in the data folder of whoever ran the suite (session 55)."""
    home = tmp_path / "home"
    home.mkdir()
    before = os.environ.get("SAFER_DESK_HOME")
    os.environ["SAFER_DESK_HOME"] = str(home)
    try:
        try:
            from PySide6.QtCore import QSettings
        except ImportError:  # pragma: no cover - Qt is a runtime dependency
            QSettings = None
        if QSettings is not None:
            QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
        yield home
        _end_working_sessions()
    finally:
        if before is None:
            os.environ.pop("SAFER_DESK_HOME", None)
        else:
            os.environ["SAFER_DESK_HOME"] = before


def _end_working_sessions() -> None:
    """The working session a test started in its data folder ends with the test, as the program's ends with it:
    its lock stayed open until the worker ended, one file a test, and a user limited to 1,024 open files (a CI
    runner's) saw hundreds of tests fail with "Too many open files" (session 55)."""
    import sys

    leftovers = sys.modules.get("safer_desk.storage.leftovers")
    if leftovers is not None:
        leftovers.end_sessions()


@dataclass
class PromptRecorder:
    """Stands in for every dialog: records what was said and answers from queues."""

    errors: list[tuple[str, str]] = field(default_factory=list)
    infos: list[tuple[str, str]] = field(default_factory=list)
    questions: list[tuple[str, str]] = field(default_factory=list)
    answers: list[bool] = field(default_factory=list)
    file_names: list[str] = field(default_factory=list)
    # Save / Discard / Cancel questions about unsaved edits: what was asked, and the answers to give
    # (UnsavedChoice values, or their names "save" / "discard" / "cancel"); Discard when none is queued.
    unsaved_questions: list[tuple[str, str]] = field(default_factory=list)
    unsaved_answers: list = field(default_factory=list)
    # A line of text asked for (a new name): what was asked, and the texts to type (None: Cancel).
    text_questions: list[tuple[str, str]] = field(default_factory=list)
    texts: list = field(default_factory=list)

    def _next_name(self) -> str:
        return self.file_names.pop(0) if self.file_names else ""


@pytest.fixture(autouse=True)
def prompts(monkeypatch):
    recorder = PromptRecorder()
    try:
        from safer_desk.ui import prompts as module
    except ImportError:  # pragma: no cover
        return recorder
    monkeypatch.setattr(module, "show_error", lambda parent, title, text: recorder.errors.append((title, text)))
    monkeypatch.setattr(module, "show_info", lambda parent, title, text: recorder.infos.append((title, text)))

    def ask(parent, title, text, **kwargs):
        recorder.questions.append((title, text))
        return recorder.answers.pop(0) if recorder.answers else False

    monkeypatch.setattr(module, "ask", ask)

    def ask_text(parent, title, label, text=""):
        recorder.text_questions.append((title, label))
        return recorder.texts.pop(0) if recorder.texts else None

    monkeypatch.setattr(module, "ask_text", ask_text)

    def ask_unsaved(parent, title, text):
        from safer_desk.presenters.screens import UnsavedChoice

        recorder.unsaved_questions.append((title, text))
        answer = recorder.unsaved_answers.pop(0) if recorder.unsaved_answers else UnsavedChoice.DISCARD
        return UnsavedChoice.parse(answer) if isinstance(answer, str) else answer

    monkeypatch.setattr(module, "ask_unsaved", ask_unsaved)
    monkeypatch.setattr(module, "open_file_name", lambda *a, **k: recorder._next_name())
    monkeypatch.setattr(module, "save_file_name", lambda *a, **k: recorder._next_name())
    monkeypatch.setattr(module, "existing_folder", lambda *a, **k: recorder._next_name())
    monkeypatch.setattr(module, "open_file_names",
                        lambda *a, **k: [n for n in recorder._next_name().split(os.pathsep) if n])
    return recorder


@pytest.fixture(autouse=True)
def drain_thread_pool():
    yield
    try:
        from PySide6.QtCore import QThreadPool
    except ImportError:  # pragma: no cover
        return
    QThreadPool.globalInstance().waitForDone(15000)


@pytest.fixture(autouse=True)
def garbage_collected_on_the_gui_thread():
    """Once background work has run, Python's automatic collector is off and the GUI thread collects between its
    events (``ui.workers.collect_on_the_gui_thread``); a test that turns no event loop collects after it here, so
    thousands of tests do not pile up their garbage."""
    yield
    import sys

    workers = sys.modules.get("safer_desk.ui.workers")
    collector = workers.collect_on_the_gui_thread() if workers is not None else None
    if collector is not None:
        collector.collect_due()


@pytest.fixture(autouse=True)
def modifier_keys_released():
    """After a test, no modifier key is left "down": qtbot.keyClick(w, key, Ctrl) presses and releases the key
    with Ctrl but never releases Ctrl itself, and Qt then reads later clicks and selectRow calls as Ctrl+click."""
    yield
    try:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication, QWidget
    except ImportError:  # pragma: no cover
        return
    if QApplication.instance() is None or QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier:
        return
    target = QWidget()
    for key in (Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt, Qt.Key.Key_Meta):
        QTest.keyRelease(target, key)
    target.deleteLater()


@pytest.fixture
def process_env(tmp_path):
    """The environment of a real `safer-desk` process of a test's own: a private temporary folder, data folder and
    settings, Qt offscreen, and the window left open (not closed after its first screen)."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp),
           "SAFER_DESK_HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "HOME": str(tmp_path)}
    env.pop("SAFER_DESK_CLOSE_AFTER_START", None)
    return env


@pytest.fixture
def store(tmp_path):
    """A new, empty Safer Desk file."""
    from safer_desk.storage.store import open_store

    s = open_store(tmp_path / "office.sqlite", create=True)
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory) -> Path:
    """The example file, built once per test run; tests copy it before changing it."""
    from safer_desk.services.demo import build_demo

    return build_demo(tmp_path_factory.mktemp("demo") / "example.sqlite")


@pytest.fixture
def demo_path(demo_master, tmp_path) -> Path:
    target = tmp_path / "example.sqlite"
    shutil.copyfile(demo_master, target)
    return target


@pytest.fixture
def demo_store(demo_path):
    from safer_desk.storage.store import open_store

    s = open_store(demo_path)
    yield s
    s.close()


@pytest.fixture
def window(qtbot):
    """The real main window with no file open; tests open one with window.open_path or window.set_store."""
    from safer_desk.ui.main_window import MainWindow

    w = MainWindow()
    w.persist_state = False
    qtbot.addWidget(w)
    yield w
    w.session.close()


@pytest.fixture
def demo_window(window, demo_path):
    """The main window on a fresh copy of the example file."""
    assert window.open_path(demo_path)
    return window


@pytest.fixture
def costs_tab(demo_window, qtbot):
    """The example's Costs tab in a window of 1280x690, shown, once its first read has ended (here, not in
    tests/costs: tests elsewhere take the Costs tests' fixtures that use it)."""
    demo_window.resize(1280, 690)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    return tab


@pytest.fixture
def new_file_window(window, tmp_path):
    """The main window, shown at a desk's size, on a new and empty Safer Desk file (an office's first start)."""
    from safer_desk.storage.store import open_store

    path = tmp_path / "new.sqlite"
    open_store(path, create=True).close()
    assert window.open_path(path)
    window.resize(1280, 800)
    window.show()
    return window
