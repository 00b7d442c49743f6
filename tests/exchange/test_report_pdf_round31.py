"""Round 31: a long table's page breaks worked out ahead from its rows' heights, not one layout a page.

A county file's Commissioning options table (5,951 rows, 263 pages) was laid out again, whole, for each row a page
break would split: ~20 s a round, ~90 minutes for the one section. The new layout must break the pages exactly
where round after round did (the same rows begin each page), in far fewer layouts.
"""

from __future__ import annotations

import pytest

from safer_desk.services.report_model import ReportChart, ReportSection, ReportSeries, ReportTable
from tests.exchange.report_samples import sample_document
from tests.exchange.test_report_pdf_round22 import REGISTER_HEADER, register_document


def varied_row(n: int) -> list[str]:
    """A register row of its own height: one line, a few, or (now and then) a long wrapped note."""
    title = " ".join(f"r{n}w{k}" for k in range((n * 7) % 13))  # 0 to 12 words: one line to several
    shares = "; ".join(f"Partner {p} of r{n}: £{p},000" for p in range((n * 5) % 4)) if n % 3 else ""
    if n % 97 == 0:
        shares = " ".join(f"long{n}x{k}" for k in range(60))  # a row much taller than the others
    return [str(n), title or f"r{n}", "√", "X" if n % 2 else "√", "?", "√", "X", "PCC grant", f"£{n},525.58",
            ["Proposed", "Shortlisted", "Commissioned"][n % 3], shares]


def varied_document(rows: int):
    doc = sample_document()
    months = ["Apr", "May", "Jun", "Jul", "Aug", "Sep"]
    doc.sections = [ReportSection(
        "Commissioning options",
        paragraphs=["Projects proposed, shortlisted or commissioned, with their alignment to the board's criteria "
                    "(√ yes, X no, ? unknown). " * 3],
        tables=[ReportTable("Projects and the board's criteria", REGISTER_HEADER,
                            [varied_row(n) for n in range(1, rows + 1)],
                            align=["l", "l", "c", "c", "c", "c", "c", "l", "r", "l", "l"],
                            total_row=["", "Total committed", "", "", "", "", "", "", "£1,234,567.89", "", ""],
                            note="Every row kept whole across a page break. " * 4),
                ReportTable("Projects by district", ["District", "Projects", "Cost"],
                            [[f"District {n} " + "and parish " * (n % 5), str(n), f"£{n},000"]
                             for n in range(1, rows // 4 + 2)], align=["l", "r", "r"])],
        charts=[ReportChart("Spend by month", months, [ReportSeries("Spend", [1.0, 2.0, 3.0, 4.0, 5.0, 6.0])],
                            note="After the tables.")])]
    return doc


def laid_out(document, ahead: bool, monkeypatch, page_height: float | None = None):
    """(the rows that begin a page, by table; pages; layouts made) for the document's first section."""
    from PySide6.QtCore import QBuffer, QIODevice, QRectF

    from safer_desk.ui.exchange import report_pdf

    buffer = QBuffer()
    assert buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = report_pdf._writer(buffer, document)
    page = QRectF(writer.pageLayout().paintRectPixels(report_pdf.DPI))
    height = page_height or page.height() - report_pdf.HEADER_H - report_pdf.FOOTER_H
    made: list[dict[int, list[int]]] = []
    original = report_pdf._section_document

    def counted(section, number, width, height, device, breaks):
        made.append({k: sorted(rows) for k, rows in breaks.items() if rows})
        return original(section, number, width, height, device, breaks)

    monkeypatch.setattr(report_pdf, "_section_document", counted)
    layout = report_pdf.layout_section(document.sections[0], 1, page.width(), height, writer, ahead=ahead)
    monkeypatch.undo()
    return made[-1], layout.pages, len(made)


@pytest.mark.parametrize("rows", [50, 500])
@pytest.mark.timeout(600)  # the old way, round after round, took over 180 s for 500 rows with helpers on the machine
def test_a_long_tables_pages_break_where_round_after_round_broke_them(qapp, monkeypatch, rows):
    """Rows of every height (one line to a third of a page), two tables, a note and a chart after them."""
    document = varied_document(rows)
    breaks, pages, layouts = laid_out(document, True, monkeypatch)
    assert (breaks, pages) == laid_out(document, False, monkeypatch)[:2]
    assert len(breaks[0]) >= rows // 40  # the table runs over pages
    if rows == 500:
        assert layouts <= 12  # it was a layout a page (~30)


@pytest.mark.timeout(600)  # as above: its reference is the old round-after-round layout of 500 rows
def test_the_register_table_takes_a_few_layouts_not_one_a_page(qapp, monkeypatch):
    document = register_document(rows=500)
    breaks, pages, layouts = laid_out(document, True, monkeypatch)
    assert (breaks, pages) == laid_out(document, False, monkeypatch)[:2]
    assert pages >= 25 and layouts <= 6


@pytest.mark.slow
@pytest.mark.timeout(900)  # the old way, round after round, is what takes the time: minutes on a busy machine
def test_a_table_of_thousands_of_rows_breaks_where_round_after_round_broke_it(qapp, monkeypatch):
    """1,200 rows on tall pages (a round a page of A4 would take the old way a quarter of an hour here). With 2,000
    rows on pages of 8,000 the old way took 153 s of the 180 s every test is allowed, while helpers shared the
    machine; 1,200 rows make 13 pages, still more than ten rounds of the old way, in a fifth of the time."""
    document = varied_document(1200)
    breaks, pages, layouts = laid_out(document, True, monkeypatch, page_height=8000.0)
    assert (breaks, pages) == laid_out(document, False, monkeypatch, page_height=8000.0)[:2]
    assert pages >= 10 and layouts <= 12
