"""The workbook leaves out a partnership of one district as the board report does (session 53).

Seen: Plymouth office's workbook gave every Plymouth indicator a second time as "Safer Plymouth (derived)", without
its targets ("L2 sat: At least 90% | ◆ Amber" beside "No target | ○ No target" for the same 88.2), where the board
report gives one section, Plymouth's.
"""

from __future__ import annotations

import pytest

from safer_desk.services.county_workbook import indicator_summary_sheet, indicators_sheet
from safer_desk.services.reference import set_office_scope


def rows_of(sheet) -> list[list]:
    return [row for block in sheet.blocks for row in block.rows]


@pytest.mark.parametrize("districts", [["Plymouth"], []], ids=["Plymouth office", "an office naming no areas"])
def test_no_row_repeats_plymouth_s_as_safer_plymouth(demo_store, districts):
    set_office_scope(demo_store, partnerships=[], districts=districts, county="")
    summary, monthly = rows_of(indicator_summary_sheet(demo_store)), rows_of(indicators_sheet(demo_store))
    assert [r for r in summary + monthly if str(r[0]).startswith("Safer Plymouth")] == []
    l2 = [r for r in summary if r[0] == "Plymouth" and "L2" in r[2]]
    assert l2 and all(r[8] != "No target" for r in l2), l2  # Plymouth's own rows, their targets given
