"""Session 62 (alloc): an allocation by many factors in the board report's PDF, every figure whole.

DESIGN.md 2.2: the calculator takes any number of weighted factors. Since session 60 the money is one table and the
factors another beneath it; with eight factors that table had 18 columns across A4 portrait and, even at the
smallest type, broke figures mid-number ("62,34" over "0", "1,000,00" over "0", "16.04" over "%") and headings
mid-word ("Partner" over "ship"). The factors are now printed a few to a table (the partnership on each, the
weighted share on the last), narrow enough for a portrait page, in the PDF and the HTML alike.
"""

from fractions import Fraction

import pytest

from safer_desk.domain.allocation import AllocationOptions, Factor, PartnershipInput
from safer_desk.services import allocation as service
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store

LABELS = ["Total recorded crime 2009-10", "Resident population mid-2009 estimate",
          "Anti-social behaviour incidents 2009-10", "Index of multiple deprivation score",
          "Domestic abuse incidents reported 2009-10", "Young people not in education employment",
          "Reoffending cohort size 2009", "Night-time economy licensed premises"]
NAMES = ["Babergh CSP", "Ipswich CSP", "Waveney CSP", "Suffolk Coastal CSP", "Western CSP"]


@pytest.fixture
def eight_factors(demo_path):
    store = open_store(demo_path)
    factors = tuple(Factor(f"f{i}", 1, label) for i, label in enumerate(LABELS))
    partnerships = [PartnershipInput(name, 3 if name == "Western CSP" else 1,
                                     {f.name: Fraction(1_000_000 + 12_345 * i * (j + 1), 1 if j != 3 else 100)
                                      for j, f in enumerate(factors)}, 11_000_000 + 2_345_678 * i)
                    for i, name in enumerate(NAMES)]
    options = AllocationOptions(previous_total_pence=58_960_800, retain=Fraction(1, 10), fixed_share=Fraction(1, 5),
                                factors=factors, damping=Fraction(1, 20))
    service.set_adopted(store, service.save_scenario(store, "Eight factors, damped", "2010/11", partnerships,
                                                     options))
    yield store
    store.close()


def test_eight_factors_print_a_few_to_a_table_with_every_figure_whole(qapp, eight_factors):
    from PySide6.QtCore import QBuffer, QIODevice, QRectF

    from safer_desk.exchange.report_html import WIDE_COLUMNS
    from safer_desk.ui.exchange.report_pdf import DPI, FOOTER_H, HEADER_H, _writer, layout_section
    from tests.exchange.test_report_round25 import broken_words

    document = build_report(eight_factors, year="2010/11")
    number, section = next((n, s) for n, s in enumerate(document.sections, 1) if s.title == "Allocation 2010/11")
    money, *parts = section.tables
    assert money.header[-4:] == ["Weighted share %", "This year", "Last year", "Variance"]
    assert len(parts) == 3 and all(len(t.header) <= WIDE_COLUMNS for t in parts)
    # Each title says what its table holds: the weighted share is on the last only (session 62, county2: all three
    # said "…and their weighted share", the first two holding none).
    assert [t.title for t in parts] == [
        "Eight factors, damped: the factors the variable fee is shared by (1 of 3)",
        "Eight factors, damped: the factors the variable fee is shared by (2 of 3)",
        "Eight factors, damped: the factors the variable fee is shared by, and their weighted share (3 of 3)"]
    # Every factor once, with its share, each table led by the partnership; the weighted share on the last.
    headings = [h for t in parts for h in t.header[1:]]
    assert headings == [h for label in LABELS for h in (label, f"{label} as % of the total")] + ["Weighted share %"]
    assert all(t.header[0] == "Partnership" and [r[0] for r in t.rows] == NAMES and t.total_row[0] == "Totals"
               for t in parts)
    assert parts[-1].total_row[-1] == "100.00%"
    buffer = QBuffer()
    assert buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, document)
    page = QRectF(writer.pageLayout().paintRectPixels(DPI))
    layout = layout_section(section, number, page.width(), page.height() - HEADER_H - FOOTER_H, writer)
    assert broken_words(layout.document) == []


def test_no_table_title_is_left_alone_at_a_pages_foot(qapp, eight_factors):
    """The second factors table's title, "… (2 of 3)", was printed alone at the foot of a page, its table (too tall
    for the room left) moved whole to the next: now the title goes with it."""
    from PySide6.QtCore import QBuffer, QIODevice, QRectF
    from PySide6.QtGui import QTextCursor

    from safer_desk.ui.exchange.report_pdf import DPI, FOOTER_H, HEADER_H, _writer, layout_section

    document = build_report(eight_factors, year="2010/11")
    number, section = next((n, s) for n, s in enumerate(document.sections, 1) if s.title == "Allocation 2010/11")
    buffer = QBuffer()
    assert buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, document)
    page = QRectF(writer.pageLayout().paintRectPixels(DPI))
    height = page.height() - HEADER_H - FOOTER_H
    layout = layout_section(section, number, page.width(), height, writer)
    doc = layout.document
    titles = {t.title for t in section.tables}
    pages = []  # (title, the page it is on, the page its table's first line is on)
    block = doc.begin()
    while block.isValid():
        if block.text() in titles and QTextCursor(block).currentTable() is None:
            after = block.next()
            while after.isValid() and QTextCursor(after).currentTable() is None:
                after = after.next()
            at = doc.documentLayout().blockBoundingRect
            pages.append((block.text(), int(at(block).bottom() // height), int(at(after).top() // height)))
        block = block.next()
    assert len(pages) == 4
    assert [title for title, on, table_on in pages if on != table_on] == []
