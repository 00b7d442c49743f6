"""Replacing a file another program holds open: on Windows os.replace raises PermissionError 13 while Excel has the
workbook (or CSV) open, and the person was told "permission denied (you cannot write there, or the file is open in
another program)", which reads as a matter of rights. The folder took the temporary file, so it is the file: they are
told to close it in Excel and try again; the old file stays as it was and the temporary file goes."""

from __future__ import annotations

import pytest

from safer_desk.exchange.files import WriteFailed, write_csv
from safer_desk.storage import safe_write
from tests.cli_run import run


def _folder(tmp_path):
    """A folder of its own for what is written (the test's folder holds the example file and the data folder)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _held_open_by_excel(monkeypatch):
    """os.replace as Windows does it onto a file Excel has open: PermissionError 13, however long one waits."""
    def refused(src, dst):
        raise PermissionError(13, "The process cannot access the file because it is being used by another process",
                              str(dst))

    monkeypatch.setattr(safe_write, "ON_WINDOWS", True)
    monkeypatch.setattr(safe_write, "WINDOWS_REPLACE_WAITS", (0, 0))
    monkeypatch.setattr(safe_write.os, "replace", refused)


def test_replacing_a_file_open_in_excel_says_close_it_there(tmp_path, monkeypatch):
    tmp_path = _folder(tmp_path)
    target = tmp_path / "register.csv"
    target.write_bytes(b"old rows")
    _held_open_by_excel(monkeypatch)
    with pytest.raises(WriteFailed) as caught:
        write_csv(target, ["amount"], [["£5"]])
    said = str(caught.value)
    assert "register.csv is open in another program, such as Excel" in said
    assert "close it there and try again" in said and "the earlier register.csv is as it was" in said
    assert target.read_bytes() == b"old rows"
    assert [p.name for p in tmp_path.iterdir()] == ["register.csv"]


def test_the_command_line_export_onto_a_workbook_open_in_excel_says_close_it(capsys, tmp_path, demo_path,
                                                                              monkeypatch):
    tmp_path = _folder(tmp_path)
    out = tmp_path / "county.xlsx"
    out.write_bytes(b"the workbook Excel has open")
    _held_open_by_excel(monkeypatch)
    code, _, err = run(capsys, "export", demo_path, out, "--replace")
    assert code == 1 and "close it there and try again" in err and "Traceback" not in err
    assert out.read_bytes() == b"the workbook Excel has open"
    assert [p.name for p in tmp_path.iterdir()] == ["county.xlsx"]


def test_the_window_exporting_the_register_over_a_workbook_open_in_excel_says_close_it(demo_window, prompts,
                                                                                       tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    target = folder / "register.xlsx"
    target.write_bytes(b"the workbook Excel has open")
    page = demo_window.show_tab("projects").register
    _held_open_by_excel(monkeypatch)
    prompts.file_names.append(str(target))
    page.export_register()
    [(title, text)] = prompts.errors
    assert title == "Export" and text.startswith("The register was not saved: ")
    assert "register.xlsx is open in another program, such as Excel" in text and "close it there and try again" in text
    assert not prompts.infos
    assert target.read_bytes() == b"the workbook Excel has open"
    assert [p.name for p in folder.iterdir()] == ["register.xlsx"]
