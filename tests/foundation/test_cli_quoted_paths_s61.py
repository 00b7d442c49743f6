"""A path copied with Windows Explorer's "Copy as path" comes in quotes ("C:\\Users\\ann\\office.sqlite"); one out of
an e-mail or a Word document in curly ones. Pasted into a path field, or given to the command line with its quotes
kept (inside single quotes, or by a script), it named a file whose name began and ended with a quote: the command
line said 'there is no file at "…"', the export dialog wrote to a file named with quotes. One pair of quotes round
the whole is now taken off wherever a path is typed or pasted (paths.typed_path)."""

from __future__ import annotations

from pathlib import PureWindowsPath

import pytest

from safer_desk.paths import typed_path
from tests.cli_run import run

WINDOWS = r"C:\Users\ann.smith\OneDrive - Babergh DC\CSP\office.sqlite"


@pytest.mark.parametrize("pasted", [
    f'"{WINDOWS}"',  # Explorer's Copy as path
    f"  \"{WINDOWS}\"\n",  # with the spaces and the line end a paste can bring
    f"\u201c{WINDOWS}\u201d",  # curly, out of an e-mail or Word
    f"\u201d{WINDOWS}\u201d",  # Word's two closing quotes
    f"'{WINDOWS}'",
    f"\u2018{WINDOWS}\u2019",
    WINDOWS,  # without quotes: as it was
])
def test_one_pair_of_quotes_round_a_windows_path_is_taken_off(pasted):
    path = PureWindowsPath(typed_path(pasted))
    assert str(path) == WINDOWS
    assert path.drive == "C:" and path.suffix == ".sqlite" and path.name == "office.sqlite"


def test_quotes_inside_a_path_or_of_two_kinds_are_kept():
    assert PureWindowsPath(typed_path('"C:\\x.sqlite"')).suffix == ".sqlite"
    assert typed_path("C:\\Ann's files\\office.sqlite") == "C:\\Ann's files\\office.sqlite"
    assert typed_path("'C:\\x.sqlite\"") == "'C:\\x.sqlite\""  # not a pair: left for the user to see
    assert typed_path('""') == "" and typed_path('"') == '"'
    assert typed_path('"/home/ann/office.sqlite"') == "/home/ann/office.sqlite"


def test_the_command_line_reads_a_quoted_file_as_the_file_it_names(capsys, demo_path, tmp_path):
    code, out, err = run(capsys, "projects", f'"{demo_path}"')
    assert code == 0, err
    assert out.splitlines()[0].startswith("id,title,")
    target = tmp_path / "for county.xlsx"
    code, _, err = run(capsys, "export", f"\u201c{demo_path}\u201d", f'"{target}"')
    assert code == 0, err
    assert target.is_file() and sorted(p.name for p in tmp_path.iterdir() if "county" in p.name) == [target.name]


def test_a_quoted_empty_name_is_still_an_empty_name(capsys):
    code, _, err = run(capsys, "projects", '""')
    assert code == 2 and "FILE: an empty name is not a file" in err


def test_the_export_dialog_writes_where_a_quoted_pasted_path_names(demo_window, qtbot, prompts, tmp_path):
    from PySide6.QtCore import Qt

    from safer_desk.ui.exchange.dialogs import ExportDialog

    dialog = ExportDialog(demo_window.session, demo_window)
    qtbot.addWidget(dialog)
    target = tmp_path / "babergh for county.sqlite"
    dialog.path_edit.setText(f'"{target}"')
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts.errors or prompts.infos), timeout=60_000)
    assert not prompts.errors, prompts.errors
    assert target.is_file()
    assert [p.name for p in tmp_path.iterdir() if '"' in p.name] == []


def test_the_report_dialog_takes_a_quoted_pasted_path(demo_window, qtbot, prompts, tmp_path):
    from safer_desk.ui.exchange.report_dialog import ReportDialog

    dialog = ReportDialog(demo_window.session, demo_window)
    qtbot.addWidget(dialog)
    target = tmp_path / "board report.html"
    dialog.path_edit.setText(f"\u201c{target}\u201d")
    dialog.accept()
    qtbot.waitUntil(lambda: bool(prompts.errors or prompts.infos), timeout=120_000)
    assert not prompts.errors, prompts.errors
    assert target.is_file() and str(target) in prompts.infos[-1][1]


def test_the_window_opens_a_quoted_file_given_to_it(capsys, demo_path, monkeypatch):
    # `safer-desk "\"C:\...\office.sqlite\""` (a shortcut's target pasted from Copy as path): "there is no file at".
    from safer_desk.ui import app

    opened = []
    monkeypatch.setattr(app, "ensure_app", lambda: None)
    monkeypatch.setattr(app, "run_window", lambda path, **kw: opened.append(path) or 0)
    code, _, err = run(capsys, f'"{demo_path}"')
    assert code == 0, err
    assert opened == [demo_path]
