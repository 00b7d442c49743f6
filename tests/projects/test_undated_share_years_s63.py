"""Projects, round s63: a share with no year weighed in a year the project does not run.

A share typed with no year ("OPCC: £60,000") is the funder's part of the project, spent in the years it runs (round
s62: a scenario against a later year of an award counts none of it). The editor still added it to every year a share
was typed for: beside "Lottery (2018/19): £50,000" on a project ended 31/03/2018, it said "⚠ The shares for 2018/19
add up to £110,000, more than the cost £75,000", a sum no one pays; the 2018/19 share is already said to be for a year
after the project ends. Shares for a year outside the project's dates are said so, not weighed against its cost.
"""

from __future__ import annotations

from safer_desk.presenters.funders import shares_summary


def test_an_undated_share_is_not_added_to_a_year_after_the_project_ends():
    said = shares_summary("OPCC: £60,000\nLottery (2018/19): £50,000", "£75,000",
                          start="01/04/2016", end="31/03/2018").splitlines()
    assert not any("add up to £110,000" in line for line in said)
    assert not any("2018/19: £" in line and ("Other funders" in line or "Left" in line) for line in said)
    assert "⚠ Lottery (2018/19) is for a year after the project ends (31/03/2018)." in said
    assert "Other funders: £15,000." in said  # the undated share, weighed once against the whole cost


def test_within_the_dates_the_undated_share_still_counts_in_each_year():
    said = shares_summary("OPCC: £60,000\nLottery (2017/18): £50,000", "£75,000",
                          start="01/04/2016", end="31/03/2018").splitlines()
    assert "⚠ The shares for 2017/18 add up to £110,000, more than the cost £75,000." in said


def test_a_year_before_the_start_is_not_weighed_either():
    said = shares_summary("OPCC: £60,000\nLottery (2015/16): £50,000", "£75,000",
                          start="01/04/2016", end="").splitlines()
    assert not any("add up to" in line for line in said)
    assert "⚠ Lottery (2015/16) is for a year before the project starts (01/04/2016)." in said


def test_without_dates_every_year_is_weighed_as_before():
    said = shares_summary("OPCC: £60,000\nLottery (2018/19): £50,000", "£75,000").splitlines()
    assert "⚠ The shares for 2018/19 add up to £110,000, more than the cost £75,000." in said
