"""Starting the real window as a user does: `--demo` leaves nothing behind on any way out, signals
close it properly, and when Qt cannot start Safer Desk names the missing libraries itself."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from safer_desk.ui import platform_check

posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX signals and loader")


@pytest.fixture
def env(process_env):
    return process_env


def temp_of(env) -> Path:
    return Path(env["TMPDIR"])


def run(env, *args, timeout=120, **extra):
    return subprocess.run([sys.executable, "-m", "safer_desk", *args], env={**env, **extra}, capture_output=True,
                          text=True, timeout=timeout)


def settings_text(env) -> str:
    ini = Path(env["XDG_CONFIG_HOME"]) / "Safer Desk" / "Safer Desk.ini"
    return ini.read_text(encoding="utf-8") if ini.exists() else ""


def test_demo_opens_the_window_and_closes_leaving_nothing(env):
    result = run(env, "--demo", SAFER_DESK_CLOSE_AFTER_START="1")
    assert result.returncode == 0, result.stderr
    assert "window shown" in result.stderr and "example.sqlite" in result.stderr
    assert list(temp_of(env).iterdir()) == []
    assert "safer-desk-demo" not in settings_text(env)  # not in Open Recent


def test_screenshot_of_the_demo_leaves_nothing(env, tmp_path):
    result = run(env, "screenshot", str(tmp_path / "shot.png"), "--demo")
    assert result.returncode == 0, result.stderr
    assert list(temp_of(env).iterdir()) == []


def wait_for_lock(env, proc, timeout=60.0) -> Path:
    """The demo copy's lock file appears once the window has opened the file."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        locks = list(temp_of(env).glob("safer-desk-demo-*/example.sqlite.lock"))
        if locks:
            return locks[0]
        if proc.poll() is not None:
            pytest.fail(f"safer-desk --demo ended early: {proc.communicate()}")
        time.sleep(0.05)
    proc.kill()
    pytest.fail("the demo window never opened its file")


@posix_only
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_closes_the_window_properly(env, signum):
    proc = subprocess.Popen([sys.executable, "-m", "safer_desk", "--demo"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    wait_for_lock(env, proc)
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signum, err
    assert list(temp_of(env).iterdir()) == []


@posix_only
def test_a_killed_run_is_cleaned_up_by_the_next(env):
    proc = subprocess.Popen([sys.executable, "-m", "safer_desk", "--demo"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    lock = wait_for_lock(env, proc)
    proc.kill()
    proc.wait(timeout=30)
    left = lock.parent
    assert left.exists()  # SIGKILL: nothing could run
    old = time.time() - 3600
    os.utime(left, (old, old))
    result = run(env, "--demo", SAFER_DESK_CLOSE_AFTER_START="1")
    assert result.returncode == 0, result.stderr
    assert list(temp_of(env).iterdir()) == []


def test_the_copy_is_closed_before_it_is_removed(env):
    """Windows cannot remove an open file: the window must have closed the copy (and released its
    lock) before the temporary folder goes."""
    code = (
        "import shutil, sys\n"
        "from pathlib import Path\n"
        "real = shutil.rmtree\n"
        "def checked(path, *a, **k):\n"
        "    still_open = [p.name for p in Path(path).glob('*.lock')]\n"
        "    print('open at removal:', still_open, file=sys.stderr)\n"
        "    return real(path, *a, **k)\n"
        "shutil.rmtree = checked\n"
        "from safer_desk.cli import main\n"
        "sys.exit(main(['--demo']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], env={**env, "SAFER_DESK_CLOSE_AFTER_START": "1"},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "open at removal: []" in result.stderr


# --- Qt cannot start ----------------------------------------------------------------------------------

def qt_folder() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt"


def broken_xcb_plugin(tmp_path: Path, lib: bytes = b"libxcb-shape.so.0") -> tuple[Path, str]:
    """A copy of Qt's X11 plugin that asks the loader for a library no system has (same length name),
    beside a link to Qt's own libraries, as a machine without that library would see it."""
    plugin = qt_folder() / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file() or not shutil.which("ldd"):
        pytest.skip("needs the X11 plugin of PySide6 on Linux and ldd")
    missing = lib[:-5] + b"z" + lib[-4:]  # libxcb-shape.so.0 -> libxcb-shapz.so.0
    data = plugin.read_bytes()
    assert data.count(lib + b"\x00") == 1
    qt = tmp_path / "Qt"
    (qt / "plugins" / "platforms").mkdir(parents=True)
    (qt / "plugins" / "platforms" / "libqxcb.so").write_bytes(data.replace(lib + b"\x00", missing + b"\x00"))
    (qt / "lib").symlink_to(qt_folder() / "lib")  # the plugin finds Qt's libraries at $ORIGIN/../../lib
    return qt / "plugins" / "platforms", missing.decode()


@posix_only
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux: Qt's X11 plugin")
def test_when_qt_cannot_load_its_plugin_the_missing_library_is_named(env, tmp_path):
    platforms, missing = broken_xcb_plugin(tmp_path)
    result = run(env, "--demo", QT_QPA_PLATFORM="xcb", QT_QPA_PLATFORM_PLUGIN_PATH=str(platforms), DISPLAY=":99")
    assert result.returncode == 1, result.stderr  # not Qt's abort (-6) with a core dump
    assert "needs system libraries that are not installed: " in result.stderr
    assert missing in result.stderr
    assert "xcb-cursor0 or libxcb-cursor0 is needed" not in result.stderr  # Qt's misleading hint
    assert "Reinstalling the application" not in result.stderr
    assert list(temp_of(env).iterdir()) == []  # Qt is started before the example is copied


@posix_only
def test_when_there_is_no_display_it_says_so(env):
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    result = run(env, "--demo", QT_QPA_PLATFORM="xcb")
    assert result.returncode == 1, result.stderr
    assert "Safer Desk cannot open its window" in result.stderr
    if "not installed" not in result.stderr:  # a machine with every X11 library installed
        assert "DISPLAY is not set" in result.stderr
    assert list(temp_of(env).iterdir()) == []


LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /opt/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f)
\tlibxcb-icccm.so.4 => not found
"""


def test_missing_libraries_come_from_the_loader_and_map_to_packages(monkeypatch, tmp_path):
    plugin = tmp_path / "platforms" / "libqxcb.so"
    plugin.parent.mkdir()
    plugin.write_bytes(b"")
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    monkeypatch.setattr(platform_check.shutil, "which", lambda name: f"/usr/bin/{name}" if name in ("ldd", "apt-get") else None)
    monkeypatch.setattr(platform_check.subprocess, "run",
                        lambda *a, **k: subprocess.CompletedProcess(a, 0, stdout=LDD_OUTPUT, stderr=""))
    monkeypatch.delenv("QT_QPA_PLATFORM_PLUGIN_PATH", raising=False)
    monkeypatch.delenv("QT_PLUGIN_PATH", raising=False)
    messages = ["From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform plugin.",
                'Could not load the Qt platform plugin "xcb" in "" even though it was found.']
    text = platform_check.explain(messages, tmp_path)
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in text
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in text
    assert "cursor" not in text.replace(str(plugin), "")


def test_fedora_gets_dnf_and_unknown_libraries_are_named():
    import unittest.mock as mock

    with mock.patch.object(platform_check.shutil, "which", lambda name: "/usr/bin/dnf" if name == "dnf" else None):
        assert platform_check.install_command(["libxcb-icccm.so.4", "libfoo.so.1"]) == (
            "sudo dnf install xcb-util-wm", ["libfoo.so.1"])
    with mock.patch.object(platform_check.shutil, "which", lambda name: None):
        assert platform_check.install_command(["libxcb-icccm.so.4"]) == ("", ["libxcb-icccm.so.4"])


def test_the_loader_error_is_used_when_there_is_no_ldd(monkeypatch, tmp_path):
    """macOS and Windows have no ldd: ask the loader itself (it names the first missing library on POSIX)."""
    import ctypes

    def refuse(path):
        raise OSError("libxcb-icccm.so.4: cannot open shared object file: No such file or directory")

    monkeypatch.setattr(platform_check.shutil, "which", lambda name: None)
    monkeypatch.setattr(ctypes, "CDLL", refuse)
    assert platform_check.missing_libraries(tmp_path / "libqxcb.so") == ["libxcb-icccm.so.4"]


def test_windows_names_the_plugin_and_the_folder(monkeypatch, tmp_path):
    import ctypes

    (tmp_path / "platforms").mkdir()
    (tmp_path / "platforms" / "qwindows.dll").write_bytes(b"")
    monkeypatch.setattr(platform_check.sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "CDLL", lambda path: (_ for _ in ()).throw(OSError("[WinError 126] The specified "
                                                                                   "module could not be found")))
    monkeypatch.delenv("QT_QPA_PLATFORM_PLUGIN_PATH", raising=False)
    monkeypatch.delenv("QT_PLUGIN_PATH", raising=False)
    text = platform_check.explain(['Could not load the Qt platform plugin "windows" in ""'], tmp_path)
    assert "qwindows.dll" in text and "copy the whole folder again" in text


# --- signals inside the process, both branches ------------------------------------------------------------

@pytest.mark.parametrize("windows", [False, True], ids=["posix", "windows-forced"])
def test_sigterm_closes_every_window(qtbot, windows):
    from PySide6.QtWidgets import QApplication, QWidget

    from safer_desk.ui.app import _CloseOnSignal

    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    closer = _CloseOnSignal(QApplication.instance(), windows=windows)
    try:
        assert (closer._timer is not None) is windows  # Windows: Python looks for signals on a timer
        signal.raise_signal(signal.SIGTERM)
        qtbot.waitUntil(lambda: not widget.isVisible())
        assert closer.received == signal.SIGTERM
    finally:
        closer.restore()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


CTRL_C_WHILE_QT_LOADS = """
import builtins, signal, sys
from safer_desk import cli
real_import = builtins.__import__
def import_(name, *args, **kwargs):
    if name == "PySide6.QtGui" and "PySide6.QtGui" not in sys.modules:
        signal.raise_signal(signal.SIGINT)  # Ctrl+C in the terminal while Qt loads (inside shiboken's import)
    return real_import(name, *args, **kwargs)
builtins.__import__ = import_
sys.exit(cli.main(["--demo"]))
"""


@posix_only
def test_ctrl_c_while_qt_loads_ends_quietly(env):
    """Before the window exists there is nothing to close: Ctrl+C ends the program as at any other moment
    ("interrupted; nothing was changed", exit 130), not with a KeyboardInterrupt inside Qt's own import (an
    ImportError about libshiboken, or an abort), and leaves no demo copy."""
    result = subprocess.run([sys.executable, "-c", CTRL_C_WHILE_QT_LOADS], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 130, result.stderr
    assert "interrupted; nothing was changed" in result.stderr
    assert "Traceback" not in result.stderr and "libshiboken" not in result.stderr
    assert list(temp_of(env).iterdir()) == []


def test_a_signal_in_the_middle_of_qt_work_closes_the_window_only_after_it(qtbot):
    """A signal's handler runs wherever Python happens to be: inside a slot, a paint, a model's data() called
    by a view. Closing the windows right there deleted what the C++ code up the stack was still using (a
    SIGTERM as the demo opened its file ended in a segmentation fault once in a full test run). The handler only
    notes the signal; the event loop closes the windows once the work in hand has returned."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from safer_desk.ui.app import _CloseOnSignal

    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    closer = _CloseOnSignal(QApplication.instance())
    seen = []

    def some_slot() -> None:  # Qt is running this; the signal comes in the middle of it
        signal.raise_signal(signal.SIGTERM)
        seen.append((closer.received, widget.isVisible()))

    try:
        QTimer.singleShot(0, some_slot)
        qtbot.waitUntil(lambda: not widget.isVisible())
    finally:
        closer.restore()
    assert seen == [(signal.SIGTERM, True)]  # still open inside the slot; closed after it returned


def test_unattended_a_file_that_cannot_open_is_said_on_stderr_not_in_a_dialog(env, tmp_path):
    """With SAFER_DESK_CLOSE_AFTER_START (tests, the smoke test, benchmarks) nobody answers dialogs:
    the refusal goes to stderr and the exit code is 1, instead of a window waiting for ever."""
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    result = run(env, str(bad), SAFER_DESK_CLOSE_AFTER_START="1", timeout=120)
    assert result.returncode == 1, result.stderr
    assert "safer-desk: error: Cannot open file: notes.sqlite is not a Safer Desk file" in result.stderr


def test_unattended_a_damaged_file_refused_after_the_first_screen_ends_the_process(env, tmp_path, demo_path):
    """The damage checks run after the first screen (storage.store.WriteGate): a file they refuse is said on
    stderr and the process ends with 1, unchanged, instead of a closed window whose loop never ends."""
    from tests.safety.helpers import sha256
    from tests.safety.test_bad_files import damage_a_data_page

    damaged = damage_a_data_page(demo_path)
    before = sha256(damaged)
    result = run(env, str(damaged), SAFER_DESK_CLOSE_AFTER_START="1", timeout=60)
    assert result.returncode == 1, result.stderr
    assert "first screen at" in result.stderr
    assert f"safer-desk: error: Cannot open file: {damaged.name} is damaged" in result.stderr
    assert sha256(damaged) == before


def test_without_a_console_on_windows_the_reason_goes_to_a_message_box(monkeypatch):
    """`Safer Desk.exe` has no console (entry.py captures stderr): when Qt cannot start there is no
    Qt box either, so the reason goes to Windows' own message box."""
    import ctypes
    import io
    import types

    from safer_desk.ui.app import tell_without_qt

    shown = []
    fake = types.SimpleNamespace(user32=types.SimpleNamespace(MessageBoxW=lambda *a: shown.append(a)))
    monkeypatch.setattr(ctypes, "windll", fake, raising=False)
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    tell_without_qt("Safer Desk cannot open its window: …", windows=True)
    assert shown == [(None, "Safer Desk cannot open its window: …", "Safer Desk", 0x10)]
    shown.clear()
    monkeypatch.setattr(sys, "stderr", open(os.devnull, "w"))  # a console: stderr is enough
    try:
        tell_without_qt("x", windows=True)
    finally:
        sys.stderr.close()
    assert shown == []


def test_the_windows_data_folder_is_local_appdata_safer_desk(monkeypatch, tmp_path):
    """platformdirs' Windows branch with our arguments: %LOCALAPPDATA%\\Safer Desk, not roaming, no
    company folder (README, "Where your data lives")."""
    from platformdirs import windows

    monkeypatch.setattr(windows, "get_win_folder", lambda csidl: {"CSIDL_LOCAL_APPDATA": "C:\\Users\\a\\AppData\\Local",
                                                                  "CSIDL_APPDATA": "C:\\Users\\a\\AppData\\Roaming"}[csidl])
    import platformdirs

    from safer_desk import paths

    monkeypatch.setattr(platformdirs, "PlatformDirs", windows.Windows)  # the class platformdirs picks on Windows
    monkeypatch.delenv("SAFER_DESK_HOME")
    folder = str(paths.data_folder())
    assert folder.replace("/", "\\") == "C:\\Users\\a\\AppData\\Local\\Safer Desk"


AT_FIRST_SCREEN = """
import builtins, gc, os, sys
import safer_desk.ui.app as app
drawn = app._first_screen_drawn
def first_screen(window):
    drawn(window)
    plain = builtins.__import__ is getattr(builtins, "__orig_import__", builtins.__import__)
    from safer_desk.domain.text import LazyPattern
    compiled = [f"{'compiled' if value._compiled is not None else 'waiting'} {name}.{key}"
                for name, module in list(sys.modules.items()) if name.startswith("safer_desk")
                for key, value in vars(module).items() if isinstance(value, LazyPattern)]
    made = [f"dataclass {name}.{value.__qualname__}" for name, module in list(sys.modules.items())
            if name.startswith("safer_desk") for value in vars(module).values()
            if isinstance(value, type) and value.__module__ == name and "__dataclass_fields__" in value.__dict__]
    sys.stdout.write(f"plain imports: {plain}\\ncollector at the first screen: {gc.isenabled()}\\n"
                     + "\\n".join(sorted(sys.modules) + compiled + made) + "\\n")
    sys.stdout.flush()
app._first_screen_drawn = first_screen
shown = app._close_once_shown
def settled(window):
    from safer_desk.ui import workers
    sys.stdout.write(f"collector once settled: {gc.isenabled()}, on the GUI thread: {workers._COLLECTOR is not None}, "
                     f"start-up frozen: {gc.get_freeze_count() > 0}\\n")
    shown(window)
app._close_once_shown = settled
from safer_desk.cli import main
sys.exit(main(sys.argv[1:]))
"""

# Loaded only once something asks for them: none is needed to show the register, and each is start-up time.
NOT_BEFORE_THE_FIRST_SCREEN = (
    "hashlib",  # OpenSSL's, for the audit chain's hashes: 5 ms
    "secrets", "html",
    "safer_desk.domain.scales",  # a project's scale in a scenario (its dataclass: 4 M), for commissioning
    "safer_desk.domain.quarters",  # an ordered dataclass (5 M); the register shows months and years, no quarter
    "getpass",  # with termios and pwd (2 M), for the user name the audit trail records: looked up at the first write
    "safer_desk.services.history",  # the History of Changes (its records), for a change's name in it
    "safer_desk.exchange.files", "safer_desk.ui.kit.exports",  # copy, paste and export
    "safer_desk.ui.projects.editor",  # built once the register is on screen
    "safer_desk.ui.start",  # the start page, for a file that holds nothing yet
    # the funders' awards (their classes and patterns: 44 M instructions of 1,336 M); the register's Check column
    # asks only services.projects.shares_over_cost
    "safer_desk.services.funders", "safer_desk.domain.commissioning", "safer_desk.storage.snapshots",
    "safer_desk.presenters.funders",  # the editor's summary of the funders' shares (11 M with presenters.start)
    "safer_desk.presenters.start",  # the start page's steps; the status bar's file name is presenters.recent's
    "safer_desk.storage.audit_chain",  # checking the trail's hash chain, and its repair: 9 M
    # the schema's SQL, for applying steps: an up-to-date file's are checked against schema.STEP_NAMES (4 M)
    "safer_desk.storage.schema.core", "safer_desk.storage.schema.projects", "safer_desk.storage.schema.allocation",
    "safer_desk.storage.schema.costs", "safer_desk.storage.schema.indicators", "safer_desk.storage.schema.exchange",
    "safer_desk.storage.schema.budgets",
    "fractions",  # 4 M: a Fraction is asked about with domain.money.is_fraction, made where a share is worked out
    "pandas", "numpy", "sqlite_utils", "pyqtgraph",
)


# The dataclasses made before the first screen. Python 3.11 compiles each generated method (a frozen dataclass's six,
# an ordered one's ten) as the class is made: 2-5 M instructions each, so one the first screen does not use belongs
# in a module it does not load (domain.quarters, domain.scales), or is a NamedTuple (storage.audit.TriggerProblem,
# services.projects.PasteReading and ProjectSnapshot, storage.leftovers._Session, domain.checks.Slip; and, used,
# storage.store.FileCheck, services.files.OpenedFile, ui.tabs.TabSpec, the register's Officer, LineAmount
# and Reconciliation) or a plain class (storage.audit.Batch, presenters.actions.Action; and, used, written out to
# behave as the dataclasses they were: domain.periods.Month and FinancialYear, domain.money.Cost,
# domain.projects.Criterion, presenters.forms.Field, the kit's ui.kit.tables.Column, services.provenance.RowOrigins,
# storage.schema.MigrationSet; test_written_out_dataclasses_s71).
MADE_BEFORE_THE_FIRST_SCREEN = {  # what the register shows and the file it is read from
    "safer_desk.services.projects.Project",
    "safer_desk.services.projects.CostLine", "safer_desk.services.projects.FundingSource",
    "safer_desk.services.projects.StatusChange",
}


def test_the_first_screen_loads_only_what_it_shows(env, demo_path):
    """Start-up (issue 16): what the first screen does not need stays unloaded until it is drawn, and PySide6's
    import hook, which read the source of every module imported after it, is gone."""
    result = subprocess.run([sys.executable, "-c", AT_FIRST_SCREEN, str(demo_path)],
                            env={**env, "SAFER_DESK_CLOSE_AFTER_START": "1"}, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "plain imports: True"
    # Python's garbage collector is paused until the first screen is drawn, then runs again, on the GUI thread only
    # (never on a worker's: round 39), without walking what start-up made (gc.freeze): it has nothing to collect
    # there, and its rounds cost start-up.
    assert lines[1] == "collector at the first screen: False"
    assert "collector once settled: False, on the GUI thread: True, start-up frozen: True" in lines
    assert "safer_desk.ui.projects.tab" in lines  # the register is what it shows
    assert [m for m in NOT_BEFORE_THE_FIRST_SCREEN if m in lines] == []
    # Regular expressions are compiled when first used (domain.text.LazyPattern): reading a funding line, a typed
    # date or a pasted amount is not on the way to the register's first screenful.
    compiled = [line.split()[1] for line in lines if line.startswith("compiled ")]
    assert not [name for name in compiled if name.endswith(("_FUNDING_YEAR", "_DATE", "_SHARE_SPLIT", "_OFFICER_SPLIT",
                                                             "_TOTAL_LINE", "_SHOWN_FIGURE", "_BACKUP_NAME"))]
    assert "waiting safer_desk.services.projects._BARE_FUNDING_YEAR" in lines  # its module loaded, it not compiled
    assert "waiting safer_desk.ui.kit.errors.QUOTED" in lines  # for a message logged, not the first screen
    made = {line.split()[1] for line in lines if line.startswith("dataclass ")}
    assert made == MADE_BEFORE_THE_FIRST_SCREEN  # each made listed, each listed made (the list stays true)


SHOWN_AT_FIRST_SCREEN = """
import sys
import safer_desk.ui.app as app
drawn = app._first_screen_drawn
def first_screen(window):
    drawn(window)
    page = window.tab_widgets["projects"].register
    view = page.view
    shown = [view.model().index(r, 1).data() for r in range(view.model().rowCount())
             if view.visualRect(view.model().index(r, 1)).intersects(view.viewport().rect())]
    sys.stdout.write(f"register shown: {page.isVisible() and view.viewport().isVisible()}\\n")
    sys.stdout.write(f"rows in view: {len(shown)}\\n")
    sys.stdout.flush()
app._first_screen_drawn = first_screen
from safer_desk.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_the_first_screen_said_is_the_register_drawn(env, demo_path):
    """benchmarks/startup.py times start-up to the moment the program says its first screen is drawn: that screen is
    the register with its first rows in view, not the tab bar over an empty page (the tab was added to a page already
    shown, so Qt showed it only at the next turn of the event loop, after the moment said)."""
    result = subprocess.run([sys.executable, "-c", SHOWN_AT_FIRST_SCREEN, str(demo_path)],
                            env={**env, "SAFER_DESK_CLOSE_AFTER_START": "1"}, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "register shown: True" in result.stdout.splitlines()
    rows = int(next(line for line in result.stdout.splitlines() if line.startswith("rows in view: ")).split(": ")[1])
    assert rows >= 10
