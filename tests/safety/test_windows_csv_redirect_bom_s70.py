"""A CSV printed to a file on Windows in UTF-8 (session 70). The guide says to set PYTHONUTF8=1 to keep the letters
Windows-1252 lacks (the ŵ and ŷ of Welsh names) in `safer-desk projects office.sqlite > register.csv`; the file was
then UTF-8 without the mark Excel needs, and Excel opened it as Windows-1252: "£5,000" read "Â£5,000" and "Tŷ Hafan"
"TÅ· Hafan". On Windows a CSV printed as UTF-8 into a new (empty) file starts with the mark, as the CSV files Safer Desk
writes do; a pipe, a file appended to, another code page, and Linux and macOS are written as before."""

from __future__ import annotations

import io
import sys

import pytest

from safer_desk.cli import common, main


def _projects_into(tmp_path, demo_path, monkeypatch, *, windows: bool, encoding: str = "utf-8",
                   before: bytes = b"") -> bytes:
    out = tmp_path / "register.csv"
    out.write_bytes(before)
    monkeypatch.setattr(common, "ON_WINDOWS", windows)
    with open(out, "a", encoding=encoding, newline="") as redirected:
        monkeypatch.setattr(sys, "stdout", redirected)
        assert main(["projects", str(demo_path)]) == 0
        monkeypatch.undo()
    return out.read_bytes()


def test_on_windows_a_utf8_csv_into_a_file_opens_in_excel_with_pounds(tmp_path, demo_path, monkeypatch):
    written = _projects_into(tmp_path, demo_path, monkeypatch, windows=True)
    assert written.startswith(b"\xef\xbb\xbfid,title,")
    assert written.decode("utf-8-sig").count("\ufeff") == 0  # once, at the start


@pytest.mark.parametrize("case", ["linux", "cp1252", "appended"])
def test_otherwise_the_csv_is_written_as_before(tmp_path, demo_path, monkeypatch, case):
    written = _projects_into(tmp_path, demo_path, monkeypatch, windows=case != "linux",
                             encoding="cp1252" if case == "cp1252" else "utf-8",
                             before=b"earlier,lines\r\n" if case == "appended" else b"")
    assert b"\xef\xbb\xbf" not in written
    assert written.startswith(b"earlier,lines\r\nid,title," if case == "appended" else b"id,title,")


def test_on_windows_a_csv_into_a_pipe_or_a_capture_has_no_mark(demo_path, monkeypatch, capsys):
    monkeypatch.setattr(common, "ON_WINDOWS", True)
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO(), encoding="utf-8"))
    assert main(["projects", str(demo_path)]) == 0
    sys.stdout.flush()
    assert sys.stdout.buffer.getvalue().startswith(b"id,title,")
