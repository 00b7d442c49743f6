"""The command line against its contract (round 25): a command run with no standard output (the Start-menu build, or
a script that closed it) does its work and says nothing, as `print` does, instead of a traceback after the change
was saved; and output the disk refuses is said as output, not as the FILE failing with "Nothing was changed"."""

from __future__ import annotations

import io
import sqlite3
import sys
from pathlib import Path

import pytest

from safer_desk.cli import main
from tests.indicators.police_helpers import street_file, suffolk_row


def held(path: Path, sql: str) -> tuple:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()
    finally:
        conn.close()


# -- 1. No standard output (sys.stdout is None) ------------------------------------------------------------------

@pytest.mark.parametrize("argv", [["projects", "FILE"], ["dhr-ledger", "FILE"], ["budget", "FILE"],
                                  ["top-slice", "£2,900,692"], ["awards", "FILE"]])
def test_a_listing_with_no_output_to_write_to_ends_well(demo_path, capsys, monkeypatch, argv):
    # `Safer Desk.exe projects FILE` (the build without a console) or `safer-desk projects FILE >&-`: Python has no
    # sys.stdout. `print` then writes nowhere; the CSV was written with sys.stdout.write and the command ended in
    # AttributeError: 'NoneType' object has no attribute 'write', a traceback and exit 1.
    monkeypatch.setattr(sys, "stdout", None)
    code = main([str(demo_path) if a == "FILE" else a for a in argv])
    monkeypatch.undo()
    assert code == 0
    assert "Traceback" not in capsys.readouterr().err


def test_an_import_with_no_output_to_write_to_is_not_said_to_have_failed(tmp_path, capsys, monkeypatch):
    # The import was saved, then `sys.stdout.flush()` raised AttributeError: a traceback and exit 1 for a change
    # that had been made, so a script would import again believing the first had failed.
    source = street_file(tmp_path, "2025-01-suffolk-street.csv", [suffolk_row()])
    office = tmp_path / "office.sqlite"
    monkeypatch.setattr(sys, "stdout", None)
    code = main(["import-police", str(office), str(source)])
    monkeypatch.undo()
    assert code == 0, capsys.readouterr().err
    assert held(office, "SELECT count(*) FROM indicator_values")[0] > 0


def test_figures_imported_with_no_output_to_write_to_end_well(demo_path, tmp_path, capsys, monkeypatch):
    sheet = tmp_path / "figures.csv"
    sheet.write_text("indicator,area,period,value\nAll crime,Babergh,2016-05,1234\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", None)
    code = main(["import-figures", str(demo_path), str(sheet)])
    monkeypatch.undo()
    assert code == 0, capsys.readouterr().err


# -- 2. Output the disk refuses ----------------------------------------------------------------------------------

class FullDisk(io.TextIOBase):
    """Standard output redirected to a file on a full disk (`safer-desk merge … > log.txt`)."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(28, "No space left on device")


def add_award(path, name: str) -> int:
    """`safer-desk awards FILE --add NAME …`: an award of £1,000 from the OPCC for 2017/18."""
    return main(["awards", str(path), "--add", name, "--funder", "OPCC", "--year", "2017/18=£1,000"])


def test_output_the_disk_refuses_after_a_change_is_not_said_as_nothing_changed(demo_path, capsys, monkeypatch):
    # The award is saved, then its confirmation cannot be written: the command said "example.sqlite could not be
    # written or read: the disk is full. Nothing was changed." and a script believed the office file had failed.
    monkeypatch.setattr(sys, "stdout", FullDisk())
    code = add_award(demo_path, "Grant on a full disk")
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert held(demo_path, "SELECT count(*) FROM funding_awards WHERE name = 'Grant on a full disk'") == (1,)
    assert code == 1
    assert "Nothing was changed" not in err and "output" in err


# -- 3. Letters the output's code page lacks -----------------------------------------------------------------------

def console(encoding: str) -> io.TextIOWrapper:
    """Standard output redirected to a file on Windows: written in the code page (PYTHONIOENCODING=cp1252)."""
    return io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="strict", newline="\n")


def test_a_name_the_code_page_cannot_write_is_said_not_changed_unsaid(demo_path, capsys, monkeypatch):
    # `safer-desk awards FILE > awards.csv` on Windows: the file is cp1252, which has no ŷ or ŵ; the CSV said
    # "T? Hafan" and "Cyngor Gwynedd ?" with exit 0 and nothing on standard error, the names changed unsaid.
    assert main(["awards", str(demo_path), "--add", "Tŷ Hafan", "--funder", "Cyngor Gwynedd ŵ",
                 "--year", "2017/18=£1,000"]) == 0
    capsys.readouterr()
    out = console("cp1252")
    monkeypatch.setattr(sys, "stdout", out)
    code = main(["awards", str(demo_path)])
    monkeypatch.undo()
    err = capsys.readouterr().err
    written = out.buffer.getvalue().decode("cp1252")
    assert code == 0
    assert "Cyngor Gwynedd ?,T? Hafan,2017/18,1000," in written  # as Windows writes it (cli.main: replace)
    assert err.startswith("safer-desk: warning: ") and "cp1252" in err and "PYTHONUTF8=1" in err
    assert "ŵ (U+0175)" in err and "ŷ (U+0177)" in err


def test_names_the_code_page_can_write_are_written_as_they_are_and_nothing_is_said(demo_path, capsys, monkeypatch):
    assert main(["office", str(demo_path), "--county", "Ynys Môn"]) == 0
    assert main(["awards", str(demo_path), "--add", "Grant for Ynys Môn – “pilot”", "--funder", "OPCC",
                 "--year", "2017/18=£1,000"]) == 0
    capsys.readouterr()
    out = console("cp1252")
    monkeypatch.setattr(sys, "stdout", out)
    code = main(["awards", str(demo_path)])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 0 and err == ""
    assert "Grant for Ynys Môn – “pilot”" in out.buffer.getvalue().decode("cp1252")


class Interrupted:
    """Standard output where Ctrl+C lands while the confirmation is printed."""

    def write(self, text: str) -> int:
        raise KeyboardInterrupt

    def flush(self) -> None:
        pass


def test_ctrl_c_after_a_change_was_saved_is_not_said_as_nothing_changed(demo_path, capsys, monkeypatch):
    # The award is saved, then Ctrl+C lands while its confirmation prints: the command said "interrupted; nothing was
    # changed." and a script (or the person) believed the award was not there.
    monkeypatch.setattr(sys, "stdout", Interrupted())
    code = add_award(demo_path, "Grant interrupted")
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 130
    assert held(demo_path, "SELECT count(*) FROM funding_awards WHERE name = 'Grant interrupted'") == (1,)
    assert "nothing was changed" not in err and "saved" in err, err


def test_ctrl_c_before_anything_was_saved_says_nothing_was_changed(demo_path, capsys, monkeypatch):
    from safer_desk.services import funders

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(funders, "save_award", interrupted)
    code = add_award(demo_path, "Grant never saved")
    assert code == 130 and "nothing was changed" in capsys.readouterr().err
