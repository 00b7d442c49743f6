"""A funder's share against a project costed at £0 was not queried (session 55, a tester): the editor's readback
checked the shares only against a cost above nothing, so "OPCC (2017/18): £5,000" beside a cost of £0 said nothing,
where £0.01 was queried."""

from __future__ import annotations

from safer_desk.presenters.funders import shares_summary


def test_a_share_beside_a_cost_of_nothing_is_queried():
    said = shares_summary("OPCC (2017/18): £5,000", "£0")
    assert "⚠ The shares for 2017/18 add up to £5,000, more than the cost £0." in said, said


def test_a_share_of_nothing_beside_a_cost_of_nothing_is_not():
    assert "⚠" not in shares_summary("OPCC (2017/18): £0", "£0")
