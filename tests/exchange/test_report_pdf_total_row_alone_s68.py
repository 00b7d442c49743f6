"""S68: a county lead's board report as at 15/01/2019 printed the DHR "Cost recovery per partner" table with its
eleven partners on page 7 and, on page 8, the table's header again over one line: "Total £7,525.58 £3,820.73
£684.14 £3,020.71 £3,020.71", a page of its own for the total, away from the figures it adds up. A table's total row
now never begins a page alone: the last row before it goes over with it."""

from __future__ import annotations

import pytest

from safer_desk.services.report_model import ReportSection, ReportTable
from tests.exchange.report_samples import sample_document

PARTNERS = ["Partner", "Billed", "Paid", "Refused or written off", "Outstanding", "Overdue"]


def partners_document(rows: int):
    doc = sample_document()
    doc.sections = [ReportSection(
        "Domestic Homicide Reviews: cost recovery",
        paragraphs=["Costs are shared between the partnership's statutory partners. " * 6],
        tables=[ReportTable("Cost recovery per partner", PARTNERS,
                            [[f"Partner council {n}", "£684.15", "£684.15", "£0.00", "£0.00", "£0.00"]
                             for n in range(1, rows + 1)],
                            align=["l", "r", "r", "r", "r", "r"],
                            total_row=["Total", "£7,525.58", "£3,820.73", "£684.14", "£3,020.71", "£3,020.71"])])]
    return doc


def row_pages(layout) -> list[int]:
    """The page of each body row of the section's tables (headers left out), in order: the total row last."""
    from PySide6.QtGui import QTextCursor

    doc, height = layout.document, layout.page_height
    pages: dict[tuple[int, int], int] = {}
    block = doc.begin()
    while block.isValid():
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        if table is not None and table.cellAt(cursor).row() > 0 and block.layout().lineCount():
            line = block.layout().lineAt(0)
            y = doc.documentLayout().blockBoundingRect(block).top() + line.y() + line.height() / 2
            pages.setdefault((table.firstPosition(), table.cellAt(cursor).row()), int(y // height))
        block = block.next()
    return [pages[k] for k in sorted(pages)]


@pytest.mark.timeout(300)
def test_a_total_row_never_begins_a_page_alone(qapp):
    from PySide6.QtCore import QBuffer, QIODevice, QRectF

    from safer_desk.ui.exchange.report_pdf import DPI, FOOTER_H, HEADER_H, _writer, layout_section

    alone, broken = [], 0
    for rows in range(30, 50):
        doc = partners_document(rows)
        buffer = QBuffer()
        assert buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = _writer(buffer, doc)
        page = QRectF(writer.pageLayout().paintRectPixels(DPI))
        layout = layout_section(doc.sections[0], 1, page.width(), page.height() - HEADER_H - FOOTER_H, writer)
        pages = row_pages(layout)
        assert len(pages) == rows + 1
        broken += pages[-1] > pages[0]
        if pages[-1] != pages[-2]:
            alone.append(rows)
    assert broken  # the table does run over a page break at these lengths
    assert alone == []
