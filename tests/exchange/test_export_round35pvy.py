"""Round 35 (pvy): the district export, its signing key and the table exports, tried as an officer and as someone
breaking them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from safer_desk.exchange import county_export
from safer_desk.exchange.files import Sheet, write_xlsx
from safer_desk.services.county import CountyError, export_for_county
from safer_desk.storage.leftovers import TEMP_PATTERN


def _sqlite_full_error() -> sqlite3.OperationalError:
    """The error SQLite itself raises when the disk under a file is full (SQLITE_FULL)."""
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA max_page_count = 2")
    conn.execute("CREATE TABLE t (x TEXT)")
    try:
        conn.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,))
    except sqlite3.OperationalError as exc:
        return exc
    finally:
        conn.close()
    raise AssertionError("SQLite did not refuse the write")


def test_an_office_file_on_a_full_disk_is_named_not_the_export(district, tmp_path, monkeypatch):
    # The office's file on a full network drive, the export to the desktop (plenty of room): "export.sqlite could
    # not be written: the disk is full" sent the officer to free space where the export goes, and export again, and
    # again. (Found with the office file on a full 8 MB tmpfs and the export beside it on a roomy disk.)
    full = _sqlite_full_error()

    def office_file_full(store, result):
        raise full

    monkeypatch.setattr(county_export, "_record_export", office_file_full)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "export.sqlite"
    with pytest.raises(CountyError) as refused:
        export_for_county(district, target)
    message = str(refused.value)
    assert district.path.name in message and "disk is full" in message, message
    assert not message.startswith(target.name), message  # the export's disk was never the trouble
    assert not target.exists() and not [p.name for p in out.iterdir() if TEMP_PATTERN.match(p.name)]
    assert district.meta("export_sequence") is None  # no number taken


def test_an_empty_key_file_is_said_in_words(district, tmp_path):
    # A 0-byte key file (a sync tool's placeholder, a copy that never finished): "is damaged (Unable to load PEM file.
    # See https://cryptography.io/en/latest/faq/#why-can-t-i-import-my-pem-file for more details. MalformedFraming)".
    key = tmp_path / "home" / "keys" / "officer-signing-key.pem"
    key.parent.mkdir(parents=True, exist_ok=True)
    key.write_bytes(b"")
    with pytest.raises(CountyError) as refused:
        export_for_county(district, tmp_path / "export.sqlite")
    message = str(refused.value)
    assert "is empty" in message and "http" not in message and "PEM" not in message, message
    assert not (tmp_path / "export.sqlite").exists() and district.meta("export_sequence") is None


def test_a_damaged_key_file_is_said_without_the_librarys_words(district, tmp_path):
    key = tmp_path / "home" / "keys" / "officer-signing-key.pem"
    key.parent.mkdir(parents=True, exist_ok=True)
    key.write_bytes(b"-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n")
    with pytest.raises(CountyError) as refused:
        export_for_county(district, tmp_path / "export.sqlite")
    message = str(refused.value)
    assert "damaged" in message and "http" not in message and "Move it aside" in message, message


@pytest.mark.parametrize("name", ["'Best value' option", "Plan B '", "'", "x" * 30 + "'tail",
                                  "\N{HOUSE BUILDING}" * 20])
def test_a_sheet_named_with_an_apostrophe_at_either_end_is_written(tmp_path, name):
    # A commissioning scenario named "'Best value' option", saved as .xlsx (scenario_sheets names the sheet after
    # it): xlsxwriter raised InvalidWorksheetName ("Sheet name cannot start or end with an apostrophe"), which the
    # window's export did not catch. Excel allows no sheet name that starts or ends with one.
    import openpyxl

    target = write_xlsx(tmp_path / "scenario.xlsx", [Sheet(name, ["Project", "Cost"], [["Youth work", 100]]),
                                                     Sheet("Summary", ["", "Amount"], [["Fund", 100]])])
    names = openpyxl.load_workbook(target, read_only=True).sheetnames
    assert len(names) == 2 and names[1] == "Summary", names
    assert not names[0].startswith("'") and not names[0].endswith("'") and names[0].strip(), names


def test_a_scenario_named_with_quotes_exports_to_excel(demo_store, tmp_path):
    from safer_desk.exchange.tables import write_table
    from safer_desk.services import projects_commissioning as pc

    scenario = pc.save_scenario(demo_store, pc.new_scenario("'Best value' option", 65_512_00))
    sheets = pc.scenario_sheets(pc.evaluate_saved(demo_store, scenario))
    import openpyxl

    book = openpyxl.load_workbook(write_table(tmp_path / "scenario.xlsx", sheets), read_only=True)
    assert book.sheetnames == ["Best value' option", "Summary"]
    assert Path(tmp_path / "scenario.xlsx").is_file()


def test_a_keys_folder_that_is_a_file_is_said_in_words(district, tmp_path):
    # "cannot be read: Not a directory." (the system's words): the keys folder's name taken by a file.
    (tmp_path / "home").mkdir(exist_ok=True)
    (tmp_path / "home" / "keys").write_bytes(b"")
    with pytest.raises(CountyError) as refused:
        export_for_county(district, tmp_path / "export.sqlite")
    assert "part of the path is not a folder" in str(refused.value), refused.value


def test_the_window_says_an_empty_key_file_in_words_and_writes_nothing(demo_window, qtbot, prompts, tmp_path):
    # File > Export for County… with the officer's key file emptied by a sync tool: the window showed the library's
    # "Unable to load PEM file. See https://cryptography.io/… MalformedFraming".
    from PySide6.QtCore import Qt

    from safer_desk.ui.exchange.dialogs import ExportDialog

    key = tmp_path / "home" / "keys" / "officer-signing-key.pem"
    key.parent.mkdir(parents=True, exist_ok=True)
    key.write_bytes(b"")
    dialog = ExportDialog(demo_window.session, demo_window)
    qtbot.addWidget(dialog)
    target = tmp_path / "Babergh för county.sqlite"
    dialog.path_edit.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts.errors or prompts.infos), timeout=30_000)
    title, text = prompts.errors[-1]
    assert title == "Export for County" and "is empty" in text and "http" not in text, text
    assert "Move it aside" in text and not target.exists()
    assert demo_window.session.store.meta("export_sequence") is None


def test_a_bare_name_typed_for_the_export_goes_beside_the_suggestion_not_where_the_program_started(
        demo_window, qtbot, prompts, tmp_path, monkeypatch):
    # The suggested path cleared and "babergh for county.sqlite" typed: the export went to the folder the program
    # happened to start in (a packaged program's own folder, C:\Windows\System32 from a shortcut), and the message
    # said "Exported … to babergh for county.sqlite." with no folder to find it in.
    from PySide6.QtCore import Qt

    from safer_desk.ui.exchange.dialogs import ExportDialog

    started_in = tmp_path / "program folder"
    started_in.mkdir()
    monkeypatch.chdir(started_in)
    dialog = ExportDialog(demo_window.session, demo_window)
    qtbot.addWidget(dialog)
    suggested = Path(dialog.path_edit.text())
    assert suggested.is_absolute()
    dialog.path_edit.setText("babergh for county.sqlite")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts.errors or prompts.infos), timeout=60_000)
    assert not prompts.errors, prompts.errors
    written = suggested.parent / "babergh for county.sqlite"
    assert written.is_file() and not list(started_in.iterdir())
    assert str(written) in prompts.infos[-1][1], prompts.infos[-1][1]


def test_the_signing_keys_dialog_says_a_damaged_key_as_such(demo_window, qtbot, tmp_path):
    # File > Signing Keys… read "Your signing key (read it to the county lead when they phone): Your signing key at …
    # is damaged (Unable to load PEM file. See https://…)": an error offered as the fingerprint to read out.
    from safer_desk.ui.exchange.dialogs import SigningKeysDialog

    key = tmp_path / "home" / "keys" / "officer-signing-key.pem"
    key.parent.mkdir(parents=True, exist_ok=True)
    key.write_bytes(b"-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n")
    dialog = SigningKeysDialog(demo_window.session, demo_window)
    qtbot.addWidget(dialog)
    text = dialog.own_label.text()
    assert "read it to the county lead" not in text and "is damaged" in text and "http" not in text, text
    assert "Move it aside" in text
