"""Partnerships copied from a board paper with the blank row and the Total row under them (as a sheet lays a table
out) were refused twice over: first "Pasted row 4 is blank … delete the blank row in the sheet", and once the officer
had deleted it in the sheet and pasted again, "“Total” looks like the table's total line". The first refusal now names
the total line as well, so one change to the copy puts both right."""
from __future__ import annotations

import pytest

from safer_desk.domain.allocation import AllocationError
from safer_desk.exchange.files import parse_tsv
from safer_desk.services import allocation_workbench as bench
from safer_desk.services.demo_data.allocation import suffolk_options

SHEET = ("CSP\tDistricts\tBCS comparator offences 2007-08\tAllocation 2008/09\r\n"
         "Babergh\t1\t2,442\t£70,725\r\n"
         "Ipswich\t1\t7,937\t£160,607\r\n"
         "\t\t\t\r\n"
         "Total\t2\t10,379\t£231,332\r\n")


def test_a_blank_row_then_the_total_line_are_both_named_at_once():
    state = bench.WorkState((), suffolk_options())
    with pytest.raises(AllocationError) as caught:
        bench.with_pasted(state, 0, 0, parse_tsv(SHEET, keep_blank_rows=True))
    said = str(caught.value)
    assert said.startswith("Pasted row 4 is blank")
    assert "Row 5 of what was copied, “Total”, is the table's total line: leave it out too" in said
    # Copied as it says (the partnerships' rows alone), the paste is taken.
    taken = bench.with_pasted(state, 0, 0, parse_tsv("".join(SHEET.splitlines(True)[:3]), keep_blank_rows=True))
    assert [p.name for p in taken.partnerships] == ["Babergh", "Ipswich"]


def test_a_blank_row_with_no_total_line_after_it_is_said_as_before():
    state = bench.WorkState((), suffolk_options())
    with pytest.raises(AllocationError) as caught:
        bench.with_pasted(state, 0, 0, [["Babergh", "1", "2"], ["", "", ""], ["Ipswich", "1", "3"]])
    assert "total line" not in str(caught.value)
