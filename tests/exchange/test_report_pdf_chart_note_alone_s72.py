"""S72: the board report for Mid Suffolk, 2018/19, ended on page 3 with the Suffolk Target Hardening Pilot's
burn-down chart and put the chart's note, "Period ends Sep-19.", alone on page 4: a page of one line, apart from the
chart it explains. A chart's note is now kept on the chart's page."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.services.report import build_report
from tests.exchange.test_report_pdf_round22 import page_texts


@pytest.mark.timeout(300)
def test_a_charts_note_stays_on_the_charts_page(qapp, demo_store, tmp_path):
    from safer_desk.ui.exchange.report_pdf import write_pdf

    document = build_report(demo_store, year="2018/19", area="Mid Suffolk", today=date(2026, 12, 7))
    out = tmp_path / "report.pdf"
    write_pdf(document, out)
    pages = page_texts(out)
    with_note = [text for text in pages if "Period ends Sep-19." in text]
    assert len(with_note) == 1
    assert "spend to date and forecast" in with_note[0]
