"""A funder's share under the project's Funding sources, a penny from the whole or from none: "OPCC: £74,999.99 of
£75,000 (100.0%)" above "Other funders: £0.01." read as the whole cost paid, and £0.01 read "(0.0%)", as if nothing
(the Commissioning page's scale says such a part "under 0.01%", not 0.00%). Now "over 99.9%" and "under 0.1%", and
a penny over the whole "over 100%" beside its warning (session 68)."""

from safer_desk.presenters.funders import shares_summary


def test_a_penny_short_of_the_whole_is_not_said_as_the_whole():
    said = shares_summary("OPCC: £74,999.99", "£75,000")
    assert said.splitlines() == ["OPCC: £74,999.99 of £75,000 (over 99.9%)", "Other funders: £0.01."]


def test_a_penny_is_not_said_as_none():
    assert shares_summary("OPCC: £0.01", "£75,000").splitlines()[0] == "OPCC: £0.01 of £75,000 (under 0.1%)"


def test_a_penny_over_the_whole_is_said_over_it():
    lines = shares_summary("OPCC: £75,000.01", "£75,000").splitlines()
    assert lines[0] == "OPCC: £75,000.01 of £75,000 (over 100%)"
    assert lines[1] == "⚠ The shares add up to £75,000.01, more than the cost £75,000."


def test_a_range_and_a_years_cost_say_it_alike_and_plain_shares_as_before():
    ranged = shares_summary("OPCC: £54,371.99", "£54,372 - £62,372").splitlines()[0]
    assert ranged == "OPCC: £54,371.99 of £54,372 - £62,372 (over 99.9% of the lower end, 87.2% of the upper)"
    thirds = shares_summary("OPCC: £25,000\nSCC: £25,000", "£75,000").splitlines()
    assert thirds[:2] == ["OPCC: £25,000 of £75,000 (33.3%)", "SCC: £25,000 of £75,000 (33.3%)"]
    assert shares_summary("OPCC: £75,000", "£75,000").splitlines() == ["OPCC: £75,000 of £75,000 (100.0%)"]
