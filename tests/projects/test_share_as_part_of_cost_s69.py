"""A funder's share typed as a part of the cost ("50%", "1/3", "one third") is refused saying the amount it is.

The refusal used to offer "£5,000" whatever was typed: "OPCC: 50% of £20,000" was told to type "OPCC: £5,000"
(it is £10,000), the Plymouth contract's "Plymouth City Council: 50%" of £501,753 the same £5,000. "1/3 from each"
(a share split between three funders) was "not an amount of money", and "one third" was kept as words, as if the
share were not known yet, so Commissioning counted nothing of it against the funder's award.
"""

from __future__ import annotations

import pytest

from safer_desk.presenters.funders import shares_summary
from safer_desk.services import projects as svc
from safer_desk.services.projects import FieldProblems, parse_funding_sources


def said(text: str, cost_pence: int | None = None) -> list[str]:
    problems: list[tuple[str, str]] = []
    parse_funding_sources(text, problems, cost_pence=cost_pence)
    return [p for _k, p in problems]


def test_a_percentage_of_a_stated_amount_says_that_amount():
    assert said("OPCC: 50% of £20,000") == [
        "line 1: give the share in pounds (“OPCC: £10,000”, 50% of £20,000), not as a part of the cost."]


def test_a_percentage_of_the_cost_says_the_amount_it_comes_to():
    assert said("Plymouth City Council (2017/18): 50%", 501_753_00) == [
        "line 1: give the share in pounds (“Plymouth City Council (2017/18): £250,876.50”, 50% of the cost "
        "£501,753), not as a part of the cost."]


@pytest.mark.parametrize("part", ["1/3", "one third", "a third", "One-third", "1/3 of the cost"])
def test_a_third_from_each_funder_is_refused_saying_each_share(part):
    text = f"OPCC: {part}\nSuffolk County Council: {part}\nIpswich Borough Council: {part}"
    assert said(text, 30_000_00) == [
        f"line {n}: give the share in pounds (“{funder}: £10,000”, {part.removesuffix(' of the cost')} of the cost "
        "£30,000), "
        "not as a part of the cost."
        for n, funder in ((1, "OPCC"), (2, "Suffolk County Council"), (3, "Ipswich Borough Council"))]


def test_without_a_single_cost_no_figure_is_made_up():
    assert said("OPCC: 50%") == [
        "line 1: give the share in pounds (“OPCC: ” and the amount), not as a part of the cost."]
    assert said("OPCC: half", None) == [
        "line 1: give the share in pounds (“OPCC: ” and the amount), not as a part of the cost."]


def test_an_amount_beside_its_percentage_is_the_share_to_type():
    assert said("OPCC: £6,000 (50%)", 12_000_00) == [
        "line 1: give the share in pounds alone (“OPCC: £6,000”), not as a part of the cost."]


def test_the_editor_says_it_against_the_cost_typed():
    assert shares_summary("OPCC: 1/3", "£100,000") == (
        "⚠ line 1: give the share in pounds (“OPCC: £33,333.33”, 1/3 of the cost £100,000), not as a part of the cost.")
    assert shares_summary("OPCC: 25%", "£54,372 - £62,372") == (
        "⚠ line 1: give the share in pounds (“OPCC: ” and the amount), not as a part of the cost.")


def test_save_refuses_it_against_the_cost_saved_with_it(demo_store):
    project = next(p for p in svc.load_projects(demo_store) if p.title == "Plymouth Domestic Abuse contract")
    with pytest.raises(FieldProblems) as caught:
        svc.project_from_fields({"funding_sources": "OPCC (2017/18): one third"}, base=project)
    assert caught.value.by_field["funding_sources"] == (
        "line 1: give the share in pounds (“OPCC (2017/18): £167,251”, one third of the cost £501,753), "
        "not as a part of the cost.")
