"""File dialogs start where the person last chose a file (then in Documents), not in whatever folder the
program was started from (a packaged program's own folder, or C:\\Windows\\System32 from a shortcut)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from safer_desk.ui import prompts as module
from safer_desk.ui import settings

# The real dialogs' functions, taken before the suite's autouse fixture answers them for every other test.
prompts = type("RealPrompts", (), {name: staticmethod(getattr(module, name)) for name in
                                   ("open_file_name", "open_file_names", "save_file_name", "existing_folder")})


@pytest.fixture
def dialogs(monkeypatch, tmp_path):
    """The folders each dialog opened in; each answers with the next of ``answers``."""
    monkeypatch.setattr(settings, "app_settings", _private_settings(tmp_path))
    documents = tmp_path / "Documents"  # a Documents folder that is there (one that is not: the test below)
    documents.mkdir()
    real = QStandardPaths.writableLocation
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda where: str(documents) if where ==
                        QStandardPaths.StandardLocation.DocumentsLocation else real(where))
    opened, answers = [], []

    def answer(kind):
        def dialog(parent, caption, start, *rest):
            opened.append((kind, start))
            chosen = answers.pop(0) if answers else ""
            return chosen if kind == "folder" else ((chosen, "") if kind != "files" else ([chosen], ""))
        return dialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer("open"))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", answer("files"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer("save"))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", answer("folder"))
    return opened, answers


def _private_settings(tmp_path):
    from PySide6.QtCore import QSettings

    path = str(tmp_path / "settings.ini")
    return lambda: QSettings(path, QSettings.Format.IniFormat)


def test_the_first_dialog_opens_in_documents_then_where_the_last_file_was_chosen(dialogs, tmp_path, qapp):
    opened, answers = dialogs
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    (tmp_path / "reports").mkdir()
    (tmp_path / "police").mkdir()
    chosen = str(tmp_path / "reports" / "scenario.xlsx")
    answers.append(chosen)
    assert prompts.save_file_name(None, "Export", "Excel (*.xlsx)", "scenario.xlsx") == chosen
    assert opened[0] == ("save", str(Path(documents) / "scenario.xlsx"))
    answers.append(str(tmp_path / "reports" / "office.sqlite"))
    prompts.open_file_name(None, "Open", "Safer Desk files (*.sqlite)")
    assert opened[1] == ("open", str(tmp_path / "reports"))
    answers.append(str(tmp_path / "police"))
    prompts.existing_folder(None, "Import Police Data Folder")
    assert opened[2] == ("folder", str(tmp_path / "reports"))
    prompts.open_file_names(None, "Import Police Data", "CSV (*.csv)")  # the folder chosen last
    assert opened[3] == ("files", str(tmp_path / "police"))


def test_a_suggestion_with_its_own_folder_is_kept_and_a_cancelled_dialog_remembers_nothing(dialogs, tmp_path, qapp):
    opened, answers = dialogs
    beside = str(tmp_path / "office copy.sqlite")
    prompts.save_file_name(None, "Save a copy", "Safer Desk files (*.sqlite)", beside)  # cancelled: ""
    assert opened[0] == ("save", beside)
    prompts.open_file_name(None, "Open", "Safer Desk files (*.sqlite)")
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert opened[1] == ("open", documents)


def test_a_remembered_folder_that_is_gone_gives_way_to_documents(dialogs, tmp_path, qapp):
    opened, answers = dialogs
    settings.write(module.LAST_FOLDER, str(tmp_path / "unplugged drive"))
    prompts.open_file_name(None, "Open", "Safer Desk files (*.sqlite)")
    assert opened[0] == ("open", QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def test_without_a_documents_folder_a_dialog_opens_in_the_home_folder(dialogs, tmp_path, qapp, monkeypatch):
    """A new Linux account has no Documents folder: Import Police Data… opened in the home folder with "Documents"
    typed as the file's name (round 30, a new office's walk). It opens in the home folder."""
    opened, answers = dialogs
    home = tmp_path / "new account"
    home.mkdir()
    locations = {QStandardPaths.StandardLocation.DocumentsLocation: str(home / "Documents"),
                 QStandardPaths.StandardLocation.HomeLocation: str(home)}
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda where: locations[where])
    prompts.open_file_names(None, "Import Police Data", "CSV (*.csv)")
    assert opened[0] == ("files", str(home))
    prompts.save_file_name(None, "Export", "Excel (*.xlsx)", "scenario.xlsx")
    assert opened[1] == ("save", str(home / "scenario.xlsx"))
