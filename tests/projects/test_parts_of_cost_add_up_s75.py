"""Shares typed as parts of the cost are refused saying amounts that add up to what the parts make together.

"OPCC: 1/3", "SCC: 1/3", "Council: 1/3" of a £100 cost were each told to type £33.33: typed as told, the three
shares came to £99.99, a penny short of the cost, and nothing said where the odd penny was to go. The odd pennies now
go by largest remainder (ties to the first line), and the line that takes one says so.
"""

from __future__ import annotations

import re

from safer_desk.services.projects import parse_funding_sources


def said(text: str, cost_pence: int | None = None) -> list[str]:
    problems: list[tuple[str, str]] = []
    parse_funding_sources(text, problems, cost_pence=cost_pence)
    return [p for _k, p in problems]


def suggested_pence(messages: list[str]) -> list[int]:
    amounts = [re.search(r": £([\d,]+(?:\.\d\d)?)”", m)[1].replace(",", "") for m in messages]
    return [int(a.replace(".", "")) if "." in a else int(a) * 100 for a in amounts]


def test_three_thirds_of_the_cost_add_up_to_the_cost_and_the_odd_penny_is_named():
    messages = said("OPCC: 1/3\nSCC: 1/3\nCouncil: 1/3", 100_00)
    assert suggested_pence(messages) == [33_34, 33_33, 33_33]  # were £33.33 each: £99.99
    assert messages[0] == ("line 1: give the share in pounds (“OPCC: £33.34”, 1/3 of the cost £100, "
                           "taking the odd penny so that the shares given as parts add up to £100), "
                           "not as a part of the cost.")
    assert messages[1] == ("line 2: give the share in pounds (“SCC: £33.33”, 1/3 of the cost £100), "
                           "not as a part of the cost.")


def test_percentages_making_the_whole_cost_add_up_to_it_to_the_penny():
    messages = said("OPCC: 50%\nSCC: 50%", 100_01)  # £50.005 each: half up, both were £50.01 (£100.02)
    assert suggested_pence(messages) == [50_01, 50_00]
    assert messages[0].endswith("50% of the cost £100.01, taking the odd penny so that the shares given as parts "
                                "add up to £100.01), not as a part of the cost.")
    assert "odd penny" not in messages[1]
    assert sum(suggested_pence(said("OPCC: 12.5%\nSCC: 12.5%\nCouncil: 75%", 10_01))) == 10_01


def test_parts_beside_a_share_in_pounds_add_up_to_what_the_parts_make():
    messages = said("OPCC: 1/3\nSCC: £2,000\nCouncil: 1/3", 10_000_01)
    assert sum(suggested_pence(messages)) == 6_666_67  # two thirds of £10,000.01, half up
    assert suggested_pence(messages) == [3_333_34, 3_333_33]


def test_a_lone_part_or_parts_that_share_no_penny_say_nothing_more():
    assert said("OPCC: 50%\nSCC: 50%", 100_00) == [
        "line 1: give the share in pounds (“OPCC: £50”, 50% of the cost £100), not as a part of the cost.",
        "line 2: give the share in pounds (“SCC: £50”, 50% of the cost £100), not as a part of the cost."]
    assert said("OPCC: 1/3", 100_00) == [
        "line 1: give the share in pounds (“OPCC: £33.33”, 1/3 of the cost £100), not as a part of the cost."]
