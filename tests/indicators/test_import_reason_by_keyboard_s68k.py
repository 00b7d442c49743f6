"""Import Figures… read by keyboard (session 68): on a 1366x768 laptop the "Why refused, or what to check" cell of
a long reason ended in "…" ("The value 50 is not what the numerator and denominator …"), and the rest was only in
the cell's tooltip, which needs a mouse. Under the table, the row the keyboard is on is now said in full, and
moving with the arrow keys says the next one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.indicators.test_import_refused_words_s68k import SHEET
from tests.window_sizes import resize_window


def test_the_current_rows_reason_is_said_in_full_under_the_table(demo_window, qtbot, tmp_path):
    resize_window(demo_window, (1366, 768))
    tab = demo_window.show_tab("indicators")
    path = tmp_path / "my figures.csv"
    path.write_text(SHEET, encoding="utf-8")
    tab.import_figures_from(str(path))
    dialog = tab._import_dialog
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.isVisible(), timeout=10000)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    table = dialog.table
    assert QApplication.focusWidget() is table and table.currentIndex().row() == 0
    assert dialog.reason.text() == ("Line 2 (Refused): Repeat cases at MARAC, Q2 2010/11: the numerator (19) is more "
                                    "than the denominator (18), which would be over 100%.")
    assert dialog.reason.isVisible()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    said = dialog.reason.text()
    assert said.startswith("Line 4 (Refused): The value 50 is not what the numerator and denominator give")
    assert said.endswith("leave one of them out, or correct the sheet.")
    dialog.reject()
