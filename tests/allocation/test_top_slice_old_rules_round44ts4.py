"""Round 44 (ts4): a top-slice saved under rules it no longer meets is said in the board report, not a failure.

A top-slice saved by an older version (its slices over the whole grant, or no partners) cannot be worked out now:
the county workbook's Top-slices sheet says "Cannot be worked out: …" for it, but the board report raised the
AllocationError and no report was made at all. Its section now says so, and the rest of the report stands.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from safer_desk.services import allocation
from safer_desk.services.report import build_report


def test_a_top_slice_saved_under_old_rules_is_said_in_its_section(demo_store):
    slice_id = allocation.save_top_slice(
        demo_store, "Old grant", "2012/13", 100000, slices=(("LSP share", Fraction(1, 2)),),
        remainder_label="SSP share", retained=Fraction(1, 10), partners=7, scenario=Fraction(1, 5))
    with demo_store.transaction():  # as an older version might have saved it: slices over the whole grant
        demo_store.conn.execute("UPDATE allocation_top_slices SET slices = ? WHERE id = ?",
                                ('[["LSP share", "3/2"]]', slice_id))
    report = build_report(demo_store, year="2012/13", today=date(2026, 12, 1))
    section = next(s for s in report.sections if s.title == "Top-slice: Old grant")
    words = " ".join(section.paragraphs)
    assert words.startswith("“Old grant” (2012/13) cannot be worked out: "), words
    assert "Allocation tab" in words, words
    assert not section.tables
