"""What Windows refuses, checked on every system: a new file under a name Windows does not take (a colon, a question
mark, CON, "aux.sqlite", a trailing dot) was written on Linux and then could not be copied to, or opened on, the
office's Windows computers (and on Windows "a:b.xlsx" is a hidden part of a file "a", "CON.xlsx" the console)."""

from __future__ import annotations

import pytest

from safer_desk.domain.text import file_name_from, name_windows_refuses
from safer_desk.exchange.files import WriteFailed, write_csv
from tests.cli_run import run


def _folder(tmp_path):
    """A folder of its own for what is written (the test's folder holds the example file and the data folder)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("name, words", [
    ("Babergh: May.csv", "“:”"), ("board?.pdf", "“?”"), ('say "hi".xlsx', "“\"”"), ("a|b.sqlite", "“|”"),
    ("a<b>.csv", "“<”, “>”"), ("star*.csv", "“*”"), ("tab\there.csv", "a control character"),
    ("CON.xlsx", "“CON”"), ("aux.sqlite", "“aux”"), ("nul", "“nul”"), ("COM1.pdf", "“COM1”"), ("lpt9.csv", "“lpt9”"),
    ("Con .csv", "“Con”"), ("register.csv.", "ends with a dot"), ("register.csv ", "ends with a space"),
])
def test_names_windows_refuses_are_said_plainly(name, words):
    assert words in name_windows_refuses(name)


@pytest.mark.parametrize("name", ["register.csv", "console.xlsx", "Mid Suffolk - Babergh.xlsx", "Sir Gâr.pdf",
                                  "Ynys Môn £ 2025-26.csv", "com10.csv", "auxiliary.sqlite", ".hidden"])
def test_names_windows_takes_pass(name):
    assert name_windows_refuses(name) == ""


@pytest.mark.parametrize("typed", ["Mid Suffolk / Babergh", "Retained budget 2009/10: pilot?", "CON", "aux.files",
                                   'The "Safe" <fund> | *2025*', "Ends with a dot.", "nul ", "a\\b:c"])
def test_a_name_the_program_suggests_is_one_windows_takes(typed):
    for ending in (".xlsx", ".pdf", ".sqlite"):
        assert name_windows_refuses(file_name_from(typed) + ending) == ""


@pytest.mark.parametrize("name", ["Babergh: May.csv", "aux.csv", "register.csv."])
def test_a_new_file_under_such_a_name_is_refused_before_anything_is_written(tmp_path, name):
    tmp_path = _folder(tmp_path)
    with pytest.raises(WriteFailed) as caught:
        write_csv(tmp_path / name, ["amount"], [["£5"]])
    assert "Windows" in str(caught.value) and "give it another name" in str(caught.value)
    assert "Nothing was changed" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_file_already_there_under_such_a_name_is_replaced_as_before(tmp_path):
    target = tmp_path / "made on a Mac: May.csv"
    target.write_bytes(b"old")
    write_csv(target, ["amount"], [["£5"]])
    assert "£5" in target.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("out", ["aux.sqlite", "CON.xlsx", "Babergh: May.xlsx", "export?.sqlite"])
def test_the_command_line_export_refuses_such_a_name(capsys, tmp_path, demo_path, out):
    tmp_path = _folder(tmp_path)
    code, _, err = run(capsys, "export", demo_path, tmp_path / out)
    assert code == 1
    assert "Windows" in err and "give it another name" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_demo_refuses_a_device_name(capsys, tmp_path):
    tmp_path = _folder(tmp_path)
    code, _, err = run(capsys, "demo", tmp_path / "nul.sqlite")
    assert code == 1 and "“nul”, the name Windows keeps for a device" in err
    assert list(tmp_path.iterdir()) == []


def test_a_file_made_before_under_such_a_name_is_still_backed_up(tmp_path):
    from safer_desk.storage.store import create_file, make_backup

    office = tmp_path / "aux.sqlite"  # made on Linux before names were checked
    create_file(tmp_path / "office.sqlite", "Babergh").rename(office)
    backup = make_backup(office)
    assert backup.is_file() and backup.name.startswith("aux.")


@pytest.mark.parametrize("name", ["Babergh: copy.sqlite", "CON.sqlite", "copy|2.sqlite"])
def test_save_a_copy_under_such_a_name_is_refused_in_the_window_before_anything_is_written(demo_window, prompts,
                                                                                          tmp_path, name):
    folder = _folder(tmp_path)
    prompts.file_names.append(str(folder / name))
    demo_window.save_copy()
    [(title, text)] = prompts.errors
    assert title == "Save a copy"
    assert text.startswith(f"The copy {name} could not be written to {folder}: its name ") and "Windows" in text
    assert "Copy saved" not in demo_window.statusBar().currentMessage()
    assert list(folder.iterdir()) == []  # not even the lock file


@pytest.mark.parametrize("argv", [
    ["merge", "{out}/Suffolk: county.sqlite", "{demo}"],
    ["report", "{demo}", "{out}/board?.pdf"],
    ["export", "{demo}", "{out}/CON.xlsx"],
])
def test_the_command_line_refuses_such_an_out_before_reading_anything(capsys, tmp_path, demo_path, argv, monkeypatch):
    from safer_desk.storage import store as storage

    folder = _folder(tmp_path)

    def not_read(*args, **kwargs):
        raise AssertionError("read before the name was refused")

    monkeypatch.setattr(storage, "open_store", not_read)
    code, _, err = run(capsys, *(a.format(out=folder, demo=demo_path) for a in argv))
    assert code != 0 and "Windows" in err and "give it another name" in err, err
    assert "cannot be merged" not in err and "Traceback" not in err
    assert list(folder.iterdir()) == []
