"""The county overview's table per district in a portrait PDF: with ten districts' columns (Devon's) a cell "○ 1,130 †"
wrapped, its † alone on the line below the figure, and "○" could part from its figure the same way. Each cell's
symbol, figure and mark are held together by no-break spaces; a RAG's word ("○ No target") still wraps as words do."""

from __future__ import annotations

from datetime import date

from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import district_exports, merge, template

NBSP = "\u00a0"


def test_a_figure_short_of_months_keeps_its_symbol_and_mark_on_its_line(tmp_path):
    base = template(tmp_path, months=["2025-04", "2025-06"])  # May missing: each figure to date is short
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, district_exports(tmp_path, ["Babergh", "Mid Suffolk"], template_path=base, own_rows=False))
        doc = build_report(county, year="2025/26", today=date(2025, 12, 1))
        overview = next(s for s in doc.sections if s.title == "County overview")
        cells = [c for t in overview.tables if "figure and RAG" in t.title for r in t.rows for c in r[1:] if c]
        assert cells and any(c.endswith("\u2020") for c in cells)
        for cell in cells:
            rest = cell[2:]  # after the RAG symbol and the space that follows it
            if rest[:1].isdigit():
                assert cell[1] == NBSP and " " not in rest, repr(cell)
        # the note under the table names the mark as before
        assert any("\u2020 Months missing before the latest" in t.note for t in overview.tables)
    finally:
        county.close()


DEVON = ["East Devon", "Exeter", "Mid Devon", "North Devon", "Plymouth", "South Hams", "Teignbridge", "Torbay",
         "Torridge", "West Devon"]


def test_the_pdf_lays_each_cell_of_ten_districts_on_one_line(qapp):
    """Devon's overview laid out for the A4 PDF: every "○ 1,130 †" on one line (the width was measured word by word,
    the no-break space taken for a break)."""
    from tests.exchange.test_report_long_words_round36pdw import _laid_out
    from safer_desk.services.report_model import ReportSection, ReportTable
    from tests.exchange.report_samples import sample_document

    figures = ["1,130", "2,127", "714", "1,025", "5,239", "655", "1,214", "2,499", "545", "426"]
    rows = [[name, *(f"\u25cb{NBSP}{f}{NBSP}\u2020" for f in figures)]
            for name in ("All crime", "Anti-social behaviour", "Violence and sexual offences")]
    table = ReportTable("Indicators 2019/20 to date: figure and RAG per district", ["Indicator", *DEVON], rows,
                        ["l", *["r"] * len(DEVON)])
    layout = _laid_out(ReportSection("County overview", tables=[table]), sample_document())
    split = []
    block = layout.document.begin()
    while block.isValid():
        if NBSP in block.text() and block.layout().lineCount() > 1:
            split.append(block.text())
        block = block.next()
    assert split == []
