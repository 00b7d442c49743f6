"""S73: a table's note in the board report PDF stays on the page of the table's last row.

The note under a table (the budgets' "Amounts in £. Source: Review of Western Suffolk CSP … * Domestic Homicide
Reviews (DHRs), 2017/18: Cost to be reimbursed …", the DHR ledger's and the performance summary's explanations) was a
paragraph of its own after the table: a table ending at a page's foot printed its note at the top of the next page,
under the header, apart from the figures it explains (and a note too long for the room left was moved there whole).
The table's last row now goes over with its note, so the two are read together."""

from __future__ import annotations

import pytest

from safer_desk.services.report_model import ReportSection, ReportTable
from tests.exchange.report_samples import sample_document

NOTE = ("Amounts in £. Source: Review of Western Suffolk CSP, Overview and Scrutiny, 20 September 2018, §6 (seed 002). "
        "* Domestic Homicide Reviews (DHRs), 2017/18: Cost to be reimbursed from WSCSP key statutory partners. ")


def noted_document(rows: int, note_lines: int):
    doc = sample_document()
    doc.sections = [ReportSection(
        "Budgets and plans",
        paragraphs=["Each plan as its paper sets it out. " * 6],
        tables=[ReportTable("Western Suffolk CSP financial implications 2017/18 – 2019/20",
                            ["", "2017/18", "2018/19", "2019/20", "Total"],
                            [[f"Line {n}", "£7,525.58", "TBC", "N/K", "£7,525.58 + TBC + N/K"] for n in range(rows)],
                            align=["l", "r", "r", "r", "r"], total_row=["Net Effect", "£1.00", "", "", "£1.00"],
                            note=NOTE * note_lines)])]
    return doc


def last_row_and_note_pages(layout, note: str) -> tuple[int, int]:
    """The pages of the table's last row (its first line) and of the note's first and last lines."""
    from PySide6.QtGui import QTextCursor

    doc, height = layout.document, layout.page_height
    last_row = note_first = note_last = None
    block = doc.begin()
    while block.isValid():
        top = doc.documentLayout().blockBoundingRect(block).top()
        lines = block.layout()
        if lines.lineCount():
            first, end = lines.lineAt(0), lines.lineAt(lines.lineCount() - 1)
            if QTextCursor(block).currentTable() is not None:
                if block.text() == "Net Effect":
                    last_row = int((top + first.y() + first.height() / 2) // height)
            elif block.text().startswith(note[:40]):
                note_first = int((top + first.y() + first.height() / 2) // height)
                note_last = int((top + end.y() + end.height() / 2) // height)
        block = block.next()
    assert None not in (last_row, note_first, note_last)
    return last_row, note_first, note_last


@pytest.mark.timeout(300)
def test_a_tables_note_is_on_the_page_of_its_last_row(qapp):
    from PySide6.QtCore import QBuffer, QIODevice, QRectF

    from safer_desk.ui.exchange.report_pdf import DPI, FOOTER_H, HEADER_H, _writer, layout_section

    apart, broke = [], 0
    for note_lines in (1, 4):
        for rows in range(30, 52):
            doc = noted_document(rows, note_lines)
            buffer = QBuffer()
            assert buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            writer = _writer(buffer, doc)
            page = QRectF(writer.pageLayout().paintRectPixels(DPI))
            layout = layout_section(doc.sections[0], 1, page.width(), page.height() - HEADER_H - FOOTER_H, writer)
            last_row, note_first, note_last = last_row_and_note_pages(layout, NOTE)
            broke += layout.pages > 1
            if not last_row == note_first == note_last:
                apart.append((note_lines, rows, last_row, note_first, note_last))
    assert broke  # the table does reach a page break at these lengths
    assert apart == []
