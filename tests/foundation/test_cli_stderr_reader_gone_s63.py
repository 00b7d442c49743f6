"""`safer-desk budget FILE 2>&1 | head -1` (or PowerShell's `2>&1 | Select-Object -First 1`): the reader of both
streams stops after the first line. Standard output going was taken as the reader stopping, but standard error going
was a failure: budget's warning about the paper's subtotal met the closed pipe, the CSV was never printed, and the
command ended with exit 1, as did `safer-desk key` after printing the fingerprint. A change made (an award added),
then a note meeting the closed pipe, read as a refusal to a script with pipefail set (session 63)."""

from __future__ import annotations

import io
import os
import sqlite3
import sys

from safer_desk.cli import main


def _closed_pipe() -> io.TextIOWrapper:
    reading, writing = os.pipe()
    os.close(reading)  # the reader has gone before anything is written
    return io.TextIOWrapper(io.FileIO(writing, "w"), encoding="utf-8", line_buffering=True)


def _run_with_both_streams_closed(monkeypatch, argv: list[str]) -> int:
    out, err = _closed_pipe(), _closed_pipe()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    try:
        return main(argv)
    finally:
        monkeypatch.undo()
        for stream in (out, err):
            try:
                stream.close()
            except OSError:
                pass  # what was buffered for the gone reader


def test_warnings_to_a_gone_reader_are_not_a_failure(demo_path, monkeypatch):
    assert _run_with_both_streams_closed(monkeypatch, ["budget", str(demo_path)]) == 0


def test_the_fingerprint_printed_to_a_gone_reader_is_not_a_failure(monkeypatch):
    assert _run_with_both_streams_closed(monkeypatch, ["key"]) == 0


def test_a_change_made_with_both_streams_gone_is_said_as_made(demo_path, monkeypatch):
    code = _run_with_both_streams_closed(monkeypatch, ["awards", str(demo_path), "--add", "Grant by pipe", "--funder",
                                                       "OPCC", "--year", "2017/18=£1,000"])
    assert code == 0
    conn = sqlite3.connect(demo_path)
    try:
        assert conn.execute("SELECT count(*) FROM funding_awards WHERE name = 'Grant by pipe'").fetchone() == (1,)
    finally:
        conn.close()


def test_stderr_still_says_a_refusal_when_its_reader_is_there(tmp_path, capsys):
    code = main(["projects", str(tmp_path / "nothere.sqlite")])
    assert code == 1 and capsys.readouterr().err.startswith("safer-desk: there is no file at")
