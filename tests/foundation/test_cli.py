import subprocess
import sys

import pytest

from safer_desk import __version__
from safer_desk.cli import main


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_demo_writes_a_file_and_refuses_to_overwrite(tmp_path, capsys):
    out = tmp_path / "example.sqlite"
    assert main(["demo", str(out)]) == 0
    assert out.exists()
    assert main(["demo", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_demo_file_holds_the_seed_reference_data(demo_store):
    from safer_desk.services.reference import list_partnerships, partnership_districts, statutory_partners

    names = {p.name for p in list_partnerships(demo_store)}
    assert {"Western CSP", "Western Suffolk CSP", "Safer Plymouth", "Babergh CSP"} <= names
    assert [d.name for d in partnership_districts(demo_store, "partnership:western-csp")] == [
        "Forest Heath", "Mid Suffolk", "St Edmundsbury"]
    # Every partner it has had: seed 002's eleven, West Suffolk Council (2019) and the ICB (2022)
    assert len(statutory_partners(demo_store, "partnership:western-suffolk-csp")) == 13


def test_unknown_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["demo"])
    assert exit_.value.code == 2


def test_an_unknown_option_is_said_with_the_usage_of_the_command_typed(demo_path, capsys):
    """`projects FILE --x` printed the program's usage ("safer-desk [-h] [--version] COMMAND"), not the command's."""
    with pytest.raises(SystemExit) as exit_:
        main(["projects", str(demo_path), "--x"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert err.startswith("usage: safer-desk projects") and "unrecognized arguments: --x" in err


def test_missing_file_for_the_window_is_bad_input(tmp_path, capsys):
    assert main([str(tmp_path / "nope.sqlite")]) == 1
    assert "no file" in capsys.readouterr().err


def test_screenshot_renders_the_real_window(demo_path, tmp_path, capsys):
    out = tmp_path / "shot.png"
    assert main(["screenshot", str(out), "--tab", "projects", str(demo_path)]) == 0
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert image.width() == 1280 and image.height() == 800
    colours = {image.pixel(x, y) for x in range(0, 1280, 40) for y in range(0, 800, 40)}
    assert len(colours) > 3  # a real window, not a blank image


def test_screenshot_of_a_missing_file_is_bad_input(tmp_path, capsys):
    assert main(["screenshot", str(tmp_path / "x.png"), str(tmp_path / "nope.sqlite")]) == 1


def test_a_screenshot_never_replaces_the_office_file_it_was_mistaken_for(demo_path, tmp_path, capsys):
    # `safer-desk screenshot office.sqlite --demo` (FILE where OUT.png belongs) wrote a PNG over office.sqlite.
    office = tmp_path / "office.sqlite"
    office.write_bytes(demo_path.read_bytes())
    before = office.read_bytes()
    assert main(["screenshot", str(office), "--demo"]) == 2
    assert office.read_bytes() == before
    err = capsys.readouterr().err
    assert "office.sqlite" in err and ".png" in err
    assert main(["screenshot", str(tmp_path / "shot"), str(office)]) == 2
    assert not (tmp_path / "shot").exists()


def test_a_folder_named_as_the_file_to_write_is_said_to_be_one(tmp_path, capsys):
    # "screenshot FOLDER.png" said "could not write"; "demo FOLDER.sqlite" said the file "already exists".
    for argv in (["screenshot", "shots.png", "--demo"], ["demo", "example.sqlite"]):
        folder = tmp_path / argv[1]
        folder.mkdir()
        assert main([argv[0], str(folder), *argv[2:]]) == 1
        assert f"{folder.name} is a folder" in capsys.readouterr().err


def test_demo_never_writes_under_another_kind_of_file_s_name(tmp_path, capsys):
    figures = tmp_path / "figures.csv"
    figures.write_text("indicator,area\n", encoding="utf-8")
    assert main(["demo", str(figures), "--force"]) == 2
    assert figures.read_text(encoding="utf-8") == "indicator,area\n"
    assert main(["demo", str(tmp_path / "new.csv")]) == 2
    assert not (tmp_path / "new.csv").exists()


def test_python_dash_m_runs_the_command():
    result = subprocess.run([sys.executable, "-m", "safer_desk", "--version"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and __version__ in result.stdout


def test_output_in_a_narrow_code_page_does_not_crash(tmp_path):
    """A project noted with "√" printed to a cp1252 pipe (Windows redirection) must not abort the CSV."""
    import os

    from safer_desk.services import projects as svc
    from safer_desk.storage.store import open_store

    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    svc.save_project(store, svc.project_from_fields({"title": "Night-time economy √ − ⚠", "cost": "£5,000"}))
    store.close()
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    result = subprocess.run([sys.executable, "-m", "safer_desk", "projects", str(path)], capture_output=True,
                            env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(b"id,title,status")
    assert b"Night-time economy ? ? ?" in lines[1]  # what cp1252 cannot hold is replaced, not fatal


# --- what the first argument means (issue 16) ----------------------------------------------------------

def test_an_unknown_command_is_a_usage_error_that_lists_the_commands(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert "'frobnicate' is neither a command nor a file" in err
    assert "The commands are: demo, screenshot, projects" in err and "report" in err


def test_a_near_miss_is_named(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["exprt", "x.sqlite"]) == 2
    assert "did you mean export?" in capsys.readouterr().err


@pytest.mark.parametrize("word", ["nope.sqlite", "sub/nope", "office.db", "..\\office"])
def test_a_path_that_looks_like_a_file_is_a_missing_file(word, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main([word]) == 1
    assert "there is no file at" in capsys.readouterr().err


@pytest.fixture
def opened(monkeypatch):
    """Stand in for the window: record what it would open."""
    import safer_desk.ui.app as app

    seen = []
    monkeypatch.setattr(app, "run_window", lambda path=None, create=False: seen.append((path, create)) or 0)
    return seen


def test_an_existing_file_without_a_suffix_still_opens(tmp_path, monkeypatch, opened, qapp):
    from pathlib import Path

    monkeypatch.chdir(tmp_path)
    Path("babergh").write_bytes(b"")  # ("office" is a command now: see the test below for that case)
    assert main(["babergh"]) == 0
    assert opened == [(Path("babergh"), False)]


def test_a_command_wins_over_a_file_of_the_same_name(tmp_path, monkeypatch, opened, capsys):
    from pathlib import Path

    monkeypatch.chdir(tmp_path)
    Path("projects").write_bytes(b"")
    with pytest.raises(SystemExit) as exit_:  # `projects` needs its FILE: argparse's usage error
        main(["projects"])
    assert exit_.value.code == 2
    assert opened == []


def test_opening_the_window_imports_no_command_and_nothing_heavy(tmp_path):
    """Start-up: `safer-desk FILE` reaches the window module without the subcommands, pandas, numpy,
    pyarrow, sqlite_utils, pyqtgraph, nor the modules PySide6 itself does not need (argparse,
    socket, shutil, tempfile, uuid: each a few ms on the way to the first paint)."""
    (tmp_path / "office.sqlite").write_bytes(b"")
    code = (
        "import sys, safer_desk.ui.app as app\n"
        "app.run_window = lambda *a, **k: 0\n"
        "app.ensure_app = lambda *a, **k: None\n"
        "before = set(sys.modules)\n"  # what PySide6 (the floor) imports anyway
        "from safer_desk.cli import main\n"
        f"assert main([{str(tmp_path / 'office.sqlite')!r}]) == 0\n"
        "heavy = ('pandas', 'numpy', 'pyarrow', 'sqlite_utils', 'pyqtgraph', 'openpyxl', 'xlsxwriter', 'filelock',\n"
        "         'argparse', 'socket', 'shutil', 'tempfile', 'uuid', 'random')\n"
        "new = set(sys.modules) - before\n"
        "print(sorted(m for m in new if m.startswith('safer_desk.cli.') or m.split('.')[0] in heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['safer_desk.cli.common']"


def test_help_never_breaks_a_word_across_lines(monkeypatch):
    """`dhr-ledger --help` printed "bille" and "d" on two lines, `allocate --help` "basis_sh" and "are_pct": the
    column lists are long words, which argparse cut wherever the line ended."""
    from safer_desk.cli import build_parser

    monkeypatch.setenv("COLUMNS", "80")
    _, subparsers = build_parser()
    for name, parser in subparsers.choices.items():
        shown = parser.format_help().split()
        for word in (parser.description or "").split():
            assert word in shown, f"{name} --help breaks {word!r}"
        for action in parser._actions:
            for word in (action.help or "").split():
                if "%" not in word:
                    assert word in shown, f"{name} --help breaks {word!r} (help of {action.dest})"


@pytest.mark.parametrize("argv", [["report", "FILE", "OUT.html", "--meeting", "31/02/2019"],
                                  ["report", "FILE", "OUT.html", "--year", "2019/21"],
                                  ["report", "FILE", "OUT.txt"],
                                  ["office", "FILE", "--year", "2019/21"]])
def test_an_option_value_of_the_wrong_kind_is_a_usage_error_as_elsewhere(demo_path, tmp_path, capsys, argv):
    """dhr-ledger --as-at 31/02/2019 exited 2 (usage) where report --meeting 31/02/2019 and office --year 2019/21
    exited 1 (bad input): scripts could rely on neither. Nothing is written."""
    argv = [str(demo_path) if a == "FILE" else str(tmp_path / a) if a.startswith("OUT") else a for a in argv]
    before = demo_path.read_bytes()
    try:
        code = main(argv)
    except SystemExit as exc:  # a malformed option value: argparse's "usage: … error: argument --year: …"
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: safer-desk") and "error: argument --" in err or ".pdf or .html" in err
    assert demo_path.read_bytes() == before and not list(tmp_path.glob("OUT*"))


def test_output_closed_by_its_reader_is_not_said_as_a_change_refused(demo_path, capsys, monkeypatch):
    # `safer-desk conflicts … --keep county | head -1`: the decision was made and recorded, then the next line met
    # the pipe head had closed, and the command said "could not be written or read: Broken pipe. Nothing was
    # changed." with exit 1: a script believed the change had failed. A reader that stops reading ends nothing.
    import io
    import os
    import sqlite3

    reading, writing = os.pipe()
    os.close(reading)  # the reader has gone before anything is written
    closed = io.TextIOWrapper(io.FileIO(writing, "w"), encoding="utf-8", line_buffering=True)
    monkeypatch.setattr(sys, "stdout", closed)
    try:
        code = main(["awards", str(demo_path), "--add", "Grant by pipe", "--funder", "OPCC",
                     "--year", "2017/18=£1,000"])
    finally:
        monkeypatch.undo()
        closed.close()
    err = capsys.readouterr().err
    assert code == 0 and err == ""
    conn = sqlite3.connect(demo_path)
    try:
        assert conn.execute("SELECT count(*) FROM funding_awards WHERE name = 'Grant by pipe'").fetchone() == (1,)
    finally:
        conn.close()


def test_the_collector_is_paused_while_the_window_starts_and_always_resumed(tmp_path, monkeypatch, qapp):
    """Start-up pauses Python's garbage collector (it has nothing to collect, and its rounds cost start-up): it is
    paused while the window starts, and running again however the start ends (here the window fails to start)."""
    import gc

    import safer_desk.ui.app as app

    seen = []

    def fails(path=None, create=False):
        seen.append(gc.isenabled())
        raise RuntimeError("Qt gave up")

    monkeypatch.setattr(app, "run_window", fails)
    (tmp_path / "office.sqlite").write_bytes(b"")
    gc.enable()  # as a new process has it (an earlier test's background work left it to the GUI thread's collector)
    with pytest.raises(RuntimeError):
        main([str(tmp_path / "office.sqlite")])
    assert seen == [False]
    assert gc.isenabled()


def test_the_usage_line_shows_the_window_needs_no_command(capsys):
    """`safer-desk --help` read "safer-desk [-h] [--version] COMMAND ...": a command looked required, though
    `safer-desk` alone and `safer-desk FILE` open the window. Each command's own usage still names it."""
    with pytest.raises(SystemExit):
        main(["--help"])
    first = capsys.readouterr().out.splitlines()[0]
    assert first == "usage: safer-desk [-h] [--version] [FILE | --demo | COMMAND ...]"
    with pytest.raises(SystemExit):
        main(["fund", "--help"])
    assert capsys.readouterr().out.startswith("usage: safer-desk fund ")


@pytest.mark.parametrize("argv", [["--version", "extra"], ["office.sqlite", "--version"], ["--demo", "--version"]])
def test_words_beside_version_are_a_usage_error(argv, capsys):
    """`safer-desk --version extra` printed the version and exited 0, the extra word never read."""
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    err = capsys.readouterr()
    assert exit_.value.code == 2 and __version__ not in err.out
    assert "--version is given on its own" in err.err and (set(argv) - {"--version"}).pop() in err.err


def test_version_given_twice_is_still_the_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version", "--version"])
    assert exit_.value.code == 0 and __version__ in capsys.readouterr().out
