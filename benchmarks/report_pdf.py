"""Benchmark: laying out the board report's longest section for the PDF, page breaks ahead against round by round.

A county file's Commissioning options table (every district's projects: 5,951 rows over 263 pages on the 25
districts of benchmarks/exchange_merge.py) keeps each row whole across a page break. The old way laid the whole
section out again for each row a break would split, one a round (~20 s a round there: ~90 minutes); the new way
works the breaks out ahead from the rows' heights and proves them with two more layouts
(ui.exchange.report_pdf.layout_section, ahead=True).

For each size: a section in the shape of the real one (its paragraph, the register's eleven columns with titles
and funders' shares of every length, the checks as the table's note) laid out for the PDF writer on the report's
A4 page, both ways in the same run. The old way is run whole up to --old-limit rows; above it one round of it is
timed and multiplied by its rounds (one per page break, which the new way finds the same: that is checked on
every size run whole). Prints the times, pages and layouts made; asserts nothing.

    python benchmarks/report_pdf.py [--rows 50 500 2000 5951] [--old-limit 600]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QBuffer, QIODevice, QRectF  # noqa: E402

from safer_desk.services.report import ReportDocument  # noqa: E402
from safer_desk.services.report_model import ReportSection, ReportTable  # noqa: E402
from safer_desk.ui.exchange import report_pdf  # noqa: E402

HEADER = ["", "Project / Initiative", "LAA outcome?", "CSP priority?", "Cross-cutting?", "Additional?",
          "Innovative?", "Suitable Funding", "Cost(£)", "Status", "Funders' shares"]
WORDS = ["Youth", "outreach", "and", "diversion", "programme", "for", "the", "night-time", "economy", "in",
         "Ipswich", "town", "centre", "with", "street", "pastors"]


def row(n: int) -> list[str]:
    """A register row: a title of one to twelve words, and now and then several funders' shares."""
    title = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(1 + (n * 7) % 12))
    shares = "; ".join(f"Funder {p} of district {n % 25}: £{p * n % 9000:,}" for p in range((n * 5) % 4))
    return [f"P{n:04d}", title, "√", "X" if n % 2 else "√", "?", "√", "X", ["PCC grant", "CSP fund"][n % 2],
            f"£{n * 37 % 90000:,}.58", ["Proposed", "Shortlisted", "Commissioned"][n % 3], shares]


def document(rows: int) -> ReportDocument:
    section = ReportSection(
        "Commissioning options",
        paragraphs=[("Projects proposed, shortlisted or commissioned, with their alignment to the board's criteria "
                     "(√ yes, X no, ? unknown).")],
        tables=[ReportTable("Projects and the board's criteria", HEADER, [row(n) for n in range(1, rows + 1)],
                            align=["l", "l", "c", "c", "c", "c", "c", "l", "r", "l", "l"],
                            note=" ".join(f"P{n:04d}. has no cost lines." for n in range(1, rows, 97)))])
    return ReportDocument("Community Safety Partnership board report", "County", "2025/26", "All areas",
                          "01/12/2026", [section])


class Counted:
    """Counts the section layouts made, and keeps the breaks of the last (the pages as drawn)."""

    def __init__(self) -> None:
        self.original = report_pdf._section_document
        self.made = 0
        self.breaks: dict[int, list[int]] = {}

    def __call__(self, section, number, width, height, device, breaks):
        self.made += 1
        self.breaks = {k: sorted(v) for k, v in breaks.items() if v}
        return self.original(section, number, width, height, device, breaks)


def measure(rows: int, ahead: bool, one_round: bool = False) -> tuple[float, int, int, dict]:
    """(seconds, pages, layouts, breaks) of laying the section of rows rows out; one_round: only the first round."""
    doc = document(rows)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = report_pdf._writer(buffer, doc)
    page = QRectF(writer.pageLayout().paintRectPixels(report_pdf.DPI))
    height = page.height() - report_pdf.HEADER_H - report_pdf.FOOTER_H
    counted = Counted()
    report_pdf._section_document = counted
    try:
        started = time.perf_counter()
        if one_round:  # what each of the old way's rounds does: a layout, and the first split row looked for
            made, _ = counted(doc.sections[0], 1, page.width(), height, writer, {})
            report_pdf._split_table_row(made, height, doc.sections[0].tables, {})
            return time.perf_counter() - started, 0, 1, {}
        layout = report_pdf.layout_section(doc.sections[0], 1, page.width(), height, writer, ahead=ahead)
        return time.perf_counter() - started, layout.pages, counted.made, counted.breaks
    finally:
        report_pdf._section_document = counted.original


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[50, 500, 2000, 5951])
    parser.add_argument("--old-limit", type=int, default=600, help="run the old way whole up to this many rows")
    args = parser.parse_args()
    report_pdf.ensure_gui_app()
    print(f"{'rows':>6} {'pages':>6} {'new s':>8} {'layouts':>8} {'old s':>10} {'layouts':>8} {'same':>5} {'x':>6}")
    for rows in args.rows:
        new_s, pages, new_made, new_breaks = measure(rows, True)
        if rows <= args.old_limit:
            old_s, old_pages, old_made, old_breaks = measure(rows, False)
            same = "yes" if (old_pages, old_breaks) == (pages, new_breaks) else "NO"
            old = f"{old_s:10.1f}"
        else:
            one, _, _, _ = measure(rows, False, one_round=True)
            old_made = sum(len(v) for v in new_breaks.values()) + 1  # a round a break, and the last finds none
            old_s, same, old = one * old_made, "-", f"~{one * old_made:9.0f}"
        print(f"{rows:>6} {pages:>6} {new_s:8.1f} {new_made:>8} {old} {old_made:>8} {same:>5} {old_s / new_s:6.1f}",
              flush=True)


if __name__ == "__main__":
    main()
