"""`--output OUT.csv` on the commands that print a CSV (session 74). In Windows PowerShell 5.1,
`safer-desk budget office.sqlite > budget.csv` gave "ú" for every "£": Python writes a pipe in the ANSI code page
(Windows-1252: £ is byte A3) and PowerShell reads what a program prints in the console's OEM code page (850: A3 is
ú) before its > writes the file. `--output` writes the file itself, UTF-8 with the mark Excel and PowerShell read
it by. Printing stays as it was (the command-line contract)."""
import codecs
import errno
import io
import os
import sys

import pytest

from safer_desk import cli
from safer_desk.cli import common


class _PowerShellPipe(io.TextIOWrapper):
    """Standard output as Windows PowerShell gives a program: a pipe, in the ANSI code page."""

    def __init__(self):
        super().__init__(io.BytesIO(), encoding="cp1252", newline="")

    def isatty(self):
        return False


def _windows_pipe(monkeypatch) -> _PowerShellPipe:
    """Windows' branch forced, standard output a PowerShell pipe (set in the test: pytest puts its own capture back
    between a fixture and the test)."""
    monkeypatch.setattr(common, "ON_WINDOWS", True)
    pipe = _PowerShellPipe()
    monkeypatch.setattr(sys, "stdout", pipe)
    return pipe


def _printed(pipe: _PowerShellPipe) -> bytes:
    pipe.flush()
    return pipe.buffer.getvalue()


def test_printed_to_powershell_the_pound_became_u_and_output_keeps_it(demo_path, tmp_path, monkeypatch):
    windows_pipe = _windows_pipe(monkeypatch)
    assert cli.main(["budget", str(demo_path)]) == 0
    printed = _printed(windows_pipe)
    assert "£" not in printed.decode("cp850") and "ú" in printed.decode("cp850")  # what PowerShell's > wrote
    out = tmp_path / "budget.csv"
    assert cli.main(["budget", str(demo_path), "--output", str(out)]) == 0
    assert _printed(windows_pipe) == printed  # nothing more printed
    data = out.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    written = data.decode("utf-8-sig")
    assert "£" in written and "ú" not in written
    # the same rows as printed, Windows line ends
    assert written.replace("\r\n", "\n") == printed.decode("cp1252").replace("\r\n", "\n")


@pytest.mark.parametrize("command", sorted(cli.CSV_COMMANDS))
def test_every_csv_command_takes_output(command, capsys):
    with pytest.raises(SystemExit):
        cli.main([command, "--help"])
    assert "--output OUT.csv" in capsys.readouterr().out


def test_output_naming_the_office_file_is_refused_and_the_file_kept(demo_path, capsys):
    before = demo_path.read_bytes()
    assert cli.main(["projects", str(demo_path), "-o", str(demo_path)]) == 2
    assert "ending .csv" in capsys.readouterr().err and demo_path.read_bytes() == before


def test_output_naming_the_input_csv_is_refused(tmp_path, capsys):
    given = tmp_path / "input.csv"
    given.write_text("partnership,fixed_units,basis\nA,1,10\nB,1,30\n", encoding="utf-8")
    before = given.read_bytes()
    assert cli.main(["allocate", str(given), "--pot", "1000", "-o", str(given)]) == 2
    assert "the file the command reads" in capsys.readouterr().err and given.read_bytes() == before


def test_a_full_disk_leaves_no_half_csv(demo_path, tmp_path, monkeypatch, capsys):
    out = tmp_path / "register.csv"
    out.write_bytes(b"the CSV written last week")

    def full(fd, chunks):
        os.write(fd, b"id,title,st")  # part written, then the disk is full
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("safer_desk.storage.safe_write.write_chunks", full)
    assert cli.main(["projects", str(demo_path), "--output", str(out)]) == 1
    said = capsys.readouterr().err
    assert "full" in said and "Traceback" not in said, said
    assert out.read_bytes() == b"the CSV written last week" and os.listdir(tmp_path).count("register.csv") == 1
    assert not [name for name in os.listdir(tmp_path) if name not in ("register.csv", "example.sqlite", "home")]


def test_output_given_to_a_change_that_lists_nothing_says_no_file_was_written(demo_path, tmp_path, capsys):
    out = tmp_path / "awards.csv"
    assert cli.main(["awards", str(demo_path), "--add", "Test award", "--funder", "OPCC", "--year",
                     "2017/18=£1,000", "--output", str(out)]) == 0
    assert not out.exists()
    assert f"nothing was written to {out}" in capsys.readouterr().err


def test_output_dash_is_standard_output(demo_path, capsys):
    assert cli.main(["projects", str(demo_path), "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("id,title,")
