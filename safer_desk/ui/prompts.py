"""Every question the window asks a person goes through here, so tests can answer without a modal loop."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from safer_desk.presenters.screens import UnsavedChoice


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.exec()


def ask(parent: QWidget | None, title: str, text: str, *, yes: str = "Yes", no: str = "Cancel") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button)
    box.exec()
    return box.clickedButton() is yes_button


def open_file_name(parent: QWidget | None, caption: str, file_filter: str, folder: str = "") -> str:
    return QFileDialog.getOpenFileName(parent, caption, folder, file_filter)[0]


def open_file_names(parent: QWidget | None, caption: str, file_filter: str, folder: str = "") -> list[str]:
    return QFileDialog.getOpenFileNames(parent, caption, folder, file_filter)[0]


def existing_folder(parent: QWidget | None, caption: str, folder: str = "") -> str:
    return QFileDialog.getExistingDirectory(parent, caption, folder)


def save_file_name(parent: QWidget | None, caption: str, file_filter: str, suggested: str = "") -> str:
    return QFileDialog.getSaveFileName(parent, caption, suggested, file_filter)[0]


def ask_unsaved(parent: QWidget | None, title: str, text: str) -> UnsavedChoice:
    """Save / Discard / Cancel for unsaved edits; Cancel (stay) when the box is closed."""
    box = QMessageBox(QMessageBox.Icon.Question, title, f"{text}\n\nSave the changes before going on?",
                      QMessageBox.StandardButton.NoButton, parent)
    buttons = {}
    for choice, role in ((UnsavedChoice.SAVE, QMessageBox.ButtonRole.AcceptRole),
                         (UnsavedChoice.DISCARD, QMessageBox.ButtonRole.DestructiveRole),
                         (UnsavedChoice.CANCEL, QMessageBox.ButtonRole.RejectRole)):
        buttons[box.addButton(choice.label, role)] = choice
    box.setDefaultButton(next(b for b, c in buttons.items() if c == UnsavedChoice.SAVE))
    box.setEscapeButton(next(b for b, c in buttons.items() if c == UnsavedChoice.CANCEL))
    box.exec()
    return buttons.get(box.clickedButton(), UnsavedChoice.CANCEL)
