"""Session 76 (figures): a share typed as a part of the cost beside shares typed in pounds that, with it, make the
whole cost ("OPCC: 1/3" and "SCC: £66.66" of £100) was told to type £33.33 while the summary under the field said
"Other funders: £33.34.": typed as told, the shares came to £99.99 and the summary then said a penny was left for
other funders. Parts that, with the shares in pounds, make the whole cost (to within a penny a share in pounds,
as a sheet's rounding leaves them) now take what the shares in pounds leave, shared by largest remainder as
several parts are (last round): the line and the summary say the same £33.34. Parts that leave room for other
funders are as before (half up; together by largest remainder)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from safer_desk.presenters.funders import shares_summary
from tests.projects.test_parts_of_cost_add_up_s75 import said, suggested_pence


def test_a_part_beside_shares_in_pounds_making_the_cost_takes_what_they_leave():
    messages = said("OPCC: 1/3\nSCC: £66.66", 100_00)
    assert suggested_pence(messages) == [33_34]  # was £33.33, beside "Other funders: £33.34."
    assert messages[0] == ("line 1: give the share in pounds (“OPCC: £33.34”, 1/3 of the cost £100, taking the odd "
                           "penny so that with the shares in pounds they add up to the cost £100), not as a part of "
                           "the cost.")


def test_the_summary_and_the_line_say_the_same_amount():
    for text in ("OPCC: 1/3\nSCC: £66.66", "OPCC: 1/3\nSCC: £33.33\nCouncil: £33.33"):
        summary = shares_summary(text, "£100")
        assert "Other funders: £33.34." in summary and "“OPCC: £33.34”" in summary, summary


def test_several_parts_beside_a_share_in_pounds_share_what_it_leaves():
    messages = said("OPCC: 1/3\nSCC: 1/3\nCouncil: £33.33", 100_00)
    assert suggested_pence(messages) == [33_34, 33_33]  # together £66.67: with £33.33, the cost
    assert "with the shares in pounds they add up to the cost £100" in messages[0]
    assert "odd penny" not in messages[1]


def test_parts_leaving_room_for_other_funders_are_as_before():
    assert suggested_pence(said("OPCC: 1/3\nSCC: £50", 100_00)) == [33_33]
    assert suggested_pence(said("OPCC: 1/3\nSCC: £2,000\nCouncil: 1/3", 10_000_01)) == [3_333_34, 3_333_33]


@settings(max_examples=300, deadline=None)
@given(cost=st.integers(1, 10_000_000), parts=st.lists(st.integers(1, 12), min_size=1, max_size=4),
       den=st.integers(2, 12))
def test_parts_with_the_pounds_they_leave_always_add_up_to_the_cost(cost, parts, den):
    """However the parts are typed, when the shares in pounds are the rest of the cost as a sheet rounds it (down),
    the amounts the lines are told to type add up with them to the cost exactly, and none is negative."""
    fractions = [Fraction(p, den) for p in parts]
    if sum(fractions) >= 1:
        return
    rest = 1 - sum(fractions)
    pounds = int(rest * cost)  # rounded down, as a sheet's shares often are
    if pounds <= 0:
        return
    text = "\n".join([f"P{i}: {f.numerator}/{f.denominator}" for i, f in enumerate(fractions)]
                     + [f"Other: £{pounds // 100}.{pounds % 100:02d}"])
    told = suggested_pence(said(text, cost))
    assert sum(told) + pounds == cost
    assert all(t >= 0 for t in told)


def test_a_part_for_a_year_is_of_that_years_cost_as_the_summary_weighs_it():
    """ELEV8's cost lines give 2009/10 £46,500 of £101,500: "OPCC (2009/10): 1/3" was told £33,833.33 (a third of
    the whole cost) while the summary said "Other funders for 2009/10: £15,500." beside SCC's £31,000."""
    years = {"2009/10": 46_500_00, "2010/11": 55_000_00}
    summary = shares_summary("OPCC (2009/10): 1/3\nSCC (2009/10): £31,000", "£101,500", year_costs=years)
    assert "Other funders for 2009/10: £15,500." in summary
    assert "“OPCC (2009/10): £15,500”, 1/3 of the 2009/10 cost £46,500" in summary, summary
    # a share with no year is of the whole cost, as before
    assert "“OPCC: £33,833.33”, 1/3 of the cost £101,500" in shares_summary("OPCC: 1/3", "£101,500",
                                                                              year_costs=years)


def test_saving_says_the_same_amount():
    from safer_desk.services.projects import FieldProblems, project_from_fields

    fields = {"title": "ELEV8", "cost": "£101,500", "funding_sources": "OPCC (2009/10): 1/3\nSCC (2009/10): £31,000"}
    lines = [("2009/10", "Staff", "", "£46,500"), ("2010/11", "Staff", "", "£55,000")]
    try:
        project_from_fields(fields, cost_lines=lines)
    except FieldProblems as exc:
        said = dict(exc.problems)["funding_sources"]
    assert "“OPCC (2009/10): £15,500”, 1/3 of the 2009/10 cost £46,500" in said, said
