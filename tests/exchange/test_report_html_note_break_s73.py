"""Session 73: the web page of the board report, printed from a browser, could put a table's note ("Amounts in £.
Source: … * Domestic Homicide Reviews (DHRs), 2017/18: Cost to be reimbursed …") at the top of the next page, away from
the table it explains, as the PDF did too: the print rules now ask the browser to keep a note with what it follows."""

from __future__ import annotations

from tests.exchange.test_report_html_print_breaks_s70 import _declared


def test_a_note_stays_with_the_table_or_chart_before_it():
    assert _declared(".note", "break-before") == "avoid"
    assert _declared(".note", "page-break-before") == "avoid"  # the older name, for older browsers
