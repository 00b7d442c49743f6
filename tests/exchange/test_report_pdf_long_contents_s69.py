"""Session 69: the PDF's contents printed a section's title on one line whatever its length: "6. Indicators: Babergh,
Forest Heath, Ipswich, Mid Suffolk, St Edmundsbury, Suffolk Coastal and Waveney" (the example's 2009/10 districts
without figures, said once) ran under its page number and off the page, which read "Coastal 10 and W". A long title
now wraps in the room left of the page numbers."""

from __future__ import annotations

import re
import subprocess

from safer_desk.services.report import ReportDocument
from safer_desk.services.report_model import ReportSection
from tests.exchange.test_report import pdf_text

LONG = "Indicators: Babergh, Forest Heath, Ipswich, Mid Suffolk, St Edmundsbury, Suffolk Coastal and Waveney"


def test_a_long_contents_entry_wraps_clear_of_its_page_number(qapp, tmp_path):
    from safer_desk.ui.exchange.report_pdf import write_pdf

    sections = [ReportSection("Indicators: Suffolk", paragraphs=["Figures."]),
                ReportSection(LONG, paragraphs=["No indicator figures or targets are held for them for 2009/10."]),
                ReportSection("Budgets and plans", paragraphs=["A plan."])]
    document = ReportDocument("Community Safety Partnership board report", "Example office", "2009/10", "All areas",
                              "07/12/2026", sections)
    out = tmp_path / "board.pdf"
    write_pdf(document, out)
    pdf_text(out)  # skips without pdftotext
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(out), "-"], capture_output=True,
                           text=True, check=True).stdout
    contents = first[first.index("Contents"):]
    words = " ".join(re.sub(r"\s\d+\s*$", "", line).strip() for line in contents.splitlines()[1:] if line.strip())
    assert f"2. {LONG} 3." in re.sub(r"\s+", " ", words), contents
    numbers = [int(m) for m in re.findall(r"\s(\d+)\s*$", contents, flags=re.M)]
    assert numbers == [2, 2, 2], contents  # three short sections on one page (s74)
