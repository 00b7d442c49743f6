"""`safer-desk export` of an office file marked read-only (session 60).

An export for the county only reads the office's rows, yet `safer-desk export office.sqlite county.sqlite` on a file
marked read-only was refused as any change is: "office.sqlite is read-only on disk. To change it, clear its read-only
mark, or copy it to a folder you can save in …". The officer had asked for no change, so the refusal read as a fault,
and its advice was wrong for an export: a copy's exports take numbers the office's own file takes again, and the
county refuses the later of the two. The export does write to the file (its number, which the county checks, is
recorded there once the export is whole), so it is still refused, now saying why, and that a workbook is made as it
is. A workbook (OUT.xlsx) numbers nothing, and is written from the read-only file.
"""

from __future__ import annotations

import hashlib
import os
import stat

from tests.cli_run import run


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_export_of_a_read_only_file_says_why_it_must_be_writable(demo_path, tmp_path, capsys):
    out = tmp_path / "county.sqlite"
    os.chmod(demo_path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        before = _digest(demo_path)
        code, printed, err = run(capsys, "export", demo_path, out)
        assert _digest(demo_path) == before
    finally:
        os.chmod(demo_path, stat.S_IRUSR | stat.S_IWUSR)
    assert (code, printed) == (1, "")
    said = err.strip().splitlines()[-1]
    assert said.startswith(f"safer-desk: {demo_path.name} is read-only on disk"), said
    assert "records its number in the file" in said and "clear its read-only mark" in said, said
    assert "copy it to a folder" not in said, said  # a copy's exports would be refused by the county
    assert "OUT.xlsx" in said and said.endswith("Nothing was written."), said
    assert not out.exists() and not list(tmp_path.glob(".*.part"))


def test_a_workbook_is_written_from_a_read_only_file(demo_path, tmp_path, capsys):
    out = tmp_path / "county.xlsx"
    os.chmod(demo_path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        before = _digest(demo_path)
        code, printed, err = run(capsys, "export", demo_path, out)
        assert _digest(demo_path) == before
    finally:
        os.chmod(demo_path, stat.S_IRUSR | stat.S_IWUSR)
    assert code == 0, err
    assert printed.startswith(f"wrote {out}") and out.stat().st_size > 0


def test_an_export_from_a_folder_that_cannot_be_written_says_why(demo_path, tmp_path, capsys, monkeypatch):
    from safer_desk.storage import store

    real_access = os.access
    # the office file's folder refuses writing (root writes regardless, so it is said here)
    monkeypatch.setattr(store.os, "access", lambda p, mode, **k: not (os.path.isdir(p) and mode == os.W_OK)
                        and real_access(p, mode, **k))
    out = tmp_path / "out" / "county.sqlite"
    out.parent.mkdir()
    code, printed, err = run(capsys, "export", demo_path, out)
    assert (code, printed) == (1, "")
    said = err.strip().splitlines()[-1]
    assert said.startswith(f"safer-desk: the folder of {demo_path.name} cannot be written to"), said
    assert "records its number in the file" in said and "ask for write access to its folder" in said, said
    assert "copy" not in said and said.endswith("Nothing was written."), said
    assert not out.exists()


def test_the_window_open_read_only_offers_the_workbook_and_keeps_the_dialog(window, demo_path, qtbot, prompts,
                                                                             tmp_path):
    """File > Export for County… in a window open read-only suggested "… for county.sqlite"; Export closed the dialog
    and only then said the file must be open for writing, with no word of the workbook it could still make. The
    dialog now says so before anything is chosen, suggests the workbook, and keeps the choices when .sqlite is typed.
    """
    from PySide6.QtCore import Qt

    assert window.open_path(demo_path, read_only=True)
    window.exchange_actions["export"].trigger()
    dialog = window.export_dialog
    assert dialog.path_edit.text().endswith("for county.xlsx")
    assert "open read-only" in dialog.hint.text() and "export number" in dialog.hint.text()
    target = tmp_path / "for county.sqlite"
    dialog.path_edit.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not target.exists()
    said = prompts.errors[-1][1]
    assert "open read-only" in said and "export number" in said and ".xlsx" in said, said
    prompts.errors.clear()
    book = tmp_path / "for county.xlsx"
    dialog.path_edit.setText(str(book))
    with qtbot.waitSignal(dialog.finished_export, timeout=20000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert book.exists() and prompts.errors == []
    dialog.reject()


def test_an_export_open_in_the_window_is_not_told_to_be_opened_for_writing(window, demo_path, tmp_path, capsys):
    """An export for the county opened to look at is refused as an export (made from the office's own file), not
    as a file to open for writing: that would not help."""
    export = tmp_path / "for county.sqlite"
    assert run(capsys, "export", demo_path, export)[0] == 0
    assert window.open_path(export, read_only=True)
    window.exchange_actions["export"].trigger()
    dialog = window.export_dialog
    assert dialog.read_only_words is None and "open read-only" not in dialog.hint.text()
    dialog.reject()


def test_browse_in_a_window_open_read_only_lists_workbooks(window, demo_path, monkeypatch, tmp_path):
    """Browse… offered "Export for merging (*.sqlite)" first beside the workbook the dialog suggests: a .sqlite
    chosen there is refused."""
    from safer_desk.ui import prompts

    asked = []
    monkeypatch.setattr(prompts, "save_file_name", lambda parent, caption, file_filter, suggested="", **options:
                        asked.append((file_filter, suggested)) or str(tmp_path / "book.xlsx"))
    assert window.open_path(demo_path, read_only=True)
    window.exchange_actions["export"].trigger()
    dialog = window.export_dialog
    dialog.browse()
    [(file_filter, suggested)] = asked
    assert file_filter == "Excel workbook (*.xlsx)" and suggested.endswith(".xlsx")
    assert dialog.path_edit.text() == str(tmp_path / "book.xlsx")
    dialog.reject()


def test_an_export_of_a_file_open_in_a_window_says_to_export_there(demo_path, tmp_path, capsys):
    """"… open for writing in another Safer Desk window. Close it there (or make the change in that window)": an
    export is no change the officer makes, and the window can make it. Said as that, with the workbook that can be
    made as it is."""
    from safer_desk.storage.locking import OfficeLock

    lock = OfficeLock(demo_path)
    lock.acquire()  # as a window that has the file open
    try:
        code, printed, err = run(capsys, "export", demo_path, tmp_path / "county.sqlite")
        book = run(capsys, "export", demo_path, tmp_path / "county.xlsx")
    finally:
        lock.release()
    assert (code, printed) == (1, "")
    said = err.strip().splitlines()[-1]
    assert "is already open for writing in another Safer Desk window" in said, said
    assert "make the change in that window" not in said and "File > Export for County…" in said, said
    assert "close it there" in said.lower() and "OUT.xlsx" in said and said.endswith("Nothing was changed."), said
    assert book[0] == 0, book
