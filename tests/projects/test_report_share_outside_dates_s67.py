"""The board report's Funders' shares counted the OPCC's £110,000 for 2018/19 of a contract that ended on 31/03/2018
without a word ("£290,568 left"), while the scenario against the same year, a few lines below, said the share is
for a year after the project ends; the award's table now says it too (noticed by session 67's Commissioning
hunt)."""

from __future__ import annotations

import dataclasses

from safer_desk.domain.periods import FinancialYear
from safer_desk.services.projects import FundingSource, load_projects, save_project
from safer_desk.services.report import build_report

ENDED = ("Plymouth Domestic Abuse contract: OPCC's share for 2018/19 is for a year after the project ends "
         "(31/03/2018): check the share or the dates in the register.")


def test_the_award_table_says_a_share_is_for_a_year_after_the_project_ends(demo_store):
    contract = next(p for p in load_projects(demo_store) if p.ref == "P1")  # seed 003: 01/04/2017 to 31/03/2018
    assert contract.end_date == "2018-03-31"
    save_project(demo_store, dataclasses.replace(contract, funding_sources=(
        *contract.funding_sources, FundingSource("OPCC", 11_000_000, "", "2018/19"))))
    sections = build_report(demo_store, year=FinancialYear.parse("2018/19"), area="Plymouth").sections
    (table,) = [t for s in sections for t in s.tables if t.title.startswith("PCC grant to Safer Plymouth 2017-19: "
                                                                             "2018/19")]
    assert table.total_row[0:4] == ["", "Committed (left: £290,568)", "£110,000", ""]  # counted as stated
    assert ENDED in table.note
    # the year the contract runs in says nothing of the kind
    sections = build_report(demo_store, year=FinancialYear.parse("2017/18"), area="Plymouth").sections
    (table,) = [t for s in sections for t in s.tables if t.title.startswith("PCC grant to Safer Plymouth 2017-19: "
                                                                             "2017/18")]
    assert "after the project ends" not in table.note
