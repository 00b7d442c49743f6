"""Round 37 (pol): the same police.uk files imported a second time.

``safer-desk import-police FILE FOLDER`` run again on the same files printed "Imported 210 rows from 1 file …"
beside "1 force-month was already imported from the same file: unchanged.": it imported nothing (every month was
held already, from the very same file, and nothing was written, the History of Changes included). It now says so
first, in the command line and the window's summary alike (the service's words), and still says what it read, in
the same words and numbers as an import ("210 rows from 1 file: 1 month (2021-01), … areas"); the
result's counts a script reads (rows, files, months, areas) stay as they were.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from safer_desk.cli import main
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import FIXTURES

STREET = FIXTURES / "suffolk-2021-01" / "2021-01-suffolk-street.csv"  # a cut of the real file, in tests/
NOTHING_NEW = "Nothing new: the month in this file is held already, from the same file, as it was; nothing was changed."


def test_the_command_line_says_the_second_run_imported_nothing(tmp_path, capsys):
    office = tmp_path / "office.sqlite"
    assert main(["import-police", str(office), str(STREET)]) == 0
    first = capsys.readouterr().out.splitlines()
    assert first[0].startswith("Imported 210 rows from 1 file: 1 month (2021-01), ")
    assert main(["indicators", str(office)]) == 0
    figures = capsys.readouterr().out
    assert main(["import-police", str(office), str(STREET)]) == 0
    again = capsys.readouterr().out.splitlines()
    assert main(["indicators", str(office)]) == 0
    assert capsys.readouterr().out == figures  # the figures a script reads, as they were
    assert again[0] == NOTHING_NEW
    assert again[1] == "Read " + first[0].removeprefix("Imported ")  # what was read, as the first run said it
    assert not any(line.startswith("Imported") or "already imported" in line for line in again)


def test_the_counts_a_script_reads_stay(store):
    first = import_police_files(store, [STREET])
    again = import_police_files(store, [STREET])
    assert (again.rows, again.files, again.months, again.areas, again.forces) == \
        (first.rows, first.files, first.months, first.areas, first.forces) == \
        (210, 1, ["2021-01"], first.areas, ["Suffolk Constabulary"])
    assert (first.nothing_new, first.wrote) == (False, True)
    assert (again.nothing_new, again.wrote, again.unchanged, again.replaced) == \
        (True, False, [("Suffolk Constabulary", "2021-01")], [])


def test_a_month_replaced_by_another_file_is_still_an_import(store, tmp_path):
    import_police_files(store, [STREET])
    changed = tmp_path / STREET.name
    lines = STREET.read_text(encoding="utf-8").splitlines(keepends=True)
    changed.write_text("".join(lines[:-1]), encoding="utf-8")  # one crime fewer: a revised file of the month
    result = import_police_files(store, [changed])
    assert not result.nothing_new
    assert result.summary_lines()[0].startswith("Imported 209 rows from 1 file")


def test_the_window_says_nothing_new_and_keeps_the_undo_steps(demo_window, prompts, qtbot):
    from safer_desk.ui.indicators.menu import start_import

    start_import(demo_window, [str(STREET)])
    qtbot.waitUntil(lambda: bool(prompts.errors or prompts.infos), timeout=20000)
    assert prompts.infos[-1][0] == "Police data imported"
    stack = demo_window.session.undo_stack
    stack.push(QUndoCommand("Save figures"))  # a step taken after the first import
    prompts.infos.clear()
    start_import(demo_window, [str(STREET)])
    qtbot.waitUntil(lambda: bool(prompts.errors or prompts.infos), timeout=20000)
    assert not prompts.errors
    title, text = prompts.infos[-1]
    assert title == "Police data: nothing new"
    assert text.splitlines()[0] == NOTHING_NEW and text.splitlines()[1].startswith("Read 210 rows from 1 file")
    assert stack.count() == 1 and stack.undoText() == "Save figures"  # nothing written: nothing to close
