"""What an officer pastes into Excel after copying from a table (for the tests of several tabs)."""

from __future__ import annotations

import csv
import io


def copied_with_ctrl_c(qtbot, view) -> list[list[str]]:
    """Select the whole table and press Ctrl+C, as before pasting into Excel: the cells pasted, row by row."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    view.setFocus()
    view.selectAll()
    QGuiApplication.clipboard().setText("(nothing copied)")
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    return list(csv.reader(io.StringIO(QGuiApplication.clipboard().text()), delimiter="\t"))
