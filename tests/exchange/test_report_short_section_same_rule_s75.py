"""s75: the PDF and the web page of the board report chose a short section by different rules (s74). The PDF let any
section of at most half a page follow the one before on its page (a table of 14 rows did); the web page only one of
no chart, at most 10 table rows and 700 characters, so the same section began a new page when the web page was
printed. Both now take the web page's rule (the only one a web page can know before it is printed), and each lets
such a section follow when it fits there whole."""

from __future__ import annotations

import re

import pytest

from safer_desk.exchange.report_html import render_html, short_section
from safer_desk.services.report_model import ReportSection, ReportTable
from tests.exchange.report_samples import sample_document
from tests.exchange.test_report_pdf_round22 import page_texts
from tests.exchange.test_report_short_section_follows_s74 import _filler, _short_with_table


def _html_follows(document) -> list[bool]:
    page = render_html(document)
    opened = dict(re.findall(r'<section id="section-(\d+)"(?: class="([\w ]*)")?>', page))
    return ["follows" in opened[str(n)].split() for n in range(1, len(document.sections) + 1)]


@pytest.mark.timeout(300)
def test_a_section_of_14_rows_begins_a_new_page_in_both(qapp, tmp_path):
    from safer_desk.ui.exchange.report_pdf import write_pdf

    document = sample_document()
    document.sections = [_filler(2), _short_with_table(14)]  # well under half a page, too long for the web page
    assert not short_section(document.sections[1])
    assert _html_follows(document) == [False, False]
    assert write_pdf(document, tmp_path / "board.pdf") == 3  # the contents, then a page each
    texts = page_texts(tmp_path / "board.pdf")
    assert "2. Top-slice" not in texts[1] and "2. Top-slice" in texts[2] and "Line 13" in texts[2]


@pytest.mark.timeout(300)
def test_a_short_section_follows_in_both(qapp, tmp_path):
    from safer_desk.ui.exchange.report_pdf import write_pdf

    document = sample_document()
    document.sections = [_filler(2), _short_with_table(6)]
    assert short_section(document.sections[1])
    assert _html_follows(document) == [False, True]
    assert write_pdf(document, tmp_path / "board.pdf") == 2
    page = page_texts(tmp_path / "board.pdf")[1]
    assert "1. Commissioning options" in page and "2. Top-slice" in page and "Line 5" in page


def test_a_wide_table_never_follows():
    wide = ReportSection("Wide", tables=[ReportTable("t", [str(n) for n in range(12)], [["1"] * 12])])
    assert not short_section(wide)
