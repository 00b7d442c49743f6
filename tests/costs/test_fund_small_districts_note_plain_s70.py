"""Session 70: under the pooled fund's Spend per district the board read "Small numbers are suppressed: a district of
fewer than 3 victims is not named, its victims and spend are under “Not given by district (small numbers)” (with the
districts of fewest victims when it would count fewer than 3), so that no one can be told apart." — a bracketed rule
whose "it" is the row, "fewer than 3" where the month's note under the table above says "one or two" (a district of
none is not hidden: it is not there). The note now says it in the month's terms, in the order a reader needs it."""

from __future__ import annotations

from datetime import date

from safer_desk.services.funds import OTHER_DISTRICTS, SMALL_DISTRICTS_WORDS
from safer_desk.services.report import build_report

PLAIN = ("Small numbers are suppressed, so that no one can be told apart: no district of one or two victims is "
         f"named. Their victims and spend are counted together under “{OTHER_DISTRICTS}”, and if that row would "
         "still count only one or two, the districts with the fewest victims are added to it.")


def test_the_note_under_spend_per_district_reads_plainly(demo_store):
    doc = build_report(demo_store, year="2018/19", today=date(2026, 12, 7))
    table = next(t for s in doc.sections for t in s.tables if t.title == "Spend per district")
    assert [OTHER_DISTRICTS, "8", "£1,322"] in table.rows
    assert table.note == PLAIN
    assert SMALL_DISTRICTS_WORDS == PLAIN  # the fund's workbook and the county overview say the same
