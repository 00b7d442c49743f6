"""The `safer-desk-window` program a pip install makes (pyproject's gui-scripts): on Windows it runs without a
console, as the packaged `Safer Desk.exe` does, so sys.stdout and sys.stderr are None there."""

from __future__ import annotations

import importlib
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def window_script():
    """The function pip's `safer-desk-window` launcher calls."""
    target = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["gui-scripts"]["safer-desk-window"]
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def without_console(run, monkeypatch) -> int:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    opened = []
    real_open = open

    def kept_open(*args, **kwargs):  # the null device a run may open for its writes: closed after
        handle = real_open(*args, **kwargs)
        opened.append(handle)
        return handle

    monkeypatch.setattr("builtins.open", kept_open)
    code = run()
    monkeypatch.undo()
    for handle in opened:
        handle.close()
    return code


def test_a_refusal_of_the_window_script_is_shown_in_a_box(monkeypatch, qapp, tmp_path):
    """A shortcut to `safer-desk-window` with a file on a USB stick that is not plugged in: the refusal went to
    stderr, which is None without a console, so nothing at all was seen and the program just ended."""
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    monkeypatch.setattr(sys, "argv", ["safer-desk-window", str(tmp_path / "Ynys Môn.sqlite")])
    assert without_console(window_script(), monkeypatch) == 1
    assert len(shown) == 1 and "there is no file at" in shown[0] and "Ynys Môn.sqlite" in shown[0]


def test_the_window_script_with_a_console_says_it_there(monkeypatch, tmp_path, capsys):
    """Started from a terminal (Linux, macOS, a console on Windows) it is the `safer-desk` command: stderr, no box."""
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    monkeypatch.setattr(sys, "argv", ["safer-desk-window", str(tmp_path / "missing.sqlite")])
    assert window_script()() == 1
    assert "there is no file at" in capsys.readouterr().err and shown == []


def test_a_usage_error_without_a_console_is_shown_in_a_box(monkeypatch, qapp):
    """argparse ends a usage error with SystemExit, which went past the box of `Safer Desk.exe` too: nothing seen."""
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    monkeypatch.setattr(sys, "argv", ["safer-desk-window", "projects"])
    assert without_console(window_script(), monkeypatch) == 2
    assert len(shown) == 1 and "the following arguments are required: FILE" in shown[0]
