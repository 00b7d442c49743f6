"""Every question the window asks a person goes through here, so tests can answer without a modal loop."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from safer_desk.presenters.screens import UnsavedChoice

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

# Qt's message box and file dialog are loaded with the first question, not at start-up (their classes and
# enums cost 2 ms on the way to the first screen, which asks nothing).


def message_box(icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None,
                buttons: QMessageBox.StandardButton | None = None) -> QMessageBox:
    """A message or a question, its words shown as written: a name typed with "<b>" in it is not made bold."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton if buttons is None else buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    message_box(QMessageBox.Icon.Warning, title, text, parent, QMessageBox.StandardButton.Ok).exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    message_box(QMessageBox.Icon.Information, title, text, parent, QMessageBox.StandardButton.Ok).exec()


def ask(parent: QWidget | None, title: str, text: str, *, yes: str = "Yes", no: str = "Cancel",
        cautious: bool = False) -> bool:
    """A question; True when answered ``yes``. ``cautious``: for what Edit > Undo cannot take back (a file replaced,
    a key withdrawn), Enter answers ``no``, so a key pressed once too often does not do it."""
    from PySide6.QtWidgets import QMessageBox

    box = message_box(QMessageBox.Icon.Question, title, text, parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button if cautious else yes_button)
    box.exec()
    return box.clickedButton() is yes_button


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A line of text typed in a small dialog (a new name), or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    # Wide enough to read a plan's name whole ("East Sussex Community Safety MTFP 2011/12 – 2014/15"), not the
    # dialog's 190 pixels that showed its last words only.
    dialog.resize(max(dialog.sizeHint().width(), dialog.fontMetrics().horizontalAdvance(text) + 80, 420),
                  dialog.sizeHint().height())
    return dialog.textValue() if dialog.exec() else None


# File dialogs start in the folder where a file was last chosen, else in Documents: never in the folder the
# program happened to start in (a packaged program's own folder, or C:\\Windows\\System32 from a shortcut).
LAST_FOLDER = "files/last_folder"


def _start_in(suggested: str = "") -> str:
    """Where a dialog opens: a suggestion with its own folder as it is; a bare name in the last folder."""
    if suggested and Path(suggested).is_absolute():
        return suggested
    from safer_desk.ui import settings

    folder = settings.read_str(LAST_FOLDER)
    if not folder or not Path(folder).is_dir():
        from PySide6.QtCore import QStandardPaths

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        if not Path(folder).is_dir():  # no Documents folder (a new Linux account): the dialog took it for a name
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
    return str(Path(folder) / suggested) if suggested else folder


def beside_file(path: Path, name: str) -> str:
    """Where a file made from the open one is suggested: beside it. For the example's temporary copy (removed with
    its folder when the window closes) and for a file in the program's own data folder (the office's own file, in
    a folder Windows hides: an export saved there could not be found to send), in the last folder used, else
    Documents."""
    from safer_desk.paths import data_folder, same_file
    from safer_desk.services.example_copy import is_demo_copy

    if is_demo_copy(path) or same_file(Path(path).parent, data_folder()):
        return _start_in(name)
    return str(Path(path).with_name(name))


def _chosen(path: str, *, folder: bool = False) -> str:
    """Remember where a file (or a folder) was chosen; a cancelled dialog ("") remembers nothing."""
    if path:
        from safer_desk.ui import settings

        settings.write(LAST_FOLDER, str(Path(path) if folder else Path(path).parent))
    return path


def open_file_name(parent: QWidget | None, caption: str, file_filter: str, folder: str = "") -> str:
    from PySide6.QtWidgets import QFileDialog

    return _chosen(QFileDialog.getOpenFileName(parent, caption, _start_in(folder), file_filter)[0])


def open_file_names(parent: QWidget | None, caption: str, file_filter: str, folder: str = "") -> list[str]:
    from PySide6.QtWidgets import QFileDialog

    names = QFileDialog.getOpenFileNames(parent, caption, _start_in(folder), file_filter)[0]
    if names:
        _chosen(names[0])
    return names


def existing_folder(parent: QWidget | None, caption: str, folder: str = "") -> str:
    from PySide6.QtWidgets import QFileDialog

    return _chosen(QFileDialog.getExistingDirectory(parent, caption, _start_in(folder)), folder=True)


def save_file_name(parent: QWidget | None, caption: str, file_filter: str, suggested: str = "", *,
                   confirm_overwrite: bool = True) -> str:
    """confirm_overwrite=False: the dialog does not ask before replacing a file; the caller asks, after refusing a
    name it never writes (Save a Copy onto the open file itself)."""
    from PySide6.QtWidgets import QFileDialog

    options = QFileDialog.Option(0) if confirm_overwrite else QFileDialog.Option.DontConfirmOverwrite
    return _chosen(QFileDialog.getSaveFileName(parent, caption, _start_in(suggested), file_filter, "", options)[0])


def ask_unsaved(parent: QWidget | None, title: str, text: str) -> UnsavedChoice:
    """Save / Discard / Cancel for unsaved edits; Cancel (stay) when the box is closed."""
    from PySide6.QtWidgets import QMessageBox

    box = message_box(QMessageBox.Icon.Question, title, f"{text}\n\nSave the changes before going on?", parent)
    buttons = {}
    for choice, role in ((UnsavedChoice.SAVE, QMessageBox.ButtonRole.AcceptRole),
                         (UnsavedChoice.DISCARD, QMessageBox.ButtonRole.DestructiveRole),
                         (UnsavedChoice.CANCEL, QMessageBox.ButtonRole.RejectRole)):
        buttons[box.addButton(choice.label, role)] = choice
    box.setDefaultButton(next(b for b, c in buttons.items() if c == UnsavedChoice.SAVE))
    box.setEscapeButton(next(b for b, c in buttons.items() if c == UnsavedChoice.CANCEL))
    box.exec()
    return buttons.get(box.clickedButton(), UnsavedChoice.CANCEL)
