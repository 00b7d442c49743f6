"""Paste rows… of the register with clipboard text as Excel (Windows and Mac), LibreOffice and web pages give it."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.exchange.files import parse_tsv


@pytest.fixture
def page(demo_window):
    tab = demo_window.show_tab("projects")
    assert tab is not None
    return tab.register


def pasted(page, qtbot, text):
    QGuiApplication.clipboard().setText(text)
    qtbot.mouseClick(page.paste_button, Qt.MouseButton.LeftButton)
    return page.paste_dialog


def test_rows_excel_for_mac_ends_with_a_lone_carriage_return_paste_as_rows(page, prompts, qtbot):
    # Excel for Mac ends each row on the clipboard with "\r" alone: it was "Something went wrong" (csv.Error).
    dialog = pasted(page, qtbot, "Title\tCost\rNightsafe\t£4,000\rStreet pastors\t\"two\rlines\"\r")
    assert not prompts.errors
    assert [c.currentText() for c in dialog.mapping] == ["Title", "Cost"]
    assert dialog.add_button.text() == "&Add 2 projects"
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    added = {p.title: p for p in page.model.rows}
    assert added["Nightsafe"].cost.describe() == "£4,000" and "Street pastors" in added


def test_the_reader_takes_every_line_ending_and_keeps_blank_cells_in_a_grid():
    assert parse_tsv("a\tb\rc\td\r") == [["a", "b"], ["c", "d"]]
    assert parse_tsv("£70\r\r£113\r", keep_blank_rows=True) == [["£70"], [""], ["£113"]]
    assert parse_tsv('x\t"one\rtwo"\r\ny\t"a ""b"""\r\n') == [["x", "one\ntwo"], ["y", 'a "b"']]


def test_two_columns_under_headings_of_one_field_keep_the_first_and_say_the_other_is_left_out(page, qtbot):
    # "Project" and "Title" both name the title: the first column's words were overwritten without a word.
    dialog = pasted(page, qtbot, "Ref\tProject\tTitle\tCost\r\nP9\tSafer Streets hub\tHub phase 2\t£5,000\r\n")
    assert [c.currentText() for c in dialog.mapping] == ["Ref", "Title", "(leave out)", "Cost"]
    assert "Left out: “Title” (its field is read from the column “Project”)" in dialog.problems.text()
    assert "does not know" not in dialog.problems.text()  # it is a heading the register knows, taken once
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "Safer Streets hub" in {p.title for p in page.model.rows}


def test_a_row_split_by_a_cell_of_two_lines_from_word_or_a_web_page_is_pointed_out(page, qtbot):
    # Word (and a browser) give a cell of two paragraphs as two lines, without quotes: its row comes as two short
    # rows, "(pilot)" was offered as a project costing £2,500 and "Street pastors" as one with no cost, unremarked.
    dialog = pasted(page, qtbot, "Title\tCost\tLead organisation\r\nNightsafe\t£4,000\tIpswich BC\r\n"
                                 "Street pastors\r\n(pilot)\t£2,500\tWaveney CSP\r\n")
    assert "Row 2 has fewer cells than the headings" in dialog.problems.text()
    assert dialog.add_button.text() == "&Add 3 projects"  # said, not refused: the person looks and decides
    excel = pasted(page, qtbot, "Title\tCost\tLead organisation\r\nNightsafe\t£4,000\t\r\n"
                                "\"Street pastors\n(pilot)\"\t£2,500\tWaveney CSP\r\n")
    assert "fewer cells" not in excel.problems.text()  # Excel quotes such a cell, and copies empty cells


def test_headings_wrapped_onto_two_lines_in_excel_are_known(page, prompts, qtbot):
    # Headings typed with Alt+Enter come quoted with a new line inside: "LAA2↵outcome?" has a figure in it, so the
    # row was taken for data, its headings read as a project's ref, title and status (and refused as a status).
    dialog = pasted(page, qtbot, '"Project /\ninitiative"\t"Cost\n(£)"\t"LAA2\noutcome?"\t"Suitable\u00a0 funding"\r\n'
                                 "Nightsafe\t4000\t√\tSSPB\r\n")
    assert [c.currentText() for c in dialog.mapping] == ["Title", "Cost", "LAA2 outcome", "Funding route"]
    assert dialog.add_button.text() == "&Add 1 project" and not dialog.problems.text()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    added = next(p for p in page.model.rows if p.title == "Nightsafe")
    assert added.cost.describe() == "£4,000" and added.funding_route == "SSPB"


def test_headings_with_a_year_in_them_are_asked_about_not_added_as_a_project(page, qtbot):
    # "Budget 2024/25" holds a figure, so the row was taken for data and read by place: a project "Budget 2024/25"
    # with the ref "Scheme", and each scheme below as the ref of a project titled with its cost.
    dialog = pasted(page, qtbot, "Scheme\tBudget 2024/25\r\nStreet Pastors\t£12,500\r\nYouth diversion\t£8,000\r\n")
    assert dialog.question.isVisibleTo(dialog)
    assert [c.currentText() for c in dialog.mapping] == ["Title", "Cost"]
    qtbot.mouseClick(dialog.headings_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    added = next(p for p in page.model.rows if p.title == "Street Pastors")
    assert added.cost.describe() == "£12,500" and "Budget 2024/25" not in {p.title for p in page.model.rows}


def test_a_web_page_table_with_no_text_on_the_clipboard_says_so_and_what_to_do(page, prompts, qtbot):
    # A table copied from some web pages or Outlook comes as text/html alone: "There are no rows to paste." was
    # true, but the officer took it that the copy had failed.
    from PySide6.QtCore import QMimeData

    mime = QMimeData()
    mime.setHtml("<table><tr><td>Nightsafe</td><td>£4,000</td></tr></table>")
    QGuiApplication.clipboard().setMimeData(mime)
    qtbot.mouseClick(page.paste_button, Qt.MouseButton.LeftButton)
    said = ("The clipboard holds a web page's table but no text: copy the rows from Excel, or paste them into Excel "
            "first and copy them from there.")
    assert prompts.errors == [("Paste projects", said)]
    assert page.paste_dialog is None


def test_an_empty_clipboard_says_it_is_empty(page, prompts, qtbot):
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(page.paste_button, Qt.MouseButton.LeftButton)
    said = "The clipboard is empty: copy the rows in Excel first, then paste them here."
    assert prompts.errors == [("Paste projects", said)]
    prompts.errors.clear()
    QGuiApplication.clipboard().setText("  \r\n\t\r\n")  # text, but only blank cells: said as before
    qtbot.mouseClick(page.paste_button, Qt.MouseButton.LeftButton)
    assert prompts.errors == [("Paste projects", "There are no rows to paste.")]
