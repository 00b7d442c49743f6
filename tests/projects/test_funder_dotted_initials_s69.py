"""A funder written with dotted initials ("O.P.C.C.", as older papers print it) is the award's "OPCC".

A share typed "O.P.C.C. (2017/18): £110,000" on the Plymouth contract counted nothing of its £110,000 against the PCC's
2017/18 award (funder "OPCC"): the board report's table left the contract out and said £277,068 left, not £167,068,
and the editor added it to an "OPCC" share of the same year as another funder's money.
"""

from __future__ import annotations

import dataclasses

import pytest

from safer_desk.domain.commissioning import same_funder
from safer_desk.domain.periods import FinancialYear
from safer_desk.services.projects import FundingSource, load_projects, parse_funding_sources, save_project
from safer_desk.services.report import build_report


@pytest.mark.parametrize("written", ["O.P.C.C.", "O.P.C.C", "the O. P. C. C.", "o.p.c.c."])
def test_dotted_initials_are_the_same_funder(written):
    assert same_funder(written, "OPCC")


def test_words_with_dots_are_not_run_together():
    assert not same_funder("St. Edmundsbury BC", "StEdmundsbury BC")
    assert not same_funder("O.P.C.C. Devon", "OPCC")


def test_the_award_counts_a_share_from_its_funder_written_with_dots(demo_store):
    contract = next(p for p in load_projects(demo_store) if p.ref == "P1")
    save_project(demo_store, dataclasses.replace(contract, funding_sources=(
        FundingSource("O.P.C.C.", 11_000_000, "", "2017/18"),)))
    sections = build_report(demo_store, year=FinancialYear.parse("2017/18"), area="Plymouth").sections
    (table,) = [t for s in sections for t in s.tables if t.title.startswith("PCC grant to Safer Plymouth 2017-19: "
                                                                             "2017/18")]
    assert table.total_row[0:4] == ["", "Committed (left: £167,068)", "£233,500", ""]


def test_the_editor_sees_the_same_share_given_twice():
    problems: list[tuple[str, str]] = []
    parse_funding_sources("OPCC (2017/18): £10,000\nO.P.C.C. (2017/18): £5,000", problems)
    assert [m for _k, m in problems][0].startswith("line 2: O.P.C.C. (2017/18) is given twice")
