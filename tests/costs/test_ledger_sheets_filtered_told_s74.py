"""S74 (kit): the DHR ledger export decided whether a search had hidden rows by reading its totals label (anything but
"Total" counted as filtered). A label worded otherwise with nothing filtered (a "Totals" line) lost the printed
ledger's zero line when nothing was billed (blank figures, as if a search had hidden every partner), and an empty
Per case sheet grew a blank "None shown" line for cases nobody filtered. ``ledger_sheets`` is now told."""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.dhr import ledger_sheets

DAY = date(2026, 12, 7)


def test_nothing_billed_nothing_filtered_keeps_the_zero_line_whatever_the_label():
    per_partner, per_case = ledger_sheets([], [], DAY, partners_total="Totals", cases_total="Totals")
    assert per_partner.rows == [["Totals", 0, 0, 0, 0, 0, 0, 0]]  # was ["Totals", None × 7]: read as filtered
    assert per_case.rows == []  # was a blank "Totals" line, as if a search had hidden every case
    assert ledger_sheets([], [], DAY)[0].rows == [["Total", 0, 0, 0, 0, 0, 0, 0]]


def test_a_filter_hiding_every_row_leaves_the_label_with_no_figures():
    said_partners, said_cases = "None shown (of 11 partners)", "None shown (of 4 cases)"
    per_partner, per_case = ledger_sheets([], [], DAY, partners_total=said_partners, cases_total=said_cases,
                                          partners_filtered=True, cases_filtered=True)
    assert per_partner.rows == [[said_partners, *[None] * 7]]
    assert per_case.rows == [[said_cases, *[None] * (len(per_case.header) - 1)]]
