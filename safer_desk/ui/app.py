"""Starting the window, and rendering it offscreen for `safer-desk screenshot`."""

from __future__ import annotations

import gc
import os
import signal
import sys
import time
from pathlib import Path

from PySide6.QtCore import (QCoreApplication, QEventLoop, QSettings, Qt, QTimer, QtMsgType,
                            qInstallMessageHandler)
from PySide6.QtWidgets import QApplication

from safer_desk import APP_NAME, __version__


def plain_imports() -> bool:
    """Give Python its own ``__import__`` back from PySide6's; True when it was PySide6's.

    PySide6 puts a hook there for its ``from __feature__ import …`` switches (snake_case, true_property): after
    every import it reads the source file of each module it has not seen, to look for the word "PySide6". Safer
    Desk uses no such switch (nor does any library it loads), and on the way to the first screen that reading
    cost about 11 ms, one file for each of some 150 modules. Without it Qt's classes behave the same: a module the
    hook never saw gets the default, no feature.
    """
    import builtins

    original = getattr(builtins, "__orig_import__", None)
    if original is None or builtins.__import__ is not getattr(builtins, "__feature_import__", None):
        return False
    builtins.__import__ = original
    return True


plain_imports()

SCREENSHOT_SIZE = (1280, 800)
# Set (to anything) to make the window close itself once it has shown its file: the README test,
# the packaging smoke test and benchmarks/startup.py start the real window this way.
CLOSE_AFTER_START = "SAFER_DESK_CLOSE_AFTER_START"
# Exit code when Qt cannot start (the message says why and what to install).
QT_FAILED = 1


def ensure_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(APP_NAME)
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        app = _start_qt(argv if argv is not None else [sys.argv[0]])
        app.setApplicationDisplayName(APP_NAME)
        app.setDesktopFileName("safer-desk")
    return app  # type: ignore[return-value]


def _start_qt(argv: list[str]) -> QApplication:
    """Create the QApplication; if Qt cannot start, say which libraries are missing instead of Qt's hint."""
    held: list[str] = []

    def handler(mode, context, message: str) -> None:
        if mode == QtMsgType.QtFatalMsg:
            _cannot_start(held + [message])
        elif (getattr(context, "category", "") or "").startswith("qt.qpa"):
            held.append(message)  # kept back until we know whether Qt starts
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)
    try:
        app = QApplication(argv)
    finally:
        qInstallMessageHandler(previous)
    for message in held:  # Qt started after all: its notes go out as it would have printed them
        sys.stderr.write(message + "\n")
    return app


def _cannot_start(messages: list[str]) -> None:
    """Called from Qt's fatal message: print what to do, then leave without Qt's abort (no core dump)."""
    from PySide6.QtCore import QLibraryInfo

    from safer_desk.ui.platform_check import explain

    try:
        plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
        text = explain(messages, plugins)
    except Exception as exc:  # noqa: BLE001 - never lose the message while explaining it
        text = "Safer Desk cannot open its window: " + " ".join(messages) + f" ({exc})"
    tell_without_qt(text)
    os._exit(QT_FAILED)


def tell_without_qt(text: str, *, windows: bool = os.name == "nt") -> None:
    """Say text where the person will see it when Qt itself cannot: stderr, or on Windows, when there
    is no console (`Safer Desk.exe`, started from the Start menu), a system message box."""
    console = sys.stderr is not None
    if console:
        try:
            sys.stderr.fileno()
        except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation: captured, no console
            console = False
    if sys.stderr is not None:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
    if windows and not console:
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, text, APP_NAME, 0x10)  # MB_ICONERROR


class _CloseOnSignal:
    """SIGINT, SIGTERM (and Ctrl+Break on Windows) close the window the normal way, so the file is
    closed, its lock released and a --demo copy removed, instead of the process dying mid-way."""

    def __init__(self, app: QApplication, *, windows: bool = os.name == "nt"):
        self.app = app
        self.windows = windows
        self.received: int | None = None
        self._previous: dict[int, object] = {}
        self._wakeup = None
        self._timer = None
        names = ["SIGINT", "SIGTERM", "SIGBREAK" if windows else "SIGHUP"]
        for name in names:
            signum = getattr(signal, name, None)
            if signum is not None:
                try:
                    self._previous[signum] = signal.signal(signum, self._handle)
                except (ValueError, OSError):  # not the main thread, or not allowed here
                    pass
        self._keep_python_awake()

    def _keep_python_awake(self) -> None:
        """Python runs signal handlers only when it gets control, and Qt's loop is C++."""
        if not self.windows:  # POSIX: the signal writes to a pipe that Qt's loop watches
            from PySide6.QtCore import QSocketNotifier

            reader, writer = os.pipe()
            os.set_blocking(reader, False)
            os.set_blocking(writer, False)
            try:
                self._old_fd = signal.set_wakeup_fd(writer, warn_on_full_buffer=False)
            except (ValueError, OSError):
                os.close(reader)
                os.close(writer)
                self._poll()
                return
            notifier = QSocketNotifier(reader, QSocketNotifier.Type.Read, self.app)
            notifier.activated.connect(lambda *_: self._drain(reader))
            self._wakeup = (reader, writer, notifier)
        else:  # Windows has no such socket for signals: let Python look a few times a second
            self._poll()

    def _poll(self) -> None:
        timer = QTimer(self.app)
        timer.timeout.connect(lambda: None)
        timer.start(300)
        self._timer = timer

    @staticmethod
    def _drain(reader: int) -> None:
        try:
            while os.read(reader, 64):
                pass
        except OSError:  # BlockingIOError: drained
            pass

    def _handle(self, signum, frame) -> None:
        """Note the signal and leave the closing to the event loop: the handler runs wherever Python is (in a
        slot, a paint, a model's data()), and closing the windows there deletes what the C++ code up the stack
        is still using."""
        self.received = signum
        QTimer.singleShot(0, self._close_all)

    def _close_all(self) -> None:
        """Close the windows as the person would (unsaved changes asked about once), and end the program only when
        they all closed: Qt 6's quit() asks each open window to close again, so a window kept open (Cancel) was
        asked a second time. Kept open, the program goes on as if no signal had come (a later close is ordinary)."""
        QApplication.closeAllWindows()
        if any(w.isVisible() and w.windowType() != Qt.WindowType.Desktop
               and not w.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
               for w in QApplication.topLevelWidgets()):  # one kept open: as closeAllWindows() counts them
            self.received = None
            return
        QApplication.quit()

    def restore(self) -> None:
        for signum, previous in self._previous.items():
            try:
                signal.signal(signum, previous)
            except (ValueError, OSError, TypeError):
                pass
        if self._wakeup is not None:
            reader, writer, notifier = self._wakeup
            notifier.setEnabled(False)
            signal.set_wakeup_fd(self._old_fd)
            os.close(reader)
            os.close(writer)
            self._wakeup = None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None


def run_window(path: Path | None = None, *, create: bool = False, police: list[Path] | None = None) -> int:
    """Show the window, then open the file once it has painted (heavy imports come after).

    ``police``: police.uk files given on the command line (dragged onto the desktop shortcut): the last file used is
    opened and their import into it offered once it has passed its checks (``MainWindow.offer_police_import``).

    Returns the exit code: 0 when closed, 128 + the signal's number when closed by SIGINT/SIGTERM.
    """
    app = ensure_app()
    closer = _CloseOnSignal(app)
    unattended = bool(os.environ.get(CLOSE_AFTER_START))
    failed = []
    previous_hook = sys.excepthook
    try:
        from safer_desk.ui.kit import errors
        from safer_desk.ui.main_window import MainWindow, app_icon

        if unattended:
            _prompts_to_stderr()
        app.setWindowIcon(app_icon())
        window = MainWindow(opening=True)  # the file opens in a moment: no "No file is open" flash first
        # A failure no screen expected (the disk full in the middle of a change) is said, not only printed.
        errors.install(window.session)
        window.show()

        def open_file() -> None:
            if closer.received:
                return
            opened = (window.open_for_import(verify_later=True) if police
                      else window.open_default(verify_later=True) if path is None
                      else window.open_path(path, create=create, verify_later=True))
            window.banner_suspended = False
            window._update_start_banner()
            QTimer.singleShot(0, _resume_collector)
            if opened:  # the damage checks, once the first screen is drawn and before any input is handled
                QTimer.singleShot(0, verify)
            # After the file's first screen: what killed runs left, beside the file too (``leftovers_later``).
            QTimer.singleShot(0, lambda: _remove_leftovers(window.session.store.path if window.session.store else path))
            QTimer.singleShot(0, errors.clean_old_logs)  # what older versions logged of typed text
            if unattended:
                if opened:
                    _first_screen_drawn(window)
                else:  # the reason went to stderr instead of a dialog nobody would answer
                    failed.append(True)
                    window.close()

        def verify() -> None:
            if window.verify_open_file():
                if police:  # asked once the file is known to be sound, never imported unasked
                    QTimer.singleShot(0, lambda: window.offer_police_import(police))
                if unattended:
                    QTimer.singleShot(0, lambda: _close_once_shown(window))
            elif unattended:  # refused after the first screen: said on stderr; closing ends the loop
                failed.append(True)
                window.close()

        QTimer.singleShot(0, open_file)
        code = app.exec() if not closer.received else 0  # a signal before the loop: no loop to end
        window.session.close()  # closed already unless the loop ended some other way
    finally:
        closer.restore()
        sys.excepthook = previous_hook
    if closer.received:
        return 128 + closer.received
    return 1 if failed else code


def _resume_collector() -> None:
    """Once the first screen is drawn: the garbage collector, paused by the command line during start-up
    (cli._open_window), runs again, on the GUI thread only (``workers.collect_on_the_gui_thread``: never on a
    worker's), and leaves what start-up made (modules, classes, the window) out of its rounds from now on
    (``gc.freeze``): those live as long as the program, and each round would walk them."""
    from safer_desk.ui.workers import collect_on_the_gui_thread

    gc.freeze()
    collect_on_the_gui_thread()


def _prompts_to_stderr() -> None:
    """Unattended (CLOSE_AFTER_START): a question or a refusal goes to stderr, and questions are
    answered no, instead of a dialog that would wait for ever."""
    from safer_desk.ui import prompts

    def say(kind: str, title: str, text: str) -> None:
        sys.stderr.write(f"safer-desk: {kind}: {title}: {text}\n")

    prompts.show_error = lambda parent, title, text: say("error", title, text)
    prompts.show_info = lambda parent, title, text: say("note", title, text)

    def ask(parent, title, text, **kwargs) -> bool:
        say("question answered no", title, text)
        return False

    prompts.ask = ask


def _remove_leftovers(path: Path | None) -> None:
    """What a killed earlier run left behind (only runs that have ended), once the window shows its file: in the
    system's temporary folder, this user's data folder, and beside the file (opened with ``leftovers_later``)."""
    from safer_desk.services.files import leftover_folders, remove_leftovers

    try:
        remove_leftovers(leftover_folders(path) if path is not None else (), system_temp=True)
    except OSError:
        pass


def _first_screen_drawn(window) -> None:
    """For CLOSE_AFTER_START: draw the first screen with the file open now, as the event loop would next
    (its layouts first, then every widget in view painted), and say when. Work a tab leaves for after its first
    screenful (the Projects editor) is not in it; ``window shown at`` below comes once everything has settled.

    Painted with ``grab``, as benchmarks/startup.py's bare window is: the window is not exposed yet when the
    file has opened (its platform window comes a turn of the event loop later), and ``repaint`` paints nothing
    then, so a first screen said after it would not include its paint."""
    from PySide6.QtCore import QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
    window.grab()
    sys.stderr.write(f"safer-desk: first screen at {time.time():.3f} (cpu {time.process_time():.3f})\n")


def _close_once_shown(window) -> None:
    """For CLOSE_AFTER_START: once every tab has settled, draw the whole window, say when, and close normally."""
    wait_until_idle(window)
    window.grab()  # the whole window drawn, as the bare-window floor of benchmarks/startup.py does
    title = window.windowTitle()
    sys.stderr.write(f"safer-desk: window shown at {time.time():.3f} (cpu {time.process_time():.3f}) ({title}); "
                     f"closing it because "
                     f"{CLOSE_AFTER_START} is set\n")
    sys.stderr.flush()
    window.close()


class StillLoading(RuntimeError):
    """A page of the window never said it had loaded (a fault): no picture of it half loaded is drawn."""


# Not a wait: a guard. The wait is for each page's own ``loaded`` signal; only a page that never sends it meets this.
LOADING_GUARD_MS = 300_000


def wait_until_idle(window, guard_ms: int = LOADING_GUARD_MS) -> None:
    """Let queued events run and every tab built finish loading (used by the screenshot command, the pictures of
    the guide and tests). A tab still loading is waited for by its own ``loaded`` signal (TabBase), not by the
    clock: polled against a 20-second deadline, a busy machine got a picture of Costs > Pooled funds half loaded
    ("£805.67 a m", no "(projected)"). Then what showing it queued (layouts, a table's widths) runs until a few
    turns of the event loop in a row find nothing loading. Raises StillLoading if a page never says it has."""
    from safer_desk.ui.workers import running_tasks

    loop = QEventLoop()
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    # Each page's and task's signal connected once, kept with what sends it: a second turn that found it still
    # loading connected it again, and Qt takes every connection of the slot out at the first disconnect, so the
    # second warned "Failed to disconnect" (PySide6 warns, not raises, of a slot not connected)
    watched: dict[int, tuple] = {}
    settled = 0  # turns in a row with nothing loading: work left for the next turn (a page's least size) done too
    try:
        while settled < 3:
            QTimer.singleShot(0, loop.quit)  # one turn: what is queued now runs
            loop.exec()
            tasks = running_tasks()  # work on the thread pool besides the tabs' (a file's check)
            if not window.is_busy() and not tasks:
                settled += 1
                continue
            settled = 0
            senders = [(tab, tab.loaded) for tab in window.tab_widgets.values()]
            for sender, signal in senders + [(t.signals, t.signals.finished) for t in tasks]:
                if id(sender) not in watched:
                    signal.connect(loop.quit)
                    watched[id(sender)] = (sender, signal)
            guard.start(guard_ms)
            loop.exec()  # until a tab says it has loaded, or a task has finished
            if not guard.isActive():
                busy = [key for key, tab in window.tab_widgets.items() if tab.is_busy()] or ["background work"]
                raise StillLoading(f"{', '.join(busy)} never finished loading, so no picture was drawn")
            guard.stop()
    finally:
        guard.stop()
        for _sender, signal in watched.values():
            try:
                signal.disconnect(loop.quit)
            except RuntimeError:  # gone with its tab or task (its C++ object deleted)
                pass


def screenshot(out: Path, path: Path, *, tab: str = "projects", size: tuple[int, int] | None = None,
               cancelled=lambda: False) -> Path:
    """Render the real main window on a file offscreen and save it as PNG. cancelled (Ctrl+C, held back while Qt
    draws) is asked before the window is made and before the picture is saved: Cancelled, and nothing is saved."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = ensure_app()
    from safer_desk.ui.main_window import MainWindow
    from safer_desk.services.files import FileLocked, FileReadOnly, IsAnExport, open_office_file
    from safer_desk.services.progress import check_cancelled
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from safer_desk.exchange.files import WriteFailed, write_bytes_atomically

    check_cancelled(cancelled)

    try:
        store = open_office_file(path).store
    except (FileLocked, FileReadOnly, IsAnExport):
        # A picture needs no write access: a file open in a window already, read-only on disk or an export for
        # the county is drawn as the window offers it, opened read-only (an export with the police.uk figures
        # its counts give), and never written to.
        store = open_office_file(path, read_only=True).store
    window = MainWindow()
    window.persist_state = False
    try:
        window.resize(*(size or SCREENSHOT_SIZE))
        window.set_store(store)
        window.show_tab(tab)
        window.show()
        wait_until_idle(window)
        check_cancelled(cancelled)
        image = window.grab()
        out = Path(out)
        # Drawn into memory, then written by Safer Desk's checked write: Qt never writes the disk itself (on a full
        # disk it printed "libpng error: Write Error" before the message, and gave no cause).
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise WriteFailed(None, "Qt could not draw the picture", out, what=f"The picture {out.name}")
        buffer.close()
        write_bytes_atomically(out, data.data(), what=f"The picture {out.name}")
    finally:
        window.close()  # closes the file too, so a --demo copy can be removed
        window.session.close()
        app.processEvents()
    return out
