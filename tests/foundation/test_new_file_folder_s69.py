"""s69, a new officer's first run: File > New suggested saving the office's file in Safer Desk's own data folder
(AppData\\Local\\Safer Desk on Windows, ~/.local/share/Safer Desk on Linux), a folder Windows hides, so the office file
the officer had just made could not be found to back up, copy to a colleague or attach. It suggests office.sqlite in
the folder last used for a file, else Documents (else the home folder), as every other file dialog does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from safer_desk.paths import data_folder
from safer_desk.ui import prompts as prompts_module
from safer_desk.ui import settings
from safer_desk.ui.prompts import LAST_FOLDER


def _suggested(window, monkeypatch) -> Path:
    """Where File > New's dialog opens (prompts._start_in of what it is given), the dialog then cancelled."""
    seen = []

    def save_file_name(parent, caption, file_filter, suggested="", **kwargs):
        seen.append(prompts_module._start_in(suggested))
        return ""

    monkeypatch.setattr(prompts_module, "save_file_name", save_file_name)
    window.new_file()
    [directory] = seen
    return Path(directory)


def test_file_new_suggests_documents_not_the_hidden_data_folder(window, monkeypatch, private_home):
    suggested = _suggested(window, monkeypatch)
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    home = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation))
    assert suggested.name == "office.sqlite"
    assert suggested.parent != data_folder()
    assert suggested.parent == (documents if documents.is_dir() else home)
    assert window.session.store is None  # cancelled: nothing made


def test_file_new_suggests_the_folder_last_used(window, monkeypatch, private_home, tmp_path):
    folder = tmp_path / "Réunion files"
    folder.mkdir()
    settings.write(LAST_FOLDER, str(folder))
    assert _suggested(window, monkeypatch) == folder / "office.sqlite"
    assert list(folder.iterdir()) == []
