"""A very long unbroken word (a title run together, a URL) in the board report squeezes nothing else (round 36).

The PDF gave every column room for its longest word: one title of 80 letters with no space took the page, every
other column was cut to a few characters and money broke mid-figure ("£125,0" over "00"), "Proposed" became
"Propose" over "d". A long word may wrap anywhere; money and short words never break.
"""

from __future__ import annotations

import re
from dataclasses import replace

from safer_desk.services import projects as svc
from safer_desk.services.report import build_report
from safer_desk.services.report_model import ReportSection, ReportTable
from safer_desk.storage.store import open_store
from tests.exchange.report_samples import sample_document
from tests.exchange.test_report import pdf_text
from tests.exchange.test_report_pdf_round22 import REGISTER_HEADER
from tests.exchange.test_report_round25 import broken_words

RUN_TOGETHER = "SupportedAccommodationForYoungOffendersAcrossTheWholeCountyPilotProgramme2009"
URL = ("https://www.suffolk.gov.uk/community-and-safety/communities/safer-suffolk/"
       "partnership-board-papers-2018-19/appendix-a-commissioning.pdf")


def _laid_out(section, document):
    from PySide6.QtCore import QBuffer, QIODevice, QRectF

    from safer_desk.ui.exchange.report_pdf import DPI, FOOTER_H, HEADER_H, _writer, layout_section

    buffer = QBuffer()
    assert buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, document)  # laid out for the PDF writer, on the report's A4 page, as render_pdf does
    page = QRectF(writer.pageLayout().paintRectPixels(DPI))
    return layout_section(section, 1, page.width(), page.height() - HEADER_H - FOOTER_H, writer)


def _broken_short_words(layout) -> list[str]:
    """The words a line break splits that are not the long ones (which may wrap anywhere)."""
    out = []
    for text, at in broken_words(layout.document):
        start = max(text.rfind(" ", 0, at), text.rfind("/", 0, at), text.rfind("-", 0, at)) + 1
        end = min([i for i in (text.find(" ", at), len(text)) if i >= 0])
        word = text[start:end]
        if len(word) <= 20:
            out.append(word)
    return out


def register_with(title: str, share: str = "Suffolk County Council: not stated") -> ReportTable:
    rows = [[str(n), t, "√", "X", "√", "√", "√", "PRG &/or SSPB", f"£{n}25,000", "Proposed", share]
            for n, t in enumerate([title, "Suffolk ELEV8", "Supported accommodation for young offenders."], 1)]
    return ReportTable("Projects and the board's criteria", REGISTER_HEADER, rows,
                       align=["l", "l", "c", "c", "c", "c", "c", "l", "r", "l", "l"],
                       total_row=["", "Total committed", "", "", "", "", "", "", "£1,234,567.89", "", ""])


def test_a_title_run_together_breaks_no_money_and_no_short_word(qapp):
    from safer_desk.ui.exchange.report_pdf import table_layout

    section = ReportSection("Commissioning options", tables=[register_with(RUN_TOGETHER)])
    layout = _laid_out(section, sample_document())
    assert _broken_short_words(layout) == []
    size, widths = table_layout(section.tables[0], 680)
    assert size == table_layout(register_with("Suffolk ELEV8"), 680)[0]  # nor shrinks the table's type
    assert widths[1] <= 45  # nor takes the page


def test_a_url_in_a_cell_breaks_no_money_and_no_short_word(qapp):
    section = ReportSection("Commissioning options", tables=[register_with("Suffolk Strive", share=URL)])
    layout = _laid_out(section, sample_document())
    assert _broken_short_words(layout) == []


def test_the_pdf_of_a_file_with_a_long_title_prints_money_and_status_whole(demo_path, tmp_path, qapp):
    """The register of the example data with project 1 titled as one long word, printed and read back."""
    from safer_desk.ui.exchange.report_pdf import write_pdf

    store = open_store(demo_path)
    try:
        first = next(p for p in svc.load_projects(store) if p.ref == "1")
        svc.save_project(store, replace(first, title=RUN_TOGETHER))
        document = build_report(store)
    finally:
        store.close()
    write_pdf(document, tmp_path / "board.pdf")
    text = pdf_text(tmp_path / "board.pdf")
    start = text.index("Projects and the board's criteria")
    register = text[start:text.index("Commissioning scenarios", start)]
    assert "£125,000" in register and "£120,000" in register and "£101,500" in register
    assert register.count("Proposed") >= 10 and "Propose\n" not in register.replace(" ", "")
    assert "Supported" in register  # the long title itself is printed, wrapped


def test_the_title_page_wraps_a_long_title_and_area_within_the_page(qapp, tmp_path):
    """A title or a partnership name with no space was drawn in one line, off the right edge of the title page."""
    from safer_desk.ui.exchange.report_pdf import write_pdf

    document = sample_document()
    document.title = RUN_TOGETHER
    document.area_label = "WesternSuffolkCommunitySafetyPartnershipAndNeighbourhoods(partnership)"
    document.office_name = "TheWesternSuffolkCommunitySafetyPartnershipOfficeAtWestSuffolkHouse"
    write_pdf(document, tmp_path / "board.pdf")
    title_page = pdf_text(tmp_path / "board.pdf").split("\f")[0]
    joined = re.sub(r"\s+", "", title_page)
    for words in (RUN_TOGETHER, document.area_label, document.office_name):
        assert words in joined  # every letter printed (wrapped), none cut off the page
    assert max(len(line) for line in title_page.splitlines()) < 100


def test_the_html_report_wraps_a_long_word_anywhere_but_not_money(tmp_path):
    """In the HTML report a URL or a title run together ran past the printed page's edge: it may wrap anywhere (as
    a word of its own, so the table's other columns, money among them, keep their words whole)."""
    from safer_desk.exchange.report_html import CSS, table_html

    html = table_html(register_with(RUN_TOGETHER, share=URL))
    assert f'<span class="long">{RUN_TOGETHER}</span>' in html and f'<span class="long">{URL}</span>' in html
    assert "<td class=\"r\">£125,000</td>" in html and ">Proposed<" in html  # short words and money as they were
    rules = re.sub(r"\s+", " ", CSS)
    assert ".long { overflow-wrap: anywhere; }" in rules
    assert re.search(r"h1, h2, h3, p[^{]*\{ overflow-wrap: anywhere; \}", rules)  # titles and notes too
