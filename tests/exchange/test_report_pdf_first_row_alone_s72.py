"""S72: a county lead's board report put the county overview's "Indicators 2025/26 to date: figure and RAG per
district" table at the foot of a page with its title, its header and one row ("All crime ○ 2,869 ○ 9,532 …"), and
the other fourteen indicators on the next page under the header again. A table's first row now never stands alone
at a page's foot: the table begins the next page, title and all."""

from __future__ import annotations

import pytest

from safer_desk.services.report_model import ReportSection, ReportTable
from tests.exchange.report_samples import sample_document

DISTRICTS = ["Indicator", "Babergh", "East Suffolk", "Ipswich", "Mid Suffolk", "West Suffolk"]


def overview_document(before: int):
    """A section of a table of ``before`` partners' allocations, then the indicators per district (15 rows)."""
    doc = sample_document()
    doc.sections = [ReportSection(
        "County overview",
        paragraphs=["Figures from the 2 office files merged into this county file. " * 4],
        tables=[ReportTable("Allocation 2009/10", ["Partnership", "Allocation", "Last year", "Variance"],
                            [[f"Partnership {n}", "£63,768", "£70,725", "-£6,957"] for n in range(1, before + 1)],
                            align=["l", "r", "r", "r"]),
                ReportTable("Indicators 2025/26 to date: figure and RAG per district", DISTRICTS,
                            [[f"Indicator {n}", "○ 2,869", "○ 9,532", "○ 9,459", "○ 3,139", "○ 7,949"]
                             for n in range(1, 16)],
                            align=["l", "r", "r", "r", "r", "r"])])]
    return doc


def first_rows_pages(layout) -> dict[str, tuple[int, int]]:
    """Each table part's first body row (its first cell's text) -> the pages of its first and second body rows."""
    from PySide6.QtGui import QTextCursor

    doc, height = layout.document, layout.page_height
    pages: dict[tuple[int, int], int] = {}
    names: dict[int, str] = {}
    block = doc.begin()
    while block.isValid():
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        if table is not None and table.cellAt(cursor).row() > 0 and block.layout().lineCount():
            line = block.layout().lineAt(0)
            y = doc.documentLayout().blockBoundingRect(block).top() + line.y() + line.height() / 2
            pages.setdefault((table.firstPosition(), table.cellAt(cursor).row()), int(y // height))
            if table.cellAt(cursor).row() == 1:
                names.setdefault(table.firstPosition(), block.text())
        block = block.next()
    return {names[t]: (pages[(t, 1)], pages.get((t, 2), pages[(t, 1)])) for t in names}


@pytest.mark.timeout(300)
def test_a_tables_first_row_never_stands_alone_at_a_page_foot(qapp):
    from PySide6.QtCore import QBuffer, QIODevice, QRectF

    from safer_desk.ui.exchange.report_pdf import DPI, FOOTER_H, HEADER_H, _writer, layout_section

    alone, moved = [], 0
    for before in range(24, 44):
        doc = overview_document(before)
        buffer = QBuffer()
        assert buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = _writer(buffer, doc)
        page = QRectF(writer.pageLayout().paintRectPixels(DPI))
        layout = layout_section(doc.sections[0], 1, page.width(), page.height() - HEADER_H - FOOTER_H, writer)
        parts = first_rows_pages(layout)
        moved += parts["Indicator 1"][0] > 0
        if any(first != second for first, second in parts.values()):
            alone.append(before)
    assert moved  # the indicators table does reach a page break at these lengths
    assert alone == []
