"""Starting the window, and rendering it offscreen for `safer-desk screenshot`."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from safer_desk import APP_NAME, __version__

SCREENSHOT_SIZE = (1280, 800)


def ensure_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(APP_NAME)
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        app = QApplication(argv if argv is not None else [sys.argv[0]])
        app.setApplicationDisplayName(APP_NAME)
        app.setDesktopFileName("safer-desk")
    return app  # type: ignore[return-value]


def run_window(path: Path | None = None, *, create: bool = False) -> int:
    """Show the window, then open the file once it has painted (heavy imports come after)."""
    app = ensure_app()
    from safer_desk.ui.main_window import MainWindow, app_icon

    app.setWindowIcon(app_icon())
    window = MainWindow()
    window.show()

    def open_file() -> None:
        from safer_desk.storage.leftovers import remove_leftovers

        try:
            remove_leftovers(system_temp=True)  # what a killed earlier run left behind, after the first paint
        except OSError:
            pass
        if path is None:
            window.open_default()
        else:
            window.open_path(path, create=create)

    QTimer.singleShot(0, open_file)
    return app.exec()


def wait_until_idle(window, timeout_s: float = 20.0) -> None:
    """Let queued events and background loads finish (used only by the screenshot command and tests)."""
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    pause_ms = 0  # first just drain what is queued; poll only while something is still running
    while time.monotonic() < deadline:
        QTimer.singleShot(pause_ms, loop.quit)
        loop.exec()
        if QThreadPool.globalInstance().activeThreadCount() == 0 and not window.is_busy():
            return
        pause_ms = 20


def screenshot(out: Path, path: Path, *, tab: str = "projects") -> Path:
    """Render the real main window on a file offscreen and save it as PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = ensure_app()
    from safer_desk.ui.main_window import MainWindow
    from safer_desk.storage.store import FileLocked, open_store

    try:
        store = open_store(path)
    except FileLocked:  # open in a window already: a picture needs no write access
        store = open_store(path, read_only=True)
    window = MainWindow()
    window.persist_state = False
    window.resize(*SCREENSHOT_SIZE)
    window.set_store(store)
    window.show_tab(tab)
    window.show()
    wait_until_idle(window)
    image = window.grab()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise OSError(f"could not write {out}")
    window.close()
    app.processEvents()
    return out
