"""The board report's Funders' shares counted a share more than its project's cost without a word.

The Plymouth contract's cost corrected from £501,753 to £100,000 after its OPCC (2017/18) share of £110,000 was typed:
the editor says "⚠ The shares for 2017/18 add up to £110,000, more than the cost £100,000", and a scenario against
the PCC's 2017/18 award says the share is more than the project's whole cost, but the award's table in the board
report counted the £110,000 as committed ("left: £167,068") beside a total budget of £100,000, and said nothing.
"""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.services.projects import load_projects, project_from_fields, save_project
from safer_desk.services.report import build_report

OVER = ("Plymouth Domestic Abuse contract: OPCC's share for 2017/18 (£110,000) is more than the project's whole cost "
        "of £100,000: check the share in the register.")


def award_table(store, year: str):
    sections = build_report(store, year=FinancialYear.parse(year), area="Plymouth").sections
    (table,) = [t for s in sections for t in s.tables
                if t.title.startswith(f"PCC grant to Safer Plymouth 2017-19: {year}")]
    return table


def test_the_award_table_says_a_share_is_more_than_its_project_costs(demo_store):
    contract = next(p for p in load_projects(demo_store) if p.ref == "P1")
    assert OVER.split(":")[0] not in award_table(demo_store, "2017/18").note  # at £501,753 nothing is said
    save_project(demo_store, project_from_fields({"cost": "£100,000"}, base=contract), loaded=contract)
    table = award_table(demo_store, "2017/18")
    assert table.total_row[0:4] == ["", "Committed (left: £167,068)", "£233,500", ""]  # counted as stated
    assert OVER in table.note
