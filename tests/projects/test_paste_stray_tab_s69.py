"""Projects, round s69: a row pasted with more cells than its headings (a tab inside a cell).

A tab typed inside a Word table's cell (or a web page's) comes as a cell boundary: "Street<tab>pastors" under
"Title", "Cost" made the row three cells, its title "Street", its cost read from "pastors" (none) and "£2,500" put
under no heading and dropped without a word; and the preview blamed the two good rows below it: "Rows 2 and 3 have
fewer cells than the headings" (they had as many as the headings). Rows are now measured against the headings: the
row with more cells is the one said, and the good rows are not.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from safer_desk.exchange.files import parse_tsv
from safer_desk.services.projects import read_paste

STRAY_TAB = "Title\tCost\r\nStreet\tpastors\t£2,500\r\nNightsafe\t£4,000\r\nCCTV\t£1,000\r\n"


def test_the_row_wider_than_its_headings_is_said_and_the_good_rows_are_not_blamed():
    note = read_paste(parse_tsv(STRAY_TAB)).short_rows_note(True)
    assert note.startswith("Row 1 has more cells than the headings: a tab inside a cell splits it")
    assert "fewer cells" not in note and "Rows 2" not in note


def test_rows_short_of_the_headings_are_still_said_beside_a_row_too_wide():
    reading = read_paste(parse_tsv("Title\tCost\tLead organisation\r\nStreet pastors\r\nNightsafe\t£4,000\tIBC\r\n"
                                   "CCTV\t£1,000\tWBC\textra\r\n"))
    note = reading.short_rows_note(True)
    assert "Row 1 has fewer cells than the headings" in note
    assert "Row 3 has more cells than the headings" in note
    # without a heading row the rows are measured against the widest, as before
    assert read_paste(parse_tsv("Street pastors\t£2,500\r\nNightsafe\r\n")).short_rows_note(False).startswith(
        "Row 2 has fewer cells than the other rows")


def test_the_preview_says_it_under_the_rows(demo_window, qtbot):
    page = demo_window.show_tab("projects").register
    QGuiApplication.clipboard().setText(STRAY_TAB)
    page.paste_rows()
    dialog = page.paste_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert "⚠ Row 1 has more cells than the headings" in dialog.problems.text()
    assert "fewer cells" not in dialog.problems.text()
    dialog.reject()
