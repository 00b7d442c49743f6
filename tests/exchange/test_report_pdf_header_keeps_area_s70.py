"""Session 70: a report titled at length (a Welsh partnership's "Bwrdd Partneriaeth Diogelwch Cymunedol Ynys Môn a
Gwynedd — adroddiad blynyddol i'r bwrdd ar gyllid a pherfformiad", --title) printed each page's running header as
"Bwrdd Partneriaeth … adroddiad blynyddol i'r bwrdd ar gyllid …": the "— Western Suffolk CSP · 2018/19" after the
title was cut off with it, so no page after the first said which area and year it was of. The title gives up room
first; the area and year stay whole."""

from __future__ import annotations

import subprocess

from safer_desk.services.report import ReportDocument
from safer_desk.services.report_model import ReportSection
from tests.exchange.test_report import pdf_text

LONG = ("Bwrdd Partneriaeth Diogelwch Cymunedol Ynys Môn a Gwynedd — adroddiad blynyddol i'r bwrdd ar gyllid a "
        "pherfformiad")


def _header_line(qapp, tmp_path, title: str, area: str) -> str:
    from safer_desk.ui.exchange.report_pdf import write_pdf

    document = ReportDocument(title, "Example office", "2018/19", area, "07/12/2026",
                              [ReportSection("Budgets and plans", paragraphs=["A plan."])])
    out = tmp_path / "board.pdf"
    write_pdf(document, out)
    pdf_text(out)  # skips without pdftotext
    page = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    return next(line for line in page.splitlines() if line.strip())


def test_a_long_title_gives_up_room_before_the_area_and_year(qapp, tmp_path):
    line = _header_line(qapp, tmp_path, LONG, "Western Suffolk CSP")
    assert "— Western Suffolk CSP · 2018/19" in line, line
    assert line.startswith("Bwrdd Partneriaeth") and "…" in line, line
    assert line.rstrip().endswith("07/12/2026"), line


def test_a_short_title_is_printed_whole(qapp, tmp_path):
    line = _header_line(qapp, tmp_path, "Board report", "Ipswich")
    assert line.split() == ["Board", "report", "—", "Ipswich", "·", "2018/19", "07/12/2026"], line
