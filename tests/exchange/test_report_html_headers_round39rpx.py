"""Round 39 (rpx): no empty column header in the example's HTML board report, as the sample report promised.

test_report.py checks that no header cell of the HTML report is empty (a screen reader announces a nameless column),
but on a sample document only. The example's own report had three: the reference column of "Projects and the board's
criteria" (the seed paper heads it with nothing) and the label column of the top-slice table, each
``<th scope="col"></th>``. A header with nothing to say is now an empty corner cell (``<td></td>``), as the charts'
data tables have; every other header is as it was.
"""

from __future__ import annotations

from datetime import date

from safer_desk.exchange.report_html import render_html
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.test_report import _Outline


def test_the_example_reports_html_has_no_empty_header(demo_master):
    store = open_store(demo_master, read_only=True)
    try:
        doc = build_report(store, today=date(2026, 12, 1))
    finally:
        store.close()
    html = render_html(doc)
    outline = _Outline()
    outline.feed(html)
    assert outline.empty_headers == 0
    assert '<th scope="col">Project / Initiative</th>' in html  # the named headers are as they were
