"""The PDF keeps a table row whole across a page break, so no line of its text is in the PDF twice."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from safer_desk.services.report_model import ReportSection, ReportTable
from tests.exchange.report_samples import sample_document

REGISTER_HEADER = ["", "Project / Initiative", "LAA outcome?", "CSP priority?", "Cross-cutting?", "Additional?",
                   "Innovative?", "Suitable Funding", "Cost(£)", "Status", "Funders' shares"]


def register_row(n: int) -> list[str]:
    """A register row whose title wraps over several lines, every word of it found nowhere else."""
    title = " ".join(f"t{n}w{k}" for k in range(1, 9))  # "t7w1 t7w2 … t7w8"
    return [str(n), title, "√", "√", "X", "?", "√", "PCC grant", f"£{n},525.58", "Commissioned",
            f"Police and Crime Commissioner s{n}x: £{n},000"]


def register_document(rows: int = 70, lead: int = 0):
    doc = sample_document()
    doc.sections = [ReportSection(
        "Commissioning options",
        paragraphs=[("Projects proposed, shortlisted or commissioned, with their alignment to the board's criteria "
                     "(√ yes, X no, ? unknown).")] * (1 + lead),
        tables=[ReportTable("Projects and the board's criteria", REGISTER_HEADER,
                            [register_row(n) for n in range(1, rows + 1)],
                            align=["l", "l", "c", "c", "c", "c", "c", "l", "r", "l", "l"],
                            total_row=["", "Total committed", "", "", "", "", "", "", "£1,234,567.89", "", ""],
                            note="Every row kept whole across a page break.")])]
    return doc


def page_texts(path) -> list[str]:
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))
    return [subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), str(path), "-"], capture_output=True,
                           text=True, check=True).stdout for i in range(1, pages + 1)]


def straddling_rows(layout) -> list[tuple[int, int]]:
    """(table row, page) of every table row whose lines lie on more than one page of a section's layout."""
    from PySide6.QtGui import QTextCursor

    doc, height = layout.document, layout.page_height
    pages: dict[tuple[int, int], set[int]] = {}
    block = doc.begin()
    while block.isValid():
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        if table is not None:
            top = doc.documentLayout().blockBoundingRect(block).top()
            text = block.layout()
            key = (table.firstPosition(), table.cellAt(cursor).row())
            for i in range(text.lineCount()):
                line = text.lineAt(i)
                # the page of the line's middle: a line that begins a page may start a hair above it
                pages.setdefault(key, set()).add(int((top + line.y() + line.height() / 2) // height))
        block = block.next()
    return [(row, min(p)) for (_, row), p in pages.items() if len(p) > 1]


@pytest.mark.parametrize("lead", [0, 1, 2, 3])
def test_no_register_row_is_split_by_a_page_break(qapp, lead):
    """However the rows fall on the pages, each row's cells sit on one page (the row moves to the next)."""
    from PySide6.QtCore import QBuffer, QIODevice, QRectF

    from safer_desk.ui.exchange.report_pdf import DPI, FOOTER_H, HEADER_H, _writer, layout_section

    doc = register_document(lead=lead)
    buffer = QBuffer()
    assert buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, doc)  # laid out for the PDF writer, on the report's A4 page, as render_pdf does
    page = QRectF(writer.pageLayout().paintRectPixels(DPI))
    layout = layout_section(doc.sections[0], 1, page.width(), page.height() - HEADER_H - FOOTER_H, writer)
    assert layout.pages >= 3
    assert straddling_rows(layout) == []


def test_a_register_row_at_a_page_break_is_in_the_pdf_once(qapp, tmp_path):
    """Qt draws the last line of a cell before a page break again, clipped, at the top of the next page: the
    row is kept whole instead, so every word of every row is in the PDF's text once, in row order."""
    from safer_desk.ui.exchange.report_pdf import write_pdf

    pages = write_pdf(register_document(), tmp_path / "register.pdf")
    texts = page_texts(tmp_path / "register.pdf")
    assert pages == len(texts) >= 4
    whole = "\n".join(texts)
    for n in range(1, 71):
        for k in range(1, 9):
            assert len(re.findall(rf"\bt{n}w{k}\b", whole)) == 1, (n, k)
        assert len(re.findall(rf"\bs{n}x\b", whole)) == 1, n
    found = [int(m) for m in re.findall(r"\bt(\d+)w1\b", whole)]
    assert found == list(range(1, 71))  # rows in order, none left out
    assert whole.count("£1,234,567.89") == 1 and whole.count("Every row kept whole across a page break.") == 1
    for i in range(2, len(texts)):  # the top of a page does not repeat the end of the last (after the contents)
        before = [line.strip() for line in texts[i - 1].splitlines() if line.strip()
                  and not line.startswith("Page ")][-6:]
        top = [line.strip() for line in texts[i].splitlines() if line.strip()][2:5]
        assert not [line for line in top if line in before and len(line) > 3], (i + 1, top, before)
