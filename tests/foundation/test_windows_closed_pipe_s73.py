"""Session 73, Windows branch forced: a reader that stops reading (`safer-desk conflicts FILE | more`, quitting
`more`) is said to Python on Windows as OSError EINVAL, not BrokenPipeError. The command goes on to its end as on
Linux, what it prints after goes nowhere, and nothing is said of it; elsewhere EINVAL is a real failure, said."""

from __future__ import annotations

import errno
import os

import pytest


class _ReaderGone:
    """An output whose reader has stopped, as Windows says it of a pipe: EINVAL at each write and flush."""

    def __init__(self):
        self.tries = 0

    def write(self, text):
        self.tries += 1
        raise OSError(errno.EINVAL, "Invalid argument")

    def flush(self):
        raise OSError(errno.EINVAL, "Invalid argument")


def test_on_windows_a_pipe_closed_by_its_reader_is_gone_quietly(monkeypatch):
    from safer_desk.cli import _ReaderMayStop

    out = _ReaderMayStop(_ReaderGone())
    monkeypatch.setattr(os, "name", "nt")
    try:
        assert out.write("partner,billed\n") == len("partner,billed\n")
        out.flush()
    finally:
        monkeypatch.undo()


def test_elsewhere_einval_is_a_failure_said(monkeypatch):
    from safer_desk.cli import _ReaderMayStop
    from safer_desk.cli.common import OutputFailed

    out = _ReaderMayStop(_ReaderGone())
    with pytest.raises(OutputFailed):
        out.write("partner,billed\n")
