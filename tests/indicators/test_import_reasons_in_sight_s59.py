"""Import Figures… on a laptop keeps the reasons in sight (session 59). A sheet whose good row replaces a figure and
its comment ("1,575 (board paper, seed 003) and its comment “Between April …”") widened Replaces to 360 pixels,
and on a 1366x768 laptop at 125% the last column, "Why refused, or what to check", began 70 pixels from the
dialog's edge: the refused rows (whose other cells are blank) said only "Refused", and why could not be read
without scrolling. Replaces now gives way (its text is whole when pointed at) so the reasons have room."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from safer_desk.domain.periods import FinancialYear
from tests.window_sizes import resize_window

SHEET = ("indicator,area,period,value,comment\n"
         "All crime,Plymouth,Dec-16,1490,\n"
         "All crime,Plymouth,Nov-16,1600,Counted again\n"  # replaces 1,575 and the paper's comment
         "All crime,Plymouth,Dec-16,1491,\n"  # given twice with another figure: both refused
         "Burglary,Atlantis,Dec-16,4,\n"
         "Level Two \u201cist\u201d incidents reported,Plymouth,Nov-16,10,\n")  # red, no comment: Needs comment


def open_preview(demo_window, qtbot, tmp_path):
    resize_window(demo_window, (1093, 582))
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FinancialYear(2016))
    path = tmp_path / "figures.csv"
    path.write_text(SHEET, encoding="utf-8")
    tab.import_figures_from(str(path))
    dialog = tab._import_dialog
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.isVisible(), timeout=10000)
    qtbot.waitExposed(dialog)
    return dialog


def column(dialog, key: str) -> int:
    return [c.key for c in dialog.model.columns].index(key)


def test_the_reasons_are_in_sight_beside_what_rows_replace(demo_window, qtbot, tmp_path):
    dialog = open_preview(demo_window, qtbot, tmp_path)
    table = dialog.table
    table.horizontalScrollBar().setValue(0)
    why = column(dialog, "why")
    shown_of_why = table.viewport().width() - table.horizontalHeader().sectionViewportPosition(why)
    assert shown_of_why >= 300, f"only {shown_of_why} pixels of the reasons are in sight"
    replaces = column(dialog, "replaces")
    assert table.columnWidth(replaces) >= 120  # what a row replaces still starts in sight
    row = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())].index("3")
    assert dialog.model.index(row, replaces).data(0x03).startswith("The file holds 1,575")  # whole when pointed at
    assert table.mapTo(dialog, QPoint(table.width(), 0)).x() <= dialog.width()

