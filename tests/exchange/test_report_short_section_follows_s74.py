"""S74 (report2): a short report section follows the one before it on the same page, when it fits.

Each section of the board report began a new page, so a section of one sentence took a page alone: the 2009/10
report's last section ("No indicator figures or targets are held for Babergh, …") was page 10 of 10, under the
page header and nothing else. A short section now follows the previous one when it fits whole in the room left on
that page (PDF), or prints on from it and goes over whole when it does not (printed web page); a section that does
not fit begins the next page with its heading and table together, as before."""

from __future__ import annotations

import re

import pytest

from safer_desk.exchange.report_html import render_html
from safer_desk.services.report import build_report
from safer_desk.services.report_model import ReportSection, ReportTable
from tests.exchange.report_samples import sample_document
from tests.exchange.test_report_pdf_round22 import page_texts

LAST = "Indicators: Babergh, Forest Heath"


@pytest.mark.timeout(300)
def test_the_one_sentence_section_of_2009_10_follows_the_one_before_in_the_pdf(demo_store, qapp, tmp_path):
    from safer_desk.ui.exchange.report_pdf import write_pdf

    document = build_report(demo_store, year="2009/10")
    assert document.sections[-1].title.startswith(LAST) and not document.sections[-1].tables
    out = tmp_path / "board.pdf"
    pages = write_pdf(document, out)
    texts = page_texts(out)
    [page] = [n for n, text in enumerate(texts[1:], start=2) if f"6. {LAST}" in text]  # not the contents
    assert page == pages and "No indicator figures or targets are held" in texts[page - 1]
    assert "Prolific and priority offenders" in texts[page - 1]  # the chart ending section 5, on the same page
    contents = re.sub(r"\s+", " ", texts[0])
    assert re.search(rf"6\. {LAST}.* {page}\b", contents), contents  # the contents give the page it is on


def _filler(lines: int) -> ReportSection:
    return ReportSection("Commissioning options", paragraphs=["The board's words on its options, at length. " * 12]
                         * lines)


def _short_with_table(rows: int = 6) -> ReportSection:
    return ReportSection("Top-slice", paragraphs=["Each of the 9 partners plans on £145,034.60."],
                         tables=[ReportTable("Performance Reward Grant", ["", "£"],
                                             [[f"Line {n}", f"£{n},000.00"] for n in range(rows)],
                                             align=["l", "r"])])


@pytest.mark.timeout(300)
def test_a_short_section_that_does_not_fit_begins_the_next_page_with_its_table(qapp, tmp_path):
    from safer_desk.ui.exchange.report_pdf import write_pdf

    fits, full = sample_document(), sample_document()
    fits.sections = [_filler(3), _short_with_table()]
    full.sections = [_filler(12), _short_with_table()]  # a page nearly full: no room for the heading and table
    assert write_pdf(fits, tmp_path / "fits.pdf") == 2
    [page] = [t for t in page_texts(tmp_path / "fits.pdf")[1:] if "2. Top-slice" in t]
    assert "1. Commissioning options" in page and "Line 5" in page
    assert write_pdf(full, tmp_path / "full.pdf") == 3
    texts = page_texts(tmp_path / "full.pdf")
    assert "2. Top-slice" not in texts[1] and "Line 0" not in texts[1]
    assert "2. Top-slice" in texts[2] and "Performance Reward Grant" in texts[2] and "Line 5" in texts[2]


def test_the_printed_web_page_lets_a_short_section_follow_and_keeps_it_whole(demo_store):
    document = build_report(demo_store, year="2009/10")
    page = render_html(document)
    opened = dict(re.findall(r'<section id="section-(\d+)"(?: class="([\w ]*)")?>', page))
    assert "follows" in opened[str(len(document.sections))].split()  # the one sentence of Indicators
    charted = [n for n, s in enumerate(document.sections, start=1) if s.charts]
    assert charted and all("follows" not in opened[str(n)].split() for n in charted)
    assert "follows" not in opened["1"].split()  # the first section begins the page after the contents
    css = page.partition("<style>")[2].partition("</style>")[0]
    rule = re.search(r"section\.follows \{([^}]*)\}", css).group(1)
    assert "break-before: auto" in rule and "break-inside: avoid" in rule
