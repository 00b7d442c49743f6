"""Round 29 follow-ups, files: what `check` says of a journal beside an export and of an empty file, a write to a name
too long for the disk said in words (and not locking every file out at the next start), and an export never written
where a journal lies beside its name."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.safety.helpers import our_leftovers, run_cli, run_python, sha256
from tests.safety.test_files_round29 import _export, _foreign_journal


def test_check_says_what_is_true_of_another_files_wal_beside_an_export(demo_store, demo_path, tmp_path):
    # `safer-desk check EXPORT` with another file's -wal beside it said its saves were "part of the file, read with
    # it here, and written into it the next time it is opened for writing … open and close it in Safer Desk before
    # copying or sending it": none of it is true of an export, which is read as it lies and never written to.
    from safer_desk.services.integrity import check_file

    export = _export(demo_store, tmp_path)
    _foreign_journal(demo_path, export, "-wal")
    report = check_file(export)
    assert report.ok, report.lines()
    text = "\n".join(report.lines())
    assert "babergh export.sqlite-wal" in text, text
    for untrue in ("part of the file", "read with it here", "written into it", "open and close it"):
        assert untrue not in text, text
    assert "not part of the export" in text and "not read with it" in text, text
    assert not Path(f"{export}.lock").exists() and not Path(f"{export}-shm").exists()


def test_check_says_a_zero_byte_file_is_empty(tmp_path):
    # `check` on a file of 0 bytes (a copy or a download that never finished) said "it is not an SQLite database at
    # all", as if it were some other kind of file, where opening it says it is empty (0 bytes).
    from safer_desk.services.integrity import check_file

    empty = tmp_path / "office.sqlite"
    empty.write_bytes(b"")
    report = check_file(empty)
    assert not report.ok
    text = "\n".join(report.lines())
    assert "empty (0 bytes)" in text and "not an SQLite database" not in text, text


LONG_NAME = "a" * 300 + ".sqlite"  # more than the 255 characters a file's name may have


def test_a_write_failure_on_a_name_too_long_is_said_in_words(tmp_path):
    # WriteFailed looked at the name (is there an earlier file?) to word its message, and that look itself raised
    # "[Errno 36] File name too long": the words were lost and the raw error shown.
    from safer_desk.storage.safe_write import WriteFailed, write_bytes_atomically

    for target in (tmp_path / LONG_NAME, tmp_path.joinpath(*["b" * 200] * 22, "x.sqlite")):  # a name; a path
        with pytest.raises(WriteFailed) as failed:
            write_bytes_atomically(target, b"x", what="The export")
        assert "the name or path is too long" in str(failed.value) and "Nothing was changed" in str(failed.value)
    assert our_leftovers(tmp_path) == []


def test_an_export_to_a_name_too_long_is_refused_in_words(demo_store, tmp_path):
    # File > Export for County… (or `safer-desk export`) with a 300-character name typed: the window showed
    # "[Errno 36] File name too long: 'aaaa…'" (the first look at the name, before anything was written).
    from safer_desk.services.county import CountyError, export_for_county

    sequence = demo_store.scalar("SELECT value FROM meta WHERE key = 'export_sequence'")
    with pytest.raises(CountyError) as refused:
        export_for_county(demo_store, tmp_path / LONG_NAME)
    assert "the name or path is too long" in str(refused.value) and "Errno" not in str(refused.value)
    assert demo_store.scalar("SELECT value FROM meta WHERE key = 'export_sequence'") == sequence
    assert our_leftovers(tmp_path) == []


def test_a_write_refused_for_a_path_too_long_does_not_lock_every_file_out(demo_path, tmp_path):
    # A write whose temporary file could not be made (a path longer than the system takes) left its note for the
    # next start, which then looked at that path, met "File name too long", and refused every file it opened:
    # "office.sqlite could not be written to .: the name or path is too long" for each command, every time.
    home = tmp_path / "sd-home"
    deep = tmp_path.joinpath(*["b" * 200] * 22, "x.sqlite")
    tried = run_python("from safer_desk.storage.safe_write import write_bytes_atomically\n"
                       "try:\n"
                       f"    write_bytes_atomically({str(deep)!r}, b'x')\n"
                       "except OSError as exc:\n"
                       "    print(exc)\n", home=home)
    assert "too long" in tried.stdout, tried.stdout + tried.stderr
    listed = run_cli(["projects", str(demo_path)], home=home)
    assert listed.returncode == 0, listed.stderr
    assert "Homeshield Plus" in listed.stdout


@pytest.mark.parametrize("side", ["-wal", "-journal"])
@pytest.mark.parametrize("earlier", [True, False], ids=["over an earlier export", "no file"])
def test_an_export_is_not_written_where_a_journal_lies_beside_its_name(demo_store, demo_path, tmp_path, side,
                                                                     earlier):
    # `safer-desk export FILE OUT.sqlite` (File > Export for County…) where OUT.sqlite-wal (or -journal) lies beside
    # the name. With no file there (a removed file's journal, its last saves) the export was written and said
    # signed, and any program but Safer Desk then read it with the journal: "malformed database schema" (-wal), or
    # the journal played into it (-journal). Over an earlier export, it was refused as "a Safer Desk file (an
    # office's or a county's own data), not an export", and a -shm made beside it though "nothing was written".
    from safer_desk.services.county import CountyError, export_for_county

    target = tmp_path / "for county.sqlite"
    if earlier:
        export_for_county(demo_store, target)
    _foreign_journal(demo_path, target, side)  # a removed file's (no file there), or another file's
    before = {p.name: sha256(p) for p in tmp_path.glob("for county*")}
    sequence = demo_store.scalar("SELECT value FROM meta WHERE key = 'export_sequence'")
    with pytest.raises(CountyError) as refused:
        export_for_county(demo_store, target)
    text = str(refused.value)
    assert f"for county.sqlite{side}" in text and "Nothing was written" in text, text
    assert "not an export" not in text, text
    assert {p.name: sha256(p) for p in tmp_path.glob("for county*")} == before
    assert demo_store.scalar("SELECT value FROM meta WHERE key = 'export_sequence'") == sequence
    assert our_leftovers(tmp_path) == []


def test_an_export_over_an_office_file_with_its_journal_beside_it_is_refused_as_an_office_file(demo_store, demo_master,
                                                                                             tmp_path):
    from safer_desk.services.county import CountyError, export_for_county
    from tests.safety.test_files_round29 import _left_by_a_killed_window

    target = tmp_path / "other office.sqlite"
    target.write_bytes(demo_master.read_bytes())
    _left_by_a_killed_window(target)
    before = {side: sha256(Path(f"{target}{side}")) for side in ("", "-wal")}  # the -shm is an index SQLite redoes
    with pytest.raises(CountyError) as refused:
        export_for_county(demo_store, target)
    assert "is a Safer Desk file" in str(refused.value) and "nothing was written" in str(refused.value)
    assert {side: sha256(Path(f"{target}{side}")) for side in ("", "-wal")} == before


def test_an_export_is_written_beside_an_empty_journal(demo_store, tmp_path):
    # A journal of 0 bytes holds nothing SQLite reads: no reason to refuse the name.
    from safer_desk.services.county import export_for_county

    target = tmp_path / "for county.sqlite"
    Path(f"{target}-journal").write_bytes(b"")
    export_for_county(demo_store, target)
    with sqlite3.connect(f"file:{target}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_the_window_says_why_an_export_was_not_written_beside_a_journal(demo_window, qtbot, prompts, demo_path,
                                                                        tmp_path):
    # File > Export for County… to a name with a removed file's -wal beside it: said "Exported … rows" and written.
    from safer_desk.ui.exchange.dialogs import start_export

    target = tmp_path / "for county.sqlite"
    _foreign_journal(demo_path, target, "-wal")
    start_export(demo_window.session, target, False, demo_window)
    qtbot.waitUntil(lambda: bool(prompts.errors or prompts.infos), timeout=20000)
    title, text = prompts.errors[-1]
    assert title == "Export for County" and "for county.sqlite-wal" in text, text
    # Said once, in the export's own words (round 37: it was followed by "No export was written." as well).
    assert text.endswith("Nothing was written.") and "No export was written" not in text, text
    assert not target.exists() and our_leftovers(tmp_path) == []


def test_a_note_left_for_a_path_too_long_to_look_at_does_not_lock_every_file_out(demo_path, tmp_path):
    # A run stopped (or an earlier version) that left the note of a temporary file whose path is too long to look
    # at: the next start's clean-up looked at it, met "File name too long", and every file it opened was refused.
    home = tmp_path / "sd-home"
    deep = tmp_path.joinpath(*["c" * 200] * 22, "x.sqlite")
    left = run_python("import os\nfrom safer_desk.storage.leftovers import new_temp_path\n"
                      f"print(new_temp_path(__import__('pathlib').Path({str(deep)!r})))\n"
                      "os._exit(0)\n", home=home)
    assert ".part" in left.stdout, left.stdout + left.stderr
    listed = run_cli(["projects", str(demo_path)], home=home)
    assert listed.returncode == 0, listed.stderr
    assert "Homeshield Plus" in listed.stdout
