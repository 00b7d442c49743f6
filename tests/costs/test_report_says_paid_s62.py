"""The board report's DHR tables head their columns as Costs > Ledger does.

Session 62: the report's per-case column of what the partners had paid was headed "Recovered", where the window's
Cases list and Ledger (and `dhr-ledger --by-case`'s "paid") say "Paid": a board member reading the paper beside the
window looked for a Recovered column that is not there.
"""

from datetime import date

from safer_desk.presenters.dhr import CASE_HEADER, LEDGER_HEADER
from safer_desk.services.report_sections.costs import board_report_sections


def test_the_report_heads_each_case_figure_as_the_window_does(demo_store):
    recovery = board_report_sections(demo_store, today=date(2018, 9, 1))[0]
    per_case, per_partner = recovery.tables
    money = per_case.header[per_case.header.index("Cost"):]
    assert money == ["Cost", "Net billed", "Paid", "Outstanding", "Shortfall", "Not yet billed"]
    assert all(heading in CASE_HEADER for heading in money), money
    assert "Recovered" not in " ".join(recovery.paragraphs + [per_case.note])
    # Per partner: the window's headings ("Refused or written off" is its Refused and Written off together).
    assert all(h in LEDGER_HEADER for h in per_partner.header if h != "Refused or written off"), per_partner.header
