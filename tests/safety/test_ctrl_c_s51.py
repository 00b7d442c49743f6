"""Ctrl+C (SIGINT) on the command line, session 51: at any moment of `report … .pdf` or `screenshot` it ends the
command with "interrupted" and exit 130, never a crash, a traceback or an ignored Ctrl+C, and leaves no lock file;
inside one of the audit trail's SQLite functions it is said as an interruption, not as a file that could not be
written; an interrupted `demo` does not say "what was saved stays saved" of a file it threw away; and at the exit's
tidying up it prints no traceback.

Each Ctrl+C is sent at a chosen point with ``signal.raise_signal``, which runs the handler there and then, as a real
Ctrl+C does at the next line of Python. Where the point is Python code Qt calls (a layout, a paint), the command
runs in a process of its own: before the fix that could crash."""

from __future__ import annotations

import hashlib
import signal
import sqlite3
from pathlib import Path

import pytest

from safer_desk.cli import main
from tests.safety.helpers import run_python


@pytest.fixture(autouse=True)
def ctrl_c_raises():
    """Ctrl+C raises KeyboardInterrupt here, as in a terminal (a test runner's worker may have it ignored)."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def no_traceback(text: str) -> bool:
    return not any(mark in text for mark in ("Traceback", "Fatal Python error", "Exception ignored", "libshiboken"))


# -- 1. Ctrl+C while Qt works: report OUT.pdf and screenshot ------------------------------------------------------

CTRL_C_INSIDE_QT = """
import signal, sys
from {module} import {cls}
real = {cls}.{method}
def {method}(self, *args):
    if not getattr({method}, "done", False):
        {method}.done = True
        print("ctrl-c sent", file=sys.stderr)
        signal.raise_signal(signal.SIGINT)  # Ctrl+C inside Python code that Qt calls
    return real(self, *args)
{cls}.{method} = {method}
from safer_desk import cli
sys.exit(cli.main({argv!r}))
"""


def test_ctrl_c_while_qt_lays_out_the_pdf_report_ends_it_with_nothing_written(demo_path, private_home, tmp_path):
    # Raised inside the chart object Qt asks for its size while laying out a section, the KeyboardInterrupt crashed
    # the program (exit -11), or Qt printed it and went on: exit 0, "wrote out.pdf".
    out = tmp_path / "out.pdf"
    code = CTRL_C_INSIDE_QT.format(module="safer_desk.ui.exchange.report_pdf", cls="_ChartObjects",
                                   method="intrinsicSize", argv=["report", str(demo_path), str(out)])
    result = run_python(code, home=private_home, tmpdir=tmp_path)
    assert "ctrl-c sent" in result.stderr
    assert result.returncode == 130, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "safer-desk: interrupted; nothing was changed."
    assert no_traceback(result.stderr), result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("out") or ".sdtmp" in p.name) == []


def test_ctrl_c_while_the_window_paints_for_a_screenshot_ends_it_and_lets_go_of_the_file(demo_path, private_home,
                                                                                        tmp_path):
    # Raised inside a table cell's paint, it crashed (exit -11) with example.sqlite.lock left behind, or was printed
    # as a traceback and the picture saved all the same (exit 0).
    out = tmp_path / "shot.png"
    code = CTRL_C_INSIDE_QT.format(module="safer_desk.ui.kit.table_view", cls="WholeNumbers", method="paint",
                                   argv=["screenshot", str(out), str(demo_path)])
    result = run_python(code, home=private_home, tmpdir=tmp_path)
    assert "ctrl-c sent" in result.stderr
    assert result.returncode == 130, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "safer-desk: interrupted; nothing was changed."
    assert no_traceback(result.stderr), result.stderr
    assert not out.exists()
    assert not Path(f"{demo_path}.lock").exists()
    assert [p.name for p in tmp_path.iterdir() if ".sdtmp" in p.name] == []


def send_ctrl_c_at(monkeypatch, wanted: str) -> list[str]:
    """Ctrl+C as the step boundary named wanted is passed (safer_desk.faults); the names passed, in order."""
    from safer_desk import faults

    passed: list[str] = []
    real = faults.boundary

    def boundary(name: str) -> None:
        real(name)
        passed.append(name)
        if name == wanted:
            signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(faults, "boundary", boundary)
    return passed


def test_ctrl_c_between_the_render_and_the_write_leaves_no_pdf(demo_path, tmp_path, capsys, monkeypatch):
    out = tmp_path / "out.pdf"
    passed = send_ctrl_c_at(monkeypatch, "report-pdf:after-render")
    assert main(["report", str(demo_path), str(out)]) == 130
    assert "report-pdf:after-render" in passed and "report-pdf:temp-written" not in passed
    assert capsys.readouterr().err == "safer-desk: interrupted; nothing was changed.\n"
    assert not out.exists()


def test_ctrl_c_once_the_pdf_is_in_place_says_it_was_written_whole(demo_path, tmp_path, capsys, monkeypatch):
    # Said "interrupted; nothing was changed." with the report written, whole, at OUT.
    out = tmp_path / "out.pdf"
    send_ctrl_c_at(monkeypatch, "report-pdf:after-replace")
    assert main(["report", str(demo_path), str(out)]) == 130
    err = capsys.readouterr().err
    assert err.startswith(f"safer-desk: interrupted; {out} was written whole before then (") and \
        err.count("\n") == 1, err
    assert out.read_bytes().rstrip().endswith(b"%%EOF")


def test_ctrl_c_held_while_qt_works_is_taken_when_it_ends():
    from safer_desk.cli import ctrl_c_held

    with pytest.raises(KeyboardInterrupt), ctrl_c_held() as pressed:
        assert not pressed()
        signal.raise_signal(signal.SIGINT)  # noted, not raised here
        assert pressed()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    with ctrl_c_held() as pressed:
        pass
    assert not pressed()


def test_ctrl_c_ignored_for_a_program_started_in_the_background_stays_ignored():
    from safer_desk.cli import ctrl_c_held

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with ctrl_c_held() as pressed:
        signal.raise_signal(signal.SIGINT)
    assert not pressed() and signal.getsignal(signal.SIGINT) is signal.SIG_IGN


# -- 2. Ctrl+C inside an audit-trail function SQLite calls ----------------------------------------------------------

def test_ctrl_c_inside_an_audit_function_is_said_as_an_interruption(demo_path, capsys, monkeypatch):
    # SQLite turned the KeyboardInterrupt into "user-defined function raised exception": the command said
    # "example.sqlite could not be written or read: user-defined function raised exception. Nothing was changed."
    # and exit 1, and a script (or an officer) looked for a disk or permission fault.
    from safer_desk.storage import audit

    real = audit._chain
    calls = []

    def chain(*fields):
        calls.append(1)
        if len(calls) == 1:
            signal.raise_signal(signal.SIGINT)
        return real(*fields)

    monkeypatch.setattr(audit, "_chain", chain)
    before = digest(demo_path)
    code = main(["awards", str(demo_path), "--add", "Grant interrupted", "--funder", "OPCC", "--year",
                 "2017/18=£1,000"])
    assert calls, "the audit chain's function was never called"
    assert code == 130
    assert capsys.readouterr().err == "safer-desk: interrupted; nothing was changed.\n"
    conn = sqlite3.connect(demo_path)
    try:
        assert conn.execute("SELECT count(*) FROM funding_awards WHERE name = 'Grant interrupted'").fetchone() == (0,)
    finally:
        conn.close()
    assert digest(demo_path) == before


def test_a_failure_of_a_file_without_ctrl_c_is_still_said_as_one(demo_path, capsys, monkeypatch):
    from safer_desk.storage import audit

    def chain(*fields):
        raise ValueError("not Ctrl+C")

    monkeypatch.setattr(audit, "_chain", chain)
    code = main(["awards", str(demo_path), "--add", "Grant refused", "--funder", "OPCC", "--year", "2017/18=£1,000"])
    assert code == 1
    assert "interrupted" not in capsys.readouterr().err


# -- 3. An interrupted demo: the example built in a copy that was thrown away ---------------------------------------

def test_ctrl_c_while_the_example_is_built_says_nothing_was_written(tmp_path, capsys, monkeypatch):
    # It said "interrupted; what was saved before then stays saved, and the file is whole." with no file there: the
    # commits counted were the temporary copy's.
    out = tmp_path / "d.sqlite"
    send_ctrl_c_at(monkeypatch, "demo:after-fill")
    assert main(["demo", str(out)]) == 130
    assert capsys.readouterr().err == "safer-desk: interrupted; nothing was changed.\n"
    assert not out.exists()


def test_ctrl_c_while_the_example_replaces_a_file_says_nothing_was_changed(demo_path, capsys, monkeypatch):
    before = digest(demo_path)
    send_ctrl_c_at(monkeypatch, "demo:temp-written")
    assert main(["demo", "--replace", str(demo_path)]) == 130
    assert capsys.readouterr().err == "safer-desk: interrupted; nothing was changed.\n"
    assert digest(demo_path) == before


def test_ctrl_c_once_the_example_is_in_place_says_it_stays(tmp_path, capsys, monkeypatch):
    out = tmp_path / "d.sqlite"
    send_ctrl_c_at(monkeypatch, "demo:after-replace")
    assert main(["demo", str(out)]) == 130
    assert "what was saved before then stays saved" in capsys.readouterr().err
    assert out.exists()


# -- 4. Ctrl+C while the run tidies up at its exit -----------------------------------------------------------------

CTRL_C_AT_EXIT = """
import shutil, signal, sys
from pathlib import Path
from safer_desk.storage import leftovers
tmp = leftovers.new_temp_path(Path(sys.argv[1]) / "out.csv")  # starts this run's working session
leftovers.forget(tmp)
print(leftovers.work_root())
real = shutil.rmtree
def rmtree(*args, **kwargs):
    signal.raise_signal(signal.SIGINT)  # Ctrl+C just as the run tidies its working folder away at exit
    return real(*args, **kwargs)
leftovers.shutil.rmtree = rmtree
"""


def test_ctrl_c_while_the_run_tidies_up_at_exit_prints_no_traceback(private_home, tmp_path):
    # "Exception ignored in atexit callback: <function _end_sessions …>" and a KeyboardInterrupt traceback, after
    # the command had said it was done; its working folder was left for the next start.
    result = run_python(CTRL_C_AT_EXIT.replace("sys.argv[1]", repr(str(tmp_path))), home=private_home,
                        tmpdir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert no_traceback(result.stderr), result.stderr
    work = Path(result.stdout.strip())
    assert not work.exists() or list(work.iterdir()) == []
