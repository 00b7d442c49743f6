"""The board report of a county file: its "Cost recovery per case" table said nothing of the office each review came
from, though Costs > Reviews and the Ledger say it (*Merged from*) and two offices' reviews sit side by side in it.
It now has the column, after the case, in a county file only; an office's own report is as it was."""

from __future__ import annotations

from safer_desk.services.report_sections.costs import board_report_sections
from tests.costs.test_dhr_ledger_merged_from_round37 import ORIGINS, TODAY, files  # noqa: F401 (the fixture)


def _per_case(store):
    section = next(s for s in board_report_sections(store, today=TODAY) if s.title.endswith("cost recovery"))
    return next(t for t in section.tables if t.title == "Cost recovery per case")


def test_the_county_s_report_says_where_each_review_came_from(files):  # noqa: F811
    table = _per_case(files.county)
    assert table.header[:2] == ["Case", "Merged from"]
    said = {row[0]: row[1] for row in table.rows}
    assert said == {ref: office for ref, office in ORIGINS.items() if ref in said}  # the reviews in its areas
    assert {"Babergh office", "Mid Suffolk office"} <= set(said.values())
    assert table.total_row[:2] == ["Total", ""]
    assert len(table.align) == len(table.header) == len(table.total_row)


def test_an_office_s_own_report_has_no_such_column(files):  # noqa: F811
    table = _per_case(files.babergh)
    assert "Merged from" not in table.header
    assert table.header[:2] == ["Case", "Kind"]
