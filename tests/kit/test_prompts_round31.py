"""A question about what Edit > Undo cannot take back (a file replaced, an office's signing key withdrawn) answers
Cancel to Enter: with Withdraw as the default, Enter pressed once too often withdrew a key (round 31)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from safer_desk.ui import prompts

ASK = prompts.ask  # the real question, taken before the tests' autouse fixture answers questions instead


def _answer_with_enter(qtbot, seen: list) -> None:
    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        seen.append(box.defaultButton().text())
        qtbot.keyClick(box, Qt.Key.Key_Return)
    QTimer.singleShot(0, press)


def test_a_cautious_question_answers_no_to_enter(qtbot):
    seen: list = []
    _answer_with_enter(qtbot, seen)
    assert not ASK(None, "Withdraw Key", "Withdraw the key?", yes="Withdraw", cautious=True)
    assert seen == ["Cancel"]


def test_an_ordinary_question_answers_yes_to_enter(qtbot):
    seen: list = []
    _answer_with_enter(qtbot, seen)
    assert ASK(None, "Delete", "Delete the project?", yes="Delete")
    assert seen == ["Delete"]
