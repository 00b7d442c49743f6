"""The program started without a console: pip's `safer-desk-window` on Windows (pythonw) and the packaged
`Safer Desk.exe` (packaging/entry.py). There sys.stdout and sys.stderr are None, so a refusal the command would
print (a file given on a shortcut that is not there, a usage error) would be seen nowhere: it is shown in a box."""

from __future__ import annotations

import io
import os
import sys
from typing import Callable


def main() -> int:
    """`safer-desk-window`: the `safer-desk` command, its refusals in a box when there is no console."""
    from safer_desk.cli import main as command

    if sys.stderr is not None:  # a terminal (Linux, macOS, a console on Windows): said there, as the command says it
        return command()
    return run_windowed(command, system_box)


def run_windowed(command: Callable[[], int], box: Callable[[str], None]) -> int:
    """Run command with its writes kept working and what it said on stderr shown in a box when it fails (Qt's box,
    else the system's own when Qt itself cannot load)."""
    captured = io.StringIO()
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
    sys.stderr = captured
    try:
        code = command()
    except SystemExit as exc:  # a usage error from argparse: its words were written to stderr
        code = exc.code if isinstance(exc.code, int) else 2
    message = captured.getvalue().strip()
    if code and message:
        try:
            from PySide6.QtWidgets import QApplication, QMessageBox
        except ImportError:  # Qt itself could not load (what the message says): the system's own box says it
            box(message[-2000:])
            return code
        app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - the box needs one
        QMessageBox.critical(None, "Safer Desk", message[-2000:])
    return code


def system_box(text: str) -> None:
    """Windows' own message box, which needs nothing of Qt."""
    import ctypes

    ctypes.windll.user32.MessageBoxW(None, text, "Safer Desk", 0x10)  # MB_ICONERROR
